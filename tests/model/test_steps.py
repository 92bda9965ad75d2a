"""Steps: a segment's minutes shared between its steps in whole minutes that add up exactly."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, strategies as st

from facilitate.errors import ModelError
from facilitate.model import Segment, Step, share_minutes, timed_steps

weights = st.lists(st.integers(1, 120), min_size=1, max_size=12)
step_lists = st.lists(
    st.builds(Step, st.sampled_from(["Alone", "Pairs", "Round", "Share"]), st.integers(1, 60), rounds=st.integers(1, 4)),
    min_size=1,
    max_size=8,
)


@given(weights, st.integers(5, 240))
def test_shares_are_whole_minutes_that_sum_exactly(weights, total):
    shares = share_minutes(weights, total)
    assert len(shares) == len(weights)
    assert all(isinstance(share, int) and share >= 0 for share in shares)
    assert sum(shares) == total


@given(weights, st.integers(5, 240))
def test_every_step_gets_a_minute_when_there_are_enough(weights, total):
    shares = share_minutes(weights, total)
    if total >= len(weights):
        assert min(shares) >= 1


@given(weights, st.integers(5, 240))
def test_shares_stay_within_a_minute_of_the_exact_proportion(weights, total):
    shares = share_minutes(weights, total)
    quotas = [Fraction(weight * total, sum(weights)) for weight in weights]
    if all(quota >= 1 for quota in quotas):  # no minute had to be moved to a tiny step
        assert all(abs(share - quota) < 1 for share, quota in zip(shares, quotas))


@given(weights, st.integers(5, 240))
def test_a_bigger_step_never_gets_fewer_minutes_than_a_smaller_one(weights, total):
    shares = share_minutes(weights, total)
    for a in range(len(weights)):
        for b in range(len(weights)):
            if weights[a] > weights[b]:
                assert shares[a] >= shares[b]


@given(step_lists)
def test_timed_steps_fill_the_segment_back_to_back_for_every_length_from_5_to_240_minutes(steps):
    for minutes in range(5, 241):
        timed = timed_steps(steps, minutes)
        assert len(timed) == sum(step.rounds for step in steps)
        assert sum(t.minutes for t in timed) == minutes
        offset = 0
        for t in timed:
            assert t.offset == offset
            offset += t.minutes
        if minutes >= len(timed):
            assert all(t.minutes >= 1 for t in timed)


def test_steps_that_already_fill_the_segment_are_kept_as_written():
    assert share_minutes([1, 2, 4, 5], 12) == (1, 2, 4, 5)


def test_largest_remainders_get_the_spare_minutes():
    # Quotas 3.0, 3.0, 3.0 + 1 left over (weights 1,1,1 of 10): the first step gets it.
    assert share_minutes([1, 1, 1], 10) == (4, 3, 3)
    # 2 + 36 + 4 = 42 minutes of a carousel run in 40: quotas 1.90, 11.43 x3, 3.81.
    assert share_minutes([2, 12, 12, 12, 4], 40) == (2, 12, 11, 11, 4)


def test_a_tiny_step_borrows_its_minute_from_the_most_generous_share():
    assert share_minutes([1, 1, 1, 30], 5) == (1, 1, 1, 2)
    assert share_minutes([1, 100], 2) == (1, 1)


def test_fewer_minutes_than_steps_leaves_some_steps_at_zero():
    assert share_minutes([1, 1, 1], 2) == (1, 1, 0)


def test_rounds_are_labelled_for_a_timer():
    steps = [
        Step("Welcome", 5),
        Step("Round", 20, rounds=3, cue="move tables"),
        Step("Harvest", 15),
    ]
    segment = Segment("cafe", "Café", 40, steps=steps)
    labels = [t.label for t in segment.timed_steps]
    assert labels == [
        "Welcome · 3 min",
        "Round 1 of 3 · 10 min",
        "Round 2 of 3 · 10 min · move tables",
        "Round 3 of 3 · 10 min · move tables",
        "Harvest · 7 min",
    ]
    assert sum(t.minutes for t in segment.timed_steps) == 40


def test_a_segment_without_steps_has_no_timed_steps():
    assert Segment("talk", "Talk", 20).timed_steps == ()


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        (dict(minutes=0), "minutes", "at least 1 minute"),
        (dict(minutes=2.5), "minutes", "whole number"),
        (dict(rounds=0), "rounds", "from 1 to 12"),
        (dict(rounds=13), "rounds", "from 1 to 12"),
        (dict(grouping="trios"), "grouping", "not one of"),
        (dict(title=" "), "title", "must not be empty"),
    ],
)
def test_a_step_refuses_bad_values_naming_the_field(changes, field, words):
    fields = dict(title="Round", minutes=10) | changes
    with pytest.raises(ModelError) as caught:
        Step(**fields)
    assert caught.value.field_path == (field,)
    assert words in caught.value.message
