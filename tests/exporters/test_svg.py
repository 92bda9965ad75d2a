"""Slides and card faces as SVG: every word where LibreOffice puts it, every line inside its box, safe to inline.

The slide test builds a deck once, draws it both ways (python-pptx, rendered by
LibreOffice; and the SVG renderer) and reads LibreOffice's words back with pdfplumber:
each SVG line must be at LibreOffice's baseline with LibreOffice's words, starting where
LibreOffice starts it. Two things may differ by design, and the tolerances say how much:

- kerning: LibreOffice (and PowerPoint, and browsers) tighten pairs such as "Ta" that
  facilitate measures without kerning, so a word may sit a little left of where the
  unkerned widths put it: by at most 3% of its distance from the line's start;
- a borderline break: a line within 3% of filling its room may keep or lose its last
  word in LibreOffice (kerning, and sizes rounded to 1/100 mm, move it); anywhere else the
  lines must break alike.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import attrs
import pytest

from facilitate.exporters import pptx, svg
from facilitate.layout import fonts
from facilitate.layout import slides as spec
from facilitate.layout.card_face import band_height, card_face, category_colours
from facilitate.layout.slides.fitting import text_area
from facilitate.layout.units import Size
from facilitate.loaders import library
from facilitate.model import Card
from facilitate.options import BuildOptions
from tests import tools
from tests.conftest import small_deck
from tests.deck_fixtures import rich_pack

SVG = "{http://www.w3.org/2000/svg}"
#: LibreOffice's baselines agree with the SVG's to a hundredth of a point or so; a point allows for its rounding.
BASELINE_TOLERANCE = 1.0
#: How far a line's start may be from LibreOffice's, in points (plus the kerning share for centred and right-aligned lines).
START_TOLERANCE = 1.0
#: The most kerning narrows a stretch of text, as a share of its unkerned width.
KERNING = 0.03
MARKER = re.compile(r"^(•|\d+\.)$")


@attrs.frozen
class Line:
    """A line of text the SVG draws: where it starts, its baseline, its words, and the room it has."""

    start: float
    baseline: float
    text: str
    size: float
    bold: bool
    align: str
    left: float
    right: float
    top: float
    bottom: float
    box: int
    #: Above and below the baseline, as shares of the size.
    ascent: float = svg.BASELINE
    descent: float = 0.2

    @property
    def width(self) -> float:
        return measured(self.text, self.size, self.bold)

    @property
    def room(self) -> float:
        return self.right - self.left


def measured(text: str, size: float, bold: bool) -> float:
    return fonts.metrics("bold" if bold else "regular").width(text, size)


def svg_lines(deck: spec.Deck, slide: spec.Slide) -> list[Line]:
    """Every line the SVG draws on ``slide`` (markers apart), with the room its box gives it."""
    out = []
    with fonts.measuring(deck.font):
        boxes = [*slide.backdrop, None if slide.hidden_title else slide.title, slide.body, *slide.shapes]
        for number, element in enumerate(boxes):
            if isinstance(element, spec.TextBox):
                area = text_area(element.box, element.shape)
                for x, baseline, text, paragraph in svg.text_lines(element):
                    width = measured(text, paragraph.size, paragraph.bold)
                    start = {"left": x, "center": x - width / 2, "right": x - width}[paragraph.align]
                    out.append(Line(start, baseline, text, paragraph.size, paragraph.bold, paragraph.align,
                                    area.x + spec.INSET_X + paragraph.indent, area.right - spec.INSET_X,
                                    area.y + spec.INSET_Y, area.bottom - spec.INSET_Y, number))
            elif isinstance(element, spec.Table):
                cells = _cell_boxes(element)
                for x, baseline, text, cell in svg.table_lines(element):
                    cell_box = next(b for b, c in cells if c is cell and b.x <= x <= b.right and b.y <= baseline <= b.bottom)
                    metrics = fonts.metrics("bold" if cell.bold else "regular")
                    out.append(Line(x, baseline, text, element.size, cell.bold, "left", cell_box.x + spec.INSET_X,
                                    cell_box.right - spec.INSET_X, cell_box.y + spec.INSET_Y, cell_box.bottom - spec.INSET_Y,
                                    number * 1000 + cells.index((cell_box, cell)), metrics.ascent, metrics.descent))
    return [line for line in out if line.text]


def _cell_boxes(table: spec.Table) -> list[tuple[spec.Box, spec.Cell]]:
    out = []
    y = table.box.y
    for row, height in zip(table.rows, table.row_heights):
        x = table.box.x
        for cell, width in zip(row, table.column_widths):
            out.append((spec.Box(x, y, width, height), cell))
            x += width
        y += height
    return out


@attrs.frozen
class Word:
    text: str
    x: float
    baseline: float


def libreoffice_words(page, charts: list[spec.Chart]) -> list[Word]:
    """The words LibreOffice drew on a PDF page, at their first character's origin (charts' own text left out)."""
    out = []
    for found in page.extract_words(return_chars=True, use_text_flow=True, x_tolerance=1.5):
        first = found["chars"][0]
        x, baseline = first["matrix"][4], page.height - first["matrix"][5]
        if any(chart.box.x - 2 <= x <= chart.box.right + 2 and chart.box.y - 2 <= baseline <= chart.box.bottom + 2 for chart in charts):
            continue
        out.append(Word(found["text"], x, baseline))
    return out


def compare(deck: spec.Deck, pdf: Path) -> list[str]:
    """Every difference between the SVG's text and LibreOffice's beyond kerning and borderline breaks."""
    import pdfplumber

    problems = []
    with pdfplumber.open(pdf) as document, fonts.measuring(deck.font):
        assert len(document.pages) == len(deck.slides)
        for number, (slide, page) in enumerate(zip(deck.slides, document.pages), start=1):
            where = f"slide {number} ({slide.kind})"
            lines = svg_lines(deck, slide)
            theirs = libreoffice_words(page, [s for s in slide.shapes if isinstance(s, spec.Chart)])
            used: set[int] = set()
            shifted: set[int] = set()
            per_box: dict[int, tuple[Counter[str], Counter[str]]] = {}
            for line in lines:
                found = sorted(
                    ((index, word) for index, word in enumerate(theirs)
                     if index not in used and abs(word.baseline - line.baseline) <= BASELINE_TOLERANCE
                     and line.left - 2 <= word.x <= line.right + 2),
                    key=lambda item: item[1].x,
                )
                used.update(index for index, _ in found)
                words = [word for _, word in found if not (MARKER.match(word.text) and word.x < line.left - 1)]
                mine, ours = Counter(line.text.split()), Counter(word.text for word in words)
                svg_box, lo_box = per_box.setdefault(line.box, (Counter(), Counter()))
                svg_box.update(mine)
                lo_box.update(ours)
                if [word.text for word in words] == line.text.split():
                    problems += _positions(where, line, words)
                elif max(line.width, measured(" ".join(w.text for w in words), line.size, line.bold)) >= (1 - KERNING) * line.room:
                    shifted.add(line.box)  # a borderline break: the box's later lines may shift a word too
                elif line.box not in shifted:
                    problems.append(f"{where}: the line {line.text!r} breaks differently in LibreOffice: "
                                    f"{' '.join(w.text for w in words)!r} (and it is not within {KERNING:.0%} of its room)")
            for index, word in enumerate(theirs):
                # A line pushed down by a borderline break: inside its box, in a box that broke so.
                home = next((line.box for line in lines if line.box in shifted and index not in used and not MARKER.match(word.text)
                             and line.left - 2 <= word.x <= line.right + 2 and line.top <= word.baseline <= line.bottom), None)
                if home is not None:
                    used.add(index)
                    per_box[home][1].update([word.text])
            for box, (svg_box, lo_box) in per_box.items():
                if svg_box != lo_box:
                    problems.append(f"{where}: box {box} shows {sorted((svg_box - lo_box).elements())} in the SVG only and "
                                    f"{sorted((lo_box - svg_box).elements())} in LibreOffice only")
            for index, word in enumerate(theirs):
                if index not in used and not MARKER.match(word.text):
                    problems.append(f"{where}: LibreOffice draws {word.text!r} at ({word.x:.1f}, {word.baseline:.1f}), on no line of the SVG")
    return problems


def _positions(where: str, line: Line, words: list[Word]) -> list[str]:
    """Each word where the SVG line puts it: the line's start within a point (plus kerning's share when it is
    centred or right-aligned), each later word within its kerning share."""
    problems = []
    slack = {"left": 0.0, "center": 0.5, "right": 1.0}[line.align] * KERNING * line.width
    expected = line.start
    offset = 0
    for word in words:
        offset = line.text.index(word.text, offset)
        expected = line.start + measured(line.text[:offset], line.size, line.bold)
        tolerance = START_TOLERANCE + slack + KERNING * (expected - line.start)
        if abs(word.x - expected) > tolerance:
            problems.append(f"{where}: {word.text!r} of {line.text!r} is at x {word.x:.1f} in LibreOffice, {expected:.1f} in the SVG")
        offset += len(word.text)
    return problems


def lines_outside_their_boxes(deck: spec.Deck) -> list[str]:
    """Every SVG line that reaches outside its box's inner margins (unkerned, so kerning only draws it narrower)."""
    problems = []
    with fonts.measuring(deck.font):
        lines = [(number, line) for number, slide in enumerate(deck.slides, start=1) for line in svg_lines(deck, slide)]
        for number, line in lines:
            top, bottom = line.baseline - line.size * line.ascent, line.baseline + line.size * line.descent
            if line.start < line.left - 0.01 or line.start + line.width > line.right + 0.01 or top < line.top - 0.01 or bottom > line.bottom + 0.01:
                problems.append(f"slide {number}: {line.text!r} at ({line.start:.1f}, {line.baseline:.1f}) leaves its box "
                                f"({line.left:.1f}-{line.right:.1f} across, {line.top:.1f}-{line.bottom:.1f} down)")
    return problems


