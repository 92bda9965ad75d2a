"""Charts as coordinates: where each data point, tick and bar goes, before anything is drawn.

Pure functions from data to positions inside a plot area whose origin is its bottom-left
corner, with y growing upwards (as in PDF). The exporter only draws what these return,
so the maths is tested without a PDF.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

import attrs

from facilitate.labels import ENGLISH, Labels
from facilitate.layout.figure import Circle, Figure, Line, Polygon, Rect, Shape, Text
from facilitate.model.curve import DataPoint
from facilitate.model.periods import increasing_times, timeline
from facilitate.model.theme import Theme, mix, tint


@attrs.frozen
class Scale:
    """A value axis with round numbers at each end: ``low`` to ``high`` in steps of ``step``."""

    low: float
    high: float
    step: float

    @property
    def ticks(self) -> tuple[float, ...]:
        first = round(self.low / self.step)
        count = round((self.high - self.low) / self.step)
        return tuple(_tidy((first + index) * self.step) for index in range(count + 1))

    @property
    def decimals(self) -> int:
        """Decimal places that show every tick exactly (0 for whole steps)."""
        for places in range(16):
            shifted = self.step * 10**places
            if abs(shifted - round(shifted)) < 1e-6 * shifted:
                return places
        return 15

    def label(self, value: float, labels: Labels = ENGLISH) -> str:
        return labels.number(value, self.decimals)

    def position(self, value: float, length: float) -> float:
        """Where ``value`` sits along an axis ``length`` points long."""
        return (value - self.low) / (self.high - self.low) * length


def _tidy(value: float) -> float:
    """Round away float noise such as 0.30000000000000004 (to 12 significant digits)."""
    return float(f"{value:.12g}") + 0.0


def nice_step(span: float, count: int = 5) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) giving about ``count`` intervals."""
    raw = span / max(count, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 2.5, 5, 10):
        if raw <= multiple * magnitude * (1 + 1e-9):
            return _tidy(multiple * magnitude)
    return _tidy(10 * magnitude)  # pragma: no cover - the loop always returns


def nice_scale(values: Sequence[float], count: int = 5) -> Scale:
    """The smallest round-numbered axis that holds every value in ``values``."""
    low, high = min(values), max(values)
    if high - low <= max(abs(high), abs(low), 1.0) * 1e-9:  # flat (to the precision a chart can show)
        pad = abs(high) * 0.1 or 1.0
        low, high = low - pad, high + pad
    step = nice_step(high - low, count)
    return Scale(_tidy(math.floor(low / step + 1e-12) * step), _tidy(math.ceil(high / step - 1e-12) * step), step)


@attrs.frozen
class PlotPoint:
    """A data point and where it is drawn."""

    period: str
    value: float
    x: float
    y: float


@attrs.frozen
class CurvePlot:
    """A turn-the-curve chart laid out in a ``width`` × ``height`` plot area."""

    width: float
    height: float
    scale: Scale
    #: Every period on the x axis, in order, with its x position: on a time axis, the
    #: periods missing from the data too (2020 and 2021 between 2019 and 2022).
    periods: tuple[tuple[str, float], ...]
    history: tuple[PlotPoint, ...]
    #: The forecast points alone (markers).
    forecast: tuple[PlotPoint, ...]
    #: The dashed line: the last history point, then the forecast points.
    forecast_line: tuple[PlotPoint, ...]
    target: PlotPoint | None
    #: Whether the periods are placed in time (else evenly, in the order written).
    timed: bool = False
    #: The middle day of each period in ``periods`` when they are placed in time.
    dates: tuple[dt.date, ...] = ()

    @property
    def ticks(self) -> tuple[tuple[float, float, str], ...]:
        """Each y tick as (value, y, label)."""
        return tuple((value, self.scale.position(value, self.height), self.scale.label(value)) for value in self.scale.ticks)

    @property
    def even(self) -> bool:
        """Whether the periods are evenly spaced, so that a category axis (one slot each) is true to time."""
        xs = [x for _, x in self.periods]
        gaps = [b - a for a, b in zip(xs, xs[1:])]
        return not gaps or max(gaps) - min(gaps) <= 1e-6 * max(self.width, 1.0)


