"""JSON Schema for content files, generated from the model classes so it cannot drift."""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import re
import types
import typing
from typing import Any

import attrs

from facilitate.loaders.content import COLLECTION_KINDS, KINDS, kind_class
from facilitate.loaders.convert import public_name

_DOC_URL = "https://facilitate.invalid/schema"


def _type_schema(type_: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(type_)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(type_) if arg is not type(None)]
        inner = _type_schema(options[0], defs)
        return {"anyOf": [inner, {"type": "null"}]}
    if origin is tuple:
        args = typing.get_args(type_)
        return {"type": "array", "items": _type_schema(args[0], defs) if args else {}}
    if type_ is str:
        return {"type": "string"}
    if type_ is int:
        return {"type": "integer"}
    if type_ is float:
        return {"type": "number"}
    if type_ is bool:
        return {"type": "boolean"}
    if type_ is dt.date:
        return {"type": "string", "format": "date"}
    if type_ is dt.time:
        return {"type": "string", "pattern": r"^\d{1,2}[:.]\d{2}$"}
    if attrs.has(type_):
        name = type_.__name__
        if name not in defs:
            defs[name] = {}
            defs[name] = _class_schema(type_, defs)
        return {"$ref": f"#/$defs/{name}"}
    return {}


@functools.cache
def field_docs(cls: type) -> dict[str, str]:
    """The ``#:`` comments written above each field of an attrs class in its source."""
    try:
        lines = inspect.getsource(cls).splitlines()
    except (OSError, TypeError):
        return {}
    docs: dict[str, str] = {}
    pending: list[str] = []
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("#:"):
            pending.append(stripped[2:].strip())
            continue
        match = re.match(r"^(\w+)\s*:", stripped)
        if match and pending:
            docs[match[1]] = " ".join(pending)
        pending = []
    return docs


def _validator_choices(field: attrs.Attribute) -> list[str] | None:
    """Read allowed values from a one_of/in_ validator, so the enum is in the schema."""
    validator = field.validator
    validator = getattr(validator, "validator", validator)  # attrs.validators.optional(...)
    closure = getattr(validator, "__closure__", None) or ()
    for cell in closure:
        value = cell.cell_contents
        if isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
            return list(value)
    options = getattr(validator, "options", None)
    if options:
        return list(options)
    return None


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required = []
    for field in attrs.fields(cls):
        schema = _type_schema(hints[field.name], defs)
        choices = _validator_choices(field)
        if choices and schema.get("type") == "string":
            schema["enum"] = choices
        elif choices and "anyOf" in schema:
            for option in schema["anyOf"]:
                if option.get("type") == "string":
                    option["enum"] = choices
        doc = field_docs(cls).get(field.name)
        if doc:
            schema["description"] = doc
        properties[public_name(field.name)] = schema
        if field.default is attrs.NOTHING:
            required.append(public_name(field.name))
    result: dict[str, Any] = {
        "type": "object",
        "title": cls.__name__,
        "description": (cls.__doc__ or "").strip().split("\n")[0],
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        result["required"] = required
    return result


def _file_object(title: str, description: str, options: dict[str, str]) -> dict[str, Any]:
    properties = {"file": {"type": "string", "description": "The file's name, relative to this content file (it must be inside its folder)."}}
    properties |= {name: {"type": "string", "description": about} for name, about in options.items()}
    return {
        "type": "object",
        "title": title,
        "description": description,
        "properties": properties,
        "required": ["file"],
        "additionalProperties": False,
    }


#: Spreadsheets a content file may name in place of its data: definition name → its schema.
_DATA_FILES = {
    "CardsFile": _file_object(
        "CardsFile",
        "A CSV or XLSX table of cards: a header row naming the fields (id, title, prompt, detail, category, tags, icon, url), one card a row.",
        {"sheet": "The sheet of an XLSX workbook (default: the first)."},
    ),
    "SeriesFile": _file_object(
        "SeriesFile",
        "A CSV or XLSX table of periods and values: period,value columns, or two named columns of a wider sheet.",
        {
            "sheet": "The sheet of an XLSX workbook (default: the first).",
            "period": "The title of the column of periods (default: period, or the first of two columns).",
            "value": "The title of the column of values (default: value, or the second of two columns).",
        },
    ),
    "ExportFile": _file_object(
        "ExportFile",
        "A form export of the rubric's ratings: a Google Forms CSV, a Microsoft Forms XLSX, or a table with a column per dimension.",
        {
            "sheet": "The sheet of an XLSX workbook (default: the first).",
            "wave": "What to call this round of ratings (default: the months of its timestamps).",
        },
    ),
}
#: kind → field → (definition of the file reference, whether the field is a list whose items may be files).
_FILE_FIELDS = {
    "deck": {"cards": ("CardsFile", False)},
    "curve": {"baseline": ("SeriesFile", False), "target": ("SeriesFile", False)},
    "rubric": {"responses": ("ExportFile", True)},
}


def _with_files(kind: str, properties: dict[str, Any]) -> dict[str, Any]:
    """A kind's properties, where a field may also be a spreadsheet (its name, or a mapping)."""
    for field, (definition, items_too) in _FILE_FIELDS.get(kind, {}).items():
        schema = dict(properties[field])
        description = schema.pop("description", "")
        reference = {"$ref": f"#/$defs/{definition}"}
        if items_too:
            schema["items"] = {"anyOf": [schema["items"], {"type": "string"}, reference]}
        properties[field] = {"anyOf": [schema, {"type": "string"}, reference], "description": description}
    if kind == "rubric":
        properties["columns"] = {
            "type": "object",
            "additionalProperties": {"type": "string"},
            "description": "The export column holding each dimension's ratings, by dimension id, where its title does not say (e.g. {purpose: 'Q3. How clear is our purpose?'}).",
        }
    return properties


def content_schema() -> dict[str, Any]:
    """One schema for every content file: ``kind`` picks which model class applies."""
    defs: dict[str, Any] = {}
    branches = []
    for kind in KINDS:
        cls = kind_class(kind)
        _type_schema(cls, defs)
        body = dict(defs[cls.__name__])
        properties = {"kind": {"const": kind}, **body["properties"]}
        if kind == "session":
            properties["uses"] = {
                "description": "Library items in the pack, by id or by a file path relative to the session file.",
                "type": "object",
                "additionalProperties": False,
                "properties": {name: {"type": "array", "items": {"type": "string"}} for name in COLLECTION_KINDS},
            }
            properties["theme"] = {"type": "string", "description": "A theme by id or file path (default: the bundled default theme)."}
        properties = _with_files(kind, properties)
        branches.append(
            {
                "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
                "then": {
                    "properties": properties,
                    "required": ["kind", *body.get("required", [])],
                    "additionalProperties": False,
                },
            }
        )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": _DOC_URL,
        "title": "facilitate content file",
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"enum": list(KINDS)}},
        "allOf": branches,
        "$defs": defs | _DATA_FILES,
    }
