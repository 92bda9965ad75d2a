"""A card's face and back as placed text: what is written where, at what size and weight.

Pure layout in points, measured from the card's bottom-left cut corner (PDF convention):
the category band at the top (with the card's icon, if it has one), the title, a picture
(cropped to fill its box), the prompt (as large as fits, down to 9 pt), the detail under
it, a QR code with its web address, the deck's name and "n/N" at the foot. The blocks are
listed in that reading order, and the card PDF draws them as they are. Text that does not
fit at 9 pt is an error naming the card's field (its file and line when it was loaded
from one); words facilitate places (the band's label, the deck's name at the foot) are
shortened to fit instead. Text keeps ``safe`` points inside
the cut (3 mm on card sheets, 4 mm for a print shop).
"""

from __future__ import annotations

import functools

import attrs

from facilitate.labels import ENGLISH, Labels

from facilitate.errors import TextOverflowError
from facilitate.layout import compose, fonts, textfit
from facilitate.layout.compose import Composed
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
def _fitted(text: str, width: float, height: float, largest: float, weight: str) -> textfit.Fitted | None:
    """The text at the largest size that fits, or None; cached for text that repeats."""
    try:
        return textfit.fit(text, width, height, largest, MIN_SIZE, measure=fonts.metrics(weight).width)
    except TextOverflowError:
        return None


def fit(text: str, width: float, height: float, largest: float, weight: str, owner: object, field: str) -> textfit.Fitted:
    """The user's ``text`` (``owner``'s ``field``) at the largest size from ``largest`` down to 9 pt that fits.

    TextOverflowError naming the field when it does not fit even at 9 pt.
    """
    printed = fonts.printable(text)
    fitted = _fitted(printed, round(width, 3), round(height, 3), largest, weight)
    if fitted is None:  # again, for the message
        return textfit.fit(printed, width, height, largest, MIN_SIZE, measure=fonts.metrics(weight).width,
                           what="its place on the card", owner=owner, field=(field,))
    return fitted


@functools.lru_cache(maxsize=4096)
def label(text: str | Composed, width: float, lines: int, largest: float, weight: str = "regular") -> textfit.Fitted:
    """Words facilitate places on a card (a band label, the deck's name at the foot): shortened to fit, never an error."""
    return compose.fit(text if isinstance(text, Composed) else fonts.printable(text), width, lines, largest, MIN_SIZE, weight)


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
        block = label(band_label(deck, card), round(_label_width(deck, card, inner), 3), 2, BAND_SIZE, "bold")
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
    inner = card_box.width - 2 * safe
    blocks = []
    band_colour = band_colour or theme.category_colour(deck.category_index(card.category))
    ink = readable_on(band_colour)
    label_width = _label_width(deck, card, inner)
    band_text = label(band_label(deck, card), round(label_width, 3), 2, BAND_SIZE, "bold")
    icon = None
    name = card_icon(deck, card)
    if name:
        side = icon_side()
        icon = (name, Placed(safe, card_box.height - safe - side, side, side), ink)
    blocks.append(Block(band_text, "bold", ink, card_box.height - safe, "left", inner - label_width))
    count = f"{number}/{len(deck.cards)}"
    count_width = fonts.metrics("regular").width(count, MIN_SIZE)
    footer = label(deck.title, round(inner - count_width - GAP, 3), 2, MIN_SIZE)
    footer_top = safe + footer.height
    top = card_box.height - band - GAP
    title = fit(card.title, inner, 3 * TITLE_SIZE * textfit.LEADING, TITLE_SIZE, "bold", card, "title")
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
        raise TextOverflowError("no room left for it under the title, picture and QR code; use a bigger card", card, ("prompt",))
    detail, prompt = _prompt_and_detail(card, inner, room)
    blocks.append(Block(prompt, "regular", theme.text, top))
    if detail is not None:
        blocks.append(Block(detail, "regular", theme.muted, top - prompt.height - GAP))
    if address is not None:
        blocks.append(Block(address, "regular", theme.muted, footer_top + GAP + address.height, "centre"))
    # The foot last, so the card reads band, title, prompt, detail, address, then the deck's name.
    blocks.append(Block(footer, "regular", theme.muted, footer_top))
    blocks.append(Block(textfit.Fitted(MIN_SIZE, (count,)), "regular", theme.muted, safe + MIN_SIZE * textfit.LEADING, "right"))
    return Face(tuple(blocks), icon, picture, qr)


def _prompt_and_detail(card: Card, inner: float, room: float) -> tuple[textfit.Fitted | None, textfit.Fitted]:
    """The detail in up to 40% of the room (more only if it needs it), the prompt in the rest."""
    if not card.detail:
        return None, fit(card.prompt, inner, room, PROMPT_SIZE, "regular", card, "prompt")
    first: TextOverflowError | None = None
    for share in DETAIL_SHARES:
        try:
            detail = fit(card.detail, inner, max(room * share, MIN_SIZE * textfit.LEADING), DETAIL_SIZE, "regular", card, "detail")
            return detail, fit(card.prompt, inner, room - detail.height - GAP, PROMPT_SIZE, "regular", card, "prompt")
        except TextOverflowError as error:
            first = first or error
    assert first is not None
    raise first


def face_blocks(
    deck: CardDeck, card: Card, number: int, card_box: Size, theme: Theme, band: float, band_colour: str | None = None, safe: float = SAFE
) -> list[Block]:
    """The text of one card's face, fitted and placed (y measured from the card's bottom edge)."""
    return list(card_face(deck, card, number, card_box, theme, band, band_colour, safe).blocks)


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


