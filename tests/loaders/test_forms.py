"""Form exports as they come out of Google Forms and Microsoft Forms, read into a rubric's responses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from facilitate.errors import LoadError
from facilitate.loaders.content import load_object, parse_document
from facilitate.loaders.datafiles import command_line_export, load_rubric
from facilitate.loaders.forms import GOOGLE, MICROSOFT, TABLE, parse_dates, read_export, title_keys, wave_name
from tests.spreadsheets import DIMENSIONS, LEVELS, RUBRIC_YAML, google_forms_csv, microsoft_forms_xlsx, write_csv

ALIGNED, DATA, LEADERSHIP = (title for _, title in DIMENSIONS)
ANSWERS = [
    {ALIGNED: "Established", DATA: "Emerging", LEADERSHIP: "developing", "school": "St Mary's", "comments": "Good, but slow"},
    {ALIGNED: "Leading", DATA: "Don't know", LEADERSHIP: "", "school": "st marys", "comments": "Line one\nline two"},
    {ALIGNED: "2", DATA: "N/A", LEADERSHIP: "3 - Established", "school": "Northgate Academy"},
    {ALIGNED: "Emerging", DATA: "Developing", LEADERSHIP: "Leading", "school": ""},
]
WHEN = [dt.datetime(2024, 3, 4, 9, 26, 53), dt.datetime(2024, 3, 5, 10, 1, 2), dt.datetime(2024, 3, 14, 11, 0), dt.datetime(2024, 4, 2, 8, 5)]


def rubric(tmp_path, extra=""):
    path = tmp_path / "rubric.yaml"
    path.write_text(RUBRIC_YAML + extra, "utf-8")
    return path


def levels(loaded, dimension):
    return [r.level for response in loaded.responses for r in response.ratings if r.dimension == dimension]


@pytest.mark.parametrize("locale", ["uk", "us", "forms"])
def test_a_google_forms_csv_reads_as_it_comes(tmp_path, locale):
    google_forms_csv(tmp_path / "export.csv", ANSWERS, WHEN, locale)
    loaded = load_object(rubric(tmp_path, "group_by: Your school\nresponses: export.csv\n"))
    assert len(loaded.responses) == 4
    assert levels(loaded, "aligned") == [3, 4, 2, 1]
    assert levels(loaded, "data") == [1, 2]  # "Don't know" and "N/A" are skipped
    assert levels(loaded, "leadership") == [2, 3, 4]  # a blank is skipped; "3 - Established" is level 3
    # groups: spelling differences fold into the first spelling; a blank answer is its own group
    assert [r.group for r in loaded.responses] == ["St Mary's", "St Mary's", "Northgate Academy", "(no answer)"]
    # the export is one wave, named by the months its timestamps fall in (day/month order read correctly)
    assert {r.wave for r in loaded.responses} == {"Mar–Apr 2024"}
    assert loaded.responses[0].respondent == f"{tmp_path / 'export.csv'}:2"


def test_a_microsoft_forms_workbook_reads_as_it_comes(tmp_path):
    microsoft_forms_xlsx(tmp_path / "export.xlsx", ANSWERS, WHEN)
    loaded = load_object(rubric(tmp_path, "responses: export.xlsx\n"))
    assert levels(loaded, "aligned") == [3, 4, 2, 1]
    assert levels(loaded, "leadership") == [2, 3, 4]
    assert {r.wave for r in loaded.responses} == {"Mar–Apr 2024"}
    assert loaded.responses[-1].respondent == f"{tmp_path / 'export.xlsx'}[Sheet1]:5"


def _retitled(path, titles):
    """An export with its first column titles as the product writes them in another language."""
    import csv

    from openpyxl import load_workbook

    if path.suffix == ".csv":
        rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
        rows[0][: len(titles)] = titles
        return write_csv(path, rows)
    book = load_workbook(path)
    for number, title in enumerate(titles, start=1):
        book.active.cell(row=1, column=number).value = title
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("make", "titles"),
    [
        # Google Forms with its interface in French and in German: the timestamp and email columns.
        (lambda path: google_forms_csv(path.with_suffix(".csv"), ANSWERS, WHEN, "uk"), ["Horodateur", "Adresse e-mail"]),
        (lambda path: google_forms_csv(path.with_suffix(".csv"), ANSWERS, WHEN, "uk"), ["Zeitstempel", "E-Mail-Adresse"]),
        # Microsoft Forms in French: ID, then its start and completion times under French names.
        (lambda path: microsoft_forms_xlsx(path.with_suffix(".xlsx"), ANSWERS, WHEN), ["ID", "Heure de début", "Heure de fin"]),
    ],
    ids=["google-fr", "google-de", "microsoft-fr"],
)
def test_an_export_in_another_language_still_dates_its_wave(tmp_path, make, titles):
    """Whatever the product calls its time column, the wave is named by the months the answers came in."""
    path = _retitled(make(tmp_path / "export"), titles)
    loaded = load_object(rubric(tmp_path, f"responses: {path.name}\n"))
    assert levels(loaded, "aligned") == [3, 4, 2, 1]
    assert {r.wave for r in loaded.responses} == {"Mar–Apr 2024"}


def test_google_forms_download_as_a_zip_reads_as_the_csv_inside(tmp_path):
    """Google Forms' "Download responses (.csv)" gives a zip holding the CSV; it is read as that CSV."""
    import tempfile
    import zipfile

    csv_path = google_forms_csv(tmp_path / "How mature is our partnership.csv", ANSWERS, WHEN, "forms")
    with zipfile.ZipFile(tmp_path / "responses.csv.zip", "w") as archive:
        archive.write(csv_path, csv_path.name)
    csv_path.unlink()
    before = set(Path(tempfile.gettempdir()).glob("facilitate-*.csv"))
    loaded = load_object(rubric(tmp_path, "responses: responses.csv.zip\n"))
    assert levels(loaded, "aligned") == [3, 4, 2, 1]
    assert {r.wave for r in loaded.responses} == {"Mar–Apr 2024"}
    assert loaded.responses[0].respondent == f"{tmp_path / 'responses.csv.zip'}[How mature is our partnership.csv]:2"
    assert set(Path(tempfile.gettempdir()).glob("facilitate-*.csv")) - before == set()  # the unpacked CSV is removed


