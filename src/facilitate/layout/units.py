"""Lengths and paper: "63mm", "2.5in", "12pt" → points (1/72 inch), the layout's unit."""

from __future__ import annotations

import re

import attrs

from facilitate.errors import FacilitateError

POINTS_PER = {"pt": 1.0, "in": 72.0, "mm": 72.0 / 25.4, "cm": 72.0 / 2.54}
_LENGTH = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(mm|cm|in|pt)\s*$")
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)\s*(mm|cm|in|pt)\s*$")


def length(value: str | float | int) -> float:
    """A length in points; numbers are taken as points already, strings need a unit."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    match = _LENGTH.match(str(value))
    if not match:
        raise FacilitateError(f"{value!r} is not a length like '3mm', '0.125in' or '9pt'")
    return float(match[1]) * POINTS_PER[match[2]]


def to_mm(points: float) -> float:
    return points / POINTS_PER["mm"]


@attrs.frozen
class Size:
    """A width and height in points."""

    width: float
    height: float

    def rotated(self) -> Size:
        return Size(self.height, self.width)

    @property
    def landscape(self) -> bool:
        return self.width > self.height


def mm(width: float, height: float) -> Size:
    return Size(width * POINTS_PER["mm"], height * POINTS_PER["mm"])


PAPER = {
    "a4": mm(210, 297),
    "letter": Size(8.5 * 72, 11 * 72),
}

CARD_SIZES = {
    "poker": mm(63, 88),
    "bridge": mm(57, 89),
    "tarot": mm(70, 120),
    "a6": mm(105, 148),
    "a7": mm(74, 105),
    "business": mm(85, 55),
}


def paper(name: str) -> Size:
    try:
        return PAPER[name.lower()]
    except KeyError:
        raise FacilitateError(f"unknown paper {name!r} (use: {', '.join(PAPER)})") from None


def card_size(spec: str, landscape: bool = False) -> Size:
    """A card size by name (poker, bridge, tarot, a6, a7, business) or as "WxH" with a unit."""
    named = CARD_SIZES.get(spec.strip().lower())
    if named is None:
        match = _SIZE.match(spec)
        if not match:
            raise FacilitateError(
                f"unknown card size {spec!r}: use one of {', '.join(CARD_SIZES)} or 'WxH' like '63x88mm' or '2.5x3.5in'"
            )
        factor = POINTS_PER[match[3]]
        named = Size(float(match[1]) * factor, float(match[2]) * factor)
        if named.width <= 0 or named.height <= 0:
            raise FacilitateError(f"card size {spec!r} must be larger than zero")
    if landscape != named.landscape and named.width != named.height:
        named = named.rotated()
    return named
