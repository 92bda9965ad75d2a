"""Properties: content survives a trip through a YAML or TOML file; clocks and forecasts add up."""

from __future__ import annotations

import pytest
import tomli_w
from hypothesis import given, strategies as st

from facilitate.loaders.content import load_object
from facilitate.loaders.convert import structure, unstructure
from facilitate.loaders.yaml_source import dump
from facilitate.model import linear_trend
from tests.strategies import BY_KIND, sessions


def _without_nulls(value):
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


@pytest.mark.parametrize("kind", sorted(BY_KIND))
@given(data=st.data())
def test_load_of_dump_is_identity_yaml(kind, data, tmp_path_factory):
    original = data.draw(BY_KIND[kind])
    path = tmp_path_factory.mktemp(kind) / f"{kind}.yaml"
    path.write_text(dump({"kind": kind, **unstructure(original)}), encoding="utf-8")
    assert load_object(path) == original


@pytest.mark.parametrize("kind", sorted(BY_KIND))
@given(data=st.data())
def test_load_of_dump_is_identity_toml(kind, data, tmp_path_factory):
    original = data.draw(BY_KIND[kind])
    plain = _without_nulls({"kind": kind, **unstructure(original)})
    text = tomli_w.dumps(plain)
    path = tmp_path_factory.mktemp(kind) / f"{kind}.toml"
    path.write_text(text, encoding="utf-8")
    assert load_object(path) == original


@given(sessions())
def test_clock_times_are_monotonic_and_sum_to_the_total(session):
    schedule = session.schedule
    assert schedule[0].starts_at == session.starts_at
    for before, after in zip(schedule, schedule[1:]):
        assert before.ends_at == after.starts_at
        assert before.starts_at < before.ends_at
    minutes = sum((s.ends_at.hour * 60 + s.ends_at.minute) - (s.starts_at.hour * 60 + s.starts_at.minute) for s in schedule)
    assert minutes == session.total_minutes
    assert schedule[-1].ends_at == session.ends_at


@given(
    st.floats(-1000, 1000, allow_nan=False),
    st.floats(-1000, 1000, allow_nan=False),
    st.integers(2, 30),
)
def test_forecast_of_a_straight_line_is_that_line(slope, intercept, count):
    values = tuple(intercept + slope * x for x in range(count))
    fitted_slope, fitted_intercept = linear_trend(values)
    assert fitted_slope == pytest.approx(slope, abs=1e-6)
    assert fitted_intercept == pytest.approx(intercept, abs=1e-6)


@given(sessions())
def test_structure_of_unstructure_is_identity(session):
    from facilitate.model import Session

    assert structure(unstructure(session), Session) == session
