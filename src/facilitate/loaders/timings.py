"""Timings JSON (saved by the live page) to a DayRecord, with ``FILE:LINE: field: problem`` errors.

The file is checked against ``facilitate/schemas/timings.schema.json`` first (its shape),
then turned into the model, which checks what a schema cannot (an end after its start).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
from importlib import resources
from typing import Any

from facilitate.errors import LoadError, ModelError
from facilitate.loaders.content import read_text
from facilitate.loaders.convert import describe, did_you_mean
from facilitate.loaders.yaml_source import Lines, YamlProblem, line_for, parse
from facilitate.model.timings import DayRecord, SegmentTiming

FORMAT = "facilitate-timings"


@functools.cache
def schema() -> dict[str, Any]:
    """The JSON Schema of timings files (version 1)."""
    text = resources.files("facilitate").joinpath("schemas", "timings.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _lines(text: str) -> Lines:
    """Where each field is written (JSON is YAML enough for the line map), or only line 1."""
    try:
        return parse(text)[1]
    except YamlProblem:
        return {(): 1}


_TYPES = {"object": "a mapping of fields", "array": "a list", "string": "text", "integer": "a whole number", "null": "null"}


def _problem(error: Any) -> tuple[tuple[str | int, ...], str]:
    """A jsonschema ValidationError as (field path, message in plain words)."""
    path = tuple(error.absolute_path)
    instance = error.instance
    if error.validator == "required":
        missing = next(key for key in error.validator_value if key not in instance)
        return path + (missing,), "is required but missing"
    if error.validator == "additionalProperties":
        known = list(error.schema.get("properties", {}))
        extra = sorted(set(instance) - set(known))[0]
        return path + (extra,), f"unknown key {extra!r}{did_you_mean(extra, known)}"
    if error.validator in ("minLength", "minItems"):
        return path, "must not be empty"
    if error.validator == "type" and isinstance(error.validator_value, str):
        return path, f"expected {_TYPES.get(error.validator_value, error.validator_value)}, got {describe(instance)}"
    # The schema says in plain words what each field expects ("x-expected", an annotation).
    hint = error.schema.get("x-expected")
    return path, f"expected {hint}, got {describe(instance)}" if hint else error.message


def _clock(value: str | None) -> dt.time | None:
    return None if value is None else dt.time.fromisoformat(value)


def record_from_data(data: dict[str, Any]) -> DayRecord:
    """A DayRecord from timings data that passed the schema; ModelError names the field."""
    segments = []
    for index, item in enumerate(data["segments"]):
        try:
            segments.append(
                SegmentTiming(
                    id=item["id"],
                    title=item["title"],
                    planned_start=dt.time.fromisoformat(item["planned_start"]),
                    planned_minutes=item["planned_minutes"],
                    status=item["status"],
                    kind=item.get("kind", "input"),
                    min_minutes=item.get("min_minutes"),
                    fixed=_clock(item.get("fixed")),
                    allowed_minutes=item.get("allowed_minutes"),
                    started=_clock(item.get("started")),
                    ended=_clock(item.get("ended")),
                )
            )
        except ModelError as error:
            raise ModelError(error.message, ("segments", index, *error.field_path)) from None
    session = data["session"]
    try:
        return _record(data, session, segments)
    except ModelError as error:
        if error.field_path[:1] in (("language",), ("clock",)):
            raise ModelError(error.message, ("session", *error.field_path)) from None
        raise


def _record(data: dict[str, Any], session: dict[str, Any], segments: list[SegmentTiming]) -> DayRecord:
    return DayRecord(
        session_id=session["id"],
        title=session["title"],
        day=dt.date.fromisoformat(data["day"]),
        starts_at=dt.time.fromisoformat(session["starts_at"]),
        ends_by=_clock(session.get("ends_by")),
        segments=tuple(segments),
        language=session.get("language", "en"),
        clock=session.get("clock"),
    )


def load_timings(path: str | os.PathLike[str]) -> DayRecord:
    """Read a timings JSON file; any problem is a LoadError naming the file, line and field."""
    import jsonschema

    label = str(path)
    text = read_text(path, label)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise LoadError(label, error.lineno, (), f"JSON syntax: {error.msg}") from None
    lines = _lines(text)
    if isinstance(data, dict) and data.get("format") != FORMAT:
        found = data.get("format")
        raise LoadError(label, line_for(lines, ("format",)), ("format",),
                        f"expected {FORMAT!r} (a timings file saved by session.html), got {describe(found)}")
    validator = jsonschema.Draft202012Validator(schema())
    problem = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if problem is not None:
        field_path, message = _problem(problem)
        raise LoadError(label, line_for(lines, field_path), field_path, message)
    try:
        return record_from_data(data)
    except ModelError as error:
        raise LoadError(label, line_for(lines, error.field_path), error.field_path, error.message) from None
