"""Hostile and unlucky input to every command: one line and exit 2 (or a clean success), never exit 70 or a hang.

The probe families of the reliability audit (docs/reliability.md): special files wherever a
path comes in, names too long for the file system, a closed or full standard output,
option errors, SOURCE_DATE_EPOCH, user templates that fail at render time, images and
templates that would take more memory than they are worth, and injection through a theme.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import facilitate
from facilitate.model.picture import Picture
from facilitate.cli import main
from facilitate.errors import ExportError, FacilitateError, LoadError
from facilitate.loaders.content import load_object
from tests.conftest import small_deck, small_pack
from tests.test_faults import special_file

FACILITATE = Path(sys.executable).with_name("facilitate")
SESSION = """\
kind: session
id: probe
title: Probe
segments:
  - id: welcome
    title: Welcome
    minutes: 20
"""


def within(seconds: float, action):
    """``action()``'s result, or a test failure if it has not finished in ``seconds`` (a FIFO would block for ever)."""
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["value"] = action()
        except BaseException as error:  # handed back to the test
            outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s: it hangs"
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def invoke(*args: str, **kwargs):
    return within(60, lambda: CliRunner().invoke(main, list(args), prog_name="facilitate", **kwargs))


def one_line_error(result, exit_code: int = 2) -> str:
    assert result.exit_code == exit_code, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    return lines[0]


SPECIAL_INPUTS = ["folder", "fifo", "socket", "symlink loop", "device", "/proc/self/mem"]


def special_input(tmp_path: Path, kind: str, name: str) -> Path:
    if kind == "/proc/self/mem":
        if not Path("/proc/self/mem").exists():
            pytest.skip("no /proc here")
        return Path("/proc/self/mem")
    return special_file(tmp_path / name, kind)


@pytest.mark.parametrize("kind", SPECIAL_INPUTS)
def test_a_special_file_as_content_is_refused_before_it_is_opened(tmp_path, kind):
    path = special_input(tmp_path, kind, "content.yaml")
    with pytest.raises(LoadError) as caught:
        within(20, lambda: load_object(path))
    message = caught.value.one_line()
    assert message.startswith(f"{path}: ")
    assert any(words in message for words in ("not a content file", "loops", "cannot read it")), message


@pytest.mark.parametrize("kind", ["fifo", "device", "symlink loop"])
def test_a_special_file_as_a_table_a_question_list_or_a_form_export_is_refused(tmp_path, kind):
    table = special_input(tmp_path, kind, "cards.csv")
    message = one_line_error(invoke("cards", str(table), "-o", str(tmp_path / "out.pdf")))
    assert str(table) in message
    listing = special_input(tmp_path, kind, "questions.txt")
    message = one_line_error(invoke("ladder", "--file", str(listing)))
    assert str(listing) in message


@pytest.mark.parametrize("kind", ["fifo", "socket", "device", "symlink loop"])
def test_a_special_file_as_an_image_is_refused_at_load_and_at_export(tmp_path, kind):
    special_input(tmp_path, kind, "back.png")
    deck = tmp_path / "deck.yaml"
    deck.write_text("kind: deck\nid: d\ntitle: D\nback: {image: {path: back.png, alt: Our logo}}\ncards:\n  - {id: c, title: C, prompt: P}\n")
    with pytest.raises(LoadError, match=r"deck\.yaml:4: back\.image\.path: "):
        within(20, lambda: load_object(deck))
    # Through the Python API, the exporter checks the image itself.
    import attrs

    card_deck = small_deck(2)
    card_deck = attrs.evolve(card_deck, back=attrs.evolve(card_deck.back, image=Picture(str(tmp_path / "back.png"), "Our logo")))
    with pytest.raises(ExportError, match=r"deck 'imagine': back: .*back\.png'"):
        within(20, lambda: facilitate.build(small_pack(decks=(card_deck,)), tmp_path / "out", ["cards"]))


