"""Printable card sheets (cards.pdf): card fronts n-up, mirrored back sheets, crop marks.

The sheet plan comes from layout.imposition and the text sizes from layout.textfit, so
this module only draws. Every card's text is checked against the bundled DejaVu Sans
before anything is drawn: a character the font lacks is an error naming the card, never
an empty box, and text that will not fit at 9 pt is an error naming the card, never
clipped.

Scripts: the bundled DejaVu Sans draws Latin with its accents (Welsh ŵ ŷ, Māori
macrons, Polish, Vietnamese, ...), Greek and Cyrillic. Chinese, Japanese, Korean and
Indic scripts are not in the font and are reported as errors. Right-to-left text (Arabic,
Hebrew) has glyphs but is drawn in stored order, without bidi reordering or shaping.

Memory stays flat however long the deck: the back design and each sheet's crop marks
are drawn once as PDF Form XObjects and reused, fitted text is cached for repeated
strings only (an LRU), and each page is written to the file as soon as it ends
(exporters._streaming_pdf).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, BinaryIO

import attrs

from facilitate.errors import ExportError, TextOverflowError
from facilitate.layout import fonts, textfit
from facilitate.layout.imposition import (
    MM,
    Box,
    Imposition,
    Line,
    Slot,
    fold_layout,
    print_shop_layout,
    sheet_layout,
)
from facilitate.layout.units import Size, card_size, length, paper
from facilitate.model.cards import Card, CardDeck
from facilitate.model.theme import DEFAULT_THEME, Theme, readable_on
from facilitate.options import BuildOptions
from facilitate.output import Output, source_date_epoch

if TYPE_CHECKING:
    from facilitate.model import SessionPack

FILE_NAME = "cards.pdf"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
WEIGHTS = {REGULAR: "regular", BOLD: "bold"}
#: No text on a card is smaller than this; past it, fitting fails with an error.
MIN_SIZE = 9.0
#: Text stays this far inside the cut edge, so a slightly wide cut never touches it.
SAFE = 3 * MM
GAP = 2 * MM
BAND_PADDING = 2.5 * MM
PROMPT_SIZE = 18.0
TITLE_SIZE = 12.0
DETAIL_SIZE = 10.0
BACK_TITLE_SIZE = 20.0
MARK_WIDTH = 0.3
CUT_LINE_COLOUR = "#b0b0b0"


# --- the plan: options → imposition ------------------------------------------------------


def plan(options: BuildOptions) -> Imposition:
    """The sheet plan these options ask for."""
    card = card_size(options.card_size, options.landscape)
    bleed = length(options.bleed)
    if bleed < 0:
        raise ExportError(f"bleed {options.bleed!r} must not be negative")
    if options.print_shop:
        return print_shop_layout(card, bleed, backs=options.duplex != "none")
    sheet = paper(options.page_size)
    if options.fold:
        return fold_layout(sheet, card, bleed)
    offset = (length(options.back_offset_x), length(options.back_offset_y))
    return sheet_layout(sheet, card, bleed, duplex=options.duplex, back_offset=offset)


def chosen_decks(pack: SessionPack, wanted: Sequence[str]) -> tuple[CardDeck, ...]:
    """The pack's decks, or only those named in ``wanted`` (in that order)."""
    if not wanted:
        return pack.decks
    have = {deck.id: deck for deck in pack.decks}
    unknown = [name for name in wanted if name not in have]
    if unknown:
        raise ExportError(
            f"no deck {unknown[0]!r} in this pack (decks: {', '.join(have) or 'none'})"
        )
    return tuple(have[name] for name in wanted)


def outputs(pack: SessionPack, options: BuildOptions) -> list[Output]:
    """``cards.pdf`` with every deck of the pack (or ``options.decks``); nothing if it has none."""
    decks = chosen_decks(pack, options.decks)
    if not decks:
        return []
    check_decks(decks)
    theme = pack.theme
    return [Output(FILE_NAME, lambda handle: write_pdf(decks, handle, options, theme))]


