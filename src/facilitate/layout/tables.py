"""Tables on paper: column widths, each cell's lines, and rows cut to fit a page.

Every cell is wrapped here with the bundled font's metrics, so the renderer draws the
lines as they are and never re-wraps them. A row taller than most of a page is cut
between lines into rows that continue on the next page (the header repeats above them);
nothing is ever clipped.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from facilitate.layout import textfit
from facilitate.layout.document import Table
from facilitate.layout.page import CELL

#: Cell padding: left and right, top, bottom.
PAD_X = 4.0
PAD_TOP = 3.0
PAD_BOTTOM = 4.0
#: Line height of cell text, as a multiple of its size.
CELL_LEADING = 1.3
#: A tick box in a cell: the character, its size, and the room it takes before the text.
TICK = "☐"
TICK_SIZE = CELL + 5
#: Rows left empty to write in, and rows of tick boxes, are at least this tall.
BLANK_ROW = 24.0
TICK_ROW = 30.0
#: A row is cut when it is taller than this share of the page's frame.
ROW_SHARE = 0.8


def tick_indent() -> float:
    return textfit.measure_with("regular")(TICK + " ", TICK_SIZE)


@attrs.frozen
class CellPlan:
    """One cell's text as lines; a tick cell has a tick box hanging to the left of its lines."""

    lines: tuple[str, ...]
    bold: bool = False
    tick: bool = False

    @property
    def height(self) -> float:
        text = len(self.lines) * CELL * CELL_LEADING
        if self.tick:
            text = max(text, TICK_SIZE * CELL_LEADING)
        return text + PAD_TOP + PAD_BOTTOM


@attrs.frozen
class RowPlan:
    cells: tuple[CellPlan, ...]
    height: float
    #: Every other row of the source table is shaded (parts of a cut row alike).
    shaded: bool = False


@attrs.frozen
class TablePlan:
    widths: tuple[float, ...]
    header: RowPlan
    rows: tuple[RowPlan, ...]


def _longest_word(text: str, bold: bool = False) -> float:
    """The width of the widest unbreakable run in ``text`` at cell size."""
    extra = 0.0
    if text.startswith(TICK):
        text, extra = text[1:], tick_indent()
    measure = textfit.measure_with("bold" if bold else "regular")
    return max((measure(word, CELL) for word in text.split()), default=0.0) + extra


def column_widths(block: Table, total: float, slack: float = 0.0) -> tuple[float, ...]:
    """Column widths in proportion to the block's weights, widened so no word has to break.

    A column narrower than its widest word (a clock time, a long name) takes the room it
    needs from the others, in proportion to their spare width; if the words cannot all
    fit, the proportions stand and the longest words break. ``slack`` is room added to
    each word, for renderers that set the text themselves with their own fonts (Word).
    """
    columns = len(block.header)
    weights = block.widths if len(block.widths) == columns else (1.0,) * columns
    widths = [total * weight / sum(weights) for weight in weights]
    needs = [
        max([_longest_word(block.header[index], bold=True)] + [_longest_word(row[index]) for row in block.rows if index < len(row)])
        + 2 * PAD_X
        + slack
        for index in range(columns)
    ]
    if sum(needs) > total:
        return tuple(widths)
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
    return tuple(widths)


def cell(text: str, width: float, bold: bool = False) -> CellPlan:
    """``text`` wrapped to a cell ``width`` wide (padding included); a leading ☐ becomes a tick box."""
    measure = textfit.measure_with("bold" if bold else "regular")
    if text.startswith(TICK):
        inner = width - 2 * PAD_X - tick_indent()
        return CellPlan(tuple(textfit.wrap(text[1:].strip(), inner, CELL, measure)), bold, tick=True)
    if not text:
        return CellPlan((), bold)
    return CellPlan(tuple(textfit.wrap(text, width - 2 * PAD_X, CELL, measure)), bold)


def _cut(cells: Sequence[CellPlan], limit: float) -> list[tuple[CellPlan, ...]]:
    """``cells`` as one row, or cut between lines into rows each at most ``limit`` tall.

    Each part takes the next lines of every cell by position, so a cell of many lines is
    cut in time in proportion to its lines.
    """
    if max(c.height for c in cells) <= limit:
        return [tuple(cells)]
    per_part = max(int((limit - PAD_TOP - PAD_BOTTOM) // (CELL * CELL_LEADING)), 1)
    longest = max(len(c.lines) for c in cells)
    parts: list[tuple[CellPlan, ...]] = []
    for start in range(0, longest, per_part):
        parts.append(tuple(attrs.evolve(c, lines=c.lines[start : start + per_part], tick=c.tick and start == 0) for c in cells))
    return parts


def plan_table(block: Table, width: float, frame_height: float) -> TablePlan:
    """The table laid out across ``width``, its rows cut to fit a frame ``frame_height`` tall."""
    widths = column_widths(block, width)
    header_cells = tuple(cell(text, w, bold=True) for text, w in zip(block.header, widths))
    header = RowPlan(header_cells, max(c.height for c in header_cells))
    limit = frame_height * ROW_SHARE - header.height
    rows: list[RowPlan] = []
    for number, row in enumerate(block.rows):
        texts = list(row) + [""] * (len(widths) - len(row))
        if not any(text.strip() for text in texts):
            least = BLANK_ROW
        else:
            least = TICK_ROW if any(text.startswith(TICK) for text in texts) else 0.0
        cells = [cell(text, w) for text, w in zip(texts, widths)]
        for part in _cut(cells, limit):
            rows.append(RowPlan(part, max(least, max(c.height for c in part)), shaded=number % 2 == 1))
    return TablePlan(widths, header, tuple(rows))


@attrs.frozen
class QuotePlan:
    """A quotation's lines, and its credit's, at their sizes."""

    text: textfit.Fitted
    credit: textfit.Fitted


QUOTE_SIZE, QUOTE_LEADING = 10.5, 14.5 / 10.5
CREDIT_SIZE, CREDIT_LEADING = 8.0, 10.5 / 8.0
#: The quote's rule on the left and the text's indent from it.
QUOTE_INDENT = 10.0


def plan_quote(text: str, author: str, source: str, width: float) -> QuotePlan:
    inner = width - QUOTE_INDENT - PAD_X
    credit = f"— {author}" + (f", {source}" if source else "")
    regular = textfit.measure_with("regular")
    return QuotePlan(
        textfit.Fitted(QUOTE_SIZE, tuple(textfit.wrap(text, inner, QUOTE_SIZE, regular)), QUOTE_LEADING),
        textfit.Fitted(CREDIT_SIZE, tuple(textfit.wrap(credit, inner, CREDIT_SIZE, regular)), CREDIT_LEADING),
    )
