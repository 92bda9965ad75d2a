"""Self-assessment responses from form exports, as they come out of the product.

Three shapes are read, told apart by their header row (see tests/fixtures/forms/README.md
for where each shape was learnt):

- **Google Forms** (the responses CSV, downloaded from the form or from its sheet): a
  ``Timestamp`` column first, then one column per question; a multiple-choice grid gives
  one column per row of the grid, titled ``Question [Row label]``.
- **Microsoft Forms** (the XLSX from "Open in Excel"): ``ID, Start time, Completion
  time, Email, Name`` (and, in newer exports, ``Last modified time``), then one column per
  question, and one per statement of a Likert question.
- **A table of your own**: any header, one row per person, a column per dimension.

An export made with the product's interface in another language has other column titles
("Horodateur", "Heure de fin"); it is read as a table, and its wave is still dated: when no
column is named as a time, the first of the leading columns whose every answer is a date
gives the dates.

Columns are matched to the rubric's dimensions by the dimension's title or id (ignoring
case, spaces and punctuation), either as the whole column title, as the row label of a
grid column, or as the part after the last ``.``, ``:`` or dash; a rubric's ``columns:``
mapping names the column of a dimension outright. Answers are matched to levels by the
level's label or its number (``3``, ``Established``, ``3 - Established``); "Don't know",
"N/A" and blanks are skipped. Anything else is an error at its row and column.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from facilitate.errors import LoadError
from facilitate.loaders.convert import did_you_mean
from facilitate.loaders.tabular import Column, Row, Table, key, open_table

if TYPE_CHECKING:
    from facilitate.loaders.datafiles import FileReference
    from facilitate.model.maturity import Dimension, MaturityRubric, Rating, Response

GOOGLE = "Google Forms"
MICROSOFT = "Microsoft Forms"
TABLE = "table"
#: The first columns of a Microsoft Forms export, in order (after them, optionally, Last modified time).
MICROSOFT_COLUMNS = ("id", "starttime", "completiontime", "email", "name")
MICROSOFT_EXTRA = ("lastmodifiedtime", "totalpoints", "quizfeedback")
#: Answers that mean "no rating" (compared as keys: case, spaces and punctuation ignored).
SKIPPED = frozenset({"", "dontknow", "donotknow", "idontknow", "na", "notapplicable", "notsure", "unsure"})
#: Where a column title's last part starts ("Q3. Shared purpose", "Rate us: Shared purpose").
_TAIL = re.compile(r".*(?:[.:?]|\s[-–—])\s*(.+)$")
_GRID = re.compile(r"^(.*)\[([^\]]+)\]\s*$")
_ISO_DATE = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})")
_LOCAL_DATE = re.compile(r"^(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})\b")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
NO_GROUP = "(no answer)"


@attrs.frozen
class ReadingRules:
    """How a rubric's exports are read: columns named per dimension, and the column that names groups."""

    #: (dimension id, column title) pairs from the rubric's ``columns:`` mapping.
    columns: tuple[tuple[str, str], ...] = ()
    #: The column whose answers name each person's group (``--by`` or the rubric's ``group_by:``).
    group_by: str | None = None


@attrs.frozen
class Export:
    """One export read: what it is, its responses, and when they were made."""

    kind: str
    label: str
    responses: tuple[Response, ...]
    first: dt.date | None = None
    last: dt.date | None = None


def export_kind(header: Sequence[str]) -> str:
    """Which product wrote a table with this header."""
    keys = [key(name) for name in header]
    if keys and keys[0] == "timestamp":
        return GOOGLE
    if tuple(keys[: len(MICROSOFT_COLUMNS)]) == MICROSOFT_COLUMNS:
        return MICROSOFT
    return TABLE


def _metadata(kind: str, column: Column, index: int) -> bool:
    """Columns the product adds around the questions (never a dimension's)."""
    name = key(column.name)
    if kind == GOOGLE:
        return index == 0 or name in ("emailaddress", "score")
    if kind == MICROSOFT:
        return index < len(MICROSOFT_COLUMNS) or name in MICROSOFT_EXTRA
    return False


def title_keys(title: str) -> set[str]:
    """The ways a column title can name a dimension: whole, a grid row label, or its last part."""
    keys = {key(title)}
    grid = _GRID.match(title)
    if grid:
        keys.add(key(grid[2]))
    tail = _TAIL.match(title)
    if tail:
        keys.add(key(tail[1]))
    keys.discard("")
    return keys


