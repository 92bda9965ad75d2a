"""Image files: checked when they are named, and prepared at the size they are printed or projected.

Shared by the loaders (``inspect_image``: is this a picture facilitate can draw, and not
absurdly large?) and by every exporter that draws a picture (``prepared``: the pixels
for a box of a given size at a given resolution). A 12 MB photo on a handout becomes the
few hundred kilobytes that 200 dpi at its printed size needs; an SVG is drawn to pixels
with cairosvg at that size. Reading a raster image's header is enough to know its size,
so checking is quick even for a large photo. Output is deterministic: the same file and
box give the same bytes, with the file's own metadata (camera, place) left out.
"""

from __future__ import annotations

import functools
import io
import math
import os
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

#: An image file larger than this is refused (a phone photo is 3 to 12 MB).
MAX_IMAGE_BYTES = 32 * 1024 * 1024
#: And one with more pixels than this (40 megapixels: more than a phone camera's photo at
#: full size, decoded in about 160 MB), whatever its file size: a 100 kB PNG can hold
#: 30,000 × 30,000 pixels, 2.7 GB decoded. Only the header is read to know.
MAX_IMAGE_PIXELS = 40_000_000


class ImageProblem(Exception):
    """Why an image file cannot be used, in words for the person who named it."""


@attrs.frozen
class ImageInfo:
    """What facilitate needs to know of an image file before drawing it."""

    width: int
    height: int
    format: str  # PNG | JPEG | SVG


def inspect_image(path: str | os.PathLike[str]) -> ImageInfo:
    """The size and format of the image at ``path``; ImageProblem if it cannot be used.

    Anything but a regular file (a folder, a named pipe, a device) is refused before it is
    opened (facilitate.files), and a picture's size is known from its header before a byte
    of it is decoded.
    """
    from facilitate.errors import LoadError
    from facilitate.files import check_regular

    try:
        size = check_regular(path, what="image").st_size
    except LoadError as error:
        raise ImageProblem(error.message) from None
    if size > MAX_IMAGE_BYTES:
        raise ImageProblem(f"is {size / 1e6:.0f} MB; images are limited to {MAX_IMAGE_BYTES // (1024 * 1024)} MB (save a smaller copy)")
    if size == 0:
        raise ImageProblem("is empty")
    if str(path).lower().endswith(".svg"):
        return _inspect_svg(path)
    import warnings

    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # the limit below is ours
            image = Image.open(path)
        with image:
            width, height = image.size
            kind = image.format or ""
    except UnidentifiedImageError:
        raise ImageProblem("is not a PNG or JPEG image (its contents are not a picture facilitate can read)") from None
    except Image.DecompressionBombError:
        raise ImageProblem(f"has too many pixels (more than {MAX_IMAGE_PIXELS // 1_000_000} megapixels); save a smaller copy") from None
    except OSError as error:
        raise ImageProblem(f"cannot be read ({error})") from None
    if kind not in ("PNG", "JPEG"):
        raise ImageProblem(f"is a {kind or 'different kind of'} image; use PNG, JPEG or SVG")
    if width * height > MAX_IMAGE_PIXELS:
        raise ImageProblem(
            f"is {width:,} × {height:,} pixels; images are limited to {MAX_IMAGE_PIXELS // 1_000_000} megapixels"
            " (for example 8000 × 5000): save a smaller copy"
        )
    return ImageInfo(width, height, kind)


def svg_to_png(data: bytes, width: int | None = None, height: int | None = None) -> bytes:
    """An SVG drawn as PNG pixels (with cairosvg); ImageProblem naming why if it cannot be drawn."""
    try:
        import cairosvg
    except (ImportError, OSError) as error:  # OSError: the cairo library itself is missing
        raise ImageProblem(f"cannot be drawn: SVG needs cairosvg and the cairo library ({error})") from None
    try:
        png = cairosvg.svg2png(bytestring=data, output_width=width, output_height=height, unsafe=False)
    except Exception as error:  # cairosvg raises XML, value and type errors for SVG it cannot draw
        reason = " ".join(str(error).split()) or type(error).__name__
        raise ImageProblem(f"is an SVG that cannot be drawn ({reason})") from None
    if not png:
        raise ImageProblem("is an SVG that draws nothing")
    return bytes(png)


