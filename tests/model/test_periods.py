"""Periods in time: labels read as years, school years, terms, months, quarters and dates."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given, strategies as st

from facilitate.layout.chart import period_axis, plot_curve
from facilitate.model.curve import DataPoint, forecast, linear_trend
from facilitate.model.periods import (
    KINDS,
    Period,
    increasing_times,
    next_labels,
    parse_period,
    read_periods,
    readings,
    timeline,
)

#: Each documented way of writing a period: (label, kind, the middle of the period).
WRITTEN = [
    ("2019", "year", dt.date(2019, 7, 2)),
    ("2023/24", "school-year", dt.date(2024, 1, 31)),
    ("2023-24", "school-year", dt.date(2024, 1, 31)),
    ("2023/2024", "school-year", dt.date(2024, 1, 31)),
    ("Autumn 2023", "term", dt.date(2023, 10, 16)),
    ("Spring term 2024", "term", dt.date(2024, 2, 15)),
    ("Summer 2024", "term", dt.date(2024, 6, 16)),
    ("Fall 2023", "term", dt.date(2023, 10, 16)),
    ("Spring 2023/24", "term", dt.date(2024, 2, 15)),
    ("Autumn 1 2023", "half-term", dt.date(2023, 9, 16)),
    ("Summer 2 2023/24", "half-term", dt.date(2024, 7, 17)),
    ("T1 2023", "numbered-term", dt.date(2023, 2, 23)),
    ("Term 2 2024", "numbered-term", dt.date(2024, 5, 24)),
    ("2024 Term 4", "numbered-term", dt.date(2024, 11, 23)),
    ("2024-03", "month", dt.date(2024, 3, 17)),
    ("Mar 2024", "month", dt.date(2024, 3, 17)),
    ("March 2024", "month", dt.date(2024, 3, 17)),
    ("2024 Q1", "quarter", dt.date(2024, 2, 15)),
    ("Q1 2024", "quarter", dt.date(2024, 2, 15)),
    ("2024-03-15", "date", dt.date(2024, 3, 15)),
]


@pytest.mark.parametrize(("label", "kind", "middle"), WRITTEN)
def test_every_documented_form_is_read_placed_and_written_back(label, kind, middle):
    period = parse_period(label)
    assert period is not None and period.kind == kind
    assert period.label == label
    assert period.middle == middle


@pytest.mark.parametrize(
    "label", ["", "Term 1", "Autumn", "Winter 2024", "Term 5 2024", "2023/25", "2024-02-30", "2024-13", "Year 7", "19"]
)
def test_anything_else_is_not_a_period(label):
    assert parse_period(label) is None


def test_the_same_term_written_three_ways_is_one_period():
    periods = {parse_period(label) for label in ("Spring 2024", "Spring term 2024", "Spring 2023/24")}
    assert len({(p.kind, p.index) for p in periods}) == 1


def test_terms_follow_the_school_year():
    labels = ["Autumn 2023", "Spring 2024", "Summer 2024", "Autumn 2024"]
    times = increasing_times(labels)
    assert times is not None
    # Four months apart, through the summer holiday too.
    assert [round(b - a, 6) for a, b in zip(times, times[1:])] == [round(1 / 3, 6)] * 3


def test_an_ambiguous_label_takes_the_kind_of_its_neighbours():
    assert readings("2011-12")[0].kind == "school-year"
    assert {p.kind for p in readings("2011-12")} == {"school-year", "month"}
    assert [p.kind for p in read_periods(["2011-10", "2011-11", "2011-12"])] == ["month"] * 3
    assert [p.kind for p in read_periods(["2010-11", "2011-12"])] == ["school-year"] * 2


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["2019", "2022", "2023"], ["2024", "2025"]),
        (["2022/23", "2023/24"], ["2024/25", "2025/26"]),
        (["2022-2023"], ["2023-2024", "2024-2025"]),
        (["Autumn 2023", "Spring 2024"], ["Summer 2024", "Autumn 2024"]),
        (["spring term 2023/24"], ["summer term 2023/24", "autumn term 2024/25"]),
        (["Fall 2023"], ["Spring 2024", "Summer 2024"]),
        (["Autumn 2 2023"], ["Spring 1 2024", "Spring 2 2024"]),
        (["T4 2023"], ["T1 2024", "T2 2024"]),
        (["Nov 2024"], ["Dec 2024", "Jan 2025"]),
        (["2024-12"], ["2025-01", "2025-02"]),
        (["2024 Q4"], ["2025 Q1", "2025 Q2"]),
        (["2024-01-15", "2024-03-15"], ["2024-05-15", "2024-07-15"]),
        (["2024-01-01", "2024-01-08", "2024-01-29"], ["2024-02-05", "2024-02-12"]),
        (["2024-01-31"], ["2025-01-31", "2026-01-31"]),
        (["Autumn", "Spring"], ["Spring +1", "Spring +2"]),
        (["1", "2"], ["3", "4"]),
        (["2023", "2019"], ["2020", "2021"]),  # out of time order: counted on from the last, as before
    ],
)
def test_the_next_periods_are_written_like_the_last(labels, expected):
    assert next_labels(labels, len(expected)) == tuple(expected)


def test_a_timeline_fills_a_grid_and_refuses_a_clash():
    line = timeline(["2019", "2022", "2023"])
    assert [label for label, _ in line.ticks()] == ["2019", "2020", "2021", "2022", "2023"]
    filled = timeline(["Autumn term 2023", "Summer term 2024"]).ticks()
    assert [label for label, _ in filled] == ["Autumn term 2023", "Spring term 2024", "Summer term 2024"]
    assert timeline(["2023/24", "2023-24"]) is None  # two labels, one period
    assert timeline(["2019", "Year 7"]) is None
    # Dates, and mixes of kinds, are placed in time but not filled in.
    assert [label for label, _ in timeline(["2024-01-01", "2024-03-01"]).ticks()] == ["2024-01-01", "2024-03-01"]
    assert [label for label, _ in timeline(["Mar 2024", "2023"]).ticks()] == ["2023", "Mar 2024"]


# --- properties -------------------------------------------------------------------------

#: Templates a label of each kind can be written with (what parse_period keeps as a style).
TEMPLATES = {
    "year": ["{year}"],
    "school-year": ["{start}/{end2}", "{start}-{end2}", "{start}/{end}", "{start} - {end}"],
    "term": ["{season} {year}", "{season} term {year}", "{season_lower} {start}/{end2}", "{season_us} {year}",
             "{year} {season_upper}"],
    "half-term": ["{season} {half} {year}", "{season} {half} {start}/{end2}"],
    "numbered-term": ["T{n} {year}", "Term {n} {year}", "{year} Term {n}", "Term {n}, {year}"],
    "quarter": ["{year} Q{n}", "Q{n} {year}", "{year}-Q{n}", "q{n} {year}"],
    "month": ["{year}-{mm}", "{mon} {year}", "{month} {year}", "{month_upper} {year}", "{year} {mon}"],
    "date": ["{year}-{mm}-{dd}"],
}
YEARS = (1990, 2090)


@st.composite
def periods(draw, kind=None):
    kind = kind or draw(st.sampled_from(KINDS))
    template = draw(st.sampled_from(TEMPLATES[kind]))
    if kind == "date":
        index = draw(st.integers(dt.date(YEARS[0], 1, 1).toordinal(), dt.date(YEARS[1], 12, 31).toordinal()))
    else:
        per_year = {"year": 1, "school-year": 1, "term": 3, "half-term": 6, "numbered-term": 4, "quarter": 4, "month": 12}[kind]
        index = draw(st.integers(YEARS[0] * per_year, YEARS[1] * per_year))
    return Period(kind, index, template)


@given(periods())
def test_a_written_period_reads_back_as_itself(period):
    label = period.label
    assert (period.kind, period.index) in [(p.kind, p.index) for p in readings(label)]
    read = read_periods([label])[0]
    assert read.label == label
    first = parse_period(label)
    if period.kind != "month" or period.template != "{year}-{mm}":  # "2011-12" is first a school year
        assert (first.kind, first.index) == (period.kind, period.index)
    # Written again from what was read, the same label ("May" and "Spring" read either way).
    assert first.label == label


@given(periods())
def test_counting_on_and_back_is_the_same_period(period):
    assert period.shifted(5).shifted(-5) == period
    assert period.shifted(1).time > period.time
    assert parse_period(period.shifted(1).label) is not None


@given(st.lists(periods(), min_size=1, max_size=8), st.floats(50, 1000))
def test_positions_follow_time(items, width):
    labels = list(dict.fromkeys(p.label for p in items))
    line = timeline(labels)
    if line is None:  # two labels for one time
        return
    axis = period_axis(labels, width)
    assert axis.timed
    xs = [x for _, x in axis.ticks]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    assert all(0 < x < width for x in xs)
    times = {label: period.time for label, period in zip(line.labels, line.periods)}
    given_xs = [(times[label], x) for label, x in axis.ticks if label in times]
    # Linear in time: every given period's x is the same affine function of its time.
    if len(given_xs) >= 2:
        (t0, x0), (t1, x1) = given_xs[0], given_xs[-1]
        for t, x in given_xs:
            assert x == pytest.approx(x0 + (t - t0) * (x1 - x0) / (t1 - t0), abs=1e-6 * width)


@given(st.sets(st.integers(2000, 2030), min_size=2, max_size=10), st.floats(100, 1000))
def test_gaps_in_the_years_are_kept(years, width):
    ordered = sorted(years)
    axis = period_axis([str(y) for y in ordered], width)
    assert [label for label, _ in axis.ticks] == [str(y) for y in range(ordered[0], ordered[-1] + 1)]
    x = dict(axis.ticks)
    slot = width / (ordered[-1] - ordered[0] + 1)
    for year in ordered:
        assert x[str(year)] == pytest.approx((year - ordered[0] + 0.5) * slot)


def _old_forecast(history: tuple[DataPoint, ...], periods: tuple[str, ...]) -> tuple[float, ...]:
    """The forecast as facilitate made it before periods were placed in time: against 0, 1, 2..."""
    slope, intercept = linear_trend(tuple(point.value for point in history))
    return tuple(intercept + slope * (len(history) + offset) for offset in range(len(periods)))


values = st.floats(-1e4, 1e4, allow_nan=False, allow_infinity=False)


@given(
    st.sampled_from(["year", "school-year", "term", "month", "quarter", "numbered-term", "half-term"]),
    st.lists(values, min_size=1, max_size=10),
    st.integers(1, 5),
    st.data(),
)
def test_a_forecast_on_evenly_spaced_periods_is_the_old_index_forecast(kind, history_values, count, data):
    first = data.draw(periods(kind))
    history = tuple(DataPoint(first.shifted(i).label, v) for i, v in enumerate(history_values))
    # "May" and "Spring" alone do not say whether "Jun" or "June", "Autumn" or "Fall" comes next.
    assume(any(parse_period(p.period).template == first.template for p in history))
    ahead = next_labels([p.period for p in history], count)
    assert ahead == tuple(first.shifted(len(history) + i).label for i in range(count))
    new = [p.value for p in forecast(history, ahead)]
    assert new == pytest.approx(_old_forecast(history, ahead), rel=1e-6, abs=1e-6)


@given(st.sets(st.integers(2000, 2030), min_size=2, max_size=8), st.lists(values, min_size=8, max_size=8))
def test_a_forecast_is_fitted_against_time(years, numbers):
    ordered = sorted(years)
    history = tuple(DataPoint(str(y), v) for y, v in zip(ordered, numbers))
    ahead = next_labels([p.period for p in history], 2)
    slope, intercept = linear_trend([p.value for p in history], [float(y) for y in ordered[: len(history)]])
    expected = [intercept + slope * (ordered[len(history) - 1] + k) for k in (1, 2)]
    assert [p.value for p in forecast(history, ahead)] == pytest.approx(expected, rel=1e-6, abs=1e-4)


def test_a_gap_changes_the_forecast():
    # 10 in 2019, then 16, 17, 18 in 2022-2024: six points over three years, then one a year.
    gap = (DataPoint("2019", 10), DataPoint("2022", 16), DataPoint("2023", 17), DataPoint("2024", 18))
    assert [p.period for p in forecast(gap, ("2025",))] == ["2025"]
    timed = forecast(gap, ("2025",))[0].value
    assert timed == pytest.approx(15.25 + 23 / 14 * 3)  # the least-squares line against the years
    assert _old_forecast(gap, ("2025",))[0] == pytest.approx(21.5)  # against 0..3: too steep


def test_labels_that_are_not_periods_are_spaced_evenly_in_the_order_written():
    plot = plot_curve((DataPoint("Baseline", 4), DataPoint("Year 7", 5), DataPoint("Now", 6)), width=300, height=100)
    assert not plot.timed and [x for _, x in plot.periods] == [50, 150, 250]
    # Out of time order: the order written is kept.
    plot = plot_curve((DataPoint("2023", 4), DataPoint("2019", 5)), width=200, height=100)
    assert not plot.timed and [label for label, _ in plot.periods] == ["2023", "2019"]


def test_a_word_both_styles_share_takes_its_neighbours_style():
    assert next_labels(["April 2024", "May 2024"], 2) == ("June 2024", "July 2024")
    assert next_labels(["Apr 2024", "May 2024"], 1) == ("Jun 2024",)
    assert next_labels(["Fall 2023", "Spring 2024", "Summer 2024"], 1) == ("Fall 2024",)
    assert [label for label, _ in timeline(["Fall 2022", "Summer 2024"]).ticks()][3] == "Fall 2023"
