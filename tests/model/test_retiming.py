"""The catch-up rule: proportional, whole minutes, never below a minimum."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitate.model.retiming import catch_up


@st.composite
def plans(draw, max_segments: int = 10):
    """(minutes, minimums, late): a run of segments, some flexible, and a delay."""
    minutes = draw(st.lists(st.integers(1, 120), min_size=0, max_size=max_segments))
    minimums = [draw(st.integers(1, length)) if draw(st.booleans()) else length for length in minutes]
    late = draw(st.integers(-30, 400))
    return minutes, minimums, late


#: Cases worked by hand; the live page's JavaScript is checked against the same ones.
WORKED = [
    # (minutes, minimums, late, expected)
    ((20, 40), (10, 20), 6, (18, 36)),  # 6 min shared 1:2
    ((20, 40), (10, 20), 30, (10, 20)),  # exactly all the slack
    ((20, 40), (10, 20), 45, (10, 20)),  # more than the slack: everything at its floor
    ((20, 40), (18, 20), 12, (18, 30)),  # the first reaches its floor at 2; the rest goes to the second
    ((20, 15, 40), (10, 15, 30), 9, (17, 15, 34)),  # the break (not flexible) keeps its 15
    ((10, 10, 10), (5, 5, 5), 2, (9, 9, 10)),  # equal shares of 2/3: the earlier ones take the leftovers
    ((25, 35), (5, 5), 0, (25, 35)),
    ((25, 35), (5, 5), -4, (25, 35)),  # early: nothing changes
    ((), (), 10, ()),
]


@pytest.mark.parametrize(("minutes", "minimums", "late", "expected"), WORKED)
def test_worked_cases(minutes, minimums, late, expected):
    assert catch_up(minutes, minimums, late) == expected


@given(plans())
def test_the_delay_is_absorbed_up_to_the_slack_and_no_segment_goes_below_its_minimum(plan):
    minutes, minimums, late = plan
    result = catch_up(minutes, minimums, late)
    slack = sum(m - lo for m, lo in zip(minutes, minimums))
    assert sum(minutes) - sum(result) == max(0, min(late, slack))
    for length, least, new in zip(minutes, minimums, result):
        assert least <= new <= length
        if least == length:
            assert new == length


@given(plans())
def test_uncapped_segments_shrink_in_proportion_to_their_length(plan):
    minutes, minimums, late = plan
    result = catch_up(minutes, minimums, late)
    cuts = [m - r for m, r in zip(minutes, result)]
    free = [i for i, (r, lo) in enumerate(zip(result, minimums)) if r > lo]  # not at their floor
    if not free:
        return
    # Every free segment's cut is within a minute of the same rate times its length...
    rate = Fraction(sum(cuts[i] for i in free), sum(minutes[i] for i in free))
    for i in free:
        assert abs(cuts[i] - rate * minutes[i]) < 1
    # ...a longer one never gives fewer minutes than a shorter one...
    for i in free:
        for j in free:
            if minutes[i] > minutes[j]:
                assert cuts[i] >= cuts[j]
    # ...and a segment at its floor gave no more than its share at that rate.
    for i, (r, lo) in enumerate(zip(result, minimums)):
        if r == lo and cuts[i] > 0:
            assert cuts[i] <= rate * minutes[i] + 1


def test_refuses_a_minimum_that_does_not_fit():
    with pytest.raises(ValueError, match="minimum of 30"):
        catch_up((20,), (30,), 5)
    with pytest.raises(ValueError, match="2 lengths but 1 minimums"):
        catch_up((20, 10), (5,), 5)