def deck_output(deck: CardDeck, options: BuildOptions | None = None, theme: Theme = DEFAULT_THEME, name: str = FILE_NAME) -> Output:
    """One deck's printable PDF as an Output (for ``facilitate cards DECK``)."""
    options = options or BuildOptions()
    check_decks((deck,))
    return Output(name, lambda handle: write_pdf((deck,), handle, options, theme))


# --- checks before drawing -------------------------------------------------------------


def _deck_texts(deck: CardDeck):
    """(text, weight, where) for every text of the deck that is printed."""
    where = f"deck {deck.id!r}"
    yield deck.title, "bold", f"{where}: title"
    yield deck.title, "regular", f"{where}: title"
    yield deck.back.title, "bold", f"{where}: back.title"
    yield deck.description, "regular", f"{where}: description"
    yield deck.source, "regular", f"{where}: source"
    for index, step in enumerate(deck.instructions):
        yield step, "regular", f"{where}: instructions[{index}]"
    for number, card in enumerate(deck.cards, 1):
        at = f"{where}, card {card.id!r} ({number}/{len(deck.cards)})"
        yield card.title, "bold", f"{at}: title"
        yield card.category, "bold", f"{at}: category"
        yield card.prompt, "regular", f"{at}: prompt"
        yield card.detail, "regular", f"{at}: detail"


def check_decks(decks: Iterable[CardDeck]) -> None:
    """Raise ExportError naming the card and character if any text has a character the font lacks."""
    for deck in decks:
        # Check all of a deck's characters at once; only look for the culprit when one is missing.
        for weight in ("regular", "bold"):
            every = "".join(text for text, w, _ in _deck_texts(deck) if w == weight)
            if fonts.metrics(weight).missing(fonts.printable(every)):
                for text, w, where in _deck_texts(deck):
                    if w == weight:
                        fonts.check_glyphs(text, weight, where)


# --- text fitting ----------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def fitted(text: str, width: float, height: float, largest: float, smallest: float, font: str, what: str) -> textfit.Fitted:
    """textfit.fit with the font's metrics, cached for text that repeats (titles, footers)."""
    return textfit.fit(text, width, height, largest, smallest, measure=fonts.metrics(WEIGHTS[font]).width, what=what)


def _fit(text: str, width: float, height: float, largest: float, font: str, what: str, where: str) -> textfit.Fitted:
    try:
        return fitted(fonts.printable(text), round(width, 3), round(height, 3), largest, MIN_SIZE, font, what)
    except TextOverflowError as error:
        raise TextOverflowError(f"{where}: {error}") from None


@attrs.frozen
class Block:
    """Fitted text placed in a card: the top of its first line, and how it is drawn."""

    fitted: textfit.Fitted
    font: str
    colour: str
    top: float
    align: str = "left"


def _band_label(deck: CardDeck, card: Card) -> str:
    return card.category or deck.title


def _band_height(deck: CardDeck, inner: float) -> float:
    """Height of the coloured band at the top of every card in the deck (the tallest label's)."""
    labels = dict.fromkeys(_band_label(deck, card) for card in deck.cards)
    tallest = 0.0
    for label in labels:
        block = _fit(label, inner, 2 * 10.5 * textfit.LEADING, 10.5, BOLD, "band", f"deck {deck.id!r}: band label {label!r}")
        tallest = max(tallest, block.height)
    return SAFE + tallest + BAND_PADDING


def category_colours(deck: CardDeck, theme: Theme) -> dict[str, str]:
    """Band colour of each category in the deck (and of no category), from the theme's palette."""
    colours = {category: theme.category_colour(index) for index, category in enumerate(deck.categories)}
    colours.setdefault("", theme.category_colour(0))
    return colours


