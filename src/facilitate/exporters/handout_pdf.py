"""Handouts and worksheets as PDF (reportlab platypus), A4 or Letter.

Renders the same documents as the Markdown and HTML handouts (layout.document), so
every format says the same thing, plus the worksheets (layout.worksheets): run-sheet,
participant handout, a turn-the-curve worksheet per curve, a self-assessment per
rubric, a poster and a worksheet per question ladder, and reflection cards.

One renderer per block type, chosen by the block's class. Text is measured with the
embedded DejaVu Sans; boxes of fixed size shrink their text to a floor and past it
grow (and flow to the next page) or raise TextOverflowError; nothing is clipped.
Output is deterministic: reportlab's invariant mode and ``source_date_epoch()``.
"""

from __future__ import annotations

import functools
import io
import time
from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape

import attrs

from facilitate.errors import ExportError, TextOverflowError
from facilitate.layout import chart, fonts, textfit, worksheets
from facilitate.layout.document import (
    BarChart,
    Block,
    Bullets,
    ComparisonChart,
    CurveChart,
    CutCard,
    CutCards,
    Document,
    Heading,
    NotesRow,
    NotesSpace,
    PageBreak,
    Paragraph,
    QuoteBlock,
    Staircase,
    Step,
    Table,
    participant_handout,
    run_sheet,
)
from facilitate.layout.units import length, paper
from facilitate.model import SessionPack, Theme
from facilitate.model.theme import DEFAULT_THEME, readable_on
from facilitate.options import BuildOptions, source_date_epoch
from facilitate.output import Output

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"

MARGIN = length("15mm")
BARE_MARGIN = length("12mm")
#: Space above the frame for the running header, and below it for the footer.
HEADER = 26.0
FOOTER = 20.0
HEADER_SIZE, HEADER_FLOOR = 8.0, 6.0

BODY = 9.5
CELL = 8.5
#: Boxes for writing by hand: line pitch, padding, and the sizes text shrinks between.
PITCH = 20.0
PAD = 6.0
#: Below the last ruled line of a box, so it does not sit on the border.
BOX_FOOT = 10.0
BOX_TEXT, BOX_FLOOR = 9.5, 8.0
CARD_TEXT, CARD_FLOOR = 10.5, 7.0
STEP_TEXT, STEP_FLOOR = 10.0, 6.5
BLANK_ROW = 24.0
#: Rows of tick boxes are tall enough to tick without touching the next row.
TICK_ROW = 30.0
LIGHT_RULE = "#bdbdbd"
GRID = "#8c8c8c"
ZEBRA = "#f2f5f8"


# --- what is produced ------------------------------------------------------------------


def documents(pack: SessionPack) -> list[tuple[str, Document]]:
    """Every PDF of the pack as (file name, document), in build order."""
    files = [("runsheet.pdf", run_sheet(pack)), ("handout.pdf", participant_handout(pack))]
    for curve in pack.curves:
        files.append((f"worksheet-{curve.id}.pdf", worksheets.curve_worksheet(pack, curve)))
    for rubric in pack.rubrics:
        files.append((f"assessment-{rubric.id}.pdf", worksheets.assessment(pack, rubric)))
    for ladder in pack.ladders:
        files.append((f"ladder-{ladder.id}.pdf", worksheets.ladder_poster(pack, ladder)))
        files.append((f"ladder-worksheet-{ladder.id}.pdf", worksheets.ladder_worksheet(pack, ladder)))
    if pack.reflections:
        files.append(("reflection-cards.pdf", worksheets.reflection_cards(pack)))
    return files


def outputs(pack: SessionPack, options: BuildOptions) -> list[Output]:
    """The run-sheet, the participant handout and the worksheets; text the font cannot draw fails now."""
    files = [(name, printable(doc, name)) for name, doc in documents(pack)]
    theme, page_size = pack.theme, options.page_size
    return [
        Output(name, lambda handle, doc=doc, name=name: handle.write(render(doc, theme, page_size, name)))
        for name, doc in files
    ]


# --- text as drawn ---------------------------------------------------------------------


def _map_text(value, change: Callable[[str], str]):
    """``value`` with every string inside it (blocks, tuples, data points) passed through ``change``."""
    if isinstance(value, str):
        return change(value)
    if isinstance(value, tuple):
        return tuple(_map_text(item, change) for item in value)
    if attrs.has(type(value)):
        return attrs.evolve(
            value, **{field.name: _map_text(getattr(value, field.name), change) for field in attrs.fields(type(value)) if field.init}
        )
    return value


def printable(doc: Document, where: str) -> Document:
    """``doc`` with its text cleaned; ExportError naming the character if the font lacks one."""
    found: list[str] = []

    def collect(text: str) -> str:
        text = fonts.printable(text)
        found.append(text)
        return text

    doc = _map_text(doc, collect)
    for weight in ("regular", "bold"):
        if not fonts.metrics(weight).missing("".join(found)):
            continue
        for text in found:
            snippet = text if len(text) <= 60 else text[:57] + "..."
            fonts.check_glyphs(text, weight, f"{where}: {snippet!r}")
    return doc


def _markup(text: str) -> str:
    """Plain text as reportlab paragraph markup: escaped, newlines kept."""
    return escape(text).replace("\n", "<br/>")


def _width(text: str, size: float, bold: bool = False) -> float:
    return fonts.metrics("bold" if bold else "regular").width(text, size)


def _measure(bold: bool = False) -> textfit.Measure:
    return textfit.measure_with("bold" if bold else "regular")


# --- rendering a document --------------------------------------------------------------