@attrs.frozen
class PeriodAxis:
    """Where periods go along an x axis ``width`` long."""

    #: Every period on the axis, in order, with its x: the given ones, and on a time axis
    #: with a grid (years, terms, months...) the missing ones between them.
    ticks: tuple[tuple[str, float], ...]
    #: Whether the periods are placed in time (else evenly, in the order given).
    timed: bool
    #: The middle day of each tick's period, when timed.
    dates: tuple[dt.date, ...] = ()

    def position(self, period: str) -> float:
        return next(x for label, x in self.ticks if label == period)


def period_axis(periods: Sequence[str], width: float, timed: bool = True) -> PeriodAxis:
    """Periods along an axis ``width`` long: in time when ``timed`` and every period is one
    facilitate can place in time (see ``model.periods``), else each in the middle of its own
    equal slot, in the order given.

    In time, the axis runs from half a step before the first period to half a step after
    the last, where a step is the grid's (a year, a term, a month...) or, for dates and
    mixed kinds, the smallest gap between periods: evenly spaced periods land exactly
    where equal slots would put them, and a gap in the data is a gap on the axis.
    """
    line = timeline(periods) if timed else None
    if line is None:
        count = len(periods)
        return PeriodAxis(tuple((period, (index + 0.5) * width / count) for index, period in enumerate(periods)), False)
    ticks = line.ticks()
    # On a grid, counted in its steps (exact: no rounding of a year's fraction).
    times = [float(period.index) if line.grid else period.time for _, period in ticks]
    margin = 0.5 if line.grid else line.step / 2
    span = times[-1] - times[0] + 2 * margin
    return PeriodAxis(
        tuple((label, (time - times[0] + margin) / span * width) for (label, _), time in zip(ticks, times)),
        True,
        tuple(period.middle for _, period in ticks),
    )


def period_positions(periods: Sequence[str], width: float) -> dict[str, float]:
    """Each period's x across ``width``: in time when they can be placed in time, else in equal slots."""
    return dict(period_axis(periods, width).ticks)


def plot_curve(
    history: Sequence[DataPoint],
    forecast: Sequence[DataPoint] = (),
    target: DataPoint | None = None,
    width: float = 400.0,
    height: float = 200.0,
) -> CurvePlot:
    """Lay out a baseline: history, the forecast if nothing changes, and the target.

    Periods are placed in time when every one of them is a period facilitate knows and
    the history and forecast run forwards in time (``period_axis``); otherwise they are
    spaced evenly in the order they first appear (history, forecast, then the target's
    period). The y axis runs between round numbers and always includes the target. The
    forecast line starts at the last history point, so the dashed line continues the
    solid one; a forecast point for the last history period is left out.
    """
    if not history:
        raise ValueError("a curve needs at least one history point")
    last = history[-1]
    forecast = tuple(point for point in forecast if point.period != last.period)
    periods = list(dict.fromkeys(point.period for point in (*history, *forecast)))
    if target is not None and target.period not in periods:
        periods.append(target.period)
    in_order = increasing_times([point.period for point in (*history, *forecast)]) is not None
    axis = period_axis(periods, width, timed=in_order)
    xs = dict(axis.ticks)
    values = [point.value for point in (*history, *forecast)] + ([target.value] if target else [])
    scale = nice_scale(values)

    def place(point: DataPoint) -> PlotPoint:
        return PlotPoint(point.period, point.value, xs[point.period], scale.position(point.value, height))

    placed_history = tuple(place(point) for point in history)
    placed_forecast = tuple(place(point) for point in forecast)
    return CurvePlot(
        width=width,
        height=height,
        scale=scale,
        periods=axis.ticks,
        history=placed_history,
        forecast=placed_forecast,
        forecast_line=(placed_history[-1], *placed_forecast) if placed_forecast else (),
        target=place(target) if target is not None else None,
        timed=axis.timed,
        dates=axis.dates,
    )


def thin_labels(positions: Sequence[float], widths: Sequence[float], gap: float = 4.0) -> tuple[bool, ...]:
    """Which of some centred axis labels to show so none overlap.

    Every k-th label from the first, with k as small as possible; the last label is shown
    too (in place of the one before it if they would touch), since it is often the target.
    """
    count = len(positions)

    def clear(a: int, b: int) -> bool:
        return positions[b] - widths[b] / 2 - (positions[a] + widths[a] / 2) >= gap

    for every in range(1, count + 1):
        kept = [index for index in range(count) if index % every == 0]
        if all(clear(a, b) for a, b in zip(kept, kept[1:])):
            break
    if kept[-1] != count - 1:
        if len(kept) > 1 and not clear(kept[-1], count - 1):
            kept.pop()
        kept.append(count - 1)
    return tuple(index in kept for index in range(count))


