"""Fitting text into a box: wrap at the box width, shrink to a floor, or say what overflows.

The one text-fitting engine: a card, a slide and a worksheet fit text the same way. One
text (``fit``) or a box of paragraphs set together (``Draft``, ``place``,
``largest_size``, ``fit_paragraphs``, ``split_to_fit``) shrink through one loop
(``largest_fitting``). Widths come from the real font metrics (layout.fonts); nothing
here draws anything.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Generic, TypeVar

import attrs

from facilitate.errors import TextOverflowError
from facilitate.layout import fonts

Measure = Callable[[str, float], float]
T = TypeVar("T")

#: Line height as a multiple of the font size.
LEADING = 1.2
#: How far each try shrinks the text, in points.
STEP = 0.5
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
    """Break a word wider than the line into pieces, each ending in a hyphen.

    Widths add up character by character, so the word is measured once through: time in
    proportion to its length, however long the line.
    """
    hyphen = measure("-", size)
    pieces: list[str] = []
    start, used = 0, 0.0
    for index, char in enumerate(word):
        advance = measure(char, size)
        if index > start and used + advance + hyphen > width:
            pieces.append(word[start:index] + "-")
            start, used = index, 0.0
        used += advance
    pieces.append(word[start:])
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


def sizes(max_size: float, min_size: float, step: float = STEP) -> Iterator[float]:
    """Font sizes to try, largest first: ``max_size`` down by ``step`` while not below ``min_size``."""
    size = max_size
    while True:
        yield size
        if size - step < min_size - 1e-9:
            return
        size = round(size - step, 2)


def largest_fitting(layout: Callable[[float], T], fits_box: Callable[[T], bool], max_size: float, min_size: float, step: float = STEP) -> tuple[T, bool]:
    """The layout at the largest size that fits, and True; or the layout at the last size tried, and False.

    ``layout(size)`` lays the text out at a size; ``fits_box(laid_out)`` says whether it fits.
    Every shrink-to-a-floor in facilitate goes through here (one text, a box of paragraphs,
    a table, a poster step).
    """
    tried = sizes(max_size, min_size, step)
    laid_out = layout(next(tried))
    if fits_box(laid_out):
        return laid_out, True
    for size in tried:
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
    step: float = STEP,
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


# --- a box of paragraphs ---------------------------------------------------------------------
# A slide's body, a break slide's return time and its note, an instructions page: several
# paragraphs set together. Each paragraph's size is its ``scale`` times the box's base size
# (rounded to a half point); the base shrinks, one step at a time, until the box holds them.


@attrs.frozen
class Frame:
    """The room a box leaves for text: its width and height inside the box's margins.

    Lines are measured to fit ``safety`` of the width, so a renderer whose line breaking
    differs by a hair (kerning, rounding) still breaks where the fitting did.
    """

    width: float
    height: float
    safety: float = 1.0


@attrs.frozen
class Draft:
    """A paragraph before fitting: its size is ``scale`` times the box's base size."""

    text: str
    scale: float = 1.0
    bold: bool = False
    #: Space before, as a share of the paragraph's size (never before a box's first paragraph).
    gap: float = 0.0
    #: Space after, as a share of the paragraph's size (never after a box's last paragraph).
    after: float = 0.0
    #: The hanging indent a marker (bullet, number, label) needs, as a share of the size. Every
    #: marked paragraph of a box hangs as far as the widest marker needs, so the text lines up.
    hang: float = 0.0


D = TypeVar("D", bound=Draft)


@attrs.frozen
class Placed(Generic[D]):
    """A paragraph at its fitted size, with the space above it and its hanging indent, in points."""

    draft: D
    size: float
    space_before: float
    indent: float

    def lines(self, frame: Frame) -> tuple[str, ...]:
        """How the paragraph wraps in ``frame``."""
        return wrapped(self.draft.text, (frame.width - self.indent) * frame.safety, self.size, self.draft.bold)


@functools.lru_cache(maxsize=1 << 16)
def wrapped(text: str, width: float, size: float, bold: bool) -> tuple[str, ...]:
    """``wrap`` in the bundled font, regular or bold, remembered: fitting tries one paragraph at
    many sizes and in many groupings, and a 10,000-card deck repeats its footers."""
    return tuple(wrap(text, width, size, measure_with("bold" if bold else "regular")))


def _hang(drafts: Sequence[Draft]) -> float:
    return max([draft.hang for draft in drafts], default=0.0)


def place(drafts: Sequence[D], base: float, *, floor: float = 0.0) -> tuple[Placed[D], ...]:
    """``drafts`` set at base size ``base``: each at its share of it in half points, never below ``floor``.

    On the hot path (a 400-slide deck tries each box at many sizes): kept lean.
    """
    hang = _hang(drafts)
    out: list[Placed[D]] = []
    before = 0.0
    for index, draft in enumerate(drafts):
        own = round(draft.scale * base * 2) / 2
        if own < floor:
            own = floor
        space = before + round(draft.gap * own, 1) if index else 0.0
        out.append(Placed(draft, own, space, round(own * hang, 1) if draft.hang else 0.0))
        before = round(draft.after * own, 1) if draft.after else 0.0
    return tuple(out)