def face_blocks(
    deck: CardDeck, card: Card, number: int, card_box: Size, theme: Theme, band: float, band_colour: str | None = None
) -> list[Block]:
    """The text of one card's face, fitted and placed (y measured from the card's bottom edge)."""
    where = f"deck {deck.id!r}, card {card.id!r} ({number}/{len(deck.cards)})"
    inner = card_box.width - 2 * SAFE
    blocks = []
    label = _fit(_band_label(deck, card), inner, 2 * 10.5 * textfit.LEADING, 10.5, BOLD, "band", where)
    band_colour = band_colour or theme.category_colour(deck.category_index(card.category))
    blocks.append(Block(label, BOLD, readable_on(band_colour), card_box.height - SAFE))
    count = f"{number}/{len(deck.cards)}"
    count_width = fonts.metrics("regular").width(count, MIN_SIZE)
    footer = _fit(deck.title, inner - count_width - GAP, 2 * MIN_SIZE * textfit.LEADING, MIN_SIZE, REGULAR, "footer", where)
    footer_top = SAFE + footer.height
    blocks.append(Block(footer, REGULAR, theme.muted, footer_top))
    blocks.append(Block(textfit.Fitted(MIN_SIZE, (count,)), REGULAR, theme.muted, SAFE + MIN_SIZE * textfit.LEADING, "right"))
    top = card_box.height - band - GAP
    title = _fit(card.title, inner, 3 * TITLE_SIZE * textfit.LEADING, TITLE_SIZE, BOLD, "title", where)
    blocks.append(Block(title, BOLD, theme.primary, top))
    top -= title.height + GAP
    room = top - footer_top - GAP
    detail = None
    if card.detail:
        # The detail may take up to 40% of the room; the prompt gets the rest, and the
        # detail sits right under it.
        detail = _fit(card.detail, inner, max(room * 0.4, MIN_SIZE * textfit.LEADING), DETAIL_SIZE, REGULAR, "detail", where)
        room -= detail.height + GAP
    prompt = _fit(card.prompt, inner, room, PROMPT_SIZE, REGULAR, "prompt", where)
    blocks.append(Block(prompt, REGULAR, theme.text, top))
    if detail is not None:
        blocks.append(Block(detail, REGULAR, theme.muted, top - prompt.height - GAP))
    return blocks


# --- drawing ---------------------------------------------------------------------------


@functools.cache
def register_fonts() -> None:
    """Register the bundled DejaVu Sans TTFs with reportlab (embedded, subset, in every PDF)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(REGULAR, str(fonts.font_path("regular"))))
    pdfmetrics.registerFont(TTFont(BOLD, str(fonts.font_path("bold"))))


@functools.lru_cache(maxsize=256)
def _rgb(hex_colour: str) -> tuple[float, float, float]:
    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return r, g, b


def _colour(canvas, hex_colour: str, stroke: bool = False) -> None:
    (canvas.setStrokeColorRGB if stroke else canvas.setFillColorRGB)(*_rgb(hex_colour))


def _mix(colour: str, other: str, amount: float) -> str:
    """``colour`` moved ``amount`` (0-1) of the way towards ``other``."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b))


def _rect(canvas, box: Box, colour: str) -> None:
    _colour(canvas, colour)
    canvas.rect(box.x, box.y, box.width, box.height, stroke=0, fill=1)


def _text(canvas, block: Block, left: float, width: float, bottom: float) -> None:
    """Draw fitted lines, the first line's top at ``bottom + block.top``."""
    size = block.fitted.size
    ascent = fonts.metrics(WEIGHTS[block.font]).ascent
    baseline = bottom + block.top - ascent * size
    # One text object per block (not one per line): a 10,000-card deck has 100,000 lines.
    text = canvas.beginText()
    text.setFont(block.font, size)
    r, g, b = _rgb(block.colour)
    text.setFillColorRGB(r, g, b)
    measure = fonts.metrics(WEIGHTS[block.font]).width
    for line in block.fitted.lines:
        if block.align == "right":
            x = left + width - measure(line, size)
        elif block.align == "centre":
            x = left + (width - measure(line, size)) / 2
        else:
            x = left
        text.setTextOrigin(x, baseline)
        text.textOut(line)
        baseline -= size * block.fitted.leading
    canvas.drawText(text)


def draw_face(canvas, slot: Slot, deck: CardDeck, card: Card, number: int, theme: Theme, band: float, band_colour: str) -> None:
    """One card's face in its slot: background and band into the bleed, text in the safe zone."""
    trim = slot.trim
    blocks = face_blocks(deck, card, number, Size(trim.width, trim.height), theme, band, band_colour)
    _rect(canvas, slot.bleed, theme.background)
    band_box = Box(slot.bleed.x, trim.top - band, slot.bleed.width, slot.bleed.top - trim.top + band)
    _rect(canvas, band_box, band_colour)
    for block in blocks:
        _text(canvas, block, trim.x + SAFE, trim.width - 2 * SAFE, trim.y)


