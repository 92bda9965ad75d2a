"""Colours, fonts and logo shared by every exporter."""

from __future__ import annotations

import functools
import re
from typing import Any

import attrs

from facilitate.errors import ModelError
from facilitate.model._fields import identifier, one_of
from facilitate.model.picture import Picture

_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def hex_colour(instance: Any, attribute: "attrs.Attribute[Any]", value: str) -> None:
    if not isinstance(value, str) or not _HEX.match(value):
        raise ModelError(f"{value!r} is not a colour like '#1f4e79'", (attribute.name,))


def rgb(colour: str) -> tuple[int, int, int]:
    """The red, green and blue of ``#rrggbb``, each 0 to 255."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def rgb_fractions(colour: str) -> tuple[float, float, float]:
    """The red, green and blue of ``#rrggbb``, each 0 to 1 (as PDF wants them)."""
    red, green, blue = rgb(colour)
    return red / 255, green / 255, blue / 255


def cmyk_fractions(colour: str) -> tuple[float, float, float, float]:
    """``#rrggbb`` as cyan, magenta, yellow and black, each 0 to 1, by the device formula.

    Black is taken out first (k = 1 - the largest of r, g, b, so grey and black text print
    in black ink alone), then c = (1 - r - k) / (1 - k) and likewise m from g, y from b.
    It is not colour-managed: no ICC profile is applied (docs/howto/print-cards.md says
    what that means at a print shop). Values are rounded to 1/1000.
    """
    red, green, blue = rgb_fractions(colour)
    black = 1 - max(red, green, blue)
    if black >= 1:
        return 0.0, 0.0, 0.0, 1.0
    inks = tuple((1 - value - black) / (1 - black) for value in (red, green, blue))
    return round(inks[0], 3), round(inks[1], 3), round(inks[2], 3), round(black, 3)


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


@functools.lru_cache(maxsize=1024)
def readable_on(background: str, dark: str = "#1a1a1a", light: str = "#ffffff") -> str:
    """Whichever of ``dark`` or ``light`` text contrasts more with ``background`` (remembered per colour:
    every card's band asks)."""
    return dark if contrast_ratio(dark, background) >= contrast_ratio(light, background) else light


def scrim_opacity(text: str, scrim: str, ratio: float = 4.5) -> float:
    """The least opacity of a ``scrim`` over any picture for ``text`` on it to reach ``ratio``.

    Whatever the picture, the colour under the text lies between the scrim over black
    and the scrim over white; the text reads on all of them once it reads on both ends
    and both are on the same side of it (lighter or darker). Steps of 5%; 1.0 (the scrim
    alone) if nothing less will do.
    """
    text_light = relative_luminance(text)
    for step in range(0, 21):
        opacity = step / 20
        ends = (mix("#000000", scrim, opacity), mix("#ffffff", scrim, opacity))
        if all(contrast_ratio(text, end) >= ratio for end in ends):
            sides = {relative_luminance(end) > text_light for end in ends}
            if len(sides) == 1:
                return opacity
    return 1.0


#: The fonts a theme may name: Arial and Calibri (measured with Liberation Sans and Carlito,
#: their metric-compatible twins), the twins themselves, and the bundled DejaVu Sans.
DECK_FONTS = ("Arial", "Calibri", "Liberation Sans", "Carlito", "DejaVu Sans")


def colour_field(default: str) -> Any:
    return attrs.field(default=default, validator=hex_colour)


@attrs.frozen
class TemplateLayouts:
    """Which layout of a PowerPoint template each kind of slide uses, by the layout's name.

    Only needed when facilitate cannot tell from what the layouts hold (a template with two
    layouts of title and text, say); a kind left out is found from the placeholders.
    """

    #: The title slide (usually a title and a subtitle).
    title: str | None = None
    #: Most slides: a title and a text area (inputs, activities, "Our conversation today").
    content: str | None = None
    #: The slide that opens each part of the conversation.
    section: str | None = None
    #: Charts, tables, the question ladder, cards and breaks: a title and nothing else.
    title_only: str | None = None
    #: Quotes: no placeholders at all.
    blank: str | None = None

    def named(self) -> dict[str, str]:
        """Each kind of slide given a layout name, in the order of the fields."""
        return {field.name: getattr(self, field.name) for field in attrs.fields(TemplateLayouts) if getattr(self, field.name)}


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
    #: The font the deck (and the Word and web documents) name: one every presentation
    #: program has, so the deck shows as facilitate measured it (each is measured with its
    #: metric-compatible open twin; the PDFs always embed DejaVu Sans).
    font: str = attrs.field(default="Arial", validator=one_of(DECK_FONTS))
    #: The logo of the organisation running the session: a PNG, JPEG or SVG next to the theme
    #: file, on the title slide, the handouts' running heads and the card backs.
    logo: str | None = None
    #: The organisation running the session: named on the title slide when the session has
    #: no hosts, and in the logo's alt text.
    organisation: str = ""
    #: The partner the pack is made for (a cluster's school): set for each member of a cluster.
    partner: str = ""
    #: The partner's logo, shown beside the organisation's.
    partner_logo: str | None = None
    #: The layouts of a PowerPoint template (--template) to use, by name, when facilitate
    #: cannot tell them apart by what they hold.
    layouts: TemplateLayouts = attrs.field(factory=TemplateLayouts)

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

    @property
    def names(self) -> str:
        """The organisation running the session and the partner it is for: "CEP · Hillside School"."""
        return " · ".join(name for name in (self.organisation, self.partner) if name.strip())

    def logos(self, named: str = "Logo of {owner}", unnamed: str = "Logo") -> tuple[Picture, ...]:
        """The organisation's logo, then the partner's, each with its alt text ("Logo of ...";
        ``named`` and ``unnamed`` give the words in another language)."""
        found = []
        for path, owner in ((self.logo, self.organisation), (self.partner_logo, self.partner)):
            if path:
                found.append(Picture(path, named.format(owner=owner) if owner.strip() else unnamed))
        return tuple(found)


DEFAULT_THEME = Theme()
