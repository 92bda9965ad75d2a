"""Printable card sheets (cards.pdf): card fronts n-up, mirrored back sheets, crop marks.

The sheet plan comes from layout.imposition and each card's face from layout.card_face, so
this module only draws. Every card's text is checked against the bundled DejaVu Sans
before anything is drawn: a character the font lacks is an error naming the card, never
an empty box, and text that will not fit at 9 pt is an error naming the card, never
clipped.

Scripts: the bundled DejaVu Sans draws Latin with its accents (Welsh ŵ ŷ, Māori
macrons, Polish, Vietnamese, ...), Greek and Cyrillic. Chinese, Japanese, Korean and
Indic scripts are not in the font and are reported as errors. Right-to-left text (Arabic,
Hebrew) has glyphs but is drawn in stored order, without bidi reordering or shaping.

Memory stays flat however long the deck: each back design, icon, QR code and sheet's crop
marks are drawn once as PDF Form XObjects and reused, fitted text is cached for repeated
strings only (an LRU), and each page is written to the file as soon as it ends
(exporters._reportlab.streaming_canvas).

Pictures are read with Pillow, cropped to their box's proportions (never stretched),
kept at no more than 300 pixels per inch, and converted to CMYK with ``--cmyk`` by the same
formula as every other colour (model.theme.cmyk_fractions).
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, BinaryIO

import attrs

from facilitate.errors import ExportError
from facilitate.exporters import builtin
from facilitate.exporters._reportlab import (
    BOLD,
    REGULAR,
    add_output_intent,
    draw_lines,
    draw_picture,
    draw_strings,
    fill,
    fix_canvas_dates,
    set_properties,
    streaming_canvas,
    stroke,
    use_cmyk,
)
from facilitate.layout import checking, fonts, icons, textfit
from facilitate.layout.card_face import (
    PAGE_MARGIN,
    SAFE,
    Block,
    Placed,
    back_text,
    band_height,
    card_face,
    category_colours,
    instructions_page,
)
from facilitate.layout.imposition import (
    MM,
    Box,
    Imposition,
    Line,
    RegistrationSheet,
    Slot,
    fold_layout,
    print_shop_layout,
    registration_sheet,
    sets_to_print,
    sheet_layout,
)
from facilitate.labels import ENGLISH, Labels, for_pack
from facilitate.layout.properties import DocumentProperties, cards_properties
from facilitate.layout.qr import QrCode
from facilitate.layout.units import Size, card_size, length, paper, to_mm
from facilitate.model.cards import Card, CardBack, CardDeck
from facilitate.model.theme import DEFAULT_THEME, Theme, mix, readable_on
from facilitate.options import BuildOptions, CardOptions, PaperOptions
from facilitate.output import Output

if TYPE_CHECKING:
    from facilitate.model import SessionPack
    from facilitate.model.session import Session

FILE_NAME = "cards.pdf"
TEST_SHEET_NAME = "duplex-test.pdf"
WEIGHTS = {REGULAR: "regular", BOLD: "bold"}
MARK_WIDTH = 0.3
CUT_LINE_COLOUR = "#b0b0b0"
#: Text keeps this far inside the cut on a print shop's cards (they cut stacks, less exactly).
PRINT_SHOP_SAFE = 4 * MM
#: Pictures are kept at no more than this many pixels per inch at their printed size.
MAX_PPI = 300


name, description, options = builtin('cards')


# --- the plan: options → imposition ------------------------------------------------------


def plan(cards: CardOptions, paper_name: str = "a4") -> Imposition:
    """The sheet plan these options ask for."""
    card = card_size(cards.size, cards.landscape)
    bleed = length(cards.bleed)
    if cards.print_shop:
        return print_shop_layout(card, bleed, backs=cards.duplex != "none")
    sheet = paper(paper_name)
    margin = length(cards.margin)
    if cards.fold:
        return fold_layout(sheet, card, bleed, margin=margin, shared_cuts=cards.shared_cuts)
    offset = (length(cards.offset_x), length(cards.offset_y))
    return sheet_layout(sheet, card, bleed, margin=margin, duplex=cards.duplex, back_offset=offset, shared_cuts=cards.shared_cuts)


def safe_zone(cards: CardOptions) -> float:
    """How far inside the cut the text keeps."""
    if cards.safe_zone is not None:
        return length(cards.safe_zone)
    return PRINT_SHOP_SAFE if cards.print_shop else SAFE


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


def _leads(deck: CardDeck, cards: CardOptions, imposition: Imposition) -> bool:
    """Whether the deck starts with an instruction page."""
    return bool(cards.instructions and imposition.kind != "print-shop" and (deck.instructions or deck.description))


@attrs.frozen
class DeckRun:
    """One deck as printed: how many sets, cards and pages."""

    deck: CardDeck
    sets: int
    cards: int
    #: The instruction page (and its blank back), if any.
    lead_pages: int
    pages: int


def runs(decks: Sequence[CardDeck], cards: CardOptions, imposition: Imposition, session: Session | None = None) -> tuple[DeckRun, ...]:
    """Each deck with its sets, cards and pages, as the PDF will hold them."""
    out = []
    for deck in decks:
        sets = sets_to_print(deck, session, cards.copies)
        count = len(deck.cards) * sets
        lead = (2 if imposition.backs_on_own_page else 1) if _leads(deck, cards, imposition) else 0
        out.append(DeckRun(deck, sets, count, lead, lead + imposition.pages(count)))
    return tuple(out)


def summary(deck_runs: Sequence[DeckRun], imposition: Imposition) -> str:
    """What the file holds, in words: "16 cards: 32 pages", or with sets and sheets."""
    cards = sum(run.cards for run in deck_runs)
    pages = sum(run.pages for run in deck_runs)
    counted = f"{cards} card{'s' if cards != 1 else ''}"
    if len(deck_runs) == 1 and deck_runs[0].sets > 1:
        one = deck_runs[0]
        counted = f"{len(one.deck.cards)} cards x {one.sets} sets = {cards} cards"
    plural = "s" if pages != 1 else ""
    if imposition.kind == "print-shop":
        return f"{counted}: {pages} page{plural}"
    sheets = sum(imposition.sheets(run.cards) for run in deck_runs)
    return f"{counted}, {imposition.per_sheet} per sheet: {sheets} sheet{'s' if sheets != 1 else ''}, {pages} page{plural}"


def outputs(pack: SessionPack, options: BuildOptions) -> list[Output]:
    """``cards.pdf`` with every deck of the pack (or the chosen ones); nothing if it has none."""
    cards = options[CardOptions]
    decks = chosen_decks(pack, cards.decks)
    if not decks:
        return []
    check_decks(decks)
    theme = pack.theme
    paper_name = options[PaperOptions].paper
    session = pack.session
    labels = for_pack(pack)
    return [Output(FILE_NAME, lambda handle: write_pdf(decks, handle, cards, theme, paper_name, session, labels))]


def deck_output(deck: CardDeck, options: BuildOptions | None = None, theme: Theme = DEFAULT_THEME, name: str = FILE_NAME,
                labels: Labels | None = None) -> Output:
    """One deck's printable PDF as an Output (for ``facilitate cards DECK``), in the deck's language."""
    options = options or BuildOptions()
    check_decks((deck,))
    cards, paper_name = options[CardOptions], options[PaperOptions].paper
    labels = (labels or ENGLISH).in_language(deck.language)
    return Output(name, lambda handle: write_pdf((deck,), handle, cards, theme, paper_name, labels=labels))


# --- checks before drawing -------------------------------------------------------------


#: Decks already checked and found drawable, by identity (a deck is frozen): a build checks
#: its decks when it plans the file and again as it writes it, and each deck is looked at once.
_DRAWABLE: weakref.WeakValueDictionary[int, CardDeck] = weakref.WeakValueDictionary()


def check_decks(decks: Iterable[CardDeck]) -> None:
    """An error naming the field if any text of a deck has a character the font lacks, or an icon is unknown."""
    for deck in decks:
        if _DRAWABLE.get(id(deck)) is deck:
            continue
        drawable = fonts.check_model_glyphs(deck)
        for owner in (deck, *deck.cards):
            if owner.icon:
                with checking.item():
                    icons.icon(owner.icon, owner)
        if drawable and not checking.is_collecting():  # outside validate, any problem has raised by now
            _DRAWABLE[id(deck)] = deck


# --- drawing ---------------------------------------------------------------------------


def _rect(canvas: Any, box: Box, colour: str) -> None:
    fill(canvas, colour)
    canvas.rect(box.x, box.y, box.width, box.height, stroke=0, fill=1)


def _text(canvas: Any, block: Block, left: float, width: float, bottom: float) -> None:
    """Draw a placed block, its first line's top at ``bottom + block.top``."""
    draw_lines(canvas, block.fitted, block.weight, block.colour, left + block.indent, bottom + block.top, width - block.indent, block.align)