def _back_form_name(index: int) -> str:
    return f"back{index}"


def define_back(canvas, name: str, deck: CardDeck, card: Size, bleed: float, organisation: str = "") -> None:
    """The deck's back design as a Form XObject, origin at the card's lower-left cut corner.

    The foot of the back names the deck (when the back has its own title) and the
    organisation the pack was made for (a cluster partner's name).
    """
    back = deck.back
    ink = readable_on(back.colour)
    canvas.beginForm(name, -bleed, -bleed, card.width + bleed, card.height + bleed)
    full = Box(-bleed, -bleed, card.width + 2 * bleed, card.height + 2 * bleed)
    _rect(canvas, full, back.colour)
    tint = _mix(back.colour, ink, 0.14)
    if back.pattern == "dots":
        _colour(canvas, tint)
        step = 4 * MM
        y = full.y + step / 2
        row = 0
        while y < full.top:
            x = full.x + (step / 2 if row % 2 else step)
            while x < full.right:
                canvas.circle(x, y, 0.6 * MM, stroke=0, fill=1)
                x += step
            y += step * 0.866
            row += 1
    elif back.pattern == "stripes":
        _colour(canvas, tint, stroke=True)
        canvas.setLineWidth(1.6 * MM)
        step = 5 * MM
        path = canvas.beginPath()
        offset = -full.height
        while offset < full.width:
            path.moveTo(full.x + offset, full.y)
            path.lineTo(full.x + offset + full.height, full.top)
            offset += step
        canvas.saveState()
        clip = canvas.beginPath()
        clip.rect(full.x, full.y, full.width, full.height)
        canvas.clipPath(clip, stroke=0, fill=0)
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.restoreState()
    inner = card.width - 2 * SAFE
    title_text = back.title or deck.title
    where = f"deck {deck.id!r}: back"
    title = _fit(title_text, inner, card.height * 0.4, BACK_TITLE_SIZE, BOLD, "title", where)
    foot = " · ".join(
        part for part in (deck.title if back.title and back.title != deck.title else "", organisation) if part
    )
    name_block = None
    if foot:
        name_block = _fit(foot, inner, 2 * MIN_SIZE * textfit.LEADING, 10.0, REGULAR, "deck name", where)
    if back.image:
        from reportlab.lib.utils import ImageReader

        try:
            image = ImageReader(back.image)
        except (OSError, ValueError) as error:
            raise ExportError(f"{where}: cannot read the image {back.image!r}: {error}") from None
        box = Box(SAFE, card.height / 2, inner, card.height / 2 - SAFE)
        canvas.drawImage(image, box.x, box.y, box.width, box.height, preserveAspectRatio=True, anchor="c", mask="auto")
        title_top = card.height / 2 - GAP
    else:
        title_top = (card.height + title.height) / 2
    _text(canvas, Block(title, BOLD, ink, title_top, "centre"), SAFE, inner, 0.0)
    if name_block is not None:
        _text(canvas, Block(name_block, REGULAR, ink, SAFE + name_block.height, "centre"), SAFE, inner, 0.0)
    canvas.endForm()


def draw_back(canvas, slot: Slot, form: str) -> None:
    """Place the deck's back design in a slot, clipped to the slot's bleed box."""
    canvas.saveState()
    clip = canvas.beginPath()
    clip.rect(slot.bleed.x, slot.bleed.y, slot.bleed.width, slot.bleed.height)
    canvas.clipPath(clip, stroke=0, fill=0)
    canvas.translate(slot.trim.x, slot.trim.y)
    canvas.doForm(form)
    canvas.restoreState()


def _draw_lines(canvas, lines: Sequence[Line]) -> None:
    """Crop marks: a white underlay so they show on any background, black on top."""
    canvas.saveState()
    canvas.setLineCap(0)
    for colour, width in (("#ffffff", MARK_WIDTH * 3), ("#000000", MARK_WIDTH)):
        _colour(canvas, colour, stroke=True)
        canvas.setLineWidth(width)
        canvas.lines([(line.x1, line.y1, line.x2, line.y2) for line in lines])
    canvas.restoreState()