@pytest.mark.parametrize("kind", ["fifo", "device", "symlink loop"])
def test_a_special_file_as_a_template_is_refused(tmp_path, kind):
    (tmp_path / "s.yaml").write_text(SESSION)
    template = special_input(tmp_path, kind, "brand.pptx")
    message = one_line_error(invoke("build", str(tmp_path / "s.yaml"), "-o", str(tmp_path / "out"), "-f", "pptx", "--template", str(template)))
    assert "--template" in message and "brand.pptx" in message
    folder = tmp_path / "templates"
    folder.mkdir()
    special_input(folder, kind, "document.html.j2")
    message = one_line_error(invoke("build", str(tmp_path / "s.yaml"), "-o", str(tmp_path / "out"), "-f", "html", "--template-dir", str(folder)))
    assert "document.html.j2" in message


@pytest.mark.parametrize("kind", ["folder", "fifo", "device", "symlink"])
def test_a_special_file_as_an_output_is_refused_even_with_force(tmp_path, kind):
    (tmp_path / "s.yaml").write_text(SESSION)
    target = special_file(tmp_path / "deck-cards.pdf", kind)
    for force in ([], ["--force"]):
        message = one_line_error(invoke("cards", "lets-imagine", "-o", str(target), *force))
        assert str(target) in message
    message = one_line_error(invoke("new", "agenda", "Day", "-o", str(target), "--force"))
    assert str(target) in message
    assert os.path.lexists(target) and (kind == "symlink" or not target.is_file())
    if kind == "symlink":
        assert Path(os.readlink(target)).read_text() == "PRIVATE KEY"


def test_names_too_long_for_the_file_system_are_one_line(tmp_path):
    deck = tmp_path / "deck.yaml"
    deck.write_text(f"kind: deck\nid: {'a' * 100_000}\ntitle: T\ncards:\n  - {{id: c, title: C, prompt: P}}\n")
    result = invoke("validate", str(deck))
    assert result.exit_code == 2
    assert result.output == f"{deck}:2: id: is 100,000 characters long; an id names files, so it has at most 64\n"
    (tmp_path / "s.yaml").write_text(SESSION)
    named = tmp_path / "named.yaml"
    named.write_text(SESSION + f"    reflection: {'Partnership' * 30}\n")
    assert one_line_error(invoke("build", str(named), "-o", str(tmp_path / "out"))).startswith(f"error: {named}:8: segments[0].reflection: no reflection named")
    assert one_line_error(invoke("build", "z" * 300)).startswith("error: " + "z" * 300 + ": no session named")
    long = str(tmp_path / ("x" * 300))
    for args in (["build", str(tmp_path / "s.yaml"), "-o", long, "-f", "markdown"], ["new", "agenda", "Day", "-o", long],
                 ["cards", "lets-imagine", "-o", long], ["copy", "lets-imagine", "-o", long + ".yaml"], ["preview", long]):
        assert "the name is too long for the file system" in one_line_error(invoke(*args))


def test_deep_toml_and_yaml_nesting_is_one_line(tmp_path):
    deep = tmp_path / "deep.toml"
    deep.write_text('kind = "deck"\nx = ' + "[" * 10_000 + "]" * 10_000 + "\n")
    result = invoke("validate", str(deep))
    assert result.exit_code == 2 and result.output == f"{deep}: lists and tables nest too deep (more than 48 levels)\n"
    flow = tmp_path / "deep.yaml"
    flow.write_text("kind: deck\nx: " + "[" * 10_000 + "]" * 10_000 + "\n")
    result = invoke("validate", str(flow))
    assert result.exit_code == 2 and result.output.startswith(f"{flow}:2: ") and "nest" in result.output


def test_a_field_longer_than_a_field_holds_is_named(tmp_path):
    from facilitate.loaders.limits import MAX_FIELD_CHARS

    session = tmp_path / "s.yaml"
    session.write_text(SESSION + f"    notes: {'n' * (MAX_FIELD_CHARS + 1)}\n")
    result = invoke("validate", str(session))
    assert result.output == f"{session}:8: segments[0].notes: holds 100,001 characters; a field holds at most 100,000\n"


