"""A card's face and back as placed text: what is written where, at what size and weight.

Pure layout in points, measured from the card's bottom-left cut corner (PDF convention):
the category band at the top, the title, the prompt (as large as fits, down to 9 pt), the
detail under it, the deck's name and "n/N" at the foot. The card PDF draws these blocks
as they are. Text that does not fit at 9 pt is an error naming the deck, card and field.
"""

from __future__ import annotations

import functools

import attrs

from facilitate.errors import TextOverflowError
from facilitate.layout import fonts, textfit
from facilitate.layout.units import POINTS_PER, Size
from facilitate.model.cards import Card, CardDeck
from facilitate.model.theme import Theme, readable_on

MM = POINTS_PER["mm"]
#: No text on a card is smaller than this; past it, fitting fails with an error.
MIN_SIZE = 9.0
#: Text stays this far inside the cut edge, so a slightly wide cut never touches it.
SAFE = 3 * MM
GAP = 2 * MM
BAND_PADDING = 2.5 * MM
BAND_SIZE = 10.5
PROMPT_SIZE = 18.0
TITLE_SIZE = 12.0
DETAIL_SIZE = 10.0
BACK_TITLE_SIZE = 20.0
BACK_NAME_SIZE = 10.0
#: The detail may take up to this share of the room under the title.
DETAIL_SHARE = 0.4


@attrs.frozen
class Block:
    """Fitted text placed in a card: the top of its first line, its weight and colour, its alignment."""

    fitted: textfit.Fitted
    weight: str
    colour: str
    top: float
    align: str = "left"  # left | centre | right


@functools.lru_cache(maxsize=4096)
def _fitted(text: str, width: float, height: float, largest: float, smallest: float, weight: str, what: str) -> textfit.Fitted:
    """textfit.fit with the font's metrics, cached for text that repeats (titles, footers)."""
    return textfit.fit(text, width, height, largest, smallest, measure=fonts.metrics(weight).width, what=what)


def fit(text: str, width: float, height: float, largest: float, weight: str, what: str, where: str) -> textfit.Fitted:
    """``text`` at the largest size from ``largest`` down to MIN_SIZE that fits; TextOverflowError naming ``where``."""
    try:
        return _fitted(fonts.printable(text), round(width, 3), round(height, 3), largest, MIN_SIZE, weight, what)
    except TextOverflowError as error:
        raise TextOverflowError(f"{where}: {error}") from None


def band_label(deck: CardDeck, card: Card) -> str:
    """The words in a card's coloured band: its category, else the deck's title."""
    return card.category or deck.title


def band_height(deck: CardDeck, inner: float) -> float:
    """Height of the coloured band at the top of every card in the deck (the tallest label's)."""
    labels = dict.fromkeys(band_label(deck, card) for card in deck.cards)
    tallest = 0.0
    for label in labels:
        block = fit(label, inner, 2 * BAND_SIZE * textfit.LEADING, BAND_SIZE, "bold", "band", f"deck {deck.id!r}: band label {label!r}")
        tallest = max(tallest, block.height)
    return SAFE + tallest + BAND_PADDING


def category_colours(deck: CardDeck, theme: Theme) -> dict[str, str]:
    """Band colour of each category in the deck (and of no category), from the theme's palette."""
    colours = {category: theme.category_colour(index) for index, category in enumerate(deck.categories)}
    colours.setdefault("", theme.category_colour(0))
    return colours


def card_name(deck: CardDeck, card: Card, number: int) -> str:
    """How an error names a card: ``deck 'ideas', card 'walk' (3/12)``."""
    return f"deck {deck.id!r}, card {card.id!r} ({number}/{len(deck.cards)})"


