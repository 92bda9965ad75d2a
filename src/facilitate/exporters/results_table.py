"""A self-assessment's results as a terminal table, a CSV file for Excel, or JSON.

Each renders the same plan (:func:`facilitate.layout.results.results`): for everyone and
then each group or wave, per dimension the number of ratings, the mean level, the spread
(standard deviation), the lowest and highest level, then the weakest dimension and the
one where views differ most.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from facilitate.layout.results import DimensionResult, Results, Section
from facilitate.model.suggestions import Suggestion, describe

FORMATS = ("text", "csv", "json")
#: Excel reads a cell starting with one of these as a formula; such text is written with a ' first.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _mean(result: DimensionResult) -> str:
    return f"{result.mean:.1f} of {len(result.levels)} ({result.nearest})"


def _range(result: DimensionResult) -> str:
    return f"{result.lowest}–{result.highest}" if result.lowest != result.highest else str(result.lowest)


def _table(section: Section, bands: bool) -> list[str]:
    header = ["Dimension", "Ratings", "Mean level", "Spread (SD)", "Lowest–highest"] + (["Band"] if bands else [])
    rows = [
        [result.title, str(result.ratings), _mean(result), f"{result.spread:.2f}", _range(result)] + ([result.band or "–"] if bands else [])
        for result in section.dimensions
    ]
    widths = [max(len(cells[index]) for cells in [header, *rows]) for index in range(len(header))]
    right = {1, 3}

    def line(cells: list[str]) -> str:
        return "  ".join(cell.rjust(width) if index in right else cell.ljust(width) for index, (cell, width) in enumerate(zip(cells, widths))).rstrip()

    return [line(header), line(["-" * width for width in widths]), *(line(cells) for cells in rows)]


def _summary(section: Section) -> list[str]:
    lines = []
    if section.weakest is not None:
        weakest = section.weakest
        lines.append(f"Weakest: {weakest.title} (mean {weakest.mean:.1f} of {len(weakest.levels)}, {weakest.nearest})")
    if section.widest is not None:
        widest = section.widest
        lines.append(
            f"Views differ most: {widest.title} (spread {widest.spread:.2f}, from {widest.lowest_name} to {widest.highest_name})"
        )
    elif section.dimensions:
        lines.append("Views differ most: nowhere; every rating of each dimension is the same")
    return lines


def _people(count: int) -> str:
    return f"{count} response" + ("" if count == 1 else "s")


def text(results: Results, suggestions: Sequence[Suggestion] = ()) -> str:
    """The results as aligned tables for a terminal, then what to try next (``suggestions``)."""
    bands = bool(results.bands)
    lines = [f"{results.title}: {_people(results.respondents)}", ""]
    if not results.overall.dimensions:
        lines.append("No ratings yet: every response skipped every dimension.")
        return "\n".join(lines) + "\n"
    lines += _table(results.overall, bands) + [""] + _summary(results.overall)
    if results.sections:
        what = {"group": results.group_label, "wave": "wave", "wave and group": f"wave and {results.group_label}"}[results.compared]
        lines += ["", f"By {what}"]
        for part in results.sections:
            lines += ["", f"{part.name}: {_people(part.respondents)}"]
            if part.dimensions:
                lines += _table(part, bands) + [""] + _summary(part)
            else:
                lines.append("No ratings: every response skipped every dimension.")
    if results.bands:
        lines += ["", "Bands: " + "; ".join(f"{band.label} {band.start:g}–{band.end:g}" for band in results.bands)]
    if suggestions:
        lines += ["", "What to try next"]
        for suggestion in suggestions:
            lines.append(f"  {suggestion.score.dimension.title} ({suggestion.reason}):")
            lines += [f"    - {describe(item)}" for item in suggestion.items] or ["    (nothing in the library is tagged for it yet)"]
    return "\n".join(lines) + "\n"


def _cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def csv_bytes(results: Results, suggestions: Sequence[Suggestion] = ()) -> bytes:
    """The results as a CSV file that opens cleanly in Excel: UTF-8 with a byte-order mark,
    CRLF line ends, a header row, one row per dimension of everyone and of each group or wave;
    with ``suggestions``, a last column of what to try next on the rows of everyone."""
    compare_wave = "wave" in results.compared
    compare_group = "group" in results.compared
    header = (["Wave"] if compare_wave else []) + ([results.group_label] if compare_group else [])
    header += ["Dimension", "Responses", "Ratings", "Mean", "Nearest level", "Spread (SD)", "Lowest", "Highest", "Band", "Weakest", "Differs most"]
    tried = {s.score.dimension.id: "; ".join(describe(item) for item in s.items) for s in suggestions}
    if suggestions:
        header.append("Try next")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    everyone = [(results.overall, "All", "All")] + [(part, part.wave, part.group) for part in results.sections]
    for part, wave, group in everyone:
        for result in part.dimensions:
            row = ([_cell(wave)] if compare_wave else []) + ([_cell(group)] if compare_group else [])
            row += [
                _cell(result.title),
                str(part.respondents),
                str(result.ratings),
                f"{result.mean:.2f}",
                _cell(result.nearest),
                f"{result.spread:.2f}",
                str(result.lowest),
                str(result.highest),
                _cell(result.band),
                "yes" if part.weakest is not None and part.weakest.id == result.id else "",
                "yes" if part.widest is not None and part.widest.id == result.id else "",
            ]
            if suggestions:
                row.append(_cell(tried.get(result.id, "")) if part is results.overall else "")
            writer.writerow(row)
    return "\ufeff".encode() + buffer.getvalue().encode("utf-8")


def _section_json(part: Section) -> dict[str, Any]:
    return {
        "name": part.name,
        "group": part.group,
        "wave": part.wave,
        "respondents": part.respondents,
        "dimensions": [
            {
                "id": result.id,
                "title": result.title,
                "ratings": result.ratings,
                "mean": result.mean,
                "nearest_level": result.nearest,
                "spread": result.spread,
                "lowest": result.lowest,
                "highest": result.highest,
                "band": result.band,
            }
            for result in part.dimensions
        ],
        "weakest": part.weakest.id if part.weakest is not None else None,
        "differs_most": part.widest.id if part.widest is not None else None,
    }


def json_text(results: Results, suggestions: Sequence[Suggestion] = ()) -> str:
    """The results as JSON: everyone, each section, the bands, and what to try next."""
    data = {
        "rubric": results.rubric,
        "title": results.title,
        "respondents": results.respondents,
        "compared": results.compared,
        "overall": _section_json(results.overall),
        "sections": [_section_json(part) for part in results.sections],
        "bands": [{"from": band.start, "to": band.end, "label": band.label} for band in results.bands],
    }
    if suggestions:
        data["suggestions"] = [
            {
                "dimension": suggestion.score.dimension.id,
                "reason": suggestion.reason,
                "items": [{"kind": item.kind, "id": item.id, "title": item.title} for item in suggestion.items],
            }
            for suggestion in suggestions
        ]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render(results: Results, format: str, suggestions: Sequence[Suggestion] = ()) -> bytes:
    """The results in ``format`` (text, csv or json), as the bytes to write."""
    if format == "csv":
        return csv_bytes(results, suggestions)
    if format == "json":
        return json_text(results, suggestions).encode("utf-8")
    return text(results, suggestions).encode("utf-8")