def svg_texts(document: str) -> list[tuple[float, float, str]]:
    """The (x, y, text) of every text element of an SVG document."""
    root = ET.fromstring(document)
    return [(float(t.get("x")), float(t.get("y")), t.text or "") for t in root.iter(f"{SVG}text")]


DECKS = {
    "default session": lambda: library.load(),
    "rich pack": rich_pack,
}


@pytest.fixture(scope="module", params=sorted(DECKS))
def rendered(request, tmp_path_factory):
    """A deck model, its SVGs, and LibreOffice's PDF of the same deck drawn by the PPTX exporter."""
    tools.soffice()
    pack = DECKS[request.param]()
    deck = pptx.deck_model(pack, BuildOptions())
    folder = tmp_path_factory.mktemp("svg-" + request.param.replace(" ", "-"))
    (folder / "deck.pptx").write_bytes(pptx.render(deck))
    pdf = tools.to_pdf(folder / "deck.pptx", folder)
    return deck, svg.deck_svgs(deck), pdf


def test_every_word_is_where_libreoffice_puts_it(rendered):
    deck, _, pdf = rendered
    assert compare(deck, pdf) == []


def test_every_line_of_the_svg_stays_inside_its_box(rendered):
    deck, _, _ = rendered
    assert lines_outside_their_boxes(deck) == []


