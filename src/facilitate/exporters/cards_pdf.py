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

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, BinaryIO

import attrs

from facilitate.errors import ExportError, FacilitateError
from facilitate.exporters._reportlab import BOLD, REGULAR, draw_lines, fill, fix_canvas_dates, stroke, streaming_canvas
from facilitate.layout import bidi, fonts, textfit
from facilitate.layout.card_face import (
    MIN_SIZE,
    SAFE,
    Block,
    back_text,
    band_height,
    category_colours,
    face_blocks,
)
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
from facilitate.model.theme import DEFAULT_THEME, Theme, mix, readable_on
from facilitate.options import BuildOptions, Flag, PaperOptions, option
from facilitate.output import Output

if TYPE_CHECKING:
    from facilitate.model import SessionPack

FILE_NAME = "cards.pdf"
WEIGHTS = {REGULAR: "regular", BOLD: "bold"}
MARK_WIDTH = 0.3
CUT_LINE_COLOUR = "#b0b0b0"
DUPLEX = ("long-edge", "short-edge", "none")


def _millimetres(value: str | float) -> str:
    """A length: a bare number is millimetres, or give a unit ("0.1in"); checked now."""
    text = str(value).strip()
    try:
        text = f"{float(text)}mm"
    except ValueError:
        pass
    try:
        length(text)
    except FacilitateError:
        raise ValueError(f"{str(value)!r} is not a length like 3, 3mm or 0.125in") from None
    return text


def _bleed(value: str | float) -> str:
    text = _millimetres(value)
    if length(text) < 0:
        raise ValueError(f"{str(value)!r} must not be negative")
    return text


def _card_size(value: str) -> str:
    try:
        card_size(str(value))
    except FacilitateError as error:
        raise ValueError(str(error)) from None
    return str(value)


@attrs.frozen
class CardOptions:
    """How card sheets are printed: size, bleed, duplex, folding, print shop, which decks."""

    size: str = option("poker", Flag("--size", "Card size: poker, bridge, tarot, a6, a7, business, or WxH like 63x88mm or 2.5x3.5in."), _card_size)
    landscape: bool = option(False, Flag("--landscape", "Cards wider than tall.", is_flag=True), bool)
    bleed: str = option("3mm", Flag("--bleed", "Background printed past the cut, in mm or with a unit (0 for none)."), _bleed)
    cut_lines: bool = option(False, Flag("--cut-lines", "Also outline every card, for cutting with scissors.", is_flag=True), bool)
    duplex: str = option("long-edge", Flag("--duplex", "How your printer turns the sheet for the backs; none prints fronts only.", choices=DUPLEX))
    offset_x: str = option("0mm", Flag("--offset-x", "Move the backs right by this many mm (negative: left), to correct a printer."), _millimetres)
    offset_y: str = option("0mm", Flag("--offset-y", "Move the backs up by this many mm (negative: down)."), _millimetres)
    fold: bool = option(False, Flag("--fold", "Fronts and backs side by side on one sheet, to fold and glue (no duplex needed).", is_flag=True), bool)
    print_shop: bool = option(False, Flag("--print-shop", "One card per page at card size plus bleed, with TrimBox and BleedBox.", is_flag=True), bool)
    instructions: bool = option(True, Flag("--instructions/--no-instructions", "Lead each deck with a page of how to use it.", is_flag=True), bool)
    #: Only these decks (by id), in this order; all the pack's decks if empty.
    decks: tuple[str, ...] = option((), Flag("--deck", "Only this deck in cards.pdf (repeat for more).", multiple=True, metavar="ID"), tuple)

    def __attrs_post_init__(self) -> None:
        if self.fold and self.print_shop:
            from facilitate.options import OptionError

            raise OptionError("--fold and --print-shop are different layouts; choose one")


name = "cards"
description = "cards.pdf: every card deck, print-ready"
options = (PaperOptions, CardOptions)


# --- the plan: options → imposition ------------------------------------------------------


