"""The printable card sheets: real PDFs read back with pypdf, pdfplumber and poppler."""

from __future__ import annotations

import io
import itertools
import math
import struct
import subprocess
import zlib
from pathlib import Path

import attrs
import pdfplumber
import pypdf
import pytest
from click.testing import CliRunner

from facilitate.building import build
from facilitate.errors import ExportError, TextOverflowError
from facilitate.exporters import cards_pdf
from facilitate.layout import fonts
from facilitate.layout.imposition import MM, mirror
from facilitate.layout.units import PAPER
from facilitate.model import DEFAULT_THEME, Card, CardBack, CardDeck, Picture
from facilitate.layout.card_face import MIN_SIZE, PROMPT_SIZE, face_blocks
from facilitate.options import BuildOptions
from tests import tools
from tests.conftest import small_deck, small_pack, small_session

TOLERANCE = 0.1 * MM


def render(deck: CardDeck | tuple[CardDeck, ...], **options) -> bytes:
    decks = deck if isinstance(deck, tuple) else (deck,)
    options.setdefault("instructions", False)
    paper = options.pop("paper", "a4")
    buffer = io.BytesIO()
    cards_pdf.write_pdf(decks, buffer, cards_pdf.CardOptions(**options), paper_name=paper)
    return buffer.getvalue()


