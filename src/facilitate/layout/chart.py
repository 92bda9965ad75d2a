"""Charts as coordinates: where each data point, tick and bar goes, before anything is drawn.

Pure functions from data to positions inside a plot area whose origin is its bottom-left
corner, with y growing upwards (as in PDF). The exporter only draws what these return,
so the maths is tested without a PDF.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs

from facilitate.model.curve import DataPoint


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

    def label(self, value: float) -> str:
        return f"{value:,.{self.decimals}f}"

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
    if high == low:
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
    #: Every period on the x axis, in order, with its x position.
    periods: tuple[tuple[str, float], ...]
    history: tuple[PlotPoint, ...]
    #: The forecast points alone (markers).
    forecast: tuple[PlotPoint, ...]
    #: The dashed line: the last history point, then the forecast points.
    forecast_line: tuple[PlotPoint, ...]
    target: PlotPoint | None

    @property
    def ticks(self) -> tuple[tuple[float, float, str], ...]:
        """Each y tick as (value, y, label)."""
        return tuple((value, self.scale.position(value, self.height), self.scale.label(value)) for value in self.scale.ticks)


def period_positions(periods: Sequence[str], width: float) -> dict[str, float]:
    """Each period at the middle of its own equal slot across ``width``."""
    count = len(periods)
    return {period: (index + 0.5) * width / count for index, period in enumerate(periods)}


def plot_curve(
    history: Sequence[DataPoint],
    forecast: Sequence[DataPoint] = (),
    target: DataPoint | None = None,
    width: float = 400.0,
    height: float = 200.0,
) -> CurvePlot:
    """Lay out a baseline: history, the forecast if nothing changes, and the target.

    Periods are spaced evenly in the order they first appear (history, forecast, then the
    target's period). The y axis runs between round numbers and always includes the
    target. The forecast line starts at the last history point, so the dashed line
    continues the solid one; a forecast point for the last history period is left out.
    """
    if not history:
        raise ValueError("a curve needs at least one history point")
    last = history[-1]
    forecast = tuple(point for point in forecast if point.period != last.period)
    periods = list(dict.fromkeys(point.period for point in (*history, *forecast)))
    if target is not None and target.period not in periods:
        periods.append(target.period)
    xs = period_positions(periods, width)
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
        periods=tuple((period, xs[period]) for period in periods),
        history=placed_history,
        forecast=placed_forecast,
        forecast_line=(placed_history[-1], *placed_forecast) if placed_forecast else (),
        target=place(target) if target is not None else None,
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


@attrs.frozen
class PairGeometry:
    """One row of a comparison chart: two bars, one above the other, from the left edge."""

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
class ComparisonPlot:
    """Rows of paired bars on a round-numbered scale from 0, the first row at the top."""

    width: float
    height: float
    scale: Scale
    rows: tuple[PairGeometry, ...]

    @property
    def ticks(self) -> tuple[tuple[float, float, str], ...]:
        """Each x tick as (value, x, label)."""
        return tuple((value, self.scale.position(value, self.width), self.scale.label(value)) for value in self.scale.ticks)


def plot_comparison(
    rows: Sequence[tuple[str, float, float | None]],
    width: float = 300.0,
    height: float = 120.0,
) -> ComparisonPlot:
    """Lay out (label, first, second) rows as paired horizontal bars sharing one scale from 0."""
    if not rows:
        raise ValueError("a comparison chart needs at least one row")
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
    return ComparisonPlot(width, height, scale, placed)
