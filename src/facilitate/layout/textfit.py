"""Fitting text into a box: wrap at the box width, shrink to a floor, or say what overflows.

Used by every exporter so a card, a slide and a worksheet fit text the same way. Widths
come from the real font metrics (layout.fonts); nothing here draws anything.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TypeVar

import attrs

from facilitate.errors import TextOverflowError
from facilitate.layout import fonts

Measure = Callable[[str, float], float]
T = TypeVar("T")

#: Line height as a multiple of the font size.
LEADING = 1.2
_BREAK = re.compile(r"(\s+)")


@attrs.frozen
class Fitted:
    """Text laid out at one size: its lines, and the size of the block."""

    size: float
    lines: tuple[str, ...]
    leading: float = LEADING

    @property
    def height(self) -> float:
        return len(self.lines) * self.size * self.leading


def measure_with(weight: str = "regular") -> Measure:
    return fonts.metrics(weight).width


def _split_long_word(word: str, width: float, size: float, measure: Measure) -> list[str]:
    """Break a word wider than the line into pieces, each ending in a hyphen."""
    pieces, current = [], ""
    for char in word:
        if current and measure(current + char + "-", size) > width:
            pieces.append(current + "-")
            current = char
        else:
            current += char
    pieces.append(current)
    return pieces


def wrap(text: str, width: float, size: float, measure: Measure) -> list[str]:
    """Greedy word wrap; explicit newlines are kept; over-long words are hyphenated."""
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").split("\n"):
        words = paragraph.split()
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if measure(candidate, size) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            if measure(word, size) <= width:
                line = word
            else:
                *full, line = _split_long_word(word, width, size, measure)
                lines.extend(full)
        lines.append(line)
    return lines


def sizes(max_size: float, min_size: float, step: float = 0.5) -> Iterator[float]:
    """Font sizes to try, largest first: ``max_size`` down by ``step`` while not below ``min_size``."""
    size = max_size
    while True:
        yield size
        if size - step < min_size - 1e-9:
            return
        size = round(size - step, 2)


def largest_fitting(layout: Callable[[float], T], fits_box: Callable[[T], bool], max_size: float, min_size: float, step: float = 0.5) -> tuple[T, bool]:
    """The layout at the largest size that fits, and True; or the layout at the last size tried, and False.

    ``layout(size)`` lays the text out at a size; ``fits_box(laid_out)`` says whether it fits.
    Every shrink-to-a-floor in facilitate goes through here (one text, a list, a poster step).
    """
    laid_out = None
    for size in sizes(max_size, min_size, step):
        laid_out = layout(size)
        if fits_box(laid_out):
            return laid_out, True
    return laid_out, False


def fit(
    text: str,
    width: float,
    height: float,
    max_size: float,
    min_size: float,
    *,
    measure: Measure | None = None,
    leading: float = LEADING,
    step: float = 0.5,
    what: str = "text",
) -> Fitted:
    """The largest size from ``max_size`` down to ``min_size`` at which ``text`` fits the box.

    Raises TextOverflowError naming ``what`` and how much too much text there is when it
    does not fit even at ``min_size``.
    """
    measure = measure or measure_with()
    fitted, ok = largest_fitting(
        lambda size: Fitted(size, tuple(wrap(text, width, size, measure)), leading),
        lambda candidate: candidate.height <= height + 1e-6,
        max_size,
        min_size,
        step,
    )
    if ok:
        return fitted
    lines = wrap(text, width, min_size, measure)
    capacity = max(int(height // (min_size * leading)), 0)
    over = len(lines) - capacity
    raise TextOverflowError(
        f"{what}: too much text to fit its box even at {min_size:g} pt:"
        f" {len(lines)} lines where {capacity} fit ({over} too many; about"
        f" {_chars_over(lines, capacity)} characters to cut)"
    )


def _chars_over(lines: list[str], capacity: int) -> int:
    return sum(len(line) for line in lines[capacity:])


def fits(text: str, width: float, height: float, size: float, measure: Measure | None = None, leading: float = LEADING) -> bool:
    measure = measure or measure_with()
    return len(wrap(text, width, size, measure)) * size * leading <= height + 1e-6
