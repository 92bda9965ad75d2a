"""Tables from spreadsheets: CSV text in any encoding a spreadsheet writes, and XLSX sheets.

A table is a header row naming the columns, then rows of text. Both kinds of file come
out the same way: each cell as the text a spreadsheet shows (numbers without float
noise, percentages as "9.2%", dates as ISO dates), stripped, "" when empty, so that the
loaders built on top (card decks, curve data, form exports) never see the difference.

- CSV: UTF-8 with or without a byte-order mark, UTF-16 (Excel's "Unicode text", which is
  tab-separated), or Windows-1252; commas, semicolons or tabs between cells (detected);
  quoted cells may hold separators and line breaks. The standard library's csv module
  does the parsing.
- XLSX: the first sheet (or a named one), read by openpyxl in read-only mode, so a large
  sheet is streamed row by row rather than loaded whole.
- A zip archive holding one CSV file, as Google Forms' "Download responses (.csv)" gives
  it: that CSV, read as above (errors name it inside the archive: ``form.zip[form.csv]:3``).

Row numbers are the rows a spreadsheet shows (the first row is 1), so an error such as
``ideas.csv:14: prompt: ...`` points at row 14 whether the file is opened in Excel or a
text editor shows a quoted cell over several lines. Rows above the header (a title
banner, often a merged cell) are skipped: the header is the first row with two or more
filled cells.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import os
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import attrs

from facilitate.errors import LoadError
from facilitate.loaders import origins
from facilitate.loaders.limits import MAX_FILE_BYTES, checked_size, text_problem

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
ZIP_SUFFIXES = (".zip",)
#: Files that hold a table rather than YAML or TOML.
TABLE_SUFFIXES = CSV_SUFFIXES + XLSX_SUFFIXES + ZIP_SUFFIXES
#: How much of a CSV file is looked at to detect its separator.
SNIFF_CHARS = 64 * 1024
#: Rows searched for the header (rows above it are titles or banners).
HEADER_SEARCH_ROWS = 20
#: Bytes decoded at a time while checking a file's encoding.
_CHUNK = 1024 * 1024
_SEPARATORS = ",;\t"
_SEPARATOR_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs"}


def key(text: str) -> str:
    """``text`` for matching: case, accents, spaces and punctuation ignored ("Don't know" → "dontknow")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if char.isalnum())


def column_letter(index: int) -> str:
    """The spreadsheet name of the column at 0-based ``index``: A, B, ..., Z, AA, AB, ..."""
    letters = ""
    number = index + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


@attrs.frozen
class Row:
    """One row below the header: its number as a spreadsheet shows it, and its cells as text."""

    number: int
    cells: tuple[str, ...]

    def cell(self, index: int) -> str:
        """The text of the cell in column ``index`` (0-based); "" past the end of a short row."""
        return self.cells[index] if index < len(self.cells) else ""

    @property
    def empty(self) -> bool:
        return not any(self.cells)


@attrs.frozen
class Column:
    """A named column and the columns to its right under the same (merged or blank) header cell.

    The last named column also takes any cells past the end of the header row: a header
    cell merged over the last columns is written as the first of them alone.
    """

    name: str
    indexes: tuple[int, ...]
    last: bool = False

    @property
    def letter(self) -> str:
        return column_letter(self.indexes[0])

    def values(self, row: Row) -> tuple[str, ...]:
        """The filled cells of this column in ``row``, left to right."""
        cells = [row.cell(index) for index in self.indexes]
        if self.last:
            cells += row.cells[self.indexes[-1] + 1 :]
        return tuple(text for text in cells if text)

    def value(self, row: Row, joiner: str = " ") -> str:
        return joiner.join(self.values(row))


