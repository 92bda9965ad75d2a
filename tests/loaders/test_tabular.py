"""Tables from spreadsheets: every encoding and separator a spreadsheet writes, XLSX sheets, row numbers."""

from __future__ import annotations

import codecs

import datetime as dt

import pytest

from facilitate.errors import LoadError
from facilitate.loaders.tabular import cell_text, column_letter, detect_separator, key, open_table
from tests.spreadsheets import cards_workbook, write_csv

ROWS = [["Title", "Prompt", "Category"], ["Café", "Who reads, and why?", "Place"], ["Naïve – “quotes”", "Line one\nline two", "People"]]


def read(path, sheet=None):
    with open_table(path, sheet=sheet) as table:
        return table.header, [(row.number, row.cells) for row in table.rows()]


@pytest.mark.parametrize(
    "encoding, delimiter, bom",
    [
        ("utf-8", ",", False),
        ("utf-8", ",", True),  # Excel's "CSV UTF-8"
        ("cp1252", ",", False),  # Excel's "CSV" on Windows
        ("utf-16", "\t", False),  # Excel's "Unicode text": UTF-16 with its BOM, tab-separated
        ("utf-16-le", "\t", False),  # the same without a BOM
        ("utf-8", ";", False),  # where the decimal mark is a comma
    ],
)
def test_every_encoding_and_separator_a_spreadsheet_writes_reads_the_same(tmp_path, encoding, delimiter, bom):
    path = write_csv(tmp_path / "ideas.csv", ROWS, encoding, delimiter, bom)
    header, rows = read(path)
    assert header == ("Title", "Prompt", "Category")
    assert rows == [(2, ("Café", "Who reads, and why?", "Place")), (3, ("Naïve – “quotes”", "Line one\nline two", "People"))]


def test_a_file_in_neither_utf8_nor_windows_1252_is_a_clear_error(tmp_path):
    path = tmp_path / "ideas.csv"
    path.write_bytes(b"Title,Prompt\r\nA,B\r\nC,\x81\x90 broken\r\n")
    with pytest.raises(LoadError) as caught:
        read(path)
    assert str(caught.value) == (
        f"{path}:3: the text is neither UTF-8 nor Windows-1252 (byte 0x81 cannot be read);"
        " save it from your spreadsheet as 'CSV UTF-8' or as XLSX"
    )


@pytest.mark.parametrize(
    "data, line, words",
    [
        # A UTF-8 byte-order mark, then a byte UTF-8 cannot hold: found on its own line.
        (codecs.BOM_UTF8 + b"Title,Prompt\r\nA,B\r\nC,\xff\r\n", 3, "not the UTF-8 its first bytes say it is (byte 0xff cannot be read)"),
        # UTF-16 that stops in the middle of a character (a file cut short).
        (codecs.BOM_UTF16_LE + "Title,Prompt\nA,B\n".encode("utf-16-le") + b"C", 3, "not the UTF-16 its first bytes say it is (it stops in the middle of a character)"),
        # A UTF-32 byte-order mark (which begins like UTF-16's) before text that is not UTF-32.
        (codecs.BOM_UTF32_LE + b"garbage", 1, "not the UTF-32 its first bytes say it is"),
    ],
)
def test_text_that_is_not_what_its_byte_order_mark_says_is_a_clear_error(tmp_path, data, line, words):
    path = tmp_path / "ideas.csv"
    path.write_bytes(data)
    with pytest.raises(LoadError) as caught:
        read(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}: ") and words in message and "save it from your spreadsheet" in message


def test_utf32_with_its_mark_reads(tmp_path):
    path = tmp_path / "ideas.csv"
    path.write_bytes(codecs.BOM_UTF32_LE + "Title,Prompt\nCafé,Who?\n".encode("utf-32-le"))
    header, rows = read(path)
    assert header == ("Title", "Prompt") and rows == [(2, ("Café", "Who?"))]


@pytest.mark.parametrize(
    "data, words",
    [
        (b"PK\x03\x04rest of a zip", "not CSV text; give it a .xlsx name"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 an old workbook", r"old Excel \(\.xls\) workbook"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not a text file"),
    ],
)
def test_files_that_are_not_csv_text_say_what_they_are(tmp_path, data, words):
    path = tmp_path / "ideas.csv"
    path.write_bytes(data)
    with pytest.raises(LoadError, match=words):
        read(path)