@pytest.mark.skipif(not FACILITATE.exists(), reason="needs the installed facilitate command")
def test_a_closed_standard_output_is_a_quiet_exit_and_a_full_one_is_one_line(tmp_path):
    closed = subprocess.run(f"{FACILITATE} schema | head -c 1", shell=True, capture_output=True, text=True, timeout=60)
    assert closed.stdout == "{" and closed.stderr == ""
    status = subprocess.run(f"{FACILITATE} schema | head -c 1 >/dev/null; exit ${{PIPESTATUS[0]}}", shell=True,
                            executable="/bin/bash", capture_output=True, text=True, timeout=60)
    assert status.returncode == 0 and status.stderr == ""
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    with open("/dev/full", "w") as full:
        result = subprocess.run([str(FACILITATE), "schema"], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr == "error: cannot write the output: No space left on device\n"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["preview", "--dpi", "19", "x.pdf"], "--dpi': 19 is not in the range 20<=x<=600"),
        (["build-cluster", "-j", "0", "x.yaml"], "'-j' / '--jobs': 0 is not in the range 1<=x<=64"),
        (["validate", "."], "File '.' is a directory"),
        (["build", "--no-such-option"], "--no-such-option"),
    ],
)
def test_option_errors_are_one_line(args, words):
    message = one_line_error(invoke(*args))
    assert words in message and "(see facilitate" in message
    if "--no-such-option" in args:
        assert "No such option" in message  # click 8.1 quotes the option, 8.2 puts a colon before it


def test_a_content_file_that_is_a_folder_is_one_line(tmp_path):
    assert one_line_error(invoke("build", str(tmp_path))) == f"error: {tmp_path}: is a folder, not a content file"


@pytest.mark.parametrize("value", ["1700000000000", "-1", "4354819200", "soon", "1e9"])
def test_a_source_date_epoch_no_file_can_hold_is_one_line_naming_it(tmp_path, monkeypatch, value):
    from facilitate.output import source_date_epoch

    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(FacilitateError, match=r"^SOURCE_DATE_EPOCH"):
        source_date_epoch()
    (tmp_path / "s.yaml").write_text(SESSION)
    message = one_line_error(invoke("build", str(tmp_path / "s.yaml"), "-o", str(tmp_path / "out"), "-f", "markdown"))
    assert message.startswith("error: SOURCE_DATE_EPOCH")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("value", ["0", "315532800", "4354819199"])
def test_source_date_epoch_at_the_edges_builds(tmp_path, monkeypatch, value):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    facilitate.build(small_pack(), tmp_path, ["pptx", "markdown"])
    with zipfile.ZipFile(tmp_path / "deck.pptx") as deck:
        assert deck.infolist()[0].date_time[0] in (1980, 2107)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(max_size=60))
def test_new_writes_a_file_that_validates_or_refuses_the_name(tmp_path_factory, name):
    """Any name (emoji, line breaks, quotes, control characters): the starter validates, or the name is refused."""
    from facilitate.loaders import library
    from facilitate.starters import starter

    folder = tmp_path_factory.mktemp("new")
    try:
        slug, text = starter("agenda", name)
    except FacilitateError as error:
        assert str(error).startswith("the name holds")
        return
    path = folder / f"{slug}.yaml"
    path.write_text(text, encoding="utf-8")
    pack = library.load(path)
    assert pack.session.title == (" ".join(name.split()) or slug)