class Table:
    """An open table: ``header`` and ``columns`` are known; ``rows()`` streams the rest once.

    Use it as a context manager so an XLSX workbook is closed when you are done.
    """

    def __init__(
        self, label: str, source: Iterator[tuple[int, tuple[str, ...]]], decimal_comma: bool = False, close: object = None
    ) -> None:
        self.label = label
        #: True when numbers in this file write their decimals after a comma (a semicolon-separated CSV).
        self.decimal_comma = decimal_comma
        self._close = close
        self._source = source
        self.header_row, self.header = self._find_header()
        self.columns = _columns(self.header)

    def _find_header(self) -> tuple[int, tuple[str, ...]]:
        for number, cells in self._source:
            if sum(1 for cell in cells if cell) >= 2:
                return number, cells
            if number >= HEADER_SEARCH_ROWS:
                break
        raise LoadError(self.label, None, (), "no header row: the first row should name the columns (at least two of them)")

    def rows(self) -> Iterator[Row]:
        """The rows below the header, empty rows skipped; a cell no field could hold is an error at its row and column."""
        for number, cells in self._source:
            if any(cells):
                for index, cell in enumerate(cells):
                    problem = text_problem(cell) if cell else None
                    if problem:
                        name = self.header[index] if index < len(self.header) and self.header[index] else column_letter(index)
                        raise self.error(number, name, problem)
                yield Row(number, cells)

    def column(self, name: str) -> Column | None:
        """The column whose header is ``name``, ignoring case, spaces and punctuation."""
        wanted = key(name)
        return next((column for column in self.columns if key(column.name) == wanted), None)

    def error(self, row: int | None, column: str | None, message: str) -> LoadError:
        """A problem at a row (and a column, by its header) of this table."""
        return LoadError(self.label, row, (column,) if column else (), message)

    def close(self) -> None:
        closer = getattr(self._close, "close", None)
        if callable(closer):
            closer()

    def __enter__(self) -> Table:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def _columns(header: tuple[str, ...]) -> tuple[Column, ...]:
    """Named columns; a blank header cell belongs to the named one on its left (a merged header)."""
    columns: list[tuple[str, list[int]]] = []
    for index, name in enumerate(header):
        if name:
            columns.append((name, [index]))
        elif columns:
            columns[-1][1].append(index)
    return tuple(Column(name, tuple(indexes), last=number == len(columns) - 1) for number, (name, indexes) in enumerate(columns))


def open_table(path: str | os.PathLike[str], label: str | None = None, sheet: str | None = None) -> Table:
    """Open the CSV or XLSX file at ``path``; errors name ``label`` (default: the path)."""
    label = label or str(path)
    suffix = Path(str(path)).suffix.lower()
    origins.reading(path)
    checked_size(path, label)
    if suffix in XLSX_SUFFIXES:
        return _open_xlsx(path, label, sheet)
    if suffix in ZIP_SUFFIXES and sheet is None:
        return _open_zipped_csv(path, label)
    if sheet is not None:
        raise LoadError(label, None, (), f"a sheet ({sheet!r}) can only be chosen in an XLSX workbook, and this is a {suffix or 'text'} file")
    return _open_csv(path, label, suffix)


# --- CSV ---------------------------------------------------------------------------


