"""Blocks to flowables: an explicit table from each block type to the function that draws it.

Flowing text (headings, paragraphs, lists) is set by reportlab's paragraphs; everything
with a fixed shape was laid out in ``layout.print_plan`` and is drawn here as planned.
A heading stays with the block after it, and a short level-3 section stays on one page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether
from reportlab.platypus import PageBreak as Break
from reportlab.platypus import Paragraph as Para

from facilitate.exporters._reportlab import BOLD as BOLD_FONT
from facilitate.exporters._reportlab import draw_lines, fill, stroke
from facilitate.exporters._xml import escape
from facilitate.exporters.handout_pdf import boxes, charts, cutcards, poster, tables
from facilitate.exporters.handout_pdf.style import HEADING_LEVELS, styles
from facilitate.layout import bidi, fonts, textfit
from facilitate.layout.document import (
    BarChart,
    Bullets,
    ComparisonChart,
    CurveChart,
    CutCards,
    Heading,
    Link,
    NotesRow,
    NotesSpace,
    PageBreak,
    PairedBarChart,
    Paragraph,
    QuoteBlock,
    Staircase,
    Table,
)
from facilitate.layout.qr import LINK_GAP, LinkPlan
from facilitate.layout.print_plan import SUBTITLE_GAP, TITLE_GAP, PlannedBlock, PrintedDocument, TitlePlan, caption
from facilitate.layout.tables import PAD_X, QUOTE_INDENT, QuotePlan
from facilitate.model.theme import Theme

#: A level-3 section up to this share of a page is kept on one page.
SECTION_SHARE = 0.45
#: Room a heading needs below it on a page, or it starts the next one.
HEADING_ROOM = 110.0
TICK = "☐ "


class Drawer:
    """Draws the planned blocks of one document in one theme."""

    def __init__(self, printed: PrintedDocument, theme: Theme) -> None:
        self.printed = printed
        self.theme = theme
        self.styles = styles(theme)
        self.width = printed.frame.width
        self.height = printed.frame.height

    def paragraph(self, text: str, style: str) -> Any:
        if bidi.right_to_left(text) is not None:
            return RightToLeft(text, self.styles[style])
        return Para(escape(text).replace("\n", "<br/>"), self.styles[style])

    def heading(self, planned: PlannedBlock) -> list[Any]:
        block = planned.block
        assert isinstance(block, Heading)
        return [self.paragraph(block.text, f"h{min(max(block.level, 1), HEADING_LEVELS)}")]

    def text(self, planned: PlannedBlock) -> list[Any]:
        block = planned.block
        assert isinstance(block, Paragraph)
        return [self.paragraph(block.text, block.style if block.style in ("lead", "small") else "body")]

    def bullets(self, planned: PlannedBlock) -> list[Any]:
        block = planned.block
        assert isinstance(block, Bullets)
        items = []
        for number, item in enumerate(block.items, start=1):
            if item.startswith(TICK):
                text, style, mark = item[len(TICK):], self.styles["tick"], TICK.strip()
            else:
                text, style, mark = item, self.styles["bullet"], f"{number}." if block.numbered else "•"
            if bidi.right_to_left(text) is not None:
                items.append(RightToLeft(text, style, mark))
            else:
                items.append(Para(escape(text), style, bulletText=mark))
        return items

    def quote(self, planned: PlannedBlock) -> list[Any]:
        assert isinstance(planned.plan, QuotePlan)
        return [QuoteFlowable(planned.plan, self.theme)]

    def page_break(self, planned: PlannedBlock) -> list[Any]:
        return [Break()]

    def chart(self, planned: PlannedBlock) -> list[Any]:
        block = planned.block
        assert isinstance(block, (CurveChart, BarChart, ComparisonChart, PairedBarChart))
        label = Lines(caption(block.caption, self.width), "regular", self.theme.muted, space_before=4, space_after=2)
        return [KeepTogether([label, charts.drawing(planned.plan)])]

    def table(self, planned: PlannedBlock) -> list[Any]:
        return [tables.grid(planned.plan, self.theme)]

    def notes(self, planned: PlannedBlock) -> list[Any]:
        return [boxes.NotesFlowable(planned.plan, self.theme)]

    def staircase(self, planned: PlannedBlock) -> list[Any]:
        return [poster.StaircaseFlowable(planned.plan, self.theme)]

    def link(self, planned: PlannedBlock) -> list[Any]:
        assert isinstance(planned.plan, LinkPlan)
        return [LinkFlowable(planned.plan, self.theme)]

    def cut_cards(self, planned: PlannedBlock) -> list[Any]:
        return cutcards.sheets(planned.plan, self.theme, self.printed.frame.margin)

    def title(self, plan: TitlePlan) -> list[Any]:
        align = "centre" if plan.centred else "left"
        out = [Lines(plan.title, "bold", self.theme.primary, align, space_after=TITLE_GAP)]
        if plan.subtitle is not None:
            out.append(Lines(plan.subtitle, "regular", self.theme.muted, align, space_after=SUBTITLE_GAP))
        else:
            out[-1].spaceAfter = SUBTITLE_GAP
        return out

    def draw(self, planned: PlannedBlock) -> list[Any]:
        return DRAW[type(planned.block)](self, planned)

    def story(self) -> list[Any]:
        flowables: list[Any] = []
        if self.printed.title is not None:
            flowables += self.title(self.printed.title)
        limit = self.height * SECTION_SHARE
        blocks = list(self.printed.blocks)
        section: list[Any] | None = None
        index = 0
        while index < len(blocks):
            planned = blocks[index]
            starts = isinstance(planned.block, (Heading, PageBreak))
            if starts and section is not None:
                flowables.append(_keep_short(section, limit))
                section = None
            if isinstance(planned.block, Heading):
                if planned.block.level >= 3:
                    section = []
                group = self.draw(planned)
                if index + 1 < len(blocks) and not isinstance(blocks[index + 1].block, (Heading, PageBreak)):
                    index += 1
                    group += self.draw(blocks[index])
                part = [CondPageBreak(HEADING_ROOM), _keep_short(group, limit)]
            else:
                part = self.draw(planned)
            (flowables if section is None else section).extend(part)
            index += 1
        if section is not None:
            flowables.append(_keep_short(section, limit))
        return flowables


#: Which drawer draws each block type.
DRAW: dict[type, Callable[[Drawer, PlannedBlock], list[Any]]] = {
    Heading: Drawer.heading,
    Paragraph: Drawer.text,
    Bullets: Drawer.bullets,
    Table: Drawer.table,
    QuoteBlock: Drawer.quote,
    NotesSpace: Drawer.notes,
    NotesRow: Drawer.notes,
    CurveChart: Drawer.chart,
    BarChart: Drawer.chart,
    ComparisonChart: Drawer.chart,
    PairedBarChart: Drawer.chart,
    Staircase: Drawer.staircase,
    CutCards: Drawer.cut_cards,
    Link: Drawer.link,
    PageBreak: Drawer.page_break,
}


class KeepShort(KeepTogether):  # type: ignore[misc]
    """Flowables kept on one page if together they are at most ``limit`` tall, else left to flow."""

    def __init__(self, flowables: list[Any], limit: float) -> None:
        super().__init__(flowables)
        self.limit = limit

    def split(self, available_width: float, available_height: float) -> list[Any]:
        if getattr(self, "_wrapInfo", None) != (available_width, available_height):
            self.wrap(available_width, available_height)
        if self._H > self.limit:
            return list(self._content)
        return super().split(available_width, available_height)  # type: ignore[no-any-return]


def _keep_short(flowables: list[Any], limit: float) -> KeepShort:
    return KeepShort(flowables, limit)


class Lines(Flowable):  # type: ignore[misc]
    """Lines laid out by layout: drawn as they are, split between lines across pages."""

    def __init__(self, text: textfit.Fitted, weight: str, colour: str, align: str = "left",
                 space_before: float = 0.0, space_after: float = 0.0) -> None:
        super().__init__()
        self.text = text
        self.weight = weight
        self.colour = colour
        self.align = align
        self.spaceBefore = space_before
        self.spaceAfter = space_after

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.text.height

    def split(self, available_width: float, available_height: float) -> list[Any]:
        fit = int(available_height // (self.text.size * self.text.leading))
        if fit < 1 or fit >= len(self.text.lines):
            return []
        head = textfit.Fitted(self.text.size, self.text.lines[:fit], self.text.leading)
        tail = textfit.Fitted(self.text.size, self.text.lines[fit:], self.text.leading)
        return [
            Lines(head, self.weight, self.colour, self.align, self.spaceBefore),
            Lines(tail, self.weight, self.colour, self.align, 0.0, self.spaceAfter),
        ]

    def draw(self) -> None:
        draw_lines(self.canv, self.text, self.weight, self.colour, 0, self.text.height, self.width, self.align)


class RightToLeft(Flowable):  # type: ignore[misc]
    """A paragraph (or list item) holding Hebrew, Arabic...: wrapped by textfit, drawn in visual order.

    reportlab's own paragraphs cannot order right-to-left text without a bidi library of
    its own; this one wraps in logical order with the paragraph style's font and size,
    draws each line through layout.bidi, and sets a paragraph that reads right to left
    against the right edge, its bullet on the right.
    """

    def __init__(self, text: str, style: Any, bullet: str = "", lines: tuple[str, ...] | None = None,
                 first: bool = True, last: bool = True) -> None:
        super().__init__()
        self.source = text
        self.style = style
        self.bullet = bullet
        self.lines = lines
        self.first, self.last = first, last
        self.rtl = bidi.starts_right_to_left(text)
        self.weight = "bold" if style.fontName == BOLD_FONT else "regular"
        self.spaceBefore = style.spaceBefore if first else 0
        self.spaceAfter = style.spaceAfter if last else 0

    def _inner(self, available_width: float) -> float:
        return available_width - self.style.leftIndent

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        if self.lines is None:
            measure = fonts.metrics(self.weight).width
            self.lines = tuple(textfit.wrap(fonts.printable(self.source), self._inner(available_width), self.style.fontSize, measure))
        return available_width, len(self.lines) * self.style.leading

    def split(self, available_width: float, available_height: float) -> list[Any]:
        self.wrap(available_width, available_height)
        assert self.lines is not None
        fit = int(available_height // self.style.leading)
        if fit < 1 or fit >= len(self.lines):
            return []
        return [
            RightToLeft(self.source, self.style, self.bullet, self.lines[:fit], self.first, False),
            RightToLeft(self.source, self.style, "", self.lines[fit:], False, self.last),
        ]

    def draw(self) -> None:
        assert self.lines is not None
        size, leading = self.style.fontSize, self.style.leading
        colour_value = "#" + self.style.textColor.hexval()[2:]
        inner = self._inner(self.width)
        top = len(self.lines) * leading
        text = textfit.Fitted(size, self.lines, leading / size)
        left = 0.0 if self.rtl else self.style.leftIndent
        draw_lines(self.canv, text, self.weight, colour_value, left, top, inner, "right" if self.rtl else "left")
        if self.bullet:
            mark = textfit.Fitted(self.style.bulletFontSize, (self.bullet,), leading / self.style.bulletFontSize)
            x = self.width - self.style.bulletIndent - fonts.metrics("regular").width(self.bullet, mark.size) if self.rtl else self.style.bulletIndent
            draw_lines(self.canv, mark, "regular", colour_value, x, top)


class QuoteFlowable(Flowable):  # type: ignore[misc]
    """A quotation and its credit beside an accent rule; it may continue on the next page."""

    GAP = 2.0

    def __init__(self, plan: QuotePlan, theme: Theme, first: bool = True, last: bool = True) -> None:
        super().__init__()
        self.plan = plan
        self.theme = theme
        self.spaceBefore = 4.0 if first else 0.0
        self.spaceAfter = 6.0 if last else 0.0

    @property
    def _height(self) -> float:
        credit = self.GAP + self.plan.credit.height if self.plan.credit.lines else 0.0
        return 2 * self.GAP + self.plan.text.height + credit

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, self._height

    def split(self, available_width: float, available_height: float) -> list[Any]:
        text = self.plan.text
        fit = int((available_height - 2 * self.GAP) // (text.size * text.leading))
        if fit < 1 or fit >= len(text.lines):
            return []
        head = QuotePlan(textfit.Fitted(text.size, text.lines[:fit], text.leading), textfit.Fitted(self.plan.credit.size, ()))
        tail = QuotePlan(textfit.Fitted(text.size, text.lines[fit:], text.leading), self.plan.credit)
        return [QuoteFlowable(head, self.theme, last=False), QuoteFlowable(tail, self.theme, first=False)]

    def draw(self) -> None:
        canvas = self.canv
        height = self._height
        stroke(canvas, self.theme.accent)
        canvas.setLineWidth(3)
        canvas.line(1.5, 0, 1.5, height)
        left = QUOTE_INDENT
        top = height - self.GAP
        draw_lines(canvas, self.plan.text, "regular", self.theme.text, left, top)
        if self.plan.credit.lines:
            draw_lines(canvas, self.plan.credit, "regular", self.theme.muted, left, top - self.plan.text.height - self.GAP)


class LinkFlowable(Flowable):  # type: ignore[misc]
    """A QR code drawn as filled squares, its label beside it and the web address under it; kept whole."""

    def __init__(self, plan: LinkPlan, theme: Theme) -> None:
        super().__init__()
        self.plan = plan
        self.theme = theme
        self.spaceBefore = 4.0
        self.spaceAfter = 8.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, self.plan.height

    def draw(self) -> None:
        canvas, plan = self.canv, self.plan
        bottom = plan.address.height
        fill(canvas, "#000000")
        path = canvas.beginPath()
        for x, y, width, height in plan.code.squares(0.0, bottom, plan.side):
            path.rect(x, y, width, height)
        canvas.drawPath(path, stroke=0, fill=1)
        if plan.label.lines:
            draw_lines(canvas, plan.label, "bold", self.theme.primary, plan.side + LINK_GAP, bottom + plan.side / 2 + plan.label.height / 2)
        draw_lines(canvas, plan.address, "regular", self.theme.text, 0.0, bottom)


__all__ = ["DRAW", "PAD_X", "Drawer", "Lines", "QuoteFlowable"]
