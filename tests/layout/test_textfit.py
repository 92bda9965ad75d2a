"""Text fitting: wrapping at the box width, shrinking to a floor, naming what overflows."""

from __future__ import annotations

import pytest

from facilitate.errors import TextOverflowError
from facilitate.layout import fonts, textfit

MEASURE = fonts.metrics().width


def test_wrapped_lines_fit_the_width_and_keep_every_word():
    text = "Partnerships seek expertise and share it, wherever it can be found inside or outside the schools"
    lines = textfit.wrap(text, 120, 12, MEASURE)
    assert len(lines) > 1
    assert all(MEASURE(line, 12) <= 120 for line in lines)
    assert " ".join(lines).split() == text.split()


def test_explicit_line_breaks_are_kept():
    assert textfit.wrap("one\ntwo", 500, 12, MEASURE) == ["one", "two"]


def test_a_word_wider_than_the_box_is_hyphenated_not_run_outside():
    lines = textfit.wrap("Partnership" * 10, 80, 12, MEASURE)
    assert all(MEASURE(line, 12) <= 80 for line in lines)
    assert all(line.endswith("-") for line in lines[:-1])
    assert "".join(line.rstrip("-") for line in lines) == "Partnership" * 10


def test_fit_shrinks_to_the_largest_size_that_fits():
    text = "What thoughts and insight does each card stimulate? " * 3
    fitted = textfit.fit(text, 150, 100, 24, 9)
    assert 9 <= fitted.size < 24
    assert fitted.height <= 100
    assert not textfit.fits(text, 150, 100, fitted.size + 0.5)


def test_past_the_floor_the_error_names_the_field_and_the_overflow():
    from facilitate.model import Card

    card = Card("walk", "Walk", "word " * 400)
    with pytest.raises(TextOverflowError, match=r"^card 'walk': prompt: too long for the card even at 9 pt: \d+ lines where 4 fit"):
        textfit.fit(card.prompt, 100, 50, 20, 9, what="the card", owner=card, field=("prompt",))


def test_sizes_step_down_to_the_floor_and_never_below():
    assert list(textfit.sizes(12, 10)) == [12, 11.5, 11, 10.5, 10]
    assert list(textfit.sizes(11, 9.8)) == [11, 10.5, 10]
    assert list(textfit.sizes(9, 9)) == [9]


def test_largest_fitting_returns_the_first_fit_or_the_last_try():
    assert textfit.largest_fitting(lambda size: size, lambda size: size <= 10.5, 12, 9) == (10.5, True)
    assert textfit.largest_fitting(lambda size: size, lambda size: False, 12, 9) == (9, False)


# --- a box of paragraphs ------------------------------------------------------------------

FRAME = textfit.Frame(300, 200)


def test_paragraphs_take_their_share_of_the_base_size_in_half_points():
    drafts = [textfit.Draft("Title", 1.0, bold=True), textfit.Draft("body", 12 / 24), textfit.Draft("small", 0.45)]
    assert [p.size for p in textfit.place(drafts, 24)] == [24, 12, 11]
    assert [p.size for p in textfit.place(drafts, 23)] == [23, 11.5, 10.5]
    assert [p.size for p in textfit.place(drafts, 23, floor=11)] == [23, 11.5, 11]


def test_space_goes_between_paragraphs_never_above_the_first():
    drafts = [textfit.Draft("a", gap=0.8, after=0.5), textfit.Draft("b", gap=0.8, after=0.5), textfit.Draft("c", after=0.5)]
    placed = textfit.place(drafts, 10)
    assert [p.space_before for p in placed] == [0, 5 + 8, 5]
    lines = 3 * 10 * textfit.LEADING
    assert textfit.height(drafts, FRAME, 10) == pytest.approx(lines + 13 + 5)  # no space after the last


def test_marked_paragraphs_hang_as_far_as_the_widest_marker():
    drafts = [textfit.Draft("lead"), textfit.Draft("step", hang=1.7), textfit.Draft("aside", hang=1.1)]
    assert [p.indent for p in textfit.place(drafts, 20)] == [0, 34, 34]
    narrow = textfit.Frame(100, 500)
    long = textfit.Draft("talk with your table about it " * 4, hang=2.0)
    (placed,) = textfit.place([long], 12)
    assert all(MEASURE(line, 12) <= 100 - 24 for line in placed.lines(narrow))


def test_the_width_safety_margin_keeps_lines_short_of_the_edge():
    drafts = [textfit.Draft("word " * 60)]
    (placed,) = textfit.place(drafts, 12)
    safe = textfit.Frame(300, 500, safety=0.9)
    assert all(MEASURE(line, 12) <= 270 for line in placed.lines(safe))
    assert len(placed.lines(safe)) >= len(placed.lines(textfit.Frame(300, 500)))


