"""Charts and tables as pure data: the curve's line chart, the rubric's scores, the rubric table.

The curve's periods, forecast line and round-numbered value axis come from layout.chart,
so the deck's chart and the PDF handout's agree. The rubric table's rows are measured to
hold their text (20 pt, down to 18 pt) and split across slides with the header repeated.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence

from facilitate.errors import TextOverflowError
from facilitate.labels import ENGLISH, Labels
from facilitate.layout import textfit
from facilitate.layout.chart import PlotPoint, plot_curve
from facilitate.layout.slides.fitting import TABLE_MAX, TABLE_MIN, LEADING, WIDTH_SAFETY, continued, lines
from facilitate.layout.slides.spec import INSET_X, INSET_Y, Box, Cell, Chart, Series, Table
from facilitate.model.curve import TurnTheCurve
from facilitate.model.maturity import MaturityRubric
from facilitate.model.theme import Theme, contrast_ratio, tint


def readable(foreground: str, background: str, fallback: str) -> str:
    """``foreground`` if it reads on ``background`` (WCAG AA, 4.5:1), else ``fallback``."""
    return foreground if contrast_ratio(foreground, background) >= 4.5 else fallback


def curve_chart(curve: TurnTheCurve, theme: Theme, box: Box, labels: Labels = ENGLISH) -> Chart:
    """A line chart: the baseline, the forecast dashed from its last point, and the target.

    Its categories are the periods of the PDF chart's axis: on a time axis with a grid
    (years, terms, months...) the periods missing from the data are categories of their
    own, with no values, and the lines run across them; periods in time but not evenly
    spaced on any grid (dates, a mix of kinds) go on a date axis instead.
    """
    _ = labels.gettext
    plot = plot_curve(curve.baseline, curve.projected, curve.target)
    periods = [period for period, _ in plot.periods]
    index = {period: i for i, period in enumerate(periods)}

    def values(points: Iterable[PlotPoint]) -> tuple[float | None, ...]:
        out: list[float | None] = [None] * len(periods)
        for point in points:
            out[index[point.period]] = point.value
        return tuple(out)

    series = [Series(_("Baseline"), values(plot.history), theme.primary)]
    if plot.forecast_line:
        series.append(Series(_("Forecast"), values(plot.forecast_line), theme.muted, dashed=True))
    if plot.target is not None:
        # A marker is a graphic: WCAG asks 3:1 against the background.
        marker = theme.accent if contrast_ratio(theme.accent, theme.background) >= 3 else theme.text
        series.append(Series(labels.pgettext("chart series", "Target"), values((plot.target,)), marker, line=False))
    unit = f" ({curve.indicator.unit})" if curve.indicator.unit else ""
    described = "; ".join(
        f"{s.name.lower()} " + ", ".join(f"{periods[i]} {labels.spoken(v)}" for i, v in enumerate(s.values) if v is not None)
        for s in series
    )
    line = (_("Line chart of {indicator} (lower is better): {values}.") if curve.better_is_lower
            else _("Line chart of {indicator} (higher is better): {values}."))
    alt = line.format(indicator=f"{curve.indicator.name}{unit}", values=described)
    dates = plot.dates if plot.timed and not plot.even else ()
    date_format, date_unit, date_step = date_axis(dates) if dates else ("yyyy-mm-dd", "days", 1)
    return Chart("line", box, tuple(periods), tuple(series), alt, value_title=curve.indicator.name + unit,
                 minimum=plot.scale.low, maximum=plot.scale.high, major_unit=plot.scale.step,
                 text_colour=theme.text, name="curve", span_gaps=plot.timed, category_dates=dates,
                 date_format=date_format, date_unit=date_unit, date_step=date_step)


#: Major ticks a date axis aims at, at most.
DATE_TICKS = 6


def date_axis(dates: Sequence[dt.date]) -> tuple[str, str, int]:
    """A date axis's label format, tick unit and tick step for ``dates``: days within two
    months, months within three years, years beyond; about ``DATE_TICKS`` ticks."""
    span = dates[-1].toordinal() - dates[0].toordinal()
    if span <= 62:
        return "d mmm yyyy", "days", max(1, math.ceil(span / DATE_TICKS))
    months = (dates[-1].year - dates[0].year) * 12 + dates[-1].month - dates[0].month
    if months <= 36:
        return "mmm yyyy", "months", max(1, math.ceil(months / DATE_TICKS))
    return "yyyy", "years", max(1, math.ceil((dates[-1].year - dates[0].year) / DATE_TICKS))


def scores_chart(rubric: MaturityRubric, theme: Theme, box: Box, labels: Labels = ENGLISH) -> Chart:
    """A bar chart of each dimension's mean level."""
    _ = labels.gettext
    scores = rubric.assess().scores
    levels = max(len(d.levels) for d in rubric.dimensions)
    series = Series(_("Mean level"), tuple(s.mean for s in scores), theme.primary)
    described = ", ".join(f"{s.dimension.title} {labels.spoken(s.mean)}" for s in scores)
    respondents = rubric.assess().respondents
    alt = labels.ngettext(
        "Bar chart of mean maturity level (1 to {top}) by dimension, {count} response: {values}.",
        "Bar chart of mean maturity level (1 to {top}) by dimension, {count} responses: {values}.",
        respondents,
    ).format(top=levels, count=respondents, values=described)
    return Chart("bar", box, tuple(s.dimension.title for s in scores), (series,), alt,
                 value_title=_("Mean level (1 to {top})").format(top=levels), minimum=0, maximum=levels, major_unit=1,
                 text_colour=theme.text, legend=False, name="scores")


Row = tuple[Cell, ...]


