"""A pack in Welsh, French, Spanish or German has no English label left in any of its files.

For each shipped language the default session (agendas/power-of-partnerships.yaml, with
``language:`` set) is built in every format, and the text of every output is read back as
a user's tools read it: pdftotext for the PDFs, python-pptx for the deck (shapes, tables,
charts, speaker notes), python-docx for the Word files (body, tables, headers, footers),
the HTML and Markdown as written, and the live page in Chromium (presenter view with its
panels open, and the room view).

Every label of the English catalogue is then looked for in that text. The bundled library's
own content stays English, so the scan leaves out, by computing them, the English words a
label shares with that content (gathered from every text field of the loaded pack) and the
words a label shares with the language's own translations ("Logo", "Dimension", "min"):
neither can tell an untranslated label from a right one. What is left must not appear.
"""

from __future__ import annotations

import html.parser
import re
import zipfile
from pathlib import Path

import attrs
import pytest

import facilitate
from facilitate.labels import PLACEHOLDER, SHIPPED, catalogue_path
from facilitate.loaders.content import load_pack
from facilitate.loaders.library import find, resolve
from tests import tools

LANGUAGES = tuple(language for language in SHIPPED if language != "en")
#: A label's words between its {values}, as the scan looks for them.
WORD = re.compile(r"[^\W\d_]", re.UNICODE)


def catalogue_words(language: str) -> list[tuple[str, ...]]:
    """Every label's words in ``language``'s shipped catalogue: each message's forms."""
    from babel.messages.pofile import read_po

    with catalogue_path(language).open("rb") as handle:
        catalog = read_po(handle)
    return [tuple(m.string) if isinstance(m.string, tuple) else (m.string,) for m in catalog if m.id]


def fragments(text: str) -> list[str]:
    """The literal pieces of a label between its {values}, trimmed, that hold a letter."""
    pieces = [piece.strip(" \u00a0.,:;·–—-()[]“”\"'/=+→±") for piece in PLACEHOLDER.split(text)[::2]]
    return [piece for piece in pieces if WORD.search(piece)]


def phrase(words: str) -> re.Pattern[str]:
    """``words`` as whole words, any run of spaces between them, any case."""
    parts = [re.escape(part) for part in words.split()]
    return re.compile(r"(?<![\w])" + r"\s+".join(parts) + r"(?![\w])", re.IGNORECASE)