class _Sheets:
    """Draws the decks onto the canvas: faces, backs, marks, instruction pages; keeps the forms it made."""

    def __init__(self, canvas: Any, imposition: Imposition, theme: Theme, cards: CardOptions, labels: Labels = ENGLISH) -> None:
        self.canvas = canvas
        self.labels = labels
        self.imposition = imposition
        self.theme = theme
        self.cards = cards
        #: The back's foot names the organisations the pack is from and for; their logos sit above it.
        self.organisation = theme.names
        self.logos = tuple(logo.path for logo in theme.logos())
        self.safe = safe_zone(cards)
        self.forms: dict[object, str] = {}

    def _form(self, key: object, define: Any) -> str:
        """The name of the form for ``key``, defining it with ``define(name)`` the first time."""
        name = self.forms.get(key)
        if name is None:
            name = f"f{len(self.forms)}"
            define(name)
            self.forms[key] = name
        return name

    # -- fronts --

    def face(self, slot: Slot, deck: CardDeck, card: Card, number: int, band: float, band_colour: str) -> None:
        """One card's face in its slot: background and band into the bleed, text in the safe zone."""
        canvas, trim = self.canvas, slot.trim
        face = card_face(deck, card, number, Size(trim.width, trim.height), self.theme, band, band_colour, self.safe)
        _rect(canvas, slot.bleed, self.theme.background)
        band_box = Box(slot.bleed.x, trim.top - band, slot.bleed.width, slot.bleed.top - trim.top + band)
        _rect(canvas, band_box, band_colour)
        if face.icon is not None:
            name, where, colour = face.icon
            self.icon(name, colour, _box(where, trim))
        if face.picture is not None and card.image is not None:
            box = _box(face.picture, trim)
            draw_picture(canvas, card.image.path, (box.x, box.y, box.width, box.height), f"deck {deck.id!r}, card {card.id!r}",
                         crop=True, dpi=MAX_PPI, ground=self.theme.background, alt=card.image.alt)
        if face.qr is not None:
            code, where = face.qr
            self.qr(code, _box(where, trim))
        for block in face.blocks:
            _text(canvas, block, trim.x + self.safe, trim.width - 2 * self.safe, trim.y)

    def icon(self, name: str, colour: str, box: Box) -> None:
        """A bundled icon filling ``box`` (a square), in ``colour``; drawn once as a form."""
        from reportlab.pdfgen.canvas import FILL_EVEN_ODD, FILL_NON_ZERO

        def define(form: str) -> None:
            canvas = self.canvas
            canvas.beginForm(form, 0, 0, icons.GRID, icons.GRID)
            fill(canvas, colour)
            for part in icons.icon(name).paths:
                path = canvas.beginPath()
                for letter, values in part.commands:
                    # The icon's y runs down from its top; the form's runs up.
                    points = [(values[i], icons.GRID - values[i + 1]) for i in range(0, len(values), 2)]
                    if letter == "M":
                        path.moveTo(*points[0])
                    elif letter == "L":
                        path.lineTo(*points[0])
                    elif letter == "C":
                        path.curveTo(*points[0], *points[1], *points[2])
                    else:
                        path.close()
                canvas.drawPath(path, stroke=0, fill=1, fillMode=FILL_EVEN_ODD if part.even_odd else FILL_NON_ZERO)
            canvas.endForm()

        form = self._form(("icon", name, colour), define)
        self._place(form, box, icons.GRID)

    def qr(self, code: QrCode, box: Box) -> None:
        """A QR code filling ``box`` (its quiet zone included), dark modules as filled rectangles; drawn once as a form."""

        def define(form: str) -> None:
            canvas = self.canvas
            canvas.beginForm(form, 0, 0, code.size, code.size)
            fill(canvas, "#000000")
            path = canvas.beginPath()
            for x, y, width, height in code.squares(0, 0, code.size):
                path.rect(x, y, width, height)
            canvas.drawPath(path, stroke=0, fill=1)
            canvas.endForm()

        form = self._form(("qr", code.url), define)
        self._place(form, box, code.size)

    def _place(self, form: str, box: Box, units: float) -> None:
        canvas = self.canvas
        canvas.saveState()
        canvas.translate(box.x, box.y)
        canvas.scale(box.width / units, box.height / units)
        canvas.doForm(form)
        canvas.restoreState()

    # -- backs --

    def back_form(self, deck: CardDeck, back: CardBack, sides: tuple[float, float, float, float]) -> str:
        """The back design as a form, origin at the card's lower-left cut corner, reaching ``sides``
        (left, bottom, right, top) past the cut: exactly the slot's bleed box."""
        card = self.imposition.card

        def define(form: str) -> None:
            canvas = self.canvas
            left, bottom, right, top = sides
            ink = readable_on(back.colour)
            text = back_text(deck, card, self.organisation, ink, len(self.logos), back, self.safe)
            full = Box(-left, -bottom, card.width + left + right, card.height + bottom + top)
            canvas.beginForm(form, full.x, full.y, full.right, full.top)
            _rect(canvas, full, back.colour)
            _pattern(canvas, back.pattern, full, mix(back.colour, ink, 0.14))
            inner = card.width - 2 * self.safe
            if back.image is not None and text.picture is not None:
                draw_picture(canvas, back.image.path, text.picture, f"deck {deck.id!r}: back", dpi=MAX_PPI, ground=back.colour,
                             alt=back.image.alt)
            for logo, box in zip(self.logos, text.logos):
                draw_picture(canvas, logo, box, f"deck {deck.id!r}: back (logo)", dpi=MAX_PPI, ground=back.colour)
            _text(canvas, text.title, self.safe, inner, 0.0)
            if text.foot is not None:
                _text(canvas, text.foot, self.safe, inner, 0.0)
            canvas.endForm()

        return self._form(("back", deck.id, back, tuple(round(v, 3) for v in sides)), define)

    def back(self, slot: Slot, deck: CardDeck, card: Card) -> None:
        """The card's back (its own, or the deck's) in a slot: exactly its bleed box, nothing past it."""
        trim, bleed = slot.trim, slot.bleed
        sides = (trim.x - bleed.x, trim.y - bleed.y, bleed.right - trim.right, bleed.top - trim.top)
        form = self.back_form(deck, card.back or deck.back, sides)
        canvas = self.canvas
        canvas.saveState()
        clip = canvas.beginPath()  # a pattern's stripes stop at the bleed box too
        clip.rect(bleed.x, bleed.y, bleed.width, bleed.height)
        canvas.clipPath(clip, stroke=0, fill=0)
        canvas.translate(trim.x, trim.y)
        canvas.doForm(form)
        canvas.restoreState()

    # -- marks --

    def marks(self, count: int, side: str) -> None:
        """Crop marks (and cut lines) for ``count`` cards on one side, drawn once as a form and reused."""
        imposition, cut_lines = self.imposition, self.cards.cut_lines

        def define(form: str) -> None:
            canvas = self.canvas
            canvas.beginForm(form)
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

        self.canvas.doForm(self._form(("marks", side, count), define))

    # -- a deck --

    def deck(self, index: int, run: DeckRun) -> None:
        canvas, imposition, theme, deck = self.canvas, self.imposition, self.theme, run.deck
        card = imposition.card
        band = band_height(deck, card.width - 2 * self.safe, self.safe)
        colours = category_colours(deck, theme)
        page_size = (imposition.page.width, imposition.page.height)
        canvas.bookmarkPage(f"deck{index}")
        canvas.addOutlineEntry(deck.title, f"deck{index}", 0)
        if run.lead_pages:
            # The instruction page (and its blank back) turned as the sheets that follow are.
            canvas.setPageSize(page_size)
            _instructions_page(canvas, deck, imposition, theme, imposition.page, run.sets, self.labels.in_language(deck.language))
            canvas.showPage()
            if run.lead_pages == 2:
                canvas.setPageSize(page_size)
                canvas.showPage()  # a blank back, so each sheet of fronts stays paired with its backs
        numbered = [(number, item) for _ in range(run.sets) for number, item in enumerate(deck.cards, 1)]
        per = imposition.per_sheet
        for start in range(0, len(numbered), per):
            chunk = numbered[start : start + per]
            canvas.setPageSize(page_size)
            for slot, (number, item) in zip(imposition.fronts, chunk):
                self.face(slot, deck, item, number, band, colours[item.category])
            if imposition.kind == "fold":
                for slot, (_, item) in zip(imposition.backs, chunk):
                    self.back(slot, deck, item)
            if imposition.kind != "print-shop":
                self.marks(len(chunk), "front")
            canvas.showPage()
            if imposition.backs_on_own_page:
                canvas.setPageSize(page_size)
                for slot, (_, item) in zip(imposition.backs, chunk):
                    self.back(slot, deck, item)
                if imposition.kind != "print-shop":
                    self.marks(len(chunk), "back")
                canvas.showPage()


