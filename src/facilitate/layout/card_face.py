"""A card's face and back as placed text: what is written where, at what size and weight.

Pure layout in points, measured from the card's bottom-left cut corner (PDF convention):
the category band at the top (with the card's icon, if it has one), the title, a picture
(cropped to fill its box), the prompt (as large as fits, down to 9 pt), the detail under
it, a QR code with its web address, the deck's name and "n/N" at the foot. The blocks are
listed in that reading order, and the card PDF draws them as they are. Text that does not
fit at 9 pt is an error naming the deck, card and field. Text keeps ``safe`` points inside
the cut (3 mm on card sheets, 4 mm for a print shop).
"""

from __future__ import annotations

import functools

import attrs

from facilitate.errors import TextOverflowError
from facilitate.layout import fonts, textfit
from facilitate.layout.qr import QrCode, qr_code
from facilitate.layout.units import POINTS_PER, Size
from facilitate.model.cards import Card, CardBack, CardDeck
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
#: The detail may take up to this share of the room under the title; when it needs more
#: (a narrow card, a wide safe zone) it may take up to the last share, the prompt the rest.
DETAIL_SHARE = 0.4
DETAIL_SHARES = (DETAIL_SHARE, 0.5, 0.6)
#: A picture takes this share of the room under the title.
PICTURE_SHARE = 0.4
#: An icon in the band is this many times the band's text size.
ICON_SCALE = 1.5


@attrs.frozen
class Block:
    """Fitted text placed in a card: the top of its first line, its weight and colour, its alignment."""

    fitted: textfit.Fitted
    weight: str
    colour: str
    top: float
    align: str = "left"  # left | centre | right
    #: How far in from the left the text starts (past an icon), in points.
    indent: float = 0.0


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


def card_icon(deck: CardDeck, card: Card) -> str | None:
    """The icon in a card's band: its own, else the deck's."""
    return card.icon or deck.icon


def icon_side() -> float:
    return BAND_SIZE * ICON_SCALE


def _label_width(deck: CardDeck, card: Card, inner: float) -> float:
    """Room for the band's words: the inner width, less the icon and a gap when there is one."""
    return inner - (icon_side() + GAP if card_icon(deck, card) else 0.0)


def band_height(deck: CardDeck, inner: float, safe: float = SAFE) -> float:
    """Height of the coloured band at the top of every card in the deck (the tallest label's, or icon's)."""
    tallest = 0.0
    for card in deck.cards:
        label = band_label(deck, card)
        where = f"deck {deck.id!r}: band label {label!r}"
        block = fit(label, _label_width(deck, card, inner), 2 * BAND_SIZE * textfit.LEADING, BAND_SIZE, "bold", "band", where)
        tallest = max(tallest, block.height, icon_side() if card_icon(deck, card) else 0.0)
    return safe + tallest + BAND_PADDING


def category_colours(deck: CardDeck, theme: Theme) -> dict[str, str]:
    """Band colour of each category in the deck (and of no category), from the theme's palette."""
    colours = {category: theme.category_colour(index) for index, category in enumerate(deck.categories)}
    colours.setdefault("", theme.category_colour(0))
    return colours


def card_name(deck: CardDeck, card: Card, number: int) -> str:
    """How an error names a card: ``deck 'ideas', card 'walk' (3/12)``."""
    return f"deck {deck.id!r}, card {card.id!r} ({number}/{len(deck.cards)})"


@attrs.frozen
class Placed:
    """Something drawn on a card that is not text: where it goes (x, y from the cut corner, width, height)."""

    x: float
    y: float
    width: float
    height: float


@attrs.frozen
class Face:
    """A card's face: its text blocks in reading order, and the icon, picture and QR code, if any."""

    blocks: tuple[Block, ...]
    #: The band's icon: its name, where it goes and its colour.
    icon: tuple[str, Placed, str] | None = None
    #: Where the picture goes (the image is cropped to exactly this box's proportions).
    picture: Placed | None = None
    #: The QR code and where it goes (a square).
    qr: tuple[QrCode, Placed] | None = None


def card_url(deck: CardDeck, card: Card) -> str | None:
    """The web address on a card: its own, else its deck's."""
    return card.url or deck.url


def _address(url: str, width: float) -> textfit.Fitted:
    lines = textfit.wrap_address(fonts.printable(url), width, MIN_SIZE, fonts.metrics("regular").width)
    return textfit.Fitted(MIN_SIZE, lines)