def draw_marks(canvas, imposition: Imposition, count: int, side: str, cut_lines: bool, forms: set[str]) -> None:
    """Crop marks (and cut lines) for ``count`` cards on one side, drawn once as a form and reused."""
    name = f"marks-{side}-{count}-{int(cut_lines)}"
    if name not in forms:
        canvas.beginForm(name)
        if cut_lines:
            slots = imposition.fronts if side == "front" else imposition.backs
            if imposition.kind == "fold":
                slots = imposition.fronts[:count] + imposition.backs[:count]
            else:
                slots = slots[:count]
            canvas.setLineWidth(0.25)
            _colour(canvas, CUT_LINE_COLOUR, stroke=True)
            for slot in slots:
                canvas.rect(slot.trim.x, slot.trim.y, slot.trim.width, slot.trim.height, stroke=1, fill=0)
        marks = imposition.crop_marks(count, side)
        if marks:
            _draw_lines(canvas, marks)
        if side == "front" and imposition.fold_line is not None:
            fold = imposition.fold_line
            canvas.setDash(3 * MM, 2 * MM)
            canvas.setLineWidth(0.5)
            _colour(canvas, "#808080", stroke=True)
            canvas.line(fold.x1, fold.y1, fold.x2, fold.y2)
        canvas.endForm()
        forms.add(name)
    canvas.doForm(name)


def _instructions_page(canvas, deck: CardDeck, imposition: Imposition, theme: Theme, page: Size) -> None:
    """A leading page: how to use the deck in the room, and how to print and cut it."""
    # (text, font, size, colour, label): a label ("1.") hangs to the left of its text.
    blocks: list[tuple[str, str, float, str, str]] = [(deck.title, BOLD, 24.0, theme.primary, "")]
    if deck.description:
        blocks.append((deck.description, REGULAR, 12.0, theme.text, ""))
    if deck.instructions:
        blocks.append(("How to use these cards", BOLD, 14.0, theme.primary, ""))
        blocks += [(step, REGULAR, 12.0, theme.text, f"{i}.") for i, step in enumerate(deck.instructions, 1)]
    blocks.append(("Printing and cutting", BOLD, 14.0, theme.primary, ""))
    blocks += [(note, REGULAR, 11.0, theme.text, "") for note in printing_notes(imposition, len(deck.cards))]
    if deck.source:
        blocks.append((f"Source: {deck.source}", REGULAR, 10.0, theme.muted, ""))
    margin = 20 * MM
    frame = textfit.Frame(page.width - 2 * margin, page.height - 2 * margin)
    # Everything shrinks together from the title's 24 pt, each block down to the floor; a
    # heading has space above it, every block half a line below it, a label's step hangs.
    drafts = [
        textfit.Draft(fonts.printable(text), size / 24.0, font == BOLD, gap=0.8 if font == BOLD else 0.0, after=0.5,
                      hang=2.0 if label else 0.0)
        for text, font, size, _, label in blocks
    ]
    what = f"deck {deck.id!r}: the instructions page"
    placed = textfit.fit_paragraphs(drafts, frame, 24.0, MIN_SIZE, what, proportional=False)
    offset = 0.0
    for one, (_, font, _, colour, label) in zip(placed, blocks):
        offset += one.space_before
        top = frame.height - offset
        if label:
            _text(canvas, Block(textfit.Fitted(one.size, (label,)), font, colour, top), margin, one.indent, margin)
        lines = textfit.Fitted(one.size, one.lines(frame))
        _text(canvas, Block(lines, font, colour, top), margin + one.indent, frame.width - one.indent, margin)
        offset += lines.height