@attrs.frozen
class BarGeometry:
    """One horizontal bar: its row, its length, and its spread whisker."""

    label: str
    value: float
    spread: float
    #: The middle of the bar's row, from the bottom of the plot.
    y: float
    thickness: float
    length: float
    whisker_from: float
    whisker_to: float


@attrs.frozen
class BarPlot:
    """Horizontal bars on a 0..``highest`` scale, the first bar at the top."""

    width: float
    height: float
    highest: float
    bars: tuple[BarGeometry, ...]
    #: (value, x) of a grid line at each whole number 1..highest.
    grid: tuple[tuple[int, float], ...]


def plot_bars(
    bars: Sequence[tuple[str, float, float]],
    highest: float,
    width: float = 300.0,
    height: float = 120.0,
    lowest: float = 1.0,
) -> BarPlot:
    """Lay out (label, value, spread) bars; whiskers run value ± spread, kept to lowest..highest."""
    if not bars:
        raise ValueError("a bar chart needs at least one bar")
    row = height / len(bars)

    def x(value: float) -> float:
        return value / highest * width

    placed = tuple(
        BarGeometry(
            label=label,
            value=value,
            spread=spread,
            y=height - (index + 0.5) * row,
            thickness=row * 0.6,
            length=x(value),
            whisker_from=x(max(lowest, value - spread)),
            whisker_to=x(min(highest, value + spread)),
        )
        for index, (label, value, spread) in enumerate(bars)
    )
    grid = tuple((level, x(level)) for level in range(1, int(highest) + 1))
    return BarPlot(width, height, highest, placed, grid)


# --- figures: charts placed for drawing --------------------------------------------------

#: The height of a turn-the-curve chart on paper.
CURVE_HEIGHT = 200.0
#: The height of one bar's row in a bar chart on paper.
BAR_ROW = 24.0
GRID_COLOUR = "#dddddd"


def quantity(value: float, unit: str, labels: Labels = ENGLISH, say: bool = False) -> str:
    """A value with its unit, as the language writes numbers: "9%", "40 starts", "2,5 %";
    ``say``: rounded as a person would say it (alt text)."""
    number = labels.spoken(value) if say else labels.number(value)
    if not unit:
        return number
    if unit.startswith("%"):
        return f"{number}{labels.percent_space}{unit}"
    return f"{number} {unit}"


def _width(text: str, size: float, bold: bool = False) -> float:
    from facilitate.layout import fonts

    return fonts.metrics("bold" if bold else "regular").width(text, size)


def _diamond(x: float, y: float, radius: float) -> tuple[tuple[float, float], ...]:
    return ((x, y + radius), (x + radius, y), (x, y - radius), (x - radius, y))


