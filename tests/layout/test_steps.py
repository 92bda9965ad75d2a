"""A segment's steps in words: one line per step for a slide, one run-sheet row per round."""

from __future__ import annotations

from facilitate.layout.document import Table, run_sheet
from facilitate.layout.steps import step_lines
from facilitate.model import Method, Segment, Session, SessionPack, Source, Step, use_methods

CAFE = Method(
    "world-cafe",
    "World Café",
    "Link small-table conversations.",
    [
        Step("Welcome", 5, "Hear the question.", grouping="whole-room"),
        Step("Round", 20, "Talk at your table.", rounds=3, cue="move tables; the host stays"),
        Step("Harvest", 15, "Share what came up.", grouping="whole-room"),
    ],
    grouping="tables",
    materials=["paper tablecloths", "markers"],
    room_setup=["Café tables of four or five."],
    source=Source("Juanita Brown and David Isaacs", "https://theworldcafe.com/"),
)


def cafe_pack(minutes: int = 60) -> SessionPack:
    session = Session("Day", [Segment("talk", "Talk", 10), Segment("cafe", "Our café", minutes, kind="activity", method="world-cafe")])
    return SessionPack(use_methods(session, [CAFE]), methods=[CAFE])


def test_the_slide_lists_each_step_once_with_its_minutes_in_this_segment():
    segment = cafe_pack(60).session.segment("cafe")
    assert [line.text for line in step_lines(segment)] == [
        "Welcome (4 min, as a whole room): Hear the question.",
        "Round (3 rounds of 15 min): Talk at your table. Between rounds: move tables; the host stays.",
        "Harvest (11 min, as a whole room): Share what came up.",
    ]


def test_rounds_of_unequal_length_are_given_in_all():
    segment = cafe_pack(40).session.segment("cafe")
    (round_line,) = [line for line in step_lines(segment) if line.step.title == "Round"]
    assert [t.minutes for t in round_line.rounds] == [10, 10, 10]
    segment = cafe_pack(42).session.segment("cafe")
    (round_line,) = [line for line in step_lines(segment) if line.step.title == "Round"]
    assert [t.minutes for t in round_line.rounds] == [11, 10, 10]
    assert round_line.timing == "3 rounds, 31 min in all"


def test_the_run_sheet_has_a_row_per_round_under_its_segment_and_credits_the_method():
    document = run_sheet(cafe_pack(60))
    table = next(block for block in document.blocks if isinstance(block, Table))
    rows = [row[:5] for row in table.rows]
    start = next(i for i, row in enumerate(rows) if row[2] == "Our café")
    assert rows[start][3] == "World Café; 60 min, at your tables"
    assert rows[start + 1 : start + 6] == [
        ("09:10", "4", "↳ Welcome", "as a whole room", "Hear the question."),
        ("09:14", "15", "↳ Round 1 of 3", "at your tables", "Talk at your table."),
        ("09:29", "15", "↳ Round 2 of 3", "at your tables", "Move tables; the host stays"),
        ("09:44", "15", "↳ Round 3 of 3", "at your tables", "Move tables; the host stays"),
        ("09:59", "11", "↳ Harvest", "as a whole room", "Share what came up."),
    ]
    texts = [getattr(block, "items", ()) for block in document.blocks]
    assert ("☐ paper tablecloths", "☐ markers") in texts  # the materials checklist has the method's
    assert ("World Café: Café tables of four or five.",) in texts
    assert ("World Café: Juanita Brown and David Isaacs (https://theworldcafe.com/)",) in texts


def test_segments_without_steps_add_no_rows():
    document = run_sheet(SessionPack(Session("Day", [Segment("talk", "Talk", 10, method="Short input")])))
    table = next(block for block in document.blocks if isinstance(block, Table))
    assert len(table.rows) == 1 and table.rows[0][3] == "Short input; 10 min, as a whole room"
