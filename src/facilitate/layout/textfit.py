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


#: Characters a line never starts with after a space: closing brackets, ! and ?, the infix
#: separators , . : ; and the slash (Unicode line breaking, UAX #14 rule LB13). PowerPoint
#: and LibreOffice keep "who /" together, so the wrapper does too, and breaks where they do.
_NO_BREAK_BEFORE = frozenset(")]}!?,.:;/")


def _words(paragraph: str) -> list[str]:
    """The paragraph's breakable units: its words, each keeping a following "/" or ")" that stands alone."""
    words: list[str] = []
    for word in paragraph.split():
        if words and word[0] in _NO_BREAK_BEFORE:
            words[-1] += " " + word
        else:
            words.append(word)
    return words


def wrap(text: str, width: float, size: float, measure: Measure) -> list[str]:
    """Greedy word wrap; explicit newlines are kept; over-long words are hyphenated."""
    metrics = getattr(measure, "__self__", None)
    additive = isinstance(metrics, fonts.FontMetrics) and metrics.exact_ascii
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").split("\n"):
        words = _words(paragraph)
        if additive and paragraph.isascii() and paragraph.isprintable():
            assert isinstance(metrics, fonts.FontMetrics)
            _wrap_ascii(words, width, size, metrics, lines)
            continue
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


def _wrap_ascii(words: list[str], width: float, size: float, metrics: fonts.FontMetrics, lines: list[str]) -> None:
    """:func:`wrap` of one paragraph of printable ASCII, each word measured once.

    Every ASCII character's advance is a whole number of font units, so a line's width in
    units is exactly the sum of its words' and spaces' (in any order): the same lines as
    measuring each candidate line whole, in time in proportion to the words, not the
    characters times the words.
    """
    units, upm = metrics.units, metrics.units_per_em
    space = units(" ")
    line, used = "", 0.0
    for word in words:
        own = units(word)
        if line:
            candidate = used + space + own
            if candidate * size / upm <= width:  # as FontMetrics.width computes it, to the last bit
                line, used = f"{line} {word}", candidate
                continue
            lines.append(line)
        elif own * size / upm <= width:
            line, used = word, own
            continue
        if own * size / upm <= width:
            line, used = word, own
        else:
            *full, line = _split_long_word(word, width, size, metrics.width)
            lines.extend(full)
            used = units(line)
    lines.append(line)


#: Where a web address may break across lines: after these characters.
_ADDRESS_BREAKS = "/.?&=-_#"


def wrap_address(address: str, width: float, size: float, measure: Measure) -> tuple[str, ...]:
    """A web address in lines no wider than ``width``, broken after a '/' or '.' where it can be,
    and never with a hyphen added (that would change the address)."""
    lines: list[str] = []
    rest = address
    while rest:
        if measure(rest, size) <= width:
            lines.append(rest)
            break
        # The longest start of the rest that fits (at least one character)...
        end = 1
        while end < len(rest) and measure(rest[: end + 1], size) <= width:
            end += 1
        # ...cut back to just after the last break character in it, unless that leaves a
        # short stub of a line (then break where the line is full).
        cut = max((i + 1 for i in range(end) if rest[i] in _ADDRESS_BREAKS), default=end)
        if cut < end / 2:
            cut = end
        lines.append(rest[:cut])
        rest = rest[cut:]
    return tuple(lines)


def sizes(max_size: float, min_size: float, step: float = STEP) -> Iterator[float]:
    """Font sizes to try, largest first: ``max_size`` down by ``step`` while not below ``min_size``."""
    size = max_size
    while True:
        yield size
        if size - step < min_size - 1e-9:
            return
        size = round(size - step, 2)