def _box(placed: Placed, trim: Box) -> Box:
    """A placement on a card (from its cut corner) as a box on the page."""
    return Box(trim.x + placed.x, trim.y + placed.y, placed.width, placed.height)


def _pattern(canvas: Any, pattern: str, full: Box, tint: str) -> None:
    """The back's dots or stripes over the whole card and its bleed (dots whole, stripes clipped to it)."""
    if pattern == "dots":
        fill(canvas, tint)
        step = 4 * MM
        radius = 0.6 * MM
        y = full.y + step / 2
        row = 0
        while y + radius <= full.top:
            x = full.x + (step / 2 if row % 2 else step)
            while x + radius <= full.right:
                canvas.circle(x, y, radius, stroke=0, fill=1)
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


def _draw_lines(canvas: Any, lines: Sequence[Line]) -> None:
    """Crop marks: a white underlay so they show on any background, black on top."""
    canvas.saveState()
    canvas.setLineCap(0)
    for colour, width in (("#ffffff", MARK_WIDTH * 3), ("#000000", MARK_WIDTH)):
        stroke(canvas, colour)
        canvas.setLineWidth(width)
        canvas.lines([(line.x1, line.y1, line.x2, line.y2) for line in lines])
    canvas.restoreState()


def _instructions_page(canvas: Any, deck: CardDeck, imposition: Imposition, theme: Theme, page: Size, sets: int = 1,
                       labels: Labels = ENGLISH) -> None:
    """A leading page: how to use the deck in the room, and how to print and cut it (planned in layout.card_face)."""
    for line in instructions_page(deck, printing_notes(imposition, len(deck.cards), sets, labels), theme, page, labels):
        if line.label is not None:
            _text(canvas, line.label, PAGE_MARGIN, line.left - PAGE_MARGIN, 0.0)
        _text(canvas, line.block, line.left, line.width, 0.0)


