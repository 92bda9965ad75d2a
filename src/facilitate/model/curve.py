"""Turn the curve (Results-Based Accountability): one shared issue, its data, and what to do."""

from __future__ import annotations

import attrs

from facilitate.errors import ModelError
from facilitate.model._fields import finite, identifier, non_empty, one_of, to_tuple, tuple_field

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
    """One value of the indicator in a period (a year, a term)."""

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


def linear_trend(values: tuple[float, ...]) -> tuple[float, float]:
    """Least-squares slope and intercept of ``values`` against 0, 1, 2, ..."""
    n = len(values)
    if n == 0:
        raise ModelError("needs at least one value for a trend")
    if n == 1:
        return 0.0, float(values[0])
    mean_x = (n - 1) / 2
    mean_y = sum(values) / n
    sxx = sum((x - mean_x) ** 2 for x in range(n))
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in enumerate(values))
    slope = sxy / sxx
    return slope, mean_y - slope * mean_x


def forecast(history: tuple[DataPoint, ...], periods: tuple[str, ...]) -> tuple[DataPoint, ...]:
    """Where the curve goes if nothing changes: the least-squares line carried forward.

    The line stops at the largest value a curve may hold either way (MAX_VALUE), so data
    at the limits still forecasts something a chart can draw.
    """
    slope, intercept = linear_trend(tuple(point.value for point in history))
    start = len(history)
    return tuple(
        DataPoint(period, max(-MAX_VALUE, min(MAX_VALUE, intercept + slope * (start + offset))))
        for offset, period in enumerate(periods)
    )


def _next_periods(history: tuple[DataPoint, ...], count: int) -> tuple[str, ...]:
    """Guess the next period labels: numbers count on ("2019" → "2020"), others get "+1", "+2"."""
    last = history[-1].period
    try:
        base = int(last)
    except ValueError:
        return tuple(f"{last} +{step}" for step in range(1, count + 1))
    return tuple(str(base + step) for step in range(1, count + 1))


@attrs.frozen
class TurnTheCurve:
    """One tough shared issue, its curve, the story behind it, and up to 3 essentials."""

    id: str = attrs.field(validator=identifier)
    issue: str = attrs.field(validator=non_empty)
    indicator: Indicator
    #: The data so far, oldest first; in a curve file also a CSV/XLSX of period,value rows (see SeriesFile).
    baseline: tuple[DataPoint, ...] = attrs.field(converter=to_tuple, validator=non_empty)
    title: str = "Turn the curve"
    #: Context for the exercise, e.g. where the data comes from or that it is illustrative.
    description: str = ""
    #: Where the data comes from.
    source: str = ""
    #: Given forecast points; when empty, a least-squares trend is computed.
    forecast: tuple[DataPoint, ...] = tuple_field()
    forecast_periods: int = 3
    #: Where you want the curve to be; in a curve file also a spreadsheet column, whose last value is the target (see SeriesFile).
    target: DataPoint | None = None
    story: tuple[Cause, ...] = tuple_field()
    partners: tuple[Partner, ...] = tuple_field()
    what_works: tuple[Idea, ...] = tuple_field()
    essentials: tuple[str, ...] = tuple_field()
    actions: tuple[Action, ...] = tuple_field()

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
        return forecast(self.baseline, _next_periods(self.baseline, self.forecast_periods))

    @property
    def better_is_lower(self) -> bool:
        return self.indicator.direction == "less-of"