def test_the_svg_draws_exactly_the_lines_compared(rendered):
    deck, documents, _ = rendered
    for slide, document in zip(deck.slides, documents):
        with fonts.measuring(deck.font):
            expected = Counter((float(svg.number(x)), float(svg.number(y)), line) for x, y, line in _drawn_lines(slide) if line)
        assert expected - Counter(svg_texts(document)) == Counter()


def _drawn_lines(slide: spec.Slide):
    for element in [*slide.backdrop, None if slide.hidden_title else slide.title, slide.body, *slide.shapes]:
        if isinstance(element, spec.TextBox):
            for x, y, line, _ in svg.text_lines(element):
                yield x, y, line
        elif isinstance(element, spec.Table):
            for x, y, line, _ in svg.table_lines(element):
                yield x, y, line


def test_a_comparison_that_cannot_fail_is_not_one(rendered, tmp_path):
    """The comparison notices a line moved by two points and a word LibreOffice does not draw."""
    deck, _, pdf = rendered
    index, slide = next((i, s) for i, s in enumerate(deck.slides) if s.body is not None and s.body.paragraphs)
    body = slide.body
    assert body is not None
    moved = attrs.evolve(body, box=attrs.evolve(body.box, y=body.box.y + 2))
    shifted = attrs.evolve(deck, slides=(*deck.slides[:index], attrs.evolve(slide, body=moved), *deck.slides[index + 1:]))
    assert any(problem.startswith(f"slide {index + 1} ") for problem in compare(shifted, pdf))
    first = body.paragraphs[0]
    changed = attrs.evolve(body, paragraphs=(attrs.evolve(first, text=first.text + " zebra"), *body.paragraphs[1:]))
    wrong = attrs.evolve(deck, slides=(*deck.slides[:index], attrs.evolve(slide, body=changed), *deck.slides[index + 1:]))
    assert any("zebra" in problem for problem in compare(wrong, pdf))