@pytest.mark.parametrize("names", [[], ["a.csv", "b.csv"]])
def test_a_zip_without_exactly_one_csv_says_to_unzip_it(tmp_path, names):
    import zipfile

    with zipfile.ZipFile(tmp_path / "responses.zip", "w") as archive:
        archive.writestr("readme.txt.md", "not a table")
        for name in names:
            archive.writestr(name, "Name,Be aligned\nA,1\n")
    with pytest.raises(LoadError, match=rf"this one holds {'none' if not names else '2'}.*unzip it and give the CSV"):
        load_object(rubric(tmp_path, "responses: responses.zip\n"))


def _marked_encrypted(data: bytes) -> bytes:
    """A zip with its entry marked as encrypted (bit 0 of the flags, in the local and central headers)."""
    out = bytearray(data)
    for signature, at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = out.find(signature)
        out[start + at] |= 0x01
    return bytes(out)


def _corrupted(data: bytes) -> bytes:
    """A zip whose stored CSV has a byte changed after its checksum was written."""
    out = bytearray(data)
    out[out.find(b"Name,") + 2] ^= 0xFF
    return bytes(out)


@pytest.mark.parametrize(("spoil", "words"), [(_marked_encrypted, "protected by a password"), (_corrupted, "cannot unpack 'answers.csv'")])
def test_a_zip_that_cannot_be_unpacked_is_a_one_line_error_and_leaves_nothing(tmp_path, spoil, words):
    import io
    import tempfile
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:  # stored, not deflated, so the bytes can be found
        archive.writestr("answers.csv", f"Name,{ALIGNED},{DATA},{LEADERSHIP}\nA,1,2,3\n")
    (tmp_path / "responses.zip").write_bytes(spoil(buffer.getvalue()))
    before = set(Path(tempfile.gettempdir()).glob("facilitate-*.csv"))
    with pytest.raises(LoadError, match=words):
        load_object(rubric(tmp_path, "responses: responses.zip\n"))
    assert set(Path(tempfile.gettempdir()).glob("facilitate-*.csv")) - before == set()


