"""Chart maths: data points, ticks and bars land where the arithmetic puts them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from facilitate.layout import chart
from facilitate.model import DataPoint

HISTORY = (DataPoint("2019", 10), DataPoint("2020", 12), DataPoint("2021", 14), DataPoint("2022", 16))
FORECAST = (DataPoint("2023", 18), DataPoint("2024", 20))


def test_history_points_are_where_the_maths_puts_them():
    plot = chart.plot_curve(HISTORY, FORECAST, None, width=600, height=200)
    # Six periods, each in the middle of a 100-point slot.
    assert [x for _, x in plot.periods] == [50, 150, 250, 350, 450, 550]
    # 10..20 on a 10..20 axis in steps of 2: value v sits at (v - 10) / 10 * 200.
    assert (plot.scale.low, plot.scale.high, plot.scale.step) == (10, 20, 2)
    assert [(p.x, p.y) for p in plot.history] == [(50, 0), (150, 40), (250, 80), (350, 120)]
    assert [(p.x, p.y) for p in plot.forecast] == [(450, 160), (550, 200)]


def test_forecast_dashed_line_starts_at_the_last_history_point():
    plot = chart.plot_curve(HISTORY, FORECAST, None, width=600, height=200)
    assert plot.forecast_line[0] == plot.history[-1]
    assert plot.forecast_line[1:] == plot.forecast


def test_a_forecast_given_from_the_last_history_period_does_not_restart_the_line():
    forecast = (DataPoint("2022", 99), DataPoint("2023", 18))
    plot = chart.plot_curve(HISTORY, forecast, None, width=500, height=100)
    assert plot.forecast_line[0] == plot.history[-1]
    assert [p.period for p in plot.forecast] == ["2023"]
    assert len(plot.periods) == 5


def test_no_forecast_means_no_dashed_line():
    plot = chart.plot_curve(HISTORY, (), None, width=400, height=100)
    assert plot.forecast_line == () and plot.forecast == ()


def test_y_axis_includes_the_target_even_far_below_the_data():
    target = DataPoint("2026", 2)
    plot = chart.plot_curve(HISTORY, FORECAST, target, width=700, height=300)
    assert plot.scale.low <= 2 <= plot.scale.high
    assert plot.scale.low <= 10 and plot.scale.high >= 20
    assert plot.target.period == "2026"
    # 2025 (no data) keeps its slot on the time axis, so 2026 is the 8th of eight.
    assert [period for period, _ in plot.periods][-2:] == ["2025", "2026"]
    assert plot.target.x == pytest.approx(7.5 * 700 / 8)
    assert plot.target.y == pytest.approx((2 - plot.scale.low) / (plot.scale.high - plot.scale.low) * 300)


def test_target_in_an_existing_period_shares_its_x():
    plot = chart.plot_curve(HISTORY, FORECAST, DataPoint("2024", 25), width=600, height=200)
    assert plot.target.x == plot.forecast[-1].x
    assert plot.scale.high >= 25 and plot.target.y <= 200


def test_a_flat_single_point_still_gets_an_axis():
    plot = chart.plot_curve((DataPoint("Term 1", 5),), width=100, height=50)
    assert plot.scale.low < 5 < plot.scale.high
    assert plot.history[0].x == 50 and plot.history[0].y == pytest.approx(25)


def test_ticks_are_round_and_labelled_with_the_steps_decimals():
    scale = chart.nice_scale([0.12, 0.87])
    assert scale.ticks == (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)
    assert scale.label(0.4) == "0.4"
    assert chart.nice_scale([1200, 9800]).label(4000) == "4,000"
    assert chart.nice_step(10, 4) == 2.5


@given(
    values=st.lists(st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False), min_size=1, max_size=12),
)
def test_every_value_is_inside_the_axis(values):
    scale = chart.nice_scale(values)
    assert scale.low <= min(values) + 1e-6 and max(values) - 1e-6 <= scale.high
    assert 2 <= len(scale.ticks) <= 12
    for value in values:
        assert -1e-6 <= scale.position(value, 100) <= 100 + 1e-6


def test_labels_are_thinned_until_none_overlap():
    positions = [10 * i for i in range(10)]
    assert chart.thin_labels(positions, [8] * 10, gap=2) == (True,) * 10
    shown = chart.thin_labels(positions, [15] * 10, gap=2)
    # Every other label, and the last one (often the target's period) in place of the 9th.
    assert shown == (True, False, True, False, True, False, True, False, False, True)
    assert chart.thin_labels(positions[:9], [15] * 9, gap=2) == tuple(i % 2 == 0 for i in range(9))
    assert chart.thin_labels([0.0], [50.0]) == (True,)


def test_bars_lengths_rows_and_whiskers():
    plot = chart.plot_bars([("Purpose", 2.0, 0.5), ("Data", 4.0, 1.0)], highest=4, width=400, height=100)
    first, second = plot.bars
    assert (first.y, second.y) == (75, 25)  # the first bar at the top
    assert (first.length, second.length) == (200, 400)
    assert (first.whisker_from, first.whisker_to) == (150, 250)
    assert (second.whisker_from, second.whisker_to) == (300, 400)  # kept inside the scale
    assert plot.grid == ((1, 100), (2, 200), (3, 300), (4, 400))


# --- periods in time ----------------------------------------------------------------------


def test_a_gap_in_the_years_is_a_gap_on_the_axis():
    history = (DataPoint("2019", 10), DataPoint("2022", 16), DataPoint("2023", 17))
    plot = chart.plot_curve(history, (DataPoint("2024", 18),), None, width=600, height=100)
    assert plot.timed and plot.even
    assert [period for period, _ in plot.periods] == ["2019", "2020", "2021", "2022", "2023", "2024"]
    # Six years, six 100-point slots: 2019, then three slots on to 2022.
    assert [p.x for p in plot.history] == [50, 350, 450] and plot.forecast[0].x == 550


def test_a_target_before_the_end_of_the_forecast_sits_at_its_own_year():
    plot = chart.plot_curve(HISTORY, FORECAST + (DataPoint("2025", 22),), DataPoint("2024", 9), width=700, height=100)
    assert [period for period, _ in plot.periods][-3:] == ["2023", "2024", "2025"]
    assert plot.target.x == plot.forecast[1].x < plot.forecast[2].x


def test_school_years_and_terms_are_placed_in_time():
    plot = chart.plot_curve((DataPoint("2019/20", 5), DataPoint("2022/23", 6)), width=400, height=100)
    assert [period for period, _ in plot.periods] == ["2019/20", "2020/21", "2021/22", "2022/23"]
    terms = chart.plot_curve((DataPoint("Autumn 2023", 5), DataPoint("Summer 2024", 6), DataPoint("Spring 2025", 7)), width=500, height=100)
    assert [period for period, _ in terms.periods] == ["Autumn 2023", "Spring 2024", "Summer 2024", "Autumn 2024", "Spring 2025"]
    assert [p.x for p in terms.history] == [50, 250, 450]


def test_dates_are_placed_in_time_and_marked_uneven():
    days = ("2024-01-01", "2024-01-11", "2024-03-01")
    plot = chart.plot_curve(tuple(DataPoint(day, n) for n, day in enumerate(days)), width=1000, height=100)
    assert plot.timed and not plot.even
    assert [period for period, _ in plot.periods] == list(days)  # no filling in between dates
    xs = [p.x for p in plot.history]
    # 10 days, then 50: the gaps are in proportion.
    assert (xs[2] - xs[1]) / (xs[1] - xs[0]) == pytest.approx(5)
    assert plot.dates == tuple(dt.date.fromisoformat(day) for day in days)


def test_a_long_grid_lists_only_the_periods_with_data():
    plot = chart.plot_curve((DataPoint("Jan 2010", 1), DataPoint("Jan 2020", 2)), width=1200, height=100)
    assert [period for period, _ in plot.periods] == ["Jan 2010", "Jan 2020"] and plot.timed
