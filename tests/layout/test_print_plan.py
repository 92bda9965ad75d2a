"""Printed documents planned without drawing: tables, boxes, charts, the poster, cut-out and card faces.

None of these tests imports reportlab, python-pptx or python-docx (the last test checks
it in a fresh process): the decisions are all made in layout/.
"""

from __future__ import annotations

import subprocess
import sys

import attrs
import pytest

from facilitate.errors import TextOverflowError
from facilitate.layout import textfit
from facilitate.layout.boxes import BOX_FLOOR, BOX_TEXT, GAP, plan_notes
from facilitate.layout.card_face import MIN_SIZE, SAFE, band_height, face_blocks
from facilitate.layout.chart import curve_figure
from facilitate.layout.cutcards import plan_card_sheets
from facilitate.layout.document import CutCard, CutCards, Document, NotesSpace, Staircase, Step, Table
from facilitate.layout.documents import pack_documents
from facilitate.layout.figure import Line, Text
from facilitate.layout.page import MARGIN, frame
from facilitate.layout.poster import plan_staircase
from facilitate.layout.print_plan import plan_document
from facilitate.layout.tables import CELL_LEADING, PAD_X, column_widths, plan_table
from facilitate.layout.units import card_size, length
from facilitate.model import DEFAULT_THEME, Prompt
from facilitate.model.theme import mix
from tests.conftest import small_deck
from tests.deck_fixtures import curve, rich_pack

REGULAR = textfit.measure_with("regular")


def test_frames_follow_the_paper_and_orientation():
    a4 = frame("a4")
    assert a4.page_width == pytest.approx(length("210mm")) and a4.width == pytest.approx(length("210mm") - 2 * MARGIN)
    landscape = frame("letter", "landscape")
    assert (landscape.page_width, landscape.page_height) == (792.0, 612.0)
    bare = frame("a4", running_heads=False)
    assert bare.height > a4.height  # no header and footer to leave room for


def test_no_word_in_a_table_breaks_when_the_columns_can_hold_them():
    table = Table(("Time", "Min", "Segment"), (("09:00–09:20", "20", "Welcome"), ("09:20–10:05", "45", "Partnerships")), (0.5, 0.2, 3.0))
    widths = column_widths(table, 400)
    assert sum(widths) == pytest.approx(400)
    plan = plan_table(table, 400, 700)
    for row in (plan.header, *plan.rows):
        for cell, width in zip(row.cells, widths):
            for line in cell.lines:
                assert REGULAR(line, 8.5) <= width - 2 * PAD_X + 1e-6 or cell.bold
    assert [cell.lines for cell in plan.rows[0].cells] == [("09:00–09:20",), ("20",), ("Welcome",)]


def test_a_row_taller_than_a_page_is_cut_between_lines_and_keeps_every_word():
    note = " ".join(f"word{n}" for n in range(3000))
    plan = plan_table(Table(("Segment", "Notes"), (("Welcome", note),), (1, 4)), 500, 700)
    assert len(plan.rows) > 3
    assert all(row.height <= 700 * 0.8 for row in plan.rows)
    words = " ".join(line for row in plan.rows for line in row.cells[1].lines).split()
    assert words == note.split()
    # The segment's name is in the first part only, and every part shades alike.
    assert plan.rows[0].cells[0].lines == ("Welcome",) and all(not row.cells[0].lines for row in plan.rows[1:])
    assert len({row.shaded for row in plan.rows}) == 1


def test_table_row_heights_hold_their_lines():
    plan = plan_table(Table(("A",), (("one two three " * 30,),)), 120, 700)
    (row,) = plan.rows
    assert row.height >= len(row.cells[0].lines) * 8.5 * CELL_LEADING


def test_boxes_side_by_side_are_as_tall_as_the_tallest():
    spaces = (NotesSpace("Helping", 5, ("Breakfast clubs",)), NotesSpace("Hurting", 2))
    plan = plan_notes(spaces, 500, 700, "sheet")
    assert plan.box_width == pytest.approx((500 - GAP) / 2)
    assert plan.boxes[0].items.size == BOX_TEXT


def test_a_box_with_many_items_shrinks_to_its_floor_then_grows():
    many = tuple(f"Cause {n}: the bus is too early for the breakfast club" for n in range(30))
    plan = plan_notes((NotesSpace("Hurting", 3, many),), 500, 700, "sheet")
    assert plan.boxes[0].items.size == BOX_FLOOR
    assert plan.height > plan.boxes[0].items.height  # grown to hold every item, and a free line
    assert sum(len(lines) for lines in plan.boxes[0].items.lines) >= 30