def _sniff_bytes(path: str | os.PathLike[str], label: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(4096)
    except PermissionError:
        raise LoadError(label, None, (), "permission denied") from None


def _looks_like_utf16(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' for BOM-less UTF-16 text (every other byte zero), else None."""
    pairs = len(head) // 2
    if pairs < 2:
        return None
    even = sum(1 for index in range(0, pairs * 2, 2) if head[index] == 0)
    odd = sum(1 for index in range(1, pairs * 2, 2) if head[index] == 0)
    if odd > pairs * 0.6 and even == 0:
        return "utf-16-le"
    if even > pairs * 0.6 and odd == 0:
        return "utf-16-be"
    return None


def _valid(path: str | os.PathLike[str], encoding: str) -> UnicodeDecodeError | None:
    """None if the whole file decodes as ``encoding``, else the first error (read in chunks)."""
    # After a UTF-8 byte-order mark, plain UTF-8 (utf-8-sig's decoder counts its errors from
    # after the mark, so they would point three bytes early).
    skip = len(codecs.BOM_UTF8) if encoding == "utf-8-sig" else 0
    decoder = codecs.getincrementaldecoder("utf-8" if skip else encoding)()
    offset = skip
    with open(path, "rb") as handle:
        handle.seek(skip)
        while chunk := handle.read(_CHUNK):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as error:
                return UnicodeDecodeError(error.encoding, error.object, offset + error.start, offset + error.end, error.reason)
            offset += len(chunk)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as error:
            return UnicodeDecodeError(error.encoding, error.object, offset + error.start, offset + error.end, error.reason)
    return None


def _line_of(path: str | os.PathLike[str], offset: int) -> int:
    with open(path, "rb") as handle:
        return handle.read(offset).count(b"\n") + 1


def _byte_at(path: str | os.PathLike[str], offset: int) -> int | None:
    """The byte at ``offset``, or None past the end (a file that stops in the middle of a character)."""
    with open(path, "rb") as handle:
        handle.seek(offset)
        found = handle.read(1)
    return found[0] if found else None


def detect_encoding(path: str | os.PathLike[str], label: str) -> str:
    """The encoding a spreadsheet wrote the file in, or a LoadError saying why none fits."""
    head = _sniff_bytes(path, label)
    if head.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        encoding = "utf-32"
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif head.startswith(b"PK\x03\x04"):
        raise LoadError(label, None, (), "this is a zipped file such as an XLSX workbook, not CSV text; give it a .xlsx name or save it as CSV")
    elif head.startswith(b"\xd0\xcf\x11\xe0"):
        raise LoadError(label, None, (), "this is an old Excel (.xls) workbook; save it as .xlsx or as CSV")
    elif b"\x00" in head:
        found = _looks_like_utf16(head)
        if found is None:
            raise LoadError(label, None, (), "this is not a text file (it has zero bytes); save the table as CSV or XLSX")
        encoding = found
    else:
        encoding = "utf-8"
    problem = _valid(path, encoding)
    if problem is None:
        return encoding
    if encoding == "utf-8" and _valid(path, "cp1252") is None:
        return "cp1252"
    line = _line_of(path, problem.start)
    byte = _byte_at(path, problem.start)
    where = "it stops in the middle of a character" if byte is None else f"byte 0x{byte:02x} cannot be read"
    said = {"utf-8-sig": "UTF-8", "utf-16": "UTF-16", "utf-32": "UTF-32"}.get(encoding)
    what = f"the text is not the {said} its first bytes say it is" if said else "the text is neither UTF-8 nor Windows-1252"
    raise LoadError(label, line, (), f"{what} ({where}); save it from your spreadsheet as 'CSV UTF-8' or as XLSX")


def _first_line(sample: str) -> str:
    return sample.split("\n", 1)[0].rstrip("\r")


def detect_separator(sample: str, suffix: str = ".csv") -> str:
    """The cell separator of CSV text: csv.Sniffer's guess when the header line agrees, else
    the separator the header line (outside quotes) uses most; commas when it uses none."""
    header = _first_line(sample)
    try:
        guess = csv.Sniffer().sniff(sample, delimiters=_SEPARATORS).delimiter
    except csv.Error:
        guess = ""
    if guess and guess in header:
        return guess
    outside = re.sub(r'"[^"]*"', "", header)
    counts = {separator: outside.count(separator) for separator in _SEPARATORS}
    best = max(_SEPARATORS, key=lambda separator: counts[separator])
    if counts[best]:
        return best
    return "\t" if suffix == ".tsv" else ","


def _open_csv(path: str | os.PathLike[str], label: str, suffix: str) -> Table:
    encoding = detect_encoding(path, label)
    handle = open(path, encoding=encoding, newline="")
    try:
        sample = handle.read(SNIFF_CHARS)
        handle.seek(0)
        directive = re.match(r"^sep=(.)\r?$", _first_line(sample))
        if directive:
            # Excel's "sep=;" first line names the separator and is not a row of the table.
            separator = directive[1]
            handle.readline()
            sample = sample.split("\n", 1)[1] if "\n" in sample else ""
        else:
            separator = detect_separator(sample, suffix)
    except BaseException:
        handle.close()
        raise

    # A cell may be as long as a file may be (the csv module's default stops at 128 KB).
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))

    def rows() -> Iterator[tuple[int, tuple[str, ...]]]:
        reader = csv.reader(handle, delimiter=separator, quotechar='"', doublequote=True, strict=False)
        number = 0
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                raise LoadError(label, number + 1, (), f"CSV: {error}") from None
            number += 1
            yield number, tuple(cell.strip() for cell in cells)

    return Table(label, rows(), decimal_comma=separator == ";", close=handle)


class _RemovedOnClose:
    """Closes the table's file, then removes it (the CSV unpacked from a zip archive)."""

    def __init__(self, handle: object, path: str) -> None:
        self.handle, self.path = handle, path

    def close(self) -> None:
        closer = getattr(self.handle, "close", None)
        if callable(closer):
            closer()
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass


