"""Boxes to write in: a label, what is already known, and ruled lines for the rest.

Boxes side by side (a NotesRow) are all as tall as the tallest. Known items shrink from
9.5 pt to 8 pt to leave the ruled lines; past that the box grows, keeping one free line.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from facilitate.errors import TextOverflowError
from facilitate.layout import textfit
from facilitate.layout.document import NotesSpace
from facilitate.layout.page import CELL

#: Line pitch of the ruled lines, and the padding inside a box.
PITCH = 20.0
PAD = 6.0
#: Below the last ruled line, so it does not sit on the border.
BOX_FOOT = 10.0
BOX_TEXT, BOX_FLOOR = 9.5, 8.0
LABEL_SIZE = CELL + 0.5
#: Between boxes side by side.
GAP = 8.0
#: Where a known item's text starts, right of its bullet.
ITEM_INDENT = 10.0


@attrs.frozen
class FittedItems:
    """Bulleted items at one size: the wrapped lines of each."""

    size: float
    lines: tuple[tuple[str, ...], ...]

    @property
    def height(self) -> float:
        return sum(len(item) for item in self.lines) * self.size * textfit.LEADING


def fit_items(items: Sequence[str], width: float, height: float, largest: float, floor: float) -> tuple[FittedItems, bool]:
    """Bulleted items wrapped to ``width``: the largest size that fits ``height``, or the floor.

    Returns the layout and whether it fits; at the floor the caller grows its box.
    """
    measure = textfit.measure_with("regular")
    return textfit.largest_fitting(
        lambda size: FittedItems(size, tuple(tuple(textfit.wrap(item, width, size, measure)) for item in items)),
        lambda fitted: fitted.height <= height + 1e-6,
        largest,
        floor,
    )


@attrs.frozen
class BoxPlan:
    label: textfit.Fitted
    items: FittedItems
    accent: bool = False


@attrs.frozen
class NotesPlan:
    """Boxes side by side, each ``box_width`` wide and ``height`` tall."""

    box_width: float
    height: float
    boxes: tuple[BoxPlan, ...]

    def left(self, index: int) -> float:
        return index * (self.box_width + GAP)


def plan_notes(spaces: Sequence[NotesSpace], width: float, frame_height: float, where: str) -> NotesPlan:
    """Boxes for ``spaces`` side by side across ``width``; TextOverflowError if one holds more than a page."""
    count = len(spaces)
    box_width = (width - GAP * (count - 1)) / count
    inner = box_width - 2 * PAD
    bold = textfit.measure_with("bold")
    labels = [
        textfit.Fitted(LABEL_SIZE, tuple(textfit.wrap(space.label, inner, LABEL_SIZE, bold)) if space.label.strip() else ())
        for space in spaces
    ]
    # The row is as tall as its tallest box when blank; each box's words may use all of it.
    heads = [PAD + label.height + (4 if label.lines else 0) for label in labels]
    row = max(head + max(space.lines, 1) * PITCH + BOX_FOOT for head, space in zip(heads, spaces))
    boxes, heights = [], []
    for space, head, label in zip(spaces, heads, labels):
        fitted, fits = fit_items(space.items, inner - ITEM_INDENT, row - head - BOX_FOOT, BOX_TEXT, BOX_FLOOR)
        # Past the floor the box grows (and flows), keeping one line free for additions.
        heights.append(row if fits or not space.items else head + fitted.height + PITCH + BOX_FOOT)
        boxes.append(BoxPlan(label, fitted, space.accent))
    height = max(heights)
    if height > frame_height:
        tallest = max(range(len(spaces)), key=lambda index: heights[index])
        owner, field = spaces[tallest].source or (None, ())
        raise TextOverflowError(
            f"more than a page of text for its box {spaces[tallest].label!r} even at {BOX_FLOOR:g} pt; shorten its items",
            owner,
            field,
        )
    return NotesPlan(box_width, height, tuple(boxes))
