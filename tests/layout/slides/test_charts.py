"""Charts and tables as data: the curve chart, the scores chart and the rubric table."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from facilitate.errors import TextOverflowError
from facilitate.layout import slides as spec
from facilitate.model import DEFAULT_THEME, DataPoint, Dimension, Level, MaturityRubric, Segment, SessionPack
from tests.conftest import small_session
from tests.deck_fixtures import curve, rubric
from tests.layout.slides.checks import assert_everything_fits

BOX = spec.Box(40, 124, 880, 380)


def test_curve_chart_series_are_the_models_data():
    chart = spec.curve_chart(curve(), DEFAULT_THEME, BOX)
    model = curve()
    assert chart.kind == "line" and chart.box == BOX
    assert chart.categories == ("2019", "2020", "2021", "2022", "2023", "2024", "2025")
    baseline, projected, target = chart.series
    assert baseline.values[:4] == tuple(p.value for p in model.baseline) and baseline.values[4:] == (None,) * 3
    assert projected.dashed and projected.values[3] == model.baseline[-1].value
    assert projected.values[4:6] == pytest.approx([p.value for p in model.projected])
    assert target.values == (None,) * 6 + (9.0,) and not target.line
    shown = [v for series in chart.series for v in series.values if v is not None]
    assert chart.minimum <= min(shown) and max(shown) <= chart.maximum  # the PDF chart's round-numbered axis
    assert (chart.minimum, chart.maximum, chart.major_unit) == (8, 18, 2)
    # The numbers as a person would say them (see test_numbers_in_alt_text_are_rounded_as_people_say_them).
    assert chart.alt_text == (
        "Line chart of Pupils persistently absent (%) (lower is better): baseline 2019 10.5, 2020 12, 2021 13.1,"
        " 2022 14.9; forecast 2022 14.9, 2023 16.2, 2024 17.6; target 2025 9."
    )


@pytest.mark.parametrize("value, said", [
    (14.923, "14.9"), (91.0, "91"), (1234.0, "1,234"), (123456.0, "123,000"), (0.0456, "0.046"),
    (7 / 3, "2.3"), (99.96, "100"), (12_345.0, "12,300"), (-3.14159, "-3.1"),
])
def test_numbers_in_alt_text_are_rounded_as_people_say_them(value, said):
    from facilitate.labels import ENGLISH, labels_for

    assert ENGLISH.spoken(value) == said
    # As the language writes numbers: a decimal comma in French.
    assert labels_for("fr").spoken(14.923) == "14,9"


def test_a_scores_charts_alt_text_says_each_mean_to_one_decimal():
    chart = spec.scores_chart(rubric(), DEFAULT_THEME, BOX)
    assert chart.alt_text.endswith("Shared purpose 2.3, Use of data 1.3, Professional learning 3.3.")


def test_scores_chart_is_each_dimensions_mean_level():
    chart = spec.scores_chart(rubric(), DEFAULT_THEME, BOX)
    assert chart.kind == "bar" and chart.categories == ("Shared purpose", "Use of data", "Professional learning")
    assert chart.series[0].values == pytest.approx((7 / 3, 4 / 3, 10 / 3))
    assert (chart.minimum, chart.maximum, chart.major_unit) == (0, 4, 1) and not chart.legend
    assert "3 responses" in chart.alt_text and "Use of data 1.3" in chart.alt_text


def test_a_rubric_table_has_a_header_and_a_row_per_dimension():
    ((table, title, continued),) = spec.rubric_tables(rubric(), DEFAULT_THEME, BOX, "slide 5")
    assert (title, continued) == ("Partnership maturity", None)
    assert [c.text for c in table.rows[0]] == ["Dimension", "Emerging", "Developing", "Embedded", "Leading"]
    assert table.rows[2][0].text == "Use of data" and table.rows[2][1].text == "Data stays in schools"
    assert table.size == spec.TABLE_MAX and abs(sum(table.column_widths) - BOX.width) < 0.01
    assert len(table.row_heights) == len(table.rows) and table.box.height == sum(table.row_heights) <= BOX.height
    for row, height in zip(table.rows, table.row_heights):
        for cell, width in zip(row, table.column_widths):
            lines = spec.paragraph_lines(spec.Paragraph(cell.text, table.size, bold=cell.bold), width - 2 * spec.INSET_X)
            assert len(lines) * table.size * spec.LEADING + 2 * spec.INSET_Y <= height


def _big_rubric(words: str, dimensions: int = 8) -> MaturityRubric:
    return MaturityRubric("big", "Big rubric", tuple(
        Dimension(f"d{n}", f"Dimension {n}", tuple(Level(f"L{k}", words) for k in range(1, 5))) for n in range(1, dimensions + 1)
    ))


def test_a_tall_rubric_splits_across_slides_with_the_header_repeated():
    words = "a rather long descriptor of what this level looks like in practice " * 2
    big = _big_rubric(words)
    tables = spec.rubric_tables(big, DEFAULT_THEME, BOX, "slide 5")
    assert len(tables) >= 2
    assert [title for _, title, _ in tables] == [f"Big rubric ({n}/{len(tables)})" for n in range(1, len(tables) + 1)]
    assert all(table.rows[0][0].text == "Dimension" and table.size == spec.TABLE_MIN for table, _, _ in tables)
    rows = [row[0].text for table, _, _ in tables for row in table.rows[1:]]
    assert rows == [f"Dimension {n}" for n in range(1, 9)]
    counts = [len(table.rows) - 1 for table, _, _ in tables]
    assert max(counts) - min(counts) <= 1  # shared out evenly
    session = small_session(segments=(Segment("assess", "Assess", 30, rubric="big"),), conversation=())
    deck = spec.build_deck(SessionPack(session, rubrics=(big,)))
    assert [s.title_text for s in deck.of_kind("maturity-table")] == [title for _, title, _ in tables]
    assert not deck.of_kind("maturity-scores")  # no responses, no chart
    assert_everything_fits(deck)


def test_a_row_too_tall_for_any_slide_is_named():
    with pytest.raises(TextOverflowError, match=r"^dimension 'd1': levels: the row is too tall for a slide even at 18 pt"):
        spec.rubric_tables(_big_rubric("word " * 300, 2), DEFAULT_THEME, BOX, "slide 5")


def test_a_gap_in_a_curves_years_is_empty_categories_the_lines_run_across():
    model = attrs.evolve(curve(), baseline=(DataPoint("2019", 10.5), DataPoint("2021", 13.1), DataPoint("2022", 14.9)))
    chart = spec.curve_chart(model, DEFAULT_THEME, BOX)
    assert chart.categories == ("2019", "2020", "2021", "2022", "2023", "2024", "2025")
    baseline, projected, _target = chart.series
    assert baseline.values[:4] == (10.5, None, 13.1, 14.9)
    assert chart.span_gaps and chart.category_dates == ()
    assert "2020" not in chart.alt_text  # the alt text names the data, not the empty years


def test_school_years_fill_in_and_count_on_in_their_own_style():
    model = attrs.evolve(curve(), baseline=(DataPoint("2020/21", 10.5), DataPoint("2022/23", 13.1)), target=None)
    chart = spec.curve_chart(model, DEFAULT_THEME, BOX)
    assert chart.categories == ("2020/21", "2021/22", "2022/23", "2023/24", "2024/25")


def test_unevenly_spaced_dates_go_on_a_date_axis():
    days = ("2024-01-15", "2024-02-01", "2024-05-20")
    model = attrs.evolve(curve(), baseline=tuple(DataPoint(day, 90 + n) for n, day in enumerate(days)), target=None)
    chart = spec.curve_chart(model, DEFAULT_THEME, BOX)
    assert chart.category_dates[:3] == tuple(dt.date.fromisoformat(day) for day in days)
    assert len(chart.category_dates) == len(chart.categories)
    assert (chart.date_format, chart.date_unit) == ("mmm yyyy", "months")


def test_labels_that_are_not_periods_stay_evenly_spaced_categories():
    model = attrs.evolve(curve(), baseline=(DataPoint("Before", 1), DataPoint("After", 2)), target=None, forecast_periods=1)
    chart = spec.curve_chart(model, DEFAULT_THEME, BOX)
    assert chart.categories == ("Before", "After", "After +1") and not chart.span_gaps and not chart.category_dates


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        ("2024-01-01", "2024-02-15", ("d mmm yyyy", "days", 8)),
        ("2024-01-01", "2025-06-01", ("mmm yyyy", "months", 3)),
        ("2010-01-01", "2024-06-01", ("yyyy", "years", 3)),
    ],
)
def test_a_date_axis_ticks_in_days_months_or_years(first, last, expected):
    assert spec.date_axis((dt.date.fromisoformat(first), dt.date.fromisoformat(last))) == expected