# --- what every SVG is -----------------------------------------------------------------------------


HOSTILE = '<script>alert(1)</script> & "quotes" <img src=x onerror=alert(2)>\x0b'


def test_hostile_text_stays_text_and_the_svg_has_no_script_or_link():
    pack = rich_pack(title=HOSTILE)
    deck = spec.build_deck(pack)
    document = svg.slide_svg(deck, deck.slides[0], 1)
    root = ET.fromstring(document)  # well-formed: every text escaped, the control character left out
    assert HOSTILE.replace("\x0b", "") in "".join(t.text or "" for t in root.iter(f"{SVG}text")) + root.get("aria-label", "")
    tags = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert not tags & {"script", "foreignObject", "a", "use", "iframe"}
    assert "<script" not in document and "javascript:" not in document and "onerror=" not in document.replace("onerror=alert", "")
    assert not any(attribute.startswith("on") for element in root.iter() for attribute in element.attrib)
    for element in root.iter(f"{SVG}image"):
        assert element.get("href", "").startswith("data:image/")


def test_svg_is_deterministic_and_names_the_decks_font_then_its_twin():
    pack = rich_pack()
    first = svg.deck_svgs(spec.build_deck(pack))
    second = svg.deck_svgs(spec.build_deck(pack))
    assert first == second
    root = ET.fromstring(first[0])
    assert root.get("font-family") == "Arial, 'Liberation Sans'"
    assert root.get("viewBox") == "0 0 960 540"
    assert root.get("role") == "img" and root.get("aria-label", "").startswith("Slide 1: ")


def test_hidden_titles_are_not_drawn_but_name_the_slide():
    deck = spec.build_deck(rich_pack())
    number, slide = next((n, s) for n, s in enumerate(deck.slides, 1) if s.hidden_title)
    root = ET.fromstring(svg.slide_svg(deck, slide, number))
    assert slide.title is not None and slide.title.box.bottom <= 0
    assert all(float(t.get("y")) > 0 for t in root.iter(f"{SVG}text"))
    assert root.find(f"{SVG}title").text == svg.slide_label(slide, number)


def test_every_element_kind_is_drawn():
    deck = spec.build_deck(rich_pack(), cards_as_slides=True)
    documents = svg.deck_svgs(deck)
    kinds = {type(element).__name__ for slide in deck.slides for element in (*slide.backdrop, *slide.shapes)}
    assert {"TextBox", "Chart", "Table"} <= kinds
    curve = next(d for s, d in zip(deck.slides, documents) if any(isinstance(e, spec.Chart) and e.kind == "line" for e in s.shapes))
    root = ET.fromstring(curve)
    assert any(p.get("stroke-dasharray") for p in root.iter(f"{SVG}path"))  # the forecast, dashed
    assert "Baseline" in [t.text for t in root.iter(f"{SVG}text")]  # the legend
    bars = next(d for s, d in zip(deck.slides, documents) if any(isinstance(e, spec.Chart) and e.kind == "bar" for e in s.shapes))
    assert any(re.fullmatch(r"\d\.\d", t.text or "") for t in ET.fromstring(bars).iter(f"{SVG}text"))  # each bar's value
    table = next(d for s, d in zip(deck.slides, documents) if any(isinstance(e, spec.Table) for e in s.shapes))
    assert len(list(ET.fromstring(table).iter(f"{SVG}rect"))) > 10


def test_pictures_are_embedded_and_cropped_to_their_box(tmp_path):
    from PIL import Image

    photo = tmp_path / "wide.png"
    Image.new("RGB", (400, 100), "#336699").save(photo)
    picture = spec.Picture(str(photo), spec.Box(100, 100, 200, 200), "A wide photo", fit="cover")
    logo = spec.Picture(str(photo), spec.Box(400, 100, 200, 200), "A logo", fit="contain", align="right")
    slide = spec.Slide("custom", spec.BLANK_LAYOUT, None, "", "#ffffff", shapes=(picture, logo))
    deck = spec.Deck(960, 540, (slide,), "Pictures")
    root = ET.fromstring(svg.slide_svg(deck, slide, 1))
    images = list(root.iter(f"{SVG}image"))
    assert [(i.get("x"), i.get("y"), i.get("width"), i.get("height")) for i in images] == [
        ("100", "100", "200", "200"), ("400", "175", "200", "50")]  # the logo whole, centred down its box
    import base64
    import io

    cropped = Image.open(io.BytesIO(base64.b64decode(images[0].get("href").split(",", 1)[1])))
    assert abs(cropped.width / cropped.height - 1) < 0.02  # the sides cut off, never stretched


