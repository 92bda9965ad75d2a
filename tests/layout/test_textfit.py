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


def test_past_the_floor_the_error_names_the_item_and_the_overflow():
    with pytest.raises(TextOverflowError, match=r"card lets-imagine/3: too much text .* 9 pt: \d+ lines where 4 fit"):
        textfit.fit("word " * 400, 100, 50, 20, 9, what="card lets-imagine/3")


def test_sizes_step_down_to_the_floor_and_never_below():
    assert list(textfit.sizes(12, 10)) == [12, 11.5, 11, 10.5, 10]
    assert list(textfit.sizes(11, 9.8)) == [11, 10.5, 10]
    assert list(textfit.sizes(9, 9)) == [9]


def test_largest_fitting_returns_the_first_fit_or_the_last_try():
    assert textfit.largest_fitting(lambda size: size, lambda size: size <= 10.5, 12, 9) == (10.5, True)
    assert textfit.largest_fitting(lambda size: size, lambda size: False, 12, 9) == (9, False)
