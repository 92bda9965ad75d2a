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
from facilitate.layout import compose, fonts, textfit
from facilitate.layout.compose import Composed
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


def band_height(deck: CardDeck, inner: float) -> float:
    """Height of the coloured band at the top of every card in the deck (the tallest label's)."""
    labels = dict.fromkeys(band_label(deck, card) for card in deck.cards)
    tallest = max((label(text, round(inner, 3), 2, BAND_SIZE, "bold").height for text in labels), default=0.0)
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
    inner = card_box.width - 2 * SAFE
    blocks = []
    band_text = label(band_label(deck, card), round(inner, 3), 2, BAND_SIZE, "bold")
    band_colour = band_colour or theme.category_colour(deck.category_index(card.category))
    blocks.append(Block(band_text, "bold", readable_on(band_colour), card_box.height - SAFE))
    count = f"{number}/{len(deck.cards)}"
    count_width = fonts.metrics("regular").width(count, MIN_SIZE)
    footer = label(deck.title, round(inner - count_width - GAP, 3), 2, MIN_SIZE)
    footer_top = SAFE + footer.height
    top = card_box.height - band - GAP
    title = fit(card.title, inner, 3 * TITLE_SIZE * textfit.LEADING, TITLE_SIZE, "bold", card, "title")
    blocks.append(Block(title, "bold", theme.primary, top))
    top -= title.height + GAP
    room = top - footer_top - GAP
    detail = None
    if card.detail:
        # The detail may take up to 40% of the room; the prompt gets the rest, and the
        # detail sits right under it.
        detail = fit(card.detail, inner, max(room * DETAIL_SHARE, MIN_SIZE * textfit.LEADING), DETAIL_SIZE, "regular", card, "detail")
        room -= detail.height + GAP
    prompt = fit(card.prompt, inner, room, PROMPT_SIZE, "regular", card, "prompt")
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
    title = fit(back.title or deck.title, inner, card.height * 0.4, BACK_TITLE_SIZE, "bold", back if back.title else deck, "title")
    # The foot is facilitate's: the deck's name (when the back has its own title) and the
    # organisation the pack is for, shortened to fit (the deck's name goes last).
    foot_words = Composed(tuple(
        compose.Part(text, keep) for text, keep in ((deck.title if back.title and back.title != deck.title else "", 2), (organisation, 1)) if text
    ))
    foot = None
    if foot_words:
        name = label(foot_words, round(inner, 3), 2, BACK_NAME_SIZE)
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


def instructions_page(deck: CardDeck, printing_notes: list[str], theme: Theme, page: Size) -> tuple[PageLine, ...]:
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
    if deck.instructions:
        rows.append(("How to use these cards", "bold", PAGE_HEADING, theme.primary, "", None))
        rows += [(step, "regular", PAGE_TEXT, theme.text, f"{i}.", (deck, ("instructions", i - 1)))
                 for i, step in enumerate(deck.instructions, 1)]
    rows.append(("Printing and cutting", "bold", PAGE_HEADING, theme.primary, "", None))
    rows += [(note, "regular", PAGE_NOTE, theme.text, "", None) for note in printing_notes]
    if deck.source:
        rows.append((f"Source: {deck.source}", "regular", PAGE_SOURCE, theme.muted, "", (deck, ("source",))))
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