@functools.cache
def register_fonts() -> None:
    """Register the bundled DejaVu Sans (regular, bold) with reportlab, once."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(REGULAR, str(fonts.font_path("regular"))))
    pdfmetrics.registerFont(TTFont(BOLD, str(fonts.font_path("bold"))))
    for bold, italic, name in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
        addMapping(REGULAR, bold, italic, name)


def page_size(name: str, orientation: str = "portrait") -> tuple[float, float]:
    """The page in points, width first; landscape turns it."""
    size = paper(name)
    return (size.height, size.width) if orientation == "landscape" else (size.width, size.height)


def render(doc: Document, theme: Theme = DEFAULT_THEME, paper_name: str = "a4", where: str = "") -> bytes:
    """``doc`` as PDF bytes on ``paper_name`` paper."""
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
    from reportlab.platypus.doctemplate import LayoutError

    register_fonts()
    where = where or doc.title
    width, height = page_size(paper_name, doc.orientation)
    if doc.running_heads:
        margin = MARGIN
        frame = Frame(margin, margin + FOOTER, width - 2 * margin, height - 2 * margin - HEADER - FOOTER,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        heads = _running_heads(doc, width - 2 * margin, where)
    else:
        margin = BARE_MARGIN
        frame = Frame(margin, margin, width - 2 * margin, height - 2 * margin,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        heads = None
    renderer = _Renderer(theme, frame._width, frame._height, margin, where)
    story = renderer.story(doc)
    buffer = io.BytesIO()
    template = BaseDocTemplate(
        buffer,
        pagesize=(width, height),
        pageTemplates=[PageTemplate("page", [frame])],
        invariant=1,
        title=doc.title,
        subject=doc.subtitle,
        author="facilitate",
        creator="facilitate",
        # Only the embedded font: otherwise every page names an unembedded Helvetica.
        initialFontName=REGULAR,
        initialFontSize=BODY,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
    )
    try:
        template.build(story, canvasmaker=_canvas_maker(theme, heads, margin))
    except LayoutError as error:
        raise TextOverflowError(
            f"{where}: something is too large for one page even at the smallest text size ({' '.join(str(error).split())[:200]})"
        ) from None
    except TextOverflowError as error:
        # reportlab re-raises errors from inside a flowable with its own note in front.
        raise TextOverflowError(str(error).strip().split("\n")[-1].strip()) from None
    return buffer.getvalue()


@attrs.frozen
class _Heads:
    """The running header's lines, fitted once per document."""

    left: textfit.Fitted
    right: textfit.Fitted


def _running_heads(doc: Document, width: float, where: str) -> _Heads:
    """Title left, subtitle right, on at most two lines each; the title has what the subtitle leaves."""
    gap = 12.0
    right = min(_width(doc.subtitle, HEADER_SIZE) + 1, (width - gap) / 2)
    height = 2 * HEADER_SIZE * textfit.LEADING
    return _Heads(
        textfit.fit(doc.title, width - gap - right, height, HEADER_SIZE, HEADER_FLOOR, measure=_measure(True),
                    what=f"{where}: page header (title)"),
        textfit.fit(doc.subtitle, right, height, HEADER_SIZE, HEADER_FLOOR, measure=_measure(),
                    what=f"{where}: page header (subtitle)"),
    )


def _timestamp():
    """reportlab's document timestamp set to ``source_date_epoch()`` (UTC)."""
    from reportlab.pdfbase.pdfdoc import TimeStamp

    stamp = TimeStamp(invariant=1)
    stamp.t = source_date_epoch()
    stamp.lt = time.gmtime(stamp.t)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    stamp.dhh = stamp.dmm = 0
    stamp.tzname = "UTC"
    return stamp


def _canvas_maker(theme: Theme, heads: _Heads | None, margin: float):
    """A canvas class that holds pages back to write "page N of M" and the header on each."""
    from reportlab.pdfgen.canvas import Canvas

    class PagedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._doc._timeStamp = _timestamp()
            self._held: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                if heads is not None:
                    _draw_heads(self, heads, theme, margin, number, total)
                super().showPage()
            super().save()

    return PagedCanvas


def _draw_heads(canvas, heads: _Heads, theme: Theme, margin: float, number: int, total: int) -> None:
    width, height = canvas._pagesize
    top = height - margin
    canvas.saveState()
    canvas.setFillColor(_colour(theme.primary))
    canvas.setFont(BOLD, heads.left.size)
    for index, line in enumerate(heads.left.lines):
        canvas.drawString(margin, top - (index + 1) * heads.left.size * heads.left.leading + 2, line)
    canvas.setFillColor(_colour(theme.muted))
    canvas.setFont(REGULAR, heads.right.size)
    for index, line in enumerate(heads.right.lines):
        canvas.drawRightString(width - margin, top - (index + 1) * heads.right.size * heads.right.leading + 2, line)
    canvas.setStrokeColor(_colour(theme.primary))
    canvas.setLineWidth(0.6)
    canvas.line(margin, top - HEADER + 4, width - margin, top - HEADER + 4)
    canvas.setFillColor(_colour(theme.muted))
    canvas.setFont(REGULAR, 8)
    canvas.drawRightString(width - margin, margin + 4, f"page {number} of {total}")
    canvas.restoreState()


def _colour(value: str):
    from reportlab.lib.colors import HexColor

    return HexColor(value)


