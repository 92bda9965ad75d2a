"""Discussion card decks."""

from __future__ import annotations

import attrs

from facilitate.model._fields import (
    identifier,
    non_empty,
    one_of,
    optional_count,
    optional_name,
    to_tuple,
    unique_ids,
    valid_tags,
    web_address,
)
from facilitate.model.language import optional_canonical, optional_language
from facilitate.model.picture import Picture
from facilitate.model.theme import hex_colour


@attrs.frozen
class CardBack:
    """What the back of every card in a deck shows."""

    #: Words on the back (default: the deck title).
    title: str = ""
    #: Background colour of the back, "#rrggbb"; white text must read on it.
    colour: str = attrs.field(default="#1f4e79", validator=hex_colour)
    #: A picture on every back, e.g. a logo: ``{path: our-logo.png, alt: ...}``, the path
    #: relative to the deck's file (or absolute from Python code).
    image: Picture | None = None
    #: A printed pattern over the back colour.
    pattern: str = attrs.field(default="none", validator=one_of(("none", "dots", "stripes")))


@attrs.frozen
class Card:
    """One card: a title, the prompt in large type, and an optional detail."""

    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=non_empty)
    #: The question or statement, printed in large type.
    prompt: str = attrs.field(validator=non_empty)
    #: A smaller line under the prompt.
    detail: str = ""
    #: Cards of one category share a colour band.
    category: str = ""
    tags: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    #: An icon from the bundled set (`facilitate list icons`), shown in the card's band.
    icon: str | None = attrs.field(default=None, validator=optional_name)
    #: A picture on the front, cropped to fill its box (and on the card's slide with
    #: --cards-as-slides): ``{path: ..., alt: what it shows}``.
    image: Picture | None = None
    #: A web address, printed on the card as a QR code with the address under it.
    url: str | None = attrs.field(default=None, validator=web_address)
    #: This card's own back, instead of the deck's.
    back: CardBack | None = None


@attrs.frozen
class CardDeck:
    """A deck of cards and how to use it in the room."""

    id: str = attrs.field(validator=identifier)
    title: str = attrs.field(validator=non_empty)
    #: The cards; in a deck file also a CSV/XLSX table of them, one card a row (see CardsFile).
    cards: tuple[Card, ...] = attrs.field(converter=to_tuple, validator=non_empty)
    description: str = ""
    #: Steps for the room, e.g. lay the cards face down, turn one at a time.
    instructions: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    back: CardBack = attrs.field(factory=CardBack)
    #: Where the content comes from, credited on the instruction sheet.
    source: str = ""
    #: Rubric dimensions (by id) and needs the deck helps with.
    tags: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple, validator=valid_tags)
    #: An icon from the bundled set, in the band of every card that has none of its own.
    icon: str | None = attrs.field(default=None, validator=optional_name)
    #: A web address, printed as a QR code (with the address under it) on every card without one of its own.
    url: str | None = attrs.field(default=None, validator=web_address)
    #: How many sets of the deck to print (default: one, or one per table when the session
    #: has `tables` and uses the deck at tables).
    copies: int | None = attrs.field(default=None, validator=optional_count)
    #: The language of the deck's cards, when not the session's (e.g. cy): the words
    #: facilitate prints on them (its instructions page, a slide's foot) follow it.
    language: str | None = attrs.field(default=None, converter=optional_canonical, validator=optional_language)

    def __attrs_post_init__(self) -> None:
        unique_ids(self.cards, "cards")

    @property
    def categories(self) -> tuple[str, ...]:
        """Categories in the order they first appear."""
        return tuple(dict.fromkeys(card.category for card in self.cards if card.category))

    def category_index(self, category: str) -> int:
        return self.categories.index(category) if category in self.categories else 0
