"""Right-to-left text (Hebrew, Arabic...) as a PDF must draw it: joined, then in the order it is seen.

A PDF draws the characters of a string left to right, in the order it is given them, while
text is kept in the order it is written (logical order). So before a line is drawn:

- Arabic letters take the joined forms they have inside a word (arabic-reshaper). This is
  done before text is measured too, so wrapping measures what will be drawn.
- Each line, once wrapped, is put in the order it is seen (python-bidi, the Unicode bidi
  algorithm): a Hebrew word reads right to left inside an English sentence, and a line of
  Arabic runs from the right.

Text with no right-to-left letter passes through untouched, at no cost. Wrapping stays in
logical order (a line break falls between the same words whichever way they read); only
drawing sees visual order. Formats whose viewers order text themselves (a deck, a web page,
a Word document) keep the logical order.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import Any


def right_to_left(text: str) -> str | None:
    """The first right-to-left letter (Hebrew, Arabic, Syriac, Thaana...) in ``text``, or None.

    Marks such as U+200F (which have no shape) do not count.
    """
    if text.isascii():
        return None
    return next(
        (char for char in text if unicodedata.bidirectional(char) in ("R", "AL") and unicodedata.category(char)[0] != "C"), None
    )


def starts_right_to_left(text: str) -> bool:
    """True when the first letter with a direction in ``text`` reads right to left (so the paragraph does)."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def _joins(text: str) -> bool:
    """True if ``text`` has Arabic letters, which change shape as they join."""
    return any(unicodedata.bidirectional(char) == "AL" for char in text)


@functools.cache
def _reshaper() -> Any:
    import arabic_reshaper  # type: ignore[import-untyped]  # no type information published

    # Keep every character the writer typed: harakat (vowel marks) are not dropped.
    return arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False, "support_ligatures": True})


def joined(text: str) -> str:
    """``text`` with its Arabic letters in the joined forms they take in a word; anything else unchanged."""
    if text.isascii() or not _joins(text):
        return text
    shaped: str = _reshaper().reshape(text)
    return shaped


def visual(line: str, right_to_left_paragraph: bool | None = None) -> str:
    """One line in the order a PDF must draw it: joined, then in visual order.

    ``right_to_left_paragraph`` says which way the paragraph reads (None: from the line's
    own first letter with a direction).
    """
    if right_to_left(line) is None:
        return line
    from bidi import get_display  # type: ignore[import-untyped]  # no type information published

    base = None if right_to_left_paragraph is None else ("R" if right_to_left_paragraph else "L")
    ordered: str = get_display(joined(line), base_dir=base)
    return ordered
