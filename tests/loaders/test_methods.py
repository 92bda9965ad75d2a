"""A session file's ``method:`` lines: ids bring a method's steps, free text stays free text."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from facilitate.errors import LoadError
from facilitate.loaders import library
from facilitate.loaders.content import load_object

HEAD = """\
kind: session
id: day
title: A day
starts_at: "09:00"
conversation:
  - id: why
    title: Why
  - id: how
    title: How
  - id: next
    title: Next
"""


def session_file(folder: Path, segments: str, extra: str = "") -> Path:
    path = folder / "day.yaml"
    path.write_text(HEAD + extra + "segments:\n" + textwrap.indent(textwrap.dedent(segments), "  "), "utf-8")
    return path


def test_a_method_id_brings_the_bundled_methods_steps_materials_grouping_and_tags(tmp_path):
    path = session_file(tmp_path, """\
        - id: cafe
          title: Our café
          minutes: 60
          method: world-cafe
        """)
    pack = library.load(path)
    segment = pack.session.segments[0]
    cafe = load_object(library.find("world-cafe", "method").path)
    assert pack.methods == (cafe,)
    assert segment.steps == cafe.steps
    assert segment.materials == cafe.materials
    assert segment.grouping == "tables"
    assert segment.tags == cafe.tags
    assert sum(t.minutes for t in segment.timed_steps) == 60
    assert [t.name for t in segment.timed_steps] == ["Welcome", "Round 1 of 3", "Round 2 of 3", "Round 3 of 3", "Harvest"]


def test_what_the_segment_states_overrides_the_method_even_the_default_grouping(tmp_path):
    path = session_file(tmp_path, """\
        - id: cafe
          title: Our café
          minutes: 30
          method: world-cafe
          grouping: whole-room
          materials: [our own cards]
          steps:
            - title: Talk
              minutes: 30
        """)
    segment = library.load(path).session.segments[0]
    assert segment.grouping == "whole-room"
    assert segment.materials == ("our own cards",)
    assert [step.title for step in segment.steps] == ["Talk"]
    assert segment.tags  # not stated, so the method's


def test_free_text_stays_free_text(tmp_path):
    path = session_file(tmp_path, """\
        - id: talk
          title: A talk
          minutes: 20
          method: Input and table buzz
        """)
    pack = library.load(path)
    segment = pack.session.segments[0]
    assert segment.method == "Input and table buzz" and segment.steps == () and pack.methods == ()
    assert pack.method_name(segment) == "Input and table buzz"


def test_a_method_file_beside_the_session_is_found_before_the_bundled_library(tmp_path):
    (tmp_path / "world-cafe.yaml").write_text(
        "kind: method\nid: world-cafe\nname: Our own café\npurpose: Talk.\nsteps:\n  - title: Talk\n    minutes: 10\n", "utf-8"
    )
    path = session_file(tmp_path, """\
        - id: cafe
          title: Café
          minutes: 20
          method: world-cafe
        """)
    pack = library.load(path)
    assert pack.method_name(pack.session.segments[0]) == "Our own café"
    assert [t.minutes for t in pack.session.segments[0].timed_steps] == [20]


def test_a_method_listed_in_uses_by_path(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "round.yaml").write_text(
        "kind: method\nid: quick-round\nname: Quick round\npurpose: Hear everyone.\nsteps:\n  - title: Round\n    minutes: 5\n", "utf-8"
    )
    path = session_file(tmp_path, """\
        - id: round
          title: Round
          minutes: 10
          method: quick-round
        """, extra="uses:\n  methods: [mine/round.yaml]\n")
    pack = library.load(path)
    assert pack.method_name(pack.session.segments[0]) == "Quick round"


def test_a_method_file_with_another_id_is_refused_at_the_segment(tmp_path):
    (tmp_path / "cafe.yaml").write_text(
        "kind: method\nid: not-cafe\nname: X\npurpose: X.\nsteps:\n  - title: X\n    minutes: 5\n", "utf-8"
    )
    path = session_file(tmp_path, """\
        - id: cafe
          title: Café
          minutes: 20
          method: cafe
        """)
    with pytest.raises(LoadError) as caught:
        library.load(path)
    assert caught.value.path == str(path)
    assert caught.value.field_path == ("segments", 0, "method")
    assert "that file's id is 'not-cafe'" in caught.value.message


def test_a_broken_method_file_is_reported_in_that_file(tmp_path):
    broken = tmp_path / "cafe.yaml"
    broken.write_text("kind: method\nid: cafe\nname: X\npurpose: X.\nsteps:\n  - title: X\n    minutes: 0\n", "utf-8")
    path = session_file(tmp_path, """\
        - id: cafe
          title: Café
          minutes: 20
          method: cafe
        """)
    with pytest.raises(LoadError) as caught:
        library.load(path)
    assert caught.value.path == str(broken)
    assert caught.value.line == 7
    assert caught.value.field_path == ("steps", 0, "minutes")


def test_the_cep_day_uses_the_bundled_methods_where_the_seed_session_did():
    pack = library.load("power-of-partnerships")
    by_segment = {segment.id: segment.method for segment in pack.session.segments}
    assert by_segment["lets-imagine"] == "card-conversation"
    assert by_segment["features-tables"] == "table-discussion"
    assert by_segment["five-insights"] == "carousel-of-tables"
    for segment_id in ("lets-imagine", "features-tables", "five-insights"):
        segment = pack.session.segment(segment_id)
        assert segment.steps and sum(t.minutes for t in segment.timed_steps) == segment.minutes
    carousel = pack.session.segment("five-insights")
    assert [t.name for t in carousel.timed_steps][1:4] == ["Round 1 of 3", "Round 2 of 3", "Round 3 of 3"]