def largest_fitting(
    layout: Callable[[float], T], fits_box: Callable[[T], bool], max_size: float, min_size: float, step: float = STEP,
    *, monotone: bool = False,
) -> tuple[T, bool]:
    """The layout at the largest size that fits, and True; or the layout at the smallest size, and False.

    ``layout(size)`` lays the text out at a size; ``fits_box(laid_out)`` says whether it fits.
    Every shrink-to-a-floor in facilitate goes through here (one text, a box of paragraphs,
    a table, a poster step). The largest size is tried first (most text fits at once); then,
    when the caller says fitting is ``monotone`` (whatever fits at one size fits at every
    smaller one: greedy wrapping of text that only shrinks), the sizes are bisected, else
    tried one by one downwards. Both find the same size.
    """
    laid_out = layout(max_size)
    if fits_box(laid_out):
        return laid_out, True
    tried = list(sizes(max_size, min_size, step))
    if len(tried) == 1:
        return laid_out, False
    if not monotone:
        for size in tried[1:]:
            laid_out = layout(size)
            if fits_box(laid_out):
                return laid_out, True
        return laid_out, False
    smallest = layout(tried[-1])
    if not fits_box(smallest):
        return smallest, False
    low, high, found = 0, len(tried) - 1, smallest  # tried[low] does not fit, tried[high] does
    while high - low > 1:
        middle = (low + high) // 2
        candidate = layout(tried[middle])
        if fits_box(candidate):
            high, found = middle, candidate
        else:
            low = middle
    return found, True


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
    what: str = "its box",
    owner: object = None,
    field: Sequence[str | int] = (),
) -> Fitted:
    """The largest size from ``max_size`` down to ``min_size`` at which ``text`` fits the box.

    Raises TextOverflowError saying how much too much text there is for ``what`` when it
    does not fit even at ``min_size``; ``owner`` and ``field`` name the model field the text
    is (errors.ExportError).
    """
    measure = measure or measure_with()
    fitted, ok = largest_fitting(
        lambda size: Fitted(size, tuple(wrap(text, width, size, measure)), leading),
        lambda candidate: candidate.height <= height + 1e-6,
        max_size,
        min_size,
        step,
        monotone=True,  # greedy wrapping: a smaller size never needs more lines
    )
    if ok:
        return fitted
    lines = wrap(text, width, min_size, measure)
    capacity = max(int(height // (min_size * leading)), 0)
    over = len(lines) - capacity
    raise TextOverflowError(
        f"too long for {what} even at {min_size:g} pt: {len(lines)} lines where {capacity} fit"
        f" ({over} too many; about {_chars_over(lines, capacity)} characters to cut)",
        owner,
        field,
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
    #: The model object and field the text is (``(segment, ("prompts", 1))``) when the user
    #: wrote it; None for text facilitate composes, which is shortened instead of failing.
    source: tuple[object, tuple[str | int, ...]] | None = attrs.field(default=None, eq=False, kw_only=True)


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


def wrapped(text: str, width: float, size: float, bold: bool) -> tuple[str, ...]:
    """``wrap`` in the font measured with here (fonts.measuring), regular or bold, remembered:
    fitting tries one paragraph at many sizes and in many groupings, and a 10,000-card deck
    repeats its footers."""
    return _wrapped(text, width, size, bold, fonts.measured())


@functools.lru_cache(maxsize=1 << 16)
def _wrapped(text: str, width: float, size: float, bold: bool, font: str) -> tuple[str, ...]:
    return tuple(wrap(text, width, size, fonts.metrics("bold" if bold else "regular", font).width))


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


def widest_word(text: str, bold: bool = False) -> float:
    """The widest word of ``text`` at 1 pt, in the font measured with here."""
    return _widest_word(text, bold, fonts.measured())


@functools.lru_cache(maxsize=1 << 14)
def _widest_word(text: str, bold: bool, font: str) -> float:
    measure = fonts.metrics("bold" if bold else "regular", font).width
    return max((measure(word, 1.0) for word in text.split()), default=0.0)


def words_whole(drafts: Sequence[Draft], frame: Frame, base: float, base_floor: float, *, floor: float = 0.0) -> bool:
    """No word breaks inside at base size ``base``, unless it would break even at ``base_floor``.

    A word is only ever broken when it alone is wider than its box: otherwise the text
    shrinks (or goes on to another slide) first.
    """
    at_floor = place(drafts, base_floor, floor=floor)
    for placed, smallest in zip(place(drafts, base, floor=floor), at_floor):
        room = (frame.width - placed.indent) * frame.safety
        widest = widest_word(placed.draft.text, placed.draft.bold)
        if widest * placed.size > room + 1e-6 and widest * smallest.size <= (frame.width - smallest.indent) * frame.safety + 1e-6:
            return False
    return True


def fits_at(drafts: Sequence[Draft], frame: Frame, base: float, *, floor: float = 0.0, base_floor: float | None = None) -> bool:
    """Whether ``drafts`` fit ``frame`` at ``base``; with ``base_floor``, also with no word broken that need not be."""
    if height(drafts, frame, base, floor=floor) > frame.height + 1e-6:
        return False
    return base_floor is None or words_whole(drafts, frame, base, base_floor, floor=floor)


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
        lambda base: base,
        lambda base: fits_at(drafts, frame, base, floor=floor, base_floor=base_floor),
        max(max_size, base_floor),
        base_floor,
        step,
        monotone=True,  # a smaller base never makes a box taller, nor breaks a word that was whole
    )
    return size if ok else None


def overflow(
    what: str, drafts: Sequence[Draft], frame: Frame, min_size: float, *, proportional: bool = True, advice: str = "shorten it"
) -> TextOverflowError:
    """The error for ``drafts`` too long for ``frame`` (described as ``what``) even at the floor size.

    It names the user's field the text comes from (the longest paragraph the user wrote) and
    about how many characters to cut.
    """
    base_floor, floor = _floors(drafts, min_size, proportional)
    needed = height(drafts, frame, base_floor, floor=floor)
    available = max(frame.height, 0.0)
    chars = sum(len(draft.text) for draft in drafts)
    keep = int(chars * available / needed) if needed else chars
    sourced = [draft for draft in drafts if draft.source is not None]
    owner, field = max(sourced, key=lambda draft: len(draft.text)).source if sourced else (None, ())  # type: ignore[misc]
    return TextOverflowError(
        f"too long for {what} at {min_size:g} pt by about {max(chars - keep, 1)} characters; {advice}", owner, field
    )


def overflow_message(what: str, drafts: Sequence[Draft], frame: Frame, min_size: float, *, proportional: bool = True) -> str:
    """The words of :func:`overflow`'s error."""
    return str(overflow(what, drafts, frame, min_size, proportional=proportional))


def fit_paragraphs(
    drafts: Sequence[D], frame: Frame, max_size: float, min_size: float, what: str, *, proportional: bool = True
) -> tuple[Placed[D], ...]:
    """``drafts`` at the largest size that fits ``frame``, or TextOverflowError naming their field (or ``what``)."""
    base = largest_size(drafts, frame, max_size, min_size, proportional=proportional)
    if base is None:
        raise overflow(what, drafts, frame, min_size, proportional=proportional)
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


def _packed(
    items: Sequence[D], frame: Frame, base: float, base_floor: float | None = None, floor: float = 0.0
) -> list[list[D]] | None:
    """Items in order in as few frames as they fill at ``base``; None if one alone overflows."""
    chunks: list[list[D]] = []
    current: list[D] = []
    for item in items:
        if fits_at(current + [item], frame, base, floor=floor, base_floor=base_floor):
            current = current + [item]
            continue
        if not current or not fits_at([item], frame, base, floor=floor, base_floor=base_floor):
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


def split_to_fit(
    items: Sequence[D], frame: Frame, max_size: float, min_size: float, what: str, *, proportional: bool = True
) -> tuple[float, list[list[D]]]:
    """One base size and ``items`` split, in order, into as few frames as hold them at that size.

    The largest size at which that many frames hold them, shared out evenly when they fit
    that way. Raises TextOverflowError when one item does not fit a frame even alone at the
    floor.
    """
    if not items:
        return max_size, [[]]
    base_floor, floor = _floors(items, min_size, proportional)
    if fits_at(items, frame, max_size, floor=floor, base_floor=base_floor):
        return max_size, [list(items)]
    at_floor = _packed(items, frame, base_floor, floor=floor)
    if at_floor is None:
        for item in items:
            if not fits_at([item], frame, base_floor, floor=floor):
                raise overflow(what, [item], frame, min_size, proportional=proportional, advice="shorten it or split it in two")
        raise overflow(what, items, frame, min_size, proportional=proportional)  # pragma: no cover
    count = len(at_floor)
    for size in sizes(max(max_size, base_floor), base_floor, STEP):
        even = even_chunks(items, count)
        if len(even) == count and all(fits_at(chunk, frame, size, floor=floor, base_floor=base_floor) for chunk in even):
            return size, even
        packed = _packed(items, frame, size, base_floor, floor)
        if packed is not None and len(packed) <= count:
            return size, packed
    return base_floor, at_floor