def back_text(
    deck: CardDeck, card: Size, organisation: str, ink: str, logos: int = 0, back: CardBack | None = None, safe: float = SAFE
) -> BackText:
    """The back's text placed on a card ``card`` big; a picture, if any, takes the upper half.

    ``back`` is a card's own back; the deck's otherwise. ``logos`` logos sit in a row,
    centred, just above the foot. Text keeps ``safe`` inside the cut.
    """
    back = back or deck.back
    inner = card.width - 2 * safe
    title = fit(back.title or deck.title, inner, card.height * 0.4, BACK_TITLE_SIZE, "bold", back if back.title else deck, "title")
    # The foot is facilitate's: the deck's name (when the back has its own title) and the
    # organisation the pack is for, shortened to fit (the deck's name goes last).
    foot_words = Composed(tuple(
        compose.Part(text, keep) for text, keep in ((deck.title if back.title and back.title != deck.title else "", 2), (organisation, 1)) if text
    ))
    foot = None
    if foot_words:
        name = label(foot_words, round(inner, 3), 2, BACK_NAME_SIZE)
        foot = Block(name, "regular", ink, safe + name.height, "centre")
    picture = None
    if back.image:
        picture = (safe, card.height / 2, inner, card.height / 2 - safe)
        title_top = card.height / 2 - GAP
    else:
        title_top = (card.height + title.height) / 2
    logo_boxes: list[tuple[float, float, float, float]] = []
    if logos:
        each = min(BACK_LOGO_WIDTH, (inner - (logos - 1) * GAP) / logos)
        row = logos * each + (logos - 1) * GAP
        bottom = (foot.top if foot is not None else safe) + GAP
        logo_boxes = [((card.width - row) / 2 + i * (each + GAP), bottom, each, BACK_LOGO_HEIGHT) for i in range(logos)]
    return BackText(Block(title, "bold", ink, title_top, "centre"), foot, picture, tuple(logo_boxes))


# --- the instructions page ---------------------------------------------------------------

#: The instructions page's margin, and its sizes: title, text, headings, printing notes, source.
PAGE_MARGIN = 20 * MM
PAGE_TITLE, PAGE_TEXT, PAGE_HEADING, PAGE_NOTE, PAGE_SOURCE = 24.0, 12.0, 14.0, 11.0, 10.0


@attrs.frozen
class PageLine:
    """One paragraph of the instructions page, placed: a label ("1.") hangs to its left."""

    block: Block
    label: Block | None
    left: float
    width: float


def instructions_page(deck: CardDeck, printing_notes: list[str], theme: Theme, page: Size,
                      labels: Labels = ENGLISH) -> tuple[PageLine, ...]:
    """A deck's leading page, planned: how to use it in the room, how to print and cut it.

    Everything shrinks together from the title's 24 pt, each paragraph down to 9 pt; the
    deck's description and steps are the user's (named if they cannot fit).
    """
    # (text, weight, size, colour, label, source): a label ("1.") hangs to the left of its text.
    rows: list[tuple[str, str, float, str, str, tuple[object, tuple[str | int, ...]] | None]] = [
        (deck.title, "bold", PAGE_TITLE, theme.primary, "", (deck, ("title",)))
    ]
    if deck.description:
        rows.append((deck.description, "regular", PAGE_TEXT, theme.text, "", (deck, ("description",))))
    _ = labels.gettext
    if deck.instructions:
        rows.append((_("How to use these cards"), "bold", PAGE_HEADING, theme.primary, "", None))
        rows += [(step, "regular", PAGE_TEXT, theme.text, f"{i}.", (deck, ("instructions", i - 1)))
                 for i, step in enumerate(deck.instructions, 1)]
    rows.append((_("Printing and cutting"), "bold", PAGE_HEADING, theme.primary, "", None))
    rows += [(note, "regular", PAGE_NOTE, theme.text, "", None) for note in printing_notes]
    if deck.source:
        rows.append((_("Source: {source}").format(source=deck.source), "regular", PAGE_SOURCE, theme.muted, "", (deck, ("source",))))
    frame = textfit.Frame(page.width - 2 * PAGE_MARGIN, page.height - 2 * PAGE_MARGIN)
    # A heading has space above it, every paragraph half a line below it, a label's step hangs.
    drafts = [
        textfit.Draft(fonts.printable(text), size / PAGE_TITLE, weight == "bold", gap=0.8 if weight == "bold" else 0.0,
                      after=0.5, hang=2.0 if label else 0.0, source=source)
        for text, weight, size, _, label, source in rows
    ]
    placed = textfit.fit_paragraphs(drafts, frame, PAGE_TITLE, MIN_SIZE, "the deck's instructions page", proportional=False)
    out = []
    offset = 0.0
    for one, (_, weight, _, colour, label, _) in zip(placed, rows):
        offset += one.space_before
        top = PAGE_MARGIN + frame.height - offset
        lines = textfit.Fitted(one.size, one.lines(frame))
        hanging = Block(textfit.Fitted(one.size, (label,)), weight, colour, top) if label else None
        out.append(PageLine(Block(lines, weight, colour, top), hanging, PAGE_MARGIN + one.indent, frame.width - one.indent))
        offset += lines.height
    return tuple(out)