def curve_figure(
    history: Sequence[DataPoint],
    forecast: Sequence[DataPoint],
    target: DataPoint | None,
    unit: str,
    width: float,
    theme: Theme,
    height: float = CURVE_HEIGHT,
    labels: Labels = ENGLISH,
) -> Figure:
    """A turn-the-curve chart as shapes: grid and axes, the history, the dashed forecast, the target, a legend."""
    left, right, bottom, top = 46.0, 16.0, 30.0, 30.0
    plot = plot_curve(history, forecast, target, width - left - right, height - bottom - top)
    shapes: list[Shape] = []

    def at(x: float, y: float) -> tuple[float, float]:
        return left + x, bottom + y

    for tick, y, _label in plot.ticks:
        shapes.append(Line(((left, bottom + y), (left + plot.width, bottom + y)), GRID_COLOUR, 0.5))
        shapes.append(Text(left - 4, bottom + y - 2.5, plot.scale.label(tick, labels), 7.5, theme.muted, anchor="end"))
    shapes.append(Line(((left, bottom), (left + plot.width, bottom)), theme.muted, 0.8))
    shapes.append(Line(((left, bottom), (left, bottom + plot.height)), theme.muted, 0.8))
    if unit:
        shapes.append(Text(left - 4, bottom + plot.height + 8, unit, 7.5, theme.muted, anchor="end"))
    xs = [x for _, x in plot.periods]
    widths = [_width(period, 7.5) for period, _ in plot.periods]
    for (period, x), shown in zip(plot.periods, thin_labels(xs, widths)):
        shapes.append(Line(((left + x, bottom), (left + x, bottom - 3)), theme.muted, 0.8))
        if shown:
            shapes.append(Text(left + x, bottom - 13, period, 7.5, theme.text, anchor="middle"))
    if plot.target is not None and target is not None:
        placed = plot.target
        shapes.append(Line(((left, bottom + placed.y), (left + plot.width, bottom + placed.y)), theme.accent, 0.8, (2.0, 2.0)))
        x, y = at(placed.x, placed.y)
        shapes.append(Polygon(_diamond(x, y, 5), theme.accent))
        words = labels.gettext("Target {value} ({period})").format(value=quantity(target.value, unit, labels), period=target.period)
        anchor = "end" if placed.x + _width(words, 7.5, True) / 2 > plot.width else "middle"
        # Above the marker, or below it when the marker is at the top by the legend.
        label_y = y + 8 if placed.y + 18 < plot.height else y - 14
        shapes.append(Text(x, label_y, words, 7.5, theme.accent, bold=True, anchor=anchor))
    if plot.forecast_line:
        shapes.append(Line(tuple(at(point.x, point.y) for point in plot.forecast_line), theme.primary, 1.4, (5.0, 3.0)))
        for point in plot.forecast:
            shapes.append(Circle(*at(point.x, point.y), 2.6, theme.background, theme.primary, 1.0))
    if len(plot.history) > 1:
        shapes.append(Line(tuple(at(point.x, point.y) for point in plot.history), theme.primary, 2.0))
    values = [labels.number(point.value) for point in plot.history]
    # Value labels as many as fit side by side, always including the latest.
    shown_values = thin_labels([-point.x for point in plot.history][::-1], [_width(v, 7) for v in values][::-1])[::-1]
    for index, (point, value, visible) in enumerate(zip(plot.history, values, shown_values)):
        x, y = at(point.x, point.y)
        shapes.append(Circle(x, y, 2.8, theme.primary))
        if visible:
            # Below a dip (lower than both neighbours), above anywhere else, clear of the line.
            neighbours = [p.y for p in plot.history[max(index - 1, 0) : index + 2] if p is not point]
            below = bool(neighbours) and point.y < min(neighbours) and point.y > 12
            shapes.append(Text(x, y - 12 if below else y + 6, value, 7.0, theme.text, anchor="middle"))
    shapes += _curve_legend(width - right, height - 12, theme, target is not None, bool(plot.forecast), labels, width - right - left)
    return Figure(width, height, tuple(shapes), describe_curve(history, forecast, target, unit, labels))


#: Room each legend entry takes beside its words: the swatch and the gaps.
LEGEND_SWATCH = 38.0
LEGEND_SIZE, LEGEND_FLOOR = 7.5, 6.0


def _curve_legend(right: float, y: float, theme: Theme, target: bool, forecast: bool, labels: Labels = ENGLISH,
                  room: float = float("inf")) -> list[Shape]:
    """The key at the top right; in ``room`` points at most, its words shrunk then shortened (never wider)."""
    from facilitate.layout import compose

    _ = labels.gettext
    entries = [(_("What has happened"), "solid")]
    if forecast:
        entries.append((_("If nothing changes"), "dashed"))
    if target:
        entries.append((pgettext_target(labels), "target"))
    size = LEGEND_SIZE
    while size > LEGEND_FLOOR and sum(_width(words, size) + LEGEND_SWATCH for words, _kind in entries) > room:
        size -= 0.25
    share = room / len(entries) - LEGEND_SWATCH
    if sum(_width(words, size) + LEGEND_SWATCH for words, _kind in entries) > room:
        entries = [(compose.elide(words, lambda text: _width(text, size) <= share), kind) for words, kind in entries]
    shapes: list[Shape] = []
    x = right
    for words, kind in reversed(entries):
        x -= _width(words, size)
        shapes.append(Text(x, y - 2.5, words, size, theme.text))
        x -= 24
        if kind == "target":
            shapes.append(Polygon(_diamond(x + 10, y, 4), theme.accent))
        elif kind == "dashed":
            shapes.append(Line(((x, y), (x + 20, y)), theme.primary, 1.4, (5.0, 3.0)))
        else:
            shapes.append(Line(((x, y), (x + 20, y)), theme.primary, 2.0))
        x -= 14
    return shapes