def test_an_error_in_the_zipped_csv_names_the_file_inside(tmp_path):
    import zipfile

    with zipfile.ZipFile(tmp_path / "responses.zip", "w") as archive:
        archive.writestr("answers.csv", f"Name,{ALIGNED},{DATA},{LEADERSHIP}\nA,1,2,3\nB,Sometimes,2,3\n")
    with pytest.raises(LoadError) as caught:
        load_object(rubric(tmp_path, "responses: responses.zip\n"))
    assert str(caught.value).startswith(f"{tmp_path / 'responses.zip'}[answers.csv]:3: {ALIGNED}: 'Sometimes' is not a level")


def test_a_table_without_dates_is_named_by_its_file(tmp_path):
    write_csv(tmp_path / "autumn-survey.csv", [["Name", ALIGNED, DATA, LEADERSHIP], ["3", "1", "2", "3"], ["7", "2", "2", "3"]])
    loaded = load_object(rubric(tmp_path, "responses: autumn-survey.csv\n"))
    assert {r.wave for r in loaded.responses} == {"autumn-survey"}


def test_the_three_shapes_are_told_apart(tmp_path):
    google_forms_csv(tmp_path / "g.csv", ANSWERS, WHEN)
    microsoft_forms_xlsx(tmp_path / "m.xlsx", ANSWERS, WHEN, last_modified=False)
    write_csv(tmp_path / "t.csv", [["Name", ALIGNED, DATA, LEADERSHIP], ["A", "1", "2", "3"]])
    loaded = load_object(rubric(tmp_path))
    kinds = [read_export(loaded, str(tmp_path / name), name).kind for name in ("g.csv", "m.xlsx", "t.csv")]
    assert kinds == [GOOGLE, MICROSOFT, TABLE]


def test_an_answer_that_is_not_a_level_is_reported_at_its_row_and_column(tmp_path):
    answers = [dict(ANSWERS[0]), dict(ANSWERS[0], **{ALIGNED: "Sometimes"})]
    write_csv(tmp_path / "export.csv", [["Timestamp", ALIGNED, DATA, LEADERSHIP]] + [["14/03/2024 09:00:00", a[ALIGNED], a[DATA], a[LEADERSHIP]] for a in answers])
    with pytest.raises(LoadError) as caught:
        load_object(rubric(tmp_path, "responses: [export.csv]\n"))
    assert str(caught.value) == (
        "export.csv:3: Be aligned: 'Sometimes' is not a level of this dimension (Emerging, Developing, Established, Leading)"
    ).replace("export.csv", str(tmp_path / "export.csv"))


def test_a_checkbox_answer_in_a_rating_column_says_it_gives_several_answers(tmp_path):
    microsoft_forms_xlsx(tmp_path / "export.xlsx", [dict(ANSWERS[0], **{DATA: "Emerging;Developing;"})], WHEN)
    with pytest.raises(LoadError, match=r"export.xlsx\[Sheet1\]:2: Using data together: 'Emerging;Developing;' gives several answers"):
        load_object(rubric(tmp_path, "responses: export.xlsx\n"))