def plan(cards: CardOptions, paper_name: str = "a4") -> Imposition:
    """The sheet plan these options ask for."""
    card = card_size(cards.size, cards.landscape)
    bleed = length(cards.bleed)
    if cards.print_shop:
        return print_shop_layout(card, bleed, backs=cards.duplex != "none")
    sheet = paper(paper_name)
    if cards.fold:
        return fold_layout(sheet, card, bleed)
    offset = (length(cards.offset_x), length(cards.offset_y))
    return sheet_layout(sheet, card, bleed, duplex=cards.duplex, back_offset=offset)


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
    """``cards.pdf`` with every deck of the pack (or the chosen ones); nothing if it has none."""
    cards = options[CardOptions]
    decks = chosen_decks(pack, cards.decks)
    if not decks:
        return []
    check_decks(decks)
    theme = pack.theme
    paper_name = options[PaperOptions].paper
    return [Output(FILE_NAME, lambda handle: write_pdf(decks, handle, cards, theme, paper_name))]


def deck_output(deck: CardDeck, options: BuildOptions | None = None, theme: Theme = DEFAULT_THEME, name: str = FILE_NAME) -> Output:
    """One deck's printable PDF as an Output (for ``facilitate cards DECK``)."""
    options = options or BuildOptions()
    check_decks((deck,))
    cards, paper_name = options[CardOptions], options[PaperOptions].paper
    return Output(name, lambda handle: write_pdf((deck,), handle, cards, theme, paper_name))


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
            if fonts.metrics(weight).missing(bidi.joined(fonts.printable(every))):
                for text, w, where in _deck_texts(deck):
                    if w == weight:
                        fonts.check_glyphs(text, weight, where)


# --- drawing ---------------------------------------------------------------------------


def _rect(canvas: Any, box: Box, colour: str) -> None:
    fill(canvas, colour)
    canvas.rect(box.x, box.y, box.width, box.height, stroke=0, fill=1)


def _text(canvas: Any, block: Block, left: float, width: float, bottom: float) -> None:
    """Draw a placed block, its first line's top at ``bottom + block.top``."""
    draw_lines(canvas, block.fitted, block.weight, block.colour, left, bottom + block.top, width, block.align)


def draw_face(canvas: Any, slot: Slot, deck: CardDeck, card: Card, number: int, theme: Theme, band: float, band_colour: str) -> None:
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


def _pattern(canvas: Any, pattern: str, full: Box, tint: str) -> None:
    """The back's dots or stripes over the whole card and its bleed."""
    if pattern == "dots":
        fill(canvas, tint)
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
    elif pattern == "stripes":
        stroke(canvas, tint)
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


def define_back(canvas: Any, name: str, deck: CardDeck, card: Size, bleed: float, organisation: str = "") -> None:
    """The deck's back design as a Form XObject, origin at the card's lower-left cut corner.

    The foot of the back names the deck (when the back has its own title) and the
    organisation the pack was made for (a cluster partner's name).
    """
    back = deck.back
    ink = readable_on(back.colour)
    text = back_text(deck, card, organisation, ink)
    canvas.beginForm(name, -bleed, -bleed, card.width + bleed, card.height + bleed)
    full = Box(-bleed, -bleed, card.width + 2 * bleed, card.height + 2 * bleed)
    _rect(canvas, full, back.colour)
    _pattern(canvas, back.pattern, full, mix(back.colour, ink, 0.14))
    inner = card.width - 2 * SAFE
    if back.image and text.picture is not None:
        import io

        from reportlab.lib.utils import ImageReader

        from facilitate.errors import FacilitateError
        from facilitate.images import read_image

        try:
            image = ImageReader(io.BytesIO(read_image(back.image)))
        except FacilitateError as error:
            raise ExportError(f"deck {deck.id!r}: back: {error.one_line()}") from None
        except (OSError, ValueError) as error:
            raise ExportError(f"deck {deck.id!r}: back: cannot read the image {back.image!r}: {error}") from None
        canvas.drawImage(image, *text.picture, preserveAspectRatio=True, anchor="c", mask="auto")
    _text(canvas, text.title, SAFE, inner, 0.0)
    if text.foot is not None:
        _text(canvas, text.foot, SAFE, inner, 0.0)
    canvas.endForm()


