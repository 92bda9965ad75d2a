"""Tables drawn as planned: the column widths and each cell's lines come from layout.tables."""

from __future__ import annotations

import bisect
from typing import Any

from reportlab.platypus import Flowable, TableStyle
from reportlab.platypus import Table as Grid

from facilitate.exporters._reportlab import BOLD, REGULAR, colour, draw_lines, fill
from facilitate.layout import textfit
from facilitate.layout.page import CELL
from facilitate.layout.tables import CELL_LEADING, PAD_BOTTOM, PAD_TOP, PAD_X, TICK, TICK_SIZE, CellPlan, TablePlan, tick_indent
from facilitate.exporters.handout_pdf.style import GRID, ZEBRA
from facilitate.model.theme import Theme


class CellLines(Flowable):  # type: ignore[misc]
    """A cell's lines (and tick box), top-aligned."""

    def __init__(self, cell: CellPlan, colour_value: str) -> None:
        super().__init__()
        self.cell = cell
        self.colour = colour_value

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return available_width, self.cell.height - PAD_TOP - PAD_BOTTOM

    def draw(self) -> None:
        canvas = self.canv
        height = self.cell.height - PAD_TOP - PAD_BOTTOM
        left = 0.0
        if self.cell.tick:
            fill(canvas, self.colour)
            canvas.setFont(REGULAR, TICK_SIZE)
            canvas.drawString(0, height - TICK_SIZE * 0.95, TICK)
            left = tick_indent()
        lines = textfit.Fitted(CELL, self.cell.lines, CELL_LEADING)
        top = height - (TICK_SIZE - CELL) * 0.5 if self.cell.tick else height
        draw_lines(canvas, lines, "bold" if self.cell.bold else "regular", self.colour, left, top)


def grid(plan: TablePlan, theme: Theme) -> Any:
    """The table, its header repeated on every page it runs onto."""
    return PagedTable(plan, theme)


class PagedTable(Flowable):  # type: ignore[misc]
    """A planned table drawn a page at a time: each page's rows become one reportlab table that fits it.

    reportlab splits a long table by copying the rows left over at every page, which takes
    time in proportion to the square of the rows; here a page's rows are found from the
    rows' running heights, so the whole table takes time in proportion to its rows.
    """

    def __init__(self, plan: TablePlan, theme: Theme, start: int = 0, tops: list[float] | None = None) -> None:
        super().__init__()
        self.plan = plan
        self.theme = theme
        self.start = start
        if tops is None:
            tops = [0.0]
            for row in plan.rows:
                tops.append(tops[-1] + row.height)
        #: tops[i]: the height of rows before row i (shared by every part of the table).
        self.tops = tops
        self.hAlign = "LEFT"
        self.spaceBefore = 2 if start == 0 else 0
        self.spaceAfter = 6
        self._part: Any = None

    def _height(self, stop: int) -> float:
        return self.plan.header.height + self.tops[stop] - self.tops[self.start]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return sum(self.plan.widths), self._height(len(self.plan.rows))

    def split(self, available_width: float, available_height: float) -> list[Any]:
        room = available_height - self.plan.header.height
        stop = bisect.bisect_right(self.tops, self.tops[self.start] + room + 1e-6) - 1
        stop = min(stop, len(self.plan.rows))
        if stop <= self.start:
            return []  # not one row fits: the table starts on the next page
        first = _rows(self.plan, self.theme, self.start, stop)
        first.spaceBefore, first.spaceAfter = self.spaceBefore, 0
        return [first, PagedTable(self.plan, self.theme, stop, self.tops)]

    def draw(self) -> None:
        part = _rows(self.plan, self.theme, self.start, len(self.plan.rows))
        width, height = part.wrapOn(self.canv, sum(self.plan.widths), self._height(len(self.plan.rows)))
        part.drawOn(self.canv, 0, 0)


def _rows(plan: TablePlan, theme: Theme, start: int, stop: int) -> Any:
    """The header and rows ``start`` to ``stop`` as one reportlab table (it fits on the page it is drawn on)."""
    chosen = plan.rows[start:stop]
    rows = [[CellLines(cell, theme.on_primary) for cell in plan.header.cells]]
    rows += [[CellLines(cell, theme.text) for cell in row.cells] for row in chosen]
    heights = [plan.header.height, *(row.height for row in chosen)]
    shading = [("BACKGROUND", (0, index), (-1, index), colour(ZEBRA)) for index, row in enumerate(chosen, start=1) if row.shaded]
    table = Grid(rows, colWidths=list(plan.widths), rowHeights=heights, repeatRows=1, hAlign="LEFT", spaceBefore=2, spaceAfter=6)
    table.setStyle(
        TableStyle(
            [
                # Tables set a font per cell even around flowables: name the embedded one.
                ("FONT", (0, 0), (-1, -1), REGULAR, CELL),
                ("FONT", (0, 0), (-1, 0), BOLD, CELL),
                ("BACKGROUND", (0, 0), (-1, 0), colour(theme.primary)),
                *shading,
                ("GRID", (0, 0), (-1, -1), 0.5, colour(GRID)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
                ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
                ("TOPPADDING", (0, 0), (-1, -1), PAD_TOP),
                ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_BOTTOM),
            ]
        )
    )
    return table