def face_blocks(
    deck: CardDeck, card: Card, number: int, card_box: Size, theme: Theme, band: float, band_colour: str | None = None
) -> list[Block]:
    """The text of one card's face, fitted and placed (y measured from the card's bottom edge)."""
    where = card_name(deck, card, number)
    inner = card_box.width - 2 * SAFE
    blocks = []
    label = fit(band_label(deck, card), inner, 2 * BAND_SIZE * textfit.LEADING, BAND_SIZE, "bold", "band", where)
    band_colour = band_colour or theme.category_colour(deck.category_index(card.category))
    blocks.append(Block(label, "bold", readable_on(band_colour), card_box.height - SAFE))
    count = f"{number}/{len(deck.cards)}"
    count_width = fonts.metrics("regular").width(count, MIN_SIZE)
    footer = fit(deck.title, inner - count_width - GAP, 2 * MIN_SIZE * textfit.LEADING, MIN_SIZE, "regular", "footer", where)
    footer_top = SAFE + footer.height
    top = card_box.height - band - GAP
    title = fit(card.title, inner, 3 * TITLE_SIZE * textfit.LEADING, TITLE_SIZE, "bold", "title", where)
    blocks.append(Block(title, "bold", theme.primary, top))
    top -= title.height + GAP
    room = top - footer_top - GAP
    detail = None
    if card.detail:
        # The detail may take up to 40% of the room; the prompt gets the rest, and the
        # detail sits right under it.
        detail = fit(card.detail, inner, max(room * DETAIL_SHARE, MIN_SIZE * textfit.LEADING), DETAIL_SIZE, "regular", "detail", where)
        room -= detail.height + GAP
    prompt = fit(card.prompt, inner, room, PROMPT_SIZE, "regular", "prompt", where)
    blocks.append(Block(prompt, "regular", theme.text, top))
    if detail is not None:
        blocks.append(Block(detail, "regular", theme.muted, top - prompt.height - GAP))
    # The foot last, so the card reads band, title, prompt, detail, then the deck's name.
    blocks.append(Block(footer, "regular", theme.muted, footer_top))
    blocks.append(Block(textfit.Fitted(MIN_SIZE, (count,)), "regular", theme.muted, SAFE + MIN_SIZE * textfit.LEADING, "right"))
    return blocks


@attrs.frozen
class BackText:
    """The words on a deck's back: its title, and at the foot the deck's and organisation's names."""

    title: Block
    foot: Block | None
    #: Where a picture on the back goes (x, y, width, height), if the back has one.
    picture: tuple[float, float, float, float] | None
    #: Where each logo goes (x, y, width, height), in a row above the foot: the organisation's, then the partner's.
    logos: tuple[tuple[float, float, float, float], ...] = ()


#: Logos on a card back: each in a box this high, up to this wide.
BACK_LOGO_HEIGHT = 8 * MM
BACK_LOGO_WIDTH = 18 * MM


def back_text(deck: CardDeck, card: Size, organisation: str, ink: str, logos: int = 0) -> BackText:
    """The back's text placed on a card ``card`` big; a picture, if any, takes the upper half.

    ``logos`` logos sit in a row, centred, just above the foot.
    """
    back = deck.back
    inner = card.width - 2 * SAFE
    where = f"deck {deck.id!r}: back"
    title = fit(back.title or deck.title, inner, card.height * 0.4, BACK_TITLE_SIZE, "bold", "title", where)
    foot_words = " · ".join(part for part in (deck.title if back.title and back.title != deck.title else "", organisation) if part)
    foot = None
    if foot_words:
        name = fit(foot_words, inner, 2 * MIN_SIZE * textfit.LEADING, BACK_NAME_SIZE, "regular", "deck name", where)
        foot = Block(name, "regular", ink, SAFE + name.height, "centre")
    picture = None
    if back.image:
        picture = (SAFE, card.height / 2, inner, card.height / 2 - SAFE)
        title_top = card.height / 2 - GAP
    else:
        title_top = (card.height + title.height) / 2
    logo_boxes: list[tuple[float, float, float, float]] = []
    if logos:
        each = min(BACK_LOGO_WIDTH, (inner - (logos - 1) * GAP) / logos)
        row = logos * each + (logos - 1) * GAP
        bottom = (foot.top if foot is not None else SAFE) + GAP
        logo_boxes = [((card.width - row) / 2 + i * (each + GAP), bottom, each, BACK_LOGO_HEIGHT) for i in range(logos)]
    return BackText(Block(title, "bold", ink, title_top, "centre"), foot, picture, tuple(logo_boxes))