def height(drafts: Sequence[Draft], frame: Frame, base: float, *, floor: float = 0.0) -> float:
    """The height ``drafts`` take in ``frame`` at base size ``base``."""
    total = 0.0
    for placed in place(drafts, base, floor=floor):
        total += placed.space_before
        total += len(placed.lines(frame)) * placed.size * LEADING
    return total


def fits_at(drafts: Sequence[Draft], frame: Frame, base: float, *, floor: float = 0.0) -> bool:
    return height(drafts, frame, base, floor=floor) <= frame.height + 1e-6


def _floors(drafts: Sequence[Draft], min_size: float, proportional: bool) -> tuple[float, float]:
    """The smallest base size worth trying, and the floor of each paragraph's own size.

    Proportional: every paragraph keeps its share of the base, and the base stops when the
    smallest paragraph reaches ``min_size``. Otherwise each paragraph stops at ``min_size``
    and the base goes on shrinking the others until every one is there.
    """
    scales = [draft.scale for draft in drafts] or [1.0]
    if proportional:
        return min_size / min(scales), 0.0
    return min_size / max(scales), min_size


def largest_size(
    drafts: Sequence[Draft], frame: Frame, max_size: float, min_size: float, *, proportional: bool = True, step: float = STEP
) -> float | None:
    """The largest base size from ``max_size`` down at which ``drafts`` fit ``frame``, or None."""
    base_floor, floor = _floors(drafts, min_size, proportional)
    size, ok = largest_fitting(
        lambda base: base, lambda base: fits_at(drafts, frame, base, floor=floor), max(max_size, base_floor), base_floor, step
    )
    return size if ok else None


def overflow_message(what: str, drafts: Sequence[Draft], frame: Frame, min_size: float, *, proportional: bool = True) -> str:
    """Say how much text is too much for ``frame`` at the floor size."""
    base_floor, floor = _floors(drafts, min_size, proportional)
    needed = height(drafts, frame, base_floor, floor=floor)
    available = max(frame.height, 0.0)
    chars = sum(len(draft.text) for draft in drafts)
    keep = int(chars * available / needed) if needed else chars
    return (
        f"{what}: too much text to fit even at {min_size:g} pt: it needs {needed:.0f} pt of height"
        f" where the box has {available:.0f} pt ({chars} characters; cut it to about {keep})"
    )


def fit_paragraphs(
    drafts: Sequence[D], frame: Frame, max_size: float, min_size: float, what: str, *, proportional: bool = True
) -> tuple[Placed[D], ...]:
    """``drafts`` at the largest size that fits ``frame``, or TextOverflowError naming ``what``."""
    base = largest_size(drafts, frame, max_size, min_size, proportional=proportional)
    if base is None:
        raise TextOverflowError(overflow_message(what, drafts, frame, min_size, proportional=proportional))
    return place(drafts, base, floor=_floors(drafts, min_size, proportional)[1])


def even_chunks(items: Sequence[T], count: int) -> list[list[T]]:
    """``items`` in order in ``count`` runs whose lengths differ by one at most (no empty run)."""
    base, extra = divmod(len(items), count)
    out, start = [], 0
    for index in range(count):
        end = start + base + (1 if index < extra else 0)
        out.append(list(items[start:end]))
        start = end
    return [chunk for chunk in out if chunk]


def _packed(items: Sequence[D], frame: Frame, base: float) -> list[list[D]] | None:
    """Items in order in as few frames as they fill at ``base``; None if one alone overflows."""
    chunks: list[list[D]] = []
    current: list[D] = []
    for item in items:
        if fits_at(current + [item], frame, base):
            current = current + [item]
            continue
        if not current or not fits_at([item], frame, base):
            return None
        chunks.append(current)
        current = [item]
    if current:
        chunks.append(current)
    return chunks


def opening(text: str, words: int = 6) -> str:
    """The first ``words`` words of ``text``, with an ellipsis if there are more."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def split_to_fit(items: Sequence[D], frame: Frame, max_size: float, min_size: float, what: str) -> tuple[float, list[list[D]]]:
    """One base size and ``items`` split, in order, into as few frames as hold them at that size.

    The largest size at which that many frames hold them, shared out evenly when they fit
    that way. Raises TextOverflowError when one item does not fit a frame even alone at the
    floor.
    """
    if not items:
        return max_size, [[]]
    if fits_at(items, frame, max_size):
        return max_size, [list(items)]
    at_floor = _packed(items, frame, min_size)
    if at_floor is None:
        for item in items:
            if not fits_at([item], frame, min_size):
                raise TextOverflowError(overflow_message(f"{what}: the item starting {opening(item.text)!r}", [item], frame, min_size))
        raise TextOverflowError(overflow_message(what, items, frame, min_size))  # pragma: no cover
    count = len(at_floor)
    for size in sizes(max_size, min_size, STEP):
        even = even_chunks(items, count)
        if len(even) == count and all(fits_at(chunk, frame, size) for chunk in even):
            return size, even
        packed = _packed(items, frame, size)
        if packed is not None and len(packed) <= count:
            return size, packed
    return min_size, at_floor  # pragma: no cover - the floor always packs
