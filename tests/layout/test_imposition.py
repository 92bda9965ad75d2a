"""Card-sheet imposition: how many cards fit, where they go, where their backs and crop marks go."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitate.errors import ExportError
from facilitate.layout.imposition import (
    MARGIN,
    MM,
    Box,
    crop_marks,
    fold_layout,
    mirror,
    print_shop_layout,
    sheet_layout,
)
from facilitate.layout.units import card_size, mm, paper

A4 = paper("a4")
LETTER = paper("letter")
POKER = card_size("poker")


def close(a: float, b: float, tolerance: float = 1e-6) -> bool:
    return abs(a - b) <= tolerance


@pytest.mark.parametrize("sheet", [A4, LETTER], ids=["a4", "letter"])
def test_poker_cards_go_nine_up_on_portrait_a4_and_letter(sheet):
    plan = sheet_layout(sheet, POKER)
    assert (plan.rows, plan.cols, plan.per_sheet) == (3, 3, 9)
    assert plan.page == sheet
    assert [(s.row, s.col) for s in plan.fronts] == list(itertools.product(range(3), range(3)))


def test_a4_poker_positions_are_centred_with_the_expected_gutters():
    plan = sheet_layout(A4, POKER, bleed=3 * MM)
    # Across: 3 x 63 mm in 200 mm (210 less two 5 mm margins) leaves 11 mm: two 5.5 mm gutters.
    assert close(plan.gutter_x, 5.5 * MM)
    # Down: 3 x 88 mm in 287 mm: room for the full 6 mm (twice the bleed).
    assert close(plan.gutter_y, 6 * MM)
    first = plan.fronts[0].trim
    assert close(first.x, 5 * MM)
    assert close(first.top, A4.height - (297 - 3 * 88 - 2 * 6) / 2 * MM)
    last = plan.fronts[-1].trim
    assert close(A4.width - last.right, first.x)  # centred across
    assert close(last.y, A4.height - first.top)  # centred down


def test_letter_poker_narrows_the_gutter_to_keep_nine_cards():
    plan = sheet_layout(LETTER, POKER, bleed=3 * MM)
    assert plan.per_sheet == 9
    # 279.4 mm less 10 mm of margin, less 264 mm of cards, leaves 5.4 mm for two gutters.
    assert close(plan.gutter_y, 2.7 * MM, 1e-3)
    assert close(plan.gutter_x, 6 * MM)


def test_a_given_gutter_is_used_as_is():
    plan = sheet_layout(A4, POKER, bleed=0, gutter=2 * MM)
    assert close(plan.gutter_x, 2 * MM) and close(plan.gutter_y, 2 * MM)
    assert plan.fronts[1].trim.x - plan.fronts[0].trim.right == pytest.approx(2 * MM)


def test_no_bleed_butts_the_cards_together():
    plan = sheet_layout(A4, POKER, bleed=0)
    assert plan.gutter_x == 0 and plan.gutter_y == 0
    for slot in plan.fronts:
        assert slot.bleed.contains(slot.trim) and slot.trim.contains(slot.bleed)


def test_bleed_extends_fully_outside_and_halfway_into_gutters():
    plan = sheet_layout(A4, POKER, bleed=3 * MM)
    corner = plan.fronts[0]  # top-left card
    assert close(corner.trim.x - corner.bleed.x, 3 * MM)
    assert close(corner.bleed.top - corner.trim.top, 3 * MM)
    assert close(corner.bleed.right - corner.trim.right, 2.75 * MM)  # half of the 5.5 mm gutter
    assert close(corner.trim.y - corner.bleed.y, 3 * MM)  # the 6 mm gutter holds two full bleeds


def test_long_edge_backs_reverse_the_columns():
    plan = sheet_layout(A4, POKER, duplex="long-edge")
    for front, back in zip(plan.fronts, plan.backs):
        assert (back.row, back.col) == (front.row, plan.cols - 1 - front.col)
        assert close(back.trim.x, A4.width - front.trim.right)
        assert close(back.trim.y, front.trim.y)


def test_short_edge_backs_reverse_the_rows():
    plan = sheet_layout(A4, POKER, duplex="short-edge")
    for front, back in zip(plan.fronts, plan.backs):
        assert (back.row, back.col) == (plan.rows - 1 - front.row, front.col)
        assert close(back.trim.y, A4.height - front.trim.top)
        assert close(back.trim.x, front.trim.x)


def test_no_duplex_means_no_backs():
    plan = sheet_layout(A4, POKER, duplex="none")
    assert plan.backs == () and not plan.has_backs


def test_back_offset_moves_every_back():
    plain = sheet_layout(A4, POKER)
    moved = sheet_layout(A4, POKER, back_offset=(1 * MM, -2 * MM))
    for a, b in zip(plain.backs, moved.backs):
        assert close(b.trim.x - a.trim.x, 1 * MM) and close(b.trim.y - a.trim.y, -2 * MM)
    assert moved.fronts == plain.fronts


def test_a_back_offset_off_the_paper_is_refused():
    with pytest.raises(ExportError, match="off the paper"):
        sheet_layout(A4, POKER, back_offset=(50 * MM, 0))


def test_landscape_pages_are_used_when_they_fit_more_cards():
    plan = sheet_layout(A4, card_size("a6"))
    assert plan.page.landscape and plan.per_sheet == 2
    # On a landscape sheet the long edge runs across, so long-edge backs reverse rows.
    assert mirror(0, 0, 1, 2, "long-edge", landscape=True) == (0, 0)
    assert [(b.row, b.col) for b in plan.backs] == [(0, 0), (0, 1)]


def test_a_card_too_big_for_the_paper_is_a_clear_error():
    with pytest.raises(ExportError, match="does not fit"):
        sheet_layout(A4, mm(300, 400))


def test_fold_layout_puts_backs_across_the_fold():
    plan = fold_layout(A4, POKER)
    assert plan.kind == "fold" and plan.page.landscape and plan.per_sheet == 4
    fold = plan.fold_line
    assert close(fold.x1, plan.page.width / 2) and close(fold.x2, fold.x1)
    for front, back in zip(plan.fronts, plan.backs):
        assert front.trim.right <= fold.x1 - MARGIN + 1e-6
        assert back.trim.x >= fold.x1 + MARGIN - 1e-6
        assert close(back.trim.x - fold.x1, fold.x1 - front.trim.right)
        assert close(back.trim.y, front.trim.y)
    assert not plan.backs_on_own_page


def test_print_shop_layout_is_one_card_with_trim_and_bleed_boxes():
    plan = print_shop_layout(POKER, bleed=3 * MM)
    assert plan.per_sheet == 1
    assert close(plan.page.width, 69 * MM) and close(plan.page.height, 94 * MM)
    assert plan.trim_box == Box(3 * MM, 3 * MM, POKER.width, POKER.height)
    assert plan.bleed_box == Box(0, 0, plan.page.width, plan.page.height)
    assert plan.crop_marks() == ()


def test_crop_marks_sit_at_every_outer_corner_and_never_on_a_card():
    plan = sheet_layout(A4, POKER)
    marks = plan.crop_marks()
    trims = [s.trim for s in plan.fronts]
    for mark in marks:
        assert mark.length >= 1 * MM - 1e-6
        # Horizontal or vertical, along a card edge, never across a card's inside.
        assert mark.x1 == mark.x2 or mark.y1 == mark.y2
        thin = Box(min(mark.x1, mark.x2), min(mark.y1, mark.y2), abs(mark.x2 - mark.x1), abs(mark.y2 - mark.y1))
        assert not any(thin.overlaps(t) for t in trims)
        if mark.y1 == mark.y2:
            assert not any(t.y < mark.y1 < t.top and t.x < max(mark.x1, mark.x2) and min(mark.x1, mark.x2) < t.right for t in trims)
    # Every corner of the outer cards has a mark pointing out of the grid.
    for slot in plan.fronts:
        if slot.col == 0:
            assert any(m.y1 == m.y2 == slot.trim.top and m.x2 < slot.trim.x for m in marks)
        if slot.row == plan.rows - 1:
            assert any(m.x1 == m.x2 == slot.trim.x and m.y2 < slot.trim.y for m in marks)


def test_crop_marks_are_listed_once_when_neighbours_share_them():
    a, b = Box(0, 0, 10, 10), Box(14, 0, 10, 10)
    marks = crop_marks([a, b], Box(-50, -50, 150, 150), gap=1, length=5, shortest=1)
    gutter_marks = [m for m in marks if m.y1 == m.y2 and m.x1 >= 10 and m.x2 <= 14]
    assert len(gutter_marks) == 2  # one along the top edge, one along the bottom
    assert all(close(m.x1, 11) and close(m.x2, 13) for m in gutter_marks)


def test_partial_sheets_get_marks_only_for_their_cards():
    plan = sheet_layout(A4, POKER)
    assert len(plan.crop_marks(1)) == 8  # two marks at each of the lone card's corners
    assert plan.crop_marks(1, side="back") != plan.crop_marks(1)  # the back is mirrored


# --- properties ------------------------------------------------------------------------

lengths_mm = st.floats(min_value=20, max_value=160, allow_nan=False)
papers = st.sampled_from([A4, LETTER, mm(297, 420), mm(148, 210)])
bleeds = st.floats(min_value=0, max_value=5, allow_nan=False).map(lambda v: v * MM)
gutters = st.one_of(st.none(), st.floats(min_value=0, max_value=10, allow_nan=False).map(lambda v: v * MM))


def _plan(sheet, width, height, bleed, gutter, duplex="long-edge", fold=False):
    card = mm(width, height)
    try:
        if fold:
            return fold_layout(sheet, card, bleed, gutter)
        return sheet_layout(sheet, card, bleed, gutter, duplex=duplex)
    except ExportError:
        return None


@given(papers, lengths_mm, lengths_mm, bleeds, gutters, st.booleans())
def test_cards_never_overlap_and_stay_inside_the_printable_sheet(sheet, width, height, bleed, gutter, fold):
    plan = _plan(sheet, width, height, bleed, gutter, fold=fold)
    if plan is None:
        return
    page = plan.page_box
    printable = Box(MARGIN, MARGIN, page.width - 2 * MARGIN, page.height - 2 * MARGIN)
    slots = list(plan.fronts) + (list(plan.backs) if plan.kind == "fold" else [])
    for slot in slots:
        assert printable.contains(slot.trim)
        assert page.contains(slot.bleed)
        assert slot.bleed.contains(slot.trim)
    for one, other in itertools.combinations(slots, 2):
        assert not one.bleed.overlaps(other.bleed)
    for mark in plan.crop_marks():
        assert page.contains(Box(min(mark.x1, mark.x2), min(mark.y1, mark.y2), abs(mark.x2 - mark.x1), abs(mark.y2 - mark.y1)))


@given(papers, lengths_mm, lengths_mm, bleeds, gutters)
def test_as_many_cards_as_fit(sheet, width, height, bleed, gutter):
    plan = _plan(sheet, width, height, bleed, gutter)
    if plan is None:
        return
    g = plan.gutter_x if gutter is None else gutter
    # One more column (at the gutter used, or butted if the gutter was chosen for us) would not fit.
    spare = 0 if gutter is None else g
    assert (plan.cols + 1) * plan.card.width + plan.cols * spare > plan.page.width - 2 * MARGIN + 1e-6


@given(
    st.integers(1, 8), st.integers(1, 8), st.data(), st.sampled_from(["long-edge", "short-edge", "none"]), st.booleans()
)
def test_mirror_is_where_the_card_lands_when_the_sheet_is_turned_over(rows, cols, data, duplex, landscape):
    """A physical model: turn the sheet over about the edge the printer flips on, and see which cell the card's middle is in."""
    row = data.draw(st.integers(0, rows - 1))
    col = data.draw(st.integers(0, cols - 1))
    # The card's middle as a share of the sheet's width (x) and height (y), row 0 at the top.
    x, y = (col + 0.5) / cols, (row + 0.5) / rows
    long_edge_is_vertical = not landscape
    if duplex == "none":
        turned = (x, y)
    elif (duplex == "long-edge") == long_edge_is_vertical:
        turned = (1 - x, y)  # turned about a vertical edge: left and right swap
    else:
        turned = (x, 1 - y)  # turned about a horizontal edge: top and bottom swap
    expected = (int(turned[1] * rows), int(turned[0] * cols))
    assert mirror(row, col, rows, cols, duplex, landscape) == expected


@given(papers, lengths_mm, lengths_mm, bleeds, gutters, st.sampled_from(["long-edge", "short-edge"]))
def test_backs_are_the_mirror_image_of_the_fronts(sheet, width, height, bleed, gutter, duplex):
    plan = _plan(sheet, width, height, bleed, gutter, duplex)
    if plan is None:
        return
    # The back sheet is a permutation of the front slots: every position used exactly once.
    assert sorted((b.row, b.col) for b in plan.backs) == sorted((f.row, f.col) for f in plan.fronts)
    across = (duplex == "long-edge") != plan.page.landscape
    for front, back in zip(plan.fronts, plan.backs):
        reflected = front.trim.mirrored_x(plan.page.width / 2) if across else front.trim.mirrored_y(plan.page.height / 2)
        assert close(reflected.x, back.trim.x, 1e-6) and close(reflected.y, back.trim.y, 1e-6)