def printing_notes(imposition: Imposition, cards: int, sets: int = 1, labels: Labels = ENGLISH) -> list[str]:
    """What to tell the printer and the person with the scissors, for this layout."""
    _ = labels.gettext
    total = cards * sets
    sheets = imposition.sheets(total)
    counted = labels.ngettext("{count} card", "{count} cards", cards).format(count=cards)
    if sets > 1:
        counted = _("{cards} x {sets} sets = {total} cards").format(cards=counted, sets=sets, total=total)
    notes = [
        labels.ngettext("{cards}, {per_sheet} to a sheet: {count} sheet.", "{cards}, {per_sheet} to a sheet: {count} sheets.", sheets).format(
            cards=counted, per_sheet=imposition.per_sheet, count=sheets),
        _("Print at actual size (100%, not 'fit to page')."),
    ]
    if sets > 1:
        notes.append(_("Each set is numbered 1/{cards} to {cards}/{cards}: deal the cut cards into {sets} piles by number.").format(
            cards=cards, sets=sets))
    if imposition.kind == "fold":
        notes.append(_("Print single-sided. Fold each sheet along the dashed line, glue the halves together, then cut along the crop marks."))
    elif imposition.kind == "print-shop":
        notes.append(_("One card per page with bleed; the trim box marks the cut."))
    elif imposition.has_backs:
        if imposition.duplex == "long-edge":
            notes.append(_("Print double-sided, flipping on the long edge: every sheet of card fronts is followed by its sheet of backs."))
        else:
            notes.append(_("Print double-sided, flipping on the short edge: every sheet of card fronts is followed by its sheet of backs."))
        notes.append(_("If the backs land off-centre, print the duplex test sheet (facilitate cards --test-sheet) and use the offsets it shows."))
    else:
        notes.append(_("Print single-sided (these sheets have no backs)."))
    if imposition.shared_cuts:
        notes.append(_("The cards touch: one cut between neighbours. Stack the sheets and cut along the crop marks, outside edges first."))
    else:
        notes.append(_("Cut along the lines the crop marks show; the colour runs past the cut so a slightly wide cut leaves no white edge."))
    return notes


