"""Spreadsheets named inside content files, and card decks that are a spreadsheet.

A content file may leave its data in a spreadsheet beside it:

- a deck: ``cards: ideas.csv`` (or ``{file: ideas.xlsx, sheet: Ideas}``), one card a row,
  the header naming the fields (``id, title, prompt, detail, category, tags, icon, url``);
- a curve: ``baseline: data.csv`` (``period,value`` rows) or a column of a wider sheet,
  ``{file: data.xlsx, sheet: Attendance, period: Year, value: "% absent"}``; the same for
  ``target:``, whose value is the last row that has one;
- a rubric: ``responses: export.csv`` or a list of exports (Google Forms, Microsoft Forms
  or a plain table; see :mod:`facilitate.loaders.forms`), with ``columns:`` and
  ``group_by:`` saying how to read them.

A file is found relative to the content file and must stay inside its folder, as images
do. Problems in a spreadsheet are reported at its row and column: ``ideas.csv:14: prompt:
must not be empty``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from facilitate.errors import LoadError, ModelError
from facilitate.loaders import convert, origins
from facilitate.loaders.tabular import TABLE_SUFFIXES, Column, Table, key, open_table
from facilitate.model._fields import slug

if TYPE_CHECKING:
    from facilitate.loaders.content import Document
    from facilitate.loaders.forms import ReadingRules
    from facilitate.model.cards import Card, CardDeck
    from facilitate.model.curve import DataPoint
    from facilitate.model.maturity import MaturityRubric, Response

#: The columns a card table may have, in the order of the Card's fields.
CARD_FIELDS = ("id", "title", "prompt", "detail", "category", "tags", "icon", "url")
#: Columns whose empty cell means "none" rather than empty text.
OPTIONAL_CARD_FIELDS = ("icon", "url")
REQUIRED_CARD_FIELDS = ("title", "prompt")
#: Keys of a file reference written as a mapping, per use.
REFERENCE_KEYS = {
    "cards": ("file", "sheet"),
    "baseline": ("file", "sheet", "period", "value"),
    "target": ("file", "sheet", "period", "value"),
    "responses": ("file", "sheet", "wave"),
}
_TAG_SPLIT = re.compile(r"\s*[,;]\s*")


@attrs.frozen
class FileReference:
    """A spreadsheet named in a content file, and which part of it to read."""

    path: str
    #: How errors name the file: the path as the content file's folder sees it.
    label: str
    sheet: str | None = None
    period: str | None = None
    value: str | None = None
    wave: str | None = None


def is_reference(value: object) -> bool:
    """True for a file name ending in .csv/.xlsx..., or a mapping with a ``file`` key."""
    if isinstance(value, str):
        return value.strip().lower().endswith(TABLE_SUFFIXES)
    return isinstance(value, dict) and "file" in value


def reference(document: Document, value: object, field_path: tuple[str | int, ...]) -> FileReference:
    """The spreadsheet ``value`` names (a file name, or a mapping with ``file`` and options)."""
    from facilitate.loaders.content import resolve_path

    options: dict[str, Any] = {"file": value} if isinstance(value, str) else dict(value) if isinstance(value, dict) else {}
    allowed = REFERENCE_KEYS[str(field_path[0])]
    for name in options:
        if name not in allowed:
            raise document.error(field_path + (name,), f"unknown key {name!r}{convert.did_you_mean(str(name), list(allowed))}")
    for name, text in options.items():
        if not isinstance(text, str) or not text.strip():
            raise document.error(field_path + (name,), f"expected text, got {text!r}")
    file = options["file"].strip()
    where = field_path if isinstance(value, str) else field_path + ("file",)
    path = resolve_path(document, file, where, "data file", TABLE_SUFFIXES)
    label = os.path.normpath(os.path.join(os.path.dirname(document.path), file))
    return FileReference(
        path,
        label,
        options.get("sheet"),
        options.get("period"),
        options.get("value"),
        options.get("wave"),
    )


# --- numbers -------------------------------------------------------------------------

_PLAIN = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_DECIMAL_COMMA = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$|^[+-]?\d+(,\d+)?$")


def number(text: str, decimal_comma: bool = False) -> float | None:
    """A number as a spreadsheet writes it ("9.2", "9.2%", "1,234.5"; "9,2" in a
    semicolon-separated file); None when the text is not a number."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").removesuffix("%")
    if decimal_comma and _DECIMAL_COMMA.match(cleaned):
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif _THOUSANDS.match(cleaned):
        cleaned = cleaned.replace(",", "")
    if not _PLAIN.match(cleaned):
        return None
    return float(cleaned)


# --- card decks ------------------------------------------------------------------------


