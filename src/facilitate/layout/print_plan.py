"""A document planned for paper: every box, table, chart, poster and card fitted before drawing.

:func:`plan_document` decides, for one paper size, everything a printed document needs
except where the pages break: the frame, the running heads, the title's lines, each
table's columns and cut rows, each box's height, each chart's shapes, the poster's steps
and the cut-out cards. The PDF renderer draws these as they are, and flows them onto
pages; a problem with the content is found here, before any file is written, so
``facilitate validate`` finds it too.
"""

from __future__ import annotations

import attrs

from facilitate.labels import ENGLISH, Labels
from facilitate.layout import checking, textfit
from facilitate.layout.boxes import NotesPlan, plan_notes
from facilitate.layout import chart_blocks
from facilitate.layout.chart_blocks import CHART_BLOCKS
from facilitate.layout.cutcards import CardSheetPlan, plan_card_sheets
from facilitate.layout.document import (
    Block,
    CutCards,
    Document,
    Link,
    NotesRow,
    NotesSpace,
    QuoteBlock,
    Staircase,
    Table,
)
from facilitate.layout.figure import Figure
from facilitate.layout.page import Frame, Heads, frame, running_heads
from facilitate.layout.poster import StaircasePlan, plan_staircase
from facilitate.layout.qr import LinkPlan, plan_link
from facilitate.layout.tables import QuotePlan, TablePlan, plan_quote, plan_table
from facilitate.model.theme import Theme

#: (size, leading) of a document's title and subtitle; posters have larger, centred ones.
TITLE = (18.0, 22.0)
SUBTITLE = (9.5, 9.5 * 1.38)
POSTER_TITLE = (24.0, 29.0)
POSTER_SUBTITLE = (12.0, 15.0)
#: Space after the title, and after the subtitle (before the first block).
TITLE_GAP, SUBTITLE_GAP = 2.0, 12.0
#: The caption above a chart.
CAPTION_SIZE, CAPTION_LEADING = 8.0, 10.5


@attrs.frozen
class TitlePlan:
    """A document's title and subtitle as lines, left-aligned or (on posters) centred."""

    title: textfit.Fitted
    subtitle: textfit.Fitted | None
    centred: bool

    @property
    def height(self) -> float:
        below = self.subtitle.height + SUBTITLE_GAP if self.subtitle else SUBTITLE_GAP
        return self.title.height + TITLE_GAP + below


Plan = TablePlan | QuotePlan | NotesPlan | Figure | StaircasePlan | tuple[CardSheetPlan, ...] | LinkPlan | None


@attrs.frozen
class PlannedBlock:
    block: Block
    #: How the block is laid out on this paper; None for flowing text (headings, paragraphs, lists).
    plan: Plan = None


@attrs.frozen
class PrintedDocument:
    document: Document
    paper: str
    frame: Frame
    heads: Heads | None
    title: TitlePlan | None
    blocks: tuple[PlannedBlock, ...]


def _lines(text: str, width: float, size: float, leading: float, bold: bool) -> textfit.Fitted:
    measure = textfit.measure_with("bold" if bold else "regular")
    return textfit.Fitted(size, tuple(textfit.wrap(text, width, size, measure)), leading / size)


def plan_title(doc: Document, width: float) -> TitlePlan | None:
    """The title block of ``doc``; none for a document of cut-out cards only."""
    if doc.blocks and all(isinstance(block, CutCards) for block in doc.blocks):
        return None
    centred = not doc.running_heads
    (title_size, title_leading), (sub_size, sub_leading) = (POSTER_TITLE, POSTER_SUBTITLE) if centred else (TITLE, SUBTITLE)
    title = _lines(doc.title, width, title_size, title_leading, bold=True)
    subtitle = _lines(str(doc.subtitle), width, sub_size, sub_leading, bold=False) if doc.subtitle else None
    return TitlePlan(title, subtitle, centred)


def caption(text: str, width: float) -> textfit.Fitted:
    return _lines(text, width, CAPTION_SIZE, CAPTION_LEADING, bold=False)


def plan_block(block: Block, area: Frame, room: float, theme: Theme, where: str, labels: Labels = ENGLISH) -> Plan:
    """The layout of one block in the frame ``area``; ``room`` is what a full-page block may fill."""
    width = area.width
    if isinstance(block, Table):
        return plan_table(block, width, area.height)
    if isinstance(block, QuoteBlock):
        return plan_quote(block.text, block.author, block.source, width)
    if isinstance(block, NotesSpace):
        return plan_notes((block,), width, area.height, where)
    if isinstance(block, NotesRow):
        return plan_notes(block.spaces, width, area.height, where)
    if isinstance(block, CHART_BLOCKS):
        return chart_blocks.figure(block, width, theme, labels)
    if isinstance(block, Staircase):
        return plan_staircase(block, width, room, theme, where, labels)
    if isinstance(block, CutCards):
        return plan_card_sheets(block.cards, width, area.height, where)
    if isinstance(block, Link):
        return plan_link(block.url, block.label, width)
    return None


def plan_document(doc: Document, paper: str, theme: Theme, where: str = "") -> PrintedDocument:
    """``doc`` laid out for ``paper``; TextOverflowError naming ``where`` if something cannot fit."""
    where = where or doc.title
    area = frame(paper, doc.orientation, doc.running_heads)
    heads = running_heads(doc.title, doc.subtitle, area.width, doc.labels.logos(theme)) if doc.running_heads else None
    title = plan_title(doc, area.width)
    # A full-page block (the poster) takes what the title leaves, less a point for rounding.
    room = area.height - (title.height if title else 0.0) - 1.0
    planned = []
    for block in doc.blocks:
        with checking.item():  # validate notes each block's problem and goes on
            planned.append(PlannedBlock(block, plan_block(block, area, room, theme, where, doc.labels)))
    return PrintedDocument(doc, paper, area, heads, title, tuple(planned))