def test_row_numbers_are_the_rows_a_spreadsheet_shows(tmp_path):
    """A quoted cell over three lines is one row; blank rows are skipped but still counted."""
    path = tmp_path / "ideas.csv"
    path.write_text('Title,Prompt\r\nA,"one\r\ntwo\r\nthree"\r\n\r\n,\r\nB,b\r\n', "utf-8")
    assert read(path)[1] == [(2, ("A", "one\r\ntwo\r\nthree")), (5, ("B", "b"))]


def test_excel_sep_line_names_the_separator_and_is_not_a_row(tmp_path):
    path = tmp_path / "ideas.csv"
    path.write_text("sep=;\r\nTitle;Prompt\r\nA, B;c\r\n", "utf-8")
    assert read(path) == (("Title", "Prompt"), [(2, ("A, B", "c"))])


@pytest.mark.parametrize(
    "sample, expected",
    [
        ("a,b,c\n1,2,3\n", ","),
        ("a;b;c\n1,5;2;3\n", ";"),
        ("a\tb\n1\t2\n", "\t"),
        ('"x, y";b\n"1, 2";3\n', ";"),  # commas only inside quotes
        ("one column\nvalue\n", ","),  # nothing to go on: commas
    ],
)
def test_the_separator_is_detected(sample, expected):
    assert detect_separator(sample) == expected


def test_a_title_banner_above_the_header_is_skipped_and_merged_header_cells_span_their_columns(tmp_path):
    path = cards_workbook(tmp_path / "ideas.xlsx")
    with open_table(path) as table:
        assert table.label == f"{path}[Ideas]"
        assert table.header_row == 2
        tags = table.column("TAGS")
        assert tags is not None and tags.letter == "E"
        rows = list(table.rows())
    assert [row.number for row in rows] == [3, 5, 6]  # the blank row 4 is skipped
    assert tags.values(rows[0]) == ("reading", "pupils")
    assert rows[2].cells[1] == "95%"  # a percentage cell reads as Excel shows it


def test_a_named_sheet_is_read_and_a_wrong_name_gets_a_suggestion(tmp_path):
    path = cards_workbook(tmp_path / "ideas.xlsx")
    assert read(path, sheet="archive") == (("id", "title", "prompt"), [(2, ("old-1", "An old idea", "What did we try in 2019?"))])
    with pytest.raises(LoadError, match=r"no sheet named 'Archiv' \(did you mean 'Archive'\?\)"):
        read(path, sheet="Archiv")


def test_a_file_named_xlsx_that_is_not_a_workbook_is_a_clear_error(tmp_path):
    path = tmp_path / "ideas.xlsx"
    path.write_text("Title,Prompt\nA,B\n", "utf-8")
    with pytest.raises(LoadError, match="not an XLSX workbook"):
        read(path)


def test_a_table_without_a_header_row_is_a_clear_error(tmp_path):
    path = tmp_path / "ideas.csv"
    path.write_text("just one column\nand another line\n", "utf-8")
    with pytest.raises(LoadError, match="no header row"):
        read(path)


@pytest.mark.parametrize(
    "value, number_format, text",
    [
        (2019, "General", "2019"),
        (2019.0, "General", "2019"),
        (0.1 + 0.2, "General", "0.3"),
        (0.092, "0.0%", "9.2%"),
        (dt.datetime(2024, 3, 1), "mmm-yy", "2024-03"),
        (dt.datetime(2024, 3, 14), "dd/mm/yyyy", "2024-03-14"),
        (dt.datetime(2024, 3, 14, 9, 26, 53), "m/d/yy h:mm:ss", "2024-03-14 09:26:53"),
        (True, "General", "TRUE"),
        ("  padded  ", "General", "padded"),
        (None, None, ""),
    ],
)
def test_cells_read_as_a_spreadsheet_shows_them(value, number_format, text):
    assert cell_text(value, number_format) == text


def test_keys_ignore_case_accents_spaces_and_punctuation():
    assert key("Don't know") == key("dont  KNOW") == "dontknow"
    assert key("N/A") == "na"
    assert key("Établi") == key("etabli")


def test_column_letters():
    assert [column_letter(i) for i in (0, 25, 26, 27, 701, 702)] == ["A", "Z", "AA", "AB", "ZZ", "AAA"]
