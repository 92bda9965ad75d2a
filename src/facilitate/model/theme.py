"""Colours, fonts and logo shared by every exporter."""

from __future__ import annotations

import re

import attrs

from facilitate.errors import ModelError
from facilitate.model._fields import identifier

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def hex_colour(instance, attribute, value: str) -> None:
    if not isinstance(value, str) or not _HEX.match(value):
        raise ModelError(f"{value!r} is not a colour like '#1f4e79'", (attribute.name,))


#: A font family name is at most this long.
MAX_FONT_CHARS = 64


def font_family(instance, attribute, value: str) -> None:
    """A font family name, such as "DejaVu Sans": letters, digits, spaces and hyphens only.

    The name is written into CSS, HTML and the deck's XML, so nothing else may be in it.
    """
    if (
        not isinstance(value, str)
        or not 0 < len(value) <= MAX_FONT_CHARS
        or not value[0].isalnum()
        or not all(char.isalnum() or char in " -" for char in value)
    ):
        shown = value[:40] + "..." if isinstance(value, str) and len(value) > 40 else value
        raise ModelError(
            f"{shown!r} is not a font family name (letters, digits, spaces and hyphens, at most"
            f" {MAX_FONT_CHARS} characters, e.g. 'DejaVu Sans')",
            (attribute.name,),
        )


def rgb(colour: str) -> tuple[int, int, int]:
    """The red, green and blue of ``#rrggbb``, each 0 to 255."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def rgb_fractions(colour: str) -> tuple[float, float, float]:
    """The red, green and blue of ``#rrggbb``, each 0 to 1 (as PDF wants them)."""
    red, green, blue = rgb(colour)
    return red / 255, green / 255, blue / 255


def mix(colour: str, toward: str, amount: float) -> str:
    """``colour`` moved ``amount`` (0 to 1) of the way towards ``toward``, as ``#rrggbb``."""
    return "#" + "".join(f"{round(a + (b - a) * amount):02x}" for a, b in zip(rgb(colour), rgb(toward)))


def tint(colour: str, share: float) -> str:
    """``colour`` mixed with white: ``share`` of the colour, the rest white."""
    return mix(colour, "#ffffff", 1 - share)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of ``#rrggbb``."""
    r, g, b = rgb(colour)
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio between two colours, from 1 to 21."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def readable_on(background: str, dark: str = "#1a1a1a", light: str = "#ffffff") -> str:
    """Whichever of ``dark`` or ``light`` text contrasts more with ``background``."""
    return dark if contrast_ratio(dark, background) >= contrast_ratio(light, background) else light


def colour_field(default: str):
    return attrs.field(default=default, validator=hex_colour)


#: Text pairs that must reach WCAG AA (4.5:1) in every theme.
CONTRAST_PAIRS = (
    ("text", "background"),
    ("primary", "background"),
    ("muted", "background"),
    ("on_primary", "primary"),
)


@attrs.frozen
class Theme:
    """The look of a pack. Every text/background pair in CONTRAST_PAIRS meets WCAG AA."""

    id: str = attrs.field(default="default", validator=identifier)
    name: str = "Default"
    #: Titles, rules, bars, section slides, the current part on the tracker ("#rrggbb").
    primary: str = colour_field("#1f4e79")
    #: Highlights, such as the target on a turn-the-curve chart.
    accent: str = colour_field("#c55a11")
    #: The page and slide background.
    background: str = colour_field("#ffffff")
    #: Body text.
    text: str = colour_field("#1a1a1a")
    #: Quieter text: notes, credits, the parts of the day not yet reached.
    muted: str = colour_field("#595959")
    #: Text on a primary-coloured background.
    on_primary: str = colour_field("#ffffff")
    #: Category colours for card bands, cycled in the order categories appear.
    palette: tuple[str, ...] = attrs.field(
        default=("#1f4e79", "#2e7d32", "#8e24aa", "#c62828", "#00695c", "#5d4037", "#283593"),
        converter=tuple,
    )
    #: The font named in the PowerPoint deck (text is measured with DejaVu Sans).
    font: str = attrs.field(default="DejaVu Sans", validator=font_family)
    #: A PNG or JPEG next to the theme file, shown on the title slide.
    logo: str | None = None
    #: Named on the title slide when the session has no hosts.
    organisation: str = ""

    def __attrs_post_init__(self) -> None:
        for index, colour in enumerate(self.palette):
            if not isinstance(colour, str) or not _HEX.match(colour):
                raise ModelError(f"{colour!r} is not a colour like '#1f4e79'", ("palette", index))
            if contrast_ratio("#ffffff", colour) < 4.5:
                raise ModelError(
                    f"white text on {colour} has contrast {contrast_ratio('#ffffff', colour):.1f}:1,"
                    " below WCAG AA 4.5:1",
                    ("palette", index),
                )
        for fg, bg in CONTRAST_PAIRS:
            ratio = contrast_ratio(getattr(self, fg), getattr(self, bg))
            if ratio < 4.5:
                raise ModelError(
                    f"{fg} {getattr(self, fg)} on {bg} {getattr(self, bg)} has contrast"
                    f" {ratio:.1f}:1, below WCAG AA 4.5:1",
                    (fg,),
                )

    def category_colour(self, index: int) -> str:
        return self.palette[index % len(self.palette)]


DEFAULT_THEME = Theme()