def save(tmp_path: Path, data: bytes, name: str = "cards.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def pdftotext(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return tools.pdftotext(path, "-enc", "UTF-8", *pages)


def words(text: str) -> str:
    return " ".join(text.split())


def pages(data: bytes) -> list[pypdf.PageObject]:
    return list(pypdf.PdfReader(io.BytesIO(data)).pages)


def hex_rgb(colour: str) -> tuple[float, ...]:
    return tuple(round(int(colour[i : i + 2], 16) / 255, 3) for i in (1, 3, 5))


def filled_rects(data: bytes, page: int, colour: str) -> list[dict]:
    """Filled rectangles of one colour on a page (zero-based), from pdfplumber (forms included)."""
    wanted = hex_rgb(colour)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        rects = pdf.pages[page].rects
        return [r for r in rects if r["fill"] and tuple(round(v, 3) for v in r["non_stroking_color"]) == wanted]


def centre(rect: dict) -> tuple[float, float]:
    return ((rect["x0"] + rect["x1"]) / 2, (rect["y0"] + rect["y1"]) / 2)


def box_centre(box) -> tuple[float, float]:
    return (box.x + box.width / 2, box.y + box.height / 2)


def near(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return abs(a[0] - b[0]) <= TOLERANCE and abs(a[1] - b[1]) <= TOLERANCE


def fills(rect: dict, box) -> bool:
    """True if a drawn rectangle covers exactly ``box`` (to 0.1 mm)."""
    return all(abs(a - b) <= TOLERANCE for a, b in zip((rect["x0"], rect["y0"], rect["x1"], rect["y1"]), (box.x, box.y, box.right, box.top)))


# --- pages and sizes -------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 8, 9, 10, 12, 27])
def test_page_count_is_two_pages_per_sheet_with_backs(count):
    data = render(small_deck(count))
    per_sheet = cards_pdf.plan(cards_pdf.CardOptions()).per_sheet
    assert len(pages(data)) == math.ceil(count / per_sheet) * 2


def test_without_duplex_there_are_no_back_pages():
    assert len(pages(render(small_deck(12), duplex="none"))) == 2


def test_the_instruction_sheet_leads_with_a_blank_back_to_keep_sheets_paired(tmp_path):
    data = render(small_deck(12), instructions=True)
    assert len(pages(data)) == 2 + 4
    path = save(tmp_path, data)
    first = words(pdftotext(path, 1))
    assert "Let's imagine" in first and "Lay the cards face down." in first and "Turn one at a time." in first
    assert "flipping on the long edge" in first
    assert pdftotext(path, 2).strip() == ""
    assert "Card 1" in pdftotext(path, 3)


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("shared_cuts", [False, True])
def test_page_size_is_exactly_the_paper_and_every_page_is_turned_alike(paper, shared_cuts):
    expected = PAPER[paper]
    sizes = set()
    for page in pages(render(small_deck(12), paper=paper, instructions=True, shared_cuts=shared_cuts)):
        size = (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2))
        assert sorted(size) == pytest.approx(sorted((expected.width, expected.height)), abs=0.01)
        sizes.add(size)
    # The instruction page and its blank back are turned as the sheets that follow are.
    assert len(sizes) == 1


# --- the text --------------------------------------------------------------------------


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_cards_text_is_on_its_page_in_its_slot(paper, tmp_path):
    deck = small_deck(12)
    data = render(deck, paper=paper)
    plan = cards_pdf.plan(cards_pdf.CardOptions(), paper)
    path = save(tmp_path, data)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, card in enumerate(deck.cards):
            sheet, place = divmod(number, plan.per_sheet)
            page_text = words(pdftotext(path, sheet * 2 + 1))
            assert card.title in page_text and card.prompt in page_text
            assert f"{number + 1}/12" in page_text
            trim = plan.fronts[place].trim
            page = pdf.pages[sheet * 2]
            inside = page.crop((trim.x, page.height - trim.top, trim.right, page.height - trim.y))
            slot_text = words(inside.extract_text())
            assert card.title in slot_text and words(card.prompt) in slot_text


def test_cards_are_drawn_where_the_layout_says(tmp_path):
    plan = cards_pdf.plan(cards_pdf.CardOptions())
    deck = small_deck(plan.per_sheet)
    data = render(deck)
    backgrounds = filled_rects(data, 0, "#ffffff")
    assert len(backgrounds) == plan.per_sheet
    for slot, rect in zip(plan.fronts, sorted(backgrounds, key=lambda r: (-r["y1"], r["x0"]))):
        # The card's background fills its bleed box exactly.
        assert abs(rect["x0"] - slot.bleed.x) <= TOLERANCE and abs(rect["x1"] - slot.bleed.right) <= TOLERANCE
        assert abs(rect["y0"] - slot.bleed.y) <= TOLERANCE and abs(rect["y1"] - slot.bleed.top) <= TOLERANCE


def test_category_bands_use_the_theme_palette_and_run_into_the_bleed():
    deck = small_deck(2)  # card 1 is "People", card 2 "Place"
    data = render(deck)
    plan = cards_pdf.plan(cards_pdf.CardOptions())
    theme = DEFAULT_THEME
    first = filled_rects(data, 0, theme.category_colour(deck.category_index("People")))
    second = filled_rects(data, 0, theme.category_colour(deck.category_index("Place")))
    assert len(first) == 1 and len(second) == 1
    band = first[0]
    assert band["y1"] == pytest.approx(plan.fronts[0].bleed.top, abs=TOLERANCE)
    assert band["x0"] == pytest.approx(plan.fronts[0].bleed.x, abs=TOLERANCE)
    assert second[0]["x0"] == pytest.approx(plan.fronts[1].bleed.x, abs=TOLERANCE)


SCRIPTS = {
    "welsh": "Ŵyr yr ŵyn ŷd? Mae’r dŵr yn oer",
    "maori": "Whakawhānaungatanga: ā ē ī ō ū, Ā Ē Ī Ō Ū",
    "polish": "Zażółć gęślą jaźń",
    "vietnamese": "Tiếng Việt có dấu: Chúng ta cùng nhau",
    "greek": "Καλημέρα, συνεργασία",
    "cyrillic": "Привет, партнёрство",
}


def test_welsh_maori_polish_vietnamese_greek_and_cyrillic_render_and_extract(tmp_path):
    cards = tuple(Card(name, name.title(), text, detail=text, category=name) for name, text in SCRIPTS.items())
    deck = CardDeck("scripts", "Ieithoedd · Reo · Języki", cards, back=CardBack(title="Ελληνικά · Кирилица"))
    path = save(tmp_path, render(deck))
    text = words(pdftotext(path, 1))
    for sample in SCRIPTS.values():
        assert sample in text, sample
    assert "Ieithoedd · Reo · Języki" in text
    assert "Ελληνικά · Кирилица" in words(pdftotext(path, 2))


def test_decomposed_accents_are_composed_before_drawing(tmp_path):
    deck = CardDeck("nfd", "NFD", (Card("a", "Tie\u0302\u0301ng", "Vie\u0323\u0302t Nam"),))
    text = words(pdftotext(save(tmp_path, render(deck)), 1))
    assert "Tiếng" in text and "Việt Nam" in text


def test_a_character_the_font_lacks_is_an_error_naming_card_and_character(tmp_path):
    deck = small_deck(3)
    deck = attrs.evolve(deck, cards=deck.cards[:1] + (attrs.evolve(deck.cards[1], prompt="Partnership 伙伴"),) + deck.cards[2:])
    with pytest.raises(ExportError) as error:
        build(small_pack(decks=(deck,)), tmp_path / "out", ["cards"])
    message = str(error.value)
    assert "card 'c2'" in message and "prompt" in message
    assert "U+4F19" in message
    assert not isinstance(error.value, TextOverflowError)
    assert not (tmp_path / "out" / "cards.pdf").exists()


def test_text_past_the_floor_is_an_overflow_error_naming_the_card():
    deck = small_deck(3)
    long = "We imagine a partnership where every school shares what works. " * 20
    deck = attrs.evolve(deck, cards=deck.cards[:2] + (attrs.evolve(deck.cards[2], prompt=long),))
    with pytest.raises(TextOverflowError) as error:
        render(deck)
    message = str(error.value)
    assert message.startswith("card 'c3': prompt: too long for its place on the card even at 9 pt")
    assert "too many" in message


def test_long_text_shrinks_but_never_below_nine_points():
    from facilitate.layout import textfit

    deck = small_deck(1)
    long = "We imagine a partnership where every school shares what works. " * 4
    deck = attrs.evolve(deck, cards=(attrs.evolve(deck.cards[0], prompt=long, detail="Keep it short."),))
    blocks = face_blocks(deck, deck.cards[0], 1, cards_pdf.plan(cards_pdf.CardOptions()).card, DEFAULT_THEME, 30.0)
    sizes = [block.fitted.size for block in blocks]
    assert min(sizes) >= MIN_SIZE
    prompt = next(b for b in blocks if b.colour == DEFAULT_THEME.text)
    assert prompt.fitted.size < PROMPT_SIZE
    assert " ".join(prompt.fitted.lines).split() == long.split()
    assert isinstance(prompt.fitted, textfit.Fitted)


# --- backs -----------------------------------------------------------------------------


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("count", [9, 4])
@pytest.mark.parametrize("shared_cuts", [False, True])
def test_long_edge_backs_sit_where_the_sheet_turns_them(paper, count, shared_cuts):
    deck = small_deck(count)
    options = cards_pdf.CardOptions(shared_cuts=shared_cuts)
    plan = cards_pdf.plan(options, paper)
    count = min(count, plan.per_sheet)
    data = render(deck, paper=paper, shared_cuts=shared_cuts)
    backs = filled_rects(data, 1, deck.back.colour)
    assert len(backs) == count
    slots = {(s.row, s.col): s for s in plan.fronts}
    wanted = set()
    for front in plan.fronts[:count]:
        # Turned over on its long edge: columns swap on a portrait sheet, rows on a landscape one.
        turned = mirror(front.row, front.col, plan.rows, plan.cols, "long-edge", plan.page.landscape)
        wanted.add(turned)
        # The back fills exactly that slot's bleed box (to 0.1 mm).
        assert any(fills(rect, slots[turned].bleed) for rect in backs), (front.row, front.col)
    # A partial sheet tells mirrored from unmirrored: the other slots are empty on the back.
    for position, slot in slots.items():
        if position not in wanted:
            assert not any(fills(rect, slot.bleed) for rect in backs)


def test_short_edge_backs_sit_at_the_mirrored_row():
    data = render(small_deck(4), duplex="short-edge", shared_cuts=True)
    plan = cards_pdf.plan(cards_pdf.CardOptions(duplex="short-edge", shared_cuts=True))
    assert not plan.page.landscape
    backs = filled_rects(data, 1, small_deck().back.colour)
    slots = {(s.row, s.col): s for s in plan.fronts}
    for front in plan.fronts[:4]:
        assert any(fills(rect, slots[(plan.rows - 1 - front.row, front.col)].bleed) for rect in backs)


def test_back_offset_moves_the_backs_by_that_many_millimetres():
    plain = [centre(r) for r in filled_rects(render(small_deck(9)), 1, "#1f4e79")]
    moved = [centre(r) for r in filled_rects(render(small_deck(9), offset_x="1.5mm", offset_y="-0.5mm"), 1, "#1f4e79")]
    for a, b in zip(sorted(plain), sorted(moved)):
        assert near((a[0] + 1.5 * MM, a[1] - 0.5 * MM), b)


def test_back_design_title_pattern_and_deck_name(tmp_path):
    deck = attrs.evolve(small_deck(2), back=CardBack(title="Imagine!", colour="#5d4037", pattern="stripes"))
    data = render(deck)
    text = words(pdftotext(save(tmp_path, data), 2))
    assert text.count("Imagine!") == 2 and text.count("Let's imagine") == 2
    dots = attrs.evolve(deck, back=CardBack(colour="#5d4037", pattern="dots"))
    with pdfplumber.open(io.BytesIO(render(dots))) as pdf:
        assert len(pdf.pages[1].curves) > 50  # the dots


def _png(path: Path) -> Path:
    """A tiny 2x2 PNG written by hand."""
    raw = b"".join(b"\x00" + bytes([200, 50, 50] * 2) for _ in range(2))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
    return path


def test_back_image_is_drawn_on_every_back(tmp_path):
    deck = attrs.evolve(small_deck(3), back=CardBack(image=Picture(str(_png(tmp_path / "logo.png")), "Our logo")))
    with pdfplumber.open(io.BytesIO(render(deck))) as pdf:
        assert len(pdf.pages[1].images) == 3


# --- layouts ---------------------------------------------------------------------------


def test_print_shop_pages_are_card_plus_bleed_with_trim_and_bleed_boxes(tmp_path):
    data = render(small_deck(3), print_shop=True, instructions=True)
    shop = pages(data)
    assert len(shop) == 6  # front, back, front, back... (no instruction sheet for a print shop)
    for page in shop:
        assert float(page.mediabox.width) == pytest.approx(69 * MM, abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(94 * MM, abs=0.01)
        assert [float(v) for v in page.trimbox] == pytest.approx([3 * MM, 3 * MM, 66 * MM, 91 * MM], abs=0.01)
        assert [float(v) for v in page.bleedbox] == pytest.approx([0, 0, 69 * MM, 94 * MM], abs=0.01)
    assert "Card 2" in pdftotext(save(tmp_path, data), 3)


def test_fold_sheets_hold_fronts_and_backs_with_a_fold_line():
    deck = small_deck(5)
    data = render(deck, fold=True)
    plan = cards_pdf.plan(cards_pdf.CardOptions(fold=True))
    assert len(pages(data)) == math.ceil(5 / plan.per_sheet)
    first = pages(data)[0]
    assert float(first.mediabox.width) > float(first.mediabox.height)  # A4 turned: four cards a sheet
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        fold = [line for line in page.lines if abs(line["x0"] - page.width / 2) < 0.01 and abs(line["x1"] - page.width / 2) < 0.01]
        assert fold, "no fold line"
    backs = [centre(r) for r in filled_rects(data, 0, deck.back.colour)]
    for front, back in zip(plan.fronts, plan.backs):
        assert any(near(c, box_centre(back.trim)) for c in backs)
        assert back.trim.x > plan.page.width / 2 > front.trim.right


def test_crop_marks_are_drawn_as_the_layout_says():
    data = render(small_deck(9))
    plan = cards_pdf.plan(cards_pdf.CardOptions())
    marks = plan.crop_marks()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        black = [l for l in pdf.pages[0].lines if tuple(l["stroking_color"] or ()) in ((0, 0, 0), (0.0,), (0,))]
    assert len(black) == len(marks)
    drawn = {(round(l["x0"], 1), round(l["y0"], 1), round(l["x1"], 1), round(l["y1"], 1)) for l in black}
    expected = {(round(m.x1, 1), round(m.y1, 1), round(m.x2, 1), round(m.y2, 1)) for m in marks}
    assert drawn == expected


def test_cut_lines_outline_every_card():
    data = render(small_deck(4), cut_lines=True)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        outlines = [r for r in pdf.pages[0].rects if r["stroke"] and not r["fill"]]
    assert len(outlines) == 4


def test_qpdf_check_passes(tmp_path):
    tools.tool("qpdf")
    deck = attrs.evolve(small_deck(11), back=CardBack(pattern="dots", image=Picture(str(_png(tmp_path / "logo.png")), "Our logo")))
    for name, options in {"sheets": {}, "fold": {"fold": True}, "shop": {"print_shop": True}, "letter": {"paper": "letter", "cut_lines": True}}.items():
        path = save(tmp_path, render(deck, instructions=True, **options), f"{name}.pdf")
        result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "No syntax or stream encoding errors" in result.stdout


def test_every_font_is_embedded_dejavu():
    reader = pypdf.PdfReader(io.BytesIO(render(small_deck(2), instructions=True)))
    fonts = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            fonts[str(font["/BaseFont"])] = descriptor is not None and "/FontFile2" in descriptor.get_object()
    assert fonts and all(fonts.values()), fonts  # no Helvetica or other unembedded font
    assert all("DejaVuSans" in name for name in fonts)


def test_poppler_reads_every_page_without_complaint(tmp_path):
    tools.tool("pdftoppm")
    deck = attrs.evolve(small_deck(10), back=CardBack(pattern="stripes"))
    path = save(tmp_path, render(deck, instructions=True, cut_lines=True))
    result = subprocess.run(["pdftoppm", "-r", "10", "-png", str(path), str(tmp_path / "page")], capture_output=True, text=True)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert len(list(tmp_path.glob("page-*.png"))) == 6


# --- determinism -----------------------------------------------------------------------


def test_two_builds_give_identical_bytes(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    deck = small_deck(12)
    first = render(deck, instructions=True)
    assert render(deck, instructions=True) == first
    assert b"D:20200101000000" in first


def test_source_date_epoch_sets_the_dates(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    data = render(small_deck(2))
    assert b"D:20231114221320" in data
    assert render(small_deck(2)) == data


# --- the pack, the registry and the CLI ------------------------------------------------


def test_build_writes_cards_pdf_with_every_deck_or_only_the_chosen(tmp_path):
    pack = small_pack(decks=(small_deck(3), small_deck(2, deck_id="other")))
    written = build(pack, tmp_path / "all", ["cards"], BuildOptions(cards_pdf.CardOptions(instructions=False)))
    assert [p.name for p in written] == ["cards.pdf"]
    assert len(pypdf.PdfReader(written[0]).pages) == 4
    only = build(pack, tmp_path / "one", ["cards"], BuildOptions(cards_pdf.CardOptions(decks=("other",), instructions=False)))
    assert len(pypdf.PdfReader(only[0]).pages) == 2
    with pytest.raises(ExportError, match="no deck 'nope'.*imagine, other"):
        build(pack, tmp_path / "bad", ["cards"], BuildOptions(cards_pdf.CardOptions(decks=("nope",))))


def test_a_pack_without_decks_writes_no_cards_pdf(tmp_path):
    from facilitate.model import SessionPack

    pack = small_pack()
    empty = SessionPack(session=attrs.evolve(pack.session, segments=tuple(s for s in pack.session.segments if s.deck is None)), reflections=pack.reflections)
    assert cards_pdf.outputs(empty, BuildOptions()) == []


DECK_YAML = """\
kind: deck
id: cli-deck
title: CLI deck
instructions: [Shuffle the cards., Deal three each.]
cards:
  - {id: one, title: One, prompt: "What would change if we started tomorrow?", category: Now}
  - {id: two, title: Two, prompt: "Who is missing from this room?", category: People}
"""


def test_cards_command_writes_a_deck_file_and_refuses_to_overwrite(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "deck.yaml").write_text(DECK_YAML, "utf-8")
    runner = CliRunner()
    result = runner.invoke(_main(), ["cards", "deck.yaml"])
    assert result.exit_code == 0, result.output
    assert "wrote cli-deck-cards.pdf (2 cards, 8 per sheet: 1 sheet, 4 pages)" in result.output
    assert len(pypdf.PdfReader(tmp_path / "cli-deck-cards.pdf").pages) == 4  # instructions + blank, front, back
    again = runner.invoke(_main(), ["cards", "deck.yaml"])
    assert again.exit_code == 2 and "already exists" in again.output
    forced = runner.invoke(
        _main(),
        ["cards", "deck.yaml", "-o", "out.pdf", "--paper", "letter", "--size", "bridge", "--bleed", "0",
         "--duplex", "short-edge", "--offset-x", "1", "--offset-y", "-0.5", "--cut-lines", "--no-instructions"],
    )
    assert forced.exit_code == 0, forced.output
    page = pypdf.PdfReader(tmp_path / "out.pdf").pages[0]
    assert sorted((float(page.mediabox.width), float(page.mediabox.height))) == [612, 792]
    fold = runner.invoke(_main(), ["cards", "deck.yaml", "-o", "fold.pdf", "--fold", "--no-instructions"])
    assert fold.exit_code == 0 and len(pypdf.PdfReader(tmp_path / "fold.pdf").pages) == 1
    shop = runner.invoke(_main(), ["cards", "deck.yaml", "-o", "shop.pdf", "--print-shop"])
    assert shop.exit_code == 0 and "(2 cards: 4 pages)" in shop.output
    assert len(pypdf.PdfReader(tmp_path / "shop.pdf").pages) == 4


def test_cards_command_errors_are_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "deck.yaml").write_text(DECK_YAML, "utf-8")
    runner = CliRunner()
    for args, expected in [
        (["cards", "no-such-deck"], "no deck named 'no-such-deck' in this folder or bundled"),
        (["cards", "deck.yaml", "--size", "300x400mm"], "does not fit"),
        (["cards", "deck.yaml", "--size", "huge"], "unknown card size"),
        (["cards", "deck.yaml", "--bleed", "lots"], "not a length"),
        (["cards", "deck.yaml", "--fold", "--print-shop"], "choose one"),
    ]:
        result = runner.invoke(_main(), args)
        assert result.exit_code == 2, (args, result.output)
        assert expected in result.output and result.output.count("\n") == 1
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob(".*.tmp"))


def _main():
    from facilitate.cli import main

    return main


# --- the bundled decks -----------------------------------------------------------------


def _bundled_decks() -> list[str]:
    from facilitate.loaders import library

    return [entry.id for entry in library.entries() if entry.kind == "deck"]


@pytest.mark.parametrize("deck_id", _bundled_decks())
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_bundled_deck_prints_on_a4_and_letter(deck_id, paper, tmp_path):
    from facilitate.loaders import library
    from facilitate.loaders.content import load_object

    deck = load_object(library.find(deck_id, "deck").path, expected_kind="deck")
    for options in ({"paper": paper, "instructions": True}, {"paper": paper, "print_shop": True}):
        data = render(deck, **options)
        text = words(pdftotext(save(tmp_path, data)))
        for card in deck.cards:
            assert words(fonts.printable(card.title)) in text



def test_long_instructions_shrink_to_one_page_inside_its_margins(tmp_path):
    steps = tuple(f"Step {i}: talk with your table about what the card shows, then agree one thing to try" for i in range(1, 31))
    deck = attrs.evolve(small_deck(2), instructions=steps)
    data = render(deck, instructions=True, shared_cuts=True)  # portrait sheets, so a portrait page
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        chars = page.chars
        title = [c for c in chars if c["fontname"].endswith("Bold")][0]["size"]
        text = words(pdftotext(save(tmp_path, data), 1))
        assert 9 <= min(c["size"] for c in chars) and title < 24  # shrunk, not below the floor
        margin = 20 * MM
        assert min(c["top"] for c in chars) >= margin - 0.5 and max(c["bottom"] for c in chars) <= page.height - margin + 0.5
        assert min(c["x0"] for c in chars) >= margin - 0.5 and max(c["x1"] for c in chars) <= page.width - margin + 0.5
    for step in steps:
        assert words(step) in text
    assert "Printing and cutting" in text


def test_instructions_too_long_for_a_page_are_an_error_naming_the_deck():
    deck = attrs.evolve(small_deck(2), instructions=tuple(f"Step {i}: " + "talk with your table about it " * 12 for i in range(60)))
    with pytest.raises(TextOverflowError, match=r"^deck 'imagine': instructions\[\d+\]: too long for the deck's instructions page at 9 pt by about \d+ characters"):
        render(deck, instructions=True)
    assert render(deck, instructions=False)  # the cards alone are fine


# --- printing like a pro: measured from the PDF (issue 17) ------------------------------------

EDGE = 5 * MM
SIZES = ("poker", "bridge", "tarot", "a6", "a7", "business")
LAYOUTS = {"gutters": {}, "shared": {"shared_cuts": True}, "fold": {"fold": True}}


def _objects(page) -> list[dict]:
    """Everything drawn on a page that pdfplumber reads: lines, rectangles, curves, images and characters."""
    return page.lines + page.rects + page.curves + page.images + page.chars


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_everything_on_a_sheet_lies_five_millimetres_inside_the_paper(paper, size, layout):
    deck = attrs.evolve(small_deck(12), back=CardBack(pattern="dots"))
    data = render(deck, paper=paper, size=size, cut_lines=True, **LAYOUTS[layout])
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages):
            objects = _objects(page)
            marks = [o for o in page.lines if o.get("stroking_color") in ((0,), (0, 0, 0), [0], [0, 0, 0])]
            assert marks, f"page {number + 1} has no crop marks"
            for thing in objects:
                where = (thing["object_type"], number + 1, round(thing["x0"] / MM, 2), round(thing["top"] / MM, 2))
                assert thing["x0"] >= EDGE - 0.01 and thing["top"] >= EDGE - 0.01, where
                assert page.width - thing["x1"] >= EDGE - 0.01 and page.height - thing["bottom"] >= EDGE - 0.01, where


def test_a_borderless_printer_may_print_to_the_edge():
    tight = cards_pdf.plan(cards_pdf.CardOptions(margin="0", shared_cuts=True), "letter")
    assert tight.per_sheet == 9 and cards_pdf.plan(cards_pdf.CardOptions(shared_cuts=True), "letter").per_sheet == 8


def _backgrounds(data: bytes, page: int = 0) -> list[dict]:
    return sorted(filled_rects(data, page, "#ffffff"), key=lambda r: (-r["y1"], r["x0"]))


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("size", SIZES)
def test_every_card_keeps_its_whole_bleed_in_a_gutter_twice_as_wide(paper, size):
    plan = cards_pdf.plan(cards_pdf.CardOptions(size=size), paper)
    data = render(small_deck(plan.per_sheet), paper=paper, size=size)
    rects = _backgrounds(data)
    assert len(rects) == plan.per_sheet
    for rect in rects:  # each card's colour runs 3 mm past its cut on every side
        assert rect["width"] == pytest.approx(plan.card.width + 6 * MM, abs=TOLERANCE)
        assert rect["height"] == pytest.approx(plan.card.height + 6 * MM, abs=TOLERANCE)
    for one, other in itertools.combinations(rects, 2):  # no card's bleed is painted over by a neighbour's
        assert one["x1"] <= other["x0"] + 0.01 or other["x1"] <= one["x0"] + 0.01 or one["y1"] <= other["y0"] + 0.01 or other["y1"] <= one["y0"] + 0.01


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_shared_cuts_have_one_cut_between_neighbours_and_no_bleed_between(paper):
    plan = cards_pdf.plan(cards_pdf.CardOptions(shared_cuts=True), paper)
    data = render(small_deck(plan.per_sheet), paper=paper, shared_cuts=True)
    rects = _backgrounds(data)
    trims = [slot.trim for slot in plan.fronts]
    left = min(t.x for t in trims)
    for rect, slot in zip(rects, plan.fronts):
        # Bleed only on the grid's outside: an inner edge is the cut itself.
        assert rect["x0"] == pytest.approx(slot.trim.x - (3 * MM if slot.col == 0 else 0), abs=TOLERANCE)
        assert rect["x1"] == pytest.approx(slot.trim.right + (3 * MM if slot.col == plan.cols - 1 else 0), abs=TOLERANCE)
    # Neighbours meet at one line, and a crop mark outside the grid stands on every cut.
    cuts = sorted({round(r["x0"], 2) for r in rects if r["x0"] > left + 1} )
    assert cuts == sorted({round(r["x1"], 2) for r in rects if r["x1"] < max(t.right for t in trims) - 1})
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        vertical = {round(line["x0"], 2) for line in pdf.pages[0].lines if abs(line["x0"] - line["x1"]) < 0.01 and line["linewidth"] < 0.5}
    for cut in cuts:
        assert cut in vertical


def _operators(data: bytes) -> set[str]:
    """Every operator in every page's content and every form it draws."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    found: set[str] = set()
    seen: set[int] = set()

    def walk(stream_object, resources) -> None:
        content = pypdf.generic.ContentStream(stream_object, reader)
        for _, operator in content.operations:
            found.add(operator.decode("latin-1"))
        for xobject in (resources or {}).get("/XObject", {}).values():
            target = xobject.get_object()
            if target.get("/Subtype") == "/Form" and id(target) not in seen:
                seen.add(id(target))
                walk(target, target.get("/Resources"))

    for page in reader.pages:
        walk(page.get_contents(), page.get("/Resources"))
    return found


def _picture_deck(tmp_path: Path) -> CardDeck:
    from PIL import Image

    picture = tmp_path / "wide.png"
    Image.new("RGB", (400, 100), (200, 60, 30)).save(picture)
    deck = small_deck(3)
    first = attrs.evolve(deck.cards[0], image=Picture(str(picture), "A wide red banner"), icon="light-bulb", url="https://example.org/a")
    return attrs.evolve(deck, cards=(first, *deck.cards[1:]), back=CardBack(image=Picture(str(_png(tmp_path / "logo.png")), "Our logo")))


def test_cmyk_colours_only_with_cmyk_and_an_output_intent_naming_fogra39(tmp_path):
    deck = _picture_deck(tmp_path)
    plain = render(deck, print_shop=True)
    cmyk = render(deck, print_shop=True, cmyk=True)
    rgb_ops, cmyk_ops = _operators(plain), _operators(cmyk)
    assert {"rg"} <= rgb_ops and not rgb_ops & {"k", "K"}
    assert {"k"} <= cmyk_ops and not cmyk_ops & {"rg", "RG", "g", "G", "sc", "scn", "SC", "SCN", "cs", "CS"}
    reader = pypdf.PdfReader(io.BytesIO(cmyk))
    intent = reader.trailer["/Root"]["/OutputIntents"][0].get_object()
    assert intent["/S"] == "/GTS_PDFX" and intent["/OutputConditionIdentifier"] == "FOGRA39"
    assert intent["/RegistryName"] == "http://www.color.org"
    assert "/OutputIntents" not in pypdf.PdfReader(io.BytesIO(plain)).trailer["/Root"]
    spaces = set()
    for page in reader.pages:
        for xobject in page["/Resources"].get("/XObject", {}).values():
            target = xobject.get_object()
            if target["/Subtype"] == "/Image":
                spaces.add(str(target["/ColorSpace"]))
            for inner in (target.get("/Resources") or {}).get("/XObject", {}).values():
                if inner.get_object()["/Subtype"] == "/Image":
                    spaces.add(str(inner.get_object()["/ColorSpace"]))
    assert spaces == {"/DeviceCMYK"}


def test_print_shop_keeps_text_inside_its_safe_zone_and_says_how_many_pages(tmp_path):
    deck = small_deck(16)
    for options, safe in (({}, 4 * MM), ({"safe_zone": "6"}, 6 * MM)):
        data = render(deck, print_shop=True, **options)
        reader = pypdf.PdfReader(io.BytesIO(data))
        assert len(reader.pages) == 32
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages[::2]:
                trim = [float(v) for v in reader.pages[page.page_number - 1].trimbox]
                for char in page.chars:
                    assert char["x0"] >= trim[0] + safe - 0.01 and char["x1"] <= trim[2] - safe + 0.01
                    assert page.height - char["bottom"] >= trim[1] + safe - 0.01
    plan = cards_pdf.plan(cards_pdf.CardOptions(print_shop=True))
    assert cards_pdf.summary(cards_pdf.runs((deck,), cards_pdf.CardOptions(print_shop=True), plan), plan) == "16 cards: 32 pages"


def test_the_cli_message_and_the_file_agree_on_pages(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "deck.yaml").write_text(DECK_YAML, "utf-8")
    runner = CliRunner()
    for args in (["--print-shop"], ["--copies", "5"], ["--copies", "5", "--shared-cuts"], []):
        result = runner.invoke(_main(), ["cards", "deck.yaml", "-o", "out.pdf", "--force", *args])
        assert result.exit_code == 0, result.output
        pages_said = int(result.output.split(" page")[0].rsplit(" ", 1)[-1])
        assert len(pypdf.PdfReader(tmp_path / "out.pdf").pages) == pages_said, (args, result.output)


@pytest.mark.parametrize("shared_cuts", [False, True])
def test_copies_print_that_many_sets_each_with_its_backs_registering(shared_cuts):
    deck = small_deck(5)
    plan = cards_pdf.plan(cards_pdf.CardOptions(shared_cuts=shared_cuts))
    data = render(deck, copies=3, shared_cuts=shared_cuts)
    sheets = math.ceil(15 / plan.per_sheet)
    assert len(pages(data)) == 2 * sheets
    text = " ".join(page.extract_text() for page in pages(data)[::2])
    assert text.count("Card 1") == 3 and text.count("1/5") == 3
    slots = {(s.row, s.col): s for s in plan.fronts}
    for sheet in range(sheets):
        on_sheet = min(plan.per_sheet, 15 - sheet * plan.per_sheet)
        backs = filled_rects(data, 2 * sheet + 1, deck.back.colour)
        assert len(backs) == on_sheet
        for front in plan.fronts[:on_sheet]:
            turned = slots[mirror(front.row, front.col, plan.rows, plan.cols, "long-edge", plan.page.landscape)]
            assert any(fills(rect, turned.bleed) for rect in backs)


def test_one_set_per_table_when_the_session_has_tables(tmp_path):
    pack = small_pack(session=small_session(tables=4), decks=(small_deck(3),))
    written = build(pack, tmp_path / "out", ["cards"], BuildOptions(cards_pdf.CardOptions(instructions=False)))
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(written[0]).pages)
    assert text.count("3/3") == 4
    copies = attrs.evolve(pack, decks=(attrs.evolve(small_deck(3), copies=2),))
    written = build(copies, tmp_path / "two", ["cards"], BuildOptions(cards_pdf.CardOptions(instructions=False)))
    assert " ".join(page.extract_text() for page in pypdf.PdfReader(written[0]).pages).count("3/3") == 2


def test_a_cards_title_is_read_before_its_footer():
    deck = small_deck(2)
    data = render(deck, print_shop=True, duplex="none")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        stream = "".join(char["text"] for char in pdf.pages[0].chars)  # in drawing order
    order = [stream.index(text) for text in ("People", "Card 1", "idea number 1", "Let's imagine", "1/2")]
    assert order == sorted(order), stream


def test_icon_picture_qr_code_and_alt_text_are_drawn_as_planned(tmp_path):
    from facilitate.layout import icons
    from facilitate.layout.card_face import band_height, card_face
    from facilitate.layout.qr import qr_code

    deck = _picture_deck(tmp_path)
    data = render(deck, print_shop=True)
    plan = cards_pdf.plan(cards_pdf.CardOptions(print_shop=True))
    trim = plan.trim_box
    face = card_face(deck, deck.cards[0], 1, plan.card, DEFAULT_THEME, band_height(deck, plan.card.width - 8 * MM, 4 * MM),
                     safe=4 * MM)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[0]
        image = page.images[0]
        box = face.picture
        # The picture fills its box exactly and was cropped, not stretched: its pixels have the box's proportions.
        assert image["x0"] == pytest.approx(trim.x + box.x, abs=TOLERANCE) and image["width"] == pytest.approx(box.width, abs=TOLERANCE)
        assert image["height"] == pytest.approx(box.height, abs=TOLERANCE)
        pixels = image["srcsize"]
        assert pixels[0] / pixels[1] == pytest.approx(box.width / box.height, rel=0.01)
        # The QR code: one filled square per run of dark modules, black, no picture.
        black = [r for r in page.rects if r["fill"] and tuple(r["non_stroking_color"]) in ((0, 0, 0), (0.0, 0.0, 0.0))]
        assert len(black) == len(qr_code("https://example.org/a").runs)
        assert len(page.images) == 1
        # The icon: vector curves in the band, in the band's text colour.
        name, where, colour = face.icon
        assert name == "light-bulb"
        curves = [c for c in page.curves if c["x0"] >= trim.x + where.x - 0.5 and c["x1"] <= trim.x + where.x + where.width + 0.5]
        assert len(curves) == len(icons.polygons(icons.icon("light-bulb")))  # one curve per outline
        assert all(tuple(c["non_stroking_color"]) == hex_rgb(colour) for c in curves)
        assert "https://example.org/a" in words(page.extract_text())
    reader = pypdf.PdfReader(io.BytesIO(data))
    content = pypdf.generic.ContentStream(reader.pages[0].get_contents(), reader)
    marked = [operands for operands, operator in content.operations if operator == b"BDC"]
    assert marked and marked[0][0] == "/Figure" and marked[0][1]["/Alt"] == "A wide red banner"


def test_a_card_with_its_own_back_gets_it_in_its_place():
    deck = small_deck(3)
    own = attrs.evolve(deck.cards[1], back=CardBack(title="Wild card", colour="#8e24aa"))
    deck = attrs.evolve(deck, cards=(deck.cards[0], own, deck.cards[2]))
    plan = cards_pdf.plan(cards_pdf.CardOptions())
    data = render(deck)
    slots = {(s.row, s.col): s for s in plan.fronts}
    front = plan.fronts[1]
    turned = slots[mirror(front.row, front.col, plan.rows, plan.cols, "long-edge", plan.page.landscape)]
    purple = filled_rects(data, 1, "#8e24aa")
    assert len(purple) == 1 and fills(purple[0], turned.bleed)
    assert len(filled_rects(data, 1, deck.back.colour)) == 2


def test_the_duplex_test_sheet_puts_a_scale_behind_every_target(tmp_path, monkeypatch):
    from facilitate.layout.imposition import registration_sheet

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(_main(), ["cards", "--test-sheet", "--offset-x", "1.5", "--duplex", "short-edge"])
    assert result.exit_code == 0, result.output
    data = (tmp_path / "duplex-test.pdf").read_bytes()
    sheet = registration_sheet(PAPER["a4"], "short-edge", (1.5 * MM, 0.0))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        front, back = pdf.pages
        assert "front" in front.extract_text() and "--offset-x 1.5" in words(back.extract_text())
        for target in sheet.targets:
            x, y = target.front
            rings = [c for c in front.curves if abs((c["x0"] + c["x1"]) / 2 - x) < TOLERANCE and abs(front.height - (c["top"] + c["bottom"]) / 2 - y) < TOLERANCE]
            assert len(rings) == 3
            bx, by = target.back
            # The scale's zero lines cross exactly where the target lands when the sheet turns, moved by the offset.
            zero_x = [l for l in back.lines if abs(l["x0"] - bx) < TOLERANCE and abs(l["x1"] - bx) < TOLERANCE and l["height"] > 15 * MM]
            zero_y = [l for l in back.lines if abs(back.height - l["top"] - by) < TOLERANCE and l["width"] > 15 * MM]
            assert zero_x and zero_y
            ticks = [l for l in back.lines if abs(back.height - (l["top"] + l["bottom"]) / 2 - by) < TOLERANCE and 1 * MM < l["height"] < 6 * MM
                     and bx - 10.05 * MM <= l["x0"] <= bx + 10.05 * MM]
            assert len(ticks) == 21  # -10 to +10 mm, one a millimetre
    assert len(pypdf.PdfReader(io.BytesIO(data)).pages) == 2


def _info(data: bytes) -> tuple[dict, dict, bytes]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return dict(reader.metadata), reader.trailer["/Root"], data[:8]


def test_every_pdf_of_a_pack_says_what_it_is_who_made_it_and_its_language(tmp_path):
    from facilitate.model import Theme

    pack = small_pack(session=small_session(hosts=("Riverside Cluster",)))
    written = build(pack, tmp_path / "hosts", ["cards", "handouts"])
    themed = build(attrs.evolve(pack, theme=Theme(organisation="Northfield Trust")), tmp_path / "theme", ["cards"])
    versions = set()
    for path in written:
        if path.suffix != ".pdf":
            continue
        info, root, header = _info(path.read_bytes())
        versions.add(header)
        assert info["/Author"] == "Riverside Cluster", path.name
        assert info["/Title"] and info["/Subject"] and info["/Keywords"], path.name
        assert root["/Lang"] == "en" and root["/ViewerPreferences"]["/DisplayDocTitle"].value is True, path.name
        assert "/Version" not in root
    assert versions == {b"%PDF-1.7"}
    info, _, _ = _info(themed[0].read_bytes())
    assert info["/Author"] == "Northfield Trust" and info["/Title"] == "Let's imagine – cards"
    # With nobody named, no author at all rather than "anonymous".
    assert "/Author" not in _info(render(small_deck(2)))[0]


def test_card_sheets_ask_for_actual_size_and_their_duplex_edge():
    root = _info(render(small_deck(2), duplex="short-edge"))[1]
    assert root["/ViewerPreferences"]["/PrintScaling"] == "/None"
    assert root["/ViewerPreferences"]["/Duplex"] == "/DuplexFlipShortEdge"


@pytest.mark.parametrize("layout", ["gutters", "shared", "fold", "shop"])
def test_every_layout_renders_with_poppler(layout, tmp_path):
    tools.tool("pdftoppm")
    options = {**LAYOUTS, "shop": {"print_shop": True, "cmyk": True}}[layout]
    path = save(tmp_path, render(_picture_deck(tmp_path), instructions=True, **options))
    result = subprocess.run(["pdftoppm", "-r", "20", "-png", str(path), str(tmp_path / "page")], capture_output=True, text=True)
    assert result.returncode == 0 and result.stderr == "", result.stderr


def test_a_cards_picture_and_icon_come_from_its_deck_file(tmp_path, monkeypatch):
    from PIL import Image

    folder = tmp_path / "decks"
    folder.mkdir()
    Image.new("RGB", (300, 300), (20, 120, 60)).save(folder / "garden.png")
    (folder / "deck.yaml").write_text(
        "kind: deck\nid: pictures\ntitle: Pictures\nicon: sparkles\nurl: https://example.org/pictures\ncards:\n"
        "  - {id: one, title: One, prompt: What grows here?, image: {path: garden.png, alt: A green square}, icon: map}\n",
        "utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(_main(), ["cards", "decks/deck.yaml", "--no-instructions"])
    assert result.exit_code == 0, result.output
    with pdfplumber.open(tmp_path / "pictures-cards.pdf") as pdf:
        assert len(pdf.pages[0].images) == 1
        assert "https://example.org/pictures" in words(pdf.pages[0].extract_text())


def test_pictures_icons_and_qr_codes_give_the_same_bytes_every_time(tmp_path):
    deck = _picture_deck(tmp_path)
    first = render(deck, print_shop=True, cmyk=True)
    assert render(deck, print_shop=True, cmyk=True) == first
    assert render(deck) == render(deck)


def test_a_card_table_may_give_icons_and_web_addresses(tmp_path):
    from facilitate.loaders.datafiles import deck_from_file

    table = tmp_path / "ideas.csv"
    table.write_text("title,prompt,icon,url\nWalk,Where do we walk?,map,https://example.org/walk\nTalk,What do we say?,,\n", "utf-8")
    deck = deck_from_file(table)
    assert (deck.cards[0].icon, deck.cards[0].url) == ("map", "https://example.org/walk")
    assert (deck.cards[1].icon, deck.cards[1].url) == (None, None)
    assert "https://example.org/walk" in words(pdftotext(save(tmp_path, render(deck))))


def test_list_icons_names_every_bundled_icon_and_its_licence_ships():
    from facilitate.layout import icons
    from facilitate.resources import package

    result = CliRunner().invoke(_main(), ["list", "icons"])
    assert result.exit_code == 0
    names = result.output.split()
    assert names == list(icons.names()) and "light-bulb" in names and len(names) == 324
    licence = (package() / "icons" / "LICENSE-heroicons.txt").read_text("utf-8")
    assert "Refactoring UI Inc." in licence and "Permission is hereby granted" in licence