def check(pack: SessionPack, options: BuildOptions) -> None:
    """Lay out every card of every deck the build would print (a build does it page by page as it writes)."""
    check_decks_layout(chosen_decks(pack, options[CardOptions].decks), options, pack.theme, pack.session, for_pack(pack))


def check_decks_layout(decks: Sequence[CardDeck], options: BuildOptions, theme: Theme = DEFAULT_THEME, session: Session | None = None,
                       labels: Labels | None = None) -> None:
    """Every card face, back and instructions page of ``decks`` laid out, each problem noted (layout.checking)."""
    cards = options[CardOptions]
    check_decks(decks)
    imposition = plan(cards, options[PaperOptions].paper)
    card, safe = imposition.card, safe_zone(cards)
    logos = len(theme.logos())
    for run in runs(decks, cards, imposition, session):
        deck = run.deck
        band = band_height(deck, card.width - 2 * safe, safe)  # labels: shortened, never an error
        for back in dict.fromkeys((deck.back, *(item.back for item in deck.cards if item.back is not None))):
            with checking.item():
                back_text(deck, card, theme.names, readable_on(back.colour), logos, back, safe)
        if run.lead_pages:
            deck_labels = (labels or ENGLISH).in_language(deck.language)
            with checking.item():
                instructions_page(deck, printing_notes(imposition, len(deck.cards), run.sets, deck_labels), theme, imposition.page, deck_labels)
        for number, item in enumerate(deck.cards, start=1):
            with checking.item():
                card_face(deck, item, number, card, theme, band, safe=safe)