def _card_columns(table: Table) -> dict[str, Column]:
    """Each card field's column; an unknown or repeated header is an error at the header row."""
    from facilitate.loaders.forms import TABLE, export_kind

    kind = export_kind(table.header)
    if kind != TABLE:
        raise table.error(
            table.header_row,
            None,
            f"this is a {kind} export, not a table of cards; read its ratings with"
            " 'facilitate results RUBRIC FILE', or name it in a rubric's responses:",
        )
    found: dict[str, Column] = {}
    for column in table.columns:
        field = key(column.name)
        if field not in CARD_FIELDS:
            hint = convert.did_you_mean(column.name.strip().lower(), list(CARD_FIELDS))
            raise table.error(table.header_row, column.name, f"unknown column{hint}; a card table's columns are {', '.join(CARD_FIELDS)}")
        if field in found:
            raise table.error(
                table.header_row, column.name, f"two columns are called {field!r} (columns {found[field].letter} and {column.letter})"
            )
        found[field] = column
    for field in REQUIRED_CARD_FIELDS:
        if field not in found:
            names = ", ".join(column.name for column in table.columns)
            raise table.error(table.header_row, None, f"no {field!r} column (the columns are: {names}); every card needs a title and a prompt")
    return found


def cards_from_table(table: Table) -> tuple[Card, ...]:
    """One card per row; an id is made from the title when the row has none (kept unique)."""
    from facilitate.model.cards import Card

    columns = _card_columns(table)
    rows: list[tuple[int, dict[str, Any]]] = []
    given: dict[str, int] = {}
    for row in table.rows():
        fields: dict[str, Any] = {}
        for field, column in columns.items():
            if field == "tags":
                fields["tags"] = [tag for cell in column.values(row) for tag in _TAG_SPLIT.split(cell) if tag]
            else:
                fields[field] = column.value(row)
        for field in OPTIONAL_CARD_FIELDS:
            if field in fields and not fields[field]:
                del fields[field]
        card_id = fields.get("id", "")
        if card_id:
            if card_id in given:
                raise table.error(row.number, columns["id"].name, f"duplicate id {card_id!r} (first used at row {given[card_id]})")
            given[card_id] = row.number
        rows.append((row.number, fields))
    if not rows:
        raise table.error(table.header_row + 1, None, "no cards: the table has a header but no rows below it")
    taken = set(given)
    cards = []
    for number, fields in rows:
        if not fields.get("id"):
            base = slug(str(fields.get("title", ""))) or f"card-{number}"
            candidate, suffix = base, 2
            while candidate in taken:
                candidate, suffix = f"{base}-{suffix}", suffix + 1
            fields["id"] = candidate
            taken.add(candidate)
        try:
            card = convert.structure(fields, Card)
        except ModelError as error:
            field = str(error.field_path[0]) if error.field_path else ""
            where = columns[field].name if field in columns else field or None
            raise table.error(number, where, error.message) from None
        origins.note(card, origins.Origin(table.label, row=number, columns={field: column.name for field, column in columns.items()}))
        cards.append(card)
    return tuple(cards)


def _title_from_name(path: str) -> str:
    words = re.sub(r"[-_]+", " ", Path(path).stem).strip()
    return (words[:1].upper() + words[1:]) or "Cards"


def deck_from_file(path: str | os.PathLike[str], label: str | None = None, sheet: str | None = None) -> CardDeck:
    """A card deck that is a spreadsheet: its id and title come from the file's name."""
    from facilitate.model.cards import CardDeck

    with open_table(path, label, sheet) as table:
        cards = cards_from_table(table)
    title = _title_from_name(str(path))
    deck = CardDeck(slug(Path(str(path)).stem) or "cards", title, cards)
    origins.note(deck, origins.Origin(label or str(path)))
    return deck


# --- curve data ------------------------------------------------------------------------


def _curve_columns(table: Table, ref: FileReference, field: str) -> tuple[Column, Column]:
    def find(wanted: str, option: str) -> Column:
        found = table.column(wanted)
        if found is None:
            hint = convert.did_you_mean(wanted, [column.name for column in table.columns])
            raise table.error(table.header_row, None, f"no column {wanted!r} for the {option}s of {field}{hint}")
        return found

    if ref.period is not None or ref.value is not None:
        return find(ref.period or "period", "period"), find(ref.value or "value", "value")
    period, value = table.column("period"), table.column("value")
    if period is not None and value is not None:
        return period, value
    if len(table.columns) == 2:
        return table.columns[0], table.columns[1]
    names = ", ".join(repr(column.name) for column in table.columns)
    raise table.error(
        table.header_row,
        None,
        f"which columns hold the periods and values? The columns are {names};"
        f" name them, e.g. {field}: {{file: ..., period: {table.columns[0].name}, value: {table.columns[-1].name}}}",
    )


