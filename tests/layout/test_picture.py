"""A picture in its box: whole and in proportion, or cropped evenly to fill it; never stretched."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitate.layout.picture import contain, cover

sizes = st.tuples(st.integers(1, 8000), st.integers(1, 8000))
boxes = st.tuples(st.floats(0, 500), st.floats(0, 500), st.floats(1, 900), st.floats(1, 900))


@given(sizes, boxes)
def test_cover_fills_the_box_and_keeps_the_proportions(pixels, box):
    placed = cover(pixels, box)
    assert (placed.x, placed.y, placed.width, placed.height) == box
    crop = placed.crop
    assert crop.left == pytest.approx(crop.right) and crop.top == pytest.approx(crop.bottom)
    assert min(crop.left, crop.top) == 0.0 and 0.0 <= max(crop.left, crop.top) < 0.5
    shown = (pixels[0] * (1 - crop.left - crop.right)) / (pixels[1] * (1 - crop.top - crop.bottom))
    assert shown == pytest.approx(box[2] / box[3], rel=1e-6)


@given(sizes, boxes, st.sampled_from(["left", "centre", "right"]))
def test_contain_shows_the_whole_picture_inside_the_box(pixels, box, align):
    placed = contain(pixels, box, align)
    x, y, width, height = box
    assert placed.x >= x - 1e-6 and placed.x + placed.width <= x + width + 1e-6
    assert placed.y >= y - 1e-6 and placed.y + placed.height <= y + height + 1e-6
    assert placed.width / placed.height == pytest.approx(pixels[0] / pixels[1], rel=1e-6)
    assert placed.width == pytest.approx(width) or placed.height == pytest.approx(height)
    if align == "right":
        assert placed.x + placed.width == pytest.approx(x + width)