def _sheet_hints(canvas: Any, imposition: Imposition) -> None:
    """Tell the print dialogue what the sheets need: actual size, and the edge to flip on."""
    if imposition.kind == "print-shop":
        return
    canvas.setViewerPreference("PrintScaling", "None")
    if imposition.kind == "sheet" and imposition.has_backs:
        canvas.setViewerPreference("Duplex", "DuplexFlipLongEdge" if imposition.duplex == "long-edge" else "DuplexFlipShortEdge")


def write_pdf(
    decks: Sequence[CardDeck],
    handle: BinaryIO,
    cards: CardOptions | None = None,
    theme: Theme = DEFAULT_THEME,
    paper_name: str = "a4",
    session: Session | None = None,
    labels: Labels | None = None,
) -> None:
    """Write the card sheets of ``decks`` as one PDF to ``handle``.

    ``session`` (when the decks belong to one) gives the author and the number of tables
    that "one set per table" counts; ``labels`` the language of facilitate's words (a
    deck's own language wins for its pages), by default the session's.
    """
    labels = labels or (Labels(session.language, session.clock) if session is not None else ENGLISH)
    cards = cards or CardOptions()
    check_decks(decks)
    fonts.check_glyphs(theme.organisation, "regular", owner=theme, field=("organisation",))
    fonts.check_glyphs(theme.partner, "regular", owner=theme, field=("partner",))
    imposition = plan(cards, paper_name)
    deck_runs = runs(decks, cards, imposition, session)
    canvas = _start(handle, imposition.page, cards_properties(decks, theme, session, labels), cards.cmyk)
    _sheet_hints(canvas, imposition)
    if imposition.kind == "print-shop":
        trim, bleed_box = imposition.trim_box, imposition.bleed_box
        assert trim is not None and bleed_box is not None
        canvas.setTrimBox((trim.x, trim.y, trim.right, trim.top))
        canvas.setBleedBox((bleed_box.x, bleed_box.y, bleed_box.right, bleed_box.top))
    drawer = _Sheets(canvas, imposition, theme, cards, labels)
    for index, run in enumerate(deck_runs):
        drawer.deck(index, run)
    canvas.save()