def match_columns(rubric: MaturityRubric, table: Table, kind: str, rules: ReadingRules) -> dict[str, Column]:
    """The column holding each dimension's ratings, or an error naming the dimension left without one."""
    questions = [column for index, column in enumerate(table.columns) if not _metadata(kind, column, index)]
    named = dict(rules.columns)
    found: dict[str, Column] = {}
    for dimension in rubric.dimensions:
        if dimension.id in named:
            wanted = named[dimension.id]
            column = next((c for c in table.columns if key(c.name) == key(wanted)), None)
            if column is None:
                hint = did_you_mean(wanted, [c.name for c in questions])
                raise table.error(table.header_row, None, f"columns.{dimension.id}: no column {wanted!r} in this export{hint}")
            found[dimension.id] = column
            continue
        wanted_keys = {key(dimension.title), key(dimension.id)}
        matches = [column for column in questions if title_keys(column.name) & wanted_keys]
        if len(matches) > 1:
            names = " and ".join(repr(column.name) for column in matches[:2])
            raise table.error(
                table.header_row,
                None,
                f"two columns could hold the ratings of {dimension.title!r}: {names};"
                f" say which in the rubric, e.g. columns: {{{dimension.id}: {matches[0].name!r}}}",
            )
        if not matches:
            labels = [label for column in questions for label in _labels(column.name)]
            hint = did_you_mean(dimension.title, labels) if labels else ""
            raise table.error(
                table.header_row,
                None,
                f"no column for the dimension {dimension.title!r}{hint};"
                f" name its column in the rubric, e.g. columns: {{{dimension.id}: 'Column title'}}",
            )
        found[dimension.id] = matches[0]
    return found


def _labels(title: str) -> list[str]:
    grid = _GRID.match(title)
    return [grid[2].strip()] if grid else [title]


class Levels:
    """A dimension's answers: each level's label and number (and both together) → its number."""

    def __init__(self, dimension: Dimension) -> None:
        self.dimension = dimension
        self.names = tuple(level.label for level in dimension.levels)
        self.by_key: dict[str, int] = {}
        for number, label in enumerate(self.names, start=1):
            for spelling in (str(number), key(label), f"{number}{key(label)}", f"{key(label)}{number}"):
                self.by_key.setdefault(spelling, number)

    def level(self, answer: str) -> int | None:
        """The level an answer gives; None for a skipped answer; ValueError with the reason otherwise."""
        answer_key = key(answer)
        if answer_key in SKIPPED:
            return None
        level = self.by_key.get(answer_key)
        if level is not None:
            return level
        parts = [part for part in re.split(r"\s*[;,]\s*", answer) if part.strip()]
        if len(parts) > 1 and all(key(part) in self.by_key for part in parts):
            raise ValueError(f"{answer!r} gives several answers; a rating is one level ({', '.join(self.names)})")
        raise ValueError(f"{answer!r} is not a level of this dimension ({', '.join(self.names)})")


#: How many of the first columns are looked at for dates when none is named as a time: a
#: form export in another language puts its times there (Google's first column, Microsoft's
#: second and third), whatever it calls them.
LOOK_FOR_DATES = 6


def _all_dates(values: Sequence[str]) -> bool:
    """Whether every answer in a column is a date (and there is at least one)."""
    given = [value for value in values if value.strip()]
    return bool(given) and len(given) == len(values) and all(date is not None for date in parse_dates(given))


def _timestamp_column(table: Table, kind: str) -> Column | None:
    if kind == GOOGLE:
        return table.columns[0]
    for name in ("completion time", "start time", "timestamp", "date"):
        column = table.column(name)
        if column is not None:
            return column
    return None


def parse_dates(texts: Iterable[str]) -> list[dt.date | None]:
    """The dates of form timestamps, reading day/month order from the whole export at once.

    ISO dates ("2024-03-14 ...", and Google's "2024/03/14 3:00:00 PM GMT") are read as
    they are. For "03/04/2024": a first number above 12 means day first, a second above 12
    means month first; otherwise dots or zero-padded numbers (as the UK locale writes them)
    mean day first, and unpadded ones (as the US locale writes them) month first.
    """
    texts = list(texts)
    local = [_LOCAL_DATE.match(text) for text in texts]
    found = [match for match in local if match]
    if any(int(match[1]) > 12 for match in found):
        day_first = True
    elif any(int(match[3]) > 12 for match in found):
        day_first = False
    else:
        day_first = any(match[2] == "." or match[1].startswith("0") or match[3].startswith("0") for match in found)
    dates: list[dt.date | None] = []
    for text, match in zip(texts, local):
        iso = _ISO_DATE.match(text)
        try:
            if iso:
                dates.append(dt.date(int(iso[1]), int(iso[2]), int(iso[3])))
            elif match:
                first, second, year = int(match[1]), int(match[3]), int(match[4])
                year += 2000 if year < 100 else 0
                day, month = (first, second) if day_first else (second, first)
                dates.append(dt.date(year, month, day))
            else:
                dates.append(None)
        except ValueError:
            dates.append(None)
    return dates