def pgettext_target(labels: Labels) -> str:
    """ "Target": the series' name in a chart's key."""
    return labels.pgettext("chart series", "Target")


def describe_curve(history: Sequence[DataPoint], forecast: Sequence[DataPoint], target: DataPoint | None, unit: str,
                   labels: Labels = ENGLISH) -> str:
    """The chart in words, for alt text."""
    _ = labels.gettext
    words = _("What has happened: {values}.").format(
        values=", ".join(f"{p.period} {quantity(p.value, unit, labels, say=True)}" for p in history))
    if forecast:
        words += " " + _("If nothing changes: {values}.").format(
            values=", ".join(f"{p.period} {quantity(p.value, unit, labels, say=True)}" for p in forecast))
    if target is not None:
        words += " " + _("Target: {value} by {period}.").format(value=quantity(target.value, unit, labels, say=True), period=target.period)
    return words


def bar_figure(
    bars: Sequence[tuple[str, float, float]],
    scale: Sequence[str],
    width: float,
    theme: Theme,
    where: str = "",
    labels: Labels = ENGLISH,
) -> Figure:
    """Mean levels as horizontal bars with spread whiskers; the lowest bar in the accent colour."""
    from facilitate.layout import compose

    label_width = min(190.0, width * 0.32)
    bottom, right = 30.0, 24.0
    plot_height = BAR_ROW * len(bars)
    plot = plot_bars(bars, len(scale), width - label_width - right, plot_height)
    shapes: list[Shape] = []
    lowest = min(value for _, value, _ in bars)
    left = label_width
    for _level, x in plot.grid:
        shapes.append(Line(((left + x, bottom), (left + x, bottom + plot_height)), GRID_COLOUR, 0.5))
    xs = [x for _, x in plot.grid]
    shown = thin_labels(xs, [_width(name, 7) for name in scale])
    for (_level, x), name, visible in zip(plot.grid, scale, shown):
        if visible:
            shapes.append(Text(left + x, bottom - 12, name, 7.0, theme.muted, anchor="middle"))
    shapes.append(Line(((left, bottom), (left + plot.width, bottom)), theme.muted, 0.8))
    shapes.append(Line(((left, bottom), (left, bottom + plot_height)), theme.muted, 0.8))
    for bar in plot.bars:
        y = bottom + bar.y
        colour = theme.accent if bar.value == lowest else theme.primary
        shapes.append(Rect(left, y - bar.thickness / 2, bar.length, bar.thickness, colour))
        if bar.spread > 0:
            shapes.append(Line(((left + bar.whisker_from, y), (left + bar.whisker_to, y)), theme.text, 0.9))
            for end in (bar.whisker_from, bar.whisker_to):
                shapes.append(Line(((left + end, y - 4), (left + end, y + 4)), theme.text, 0.9))
        shapes.append(Text(left + max(bar.length, bar.whisker_to) + 4, y - 3, labels.number(bar.value, 1), 8.0, theme.text, bold=True))
        # A chart's label is placed by facilitate: two lines at most, shortened to fit, never an error.
        label = compose.fit(bar.label, label_width - 8, 2, 8.5, 6)
        first = y + (len(label.lines) - 1) * label.size * label.leading / 2 - label.size * 0.35
        for index, line in enumerate(label.lines):
            shapes.append(Text(label_width - 8, first - index * label.size * label.leading, line, label.size, theme.text, anchor="end"))
    described = ", ".join(f"{label} {labels.spoken(value)}" for label, value, _ in bars)
    words = labels.gettext("Mean level (1 to {top}) by dimension: {values}.").format(top=len(scale), values=described)
    return Figure(width, plot_height + bottom + 6, tuple(shapes), words)


@attrs.frozen
class PairGeometry:
    """One row of a paired bar chart: two bars, one above the other, from the left edge."""

    label: str
    first: float
    second: float | None
    #: The middle of the row, from the bottom of the plot.
    y: float
    #: Each bar's thickness; the first bar sits above ``y``, the second below it.
    thickness: float
    first_length: float
    second_length: float | None