def _inspect_svg(path: str | os.PathLike[str]) -> ImageInfo:
    from io import BytesIO

    from PIL import Image

    png = svg_to_png(Path(path).read_bytes())
    with Image.open(BytesIO(png)) as image:
        width, height = image.size
    if width < 1 or height < 1:
        raise ImageProblem("is an SVG with no size")
    if width * height > MAX_IMAGE_PIXELS:
        raise ImageProblem(f"is an SVG of {width} × {height} units, too large to draw")
    return ImageInfo(width, height, "SVG")



@attrs.frozen
class Prepared:
    """An image ready to embed: its encoded bytes, pixel size and format."""

    data: bytes
    width: int
    height: int
    format: str  # png | jpeg

    @property
    def extension(self) -> str:
        return "jpg" if self.format == "jpeg" else "png"


#: Resolution of pictures in printed documents (PDF and Word), and on slides.
PRINT_DPI = 200
SLIDE_DPI = 150


def pixel_size(path: str | os.PathLike[str]) -> tuple[int, int]:
    """The width and height in pixels of the image at ``path`` (an SVG at its own size)."""
    info = _info(str(path), *_stamp(path))
    return info.width, info.height


def _stamp(path: str | os.PathLike[str]) -> tuple[int, int]:
    stat = os.stat(path)
    return stat.st_mtime_ns, stat.st_size


@functools.lru_cache(maxsize=256)
def _info(path: str, mtime: int, size: int) -> ImageInfo:
    return inspect_image(path)


def prepared(
    path: str | os.PathLike[str],
    width: float,
    height: float,
    dpi: float,
    crop: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0),
    keep_crop: bool = False,
) -> Prepared:
    """The image at ``path`` for a box ``width`` × ``height`` points at ``dpi``: never larger than needed.

    ``crop`` is the share of the image cut from its left, top, right and bottom. The crop
    is cut from the pixels, unless ``keep_crop`` (a PowerPoint picture crops itself, and
    keeps what was cut so the user can move it): then the whole image is kept, at the
    resolution that gives the visible part ``dpi``. An ImageProblem if it cannot be drawn.
    """
    key = str(path)
    return _prepared(key, *_stamp(path), round(width, 2), round(height, 2), float(dpi), tuple(round(c, 5) for c in crop), keep_crop)


@functools.lru_cache(maxsize=64)
def _prepared(
    path: str, mtime: int, size: int, width: float, height: float, dpi: float, crop: tuple[float, ...], keep_crop: bool
) -> Prepared:
    from PIL import Image, ImageOps

    info = _info(path, mtime, size)
    left, top, right, bottom = crop
    visible_x = max(1.0 - left - right, 1e-6)
    visible_y = max(1.0 - top - bottom, 1e-6)
    # The pixels the visible part needs, and so the whole image's scale (never above 1).
    need_w = max(1, math.ceil(width / 72 * dpi))
    need_h = max(1, math.ceil(height / 72 * dpi))
    scale = min(1.0, max(need_w / (info.width * visible_x), need_h / (info.height * visible_y)))
    if info.format == "SVG":
        # Drawn at the size needed (an SVG scales up without loss: at least its box's pixels).
        scale = max(need_w / (info.width * visible_x), need_h / (info.height * visible_y))
        target = (max(1, round(info.width * scale)), max(1, round(info.height * scale)))
        png = svg_to_png(Path(path).read_bytes(), *target)
        image: PILImage = Image.open(io.BytesIO(png))
        image.load()
    else:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # inspect_image applied our limit
            opened = Image.open(path)
            opened.load()
        with opened:
            image = ImageOps.exif_transpose(opened) or opened
        if scale < 1.0:
            target = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
            image = image.resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)
    if not keep_crop and any(crop):
        w, h = image.size
        box = (round(w * left), round(h * top), max(round(w * left) + 1, round(w * (1 - right))), max(round(h * top) + 1, round(h * (1 - bottom))))
        image = image.crop(box)
    return _encode(image, info.format)


def _encode(image: PILImage, source_format: str) -> Prepared:
    """PNG for pictures with transparency or drawn from PNG or SVG, JPEG for photos; no metadata."""
    buffer = io.BytesIO()
    has_alpha = image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info)
    if source_format == "JPEG" and not has_alpha:
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(buffer, "JPEG", quality=85, optimize=True)
        kind = "jpeg"
    else:
        if image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
            image = image.convert("RGBA" if has_alpha else "RGB")
        image.save(buffer, "PNG", optimize=False, compress_level=6)
        kind = "png"
    return Prepared(buffer.getvalue(), image.width, image.height, kind)