def wave_name(first: dt.date, last: dt.date) -> str:
    """A wave named by the months its responses came in: "Mar 2024", "Mar–Apr 2024", "Dec 2023–Jan 2024"."""
    start, end = _MONTHS[first.month - 1], _MONTHS[last.month - 1]
    if (first.year, first.month) == (last.year, last.month):
        return f"{start} {first.year}"
    if first.year == last.year:
        return f"{start}–{end} {last.year}"
    return f"{start} {first.year}–{end} {last.year}"


def read_export(
    rubric: MaturityRubric,
    path: str,
    label: str,
    rules: ReadingRules = ReadingRules(),
    sheet: str | None = None,
    wave: str | None = None,
) -> Export:
    """The responses in one export; ``wave`` names them (default: the months they came in, or the file's name)."""
    from facilitate.model.maturity import Rating, Response

    with open_table(path, label, sheet) as table:
        kind = export_kind(table.header)
        columns = match_columns(rubric, table, kind, rules)
        levels = {dimension.id: Levels(dimension) for dimension in rubric.dimensions}
        group_column = _group_column(table, rules.group_by)
        stamp_column = _timestamp_column(table, kind)
        rows: list[tuple[Row, tuple[Rating, ...], str]] = []
        stamps: list[str] = []
        # With no column named as a time, the first columns' answers, to find one that holds dates.
        leading = table.columns[:LOOK_FOR_DATES] if stamp_column is None else []
        early: list[list[str]] = [[] for _ in leading]
        group_names: dict[str, str] = {}
        for row in table.rows():
            ratings = []
            for dimension in rubric.dimensions:
                column = columns[dimension.id]
                answer = column.value(row, "; ")
                try:
                    level = levels[dimension.id].level(answer)
                except ValueError as problem:
                    raise table.error(row.number, column.name, str(problem)) from None
                if level is not None:
                    ratings.append(Rating(dimension.id, level))
            group = ""
            if group_column is not None:
                written = group_column.value(row) or NO_GROUP
                group = group_names.setdefault(key(written), written)
            rows.append((row, tuple(ratings), group))
            stamps.append(stamp_column.value(row) if stamp_column is not None else "")
            for values, column in zip(early, leading):
                values.append(column.value(row))
        label = table.label
    if stamp_column is None:
        stamps = next((values for values in early if _all_dates(values)), stamps)
    dates = [date for date in parse_dates(stamps) if date is not None]
    first, last = (min(dates), max(dates)) if dates else (None, None)
    name = wave or (wave_name(first, last) if first and last else Path(path).stem)
    responses = tuple(
        Response(f"{label}:{row.number}", ratings, group, name) for row, ratings, group in rows
    )
    return Export(kind, label, responses, first, last)


def _group_column(table: Table, name: str | None) -> Column | None:
    if name is None:
        return None
    column = table.column(name)
    if column is None:
        hint = did_you_mean(name, [c.name for c in table.columns])
        raise table.error(table.header_row, None, f"no column {name!r} to group the responses by{hint}")
    return column


def read_exports(rubric: MaturityRubric, references: Sequence[FileReference], rules: ReadingRules) -> list[Response]:
    """The responses of several exports, oldest export first (each export is a wave)."""
    exports = [read_export(rubric, ref.path, ref.label, rules, ref.sheet, ref.wave) for ref in references]
    ordered = sorted(exports, key=lambda export: (export.first is None, export.first or dt.date.min))
    return [response for export in ordered for response in export.responses]


__all__ = [
    "GOOGLE",
    "MICROSOFT",
    "TABLE",
    "Export",
    "LoadError",
    "Levels",
    "ReadingRules",
    "export_kind",
    "match_columns",
    "parse_dates",
    "read_export",
    "read_exports",
    "title_keys",
    "wave_name",
]