def test_columns_are_matched_by_title_or_named_in_the_rubric(tmp_path):
    header = ["Timestamp", "Q1. Be aligned", "Q2: How well do we use data?", "Leadership at every level?"]
    write_csv(tmp_path / "export.csv", [header, ["14/03/2024 09:00:00", "1", "2", "3"]])
    with pytest.raises(LoadError, match="no column for the dimension 'Using data together'.*columns: {data: 'Column title'}"):
        load_object(rubric(tmp_path, "responses: export.csv\n"))
    loaded = load_object(rubric(tmp_path, "columns: {data: 'Q2: How well do we use data?'}\nresponses: export.csv\n"))
    assert [(r.dimension, r.level) for r in loaded.responses[0].ratings] == [("aligned", 1), ("data", 2), ("leadership", 3)]
    with pytest.raises(LoadError, match="rubric.yaml:.*columns.dat: no dimension 'dat' \\(did you mean 'data'\\?\\)"):
        load_object(rubric(tmp_path, "columns: {dat: 'x'}\nresponses: export.csv\n"))


def test_two_columns_for_one_dimension_must_be_chosen_between(tmp_path):
    header = ["Timestamp", f"Now [{ALIGNED}]", f"In a year [{ALIGNED}]", DATA, LEADERSHIP]
    write_csv(tmp_path / "export.csv", [header, ["14/03/2024 09:00:00", "1", "2", "3", "4"]])
    with pytest.raises(LoadError, match="two columns could hold the ratings of 'Be aligned'"):
        load_object(rubric(tmp_path, "responses: export.csv\n"))
    loaded = load_object(rubric(tmp_path, f"columns: {{aligned: 'In a year [{ALIGNED}]'}}\nresponses: export.csv\n"))
    assert loaded.responses[0].ratings[0].level == 2


def test_several_exports_are_waves_oldest_first(tmp_path):
    google_forms_csv(tmp_path / "spring.csv", ANSWERS[:2], [dt.datetime(2025, 3, 3)] * 2)
    google_forms_csv(tmp_path / "autumn.csv", ANSWERS[2:], [dt.datetime(2024, 10, 7)] * 2, "us")
    loaded = load_object(rubric(tmp_path, "responses: [spring.csv, {file: autumn.csv, wave: Autumn 2024}]\n"))
    assert [r.wave for r in loaded.responses] == ["Autumn 2024", "Autumn 2024", "Mar 2025", "Mar 2025"]


def test_the_command_line_exports_and_group_column_replace_the_rubrics(tmp_path):
    google_forms_csv(tmp_path / "export.csv", ANSWERS, WHEN)
    document = parse_document(rubric(tmp_path, "responses:\n  - respondent: typed\n    ratings: [{dimension: data, level: 4}]\n"))
    typed, _ = load_rubric(document)
    assert [r.respondent for r in typed.responses] == ["typed"]
    loaded, rules = load_rubric(document, "your school", [command_line_export(str(tmp_path / "export.csv"))])
    assert len(loaded.responses) == 4 and rules.group_by == "your school"
    assert loaded.responses[2].group == "Northgate Academy"
    with pytest.raises(LoadError, match="no column 'School' to group the responses by"):
        load_rubric(document, "School", [command_line_export(str(tmp_path / "export.csv"))])


@pytest.mark.parametrize(
    "texts, dates",
    [
        (["14/03/2024 09:26:53", "03/04/2024 10:00:00"], [dt.date(2024, 3, 14), dt.date(2024, 4, 3)]),  # UK, decided by 14
        (["3/14/2024 9:26:53", "4/3/2024 10:00:00"], [dt.date(2024, 3, 14), dt.date(2024, 4, 3)]),  # US, decided by 14
        (["03/04/2024 09:26:53"], [dt.date(2024, 4, 3)]),  # zero-padded: the UK pattern
        (["3/4/2024 9:26:53"], [dt.date(2024, 3, 4)]),  # unpadded: the US pattern
        (["8/20/25 12:51:45"], [dt.date(2025, 8, 20)]),  # Microsoft Forms saved as CSV
        (["2022/03/10 1:19:08 PM GMT+9", "2024-03-14 09:26:53"], [dt.date(2022, 3, 10), dt.date(2024, 3, 14)]),
        (["14.03.2024 09:26", "yesterday"], [dt.date(2024, 3, 14), None]),
    ],
)
def test_timestamps_in_every_locale(texts, dates):
    assert parse_dates(texts) == dates