def _mix(colour: str, toward: str, amount: float) -> str:
    """``colour`` moved ``amount`` (0..1) of the way to ``toward``, as #rrggbb."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(toward[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b))


class _Renderer:
    """Turns blocks into platypus flowables, one method per block type."""

    def __init__(self, theme: Theme, width: float, height: float, margin: float, where: str) -> None:
        self.theme = theme
        self.width = width
        self.height = height
        self.margin = margin
        self.where = where
        self.styles = _styles(theme)

    def story(self, doc: Document) -> list:
        from reportlab.platypus import CondPageBreak, Spacer

        flowables: list = []
        cards_only = all(isinstance(block, CutCards) for block in doc.blocks)
        if not cards_only:
            centred = not doc.running_heads
            flowables.append(self.paragraph(doc.title, "poster-title" if centred else "title"))
            if doc.subtitle:
                flowables.append(self.paragraph(doc.subtitle, "poster-subtitle" if centred else "subtitle"))
            flowables.append(Spacer(1, 6))
        # A heading stays with the block after it (when that is short) and never ends a
        # page; a short level-3 section stays on one page.
        limit = self.height * SECTION_SHARE
        blocks = list(doc.blocks)
        section: list | None = None
        index = 0
        while index < len(blocks):
            block = blocks[index]
            if isinstance(block, (Heading, PageBreak)) and section is not None:
                flowables.append(_keep_short(section, limit))
                section = None
            if isinstance(block, Heading):
                if block.level >= 3:
                    section = []
                group = self.block(block)
                if index + 1 < len(blocks) and not isinstance(blocks[index + 1], (Heading, PageBreak)):
                    index += 1
                    group += self.block(blocks[index])
                part = [CondPageBreak(HEADING_ROOM), _keep_short(group, limit)]
            else:
                part = self.block(block)
            (flowables if section is None else section).extend(part)
            index += 1
        if section is not None:
            flowables.append(_keep_short(section, limit))
        return flowables

    def block(self, block: Block) -> list:
        handler = getattr(self, "_" + type(block).__name__.lower(), None)
        if handler is None:
            raise ExportError(f"{self.where}: the PDF handouts cannot draw a {type(block).__name__} block")
        return handler(block)

    def paragraph(self, text: str, style: str):
        from reportlab.platypus import Paragraph as Para

        return Para(_markup(text), self.styles[style])

    # One method per block type -------------------------------------------------------

    def _heading(self, block: Heading) -> list:
        return [self.paragraph(block.text, f"h{min(max(block.level, 1), 3)}")]

    def _paragraph(self, block: Paragraph) -> list:
        return [self.paragraph(block.text, block.style if block.style in ("lead", "small") else "body")]

    def _bullets(self, block: Bullets) -> list:
        from reportlab.platypus import Paragraph as Para

        items = []
        for number, item in enumerate(block.items, start=1):
            if item.startswith("☐ "):
                items.append(Para(_markup(item[2:]), self.styles["tick"], bulletText="☐"))
            else:
                items.append(Para(_markup(item), self.styles["bullet"], bulletText=f"{number}." if block.numbered else "•"))
        return items

    def _table(self, block: Table) -> list:
        from reportlab.platypus import Paragraph as Para
        from reportlab.platypus import Table as Grid

        widths = column_widths(block, self.width)
        header = [Para(_markup(cell), self.styles["th"]) for cell in block.header]
        rows = [header]
        minimum = [0.0]
        shading = []
        for number, row in enumerate(block.rows):
            if not any(cell.strip() for cell in row):
                least = BLANK_ROW
            else:
                least = TICK_ROW if any(cell.startswith("☐") for cell in row) else 0.0
            cells = [self._cell(cell) for cell in row] + [self._cell("")] * (len(widths) - len(row))
            for part in self._row_parts(cells, widths):
                if number % 2:
                    shading.append(("BACKGROUND", (0, len(rows)), (-1, len(rows)), _colour(ZEBRA)))
                rows.append(part)
                minimum.append(least)
        grid = Grid(rows, colWidths=widths, repeatRows=1, minRowHeights=minimum, hAlign="LEFT", spaceBefore=2, spaceAfter=6)
        grid.setStyle(self._table_style(shading))
        return [grid]

    def _row_parts(self, cells: list, widths: Sequence[float]) -> list[list]:
        """A table row, cut into rows that each fit on a page (the rest continues in the next).

        reportlab can split a row itself, but repeats the header row inside the cut, so
        the row is cut here instead, between lines of its paragraphs.
        """
        from reportlab.platypus import Paragraph as Para

        limit = self.height * 0.8
        parts = []
        while True:
            heights = [cell.wrap(width - CELL_PADDING, 1e9)[1] + CELL_PADDING for cell, width in zip(cells, widths)]
            if max(heights) <= limit:
                parts.append(cells)
                return parts
            first, rest = [], []
            for cell, width, height in zip(cells, widths, heights):
                if height <= limit:
                    first.append(cell)
                    rest.append(Para("", self.styles["td"]))
                    continue
                pieces = cell.split(width - CELL_PADDING, limit - CELL_PADDING)
                if len(pieces) < 2:
                    raise TextOverflowError(f"{self.where}: a table cell cannot be split across pages")
                first.append(pieces[0])
                rest.append(pieces[1])
            parts.append(first)
            cells = rest

    def _cell(self, text: str):
        from reportlab.platypus import Paragraph as Para

        if text.startswith("☐"):
            rest = _markup(text[1:].lstrip())
            return Para(f'<font size="{CELL + 5}">☐</font> {rest}', self.styles["td-tick"])
        return Para(_markup(text), self.styles["td"])

    def _table_style(self, shading: list):
        from reportlab.platypus import TableStyle

        theme = self.theme
        return TableStyle(
            [
                # Tables set a font per cell even around paragraphs: name the embedded one.
                ("FONT", (0, 0), (-1, -1), REGULAR, CELL),
                ("BACKGROUND", (0, 0), (-1, 0), _colour(theme.primary)),
                *shading,
                ("GRID", (0, 0), (-1, -1), 0.5, _colour(GRID)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )

    def _quoteblock(self, block: QuoteBlock) -> list:
        from reportlab.platypus import Table as Grid
        from reportlab.platypus import TableStyle

        credit = f"— {block.author}" + (f", {block.source}" if block.source else "")
        rows = self._row_parts([self.paragraph(block.text, "quote")], [self.width])
        rows[-1] = [[rows[-1][0], self.paragraph(credit, "small")]]
        grid = Grid(rows, colWidths=[self.width], hAlign="LEFT", spaceBefore=4, spaceAfter=6)
        grid.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), REGULAR, CELL),
            ("LINEBEFORE", (0, 0), (0, -1), 3, _colour(self.theme.accent)),
            ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]))
        return [grid]

    def _notesspace(self, block: NotesSpace) -> list:
        return [_flowable(_NotesRowFlowable)((block,), self.theme, self.height, self.where)]

    def _notesrow(self, block: NotesRow) -> list:
        return [_flowable(_NotesRowFlowable)(block.spaces, self.theme, self.height, self.where)]

    def _curvechart(self, block: CurveChart) -> list:
        from reportlab.platypus import KeepTogether

        return [KeepTogether([self.paragraph(block.caption, "caption"), curve_drawing(block, self.width, self.theme)])]

    def _barchart(self, block: BarChart) -> list:
        from reportlab.platypus import KeepTogether

        return [KeepTogether([self.paragraph(block.caption, "caption"), bar_drawing(block, self.width, self.theme, self.where)])]

    def _comparisonchart(self, block: ComparisonChart) -> list:
        from reportlab.platypus import KeepTogether

        drawing = comparison_drawing(block, self.width, self.theme, self.where)
        return [KeepTogether([self.paragraph(block.caption, "caption"), drawing])]

    def _staircase(self, block: Staircase) -> list:
        return [_flowable(_StaircaseFlowable)(block, self.theme, self.where)]

    def _cutcards(self, block: CutCards) -> list:
        from reportlab.platypus import PageBreak as Break

        sheets: list = []
        for start in range(0, len(block.cards), 4):
            if sheets:
                sheets.append(Break())
            sheets.append(_flowable(_CardSheet)(block.cards[start : start + 4], self.theme, self.margin, self.where))
        return sheets

    def _pagebreak(self, block: PageBreak) -> list:
        from reportlab.platypus import PageBreak as Break

        return [Break()]


CELL_PADDING = 8.0


def _longest_word(text: str, bold: bool = False) -> float:
    """The width of the widest unbreakable run in ``text`` at table-cell size."""
    size = CELL
    extra = 0.0
    if text.startswith("☐"):
        text, extra = text[1:], _width("☐ ", CELL + 5)
    return max((_width(word, size, bold) for word in text.split()), default=0.0) + extra


def column_widths(block: Table, total: float) -> list[float]:
    """Column widths in proportion to the block's weights, widened so no word has to break.

    A column narrower than its widest word (a clock time, a long name) takes the room it
    needs from the others, in proportion to their spare width; if the words cannot all
    fit, the proportions stand and reportlab breaks the longest words.
    """
    columns = len(block.header)
    weights = block.widths if len(block.widths) == columns else (1.0,) * columns
    widths = [total * weight / sum(weights) for weight in weights]
    needs = [
        max([_longest_word(block.header[index], bold=True)] + [_longest_word(row[index]) for row in block.rows if index < len(row)])
        + CELL_PADDING
        for index in range(columns)
    ]
    if sum(needs) > total:
        return widths
    for _ in range(columns):
        short = sum(max(need - width, 0.0) for need, width in zip(needs, widths))
        if short <= 1e-6:
            break
        spare = [max(width - need, 0.0) for need, width in zip(needs, widths)]
        pool = sum(spare)
        widths = [
            max(width, need) if need > width else width - short * slack / pool
            for width, need, slack in zip(widths, needs, spare)
        ]
    return widths


#: A level-3 section up to this share of a page is kept on one page.
SECTION_SHARE = 0.45
#: Room a heading needs below it on a page, or it starts the next one.
HEADING_ROOM = 110.0


def _keep_short(flowables: list, limit: float):
    """``flowables`` kept on one page if together they are at most ``limit`` tall, else left to flow."""
    keep = _keep_short_class()(flowables)
    keep.limit = limit
    return keep


@functools.cache
def _keep_short_class() -> type:
    from reportlab.platypus import KeepTogether

    class KeepShort(KeepTogether):
        limit = 0.0

        def split(self, available_width, available_height):
            if getattr(self, "_wrapInfo", None) != (available_width, available_height):
                self.wrap(available_width, available_height)
            if self._H > self.limit:
                return self._content[:]
            return super().split(available_width, available_height)

    return KeepShort


def _styles(theme: Theme) -> dict:
    from reportlab.lib.styles import ParagraphStyle

    text, muted, primary = _colour(theme.text), _colour(theme.muted), _colour(theme.primary)
    base = ParagraphStyle("base", fontName=REGULAR, fontSize=BODY, leading=BODY * 1.38, textColor=text)

    def style(name: str, **changes) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **changes)

    return {
        "title": style("title", fontName=BOLD, fontSize=18, leading=22, textColor=primary, spaceAfter=2),
        "subtitle": style("subtitle", textColor=muted, spaceAfter=6),
        "poster-title": style("poster-title", fontName=BOLD, fontSize=24, leading=29, textColor=primary, alignment=1),
        "poster-subtitle": style("poster-subtitle", fontSize=12, leading=15, textColor=muted, alignment=1),
        "h1": style("h1", fontName=BOLD, fontSize=16, leading=20, textColor=primary, spaceBefore=12, spaceAfter=4),
        "h2": style("h2", fontName=BOLD, fontSize=13, leading=16.5, textColor=primary, spaceBefore=11, spaceAfter=4),
        "h3": style("h3", fontName=BOLD, fontSize=10.5, leading=13.5, spaceBefore=7, spaceAfter=2),
        "body": style("body", spaceAfter=4),
        "lead": style("lead", fontSize=11, leading=15, spaceAfter=5),
        "small": style("small", fontSize=8, leading=10.5, textColor=muted, spaceAfter=4),
        "caption": style("caption", fontSize=8, leading=10.5, textColor=muted, spaceBefore=4, spaceAfter=2),
        "quote": style("quote", fontSize=10.5, leading=14.5),
        "bullet": style("bullet", leftIndent=14, bulletIndent=2, bulletFontName=REGULAR, spaceAfter=2),
        "tick": style("tick", leftIndent=18, bulletIndent=0, bulletFontName=REGULAR, bulletFontSize=13, spaceAfter=3),
        "th": style("th", fontName=BOLD, fontSize=CELL, leading=CELL * 1.3, textColor=_colour(theme.on_primary)),
        "td": style("td", fontSize=CELL, leading=CELL * 1.3),
        "td-tick": style("td-tick", fontSize=CELL, leading=CELL * 1.3, autoLeading="max"),
    }


# --- boxes to write in -----------------------------------------------------------------


@attrs.frozen
class _FittedItems:
    size: float
    #: The wrapped lines of each item.
    lines: tuple[tuple[str, ...], ...]

    @property
    def height(self) -> float:
        return sum(len(item) for item in self.lines) * self.size * textfit.LEADING


def fit_items(items: Sequence[str], width: float, height: float, largest: float, floor: float) -> tuple[_FittedItems, bool]:
    """Bulleted items wrapped to ``width``: the largest size that fits ``height``, or the floor.

    Returns the layout and whether it fits; at the floor the caller grows its box.
    """
    measure = _measure()
    return textfit.largest_fitting(
        lambda size: _FittedItems(size, tuple(tuple(textfit.wrap(item, width, size, measure)) for item in items)),
        lambda fitted: fitted.height <= height + 1e-6,
        largest,
        floor,
    )


@functools.cache
def _flowable(drawing: type) -> type:
    """A drawing class below made a reportlab Flowable, so reportlab is imported only when drawing."""
    from reportlab.platypus import Flowable

    return type(drawing.__name__, (drawing, Flowable), {})


class _NotesRowFlowable:
    """Boxes side by side, all as tall as the tallest: a label, what is known, ruled lines."""

    GAP = 8.0

    def __init__(self, spaces: Sequence[NotesSpace], theme: Theme, page_height: float, where: str) -> None:
        super().__init__()
        self.spaces = tuple(spaces)
        self.theme = theme
        self.page_height = page_height
        self.where = where
        self.spaceBefore = 3
        self.spaceAfter = 6

    def _layout(self, width: float) -> None:
        count = len(self.spaces)
        self.box_width = (width - self.GAP * (count - 1)) / count
        inner = self.box_width - 2 * PAD
        self.labels = []
        for space in self.spaces:
            label = textfit.Fitted(CELL, ())
            if space.label.strip():
                label = textfit.fit(space.label, inner, self.page_height, CELL + 0.5, CELL + 0.5, measure=_measure(True),
                                    what=f"{self.where}: the label of box {space.label[:40]!r}")
            self.labels.append(label)
        # The row is as tall as its tallest box when blank; each box's words may use all of it.
        heads = [PAD + label.height + (4 if label.lines else 0) for label in self.labels]
        row = max(head + max(space.lines, 1) * PITCH + BOX_FOOT for head, space in zip(heads, self.spaces))
        self.items, heights = [], []
        for space, head in zip(self.spaces, heads):
            room = row - head - BOX_FOOT
            fitted, fits = fit_items(space.items, inner - 10, room, BOX_TEXT, BOX_FLOOR)
            # Past the floor the box grows (and flows), keeping one line free for additions.
            heights.append(row if fits or not space.items else head + fitted.height + PITCH + BOX_FOOT)
            self.items.append(fitted)
        self.box_height = max(heights)
        if self.box_height > self.page_height:
            name = max(zip(heights, (space.label for space in self.spaces)))[1]
            raise TextOverflowError(
                f"{self.where}: box {name!r} holds more than a page of text even at {BOX_FLOOR:g} pt; shorten its items"
            )

    def wrap(self, available_width: float, available_height: float):
        self._layout(available_width)
        self.width = available_width
        return available_width, self.box_height

    def draw(self) -> None:
        canvas = self.canv
        theme = self.theme
        for index, space in enumerate(self.spaces):
            left = index * (self.box_width + self.GAP)
            canvas.saveState()
            canvas.setStrokeColor(_colour(theme.accent if space.accent else GRID))
            canvas.setLineWidth(1.6 if space.accent else 0.7)
            canvas.roundRect(left, 0, self.box_width, self.box_height, 4, stroke=1, fill=0)
            y = self.box_height - PAD
            label = self.labels[index]
            canvas.setFillColor(_colour(theme.accent if space.accent else theme.primary))
            canvas.setFont(BOLD, label.size)
            for line in label.lines:
                y -= label.size * label.leading
                canvas.drawString(left + PAD, y + label.size * 0.22, line)
            if label.lines:
                y -= 4
            fitted = self.items[index]
            canvas.setFillColor(_colour(theme.text))
            for item in fitted.lines:
                for number, line in enumerate(item):
                    y -= fitted.size * textfit.LEADING
                    if number == 0:
                        canvas.setFont(REGULAR, fitted.size)
                        canvas.drawString(left + PAD, y + fitted.size * 0.22, "•")
                    canvas.setFont(REGULAR, fitted.size)
                    canvas.drawString(left + PAD + 10, y + fitted.size * 0.22, line)
            canvas.setStrokeColor(_colour(LIGHT_RULE))
            canvas.setLineWidth(0.5)
            rule = y - PITCH
            while rule >= BOX_FOOT - 1e-6:
                canvas.line(left + PAD, rule, left + self.box_width - PAD, rule)
                rule -= PITCH
            canvas.restoreState()


# --- charts ----------------------------------------------------------------------------


CHART_HEIGHT = 200.0


def curve_drawing(block: CurveChart, width: float, theme: Theme, height: float = CHART_HEIGHT):
    """The baseline chart as a reportlab Drawing, from the pure layout in layout.chart."""
    from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Polygon, String

    left, right, bottom, top = 46.0, 16.0, 30.0, 30.0
    plot = chart.plot_curve(block.history, block.forecast, block.target, width - left - right, height - bottom - top)
    drawing = Drawing(width, height, initialFontName=REGULAR, initialFontSize=8)
    primary, muted, accent, text = (_colour(c) for c in (theme.primary, theme.muted, theme.accent, theme.text))

    def at(x: float, y: float) -> tuple[float, float]:
        return left + x, bottom + y

    for _value, y, label in plot.ticks:
        drawing.add(Line(left, bottom + y, left + plot.width, bottom + y, strokeColor=_colour("#dddddd"), strokeWidth=0.5))
        drawing.add(String(left - 4, bottom + y - 2.5, label, fontName=REGULAR, fontSize=7.5, fillColor=muted, textAnchor="end"))
    drawing.add(Line(left, bottom, left + plot.width, bottom, strokeColor=muted, strokeWidth=0.8))
    drawing.add(Line(left, bottom, left, bottom + plot.height, strokeColor=muted, strokeWidth=0.8))
    if block.unit:
        drawing.add(String(left - 4, bottom + plot.height + 8, block.unit, fontName=REGULAR, fontSize=7.5, fillColor=muted, textAnchor="end"))
    xs = [x for _, x in plot.periods]
    widths = [_width(period, 7.5) for period, _ in plot.periods]
    for (period, x), shown in zip(plot.periods, chart.thin_labels(xs, widths)):
        drawing.add(Line(left + x, bottom, left + x, bottom - 3, strokeColor=muted, strokeWidth=0.8))
        if shown:
            drawing.add(String(left + x, bottom - 13, period, fontName=REGULAR, fontSize=7.5, fillColor=text, textAnchor="middle"))
    if plot.target is not None:
        target = plot.target
        drawing.add(Line(left, bottom + target.y, left + plot.width, bottom + target.y,
                         strokeColor=accent, strokeWidth=0.8, strokeDashArray=[2, 2]))
        x, y = at(target.x, target.y)
        drawing.add(Polygon([x, y + 5, x + 5, y, x, y - 5, x - 5, y], fillColor=accent, strokeColor=accent))
        words = f"Target {worksheets.quantity(block.target.value, block.unit)} ({block.target.period})"
        anchor = "end" if target.x + _width(words, 7.5) / 2 > plot.width else "middle"
        # Above the marker, or below it when the marker is at the top by the legend.
        label_y = y + 8 if target.y + 18 < plot.height else y - 14
        drawing.add(String(x, label_y, words, fontName=BOLD, fontSize=7.5,
                           fillColor=accent, textAnchor=anchor))
    if plot.forecast_line:
        points = [coordinate for point in plot.forecast_line for coordinate in at(point.x, point.y)]
        drawing.add(PolyLine(points, strokeColor=primary, strokeWidth=1.4, strokeDashArray=[5, 3]))
        for point in plot.forecast:
            drawing.add(Circle(*at(point.x, point.y), 2.6, fillColor=_colour(theme.background), strokeColor=primary, strokeWidth=1))
    if len(plot.history) > 1:
        points = [coordinate for point in plot.history for coordinate in at(point.x, point.y)]
        drawing.add(PolyLine(points, strokeColor=primary, strokeWidth=2))
    values = [f"{point.value:g}" for point in plot.history]
    # Value labels as many as fit side by side, always including the latest.
    shown = chart.thin_labels([-point.x for point in plot.history][::-1], [_width(v, 7) for v in values][::-1])[::-1]
    for index, (point, value, visible) in enumerate(zip(plot.history, values, shown)):
        x, y = at(point.x, point.y)
        drawing.add(Circle(x, y, 2.8, fillColor=primary, strokeColor=primary))
        if visible:
            # Below a dip (lower than both neighbours), above anywhere else, clear of the line.
            neighbours = [p.y for p in plot.history[max(index - 1, 0) : index + 2] if p is not point]
            below = bool(neighbours) and point.y < min(neighbours) and point.y > 12
            drawing.add(String(x, y - 12 if below else y + 6, value, fontName=REGULAR, fontSize=7,
                               fillColor=text, textAnchor="middle"))
    _legend(drawing, width - right, height - 12, theme, block.target is not None, bool(plot.forecast))
    return drawing


def _legend(drawing, right: float, y: float, theme: Theme, target: bool, forecast: bool) -> None:
    from reportlab.graphics.shapes import Line, Polygon, String

    primary, accent, text = _colour(theme.primary), _colour(theme.accent), _colour(theme.text)
    entries = [("What has happened", "solid")]
    if forecast:
        entries.append(("If nothing changes", "dashed"))
    if target:
        entries.append(("Target", "target"))
    x = right
    for words, kind in reversed(entries):
        x -= _width(words, 7.5)
        drawing.add(String(x, y - 2.5, words, fontName=REGULAR, fontSize=7.5, fillColor=text))
        x -= 24
        if kind == "target":
            cx = x + 10
            drawing.add(Polygon([cx, y + 4, cx + 4, y, cx, y - 4, cx - 4, y], fillColor=accent, strokeColor=accent))
        else:
            dash = [5, 3] if kind == "dashed" else None
            drawing.add(Line(x, y, x + 20, y, strokeColor=primary, strokeWidth=2 if kind == "solid" else 1.4, strokeDashArray=dash))
        x -= 14


def bar_drawing(block: BarChart, width: float, theme: Theme, where: str = ""):
    """Average levels as horizontal bars with spread whiskers; the lowest bar in the accent colour."""
    from reportlab.graphics.shapes import Drawing, Line, Rect, String

    label_width = min(190.0, width * 0.32)
    row, bottom, right = 24.0, 30.0, 24.0
    plot_height = row * len(block.bars)
    plot = chart.plot_bars([(bar.label, bar.value, bar.spread) for bar in block.bars], len(block.scale),
                           width - label_width - right, plot_height)
    drawing = Drawing(width, plot_height + bottom + 6, initialFontName=REGULAR, initialFontSize=8)
    primary, accent, muted, text = (_colour(c) for c in (theme.primary, theme.accent, theme.muted, theme.text))
    lowest = min(bar.value for bar in block.bars)
    left = label_width
    for _level, x in plot.grid:
        drawing.add(Line(left + x, bottom, left + x, bottom + plot_height, strokeColor=_colour("#dddddd"), strokeWidth=0.5))
    names = [f"{name}" for name in block.scale]
    xs = [x for _, x in plot.grid]
    shown = chart.thin_labels(xs, [_width(name, 7) for name in names])
    for (_level, x), name, visible in zip(plot.grid, names, shown):
        if visible:
            drawing.add(String(left + x, bottom - 12, name, fontName=REGULAR, fontSize=7, fillColor=muted, textAnchor="middle"))
    drawing.add(Line(left, bottom, left + plot.width, bottom, strokeColor=muted, strokeWidth=0.8))
    drawing.add(Line(left, bottom, left, bottom + plot_height, strokeColor=muted, strokeWidth=0.8))
    for bar in plot.bars:
        y = bottom + bar.y
        colour = accent if bar.value == lowest else primary
        drawing.add(Rect(left, y - bar.thickness / 2, bar.length, bar.thickness, fillColor=colour, strokeColor=None))
        if bar.spread > 0:
            drawing.add(Line(left + bar.whisker_from, y, left + bar.whisker_to, y, strokeColor=text, strokeWidth=0.9))
            for end in (bar.whisker_from, bar.whisker_to):
                drawing.add(Line(left + end, y - 4, left + end, y + 4, strokeColor=text, strokeWidth=0.9))
        drawing.add(String(left + max(bar.length, bar.whisker_to) + 4, y - 3, f"{bar.value:.1f}", fontName=BOLD,
                           fontSize=8, fillColor=text))
        label = textfit.fit(bar.label, label_width - 8, row, 8.5, 6, measure=_measure(), what=f"{where}: chart label {bar.label[:40]!r}")
        first = y + (len(label.lines) - 1) * label.size * label.leading / 2 - label.size * 0.35
        for index, line in enumerate(label.lines):
            drawing.add(String(label_width - 8, first - index * label.size * label.leading, line, fontName=REGULAR,
                               fontSize=label.size, fillColor=text, textAnchor="end"))
    return drawing


def comparison_drawing(block: ComparisonChart, width: float, theme: Theme, where: str = ""):
    """Paired bars, the first (planned) pale above the second (actual) in the theme's colour, with a key."""
    from reportlab.graphics.shapes import Drawing, Line, Rect, String

    label_width = min(170.0, width * 0.3)
    row, bottom, right, key = 26.0, 24.0, 30.0, 18.0
    plot_height = row * len(block.rows)
    plot = chart.plot_comparison([(r.label, r.first, r.second) for r in block.rows], width - label_width - right, plot_height)
    drawing = Drawing(width, plot_height + bottom + key, initialFontName=REGULAR, initialFontSize=8)
    primary, muted, text = (_colour(c) for c in (theme.primary, theme.muted, theme.text))
    pale = _colour(_mix(theme.primary, theme.background, 0.65))
    left = label_width
    for _value, x, label in plot.ticks:
        drawing.add(Line(left + x, bottom, left + x, bottom + plot_height, strokeColor=_colour("#dddddd"), strokeWidth=0.5))
        drawing.add(String(left + x, bottom - 11, label, fontName=REGULAR, fontSize=7, fillColor=muted, textAnchor="middle"))
    drawing.add(String(left + plot.width, bottom - 21, block.unit, fontName=REGULAR, fontSize=7, fillColor=muted, textAnchor="end"))
    drawing.add(Line(left, bottom, left, bottom + plot_height, strokeColor=muted, strokeWidth=0.8))
    for pair in plot.rows:
        y = bottom + pair.y
        drawing.add(Rect(left, y, pair.first_length, pair.thickness, fillColor=pale, strokeColor=None))
        drawing.add(String(left + pair.first_length + 3, y + pair.thickness / 2 - 2.5, f"{pair.first:g}", fontName=REGULAR,
                           fontSize=7, fillColor=text))
        if pair.second is None or pair.second_length is None:
            note = block.rows[plot.rows.index(pair)].note
            drawing.add(String(left + 3, y - pair.thickness / 2 - 2.5, note, fontName=REGULAR, fontSize=7, fillColor=muted))
        else:
            drawing.add(Rect(left, y - pair.thickness, pair.second_length, pair.thickness, fillColor=primary, strokeColor=None))
            drawing.add(String(left + pair.second_length + 3, y - pair.thickness / 2 - 2.5, f"{pair.second:g}", fontName=BOLD,
                               fontSize=7, fillColor=text))
        label = textfit.fit(pair.label, label_width - 8, row, 8.5, 6, measure=_measure(), what=f"{where}: chart label {pair.label[:40]!r}")
        first = y + (len(label.lines) - 1) * label.size * label.leading / 2 - label.size * 0.35
        for index, line in enumerate(label.lines):
            drawing.add(String(label_width - 8, first - index * label.size * label.leading, line, fontName=REGULAR,
                               fontSize=label.size, fillColor=text, textAnchor="end"))
    x = left
    top = bottom + plot_height + 6
    for words, colour in ((block.first_label, pale), (block.second_label, primary)):
        drawing.add(Rect(x, top, 14, 7, fillColor=colour, strokeColor=None))
        drawing.add(String(x + 18, top, words, fontName=REGULAR, fontSize=7.5, fillColor=text))
        x += 26 + _width(words, 7.5)
    return drawing