def test_new_agenda_with_an_emoji_is_refused_naming_it(tmp_path, monkeypatch):
    """The bundled font has no emoji: the starter would not validate, so the name is refused, naming the character."""
    monkeypatch.chdir(tmp_path)
    result = invoke("new", "agenda", "Emoji day 🎉")
    assert result.exit_code == 2 and not (tmp_path / "emoji-day.yaml").exists()
    assert one_line_error(result) == (
        "error: the name holds '🎉' (U+1F389 PARTY POPPER), which the bundled font (DejaVu Sans) cannot print"
        " (it would show as an empty box in the pack); leave it out"
    )
    assert invoke("new", "agenda", "Diwrnod ŵyl").exit_code == 0
    assert invoke("validate", "diwrnod-wyl.yaml").output == "diwrnod-wyl.yaml: ok\n"


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        (b"one\n{{ 1 / 0 }}\n", "document.html.j2:2: template error (ZeroDivisionError): division by zero"),
        (b'{% include "document.html.j2" %}\n', "document.html.j2:1: the template includes or calls itself without end"),
        (b"{{ range(10 ** 6) | list | length }}\n", "document.html.j2:1: template error (OverflowError): Range too big"),
        (b'a\n\n{{ "x" * 100000000 }}\n', "document.html.j2:3: template error: repeating something 100,000,000 times"),
        (b"{{ 10 ** 100000000 }}\n", "document.html.j2:1: template error: a power above 64"),
        (b"{{ doc.__class__ }}\n", "document.html.j2:1: template error: access to attribute '__class__'"),
        (b"ok\n\xff\xfe{{ x }}\n", "document.html.j2:2: the template is not valid UTF-8 (byte 0xff)"),
        (b"{% if %}\n", "document.html.j2:1: template syntax:"),
    ],
)
def test_a_user_template_that_fails_names_its_file_and_line(tmp_path, template, expected):
    (tmp_path / "s.yaml").write_text(SESSION)
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "document.html.j2").write_bytes(template)
    message = one_line_error(invoke("build", str(tmp_path / "s.yaml"), "-o", str(tmp_path / "out"), "-f", "html", "--template-dir", str(folder)))
    assert message.startswith(f"error: {folder / 'document.html.j2'}:") or message.startswith("error: document.html.j2")
    assert expected in message
    assert not (tmp_path / "out").exists()


def png(path: Path, width: int, height: int) -> Path:
    """A PNG of ``width`` × ``height`` black pixels: tiny on disk, however many pixels."""
    import struct
    import zlib

    compressor = zlib.compressobj(9)
    row = b"\x00" * (width * 3 + 1)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b""))
    return path


@pytest.mark.parametrize(("width", "height", "words"), [
    (30_000, 30_000, "has too many pixels (more than 40 megapixels)"),  # past Pillow's own limit: its size is not read
    (12_000, 12_000, "is 12,000 × 12,000 pixels; images are limited to 40 megapixels"),
])
def test_an_image_too_large_to_decode_is_refused_before_it_is_decoded(tmp_path, width, height, words):
    import tracemalloc

    import attrs

    image = png(tmp_path / "back.png", width, height)
    deck = tmp_path / "deck.yaml"
    deck.write_text("kind: deck\nid: d\ntitle: D\nback: {image: {path: back.png, alt: Our logo}}\ncards:\n  - {id: c, title: C, prompt: P}\n")
    tracemalloc.start()
    with pytest.raises(LoadError) as caught:
        load_object(deck)
    card_deck = attrs.evolve(small_deck(2), back=attrs.evolve(small_deck(2).back, image=Picture(str(image), "Our logo")))
    with pytest.raises(ExportError) as exported:
        facilitate.build(small_pack(decks=(card_deck,)), tmp_path / "out", ["cards", "pptx"])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert caught.value.one_line().startswith(f"{deck}:4: back.image.path: image 'back.png' {words}")
    assert words in str(exported.value)
    assert peak < 64 * 1024 * 1024


def test_a_template_whose_zip_unpacks_too_large_is_refused_before_it_is_opened(tmp_path):
    import tracemalloc

    from facilitate.exporters.pptx import DeckOptions

    template = tmp_path / "huge.pptx"
    with zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("ppt/media/huge.bin", "w", force_zip64=True) as part:
            block = b"\0" * (1 << 20)
            for _ in range(300):
                part.write(block)
    assert template.stat().st_size < 2 * 1024 * 1024
    tracemalloc.start()
    with pytest.raises(ExportError, match=r"huge\.pptx: this PowerPoint template unpacks to more than 256 MB .*huge\.bin"):
        facilitate.build(small_pack(), tmp_path / "out", ["pptx"], facilitate.BuildOptions(DeckOptions(template=str(template))))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 32 * 1024 * 1024