def printing_notes(imposition: Imposition, cards: int) -> list[str]:
    """What to tell the printer and the person with the scissors, for this layout."""
    sheets = imposition.sheets(cards)
    notes = [
        f"{cards} cards, {imposition.per_sheet} to a sheet: {sheets} sheet{'s' if sheets != 1 else ''}.",
        "Print at actual size (100%, not 'fit to page').",
    ]
    if imposition.kind == "fold":
        notes.append("Print single-sided. Fold each sheet along the dashed line, glue the halves together, then cut along the crop marks.")
    elif imposition.kind == "print-shop":
        notes.append("One card per page with bleed; the trim box marks the cut.")
    elif imposition.has_backs:
        edge = "long" if imposition.duplex == "long-edge" else "short"
        notes.append(f"Print double-sided, flipping on the {edge} edge: every sheet of card fronts is followed by its sheet of backs.")
        notes.append("If the backs land off-centre, print again with a back offset (--offset-x/--offset-y in mm).")
    else:
        notes.append("Print single-sided (these sheets have no backs).")
    notes.append("Cut along the lines the crop marks show; the colour runs past the cut so a slightly wide cut leaves no white edge.")
    return notes


def _set_dates(canvas) -> None:
    stamp = time.gmtime(source_date_epoch())
    fixed = time.strftime("D:%Y%m%d%H%M%S+00'00'", stamp)
    canvas.setDateFormatter(lambda *_: fixed)


def write_pdf(decks: Sequence[CardDeck], handle: BinaryIO, options: BuildOptions | None = None, theme: Theme = DEFAULT_THEME) -> None:
    """Write the card sheets of ``decks`` as one PDF to ``handle``."""
    from facilitate.exporters._streaming_pdf import streaming_canvas

    options = options or BuildOptions()
    check_decks(decks)
    fonts.check_glyphs(theme.organisation, "regular", "theme: organisation (printed on card backs)")
    register_fonts()
    imposition = plan(options)
    sheet = paper(options.page_size)
    canvas = streaming_canvas(handle, (imposition.page.width, imposition.page.height), REGULAR)
    _set_dates(canvas)
    canvas.setCreator("facilitate")
    canvas.setTitle(", ".join(deck.title for deck in decks))
    canvas.setSubject("Printable card decks")
    card = imposition.card
    page_size = (imposition.page.width, imposition.page.height)
    forms: set[str] = set()
    if imposition.kind == "print-shop":
        trim, bleed_box = imposition.trim_box, imposition.bleed_box
        canvas.setTrimBox((trim.x, trim.y, trim.right, trim.top))
        canvas.setBleedBox((bleed_box.x, bleed_box.y, bleed_box.right, bleed_box.top))
    for index, deck in enumerate(decks):
        band = _band_height(deck, card.width - 2 * SAFE)
        colours = category_colours(deck, theme)
        back_form = _back_form_name(index)
        if imposition.has_backs:
            define_back(canvas, back_form, deck, card, imposition.bleed, theme.organisation)
        canvas.bookmarkPage(f"deck{index}")
        canvas.addOutlineEntry(deck.title, f"deck{index}", 0)
        lead = options.instructions_sheet and imposition.kind != "print-shop" and (deck.instructions or deck.description)
        if lead:
            portrait = sheet if sheet.height >= sheet.width else sheet.rotated()
            canvas.setPageSize((portrait.width, portrait.height))
            _instructions_page(canvas, deck, imposition, theme, portrait)
            canvas.showPage()
            if imposition.backs_on_own_page:
                canvas.setPageSize((portrait.width, portrait.height))
                canvas.showPage()  # a blank back, so each sheet of fronts stays paired with its backs
        per = imposition.per_sheet
        for start in range(0, len(deck.cards), per):
            cards = deck.cards[start : start + per]
            canvas.setPageSize(page_size)
            for offset, (slot, item) in enumerate(zip(imposition.fronts, cards)):
                draw_face(canvas, slot, deck, item, start + offset + 1, theme, band, colours[item.category])
            if imposition.kind == "fold":
                for slot in imposition.backs[: len(cards)]:
                    draw_back(canvas, slot, back_form)
            if imposition.kind != "print-shop":
                draw_marks(canvas, imposition, len(cards), "front", options.cut_lines, forms)
            canvas.showPage()
            if imposition.backs_on_own_page:
                canvas.setPageSize(page_size)
                for slot in imposition.backs[: len(cards)]:
                    draw_back(canvas, slot, back_form)
                if imposition.kind != "print-shop":
                    draw_marks(canvas, imposition, len(cards), "back", options.cut_lines, forms)
                canvas.showPage()
    canvas.save()