def _row_height(cells: Row, widths: Sequence[float], size: float) -> float:
    tallest = 0.0
    for cell, width in zip(cells, widths):
        tallest = max(tallest, len(lines(cell.text, width - 2 * INSET_X, size, cell.bold)) * size * LEADING)
    return math.ceil(tallest + 2 * INSET_Y + 2)


def _heights(rows: Sequence[Row], widths: Sequence[float], size: float) -> tuple[float, ...]:
    return tuple(_row_height(row, widths, size) for row in rows)


def _level_groups(rows: Sequence[Row], columns: int, box: Box, first: float) -> list[list[int]]:
    """The level columns shown together on one slide: all of them if every word fits its column
    unbroken at the floor size, else fewer per slide (a word is never broken unless it alone is
    wider than the widest column it could have)."""
    def whole(group: list[int]) -> bool:
        width = (box.width - first) / len(group)
        room = (width - 2 * INSET_X) * WIDTH_SAFETY
        return all(textfit.widest_word(row[1 + column].text, row[1 + column].bold) * TABLE_MIN <= room for row in rows for column in group)

    for per_slide in range(columns, 0, -1):
        groups = [list(chunk) for chunk in textfit.even_chunks(range(columns), math.ceil(columns / per_slide))]
        if all(whole(group) for group in groups):
            return groups
    return [[column] for column in range(columns)]


def rubric_tables(
    rubric: MaturityRubric, theme: Theme, box: Box, what: str, labels: Labels = ENGLISH
) -> list[tuple[Table, str, tuple[int, int] | None]]:
    """The rubric as one or more tables, none with text below 18 pt and no word broken that need not be.

    When its levels do not fit side by side at 18 pt, each slide shows fewer of them (the
    dimension column repeated); when its rows do not fit one slide, they go on across slides
    with the header repeated.
    """
    columns = max(len(d.levels) for d in rubric.dimensions)
    scale = list(rubric.scale) + [labels.gettext("Level {number}").format(number=n) for n in range(len(rubric.scale) + 1, columns + 1)]
    shade = tint(theme.primary, 0.08)
    body_fill = shade if contrast_ratio(theme.text, shade) >= 4.5 else theme.background
    header = (Cell(labels.gettext("Dimension"), True, theme.on_primary, theme.primary),) + tuple(
        Cell(label, True, theme.on_primary, theme.primary) for label in scale
    )
    rows: list[Row] = []
    for number, dimension in enumerate(rubric.dimensions):
        fill = body_fill if number % 2 else theme.background
        cells = [Cell(dimension.title, True, readable(theme.primary, fill, theme.text), fill)]
        for column in range(columns):
            if column < len(dimension.levels):
                level = dimension.levels[column]
                text = level.descriptor or level.label
                if level.descriptor and level.label != scale[column]:
                    text = f"{level.label}: {level.descriptor}"
            else:
                text = ""
            cells.append(Cell(text, False, theme.text, fill))
        rows.append(tuple(cells))
    widest_title = max(textfit.widest_word(row[0].text, True) * TABLE_MIN for row in (header, *rows))
    first = round(max(box.width * (0.2 if columns >= 4 else 0.25), min(widest_title / WIDTH_SAFETY + 2 * INSET_X + 1, box.width * 0.35)), 1)
    groups = _level_groups((header, *rows), columns, box, first)
    slides: list[tuple[tuple[float, ...], tuple[float, ...], list[Row], float]] = []
    for group in groups:
        widths = (first,) + ((box.width - first) / len(group),) * len(group)
        shown = [(row[0], *(row[1 + column] for column in group)) for row in (header, *rows)]
        def laid_out(size: float, shown: list[Row] = shown, widths: tuple[float, ...] = widths) -> tuple[float, tuple[float, ...]]:
            return size, _heights(shown, widths, size)

        (size, heights), one_slide = textfit.largest_fitting(laid_out, lambda laid: sum(laid[1]) <= box.height, TABLE_MAX, TABLE_MIN)
        head, body = heights[0], heights[1:]
        if one_slide:
            slides.append((widths, heights, shown, size))
            continue
        chunks: list[list[int]] = [[]]
        used = head
        for index, height in enumerate(body):
            if head + height > box.height:
                raise TextOverflowError(
                    f"the row is too tall for a slide even at {TABLE_MIN:g} pt ({height + head:.0f} pt where"
                    f" {box.height:.0f} pt fit); shorten its descriptors",
                    rubric.dimensions[index],
                    ("levels",),
                )
            if chunks[-1] and used + height > box.height:
                chunks.append([])
                used = head
            chunks[-1].append(index)
            used += height
        # As many slides as packing needs, but the rows shared out evenly when they fit that way.
        even = textfit.even_chunks(range(len(rows)), len(chunks))
        if len(even) == len(chunks) and all(head + sum(body[i] for i in chunk) <= box.height for chunk in even):
            chunks = even
        for chunk in chunks:
            slides.append((widths, (head, *(body[i] for i in chunk)), [shown[0], *(shown[1 + i] for i in chunk)], size))
    count = len(slides)
    return [
        (_table(box, widths, heights, shown, size, rubric, labels), continued(rubric.title, number, count), (number, count) if count > 1 else None)
        for number, (widths, heights, shown, size) in enumerate(slides, start=1)
    ]


def _table(box: Box, widths: Sequence[float], heights: Sequence[float], rows: Sequence[Row], size: float,
           rubric: MaturityRubric, labels: Labels = ENGLISH) -> Table:
    used = Box(box.x, box.y, box.width, float(sum(heights)))
    alt = labels.gettext("Table: the {rubric} rubric, one row per dimension, one column per level.").format(rubric=rubric.title)
    return Table(used, tuple(widths), tuple(float(h) for h in heights), tuple(rows), size,
                 alt_text=alt,
                 name="rubric")