@attrs.frozen
class PairedPlot:
    """Rows of paired bars on a round-numbered scale from 0, the first row at the top."""

    width: float
    height: float
    scale: Scale
    rows: tuple[PairGeometry, ...]

    @property
    def ticks(self) -> tuple[tuple[float, float, str], ...]:
        """Each x tick as (value, x, label)."""
        return tuple((value, self.scale.position(value, self.width), self.scale.label(value)) for value in self.scale.ticks)


def plot_pairs(
    rows: Sequence[tuple[str, float, float | None]],
    width: float = 300.0,
    height: float = 120.0,
) -> PairedPlot:
    """Lay out (label, first, second) rows as paired horizontal bars sharing one scale from 0."""
    if not rows:
        raise ValueError("a paired bar chart needs at least one row")
    values = [first for _, first, _ in rows] + [second for _, _, second in rows if second is not None]
    scale = nice_scale([0.0, max([1.0, *values])])
    row = height / len(rows)
    thickness = row * 0.36
    placed = tuple(
        PairGeometry(
            label=label,
            first=first,
            second=second,
            y=height - (index + 0.5) * row,
            thickness=thickness,
            first_length=scale.position(first, width),
            second_length=None if second is None else scale.position(second, width),
        )
        for index, (label, first, second) in enumerate(rows)
    )
    return PairedPlot(width, height, scale, placed)


#: The height of one row of paired bars, and of one group's row in a comparison chart.
PAIR_ROW = 26.0
COMPARISON_ROW = 24.0


def paired_bar_figure(
    rows: Sequence[tuple[str, float, float | None, str]],
    labels: tuple[str, str],
    unit: str,
    width: float,
    theme: Theme,
    labels_: Labels = ENGLISH,
) -> Figure:
    """Rows of paired bars (label, first, second, note): the first pale above the second in the theme's colour, with a key.

    For planned minutes against actual ones: ``note`` stands in for a second bar there is
    none of ("skipped").
    """
    from facilitate.layout import compose

    label_width = min(170.0, width * 0.3)
    bottom, right, key = 24.0, 30.0, 18.0
    plot_height = PAIR_ROW * len(rows)
    plot = plot_pairs([(label, first, second) for label, first, second, _ in rows], width - label_width - right, plot_height)
    pale = mix(theme.primary, theme.background, 0.65)
    left = label_width
    shapes: list[Shape] = []
    for value, x, _tick in plot.ticks:
        shapes.append(Line(((left + x, bottom), (left + x, bottom + plot_height)), GRID_COLOUR, 0.5))
        shapes.append(Text(left + x, bottom - 11, plot.scale.label(value, labels_), 7.0, theme.muted, anchor="middle"))
    shapes.append(Text(left + plot.width, bottom - 21, unit, 7.0, theme.muted, anchor="end"))
    shapes.append(Line(((left, bottom), (left, bottom + plot_height)), theme.muted, 0.8))
    for pair, (_, _, _, note) in zip(plot.rows, rows):
        y = bottom + pair.y
        shapes.append(Rect(left, y, pair.first_length, pair.thickness, pale))
        shapes.append(Text(left + pair.first_length + 3, y + pair.thickness / 2 - 2.5, labels_.number(pair.first), 7.0, theme.text))
        if pair.second is None or pair.second_length is None:
            shapes.append(Text(left + 3, y - pair.thickness / 2 - 2.5, note, 7.0, theme.muted))
        else:
            shapes.append(Rect(left, y - pair.thickness, pair.second_length, pair.thickness, theme.primary))
            shapes.append(Text(left + pair.second_length + 3, y - pair.thickness / 2 - 2.5, labels_.number(pair.second), 7.0, theme.text,
                               bold=True))
        label = compose.fit(pair.label, label_width - 8, 2, 8.5, 6)
        first = y + (len(label.lines) - 1) * label.size * label.leading / 2 - label.size * 0.35
        for index, line in enumerate(label.lines):
            shapes.append(Text(label_width - 8, first - index * label.size * label.leading, line, label.size, theme.text, anchor="end"))
    x = left
    top = bottom + plot_height + 6
    # The key: each name shortened, if it must be, to half the width of the plot.
    for words, colour in ((labels[0], pale), (labels[1], theme.primary)):
        words = compose.elide(words, lambda text: _width(text, 7.5) <= (width - left) / 2 - 26)
        shapes.append(Rect(x, top, 14, 7, colour))
        shapes.append(Text(x + 18, top, words, 7.5, theme.text))
        x += 26 + _width(words, 7.5)
    number = labels_.spoken
    described = "; ".join(
        f"{label}: {labels[0].lower()} {number(first)}, " + (f"{labels[1].lower()} {number(second)}" if second is not None else note)
        for label, first, second, note in rows
    )
    words = labels_.gettext("{first} against {second} ({unit}): {values}.").format(
        first=labels[0], second=labels[1].lower(), unit=unit, values=described)
    return Figure(width, plot_height + bottom + key, tuple(shapes), words)