def draw_back(canvas: Any, slot: Slot, form: str) -> None:
    """Place the deck's back design in a slot, clipped to the slot's bleed box."""
    canvas.saveState()
    clip = canvas.beginPath()
    clip.rect(slot.bleed.x, slot.bleed.y, slot.bleed.width, slot.bleed.height)
    canvas.clipPath(clip, stroke=0, fill=0)
    canvas.translate(slot.trim.x, slot.trim.y)
    canvas.doForm(form)
    canvas.restoreState()


def _draw_lines(canvas: Any, lines: Sequence[Line]) -> None:
    """Crop marks: a white underlay so they show on any background, black on top."""
    canvas.saveState()
    canvas.setLineCap(0)
    for colour, width in (("#ffffff", MARK_WIDTH * 3), ("#000000", MARK_WIDTH)):
        stroke(canvas, colour)
        canvas.setLineWidth(width)
        canvas.lines([(line.x1, line.y1, line.x2, line.y2) for line in lines])
    canvas.restoreState()


def draw_marks(canvas: Any, imposition: Imposition, count: int, side: str, cut_lines: bool, forms: set[str]) -> None:
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
            stroke(canvas, CUT_LINE_COLOUR)
            for slot in slots:
                canvas.rect(slot.trim.x, slot.trim.y, slot.trim.width, slot.trim.height, stroke=1, fill=0)
        marks = imposition.crop_marks(count, side)
        if marks:
            _draw_lines(canvas, marks)
        if side == "front" and imposition.fold_line is not None:
            fold = imposition.fold_line
            canvas.setDash(3 * MM, 2 * MM)
            canvas.setLineWidth(0.5)
            stroke(canvas, "#808080")
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
            _text(canvas, Block(textfit.Fitted(one.size, (label,)), WEIGHTS[font], colour, top), margin, one.indent, margin)
        lines = textfit.Fitted(one.size, one.lines(frame))
        _text(canvas, Block(lines, WEIGHTS[font], colour, top), margin + one.indent, frame.width - one.indent, margin)
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


def write_pdf(
    decks: Sequence[CardDeck],
    handle: BinaryIO,
    cards: CardOptions | None = None,
    theme: Theme = DEFAULT_THEME,
    paper_name: str = "a4",
) -> None:
    """Write the card sheets of ``decks`` as one PDF to ``handle``."""
    cards = cards or CardOptions()
    check_decks(decks)
    fonts.check_glyphs(theme.organisation, "regular", "theme: organisation (printed on card backs)")
    imposition = plan(cards, paper_name)
    sheet = paper(paper_name)
    canvas = streaming_canvas(handle, (imposition.page.width, imposition.page.height), REGULAR)
    fix_canvas_dates(canvas)
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
        band = band_height(deck, card.width - 2 * SAFE)
        colours = category_colours(deck, theme)
        back_form = _back_form_name(index)
        if imposition.has_backs:
            define_back(canvas, back_form, deck, card, imposition.bleed, theme.organisation)
        canvas.bookmarkPage(f"deck{index}")
        canvas.addOutlineEntry(deck.title, f"deck{index}", 0)
        lead = cards.instructions and imposition.kind != "print-shop" and (deck.instructions or deck.description)
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
            chunk = deck.cards[start : start + per]
            canvas.setPageSize(page_size)
            for offset, (slot, item) in enumerate(zip(imposition.fronts, chunk)):
                draw_face(canvas, slot, deck, item, start + offset + 1, theme, band, colours[item.category])
            if imposition.kind == "fold":
                for slot in imposition.backs[: len(chunk)]:
                    draw_back(canvas, slot, back_form)
            if imposition.kind != "print-shop":
                draw_marks(canvas, imposition, len(chunk), "front", cards.cut_lines, forms)
            canvas.showPage()
            if imposition.backs_on_own_page:
                canvas.setPageSize(page_size)
                for slot in imposition.backs[: len(chunk)]:
                    draw_back(canvas, slot, back_form)
                if imposition.kind != "print-shop":
                    draw_marks(canvas, imposition, len(chunk), "back", cards.cut_lines, forms)
                canvas.showPage()
    canvas.save()