def points_from_table(table: Table, ref: FileReference, field: str) -> tuple[DataPoint, ...]:
    """``period, value`` pairs, in the order of the rows; rows with no value are left out."""
    from facilitate.model.curve import DataPoint

    period_column, value_column = _curve_columns(table, ref, field)
    points: list[DataPoint] = []
    seen: dict[str, int] = {}
    for row in table.rows():
        text = row.cell(value_column.indexes[0])
        period = row.cell(period_column.indexes[0])
        if not text:
            continue
        value = number(text, table.decimal_comma)
        if value is None:
            raise table.error(row.number, value_column.name, f"expected a number, got {text!r}")
        if not period:
            raise table.error(row.number, period_column.name, f"the value {text} has no period")
        if period in seen:
            raise table.error(row.number, period_column.name, f"the period {period!r} comes twice (first at row {seen[period]})")
        seen[period] = row.number
        points.append(DataPoint(period, value))
    if not points:
        raise table.error(None, value_column.name, f"no values: every row of the column {value_column.name!r} is empty")
    return tuple(points)


def read_points(document: Document, value: object, field: str) -> tuple[DataPoint, ...]:
    ref = reference(document, value, (field,))
    with open_table(ref.path, ref.label, ref.sheet) as table:
        return points_from_table(table, ref, field)


# --- expanding a content file's data -----------------------------------------------------


def reading_rules(document: Document, data: Mapping[str, Any], rubric: MaturityRubric) -> ReadingRules:
    """How the rubric's exports are read: its ``columns:`` mapping and ``group_by:`` column."""
    from facilitate.loaders.forms import ReadingRules

    columns = data.get("columns", {}) or {}
    if not isinstance(columns, dict):
        raise document.error(("columns",), "expected a mapping of dimension id to column title, e.g. {purpose: 'How clear is our purpose?'}")
    ids = [dimension.id for dimension in rubric.dimensions]
    for dimension, title in columns.items():
        if dimension not in ids:
            raise document.error(("columns", dimension), f"no dimension {dimension!r}{convert.did_you_mean(str(dimension), ids)}")
        if not isinstance(title, str) or not title.strip():
            raise document.error(("columns", dimension), f"expected the title of a column, got {title!r}")
    return ReadingRules(tuple((str(k), str(v)) for k, v in columns.items()), rubric.group_by.strip() or None)


def read_rubric_responses(document: Document, rubric: MaturityRubric, items: list[Any], rules: ReadingRules) -> tuple[Response, ...]:
    """Responses typed into the rubric file as they are, and every export it names read in."""
    from facilitate.loaders.forms import read_exports
    from facilitate.model.maturity import Response

    references: list[FileReference] = []
    responses: list[Response] = []
    for index, item in enumerate(items):
        if is_reference(item):
            references.append(reference(document, item, ("responses", index)))
        else:
            responses.append(document.build(Response, item, ("responses", index)))
    responses += read_exports(rubric, references, rules)
    return tuple(responses)


def expand(document: Document, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` of a content file with the spreadsheets it names read into model objects."""
    if document.kind == "deck" and is_reference(data.get("cards")):
        ref = reference(document, data["cards"], ("cards",))
        with open_table(ref.path, ref.label, ref.sheet) as table:
            data["cards"] = cards_from_table(table)
    elif document.kind == "curve":
        if is_reference(data.get("baseline")):
            data["baseline"] = read_points(document, data["baseline"], "baseline")
        if is_reference(data.get("target")):
            last = read_points(document, data["target"], "target")[-1]
            data["target"] = {"period": last.period, "value": last.value}
    return data


def load_rubric(
    document: Document, group_by: str | None = None, exports: list[FileReference] | None = None
) -> tuple[MaturityRubric, ReadingRules]:
    """A rubric file's rubric with its responses read in, and the rules it reads exports with.

    ``group_by`` overrides the file's ``group_by:``; ``exports`` (files named on the command
    line) replace the responses the file has.
    """
    from facilitate.model.maturity import MaturityRubric

    data = dict(document.data)
    rules_data: dict[str, Any] = {name: data[name] for name in ("columns", "group_by") if name in data}
    data.pop("columns", None)
    if group_by is not None:
        data["group_by"] = group_by
    items = data.pop("responses", []) or []
    if isinstance(items, (str, dict)):
        items = [items]
    if not isinstance(items, list):
        raise document.error(("responses",), "expected a list of responses or of export files")
    rubric: MaturityRubric = document.build(MaturityRubric, data)
    rules = reading_rules(document, rules_data, rubric)
    if exports is not None:
        from facilitate.loaders.forms import read_exports

        responses = tuple(read_exports(rubric, exports, rules))
    else:
        responses = read_rubric_responses(document, rubric, items, rules)
    try:
        rubric = attrs.evolve(rubric, responses=responses)
    except ModelError as error:
        raise document.error(error.field_path, error.message) from None
    return rubric, rules


def command_line_export(path: str) -> FileReference:
    """An export named on the command line: read where it is, named as it was typed."""
    return FileReference(os.path.abspath(path), path)


__all__ = [
    "CARD_FIELDS",
    "FileReference",
    "LoadError",
    "cards_from_table",
    "command_line_export",
    "deck_from_file",
    "expand",
    "is_reference",
    "load_rubric",
    "number",
    "points_from_table",
    "reference",
]