def test_wave_names():
    assert wave_name(dt.date(2024, 3, 1), dt.date(2024, 3, 30)) == "Mar 2024"
    assert wave_name(dt.date(2024, 3, 1), dt.date(2024, 4, 2)) == "Mar–Apr 2024"
    assert wave_name(dt.date(2023, 12, 1), dt.date(2024, 1, 2)) == "Dec 2023–Jan 2024"


def test_title_keys():
    assert "bealigned" in title_keys("How would you rate us? [Be aligned]")
    assert "sharedpurpose" in title_keys("Q3. Shared purpose")
    assert "sharedpurpose" in title_keys("Rating – Shared purpose")


# --- the property: a table of answers scores as the same responses typed into YAML ---------------

#: How an answer may be written for a level: its number, its label in any case, both, or with extra punctuation.
def spellings(level: int) -> st.SearchStrategy[str]:
    label = LEVELS[level - 1]
    return st.sampled_from([str(level), label, label.upper(), label.lower(), f" {label} ", f"{level} - {label}", f"{label}!", f"{level}. {label}"])


skipped = st.sampled_from(["", "Don't know", "N/A", "n/a", "DONT KNOW"])
answer = st.one_of(st.integers(1, 4).flatmap(lambda level: spellings(level).map(lambda text: (level, text))), skipped.map(lambda text: (None, text)))
tables = st.lists(st.tuples(answer, answer, answer), min_size=1, max_size=12)


@given(tables, st.sampled_from(["google", "microsoft", "table"]))
def test_any_table_of_valid_answers_scores_as_the_same_yaml_responses(tmp_path_factory, table, shape):
    # A row left wholly blank in a plain table is a blank line, not a respondent (a form export's has a timestamp).
    assume(not (shape == "table" and any(all(text == "" for _, text in row) for row in table)))
    folder = tmp_path_factory.mktemp("export")
    answers = [{title: text for (_, title), (_, text) in zip(DIMENSIONS, row)} for row in table]
    when = [dt.datetime(2024, 3, 4, 9, 0)] * len(table)
    if shape == "google":
        export = google_forms_csv(folder / "export.csv", answers, when)
    elif shape == "microsoft":
        export = microsoft_forms_xlsx(folder / "export.xlsx", answers, when)
    else:
        export = write_csv(folder / "export.csv", [[title for _, title in DIMENSIONS]] + [[a[title] for _, title in DIMENSIONS] for a in answers])
    from_export = load_object(rubric(folder, f"responses: {export.name}\n"))

    typed = ["responses:"]
    for number, row in enumerate(table, start=1):
        ratings = [f"{{dimension: {dimension}, level: {level}}}" for (dimension, _), (level, _) in zip(DIMENSIONS, row) if level is not None]
        typed.append(f"  - respondent: person {number}\n    ratings: [{', '.join(ratings)}]")
    from_yaml = load_object(rubric(folder, "\n".join(typed) + "\n"))

    def scores(loaded):
        return [(s.dimension.id, s.levels, s.mean, s.spread, s.lowest, s.highest) for s in loaded.assess().scores]

    assert scores(from_export) == scores(from_yaml)
    answered = sum(1 for row in table if any(level is not None for level, _ in row))
    assert from_export.assess().respondents == from_yaml.assess().respondents == answered


def test_validating_an_export_on_its_own_says_what_to_do_with_it(tmp_path):
    google_forms_csv(tmp_path / "forms.csv", ANSWERS, WHEN)
    with pytest.raises(LoadError, match="forms.csv:1: this is a Google Forms export, not a table of cards; read its ratings with 'facilitate results"):
        load_object(tmp_path / "forms.csv")