# --- the ladder poster -----------------------------------------------------------------


@attrs.frozen
class _StepText:
    """One rung's words fitted into its box at one size."""

    size: float
    stems: tuple[str, ...]
    description: tuple[str, ...]
    example: tuple[str, ...]

    @property
    def small(self) -> float:
        return round(self.size * 0.88, 2)

    @property
    def height(self) -> float:
        gaps = 4 * (bool(self.stems) + bool(self.description) + bool(self.example) - 1)
        return (len(self.stems) + len(self.description)) * self.small * textfit.LEADING + len(self.example) * self.size * textfit.LEADING + max(gaps, 0)


def fit_step(step: Step, width: float, height: float, where: str = "") -> _StepText:
    """A rung's stems, description and example at the largest size that fits its box."""
    regular, bold = _measure(), _measure(True)
    stems = " ".join(step.stems)
    example = f"“{step.example}”" if step.example else ""

    def layout(size: float) -> _StepText:
        small = round(size * 0.88, 2)
        return _StepText(
            size,
            tuple(textfit.wrap(stems, width, small, bold)) if stems else (),
            tuple(textfit.wrap(step.description, width, small, regular)) if step.description else (),
            tuple(textfit.wrap(example, width, size, regular)) if example else (),
        )

    fitted, ok = textfit.largest_fitting(layout, lambda laid: laid.height <= height + 1e-6, STEP_TEXT, STEP_FLOOR)
    if not ok:
        raise TextOverflowError(
            f"{where}: rung {step.label!r}: its words do not fit its step on the poster even at"
            f" {STEP_FLOOR:g} pt ({fitted.height:.0f} pt of text for {height:.0f} pt); shorten the description or example"
        )
    return fitted


