"""Slide text fitting: the engine's paragraphs with a slide's margins, floors, bullets and continuations."""

from __future__ import annotations

import pytest

from facilitate.errors import TextOverflowError
from facilitate.layout import slides as spec
from facilitate.layout.slides import fitting

BODY = spec.Box(40, 124, 880, 380)


def test_bullets_hang_and_beside_numbers_hang_as_far_as_the_numbers():
    bullets = [spec.Draft("a point", bullet="bullet"), spec.Draft("another", bullet="bullet")]
    assert [p.indent for p in fitting.paragraphs(bullets, 20)] == [22.0, 22.0]
    mixed = [spec.Draft("lead"), spec.Draft("step", bullet="number"), spec.Draft("aside", bullet="bullet")]
    assert [p.indent for p in fitting.paragraphs(mixed, 20)] == [0.0, 34.0, 34.0]


def test_paragraphs_keep_their_share_of_the_size_in_half_points_with_a_gap_above_all_but_the_first():
    drafts = [spec.Draft("Back at 10:20", bold=True), spec.Draft("15 min", scale=0.45), spec.Draft("credit", scale=0.7, gap=0.9)]
    time, minutes, credit = fitting.paragraphs(drafts, 33)
    # 0.45 × 33 is 15 pt: below the 18 pt floor, so it stops there.
    assert (time.size, minutes.size, credit.size) == (33, 18, 23)
    assert (time.space_before, minutes.space_before, credit.space_before) == (0, round(0.45 * 18, 1), round(0.9 * 23, 1))
    assert time.bold and not minutes.bold


def test_fit_box_takes_the_largest_size_that_fits():
    text = "Partnerships seek expertise and share it, wherever it can be found " * 4
    box = spec.Box(40, 124, 400, 160)
    fitted = spec.fit_box([spec.Draft(text)], box, spec.BODY_MAX, spec.BODY_MIN, "slide 3 'Talk'")
    size = fitted.paragraphs[0].size
    assert spec.BODY_MIN <= size < spec.BODY_MAX
    assert spec.text_height(fitted.paragraphs, box.inner_width) <= box.inner_height
    assert not spec.fits([spec.Draft(text)], box, size + spec.STEP)


def test_the_smallest_paragraph_stops_at_the_floor():
    drafts = [spec.Draft("Back at 10:20", bold=True), spec.Draft("15 min", scale=0.45)]
    box = spec.Box(40, 190, 880, 90)
    size = spec.largest_size(drafts, box, 60, spec.BODY_MIN)
    assert size is not None and spec.BODY_MIN <= size < 60
    time, minutes = fitting.paragraphs(drafts, size)
    assert minutes.size == max(round(0.45 * size * 2) / 2, spec.BODY_MIN) and time.size == size
    assert spec.largest_size(drafts, spec.Box(40, 190, 880, 50), 60, spec.BODY_MIN) is None


def test_facilitates_own_text_is_shortened_at_the_floor_never_an_error():
    drafts = [spec.Draft("Back at 10:20 " * 8, bold=True), spec.Draft("15 min", scale=0.45)]
    box = spec.Box(40, 190, 880, 50)
    fitted = spec.fit_box(drafts, box, 60, spec.BODY_MIN, "slide 7")
    first = fitted.paragraphs[0]
    assert first.text.endswith("…") and first.size == spec.BODY_MIN
    assert fitting.text_height(fitted.paragraphs, box.inner_width) <= box.inner_height


def test_the_users_text_that_cannot_fit_names_its_field():
    from facilitate.model import Segment

    segment = Segment("coffee", "Coffee " * 40, 10)
    drafts = [spec.Draft(segment.title, bold=True, source=(segment, ("title",)))]
    with pytest.raises(TextOverflowError, match=r"^segment 'coffee': title: too long for slide 7 at 18 pt by about \d+ characters"):
        spec.fit_box(drafts, spec.Box(40, 190, 880, 50), 60, spec.BODY_MIN, "slide 7")


def test_a_rounded_box_fits_its_text_inside_the_corners():
    box = spec.Box(40, 124, 200, 300)
    area = spec.text_area(box, "rounded")
    assert area.x > box.x and area.right < box.right and area.bottom < box.bottom
    assert spec.text_area(box, "rectangle") == box
    text = "What helped us today, and what will we do differently tomorrow? " * 2
    rounded = spec.fit_box([spec.Draft(text)], box, 32, spec.BODY_MIN, "x", shape="rounded")
    plain = spec.fit_box([spec.Draft(text)], box, 32, spec.BODY_MIN, "x")
    assert rounded.paragraphs[0].size <= plain.paragraphs[0].size
    assert spec.text_height(rounded.paragraphs, area.inner_width) <= area.inner_height


def test_lines_are_measured_inside_the_width_safety_margin():
    text = "word " * 40
    (paragraph,) = fitting.paragraphs([spec.Draft(text)], 20)
    lines = spec.paragraph_lines(paragraph, BODY.inner_width)
    from facilitate.layout import fonts

    assert all(fonts.metrics().width(line, 20) <= BODY.inner_width * spec.WIDTH_SAFETY for line in lines)


def test_a_list_too_long_for_one_box_splits_evenly_at_one_size():
    items = [spec.Draft(f"Point {n}: partnerships seek expertise and share it, wherever it can be found", bullet="bullet")
             for n in range(1, 19)]
    size, chunks = spec.split_to_fit(items, BODY, spec.BODY_MAX, spec.BODY_MIN, "slide 4 'Focus'")
    assert len(chunks) == 2 and [len(c) for c in chunks] == [9, 9]
    assert [d for c in chunks for d in c] == items
    assert all(spec.fits(chunk, BODY, size) for chunk in chunks)
    assert not all(spec.fits(chunk, BODY, size + spec.STEP) for chunk in chunks)


def test_one_item_too_long_even_alone_is_named_by_its_field():
    from facilitate.model import Segment

    segment = Segment("focus", "Focus", 10, prompts=("short", "talk " * 2000))
    items = [spec.Draft(text, bullet="bullet", source=(segment, ("prompts", index))) for index, text in enumerate(segment.prompts)]
    with pytest.raises(TextOverflowError, match=r"^segment 'focus': prompts\[1\]: too long for slide 4 at 18 pt by about \d+ characters"):
        spec.split_to_fit(items, BODY, spec.BODY_MAX, spec.BODY_MIN, "slide 4")


def test_continued_titles_count_the_slides():
    assert fitting.continued("Focus", 2, 3) == "Focus (2/3)"
    assert fitting.continued("Focus", 1, 1) == "Focus"
