"""A record of how the day went: each segment's planned and actual times.

The live page (session.html) writes this record as JSON as the facilitator moves through
the day; ``facilitate report`` reads it back (loaders/timings.py) and compares plan and
reality (layout/timings.py). The JSON format is documented in docs/reference/timings.md
and described by ``facilitate/schemas/timings.schema.json``.
"""

from __future__ import annotations

import datetime as dt
import math

import attrs

from facilitate.errors import ModelError
from facilitate.model.language import canonical, language_tag, optional_clock
from facilitate.model._fields import non_empty, one_of, to_tuple, unique_ids

#: done: run and left; skipped: jumped over; current: on screen when the record was saved;
#: pending: not reached.
TIMING_STATUSES = ("done", "skipped", "current", "pending")


def _seconds(clock: dt.time) -> int:
    return clock.hour * 3600 + clock.minute * 60 + clock.second


def _clock_plus(clock: dt.time, minutes: float) -> dt.time:
    """``clock`` plus ``minutes``, stopping at the last second of the day."""
    total = min(_seconds(clock) + round(minutes * 60), 24 * 3600 - 1)
    return dt.time(total // 3600, total // 60 % 60, total % 60)


@attrs.frozen
class SegmentTiming:
    """One segment's plan and what happened to it."""

    id: str = attrs.field(validator=non_empty)
    title: str = attrs.field(validator=non_empty)
    planned_start: dt.time
    planned_minutes: int
    status: str = attrs.field(validator=one_of(TIMING_STATUSES))
    kind: str = "input"
    min_minutes: int | None = None
    fixed: dt.time | None = None
    #: The minutes it had on the day, after "+1 min" and catch-up plans.
    allowed_minutes: int | None = None
    #: When its clock first started, and when the facilitator moved on.
    started: dt.time | None = None
    ended: dt.time | None = None

    def __attrs_post_init__(self) -> None:
        if self.planned_minutes < 1:
            raise ModelError(f"must be at least 1 minute, got {self.planned_minutes}", ("planned_minutes",))
        if self.status in ("skipped", "pending") and (self.started or self.ended):
            field = "started" if self.started else "ended"
            raise ModelError(f"a {self.status} segment has no times, got {self._clock(field)}", (field,))
        if self.ended is not None and self.started is None:
            raise ModelError("has an end but no start (started is missing)", ("ended",))
        if self.ended is not None and self.started is not None and self.ended < self.started:
            raise ModelError(f"{self.ended:%H:%M:%S} is before the segment started ({self.started:%H:%M:%S})", ("ended",))
        if self.ended is not None and self.status != "done":
            raise ModelError(f"a {self.status} segment has not ended, got {self.ended:%H:%M:%S}", ("ended",))

    def _clock(self, field: str) -> str:
        value = getattr(self, field)
        return f"{value:%H:%M:%S}"

    @property
    def planned_end(self) -> dt.time:
        return _clock_plus(self.planned_start, self.planned_minutes)

    @property
    def actual_minutes(self) -> float | None:
        """How long it ran, start to end (pauses included), or None if it did not run to an end."""
        if self.started is None or self.ended is None:
            return None
        return (_seconds(self.ended) - _seconds(self.started)) / 60

    @property
    def overrun(self) -> float | None:
        """Minutes over plan (negative: finished early), or None if it did not run to an end."""
        actual = self.actual_minutes
        return None if actual is None else actual - self.planned_minutes


@attrs.frozen
class DayRecord:
    """The timings of one run of a session, as the live page saved them."""

    session_id: str = attrs.field(validator=non_empty)
    title: str = attrs.field(validator=non_empty)
    #: The day the page ran (the browser's date).
    day: dt.date
    starts_at: dt.time
    segments: tuple[SegmentTiming, ...] = attrs.field(converter=to_tuple, validator=non_empty)
    ends_by: dt.time | None = None
    #: The language of the session's pack: the report is written in it.
    language: str = attrs.field(default="en", converter=canonical, validator=language_tag)
    #: How the session writes clock times: 24h or 12h (None: the language's usual clock).
    clock: str | None = attrs.field(default=None, validator=optional_clock)

    def __attrs_post_init__(self) -> None:
        unique_ids(self.segments, "segments")

    @property
    def ran(self) -> tuple[SegmentTiming, ...]:
        """The segments that ran to an end, in agenda order."""
        return tuple(segment for segment in self.segments if segment.actual_minutes is not None)

    @property
    def planned_finish(self) -> dt.time:
        return self.segments[-1].planned_end

    @property
    def began(self) -> dt.time | None:
        starts = [s.started for s in self.segments if s.started is not None]
        return min(starts) if starts else None

    @property
    def finished(self) -> dt.time | None:
        ends = [s.ended for s in self.segments if s.ended is not None]
        return max(ends) if ends else None

    @property
    def overrun(self) -> float:
        """Minutes over plan across the segments that ran (negative: under)."""
        return sum(segment.overrun or 0.0 for segment in self.ran)

    def ran_over_most(self, count: int = 3) -> tuple[SegmentTiming, ...]:
        """Up to ``count`` segments that ran over by a minute or more, the largest overrun first."""
        over = [segment for segment in self.ran if (segment.overrun or 0.0) >= 1]
        return tuple(sorted(over, key=lambda s: (-(s.overrun or 0.0), self.segments.index(s)))[:count])


def suggested_minutes(planned: int, actual: float | None) -> int:
    """Minutes to plan next time: the plan if it held (within 2 minutes or a tenth), else what it took.

    What it took is rounded to 5 minutes (to a whole minute under 10), at least 1. A
    segment that did not run keeps its plan.
    """
    if actual is None or abs(actual - planned) < max(2.0, planned / 10):
        return planned
    if actual < 10:
        return max(1, math.floor(actual + 0.5))
    return max(5, 5 * math.floor(actual / 5 + 0.5))