class _StaircaseFlowable:
    """The rungs as rising steps, each with its words above it; it fills the rest of the page."""

    AXIS = 26.0
    LOWEST_RISE, HIGHEST_RISE = 34.0, 80.0

    def __init__(self, block: Staircase, theme: Theme, where: str) -> None:
        super().__init__()
        self.block = block
        self.theme = theme
        self.where = where

    def wrap(self, available_width: float, available_height: float):
        self.width, self.height = available_width, available_height
        self._layout()
        return available_width, available_height

    def _layout(self) -> None:
        steps = self.block.steps
        count = len(steps)
        usable = self.height - self.AXIS
        self.column = self.width / count
        inner = self.column - 12
        # Steps as tall as the words above them allow, within limits.
        natural = max(fit_step(step, inner, float("inf"), self.where).height for step in steps)
        self.rise = min(max((usable - natural - 16) / count, self.LOWEST_RISE), self.HIGHEST_RISE)
        room = usable - count * self.rise - 14
        if room < 40:
            raise TextOverflowError(f"{self.where}: the poster's title leaves too little room for {count} rungs")
        self.texts = [fit_step(step, inner, room, self.where) for step in steps]
        self.labels = [
            textfit.fit(f"{index}. {step.label}", inner, self.rise - 8, 12, 7, measure=_measure(True),
                        what=f"{self.where}: rung {step.label!r} label")
            for index, step in enumerate(steps, start=1)
        ]
        self.preamble = None
        if self.block.preamble:
            spread = max(1, count // 3)
            below = max(self.AXIS + (index + 1) * self.rise + 14 + self.texts[index].height for index in range(spread))
            width = spread * self.column - 12
            fitted, fits = fit_items(self.block.preamble, width - 12, self.height - below - 8, 11, 7)
            if not fits:
                raise TextOverflowError(
                    f"{self.where}: the poster's list of what a powerful question does is too long to fit"
                    f" beside the stairs even at 7 pt; shorten it"
                )
            self.preamble = fitted

    def draw(self) -> None:
        canvas = self.canv
        theme = self.theme
        steps = self.block.steps
        count = len(steps)
        base = self.AXIS
        for index, step in enumerate(steps):
            x = index * self.column
            solid = (index + 1) * self.rise
            fill = _mix(theme.primary, theme.background, 0.55 * (1 - (index + 1) / count))
            canvas.saveState()
            if step.extension:
                canvas.setStrokeColor(_colour(theme.primary))
                canvas.setDash(4, 3)
                canvas.setLineWidth(1.2)
                canvas.rect(x + 1, base, self.column - 2, solid, stroke=1, fill=0)
                label_colour = theme.primary
            else:
                canvas.setFillColor(_colour(fill))
                canvas.rect(x, base, self.column, solid, stroke=0, fill=1)
                label_colour = readable_on(fill)
            canvas.setDash()
            label = self.labels[index]
            canvas.setFillColor(_colour(label_colour))
            canvas.setFont(BOLD, label.size)
            y = base + solid - 4
            for line in label.lines:
                y -= label.size * label.leading
                canvas.drawString(x + 6, y + label.size * 0.22, line)
            # The words for the rung, standing on its step.
            text = self.texts[index]
            box_bottom = base + solid + 6
            canvas.setStrokeColor(_colour(_mix(theme.primary, theme.background, 0.6)))
            canvas.setLineWidth(0.8)
            canvas.line(x + 2, box_bottom - 4, x + 2, box_bottom + text.height + 2)
            y = box_bottom + text.height
            for lines, font, size, colour in (
                (text.stems, BOLD, text.small, theme.primary),
                (text.description, REGULAR, text.small, theme.muted),
                (text.example, REGULAR, text.size, theme.text),
            ):
                canvas.setFillColor(_colour(colour))
                canvas.setFont(font, size)
                for line in lines:
                    y -= size * textfit.LEADING
                    canvas.drawString(x + 8, y + size * 0.22, line)
                if lines and lines is not text.example:
                    y -= 4
            canvas.restoreState()
        if self.preamble is not None:
            fitted = self.preamble
            canvas.setFillColor(_colour(theme.text))
            canvas.setFont(REGULAR, fitted.size)
            y = self.height
            for item in fitted.lines:
                for number, line in enumerate(item):
                    y -= fitted.size * textfit.LEADING
                    if number == 0:
                        canvas.drawString(4, y + fitted.size * 0.22, "•")
                    canvas.drawString(16, y + fitted.size * 0.22, line)
        # The axis: less powerful on the left, more powerful on the right.
        canvas.setStrokeColor(_colour(theme.accent))
        canvas.setFillColor(_colour(theme.accent))
        canvas.setLineWidth(1.5)
        canvas.line(0, 17, self.width - 8, 17)
        path = canvas.beginPath()
        path.moveTo(self.width, 17)
        path.lineTo(self.width - 9, 21.5)
        path.lineTo(self.width - 9, 12.5)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.setFont(BOLD, 8.5)
        canvas.drawString(0, 3, self.block.low_label)
        canvas.drawRightString(self.width, 3, self.block.high_label)


# --- cards to cut out ------------------------------------------------------------------


CARD_PAD = length("8mm")


@attrs.frozen
class _PromptText:
    """A card prompt's label (bold) and question (regular, a little smaller) at one size."""

    size: float
    label: tuple[str, ...]
    question: tuple[str, ...]

    @property
    def small(self) -> float:
        return round(self.size * 0.92, 2)

    @property
    def height(self) -> float:
        return (len(self.label) * self.size + len(self.question) * self.small) * textfit.LEADING


@attrs.frozen
class _CardLayout:
    title: textfit.Fitted
    prompts: tuple[_PromptText, ...]
    #: Height each prompt has, text and ruled lines together.
    share: float
    footer: textfit.Fitted | None


def fit_prompt(label: str, question: str, width: float, height: float, what: str) -> _PromptText:
    """A prompt at the largest size from CARD_TEXT down to CARD_FLOOR that fits ``height``."""
    bold, regular = _measure(True), _measure()

    def layout(size: float) -> _PromptText:
        small = round(size * 0.92, 2)
        return _PromptText(
            size,
            tuple(textfit.wrap(label, width, size, bold)),
            tuple(textfit.wrap(question, width, small, regular)) if question else (),
        )

    fitted, ok = textfit.largest_fitting(layout, lambda laid: laid.height <= height + 1e-6, CARD_TEXT, CARD_FLOOR)
    if not ok:
        raise TextOverflowError(
            f"{what}: too much text to leave room to write even at {CARD_FLOOR:g} pt"
            f" ({fitted.height:.0f} pt of text for {height:.0f} pt); shorten the prompt"
        )
    return fitted


def fit_card(card: CutCard, width: float, height: float, where: str = "") -> _CardLayout:
    """A card's title, prompts and footer fitted into a ``width`` × ``height`` card, each prompt with room to write."""
    inner = width - 2 * CARD_PAD
    what = f"{where}: card {card.title!r}"
    title = textfit.fit(card.title, inner, 2 * 14 * textfit.LEADING, 14, 9, measure=_measure(True), what=f"{what}: title")
    footer = (
        textfit.fit(card.footer, inner, 2 * 7 * textfit.LEADING, 7, 5.5, measure=_measure(), what=f"{what}: footer")
        if card.footer
        else None
    )
    room = height - 2 * CARD_PAD - title.height - 6 - (footer.height + 4 if footer else 0)
    share = room / max(len(card.prompts), 1)
    # Each prompt keeps at least one ruled line below its words.
    prompts = tuple(
        fit_prompt(prompt.label, prompt.question, inner, share - PITCH * 0.9, f"{what}: prompt {prompt.label[:40]!r}")
        for prompt in card.prompts
    )
    return _CardLayout(title, prompts, share, footer)


class _CardSheet:
    """Up to four cards on one page in a 2 × 2 grid, with dashed cut lines between them."""

    def __init__(self, cards: Sequence[CutCard], theme: Theme, margin: float, where: str) -> None:
        super().__init__()
        self.cards = tuple(cards)
        self.theme = theme
        self.margin = margin
        self.where = where

    def wrap(self, available_width: float, available_height: float):
        self.width, self.height = available_width, available_height
        self.card_width, self.card_height = available_width / 2, available_height / 2
        self.layouts = [fit_card(card, self.card_width, self.card_height, self.where) for card in self.cards]
        return available_width, available_height

    def draw(self) -> None:
        canvas = self.canv
        theme = self.theme
        for index, layout in enumerate(self.layouts):
            row, column = divmod(index, 2)
            left = column * self.card_width + CARD_PAD
            top = self.height - row * self.card_height - CARD_PAD
            right = left + self.card_width - 2 * CARD_PAD
            canvas.saveState()
            canvas.setFillColor(_colour(theme.primary))
            canvas.setFont(BOLD, layout.title.size)
            y = top
            for line in layout.title.lines:
                y -= layout.title.size * layout.title.leading
                canvas.drawString(left, y + layout.title.size * 0.22, line)
            y -= 6
            for prompt in layout.prompts:
                block_top = y
                canvas.setFillColor(_colour(theme.text))
                canvas.setFont(BOLD, prompt.size)
                for line in prompt.label:
                    y -= prompt.size * textfit.LEADING
                    canvas.drawString(left, y + prompt.size * 0.22, line)
                canvas.setFillColor(_colour(theme.muted))
                canvas.setFont(REGULAR, prompt.small)
                for line in prompt.question:
                    y -= prompt.small * textfit.LEADING
                    canvas.drawString(left, y + prompt.small * 0.22, line)
                canvas.setStrokeColor(_colour(LIGHT_RULE))
                canvas.setLineWidth(0.5)
                rule = y - PITCH * 0.9
                while rule >= block_top - layout.share + 2 - 1e-6:
                    canvas.line(left, rule, right, rule)
                    rule -= PITCH * 0.9
                y = block_top - layout.share
            if layout.footer is not None:
                canvas.setFillColor(_colour(theme.muted))
                canvas.setFont(REGULAR, layout.footer.size)
                y = self.height - (row + 1) * self.card_height + CARD_PAD + layout.footer.height
                for line in layout.footer.lines:
                    y -= layout.footer.size * layout.footer.leading
                    canvas.drawString(left, y + layout.footer.size * 0.22, line)
            canvas.restoreState()
        self._cut_lines()

    def _cut_lines(self) -> None:
        """Dashed lines through the middle of the page, out to its edges, with scissors."""
        canvas = self.canv
        edge = self.margin
        middle_x, middle_y = self.width / 2, self.height / 2
        canvas.saveState()
        canvas.setStrokeColor(_colour(GRID))
        canvas.setLineWidth(0.6)
        canvas.setDash(4, 3)
        canvas.line(middle_x, -edge, middle_x, self.height + edge)
        canvas.line(-edge, middle_y, self.width + edge, middle_y)
        canvas.setDash()
        canvas.setFillColor(_colour(GRID))
        canvas.setFont(REGULAR, 11)
        canvas.drawString(-edge + 2, middle_y + 2, "✂")
        canvas.restoreState()