def test_largest_size_is_the_first_size_down_that_fits():
    drafts = [textfit.Draft("Partnerships seek expertise and share it " * 6)]
    size = textfit.largest_size(drafts, FRAME, 24, 9)
    assert size is not None and 9 <= size < 24
    assert textfit.fits_at(drafts, FRAME, size) and not textfit.fits_at(drafts, FRAME, size + textfit.STEP)


def test_proportional_paragraphs_stop_when_the_smallest_reaches_the_floor_the_others_go_on():
    drafts = [textfit.Draft("A heading that takes room " * 3, 1.0, bold=True), textfit.Draft("a note", 0.5)]
    frame = textfit.Frame(200, 80)
    assert textfit.largest_size(drafts, frame, 24, 9) is None  # the note hits 9 pt with the heading at 18 pt
    base = textfit.largest_size(drafts, frame, 24, 9, proportional=False)
    assert base is not None and base < 18
    heading, note = textfit.fit_paragraphs(drafts, frame, 24, 9, "x", proportional=False)
    assert note.size == 9 and 9 <= heading.size < 18


def test_fit_paragraphs_past_the_floor_says_how_much_to_cut():
    from facilitate.model import Card

    card = Card("walk", "Walk", "word " * 400)
    drafts = [textfit.Draft(card.prompt, source=(card, ("prompt",)))]
    with pytest.raises(TextOverflowError, match=r"^card 'walk': prompt: too long for its box at 9 pt by about (\d+) characters; shorten it") as caught:
        textfit.fit_paragraphs(drafts, textfit.Frame(100, 50), 20, 9, "its box")
    # About as many characters as are over: 2,000 written where about a tenth fit.
    assert 1700 < int(str(caught.value).split("about ")[1].split()[0]) < 2000


def test_split_to_fit_uses_as_few_frames_as_hold_the_items_shared_out_evenly():
    items = [textfit.Draft(f"Item {n}: a sentence long enough to take two lines in this frame") for n in range(10)]
    frame = textfit.Frame(200, 120)
    size, chunks = textfit.split_to_fit(items, frame, 14, 10, "x")
    assert [item for chunk in chunks for item in chunk] == items
    assert all(textfit.fits_at(chunk, frame, size) for chunk in chunks)
    assert max(map(len, chunks)) - min(map(len, chunks)) <= 1
    fewer = len(chunks) - 1
    assert not all(textfit.fits_at(chunk, frame, 10) for chunk in textfit.even_chunks(items, fewer))
    assert textfit.split_to_fit([], frame, 14, 10, "x") == (14, [[]])


def test_an_item_too_long_even_alone_is_named_by_its_opening_words():
    from facilitate.model import Segment

    segment = Segment("talk", "Talk", 10, prompts=("fine", "far too long " * 200))
    items = [textfit.Draft(text, source=(segment, ("prompts", index))) for index, text in enumerate(segment.prompts)]
    with pytest.raises(TextOverflowError, match=r"^segment 'talk': prompts\[1\]: too long for slide 3 at 10 pt"):
        textfit.split_to_fit(items, textfit.Frame(200, 60), 14, 10, "slide 3")


def test_even_chunks_share_out_in_order():
    assert textfit.even_chunks(range(7), 3) == [[0, 1, 2], [3, 4], [5, 6]]
    assert textfit.even_chunks([1, 2], 3) == [[1], [2]]


def test_wrapped_is_wrap_in_the_bundled_font():
    text = "Partnerships seek expertise and share it, wherever it can be found"
    assert textfit.wrapped(text, 120, 12, False) == tuple(textfit.wrap(text, 120, 12, MEASURE))
    bold = fonts.metrics("bold").width
    assert textfit.wrapped(text, 120, 12, True) == tuple(textfit.wrap(text, 120, 12, bold))


def test_a_web_address_breaks_after_a_slash_and_never_gains_a_hyphen():
    from facilitate.layout import fonts

    measure = fonts.metrics("regular").width
    url = "https://example.org/partnerships/2026/day-one-in-the-town-hall?from=handout"
    for width in (60.0, 90.0, 140.0, 400.0):
        lines = textfit.wrap_address(url, width, 9.0, measure)
        assert "".join(lines) == url  # nothing added, nothing lost
        assert all(measure(line, 9.0) <= width + 1e-6 for line in lines)
    assert textfit.wrap_address(url, 140.0, 9.0, measure)[0].endswith("/")


def test_a_line_never_starts_with_a_slash_or_closing_punctuation_after_a_space():
    # PowerPoint and LibreOffice (Unicode line breaking, rule LB13) keep "who /" together.
    measure = fonts.metrics("bold").width
    lines = textfit.wrap("Which / who / when / where", measure("who / when", 22) - 1, 22, measure)
    assert lines == ["Which /", "who /", "when /", "where"]
    assert textfit.wrap("Ask (then listen) !", 10_000, 12, measure) == ["Ask (then listen) !"]
    for line in textfit.wrap("one ) two ; three ? four : five , six", 40, 12, measure):
        assert line[0] not in ");?:,"