def _start(handle: BinaryIO, page: Size, properties: DocumentProperties, cmyk: bool) -> Any:
    canvas = streaming_canvas(handle, (page.width, page.height), REGULAR)
    fix_canvas_dates(canvas)
    set_properties(canvas, properties)
    if cmyk:
        use_cmyk(canvas)
        add_output_intent(canvas)
    return canvas


# --- the duplex test sheet -------------------------------------------------------------------


def write_test_sheet(handle: BinaryIO, cards: CardOptions | None = None, paper_name: str = "a4", theme: Theme = DEFAULT_THEME,
                     labels: Labels = ENGLISH) -> None:
    """The duplex test sheet: a front with registration targets, a back with a millimetre scale behind each.

    Print it double-sided, hold it to the light, and read where each target falls on its
    scale: that is how far to move the backs (add it to the --offset-x/--offset-y used).
    """
    cards = cards or CardOptions()
    offset = (length(cards.offset_x), length(cards.offset_y))
    sheet = registration_sheet(paper(paper_name), cards.duplex, offset, length(cards.margin))
    _ = labels.gettext
    properties = DocumentProperties(
        _("Duplex test sheet"), theme.organisation, _("Registration targets and millimetre scales for double-sided printing"),
        ("duplex", _("test sheet"), _("cards")), labels.language,
    )
    canvas = _start(handle, sheet.page, properties, cards.cmyk)
    canvas.setViewerPreference("PrintScaling", "None")
    canvas.setViewerPreference("Duplex", "DuplexFlipLongEdge" if sheet.duplex == "long-edge" else "DuplexFlipShortEdge")
    _test_front(canvas, sheet, theme, labels)
    canvas.showPage()
    _test_back(canvas, sheet, theme, labels)
    canvas.showPage()
    canvas.save()


