"""Turn the curve (Results-Based Accountability): one shared issue, its data, and what to do."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from facilitate.errors import ModelError
from facilitate.model._fields import finite, identifier, non_empty, one_of, to_tuple
from facilitate.model.periods import increasing_times, next_labels

DIRECTIONS = ("less-of", "more-of")
EFFECTS = ("helping", "hurting")
COSTS = ("no-cost", "low-cost", "some-cost", "high-cost")
MAX_ESSENTIALS = 3
#: Curve values are at most this large either way (a thousand billion).
MAX_VALUE = 1e12
#: At most this many periods are forecast.
MAX_FORECAST_PERIODS = 20


@attrs.frozen
class Indicator:
    """What the curve measures, and which way is better."""

    name: str = attrs.field(validator=non_empty)
    unit: str = ""
    direction: str = attrs.field(default="more-of", validator=one_of(DIRECTIONS))


@attrs.frozen
class DataPoint:
    """One value of the indicator in a period: a year, school year, term, month, quarter or date.

    Periods facilitate can place in time ("2019", "2023/24", "Autumn 2023", "T1 2024",
    "Mar 2024", "2024 Q1", "2024-03-15": see ``model.periods``) go on a time axis; any
    other label is spaced evenly, in the order written.
    """

    #: When: "2019", "2023/24", "Autumn 2023", "T1 2024", "Mar 2024", "2024 Q1", "2024-03-15"... (quote it).
    period: str = attrs.field(validator=non_empty, converter=str)
    #: A finite number of sensible size: charts and trend lines are drawn from it.
    value: float = attrs.field(converter=float, validator=finite(-MAX_VALUE, MAX_VALUE))


@attrs.frozen
class Cause:
    """Part of the story behind the curve: a force helping or hurting."""

    text: str = attrs.field(validator=non_empty)
    effect: str = attrs.field(default="hurting", validator=one_of(EFFECTS))


@attrs.frozen
class Partner:
    name: str = attrs.field(validator=non_empty)
    role: str = ""


@attrs.frozen
class Idea:
    """Something that works, with what it costs."""

    text: str = attrs.field(validator=non_empty)
    cost: str = attrs.field(default="some-cost", validator=one_of(COSTS))
    evidence: str = ""


@attrs.frozen
class Action:
    what: str = attrs.field(validator=non_empty)
    who: str = ""
    by_when: str = ""


def linear_trend(values: Sequence[float], times: Sequence[float] | None = None) -> tuple[float, float]:
    """Least-squares slope and intercept of ``values`` against ``times`` (default 0, 1, 2, ...)."""
    n = len(values)
    if n == 0:
        raise ModelError("needs at least one value for a trend")
    xs = tuple(float(x) for x in times) if times is not None else tuple(float(x) for x in range(n))
    if len(xs) != n:
        raise ModelError(f"needs one time per value, got {len(xs)} times for {n} values")
    mean_x = sum(xs) / n
    mean_y = sum(values) / n
    sxx = sum((x - mean_x) ** 2 for x in xs)
    if n == 1 or sxx == 0:
        return 0.0, float(mean_y)
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, values))
    slope = sxy / sxx
    return slope, mean_y - slope * mean_x


def forecast(history: tuple[DataPoint, ...], periods: tuple[str, ...]) -> tuple[DataPoint, ...]:
    """Where the curve goes if nothing changes: the least-squares line carried forward.

    The line is fitted against time when every period is one facilitate can place in time
    (years, school years, terms, months, quarters, dates: see ``model.periods``), in order:
    a baseline of 2019, 2022 and 2023 is three points over four years, not three in a row.
    Other periods are counted 0, 1, 2... in the order written. The line stops at the
    largest value a curve may hold either way (MAX_VALUE), so data at the limits still
    forecasts something a chart can draw.
    """
    values = tuple(point.value for point in history)
    labels = tuple(point.period for point in history) + tuple(periods)
    times = increasing_times(labels)
    xs = times if times is not None else tuple(float(index) for index in range(len(labels)))
    slope, _ = linear_trend(values, xs[: len(history)])
    mean_x = sum(xs[: len(history)]) / len(history)
    mean_y = sum(values) / len(values)
    # From the means, not the intercept at time 0 (two thousand years away for a year).
    return tuple(
        DataPoint(period, max(-MAX_VALUE, min(MAX_VALUE, mean_y + slope * (x - mean_x))))
        for period, x in zip(periods, xs[len(history) :])
    )


@attrs.frozen
class TurnTheCurve:
    """One tough shared issue, its curve, the story behind it, and up to 3 essentials."""

    id: str = attrs.field(validator=identifier)
    issue: str = attrs.field(validator=non_empty)
    indicator: Indicator
    #: The data so far, oldest first; in a curve file also a CSV/XLSX of period,value rows (see SeriesFile).
    baseline: tuple[DataPoint, ...] = attrs.field(converter=to_tuple, validator=non_empty)
    title: str = "Turn the curve"
    #: Context for the exercise, e.g. that the data is illustrative; shown under the chart on its slide and worksheet.
    description: str = ""
    #: Where the data comes from; shown ("Source: ...") under the chart on its slide and worksheet.
    source: str = ""
    #: Given forecast points; when empty, a least-squares trend (fitted against time) is computed.
    forecast: tuple[DataPoint, ...] = attrs.field(factory=tuple, converter=to_tuple)
    #: How many periods the computed forecast runs on for, named like the baseline's ("2025", "2025/26", "Spring 2025").
    forecast_periods: int = 3
    #: Where you want the curve to be; in a curve file also a spreadsheet column, whose last value is the target (see SeriesFile).
    target: DataPoint | None = None
    story: tuple[Cause, ...] = attrs.field(factory=tuple, converter=to_tuple)
    partners: tuple[Partner, ...] = attrs.field(factory=tuple, converter=to_tuple)
    what_works: tuple[Idea, ...] = attrs.field(factory=tuple, converter=to_tuple)
    essentials: tuple[str, ...] = attrs.field(factory=tuple, converter=to_tuple)
    actions: tuple[Action, ...] = attrs.field(factory=tuple, converter=to_tuple)

    def __attrs_post_init__(self) -> None:
        if len(self.essentials) > MAX_ESSENTIALS:
            raise ModelError(
                f"lists {len(self.essentials)} essentials; agree up to {MAX_ESSENTIALS}",
                ("essentials", MAX_ESSENTIALS),
            )
        if self.what_works and not any(idea.cost in ("no-cost", "low-cost") for idea in self.what_works):
            raise ModelError(
                "needs at least one no-cost or low-cost idea (set cost: no-cost or low-cost)",
                ("what_works",),
            )
        if isinstance(self.forecast_periods, bool) or not isinstance(self.forecast_periods, int):
            raise ModelError(f"must be a whole number, got {self.forecast_periods!r}", ("forecast_periods",))
        if not 0 <= self.forecast_periods <= MAX_FORECAST_PERIODS:
            raise ModelError(f"must be from 0 to {MAX_FORECAST_PERIODS}, got {self.forecast_periods}", ("forecast_periods",))

    @property
    def projected(self) -> tuple[DataPoint, ...]:
        """The forecast if nothing changes: as given, or the trend of the baseline."""
        if self.forecast:
            return self.forecast
        return forecast(self.baseline, next_labels([p.period for p in self.baseline], self.forecast_periods))

    @property
    def better_is_lower(self) -> bool:
        return self.indicator.direction == "less-of"