def test_a_box_longer_than_a_page_names_the_box():
    many = tuple("A long account of what hurts the curve. " * 8 for _ in range(60))
    curve_ = curve()
    with pytest.raises(TextOverflowError, match="^curve 'attendance': story: more than a page of text for its box 'Hurting'") as caught:
        plan_notes((NotesSpace("Hurting", 3, many, source=(curve_, ("story",))),), 500, 700, "sheet")
    assert caught.value.owner is curve_


def test_the_poster_rises_step_by_step_and_every_rung_fits():
    steps = tuple(Step(f"Rung {n}", "What it does, briefly.", ("Why…",), "An example question?") for n in range(6))
    plan = plan_staircase(Staircase(steps + (attrs.evolve(steps[0], extension=True),)), 760, 480, DEFAULT_THEME, "poster")
    solids = [step.solid for step in plan.steps]
    assert solids == sorted(solids) and len(set(solids)) == len(solids)
    for step in plan.steps:
        assert 26 + step.solid + 6 + step.text.height <= plan.height
    assert plan.steps[-1].extension and plan.steps[-1].label_colour == DEFAULT_THEME.primary
    assert plan.steps[0].fill == mix(DEFAULT_THEME.primary, DEFAULT_THEME.background, 0.55 * (1 - 1 / 7))


def test_cut_cards_go_four_to_a_sheet_and_identical_cards_are_fitted_once():
    card = CutCard("Taking stock", (Prompt("A discovery", "Something new"), Prompt("A delight")), "The day")
    other = attrs.evolve(card, title="My commitments")
    sheets = plan_card_sheets((card,) * 4 + (other,) * 4, 560, 760, "cards")
    assert [len(sheet.cards) for sheet in sheets] == [4, 4]
    assert sheets[0].cards[0] is sheets[0].cards[3]
    assert sheets[0].card_width == 280


def test_a_prompt_that_leaves_no_room_to_write_names_the_card_and_prompt():
    card = CutCard("Taking stock", (Prompt("A discovery", "Something I noticed. " * 200),))
    with pytest.raises(TextOverflowError, match="^prompt 'A discovery': question: too long to leave room to write on its cut-out card"):
        plan_card_sheets((card,), 560, 760, "cards")


def test_card_face_reads_band_title_prompt_then_the_foot():
    deck = small_deck(3)
    size = card_size("poker")
    band = band_height(deck, size.width - 2 * SAFE)
    blocks = face_blocks(deck, deck.cards[0], 1, size, DEFAULT_THEME, band)
    texts = [" ".join(block.fitted.lines) for block in blocks]
    assert texts[1] == deck.cards[0].title and texts[2] == deck.cards[0].prompt
    assert texts[-1] == "1/3" and texts[-2] == deck.title
    for block in blocks:
        assert block.fitted.size >= MIN_SIZE and block.weight in ("regular", "bold")
        assert block.top <= size.height - SAFE + 1e-6 and block.top - block.fitted.height >= SAFE - 1e-6


def test_the_curve_figure_puts_its_line_through_the_data_and_labels_every_period():
    data = curve()
    figure = curve_figure(data.baseline, data.projected, data.target, "%", 480, DEFAULT_THEME)
    labels = {shape.text for shape in figure.shapes if isinstance(shape, Text)}
    assert {point.period for point in data.baseline} <= labels
    assert "Target 9% (2025)" in labels
    solid = [s for s in figure.shapes if isinstance(s, Line) and not s.dash and len(s.points) == len(data.baseline)]
    assert len(solid) == 1
    xs = [x for x, _ in solid[0].points]
    assert xs == sorted(xs)
    assert "2019 10.5%" in figure.description and "Target: 9% by 2025" in figure.description


def test_every_document_of_a_rich_pack_plans_on_both_papers():
    pack = rich_pack()
    for entry in pack_documents(pack):
        for paper in ("a4", "letter"):
            printed = plan_document(entry.document, paper, pack.theme, entry.stem)
            assert printed.frame.width > 0 and len(printed.blocks) == len(entry.document.blocks)


def test_a_cards_only_document_has_no_title_block():
    card = CutCard("Taking stock", (Prompt("A discovery"),))
    printed = plan_document(Document("Cards", "", (CutCards((card,)),), running_heads=False), "a4", DEFAULT_THEME)
    assert printed.title is None and printed.heads is None


def test_layout_needs_no_drawing_library():
    code = (
        "import sys, facilitate.layout.print_plan, facilitate.layout.card_face, facilitate.layout.documents, facilitate.layout.imposition;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('reportlab', 'pptx', 'docx', 'PIL')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
