"""A document's chart blocks as figures to draw, and as tables of their data.

Every renderer that draws a chart (the PDF, Word as a picture) takes its shapes from
:func:`figure`; a renderer that shows the numbers too (Word, for readers who cannot see
the picture) takes them from :func:`data_table`.
"""

from __future__ import annotations

from facilitate.labels import ENGLISH, Labels
from facilitate.layout.chart import bar_figure, comparison_figure, curve_figure, paired_bar_figure, quantity
from facilitate.layout.document import BarChart, ComparisonChart, CurveChart, PairedBarChart, Table
from facilitate.layout.figure import Figure
from facilitate.model.theme import Theme

ChartBlock = CurveChart | BarChart | ComparisonChart | PairedBarChart
CHART_BLOCKS = (CurveChart, BarChart, ComparisonChart, PairedBarChart)


def figure(block: ChartBlock, width: float, theme: Theme, labels: Labels = ENGLISH) -> Figure:
    """The chart ``width`` points wide, its shapes placed, its words and numbers in ``labels``' language."""
    if isinstance(block, CurveChart):
        return curve_figure(block.history, block.forecast, block.target, block.unit, width, theme, labels=labels)
    if isinstance(block, BarChart):
        return bar_figure([(bar.label, bar.value, bar.spread) for bar in block.bars], block.scale, width, theme, labels=labels)
    if isinstance(block, ComparisonChart):
        return comparison_figure([(bar.label, bar.value, bar.spread) for bar in block.bars], block.levels,
                                 [(band.start, band.end, band.label) for band in block.bands], width, theme, labels=labels)
    return paired_bar_figure([(row.label, row.first, row.second, row.note) for row in block.rows],
                             (block.first_label, block.second_label), block.unit, width, theme, labels_=labels)


def data_table(block: ChartBlock, labels: Labels = ENGLISH) -> Table:
    """The numbers the chart shows, as a table."""
    _ = labels.gettext
    number = labels.number
    if isinstance(block, CurveChart):
        rows = [(p.period, quantity(p.value, block.unit, labels), _("what has happened")) for p in block.history]
        rows += [(p.period, quantity(round(p.value, 1), block.unit, labels), _("if nothing changes")) for p in block.forecast]
        if block.target is not None:
            rows.append((block.target.period, quantity(block.target.value, block.unit, labels), labels.pgettext("chart series", "target")))
        return Table((_("Period"), block.unit or _("Value"), _("Series")), tuple(rows), (3.0, 2.0, 2.0))
    if isinstance(block, (BarChart, ComparisonChart)):
        top = len(block.scale) if isinstance(block, BarChart) else len(block.levels)
        return Table((_("Dimension") if isinstance(block, BarChart) else "", _("Average level"), _("Spread (SD)")),
                     tuple((bar.label, _("{value} of {top}").format(value=number(bar.value, 1), top=top), number(bar.spread, 2))
                           for bar in block.bars),
                     (3.0, 2.0, 2.0))
    return Table((block.row_heading, f"{block.first_label} ({block.unit})", f"{block.second_label} ({block.unit})"),
                 tuple((row.label, number(row.first), number(row.second) if row.second is not None else row.note) for row in block.rows),
                 (3.0, 2.0, 2.0))