# --- card faces --------------------------------------------------------------------------------------


def test_a_card_face_draws_its_blocks_lines_in_the_bundled_font():
    from facilitate.model import Theme

    deck = small_deck(3)
    card = attrs.evolve(deck.cards[0], icon="light-bulb", url="https://example.org/cards")
    deck = attrs.evolve(deck, cards=(card, *deck.cards[1:]))
    theme = Theme()
    size = Size(180, 252)
    safe = 8.5
    band = band_height(deck, size.width - 2 * safe, safe)
    colour = category_colours(deck, theme)[card.category]
    face = card_face(deck, card, 1, size, theme, band, colour, safe)
    document = svg.card_face_svg(face, size, "Card 1", background=theme.background, band=band, band_colour=colour, safe=safe)
    root = ET.fromstring(document)
    assert root.get("font-family") == "'DejaVu Sans'"
    drawn = [t.text for t in root.iter(f"{SVG}text")]
    assert drawn == [line for block in face.blocks for line in block.fitted.lines if line]
    assert card.title in " ".join(drawn)
    # The first line of each block sits one ascent below the block's top (measured up from the card's foot).
    first = next(root.iter(f"{SVG}text"))
    block = face.blocks[0]
    assert float(first.get("y")) == pytest.approx(size.height - block.top + fonts.metrics("bold").ascent * block.fitted.size, abs=0.01)
    assert any(p.get("fill-rule") for p in root.iter(f"{SVG}path"))  # the icon
    assert isinstance(card, Card)


def test_card_faces_put_every_line_where_the_card_sheets_print_it(tmp_path):
    """Each SVG face's lines start where cards.pdf draws them (reportlab sets text exactly: no kerning to allow for)."""
    import pdfplumber

    from facilitate.exporters import cards_pdf
    from facilitate.model import Theme

    deck = library.load().decks[0]
    chosen = cards_pdf.CardOptions(instructions=False)
    with open(tmp_path / "cards.pdf", "wb") as handle:
        cards_pdf.deck_output(deck, BuildOptions(chosen), Theme()).write(handle)
    imposition = cards_pdf.plan(chosen)
    card, safe = imposition.card, cards_pdf.safe_zone(chosen)
    band = band_height(deck, card.width - 2 * safe, safe)
    colours = category_colours(deck, Theme())
    compared = 0
    with pdfplumber.open(tmp_path / "cards.pdf") as pdf:
        page = pdf.pages[0]
        printed = [(w["chars"][0]["matrix"][4], page.height - w["chars"][0]["matrix"][5], w["text"])
                   for w in page.extract_words(return_chars=True, x_tolerance=1.5)]
        for slot, (number, item) in zip(imposition.fronts, enumerate(deck.cards, start=1)):
            colour = colours[item.category]
            face = card_face(deck, item, number, card, Theme(), band, colour, safe)
            document = svg.card_face_svg(face, card, f"Card {number}", background=Theme().background, band=band,
                                         band_colour=colour, safe=safe)
            for text in ET.fromstring(document).iter(f"{SVG}text"):
                line, size = text.text or "", float(text.get("font-size"))
                width = fonts.metrics("bold" if text.get("font-weight") == "bold" else "regular").width(line, size)
                x = float(text.get("x")) - {"start": 0, "middle": width / 2, "end": width}[text.get("text-anchor", "start")]
                left, baseline = slot.trim.x + x, page.height - (slot.trim.top - float(text.get("y")))
                first = line.split()[0]
                assert any(abs(px - left) < 0.05 and abs(py - baseline) < 0.05 and word == first for px, py, word in printed), (
                    f"card {number}: {line!r} at ({left:.2f}, {baseline:.2f}) is not where cards.pdf prints it")
                compared += 1
    assert compared > 5 * min(len(deck.cards), len(imposition.fronts))
