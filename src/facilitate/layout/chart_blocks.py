"""A document's chart blocks as figures to draw, and as tables of their data.

Every renderer that draws a chart (the PDF, Word as a picture) takes its shapes from
:func:`figure`; a renderer that shows the numbers too (Word, for readers who cannot see
the picture) takes them from :func:`data_table`.
"""

from __future__ import annotations

from facilitate.layout.chart import bar_figure, comparison_figure, curve_figure, paired_bar_figure, quantity
from facilitate.layout.document import BarChart, ComparisonChart, CurveChart, PairedBarChart, Table
from facilitate.layout.figure import Figure
from facilitate.model.theme import Theme

ChartBlock = CurveChart | BarChart | ComparisonChart | PairedBarChart
CHART_BLOCKS = (CurveChart, BarChart, ComparisonChart, PairedBarChart)


def figure(block: ChartBlock, width: float, theme: Theme) -> Figure:
    """The chart ``width`` points wide, its shapes placed."""
    if isinstance(block, CurveChart):
        return curve_figure(block.history, block.forecast, block.target, block.unit, width, theme)
    if isinstance(block, BarChart):
        return bar_figure([(bar.label, bar.value, bar.spread) for bar in block.bars], block.scale, width, theme)
    if isinstance(block, ComparisonChart):
        return comparison_figure([(bar.label, bar.value, bar.spread) for bar in block.bars], block.levels,
                                 [(band.start, band.end, band.label) for band in block.bands], width, theme)
    return paired_bar_figure([(row.label, row.first, row.second, row.note) for row in block.rows],
                             (block.first_label, block.second_label), block.unit, width, theme)


def data_table(block: ChartBlock) -> Table:
    """The numbers the chart shows, as a table."""
    if isinstance(block, CurveChart):
        rows = [(p.period, quantity(p.value, block.unit), "what has happened") for p in block.history]
        rows += [(p.period, quantity(round(p.value, 1), block.unit), "if nothing changes") for p in block.forecast]
        if block.target is not None:
            rows.append((block.target.period, quantity(block.target.value, block.unit), "target"))
        return Table(("Period", block.unit or "Value", "Series"), tuple(rows), (3.0, 2.0, 2.0))
    if isinstance(block, BarChart):
        return Table(("Dimension", "Average level", "Spread (SD)"),
                     tuple((bar.label, f"{bar.value:.1f} of {len(block.scale)}", f"{bar.spread:.2f}") for bar in block.bars),
                     (3.0, 2.0, 2.0))
    if isinstance(block, ComparisonChart):
        return Table(("", "Average level", "Spread (SD)"),
                     tuple((bar.label, f"{bar.value:.1f} of {len(block.levels)}", f"{bar.spread:.2f}") for bar in block.bars),
                     (3.0, 2.0, 2.0))
    return Table((block.row_heading, f"{block.first_label} ({block.unit})", f"{block.second_label} ({block.unit})"),
                 tuple((row.label, f"{row.first:g}", f"{row.second:g}" if row.second is not None else row.note) for row in block.rows),
                 (3.0, 2.0, 2.0))
