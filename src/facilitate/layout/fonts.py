"""The fonts text is measured with: which characters they have, how wide text is.

Every PDF embeds the bundled DejaVu Sans, so PDF text is measured with its metrics. A
deck cannot embed a font: it names one, and PowerPoint, Keynote and Google Slides draw it
with their own copy. So a deck names a font every one of them has (Arial by default, or
Calibri) and its text is measured with the metrics of that font's metric-compatible open
twin (Liberation Sans for Arial, Carlito for Calibri: the same advance width for every
character), so the lines break where facilitate measured in every program, and in
LibreOffice with only the twin installed. The deck builder measures inside
``measuring(theme.font)``; everything else measures DejaVu Sans.

Metrics come from the TTFs themselves. Reading them with fontTools takes ~70 ms per
process, so they are read once into ``fonts/metrics.json`` by ``scripts/font_metrics.py``;
a test checks that file against the TTFs (the twins from Debian's fonts-liberation2 and
fonts-crosextra-carlito).
"""

from __future__ import annotations

import contextlib
import functools
import unicodedata
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from itertools import repeat
from pathlib import Path
from typing import Any, TypeVar

import attrs

from facilitate.model._fields import is_model, per_class
from facilitate.layout import bidi

from facilitate.resources import font_file

#: The bundled font, embedded in every PDF.
FAMILY = "DejaVu Sans"
#: Only strings up to this long are kept in the width cache (a line, not a paragraph).
_CACHED_CHARS = 200
_WIDTH_CACHE = 50_000
FILES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}


@attrs.frozen
class DeckFont:
    """A font a deck may name, and the metric-compatible font its text is measured with."""

    name: str
    #: The open font with the same advance widths, whose metrics facilitate measures with.
    twin: str
    files: dict[str, str]
    #: Where Debian installs the twin's TTFs (its package), for scripts/font_metrics.py and the tests.
    folder: str = ""
    package: str = ""


_LIBERATION = {"regular": "LiberationSans-Regular.ttf", "bold": "LiberationSans-Bold.ttf"}
_CARLITO = {"regular": "Carlito-Regular.ttf", "bold": "Carlito-Bold.ttf"}
_LIBERATION_AT = ("/usr/share/fonts/truetype/liberation2", "fonts-liberation2")
_CARLITO_AT = ("/usr/share/fonts/truetype/crosextra", "fonts-crosextra-carlito")
#: The fonts a deck may name (the theme's ``font``), each with the font it is measured with.
DECK_FONTS = {
    font.name: font
    for font in (
        DeckFont("Arial", "Liberation Sans", _LIBERATION, *_LIBERATION_AT),
        DeckFont("Liberation Sans", "Liberation Sans", _LIBERATION, *_LIBERATION_AT),
        DeckFont("Calibri", "Carlito", _CARLITO, *_CARLITO_AT),
        DeckFont("Carlito", "Carlito", _CARLITO, *_CARLITO_AT),
        DeckFont(FAMILY, FAMILY, FILES),
    )
}

_measuring: ContextVar[str] = ContextVar("facilitate_measuring", default=FAMILY)


@contextlib.contextmanager
def measuring(font: str) -> Iterator[None]:
    """Measure text with ``font``'s metrics (a name in DECK_FONTS) inside the block: the deck builder's."""
    if font not in DECK_FONTS:
        raise ValueError(f"no metrics for the font {font!r}")
    token = _measuring.set(font)
    try:
        yield
    finally:
        _measuring.reset(token)


def measured() -> str:
    """The font text is measured with here (DejaVu Sans outside a deck)."""
    return _measuring.get()


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
    #: Every printable ASCII character has a whole number of units: ASCII text's width is
    #: then exactly the sum of its parts' (textfit.wrap measures each word once).
    exact_ascii: bool = attrs.field(
        default=attrs.Factory(lambda self: all(float(self.advances.get(code, 0.5)).is_integer() for code in range(32, 127)), takes_self=True),
        eq=False, repr=False, init=False,
    )

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


def metrics(weight: str = "regular", font: str | None = None) -> FontMetrics:
    """The metrics of ``font`` (default: the one measured with here, see :func:`measuring`), from the precomputed file."""
    return file_metrics(DECK_FONTS[font or _measuring.get()].files[weight])


@functools.cache
def file_metrics(file: str) -> FontMetrics:
    """The metrics of one TTF (by file name) from the precomputed file."""
    data = _metrics_file()[file]
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


def check_glyphs(text: str, weight: str, where: str = "", owner: object = None, field: tuple[str | int, ...] = ()) -> None:
    """ExportError naming the field (``owner``, ``field``) or ``where``, and the character, if the font cannot draw ``text``.

    Arabic is checked in the joined forms it is drawn in (layout.bidi).
    """
    from facilitate.errors import ExportError

    missing = metrics(weight).missing(bidi.joined(printable(text)))
    if missing:
        message = (
            f"the bundled font ({FAMILY}) has no glyph for {describe_missing(missing)},"
            " so it would print as an empty box; replace the character or leave it out"
        )
        raise ExportError(f"{where}: {message}" if where and owner is None else message, owner, field)


#: Fields drawn in bold (titles, labels, categories); every other text is drawn regular.
BOLD_FIELDS = frozenset({"title", "label", "category"})


def _texts(obj: Any, found: list[tuple[object, tuple[str | int, ...], str, str]]) -> None:
    """Every text of the model object ``obj`` and the objects inside it: (owner, field, text, weight)."""
    for name, weight in _weights(type(obj)):
        value = getattr(obj, name, None)
        if isinstance(value, str):
            found.append((obj, (name,), value, weight))
        elif is_model(type(value)):
            _texts(value, found)
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                if isinstance(item, str):
                    found.append((obj, (name, index), item, weight))
                elif is_model(type(item)):
                    _texts(item, found)


@per_class
def _weights(kind: type) -> tuple[tuple[str, str], ...]:
    """Each field of a model class, and the weight its text is drawn in (looked up once per class)."""
    return tuple((field.name, "bold" if field.name in BOLD_FIELDS else "regular") for field in attrs.fields(kind))


def check_model_glyphs(obj: Any) -> bool:
    """A problem for each text of a model object (a pack, a deck) with a character the bundled font lacks.

    Checked once over all the text; only when a character is missing is each field looked
    at, so the error names the user's field (each noted on its own under ``validate``).
    Returns whether every text can be drawn (False only under ``validate``, which goes on
    after noting the problems; a build stops at the first).
    """
    from facilitate.layout import checking

    found: list[tuple[object, tuple[str | int, ...], str, str]] = []
    _texts(obj, found)
    drawable = True
    for weight in ("regular", "bold"):
        if not metrics(weight).missing(bidi.joined(printable("".join(text for _, _, text, w in found if w == weight)))):
            continue
        for owner, field, text, w in found:
            if w == weight and metrics(weight).missing(bidi.joined(printable(text))):
                drawable = False
                with checking.item():
                    check_glyphs(text, weight, owner=owner, field=field)
    return drawable


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
