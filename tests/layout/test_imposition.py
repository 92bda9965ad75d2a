"""Card-sheet imposition: how many cards fit, where they go, where their backs and crop marks go."""

from __future__ import annotations

import itertools

import attrs

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
    outer_room,
    print_shop_layout,
    registration_sheet,
    sets_to_print,
    sheet_layout,
)
from facilitate.layout.units import card_size, mm, paper

A4 = paper("a4")
LETTER = paper("letter")
POKER = card_size("poker")


def close(a: float, b: float, tolerance: float = 1e-6) -> bool:
    return abs(a - b) <= tolerance


def printable(plan) -> Box:
    return Box(MARGIN, MARGIN, plan.page.width - 2 * MARGIN, plan.page.height - 2 * MARGIN)


@pytest.mark.parametrize("sheet", [A4, LETTER], ids=["a4", "letter"])
def test_shared_cuts_fit_more_poker_cards_than_whole_gutters(sheet):
    gutters = sheet_layout(sheet, POKER)
    shared = sheet_layout(sheet, POKER, shared_cuts=True)
    assert shared.per_sheet > gutters.per_sheet
    assert shared.gutter_x == shared.gutter_y == 0


def test_a4_poker_with_whole_gutters_goes_eight_up_on_a_turned_sheet():
    # Three 63 mm cards and two 6 mm gutters (201 mm) plus 4 mm of marks each side do not
    # fit inside the 200 mm a 5 mm margin leaves across A4: the sheet turns, 2 x 4.
    plan = sheet_layout(A4, POKER, bleed=3 * MM)
    assert plan.page.landscape and (plan.rows, plan.cols) == (2, 4)
    assert close(plan.gutter_x, 6 * MM) and close(plan.gutter_y, 6 * MM)
    first, last = plan.fronts[0].trim, plan.fronts[-1].trim
    assert close(plan.page.width - last.right, first.x)  # centred across
    assert close(last.y, plan.page.height - first.top)  # centred down


def test_a4_poker_with_shared_cuts_goes_nine_up_with_room_for_marks():
    plan = sheet_layout(A4, POKER, bleed=3 * MM, shared_cuts=True)
    assert not plan.page.landscape and plan.per_sheet == 9
    first = plan.fronts[0].trim
    # 210 mm less three 63 mm cards leaves 10.5 mm each side: 5 mm margin, then marks.
    assert close(first.x, 10.5 * MM)
    assert plan.fronts[1].trim.x == pytest.approx(first.right)


def test_letter_poker_drops_a_row_rather_than_put_marks_off_the_page():
    # 279.4 mm less 10 mm of margin holds 264 mm of cards, but not their 8 mm of marks.
    plan = sheet_layout(LETTER, POKER, bleed=3 * MM, shared_cuts=True)
    assert plan.per_sheet == 8 and plan.page.landscape


def test_a_given_gutter_must_hold_two_bleeds():
    plan = sheet_layout(A4, POKER, bleed=1 * MM, gutter=4 * MM)
    assert close(plan.gutter_x, 4 * MM) and close(plan.gutter_y, 4 * MM)
    assert plan.fronts[1].trim.x - plan.fronts[0].trim.right == pytest.approx(4 * MM)
    with pytest.raises(ExportError, match="cannot hold two 3 mm bleeds"):
        sheet_layout(A4, POKER, bleed=3 * MM, gutter=2 * MM)


def test_no_bleed_butts_the_cards_together():
    plan = sheet_layout(A4, POKER, bleed=0)
    assert plan.gutter_x == 0 and plan.gutter_y == 0
    for slot in plan.fronts:
        assert slot.bleed == slot.trim


def test_every_bleed_is_whole_between_cards():
    plan = sheet_layout(A4, POKER, bleed=3 * MM)
    for slot in plan.fronts:
        assert slot.bleed == slot.trim.grown(3 * MM, 3 * MM, 3 * MM, 3 * MM)


def test_shared_cuts_paint_bleed_only_round_the_outside():
    plan = sheet_layout(A4, POKER, bleed=3 * MM, shared_cuts=True)
    middle = next(s for s in plan.fronts if (s.row, s.col) == (1, 1))
    assert middle.bleed == middle.trim
    corner = plan.fronts[0]
    assert corner.bleed == corner.trim.grown(3 * MM, 0, 0, 3 * MM)


def test_a_borderless_printer_gets_cards_nearer_the_edge():
    assert sheet_layout(LETTER, POKER, margin=0, shared_cuts=True).per_sheet == 9


def test_long_edge_backs_reverse_the_columns():
    plan = sheet_layout(A4, POKER, duplex="long-edge", shared_cuts=True)  # portrait, 3 x 3
    for front, back in zip(plan.fronts, plan.backs):
        assert (back.row, back.col) == (front.row, plan.cols - 1 - front.col)
        assert close(back.trim.x, A4.width - front.trim.right)
        assert close(back.trim.y, front.trim.y)


def test_short_edge_backs_reverse_the_rows():
    plan = sheet_layout(A4, POKER, duplex="short-edge", shared_cuts=True)
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


