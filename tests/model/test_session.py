from __future__ import annotations

import datetime as dt

import pytest

from facilitate.errors import ModelError
from facilitate.model import Part, Segment, Session
from facilitate.model.session import add_minutes
from tests.conftest import small_session


def test_schedule_places_segments_back_to_back_from_the_start_time():
    session = small_session()
    times = [(f"{s.starts_at:%H:%M}", f"{s.ends_at:%H:%M}") for s in session.schedule]
    assert times == [("09:00", "09:15"), ("09:15", "09:35"), ("09:35", "10:05"), ("10:05", "10:20"), ("10:20", "10:40")]
    assert session.total_minutes == 100
    assert session.ends_at == dt.time(10, 40)


def test_overrun_names_the_first_segment_past_the_end_and_by_how_much():
    with pytest.raises(ModelError) as error:
        small_session(ends_by=dt.time(10, 0))
    assert error.value.field_path == ("segments", 2, "minutes")
    assert "'cards' ends at 10:05" in str(error.value)
    assert "overruns by 40 min" in str(error.value)


def test_an_agenda_that_ends_exactly_on_time_is_fine():
    assert small_session(ends_by=dt.time(10, 40)).ends_at == dt.time(10, 40)


def test_past_midnight_is_refused():
    with pytest.raises(ModelError, match="past midnight"):
        add_minutes(dt.time(23, 30), 45)


@pytest.mark.parametrize("minutes", [0, -5])
def test_minutes_must_be_positive(minutes):
    with pytest.raises(ModelError) as error:
        Segment("a", "A", minutes)
    assert error.value.field_path == ("minutes",)


def test_segment_must_name_an_existing_part():
    with pytest.raises(ModelError) as error:
        small_session(segments=(Segment("a", "A", 10, part="nowhere"),))
    assert error.value.field_path == ("segments", 0, "part")
    assert "one, three, two" in str(error.value)


def test_conversation_has_three_to_seven_parts():
    with pytest.raises(ModelError, match="3 to 7"):
        small_session(conversation=(Part("a", "A"), Part("b", "B")), segments=(Segment("x", "X", 5),))


def test_duplicate_segment_ids_are_refused():
    with pytest.raises(ModelError) as error:
        Session("T", (Segment("a", "A", 5), Segment("a", "B", 5)))
    assert error.value.field_path == ("segments", 1, "id")


def test_timing_phrase_reads_like_a_slide():
    assert Segment("a", "A", 20, grouping="tables").timing_phrase == "20 min, at your tables"


def test_materials_checklist_deduplicates_case_insensitively_with_counts():
    assert small_session().materials_checklist() == (("Projector", 2), ("Cards", 1))


def test_lists_from_python_become_tuples():
    segment = Segment("a", "A", 5, bullets=["x", "y"])
    assert segment.bullets == ("x", "y")
    assert hash(segment)


def test_a_fixed_segment_must_start_at_its_fixed_time():
    fixed = small_session(segments=_with(small_session().segments, 3, fixed=dt.time(10, 5)))
    assert fixed.schedule[3].segment.fixed == dt.time(10, 5)
    with pytest.raises(ModelError) as error:
        small_session(segments=_with(small_session().segments, 3, fixed=dt.time(10, 15)))
    assert error.value.field_path == ("segments", 3, "fixed")
    assert "reaches this segment at 10:05, not at its fixed time 10:15" in str(error.value)
    assert "10 min longer" in str(error.value)
    with pytest.raises(ModelError, match="5 min shorter"):
        small_session(segments=_with(small_session().segments, 3, fixed=dt.time(10, 0)))


def test_min_minutes_is_between_one_and_the_segments_minutes():
    assert Segment("a", "A", 20, min_minutes=12).shortest == 12
    assert Segment("a", "A", 20).shortest == 20
    assert Segment("a", "A", 20, min_minutes=20).shortest == 20
    with pytest.raises(ModelError) as error:
        Segment("a", "A", 20, min_minutes=25)
    assert error.value.field_path == ("min_minutes",) and "not be more than the segment's minutes (20), got 25" in str(error.value)
    for bad in (0, -3):
        with pytest.raises(ModelError, match="at least 1 minute") as error:
            Segment("a", "A", 20, min_minutes=bad)
        assert error.value.field_path == ("min_minutes",)


def _with(segments, index, **changes):
    import attrs

    changed = list(segments)
    changed[index] = attrs.evolve(changed[index], **changes)
    return tuple(changed)


@pytest.mark.parametrize("url", ["https://forms.example.org/our-day", "https://école.example.fr/jour?q=ñ#haut", "http://example.org:8080/"])
def test_a_web_address_a_browser_opens_is_kept(url):
    assert small_session(url=url).url == url


@pytest.mark.parametrize("url", [
    "https://example.org:99999/",  # no such port
    "https://me:secret@example.org/",  # a user name and password in the link
    "https://exa|mple.org/",  # not a host name
    "https://example..org/",
    "https://example.org\\page",
])
def test_a_web_address_no_browser_can_open_is_refused(url):
    with pytest.raises(ModelError) as error:
        small_session(url=url)
    assert error.value.field_path == ("url",) and "is not a web address" in str(error.value)
