"""The record of a day: lengths, overruns, and what to plan next time."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitate.errors import ModelError
from facilitate.model.timings import DayRecord, SegmentTiming, suggested_minutes


def timing(id_: str, planned: int, started: str | None, ended: str | None, status: str = "done", start: str = "09:00") -> SegmentTiming:
    clock = lambda value: None if value is None else dt.time.fromisoformat(value)  # noqa: E731
    return SegmentTiming(id_, id_.title(), dt.time.fromisoformat(start), planned, status, started=clock(started), ended=clock(ended))


def test_actual_minutes_and_overrun_come_from_start_and_end_to_the_second():
    segment = timing("welcome", 20, "09:02:10", "09:26:40")
    assert segment.actual_minutes == pytest.approx(24.5)
    assert segment.overrun == pytest.approx(4.5)
    assert segment.planned_end == dt.time(9, 20)
    assert timing("talk", 10, "09:30:00", None, status="current").actual_minutes is None


def test_the_day_totals_and_the_segments_that_ran_over_most():
    record = DayRecord(
        "day",
        "A day",
        dt.date(2026, 9, 3),
        dt.time(9, 0),
        (
            timing("a", 20, "09:00:00", "09:26:00"),
            timing("b", 10, None, None, status="skipped", start="09:20"),
            timing("c", 30, "09:26:00", "09:58:00", start="09:30"),
            timing("d", 15, "09:58:00", "10:10:00", start="10:00"),
            timing("e", 15, "10:10:00", "10:30:00", start="10:15"),
            timing("f", 10, None, None, status="pending", start="10:30"),
        ),
    )
    assert [s.id for s in record.ran] == ["a", "c", "d", "e"]
    assert record.overrun == pytest.approx(6 + 2 - 3 + 5)
    assert [s.id for s in record.ran_over_most()] == ["a", "e", "c"]
    assert [s.id for s in record.ran_over_most(1)] == ["a"]
    assert record.began == dt.time(9, 0) and record.finished == dt.time(10, 30)
    assert record.planned_finish == dt.time(10, 40)


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        (dict(started=dt.time(9, 30), ended=dt.time(9, 10)), "ended", "before the segment started"),
        (dict(ended=dt.time(9, 10)), "ended", "no start"),
        (dict(status="skipped", started=dt.time(9, 30)), "started", "a skipped segment has no times"),
        (dict(status="current", started=dt.time(9, 30), ended=dt.time(9, 40)), "ended", "a current segment has not ended"),
        (dict(planned_minutes=0), "planned_minutes", "at least 1 minute"),
        (dict(status="over"), "status", "not one of"),
    ],
)
def test_impossible_timings_are_refused_naming_the_field(changes, field, words):
    fields = dict(id="a", title="A", planned_start=dt.time(9, 0), planned_minutes=20, status="done") | changes
    with pytest.raises(ModelError) as error:
        SegmentTiming(**fields)
    assert error.value.field_path == (field,) and words in str(error.value)


@pytest.mark.parametrize(
    ("planned", "actual", "expected"),
    [
        (20, 21.5, 20),  # within 2 minutes: the plan held
        (40, 43.5, 40),  # within a tenth
        (20, 26.25, 25),  # over: what it took, to 5 minutes
        (20, 28, 30),
        (25, 22, 20),
        (5, 8.5, 9),  # under 10 minutes: to the minute
        (10, 3, 3),
        (15, None, 15),  # did not run
    ],
)
def test_suggested_minutes(planned, actual, expected):
    assert suggested_minutes(planned, actual) == expected


@given(st.integers(1, 240), st.none() | st.floats(0, 600, allow_nan=False))
def test_a_suggestion_is_a_whole_positive_number_near_what_happened(planned, actual):
    suggestion = suggested_minutes(planned, actual)
    assert isinstance(suggestion, int) and suggestion >= 1
    if actual is None:
        assert suggestion == planned
    elif suggestion != planned:
        assert abs(suggestion - actual) <= 2.5 or actual < 1