def comparison_figure(
    entries: Sequence[tuple[str, float, float]],
    levels: Sequence[str],
    bands: Sequence[tuple[float, float, str]],
    width: float,
    theme: Theme,
    labels: Labels = ENGLISH,
) -> Figure:
    """Groups or waves (name, mean, spread) on one dimension's level scale, named levels on the axis, bands shaded behind.

    A dot at each mean level, a whisker of one standard deviation either side (kept to the
    scale), the lowest mean in the accent colour.
    """
    from facilitate.layout import compose

    label_width = min(170.0, width * 0.3)
    bottom, right, top_room = 30.0, 24.0, 14.0 if bands else 4.0
    plot_height = COMPARISON_ROW * len(entries)
    plot_width = width - label_width - right
    top_level = len(levels)
    left = label_width

    def x(level: float) -> float:
        return left + (min(max(level, 1.0), float(top_level)) - 1) / max(top_level - 1, 1) * plot_width

    shapes: list[Shape] = []
    for number, (start, end, name) in enumerate(bands):
        shade = tint(theme.primary, 0.06 if number % 2 else 0.12)
        shapes.append(Rect(x(start), bottom, x(end) - x(start), plot_height, shade))
        shapes.append(Text((x(start) + x(end)) / 2, bottom + plot_height + 4, name, 7.0, theme.muted, anchor="middle"))
    ticks = [x(number) for number in range(1, top_level + 1)]
    shown = thin_labels(ticks, [_width(name, 7) for name in levels])
    for tick, name, visible in zip(ticks, levels, shown):
        shapes.append(Line(((tick, bottom), (tick, bottom + plot_height)), GRID_COLOUR, 0.5))
        if visible:
            shapes.append(Text(tick, bottom - 12, name, 7.0, theme.muted, anchor="middle"))
    shapes.append(Line(((left, bottom), (left + plot_width, bottom)), theme.muted, 0.8))
    lowest = min((mean for _, mean, _ in entries), default=0.0)
    for index, (name, mean, spread) in enumerate(entries):
        y = bottom + plot_height - (index + 0.5) * COMPARISON_ROW
        colour = theme.accent if mean == lowest and len(entries) > 1 else theme.primary
        if spread > 0:
            shapes.append(Line(((x(mean - spread), y), (x(mean + spread), y)), theme.text, 0.9))
            for end in (x(mean - spread), x(mean + spread)):
                shapes.append(Line(((end, y - 4), (end, y + 4)), theme.text, 0.9))
        shapes.append(Circle(x(mean), y, 4.0, colour))
        shapes.append(Text(x(mean), y + 7, labels.number(mean, 1), 7.0, theme.text, bold=True, anchor="middle"))
        label = compose.fit(name, label_width - 8, 2, 8.5, 6)
        first = y + (len(label.lines) - 1) * label.size * label.leading / 2 - label.size * 0.35
        for number, line in enumerate(label.lines):
            shapes.append(Text(label_width - 8, first - number * label.size * label.leading, line, label.size, theme.text, anchor="end"))
    _ = labels.gettext
    described = ", ".join(
        _("{name} {mean} (spread {spread})").format(name=name, mean=labels.spoken(mean), spread=labels.spoken(spread))
        for name, mean, spread in entries
    )
    scale = _("{lowest} (1) to {highest} ({top})").format(lowest=levels[0], highest=levels[-1], top=top_level) if levels else ""
    words = _("Average level from {scale}: {values}.").format(scale=scale, values=described)
    return Figure(width, plot_height + bottom + top_room, tuple(shapes), words)
