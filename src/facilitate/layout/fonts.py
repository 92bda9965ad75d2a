"""The bundled fonts: where they are, which characters they have, how wide text is.

Metrics come from the TTF itself, so every exporter measures the same way and the PDF
(which embeds the font) and the PPTX (which names it) agree. Reading them with fontTools
takes ~70 ms per process, so they are read once into ``fonts/metrics.json`` by
``scripts/font_metrics.py``; a test checks that file against the TTFs (fontTools).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable
from itertools import repeat
from pathlib import Path
from typing import Any, TypeVar

import attrs

from facilitate.layout import bidi

from facilitate.resources import font_file

FAMILY = "DejaVu Sans"
#: Only strings up to this long are kept in the width cache (a line, not a paragraph).
_CACHED_CHARS = 200
_WIDTH_CACHE = 50_000
FILES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}


def font_path(weight: str = "regular") -> Path:
    return font_file(FILES[weight])


@attrs.frozen
class FontMetrics:
    """Advance widths and character coverage of one TTF."""

    units_per_em: int
    advances: dict[int, float]  # code point → advance width in font units
    ascent: float  # per 1pt of size
    descent: float
    _widths: dict[str, float] = attrs.field(factory=dict, eq=False, repr=False, init=False)

    def width(self, text: str, size: float) -> float:
        """Width of ``text`` at ``size`` points (unknown characters count as a wide glyph)."""
        return self.units(text) * size / self.units_per_em

    def units(self, text: str) -> float:
        """Width of ``text`` in font units; fitting asks for the same strings at many sizes."""
        cached = self._widths.get(text)
        if cached is None:
            drawn = text if text.isascii() else bidi.joined(text)  # Arabic is measured joined, as it is drawn
            cached = sum(map(self.advances.get, map(ord, drawn), repeat(self.units_per_em * 0.6)))
            if len(text) > _CACHED_CHARS:
                return cached  # a whole paragraph is measured once: keeping it would hold its text
            if len(self._widths) >= _WIDTH_CACHE:
                self._widths.clear()  # bounded: memory must not grow with a 10,000-card deck
            self._widths[text] = cached
        return cached

    def missing(self, text: str) -> tuple[str, ...]:
        """Characters of ``text`` the font cannot draw (ignoring spacing and control marks)."""
        lacking = []
        for char in dict.fromkeys(text):
            if ord(char) in self.advances or char in "\n\r\t":
                continue
            if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
                continue
            lacking.append(char)
        return tuple(lacking)


def read_metrics(path: str | Path) -> FontMetrics:
    """Metrics of a TTF read with fontTools (the source of fonts/metrics.json)."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(path), lazy=True)
    upm = font["head"].unitsPerEm
    hmtx = font["hmtx"].metrics
    advances = {code: hmtx[glyph][0] for code, glyph in sorted(font.getBestCmap().items())}
    hhea = font["hhea"]
    return FontMetrics(upm, advances, hhea.ascent / upm, -hhea.descent / upm)


METRICS_FILE = "metrics.json"


@functools.cache
def _metrics_file() -> dict[str, Any]:
    import json

    data: dict[str, Any] = json.loads(font_file(METRICS_FILE).read_text("utf-8"))
    return data


@functools.cache
def metrics(weight: str = "regular") -> FontMetrics:
    """The bundled font's metrics, from the precomputed file."""
    data = _metrics_file()[FILES[weight]]
    advances = {int(code): advance for code, advance in data["advances"].items()}
    return FontMetrics(data["units_per_em"], advances, data["ascent"], data["descent"])


def describe_missing(chars: tuple[str, ...]) -> str:
    return ", ".join(f"{c!r} (U+{ord(c):04X} {unicodedata.name(c, 'unnamed')})" for c in chars)


#: Control and format characters (zero-width spaces, bidi marks) have no glyph: drop them.
_INVISIBLE = ("Cc", "Cf", "Zl", "Zp")


def printable(text: str) -> str:
    """Text as drawn: composed (NFC), so "e" + combining accent is one glyph the font has.

    Tabs become spaces; line breaks stay (the wrapper keeps them); other control and
    format characters, which would print as empty boxes, are left out.
    """
    text = unicodedata.normalize("NFC", text).replace("\t", " ").replace("\r\n", "\n")
    if text.isascii() and text.isprintable():
        return text
    return "".join(c for c in text if c == "\n" or unicodedata.category(c) not in _INVISIBLE)


def check_glyphs(text: str, weight: str, where: str) -> None:
    """ExportError naming ``where`` and the character if the font cannot draw ``text``.

    Arabic is checked in the joined forms it is drawn in (layout.bidi).
    """
    from facilitate.errors import ExportError

    missing = metrics(weight).missing(bidi.joined(printable(text)))
    if missing:
        raise ExportError(
            f"{where}: the bundled font ({FAMILY}) has no glyph for {describe_missing(missing)},"
            " so it would print as an empty box; replace the character or leave it out"
        )


T = TypeVar("T")


def _map_text(value: Any, change: Callable[[str], str]) -> Any:
    """``value`` with every string inside it (attrs classes, tuples) passed through ``change``."""
    if isinstance(value, str):
        return change(value)
    if isinstance(value, tuple):
        return tuple(_map_text(item, change) for item in value)
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))
        return attrs.evolve(value, **{field.name: _map_text(getattr(value, field.name), change) for field in fields if field.init})
    return value


def cleaned(doc: T) -> T:
    """``doc`` (any attrs value) with every text as it is drawn (see :func:`printable`)."""
    result: T = _map_text(doc, printable)
    return result


def printable_document(doc: T, where: str) -> T:
    """``doc`` (any attrs value) with its text cleaned as drawn; ExportError naming the character if the font lacks one."""
    found: list[str] = []

    def collect(text: str) -> str:
        text = printable(text)
        found.append(text)
        return text

    cleaned: T = _map_text(doc, collect)
    for weight in ("regular", "bold"):
        if not metrics(weight).missing(bidi.joined("".join(found))):
            continue
        for text in found:
            snippet = text if len(text) <= 60 else text[:57] + "..."
            check_glyphs(text, weight, f"{where}: {snippet!r}")
    return cleaned
