"""Spreadsheet and form-export fixtures, written in the real formats (see fixtures/spreadsheets/README.md).

Every builder writes the file the way the product does: CSV text through the csv module in
the product's encoding and separator, XLSX through openpyxl with real date cells and
number formats. Tests build what they need into ``tmp_path``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path

LEVELS = ("Emerging", "Developing", "Established", "Leading")
DIMENSIONS = (("aligned", "Be aligned"), ("data", "Using data together"), ("leadership", "Leadership at every level"))

RUBRIC_YAML = """\
kind: rubric
id: our-rubric
title: How mature is our partnership?
dimensions:
  - id: aligned
    title: Be aligned
    levels: [{label: Emerging}, {label: Developing}, {label: Established}, {label: Leading}]
  - id: data
    title: Using data together
    levels: [{label: Emerging}, {label: Developing}, {label: Established}, {label: Leading}]
  - id: leadership
    title: Leadership at every level
    levels: [{label: Emerging}, {label: Developing}, {label: Established}, {label: Leading}]
"""


def write_csv(path: Path, rows: Sequence[Sequence[str]], encoding: str = "utf-8", delimiter: str = ",", bom: bool = False) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    data = buffer.getvalue().encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def google_timestamp(when: dt.datetime, locale: str) -> str:
    """The Timestamp cell as Google Sheets writes it in a locale's CSV download.

    en-US: M/D/YYYY H:MM:SS (no leading zeros); en-GB: DD/MM/YYYY HH:MM:SS; "forms": the
    form's own "Download responses (.csv)", YYYY/MM/DD h:mm:ss AM GMT+1.
    """
    if locale == "us":
        return f"{when.month}/{when.day}/{when.year} {when.hour}:{when:%M:%S}"
    if locale == "uk":
        return f"{when:%d/%m/%Y %H:%M:%S}"
    hour = when.hour % 12 or 12
    return f"{when:%Y/%m/%d} {hour}:{when:%M:%S} {'AM' if when.hour < 12 else 'PM'} GMT+1"


def google_forms_csv(
    path: Path,
    answers: Sequence[dict[str, str]],
    when: Sequence[dt.datetime],
    locale: str = "uk",
    grid: str = "How would you rate our partnership?",
) -> Path:
    """A Google Forms responses CSV: Timestamp, an email, a school question, the rubric as a
    multiple-choice grid (one column per row: ``Question [Row label]``), a checkbox question
    and a paragraph answer. ``answers`` maps each row label (and "school", "comments") to the cell."""
    header = ["Timestamp", "Email address", "Your school"]
    header += [f"{grid} [{title}]" for _, title in DIMENSIONS]
    header += ["Which of these do you already do together?", "Anything else you would like to tell us?"]
    rows = [header]
    for number, (answer, stamp) in enumerate(zip(answers, when), start=1):
        rows.append(
            [google_timestamp(stamp, locale), f"person{number}@school.example", answer.get("school", "St Mary's")]
            + [answer.get(title, "") for _, title in DIMENSIONS]
            + [answer.get("checkbox", "Shared training, Joint planning"), answer.get("comments", "")]
        )
    return write_csv(path, rows)


def microsoft_forms_xlsx(
    path: Path,
    answers: Sequence[dict[str, str]],
    when: Sequence[dt.datetime],
    last_modified: bool = True,
) -> Path:
    """A Microsoft Forms "Open in Excel" workbook: ID, Start time, Completion time, Email, Name,
    (Last modified time), then a choice question and one column per Likert statement."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    header = ["ID", "Start time", "Completion time", "Email", "Name"] + (["Last modified time"] if last_modified else [])
    header += ["Your school"] + [title for _, title in DIMENSIONS] + ["Which of these do you already do together?"]
    sheet.append(header)
    for number, (answer, stamp) in enumerate(zip(answers, when), start=1):
        row: list[object] = [number, stamp - dt.timedelta(minutes=4), stamp, "anonymous", None] + ([None] if last_modified else [])
        row += [answer.get("school", "St Mary's")] + [answer.get(title) or None for _, title in DIMENSIONS]
        row += [answer.get("checkbox", "Shared training;Joint planning;")]
        sheet.append(row)
        for column in (2, 3):
            sheet.cell(row=number + 1, column=column).number_format = "m/d/yy h:mm:ss"
    workbook.save(path)
    return path


def cards_workbook(path: Path) -> Path:
    """A card deck kept in Excel: a merged title banner above the header, "Tags" merged over
    two columns, a blank row, numbers and a percentage in cells, and a second sheet."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Ideas"
    sheet.append(["Partnership ideas from the March workshop"])
    sheet.merge_cells("A1:F1")
    sheet.append(["Title", "Prompt", "Detail", "Category", "Tags", None])
    sheet.merge_cells("E2:F2")
    sheet.append(["Readers", "Every child in our area reads for pleasure.", "From the reading group", "People", "reading", "pupils"])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["No one alone", "No teacher faces a hard problem on their own.", None, "People", "staff", None])
    sheet.append(["Attendance", 0.95, None, "Place", None, None])
    sheet["B6"].number_format = "0%"
    archive = workbook.create_sheet("Archive")
    archive.append(["id", "title", "prompt"])
    archive.append(["old-1", "An old idea", "What did we try in 2019?"])
    workbook.save(path)
    return path