def test_a_back_offset_out_of_the_printable_area_is_refused():
    with pytest.raises(ExportError, match="out of the printable area"):
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
    assert fold.y1 >= MARGIN - 1e-6 and fold.y2 <= plan.page.height - MARGIN + 1e-6
    for front, back in zip(plan.fronts, plan.backs):
        assert front.trim.right <= fold.x1 - 4 * MM + 1e-6  # room for the marks before the fold
        assert back.trim.x >= fold.x1 + 4 * MM - 1e-6
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


@pytest.mark.parametrize("shared_cuts", [False, True])
def test_crop_marks_sit_at_every_outer_corner_and_never_on_a_card(shared_cuts):
    plan = sheet_layout(A4, POKER, shared_cuts=shared_cuts)
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
    # Every corner of the outer cards has a mark pointing out of the grid, at least 3 mm long.
    for mark in marks:
        outside = all(mark.x2 <= t.x or mark.x1 >= t.right or mark.y2 <= t.y or mark.y1 >= t.top for t in trims)
        assert outside
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
gutters = st.one_of(st.none(), st.floats(min_value=10, max_value=14, allow_nan=False).map(lambda v: v * MM))


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
    area = printable(plan)
    slots = list(plan.fronts) + (list(plan.backs) if plan.kind == "fold" else [])
    for slot in slots:
        assert area.contains(slot.bleed)
        whole = slot.trim.grown(plan.bleed, plan.bleed, plan.bleed, plan.bleed)
        assert slot.bleed.contains(whole) and whole.contains(slot.bleed)  # every bleed whole
    for one, other in itertools.combinations(slots, 2):
        assert not one.bleed.overlaps(other.bleed)
    for side in ("front", "back"):
        for mark in plan.crop_marks(side=side):
            assert area.contains(Box(min(mark.x1, mark.x2), min(mark.y1, mark.y2), abs(mark.x2 - mark.x1), abs(mark.y2 - mark.y1)))


@given(papers, lengths_mm, lengths_mm, bleeds, gutters)
def test_as_many_cards_as_fit(sheet, width, height, bleed, gutter):
    plan = _plan(sheet, width, height, bleed, gutter)
    if plan is None:
        return
    g = 2 * bleed if gutter is None else gutter
    # One more column with its gutter, inside the marks' room, would not fit.
    room = plan.page.width - 2 * MARGIN - 2 * outer_room(bleed)
    assert (plan.cols + 1) * plan.card.width + plan.cols * g > room + 1e-6


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


@given(papers, lengths_mm, lengths_mm, bleeds, st.sampled_from(["long-edge", "short-edge"]))
def test_shared_cuts_never_paint_bleed_between_cards(sheet, width, height, bleed, duplex):
    try:
        plan = sheet_layout(sheet, mm(width, height), bleed, duplex=duplex, shared_cuts=True)
    except ExportError:
        return
    area = printable(plan)
    for one, other in itertools.combinations(plan.fronts, 2):
        assert not one.bleed.overlaps(other.bleed)
    for slot in plan.fronts:
        assert area.contains(slot.bleed)
    for mark in plan.crop_marks():
        assert area.contains(Box(min(mark.x1, mark.x2), min(mark.y1, mark.y2), abs(mark.x2 - mark.x1), abs(mark.y2 - mark.y1)))


@pytest.mark.parametrize("duplex", ["long-edge", "short-edge"])
def test_the_registration_sheet_puts_each_scale_behind_its_target(duplex):
    sheet = registration_sheet(A4, duplex, offset=(1 * MM, -2 * MM))
    for target in sheet.targets:
        x, y = target.front
        turned = (A4.width - x, y) if duplex == "long-edge" else (x, A4.height - y)
        assert close(target.back[0], turned[0] + 1 * MM) and close(target.back[1], turned[1] - 2 * MM)
        assert sheet.printable.contains(Box(target.back[0] - sheet.reach, target.back[1] - sheet.reach, 2 * sheet.reach, 2 * sheet.reach))
    with pytest.raises(ExportError, match="needs --duplex"):
        registration_sheet(A4, "none")


def test_sets_to_print_follow_the_option_then_the_deck_then_the_tables():
    from facilitate.model.cards import Card, CardDeck
    from facilitate.model.session import Segment, Session

    deck = CardDeck("ideas", "Ideas", (Card("a", "A", "Prompt"),))
    at_tables = Session("Day", (Segment("talk", "Talk", 20, kind="activity", grouping="tables", deck="ideas"),), tables=6)
    whole_room = Session("Day", (Segment("talk", "Talk", 20, kind="activity", deck="ideas"),), tables=6)
    assert sets_to_print(deck) == 1
    assert sets_to_print(deck, at_tables) == 6
    assert sets_to_print(deck, whole_room) == 1
    assert sets_to_print(attrs.evolve(deck, copies=2), at_tables) == 2
    assert sets_to_print(attrs.evolve(deck, copies=2), at_tables, copies=3) == 3