def card_face(
    deck: CardDeck,
    card: Card,
    number: int,
    card_box: Size,
    theme: Theme,
    band: float,
    band_colour: str | None = None,
    safe: float = SAFE,
) -> Face:
    """One card's face, fitted and placed (y measured from the card's bottom edge)."""
    where = card_name(deck, card, number)
    inner = card_box.width - 2 * safe
    blocks = []
    band_colour = band_colour or theme.category_colour(deck.category_index(card.category))
    ink = readable_on(band_colour)
    label_width = _label_width(deck, card, inner)
    label = fit(band_label(deck, card), label_width, 2 * BAND_SIZE * textfit.LEADING, BAND_SIZE, "bold", "band", where)
    icon = None
    name = card_icon(deck, card)
    if name:
        side = icon_side()
        icon = (name, Placed(safe, card_box.height - safe - side, side, side), ink)
    blocks.append(Block(label, "bold", ink, card_box.height - safe, "left", inner - label_width))
    count = f"{number}/{len(deck.cards)}"
    count_width = fonts.metrics("regular").width(count, MIN_SIZE)
    footer = fit(deck.title, inner - count_width - GAP, 2 * MIN_SIZE * textfit.LEADING, MIN_SIZE, "regular", "footer", where)
    footer_top = safe + footer.height
    top = card_box.height - band - GAP
    title = fit(card.title, inner, 3 * TITLE_SIZE * textfit.LEADING, TITLE_SIZE, "bold", "title", where)
    blocks.append(Block(title, "bold", theme.primary, top))
    top -= title.height + GAP
    bottom = footer_top + GAP  # the lowest the prompt, detail and QR code may reach
    qr = None
    address = None
    url = card_url(deck, card)
    if url:
        code = qr_code(url)
        side = code.smallest_side()
        address = _address(url, inner)
        qr = (code, Placed(safe + (inner - side) / 2, bottom + address.height, side, side))
        bottom += address.height + side + GAP
    picture = None
    if card.image:
        height = (top - bottom) * PICTURE_SHARE
        picture = Placed(safe, top - height, inner, height)
        top -= height + GAP
    room = top - bottom
    if room < MIN_SIZE * textfit.LEADING:
        raise TextOverflowError(f"{where}: prompt: no room left for it under the title, picture and QR code; use a bigger card")
    detail, prompt = _prompt_and_detail(card, inner, room, where)
    blocks.append(Block(prompt, "regular", theme.text, top))
    if detail is not None:
        blocks.append(Block(detail, "regular", theme.muted, top - prompt.height - GAP))
    if address is not None:
        blocks.append(Block(address, "regular", theme.muted, footer_top + GAP + address.height, "centre"))
    # The foot last, so the card reads band, title, prompt, detail, address, then the deck's name.
    blocks.append(Block(footer, "regular", theme.muted, footer_top))
    blocks.append(Block(textfit.Fitted(MIN_SIZE, (count,)), "regular", theme.muted, safe + MIN_SIZE * textfit.LEADING, "right"))
    return Face(tuple(blocks), icon, picture, qr)


def _prompt_and_detail(card: Card, inner: float, room: float, where: str) -> tuple[textfit.Fitted | None, textfit.Fitted]:
    """The detail in up to 40% of the room (more only if it needs it), the prompt in the rest."""
    if not card.detail:
        return None, fit(card.prompt, inner, room, PROMPT_SIZE, "regular", "prompt", where)
    first: TextOverflowError | None = None
    for share in DETAIL_SHARES:
        try:
            detail = fit(card.detail, inner, max(room * share, MIN_SIZE * textfit.LEADING), DETAIL_SIZE, "regular", "detail", where)
            return detail, fit(card.prompt, inner, room - detail.height - GAP, PROMPT_SIZE, "regular", "prompt", where)
        except TextOverflowError as error:
            first = first or error
    assert first is not None
    raise first


def face_blocks(
    deck: CardDeck, card: Card, number: int, card_box: Size, theme: Theme, band: float, band_colour: str | None = None, safe: float = SAFE
) -> list[Block]:
    """The text of one card's face, fitted and placed (y measured from the card's bottom edge)."""
    return list(card_face(deck, card, number, card_box, theme, band, band_colour, safe).blocks)


def cover_crop(pixels_wide: int, pixels_high: int, box_width: float, box_height: float) -> tuple[int, int, int, int]:
    """The part of a picture (left, top, right, bottom in pixels) with the box's proportions, centred.

    The picture is cropped to fill the box, never stretched: the kept part has the box's
    proportions to within a pixel.
    """
    if box_width <= 0 or box_height <= 0 or pixels_wide <= 0 or pixels_high <= 0:
        raise ValueError("a picture and its box must have a size")
    wanted = box_width / box_height
    if pixels_wide / pixels_high > wanted:  # too wide: keep the middle columns
        keep = max(1, round(pixels_high * wanted))
        left = (pixels_wide - keep) // 2
        return left, 0, left + keep, pixels_high
    keep = max(1, round(pixels_wide / wanted))
    top = (pixels_high - keep) // 2
    return 0, top, pixels_wide, top + keep


@attrs.frozen
class BackText:
    """The words on a deck's back: its title, and at the foot the deck's and organisation's names."""

    title: Block
    foot: Block | None
    #: Where a picture on the back goes (x, y, width, height), if the back has one.
    picture: tuple[float, float, float, float] | None


def back_text(deck: CardDeck, card: Size, organisation: str, ink: str, back: CardBack | None = None, safe: float = SAFE) -> BackText:
    """The back's text placed on a card ``card`` big; a picture, if any, takes the upper half.

    ``back`` is a card's own back; the deck's otherwise.
    """
    back = back or deck.back
    inner = card.width - 2 * safe
    where = f"deck {deck.id!r}: back"
    title = fit(back.title or deck.title, inner, card.height * 0.4, BACK_TITLE_SIZE, "bold", "title", where)
    foot_words = " · ".join(part for part in (deck.title if back.title and back.title != deck.title else "", organisation) if part)
    foot = None
    if foot_words:
        name = fit(foot_words, inner, 2 * MIN_SIZE * textfit.LEADING, BACK_NAME_SIZE, "regular", "deck name", where)
        foot = Block(name, "regular", ink, safe + name.height, "centre")
    picture = None
    if back.image:
        picture = (safe, card.height / 2, inner, card.height / 2 - safe)
        title_top = card.height / 2 - GAP
    else:
        title_top = (card.height + title.height) / 2
    return BackText(Block(title, "bold", ink, title_top, "centre"), foot, picture)
