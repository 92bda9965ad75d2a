"""Text facilitate writes itself (running heads, footers, labels) shortened to fit: it never fails.

A composed line is made of parts, each with how much it matters. To fit a box, the parts
that matter least go first (the venue, then the hosts, then the date; the times stay),
and then what is left is cut at a word boundary with an ellipsis. The rule is the same
everywhere facilitate composes text, and it never raises: only text the user wrote can
fail a build.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from facilitate.layout import textfit

ELLIPSIS = "…"
SEPARATOR = " · "

#: How much each kind of part matters (higher stays longer).
VENUE, HOSTS, DATE, TITLE, TIMES = 1, 2, 3, 4, 5


@attrs.frozen
class Part:
    text: str
    #: How much the part matters: the lowest goes first when the line is too long.
    keep: int = 0


@attrs.frozen
class Composed:
    """A line facilitate writes from parts: "CEP · Thursday 3 September 2026 · 09:00–15:30 · Town hall"."""

    parts: tuple[Part, ...]
    separator: str = SEPARATOR

    def __str__(self) -> str:
        return self.text(self.parts)

    def __bool__(self) -> bool:
        return any(part.text for part in self.parts)

    def text(self, parts: Sequence[Part]) -> str:
        return self.separator.join(part.text for part in parts if part.text)

    def shorter(self) -> list[str]:
        """The line, then with the least important parts left out one by one (never the last part)."""
        kept = [part for part in self.parts if part.text]
        versions = [self.text(kept)]
        for part in sorted(kept, key=lambda p: p.keep)[:-1]:
            kept.remove(part)
            versions.append(self.text(kept))
        return versions

    def __add__(self, other: Composed) -> Composed:
        return Composed(self.parts + other.parts, self.separator)


def of(text: str, keep: int = 0) -> Composed:
    """A line of one part (a title)."""
    return Composed((Part(text, keep),))


def elide(text: str, fits: Callable[[str], bool]) -> str:
    """``text`` cut at a word boundary, with an ellipsis, as long as ``fits`` allows (at least "…")."""
    if fits(text):
        return text
    words = text.split()
    low, high = 0, len(words)
    while low < high:  # the most words that fit, followed by the ellipsis
        middle = (low + high + 1) // 2
        if fits(" ".join(words[:middle]).rstrip(" ,;:·–-") + ELLIPSIS):
            low = middle
        else:
            high = middle - 1
    if low:
        return " ".join(words[:low]).rstrip(" ,;:·–-") + ELLIPSIS
    first = words[0] if words else ""
    low, high = 0, len(first)
    while low < high:  # a single word too wide: as many of its letters as fit
        middle = (low + high + 1) // 2
        if fits(first[:middle] + ELLIPSIS):
            low = middle
        else:
            high = middle - 1
    return first[:low] + ELLIPSIS


def fitting(line: Composed | str, fits: Callable[[str], bool]) -> str:
    """The longest version of ``line`` that ``fits``: leave parts out, least important first, then elide."""
    composed = of(line) if isinstance(line, str) else line
    versions = composed.shorter()
    for version in versions:
        if fits(version):
            return version
    return elide(versions[-1], fits)


def fit(
    line: Composed | str,
    width: float,
    max_lines: int,
    max_size: float,
    min_size: float,
    weight: str = "regular",
) -> textfit.Fitted:
    """``line`` in at most ``max_lines`` lines ``width`` wide: shrunk to ``min_size``, then shortened. Never raises."""
    measure = textfit.measure_with(weight)

    def laid(text: str, size: float) -> textfit.Fitted:
        return textfit.Fitted(size, tuple(textfit.wrap(text, width, size, measure)))

    full = str(line)
    fitted, ok = textfit.largest_fitting(lambda size: laid(full, size), lambda f: len(f.lines) <= max_lines, max_size, min_size)
    if ok:
        return fitted
    return laid(fitting(line, lambda text: len(laid(text, min_size).lines) <= max_lines), min_size)
