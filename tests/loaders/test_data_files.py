"""Card decks and curve data kept in spreadsheets: read as they are, errors at their row and column."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from facilitate.cli import main
from facilitate.errors import LoadError
from facilitate.loaders import library
from facilitate.loaders.content import load_object
from facilitate.loaders.datafiles import deck_from_file, number
from tests.spreadsheets import cards_workbook, write_csv


def test_a_csv_is_a_deck_with_fields_named_by_its_header_in_any_case(tmp_path):
    path = write_csv(
        tmp_path / "partnership-ideas.csv",
        [
            ["TITLE", "Prompt", "category", "Tags", "Detail"],
            ["Readers", "Every child in our area reads, for pleasure.", "People", "reading; pupils", ""],
            ["", "", "", "", ""],
            ["Readers", "No teacher faces a hard problem alone.", "Place", "staff, support", "From the staff survey"],
        ],
    )
    deck = load_object(path)
    assert (deck.id, deck.title) == ("partnership-ideas", "Partnership ideas")
    assert [card.id for card in deck.cards] == ["readers", "readers-2"]  # made from the title, kept unique
    assert deck.cards[0].prompt == "Every child in our area reads, for pleasure."
    assert deck.cards[0].tags == ("reading", "pupils") and deck.cards[1].tags == ("staff", "support")
    assert deck.cards[1].detail == "From the staff survey" and deck.categories == ("People", "Place")


def test_a_card_table_just_under_64_mb_loads(tmp_path):
    """Content files up to 64 MB load, whatever their shape: here 640 cards with as much detail as a field holds."""
    path = tmp_path / "big.csv"
    detail = "Long notes, kept with the card. " * 3_100
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write("title,prompt,detail\r\n")
        for number in range(640):
            handle.write(f'Card {number},"Prompt {number}, with a comma","{detail}"\r\n')
    assert 60_000_000 < path.stat().st_size < 64 * 1024 * 1024
    deck = deck_from_file(path)
    assert len(deck.cards) == 640 and deck.cards[-1].detail == detail.strip()


def test_a_cell_longer_than_a_field_is_an_error_at_its_row_and_column(tmp_path):
    from facilitate.loaders.limits import MAX_FIELD_CHARS

    path = tmp_path / "long.csv"
    path.write_text("title,prompt\r\nOne,short\r\nTwo," + "x" * (MAX_FIELD_CHARS + 1) + "\r\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        deck_from_file(path)
    assert caught.value.one_line() == f"{path}:3: prompt: holds {MAX_FIELD_CHARS + 1:,} characters; a field holds at most {MAX_FIELD_CHARS:,}"


def test_generated_ids_never_take_an_id_the_table_gives(tmp_path):
    path = write_csv(tmp_path / "ideas.csv", [["title", "prompt", "id"], ["Café", "a", ""], ["X", "b", "cafe"], ["日本", "c", ""]])
    assert [card.id for card in deck_from_file(path).cards] == ["cafe-2", "cafe", "card-4"]


@pytest.mark.parametrize(
    "rows, line, field, words",
    [
        ([["Title", "Promt"], ["A", "B"]], 1, "Promt", "unknown column (did you mean 'prompt'?)"),
        ([["Title", "Detail"], ["A", "B"]], 1, "", "no 'prompt' column (the columns are: Title, Detail)"),
        ([["Title", "Prompt"], ["A", "B"], ["C", "  "]], 3, "Prompt", "must not be empty"),
        ([["id", "Title", "Prompt"], ["one", "A", "B"], ["Two words", "C", "D"]], 3, "id", "not a valid id"),
        ([["id", "Title", "Prompt"], ["one", "A", "B"], ["one", "C", "D"]], 3, "id", "duplicate id 'one' (first used at row 2)"),
        ([["Title", "Prompt", "title"], ["A", "B", "C"]], 1, "title", "two columns are called 'title' (columns A and C)"),
        ([["Title", "Prompt"]], 2, "", "no cards"),
    ],
)
def test_errors_name_the_file_row_and_column(tmp_path, rows, line, field, words):
    path = write_csv(tmp_path / "ideas.csv", rows)
    with pytest.raises(LoadError) as caught:
        load_object(path)
    error = caught.value
    prefix = f"{path}:{line}: " + (f"{field}: " if field else "")
    assert str(error).startswith(prefix) and words in str(error), str(error)


def test_an_xlsx_deck_reads_its_first_sheet_past_a_banner_and_merged_tags(tmp_path):
    deck = deck_from_file(cards_workbook(tmp_path / "ideas.xlsx"))
    assert [card.title for card in deck.cards] == ["Readers", "No one alone", "Attendance"]
    assert deck.cards[0].tags == ("reading", "pupils")
    assert deck.cards[2].prompt == "95%"
    archive = deck_from_file(tmp_path / "ideas.xlsx", sheet="Archive")
    assert [card.id for card in archive.cards] == ["old-1"]


def test_a_deck_file_names_its_cards_table_and_keeps_its_title_instructions_and_back(tmp_path):
    (tmp_path / "data").mkdir()
    cards_workbook(tmp_path / "data" / "ideas.xlsx")
    deck_file = tmp_path / "our-deck.yaml"
    deck_file.write_text(
        "kind: deck\nid: our-ideas\ntitle: Our ideas\ninstructions: [Lay the cards face down.]\n"
        "back: {title: Imagine, colour: '#123456'}\ncards: {file: data/ideas.xlsx, sheet: Ideas}\n",
        "utf-8",
    )
    deck = load_object(deck_file)
    assert (deck.id, deck.title, deck.instructions, deck.back.title) == ("our-ideas", "Our ideas", ("Lay the cards face down.",), "Imagine")
    assert len(deck.cards) == 3
    # errors in the table name the table, as the deck file's folder sees it
    write_csv(tmp_path / "data" / "broken.csv", [["Title", "Prompt"], ["A", ""]])
    deck_file.write_text("kind: deck\nid: d\ntitle: D\ncards: data/broken.csv\n", "utf-8")
    with pytest.raises(LoadError, match=r"data/broken.csv:2: Prompt: must not be empty"):
        load_object(deck_file)


@pytest.mark.parametrize(
    "value, words",
    [
        ("../outside.csv", "is outside the content folder"),
        ("missing.csv", "no such data file 'missing.csv'"),
        ("{file: ideas.csv, shet: One}", "unknown key 'shet' (did you mean 'sheet'?)"),
        ("{file: ideas.csv, sheet: One}", "a sheet ('One') can only be chosen in an XLSX workbook"),
    ],
)
def test_a_deck_files_table_reference_is_checked(tmp_path, value, words):
    folder = tmp_path / "decks"
    folder.mkdir()
    write_csv(tmp_path / "outside.csv", [["title", "prompt"], ["a", "b"]])
    write_csv(folder / "ideas.csv", [["title", "prompt"], ["a", "b"]])
    deck_file = folder / "deck.yaml"
    deck_file.write_text(f"kind: deck\nid: d\ntitle: D\ncards: {value}\n", "utf-8")
    with pytest.raises(LoadError, match=words.replace("(", r"\(").replace(")", r"\)").replace("?", r"\?")):
        load_object(deck_file)


def test_a_session_uses_a_deck_table_beside_it(tmp_path):
    write_csv(tmp_path / "ideas.csv", [["title", "prompt"], ["Readers", "Who reads?"]])
    session = tmp_path / "day.yaml"
    session.write_text(
        "kind: session\ntitle: Day\nstarts_at: '09:00'\nuses: {decks: [ideas.csv]}\nsegments:\n"
        "  - {id: cards, title: Cards, minutes: 10, kind: activity, deck: ideas}\n",
        "utf-8",
    )
    pack = library.load(session)
    assert pack.deck("ideas").cards[0].prompt == "Who reads?"


def test_facilitate_cards_prints_a_csv_or_a_chosen_sheet(tmp_path):
    runner = CliRunner()
    write_csv(tmp_path / "ideas.csv", [["title", "prompt"], *[[f"Card {n}", f"Prompt {n}"] for n in range(1, 11)]], "cp1252", ";")
    cards_workbook(tmp_path / "book.xlsx")
    result = runner.invoke(main, ["cards", str(tmp_path / "ideas.csv"), "-o", str(tmp_path / "ideas.pdf")])
    assert result.exit_code == 0, result.output
    assert "10 cards, 8 per sheet: 2 sheets, 4 pages" in result.output
    result = runner.invoke(main, ["cards", str(tmp_path / "book.xlsx"), "--sheet", "Archive", "-o", str(tmp_path / "old.pdf")])
    assert result.exit_code == 0 and "(1 card," in result.output, result.output
    result = runner.invoke(main, ["cards", str(tmp_path / "ideas.csv"), "--sheet", "Archive"])
    assert result.exit_code == 2 and "--sheet chooses a sheet of an XLSX workbook" in result.output
    result = runner.invoke(main, ["validate", str(tmp_path / "ideas.csv")])
    assert result.exit_code == 0 and result.output.endswith("ideas.csv: ok\n")


# --- curve data ---------------------------------------------------------------------------

CURVE = """\
kind: curve
id: attendance
issue: Too many pupils miss school
indicator: {{name: Persistent absence, unit: "%", direction: less-of}}
baseline: {baseline}
{extra}"""


def curve(tmp_path, baseline, extra=""):
    path = tmp_path / "curve.yaml"
    path.write_text(CURVE.format(baseline=baseline, extra=extra), "utf-8")
    return load_object(path)


@pytest.mark.parametrize(
    "periods",
    [
        ["2019", "2020", "2021"],
        ["2021/22", "2022/23", "2023/24"],
        ["Autumn 2023", "Spring 2024", "Summer 2024"],
        ["Sep 2023", "Oct 2023", "Nov 2023"],
        ["2024-01-15", "2024-02-15", "2024-03-15"],
    ],
)
def test_a_baseline_is_a_csv_of_period_value_rows_and_periods_stay_as_written(tmp_path, periods):
    write_csv(tmp_path / "absence.csv", [["Period", "Value"], *[[p, v] for p, v in zip(periods, ["9.2%", "10.1", "8"])]])
    result = curve(tmp_path, "absence.csv")
    assert [(point.period, point.value) for point in result.baseline] == list(zip(periods, [9.2, 10.1, 8.0]))


def test_a_baseline_and_target_are_columns_of_a_wider_sheet(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "Notes"
    sheet = workbook.create_sheet("Attendance")
    sheet.append(["Attendance by year (from the data team)"])
    sheet.append(["School", "Year", "% absent", "Target", "Month"])
    for row, (year, absent, target) in enumerate([(2019, 0.092, None), (2020, None, None), (2021, 0.101, None), (2022, 0.087, 0.08), (2023, None, 0.06)], start=3):
        sheet.append(["Northgate", year, absent, target, dt.datetime(year, 9, 1)])
        sheet.cell(row=row, column=3).number_format = "0.0%"
        sheet.cell(row=row, column=4).number_format = "0%"
        sheet.cell(row=row, column=5).number_format = "mmm yyyy"
    workbook.save(tmp_path / "data.xlsx")
    result = curve(
        tmp_path,
        '{file: data.xlsx, sheet: Attendance, period: Year, value: "% absent"}',
        'target: {file: data.xlsx, sheet: Attendance, period: Year, value: Target}\n',
    )
    assert [(p.period, p.value) for p in result.baseline] == [("2019", 9.2), ("2021", 10.1), ("2022", 8.7)]
    assert (result.target.period, result.target.value) == ("2023", 6.0)  # the last row with a value
    months = curve(tmp_path, '{file: data.xlsx, sheet: Attendance, period: Month, value: "% absent"}')
    assert [p.period for p in months.baseline] == ["2019-09", "2021-09", "2022-09"]


@pytest.mark.parametrize(
    "rows, baseline, words",
    [
        ([["Year", "Absent", "Notes"], ["2019", "9"]], "data.csv", "which columns hold the periods and values?"),
        ([["Year", "Absent"], ["2019", "lots"]], "data.csv", "data.csv:2: Absent: expected a number, got 'lots'"),
        ([["Year", "Absent"], ["2019", "9"], ["2019", "8"]], "data.csv", "data.csv:3: Year: the period '2019' comes twice (first at row 2)"),
        ([["Year", "Absent"], ["2019", "9"]], "{file: data.csv, period: Yaer, value: Absent}", "no column 'Yaer' for the periods of baseline (did you mean 'Year'?)"),
    ],
)
def test_curve_data_errors_name_the_row_and_column(tmp_path, rows, baseline, words):
    write_csv(tmp_path / "data.csv", rows)
    with pytest.raises(LoadError) as caught:
        curve(tmp_path, baseline)
    assert words in str(caught.value)


@pytest.mark.parametrize(
    "text, decimal_comma, value",
    [("9.2", False, 9.2), ("9.2%", False, 9.2), ("1,234.5", False, 1234.5), ("9,2", True, 9.2), ("1.234,5", True, 1234.5),
     ("-3", False, -3.0), ("1e3", False, 1000.0), ("n/a", False, None), ("9,2", False, None)],
)
def test_numbers_as_spreadsheets_write_them(text, decimal_comma, value):
    assert number(text, decimal_comma) == value


def test_a_workbook_that_unpacks_too_large_is_refused_before_it_is_opened(tmp_path):
    import zipfile

    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            for _ in range(300):
                part.write(b" " * (1 << 20))
    with pytest.raises(LoadError, match=r"bomb\.xlsx: this XLSX workbook unpacks to more than 256 MB"):
        deck_from_file(path)
