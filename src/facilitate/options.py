"""Build options shared by the exporters (each reads the fields it needs)."""

from __future__ import annotations

import attrs


PAGE_SIZES = ("a4", "letter")
ASPECTS = ("16:9", "4:3")
DUPLEX = ("long-edge", "short-edge", "none")


@attrs.frozen
class BuildOptions:
    """How to build: page and slide sizes, card printing choices."""

    page_size: str = attrs.field(default="a4", validator=attrs.validators.in_(PAGE_SIZES))
    #: Slide shape; None: the template's own shape (nearest of 16:9 and 4:3), else 16:9.
    aspect: str | None = attrs.field(default=None, validator=attrs.validators.optional(attrs.validators.in_(ASPECTS)))
    #: A facilitator's own .pptx whose layouts are used by name.
    template: str | None = None
    cards_as_slides: bool = False
    #: Card size by name (poker, bridge, tarot, a6, a7, business) or "WxH" with mm/in units.
    card_size: str = "poker"
    landscape: bool = False
    bleed: str = "3mm"
    cut_lines: bool = False
    duplex: str = attrs.field(default="long-edge", validator=attrs.validators.in_(DUPLEX))
    back_offset_x: str = "0mm"
    back_offset_y: str = "0mm"
    fold: bool = False
    print_shop: bool = False
    #: Only these decks (by id) in the cards PDF; all the pack's decks if empty.
    decks: tuple[str, ...] = attrs.field(factory=tuple, converter=tuple)
    instructions_sheet: bool = True
    #: A folder of the user's own jinja2 templates (rendered in the sandbox).
    template_dir: str | None = None