def _open_zipped_csv(path: str | os.PathLike[str], label: str) -> Table:
    """The one CSV file in a zip archive, unpacked to a private temporary file removed on close."""
    import shutil
    import tempfile
    import zipfile

    from facilitate.files import check_zip, too_large

    check_zip(path, label, "zip archive")
    with zipfile.ZipFile(path) as archive:
        inside = [
            entry for entry in archive.infolist()
            if not entry.is_dir() and entry.filename.lower().endswith(CSV_SUFFIXES) and not entry.filename.startswith("__MACOSX/")
        ]
        if len(inside) != 1:
            names = ", ".join(repr(entry.filename) for entry in inside[:5])
            holds = f"holds {len(inside)} ({names})" if inside else "holds none"
            raise LoadError(label, None, (), f"a zip archive is read as the one CSV file inside it, and this one {holds}; unzip it and give the CSV")
        entry = inside[0]
        if entry.file_size > MAX_FILE_BYTES:
            raise too_large(f"{label}[{entry.filename}]", entry.file_size, MAX_FILE_BYTES, "content files")
        if entry.flag_bits & 0x1:
            raise LoadError(label, None, (), f"{entry.filename!r} in this zip archive is protected by a password; unzip it and give the CSV")
        with tempfile.NamedTemporaryFile(prefix="facilitate-", suffix=".csv", delete=False) as unpacked:
            try:
                with archive.open(entry) as source:
                    shutil.copyfileobj(source, unpacked)
            except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError) as error:
                unpacked.close()
                os.unlink(unpacked.name)
                raise LoadError(label, None, (), f"cannot unpack {entry.filename!r} from this zip archive ({error}); unzip it and give the CSV") from None
    inner = f"{label}[{Path(entry.filename).name}]"
    try:
        table = _open_csv(unpacked.name, inner, Path(entry.filename).suffix.lower())
    except BaseException:
        os.unlink(unpacked.name)
        raise
    table._close = _RemovedOnClose(table._close, unpacked.name)
    return table


# --- XLSX --------------------------------------------------------------------------


def _number_text(value: float) -> str:
    """A number as a spreadsheet shows it in General format: 15 significant digits, no float noise."""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.15g}"


def _date_text(value: dt.datetime, number_format: str) -> str:
    """A date cell as an ISO date: a year and month when its format shows no day, a time when it shows one."""
    shown = re.sub(r'"[^"]*"|\[[^\]]*\]', "", number_format.lower())
    has_day = "d" in shown
    has_time = "h" in shown or "s" in shown or value.time() != dt.time(0)
    if not has_day and "y" in shown and "m" in shown:
        return f"{value:%Y-%m}"
    if has_time:
        return value.isoformat(sep=" ", timespec="seconds")
    return value.date().isoformat()


def cell_text(value: object, number_format: str | None = "General") -> str:
    """What a spreadsheet shows in a cell, as text (see the module docstring)."""
    number_format = number_format or "General"
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return _date_text(value, number_format)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, (int, float)):
        if "%" in number_format:
            return _number_text(float(value) * 100) + "%"
        return _number_text(float(value))
    return str(value).strip()


def _sheet_names(workbook: Workbook) -> list[str]:
    return list(workbook.sheetnames)


def _open_xlsx(path: str | os.PathLike[str], label: str, sheet: str | None) -> Table:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    head = _sniff_bytes(path, label)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise LoadError(label, None, (), "this is an old Excel (.xls) workbook or a password-protected one; save it as .xlsx")
    if not head.startswith(b"PK\x03\x04"):
        raise LoadError(label, None, (), "this is not an XLSX workbook (an .xlsx file is a zip archive); save it from your spreadsheet as .xlsx or CSV")
    from facilitate.files import check_zip

    check_zip(path, label, "XLSX workbook")  # a small file that unpacks to gigabytes is refused before openpyxl opens it
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as error:
        raise LoadError(label, None, (), f"cannot read this workbook ({type(error).__name__}: {error})") from None
    try:
        names = _sheet_names(workbook)
        if sheet is None:
            if not names:
                raise LoadError(label, None, (), "the workbook has no sheets")
            name = names[0]
        else:
            matches = [n for n in names if n == sheet] or [n for n in names if key(n) == key(sheet)]
            if not matches:
                from facilitate.loaders.convert import did_you_mean

                raise LoadError(label, None, (), f"no sheet named {sheet!r}{did_you_mean(sheet, names)}")
            name = matches[0]
        worksheet = workbook[name]
        if not hasattr(worksheet, "iter_rows"):
            raise LoadError(label, None, (), f"the sheet {name!r} is a chart, not a table")
    except BaseException:
        workbook.close()
        raise
    # Some programs write a wrong "used range" into the file; read every row there is.
    worksheet.reset_dimensions()
    sheet_label = f"{label}[{name}]"

    def rows() -> Iterator[tuple[int, tuple[str, ...]]]:
        for number, cells in enumerate(worksheet.iter_rows(), start=1):
            yield number, tuple(cell_text(cell.value, getattr(cell, "number_format", None)) for cell in cells)

    return Table(sheet_label, rows(), close=workbook)


def suffix_is_table(path: str | os.PathLike[str]) -> bool:
    """True when ``path`` names a CSV or XLSX file (by its suffix)."""
    return str(path).lower().endswith(TABLE_SUFFIXES)


__all__ = [
    "TABLE_SUFFIXES",
    "Column",
    "Row",
    "Table",
    "cell_text",
    "column_letter",
    "detect_encoding",
    "detect_separator",
    "key",
    "open_table",
    "suffix_is_table",
]