def normalised(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def content_text(pack) -> str:
    """Every text the user's content holds (the loaded pack's model objects, walked)."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, (tuple, list)):
            for item in value:
                walk(item)
        elif attrs.has(type(value)):
            for field in attrs.fields(type(value)):
                if field.name != "label_files":
                    walk(getattr(value, field.name))

    walk(pack)
    return normalised("\n".join(found))


def english_labels_to_find(language: str, content: str) -> set[str]:
    """The English label pieces that must not appear in ``language``'s pack."""
    own = normalised(" \n ".join(form for forms in catalogue_words(language) for form in forms))
    wanted = set()
    for forms in catalogue_words("en"):
        for form in forms:
            for piece in fragments(form):
                pattern = phrase(piece)
                if not pattern.search(content) and not pattern.search(own):
                    wanted.add(piece)
    return wanted


# --- reading each kind of output ------------------------------------------------------


class _Text(html.parser.HTMLParser):
    """The text of an HTML page, and the words it gives screen readers (alt, aria-label, title)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script"):
            self.skip += 1
        self.parts += [value for name, value in attributes if name in ("alt", "aria-label", "title") and value]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text("utf-8"))
    return "\n".join(parser.parts)


def pptx_text(path: Path) -> str:
    """Every text of the deck: shapes, tables, chart titles, series and categories, alt text, speaker notes."""
    import pptx

    parts: list[str] = []
    deck = pptx.Presentation(str(path))
    for slide in deck.slides:
        for shape in slide.shapes:
            parts.append(shape._element.xpath("string(./*[1]/p:cNvPr/@descr)") or "")
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                parts += [cell.text for row in shape.table.rows for cell in row.cells]
            if getattr(shape, "has_chart", False) and shape.has_chart:
                chart = shape.chart
                parts += [series.name for series in chart.plots[0].series]
                parts += [str(category) for category in chart.plots[0].categories]
                for axis in ("value_axis", "category_axis"):
                    try:
                        found = getattr(chart, axis)
                    except (ValueError, AttributeError):
                        continue
                    if found.has_title:
                        parts.append(found.axis_title.text_frame.text)
        if slide.has_notes_slide:
            parts.append(slide.notes_slide.notes_text_frame.text)
    parts.append(deck.core_properties.title)
    return "\n".join(parts)


def docx_text(path: Path) -> str:
    """Every text of a Word file: paragraphs, tables (and tables in them), headers and footers (with their fields)."""
    import docx

    document = docx.Document(str(path))
    parts: list[str] = []

    def cells(tables) -> None:
        for table in tables:
            for row in table.rows:
                for cell in row.cells:
                    parts.extend(paragraph.text for paragraph in cell.paragraphs)
                    cells(cell.tables)

    parts += [paragraph.text for paragraph in document.paragraphs]
    cells(document.tables)
    for section in document.sections:
        for part in (section.header, section.footer):
            parts += ["".join(part._element.itertext())]
    return "\n".join(parts)


def live_text(browser, path: Path) -> str:
    """What the live page shows: the presenter view with its notes, cards and help open, and the room view."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, timezone_id="UTC")
    context.clock.install(time="2026-09-03T08:59:00Z")
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        texts = [page.evaluate("document.title")]
        page.keyboard.press("f")  # the notes
        page.keyboard.press("c")  # the cards
        page.keyboard.press("t")
        page.keyboard.press("Space")  # the countdown runs
        context.clock.run_for(60_000)
        texts.append(page.locator("body").inner_text())
        page.keyboard.press("Shift+?")  # the help
        texts.append(page.locator("#help").inner_text())
        texts += page.eval_on_selector_all("[aria-label]", "nodes => nodes.map(n => n.getAttribute('aria-label'))")
        room = context.new_page()
        room.goto(path.as_uri() + "#room")
        texts.append(room.locator("body").inner_text())
        return "\n".join(texts)
    finally:
        context.close()


def session_in(language: str, folder: Path) -> Path:
    """The default session, as a file of the user's with ``language:`` (and a date) set."""
    bundled = find("power-of-partnerships", "session").path
    text = Path(str(bundled)).read_text("utf-8").replace("kind: session\n", f"kind: session\nlanguage: {language}\ndate: 2026-09-03\n", 1)
    path = folder / "power-of-partnerships.yaml"
    path.write_text(text, "utf-8")
    return path


@pytest.fixture(scope="module", params=LANGUAGES)
def built(request, tmp_path_factory):
    language = request.param
    folder = tmp_path_factory.mktemp(f"pack-{language}")
    pack = load_pack(session_in(language, folder), resolve)
    assert pack.session.language == language
    written = facilitate.build(pack, folder / "pack")
    return language, pack, written


def output_texts(written: list[Path], browser) -> dict[str, str]:
    texts = {}
    for path in written:
        if path.suffix == ".pdf":
            texts[path.name] = tools.pdftotext(path)
        elif path.suffix == ".pptx":
            texts[path.name] = pptx_text(path)
        elif path.suffix == ".docx":
            texts[path.name] = docx_text(path)
        elif path.name == "session.html":
            texts[path.name] = live_text(browser, path)
        elif path.suffix == ".html":
            texts[path.name] = html_text(path)
        elif path.suffix == ".md":
            texts[path.name] = path.read_text("utf-8")
    return texts


def test_no_english_label_is_left_in_any_output(built, browser):
    language, pack, written = built
    content = content_text(pack)
    wanted = english_labels_to_find(language, content)
    # The scan is worth something only if most labels are looked for.
    assert len(wanted) > 150, sorted(wanted)
    texts = output_texts(written, browser)
    assert {".pdf", ".pptx", ".docx", ".html", ".md"} <= {Path(name).suffix for name in texts}
    assert "session.html" in texts and "deck.pptx" in texts and "cards.pdf" in texts
    left = {}
    for name, text in texts.items():
        text = normalised(text)
        found = sorted(piece for piece in wanted if phrase(piece).search(text))
        if found:
            left[name] = found
    assert left == {}, f"English labels left in the {language} pack"


def test_every_output_says_its_language(built):
    language, _pack, written = built
    by_name = {path.name: path for path in written}
    deck = zipfile.ZipFile(by_name["deck.pptx"])
    slide = deck.read("ppt/slides/slide1.xml").decode("utf-8")
    # Office programs want a region with the language, for their spelling checkers.
    office = {"cy": "cy-GB", "fr": "fr-FR", "es": "es-ES", "de": "de-DE"}[language]
    assert f'lang="{office}"' in slide and 'lang="en' not in slide
    assert f"<dc:language>{office}</dc:language>" in deck.read("docProps/core.xml").decode("utf-8")
    word = zipfile.ZipFile(by_name["runsheet.docx"])
    assert f'w:val="{office}"' in word.read("word/styles.xml").decode("utf-8")
    assert f'<html lang="{language}">' in by_name["handout.html"].read_text("utf-8")
    assert f'<html lang="{language}">' in by_name["session.html"].read_text("utf-8")
    from pypdf import PdfReader

    for name in ("cards.pdf", "runsheet.pdf", "handout.pdf", "worksheet-attendance-curve.pdf"):
        assert PdfReader(by_name[name]).trailer["/Root"]["/Lang"] == language, name


def test_dates_and_times_follow_the_language(built):
    language, _pack, written = built
    by_name = {path.name: path for path in written}
    handout = normalised(tools.pdftotext(by_name["handout.pdf"]))
    day = {
        "cy": "Dydd Iau, 3 Medi 2026",
        "fr": "jeudi 3 septembre 2026",
        "es": "jueves, 3 de septiembre de 2026",
        "de": "Donnerstag, 3. September 2026",
    }[language]
    # Spanish writes the hour without a leading zero; the others as 09:00.
    times = "9:00–15:30" if language == "es" else "09:00–15:30"
    assert f"{day} · {times}" in handout


def test_labels_far_longer_than_german_still_build_in_every_format(tmp_path):
    """facilitate's words shrink, wrap or shorten; they never overflow or fail a build.

    German runs 20–30% longer than English: here every label is German said twice over,
    about two and a half times the English, in the user's own labels-de.po.
    """
    from babel.messages.pofile import read_po, write_po

    with catalogue_path("de").open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if message.id:
            double = lambda text: f"{text} {text}" if WORD.search(text) else text  # noqa: E731
            message.string = tuple(double(form) for form in message.string) if isinstance(message.string, tuple) else double(message.string)
    import io

    buffer = io.BytesIO()
    write_po(buffer, catalog)
    (tmp_path / "labels-de.po").write_bytes(buffer.getvalue())
    pack = load_pack(session_in("de", tmp_path), resolve)
    from facilitate.labels import for_pack

    assert for_pack(pack).gettext("Our conversation today") == "Ablauf heute Ablauf heute"
    written = facilitate.build(pack, tmp_path / "pack")
    assert {path.suffix for path in written} >= {".pdf", ".pptx", ".docx", ".html", ".md"}
    assert "Ablauf heute Ablauf heute" in pptx_text(next(p for p in written if p.name == "deck.pptx"))


@pytest.mark.parametrize(("language", "clock", "first"), [("es", None, "9:00"), ("en", "12h", "9:00\u202fam"), ("cy", None, "09:00")])
def test_the_live_page_writes_clock_times_as_the_language_does(browser, tmp_path, language, clock, first):
    from tests.conftest import small_pack, small_session

    pack = attrs.evolve(small_pack(), session=small_session(language=language, clock=clock))
    (page_file,) = facilitate.build(pack, tmp_path / "pack", formats=["live"])
    context = browser.new_context(viewport={"width": 1400, "height": 900}, timezone_id="UTC")
    context.clock.install(time="2026-09-03T08:59:00Z")
    try:
        page = context.new_page()
        page.goto(page_file.as_uri())
        shown = page.locator('#agenda li[data-index="0"] .time').inner_text()
        assert shown.replace(" ", "\u202f") == first
        assert page.evaluate("document.documentElement.lang") == language
    finally:
        context.close()
