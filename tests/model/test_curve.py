from __future__ import annotations

import pytest

from facilitate.errors import ModelError
from facilitate.model import DataPoint, Idea, Indicator, TurnTheCurve, linear_trend


def curve(**changes) -> TurnTheCurve:
    fields = dict(
        id="absence",
        issue="Persistent absence",
        indicator=Indicator("Pupils persistently absent", "%", "less-of"),
        baseline=tuple(DataPoint(str(2019 + i), v) for i, v in enumerate([10, 12, 14, 16])),
    )
    fields.update(changes)
    return TurnTheCurve(**fields)


def test_least_squares_of_a_straight_line_is_that_line():
    assert linear_trend((3.0, 5.0, 7.0, 9.0)) == pytest.approx((2.0, 3.0))


def test_least_squares_of_noisy_data():
    slope, intercept = linear_trend((1.0, 3.0, 2.0, 4.0))
    assert slope == pytest.approx(0.8)
    assert intercept == pytest.approx(1.3)


def test_forecast_continues_the_trend_with_next_years():
    projected = curve().projected
    assert [p.period for p in projected] == ["2023", "2024", "2025"]
    assert [p.value for p in projected] == pytest.approx([18, 20, 22])


def test_non_numeric_periods_are_counted_on():
    c = curve(baseline=(DataPoint("Autumn", 5), DataPoint("Spring", 6)), forecast_periods=2)
    assert [p.period for p in c.projected] == ["Spring +1", "Spring +2"]


def test_a_given_forecast_is_used_as_is():
    given = (DataPoint("2023", 15),)
    assert curve(forecast=given).projected == given


def test_a_fourth_essential_is_an_error():
    with pytest.raises(ModelError) as error:
        curve(essentials=("a", "b", "c", "d"))
    assert error.value.field_path == ("essentials", 3)


def test_what_works_needs_a_no_cost_or_low_cost_idea():
    with pytest.raises(ModelError, match="no-cost or low-cost"):
        curve(what_works=(Idea("Hire ten officers", "high-cost"),))
    assert curve(what_works=(Idea("Call home on day one", "no-cost"),)).what_works


def test_baseline_is_required():
    with pytest.raises(ModelError):
        curve(baseline=())