def _test_words(canvas: Any, sheet: RegistrationSheet, lines: Sequence[str], theme: Theme) -> None:
    """A heading and a few lines at the top of the printable area, centred between the targets."""
    page, area = sheet.page, sheet.printable
    top = area.top - 4 * MM
    width = page.width - 2 * 45 * MM
    draw_lines(canvas, textfit.Fitted(14.0, (lines[0],)), "bold", theme.primary, 45 * MM, top, width, "centre")
    top -= 14.0 * textfit.LEADING + 2 * MM
    for line in lines[1:]:
        wrapped = textfit.Fitted(9.0, tuple(textfit.wrap(line, width, 9.0, fonts.metrics("regular").width)))
        draw_lines(canvas, wrapped, "regular", theme.text, 45 * MM, top, width, "centre")
        top -= wrapped.height + 1 * MM


def _test_front(canvas: Any, sheet: RegistrationSheet, theme: Theme, labels: Labels = ENGLISH) -> None:
    _ = labels.gettext
    flip = (_("Print this sheet double-sided at actual size (100%), flipping on the long edge, on the paper you will use for the cards.")
            if sheet.duplex == "long-edge"
            else _("Print this sheet double-sided at actual size (100%), flipping on the short edge, on the paper you will use for the cards."))
    _test_words(canvas, sheet, (
        _("Duplex test sheet: front"),
        flip,
        _("Hold the printed sheet up to a window and look at the back: each target shows through onto a millimetre scale."),
    ), theme)
    canvas.saveState()
    canvas.setLineCap(0)
    stroke(canvas, "#000000")
    canvas.setLineWidth(0.25)
    for target in sheet.targets:
        x, y = target.front
        canvas.line(x - 8 * MM, y, x + 8 * MM, y)
        canvas.line(x, y - 8 * MM, x, y + 8 * MM)
        for radius in (2 * MM, 4 * MM, 6 * MM):
            canvas.circle(x, y, radius, stroke=1, fill=0)
    canvas.restoreState()


def _test_back(canvas: Any, sheet: RegistrationSheet, theme: Theme, labels: Labels = ENGLISH) -> None:
    _ = labels.gettext
    dx, dy = (to_mm(value) for value in sheet.offset)
    _test_words(canvas, sheet, (
        _("Duplex test sheet: back"),
        _("These scales were printed with --offset-x {x} --offset-y {y}. Read the number under the centre of each target,"
          " across and up: add it to those offsets and print your cards with the result.").format(x=f"{dx:g}", y=f"{dy:g}"),
        _("If the targets read differently from each other, the printer skews the sheet: use the middle one. Upside down? Use the other --duplex."),
    ), theme)
    reach = sheet.reach
    canvas.saveState()
    canvas.setLineCap(0)
    stroke(canvas, "#000000")
    ticks: list[tuple[float, float, str]] = []
    for target in sheet.targets:
        x, y = target.back
        canvas.setLineWidth(0.2)
        canvas.line(x - reach, y, x + reach, y)
        canvas.line(x, y - reach, x, y + reach)
        for step in range(-10, 11):
            long = step % 5 == 0
            tick = (2.5 if long else 1.2) * MM
            at = step * MM
            canvas.setLineWidth(0.3 if long else 0.15)
            canvas.line(x + at, y - tick, x + at, y + tick)
            canvas.line(x - tick, y + at, x + tick, y + at)
            if long and step:
                # Each label in its own quarter round the centre, so none overlaps another:
                # x's numbers above the line on the right, below it on the left; y's on the
                # left going up, on the right going down.
                label = f"{step:+d}"
                wide = fonts.metrics("regular").width(label, 6.5)
                ticks.append((x + at - wide / 2, y + tick + 1 * MM if step > 0 else y - tick - 3.2 * MM, label))
                ticks.append((x - tick - 1 * MM - wide if step > 0 else x + tick + 1 * MM, y + at - 0.8 * MM, label))
        ticks.append((x + reach + 1 * MM, y - 1.0 * MM, "x"))
        ticks.append((x - 0.8 * MM, y + reach + 1 * MM, "y"))
    canvas.restoreState()
    draw_strings(canvas, ticks, "regular", 6.5, theme.text)
