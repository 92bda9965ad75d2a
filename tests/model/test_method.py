"""Methods: what a segment takes from the method it names, and finding methods that fit."""

from __future__ import annotations

import pytest

from facilitate.errors import ModelError
from facilitate.model import GroupSize, Method, Segment, Session, SessionPack, Source, Step, apply_method, use_methods
from facilitate.model.method import names_a_method

CAFE = Method(
    "world-cafe",
    "World Café",
    "Link small-table conversations.",
    [Step("Welcome", 5, grouping="whole-room"), Step("Round", 20, rounds=3, cue="move tables"), Step("Harvest", 15)],
    grouping="tables",
    group_size=GroupSize(12),
    materials=["paper tablecloths", "markers"],
    online="Breakout rooms, reshuffled each round.",
    tags=["connected", "questions"],
    source=Source("Juanita Brown and David Isaacs", "https://theworldcafe.com/", "CC BY"),
    licence="MIT",
)


def test_a_method_knows_its_usual_length_and_groupings():
    assert CAFE.minutes == 5 + 3 * 20 + 15
    assert CAFE.groupings == ("tables", "whole-room")


def test_a_segment_naming_a_method_takes_what_it_does_not_state():
    segment = apply_method(Segment("cafe", "Our café", 45, method="world-cafe"), CAFE)
    assert segment.steps == CAFE.steps
    assert segment.materials == ("paper tablecloths", "markers")
    assert segment.grouping == "tables"
    assert segment.tags == ("connected", "questions")
    assert sum(t.minutes for t in segment.timed_steps) == 45


def test_what_the_segment_states_overrides_the_method():
    own = Segment("cafe", "Our café", 45, method="world-cafe", grouping="pairs", materials=["cards"], tags=["aligned"])
    segment = apply_method(own, CAFE)
    assert segment.grouping == "pairs"
    assert segment.materials == ("cards",)
    assert segment.tags == ("aligned",)
    assert segment.steps == CAFE.steps


def test_a_content_file_says_what_was_stated_even_when_it_is_the_default():
    # "grouping: whole-room" written in the file is the author's choice, not a gap to fill.
    segment = apply_method(Segment("cafe", "Our café", 45, method="world-cafe"), CAFE, stated={"grouping"})
    assert segment.grouping == "whole-room"
    assert segment.steps == CAFE.steps


def test_use_methods_fills_only_the_segments_that_name_a_known_method():
    session = Session(
        "Day",
        [
            Segment("cafe", "Café", 60, method="world-cafe"),
            Segment("talk", "Talk", 20, method="Short input"),
            Segment("coffee", "Coffee", 15, kind="break"),
        ],
    )
    used = use_methods(session, [CAFE])
    assert used.segments[0].steps == CAFE.steps
    assert used.segments[1] == session.segments[1]
    assert used.segments[2] == session.segments[2]


def test_the_pack_names_a_segments_method_by_its_name_or_the_segments_own_words():
    session = use_methods(Session("Day", [Segment("cafe", "Café", 60, method="world-cafe"), Segment("t", "T", 5, method="Card sort")]), [CAFE])
    pack = SessionPack(session, methods=[CAFE])
    assert pack.method_for(session.segments[0]) is CAFE
    assert pack.method_name(session.segments[0]) == "World Café"
    assert pack.method_for(session.segments[1]) is None
    assert pack.method_name(session.segments[1]) == "Card sort"


def test_a_pack_refuses_two_methods_with_one_id():
    with pytest.raises(ModelError) as caught:
        SessionPack(Session("Day", [Segment("a", "A", 5)]), methods=[CAFE, CAFE])
    assert caught.value.field_path == ("methods", 1, "id")


@pytest.mark.parametrize(
    ("value", "is_id"),
    [("world-cafe", True), ("1-2-4-all", True), ("lecture", True), ("Card sort", False), ("World café", False), ("Input and table buzz", False), ("", False)],
)
def test_a_method_id_is_written_in_lower_case_without_spaces(value, is_id):
    assert names_a_method(value) is is_id


@pytest.mark.parametrize(
    ("conditions", "suits"),
    [
        (dict(), True),
        (dict(minutes_max=80), True),
        (dict(minutes_max=79), False),
        (dict(grouping="tables"), True),
        (dict(grouping="whole-room"), True),  # a step of it is whole-room
        (dict(grouping="pairs"), False),
        (dict(people=12), True),
        (dict(people=11), False),
        (dict(online=True), True),
        (dict(tag="connected"), True),
        (dict(tag="decisions"), False),
        (dict(minutes_max=90, grouping="tables", people=30, online=True), True),
    ],
)
def test_suits_checks_every_condition_given(conditions, suits):
    assert CAFE.suits(**conditions) is suits


def test_a_method_without_online_guidance_does_not_suit_online():
    offline = Method("x", "X", "Do a thing.", [Step("Do it", 5)])
    assert not offline.suits(online=True)


@pytest.mark.parametrize(
    ("build", "field", "words"),
    [
        (lambda: GroupSize(12, 6), ("max",), "must be at least min (12), got 6"),
        (lambda: GroupSize(0), ("min",), "at least 1"),
        (lambda: Method("x", "X", "P.", []), ("steps",), "must not be empty"),
        (lambda: Method("x", "X", "P.", [Step("S", 1)], tags=["Not a tag"]), ("tags", 0), "not a valid tag"),
        (lambda: Method("x", "X", "P.", [Step("S", 1)], grouping="trios"), ("grouping",), "not one of"),
        (lambda: Method("X Y", "X", "P.", [Step("S", 1)]), ("id",), "not a valid id"),
    ],
)
def test_a_method_refuses_bad_values_naming_the_field(build, field, words):
    with pytest.raises(ModelError) as caught:
        build()
    assert caught.value.field_path == field
    assert words in caught.value.message


def test_group_size_phrases():
    assert GroupSize(12).phrase == "12 or more people"
    assert GroupSize(3, 15).phrase == "3–15 people"
    assert GroupSize(6, 6).phrase == "6 people"
