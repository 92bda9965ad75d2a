"""Timings files: the schema they ship with, and one-line errors naming file, line and field."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from facilitate.errors import LoadError, format_field_path
from facilitate.loaders.timings import load_timings, schema

FIXTURES = Path(__file__).parent.parent / "fixtures" / "timings"
GOOD = FIXTURES / "power-of-partnerships-2026-09-03.json"

#: file, line, field path, words in the message
BAD = [
    ("duplicate-id.json", 26, "segments[1].id", "duplicate id 'welcome'"),
    ("ended-before-started.json", 36, "segments[1].ended", "09:10:00 is before the segment started (09:26:40)"),
    ("minutes-zero.json", 30, "segments[1].planned_minutes", "expected a whole number of minutes, at least 1, got 0"),
    ("missing-day.json", 1, "day", "is required but missing"),
    ("no-segments.json", 11, "segments", "must not be empty"),
    ("segment-typo.json", 23, "segments[0].strated", "did you mean 'started'"),
    ("skipped-with-times.json", 35, "segments[1].started", "a skipped segment has no times"),
    ("started-not-a-time.json", 22, "segments[0].started", "expected a clock time with seconds like 09:30:05, got '9.02'"),
    ("status-unknown.json", 34, "segments[1].status", "expected one of done, skipped, current, pending, got 'finished'"),
    ("syntax.json", 5, "", "JSON syntax"),
    ("top-level-list.json", 1, "", "expected a mapping of fields, got a list"),
    ("wrong-format.json", 2, "format", "expected 'facilitate-timings'"),
]


def test_the_bundled_example_loads():
    record = load_timings(GOOD)
    assert record.session_id == "power-of-partnerships" and len(record.segments) == 19
    assert record.segments[0].started.isoformat() == "09:02:10"
    assert [s.status for s in record.segments].count("skipped") == 1


def test_every_bad_file_has_an_expectation():
    assert sorted(p.name for p in (FIXTURES / "bad").iterdir()) == sorted(case[0] for case in BAD)


@pytest.mark.parametrize(("name", "line", "field", "words"), BAD, ids=[case[0] for case in BAD])
def test_bad_timings_give_one_line_with_file_line_field(name, line, field, words):
    path = FIXTURES / "bad" / name
    with pytest.raises(LoadError) as caught:
        load_timings(path)
    message = caught.value.one_line()
    assert caught.value.line == line, message
    assert format_field_path(caught.value.field_path) == field, message
    assert message.startswith(f"{path}:{line}: " + (f"{field}: " if field else "")), message
    assert words in message and "\n" not in message


def test_the_schema_is_valid_and_accepts_the_example():
    jsonschema.Draft202012Validator.check_schema(schema())
    jsonschema.Draft202012Validator(schema()).validate(json.loads(GOOD.read_text("utf-8")))


def test_a_missing_file(tmp_path):
    with pytest.raises(LoadError, match="no such file"):
        load_timings(tmp_path / "nope.json")


def test_the_reference_describes_every_field_of_the_schema():
    reference = (Path(__file__).resolve().parents[2] / "docs" / "reference" / "timings.md").read_text("utf-8")
    fields = set(schema()["properties"]) | set(schema()["properties"]["segments"]["items"]["properties"])
    fields |= set(schema()["properties"]["session"]["properties"])
    for field in fields:
        assert f"`{field}`" in reference, field
