"""Image files: checked when named (validate), and drawn at the size they are shown, never more."""

from __future__ import annotations

import io
import random
import struct
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from facilitate.cli import main
from facilitate.images import PRINT_DPI, ImageProblem, inspect_image, pixel_size, prepared
from facilitate.layout.picture import cover

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">'
    '<rect width="120" height="40" fill="#1f4e79"/><circle cx="20" cy="20" r="12" fill="#ffffff"/></svg>'
)


def photo(path: Path, size=(4000, 3000), seed=1) -> Path:
    """A noisy photo-like JPEG: several megabytes, as a phone's is, with camera metadata."""
    rng = random.Random(seed)
    small = Image.new("RGB", (size[0] // 8, size[1] // 8))
    small.putdata([(rng.randrange(256), rng.randrange(256), rng.randrange(256)) for _ in range(small.width * small.height)])
    image = small.resize(size, Image.Resampling.NEAREST)
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    image.save(path, "JPEG", quality=97, exif=exif)
    return path


def png_header(path: Path, width: int, height: int) -> Path:
    """A PNG whose header claims ``width`` × ``height`` pixels (its data is a stub: only the header is read)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0")) + chunk(b"IEND", b""))
    return path


def test_png_jpeg_and_svg_are_read(tmp_path):
    Image.new("RGBA", (300, 100), (31, 78, 121, 255)).save(tmp_path / "logo.png")
    photo(tmp_path / "hall.jpg", (800, 600))
    (tmp_path / "diagram.svg").write_text(SVG)
    assert (inspect_image(tmp_path / "logo.png").width, inspect_image(tmp_path / "logo.png").format) == (300, "PNG")
    assert inspect_image(tmp_path / "hall.jpg").format == "JPEG"
    svg = inspect_image(tmp_path / "diagram.svg")
    assert (svg.width, svg.height, svg.format) == (120, 40, "SVG")


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("notes.png", b"these are my notes, not a picture", "is not a PNG or JPEG image"),
        ("broken.svg", b'<svg xmlns="http://www.w3.org/2000/svg" width="10"><rect', "is an SVG that cannot be drawn"),
        ("empty.jpg", b"", "is empty"),
    ],
)
def test_files_that_are_not_pictures_say_why(tmp_path, name, content, words):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(ImageProblem, match=words):
        inspect_image(tmp_path / name)


@pytest.mark.parametrize(("width", "height"), [(13000, 12000), (40000, 40000)])
def test_absurdly_large_pictures_are_refused_from_their_header(tmp_path, width, height):
    with pytest.raises(ImageProblem, match="megapixels"):
        inspect_image(png_header(tmp_path / "huge.png", width, height))


def test_a_12_mb_photo_is_downsampled_to_its_printed_size(tmp_path):
    big = photo(tmp_path / "big.jpg")
    assert big.stat().st_size > 3_000_000
    # A box of 3 × 2 inches on a handout, at 200 dpi: 600 × 400 pixels are all it needs.
    image = prepared(big, 216, 144, PRINT_DPI)
    assert (image.width, image.height) == (600, 450)
    assert len(image.data) < big.stat().st_size / 10
    assert image.data == prepared(big, 216, 144, PRINT_DPI).data  # same input, same bytes
    assert b"PhoneMaker" not in image.data  # the camera's metadata is left out
    # Cut to fill the box: the pixels kept are the box's shape, at the resolution asked.
    placed = cover((4000, 3000), (0, 0, 216, 72))
    assert placed.crop.top == placed.crop.bottom == pytest.approx((1 - (4 / 3) / 3) / 2)
    cropped = prepared(big, 216, 72, PRINT_DPI, crop=placed.crop.as_tuple())
    assert (cropped.width, cropped.height) == (600, 200)


def test_a_small_picture_is_never_enlarged_and_an_svg_is_drawn_at_its_size(tmp_path):
    Image.new("RGB", (100, 50), "#2e7d32").save(tmp_path / "small.png")
    assert (prepared(tmp_path / "small.png", 500, 250, PRINT_DPI).width) == 100
    (tmp_path / "logo.svg").write_text(SVG)
    drawn = prepared(tmp_path / "logo.svg", 72, 24, PRINT_DPI)
    assert 200 <= drawn.width <= 201 and drawn.height == 67 and drawn.format == "png"  # 200 dpi, drawn sharp
    assert pixel_size(tmp_path / "logo.svg") == (120, 40)
    with Image.open(io.BytesIO(drawn.data)) as image:
        assert image.getpixel((100, 5))[:3] == (31, 78, 121)


SESSION = """\
kind: session
title: A day with pictures
segments:
  - id: welcome
    title: Welcome
    minutes: 10
    image:
      path: {path}
      alt: The school hall set out with round tables
"""


def test_validate_checks_every_picture(tmp_path):
    photo(tmp_path / "hall.jpg", (400, 300))
    (tmp_path / "notes.png").write_text("not a picture")
    (tmp_path / "good.yaml").write_text(SESSION.format(path="hall.jpg"))
    (tmp_path / "bad.yaml").write_text(SESSION.format(path="notes.png"))
    (tmp_path / "outside.yaml").write_text(SESSION.format(path="../hall.jpg"))
    runner = CliRunner()
    result = runner.invoke(main, ["validate", str(tmp_path / "good.yaml")])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["validate", str(tmp_path / "bad.yaml")])
    assert result.exit_code == 2
    assert f"{tmp_path / 'bad.yaml'}:8: segments[0].image.path: image 'notes.png' is not a PNG or JPEG image" in result.output
    result = runner.invoke(main, ["validate", str(tmp_path / "outside.yaml")])
    assert "segments[0].image.path: image '../hall.jpg' is outside the content folder" in result.output
