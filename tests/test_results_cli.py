"""`facilitate results`: the tables a facilitator reads, a CSV Excel opens cleanly, JSON for programs."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from click.testing import CliRunner

from facilitate.cli import main
from tests.spreadsheets import DIMENSIONS, RUBRIC_YAML, google_forms_csv, microsoft_forms_xlsx

ALIGNED, DATA, LEADERSHIP = (title for _, title in DIMENSIONS)
ANSWERS = [
    {ALIGNED: "Established", DATA: "Emerging", LEADERSHIP: "Developing", "school": "St Mary's"},
    {ALIGNED: "Leading", DATA: "Emerging", LEADERSHIP: "Developing", "school": "St Mary's"},
    {ALIGNED: "Emerging", DATA: "Developing", LEADERSHIP: "Don't know", "school": "=HYPERLINK(\"http://x\")"},
]
BANDS = "bands:\n  - {from: 1, to: 2, label: Concern}\n  - {from: 2, to: 3, label: Developing}\n  - {from: 3, to: 4, label: Strong}\n"


def setup(tmp_path, extra=""):
    (tmp_path / "rubric.yaml").write_text(RUBRIC_YAML + extra, "utf-8")
    google_forms_csv(tmp_path / "autumn.csv", ANSWERS, [dt.datetime(2024, 10, 7, 9)] * 3, "us")
    microsoft_forms_xlsx(tmp_path / "spring.xlsx", ANSWERS[:2], [dt.datetime(2025, 3, 3, 9)] * 2)


def run(*args):
    result = CliRunner().invoke(main, [str(arg) for arg in args])
    return result


def test_results_per_dimension_then_the_weakest_and_where_views_differ(tmp_path):
    setup(tmp_path)
    result = run("results", tmp_path / "rubric.yaml", tmp_path / "autumn.csv")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "How mature is our partnership?: 3 responses"
    assert lines[2].split() == ["Dimension", "Ratings", "Mean", "level", "Spread", "(SD)", "Lowest–highest"]
    row = {line.split("  ")[0]: line for line in lines[4:7]}
    assert row["Be aligned"].split()[2:] == ["3", "2.7", "of", "4", "(Established)", "1.25", "1–4"]
    assert row["Leadership at every level"].split()[4:] == ["2", "2.0", "of", "4", "(Developing)", "0.00", "2"]
    assert "Weakest: Using data together (mean 1.3 of 4, Emerging)" in result.output
    assert "Views differ most: Be aligned (spread 1.25, from Emerging to Leading)" in result.output


def test_groups_and_waves_give_a_table_each(tmp_path):
    setup(tmp_path, BANDS)
    result = run("results", tmp_path / "rubric.yaml", tmp_path / "autumn.csv", tmp_path / "spring.xlsx", "--by", "Your school")
    assert result.exit_code == 0, result.output
    assert "By wave and Your school" in result.output
    assert "Oct 2024 · St Mary's: 2 responses" in result.output and "Mar 2025 · St Mary's: 2 responses" in result.output
    assert "Bands: Concern 1–2; Developing 2–3; Strong 3–4" in result.output


def test_the_csv_opens_cleanly_in_excel(tmp_path):
    setup(tmp_path, BANDS)
    out = tmp_path / "results.csv"
    result = run("results", tmp_path / "rubric.yaml", tmp_path / "autumn.csv", "--by", "Your school", "--format", "csv", "-o", out)
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM tells Excel it is UTF-8
    assert data.count(b"\r\n") == data.count(b"\n")  # CRLF line ends
    rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"))))
    assert rows[0] == ["Your school", "Dimension", "Responses", "Ratings", "Mean", "Nearest level", "Spread (SD)", "Lowest", "Highest", "Band", "Weakest", "Differs most"]
    assert rows[1] == ["All", "Be aligned", "3", "3", "2.67", "Established", "1.25", "1", "4", "Developing", "", "yes"]
    assert len(rows) == 1 + 3 + 3 + 2  # everyone, St Mary's, and a group that rated two dimensions
    # a group name that Excel would run as a formula is written as text
    assert {row[0] for row in rows[1:]} == {"All", "St Mary's", "'=HYPERLINK(\"http://x\")"}


def test_json_for_programs_and_the_rubrics_own_exports(tmp_path):
    setup(tmp_path, "group_by: Your school\nresponses: [autumn.csv]\n")
    result = run("results", tmp_path / "rubric.yaml", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["respondents"] == 3 and data["compared"] == "group"
    assert [s["name"] for s in data["sections"]] == ["St Mary's", '=HYPERLINK("http://x")']
    assert data["overall"]["weakest"] == "data" and data["overall"]["differs_most"] == "aligned"
    first = data["overall"]["dimensions"][0]
    assert (first["id"], first["ratings"], first["lowest"], first["highest"]) == ("aligned", 3, 1, 4)


def test_results_errors_are_one_line_with_exit_2(tmp_path):
    setup(tmp_path)
    (tmp_path / "bad.csv").write_text("Timestamp,Be aligned,Using data together,Leadership at every level\n14/03/2024 09:00:00,Sometimes,1,1\n", "utf-8")
    result = run("results", tmp_path / "rubric.yaml", tmp_path / "bad.csv")
    assert result.exit_code == 2
    assert result.output == (
        f"error: {tmp_path / 'bad.csv'}:2: Be aligned: 'Sometimes' is not a level of this dimension"
        " (Emerging, Developing, Established, Leading)\n"
    )
    result = run("results", tmp_path / "rubric.yaml")
    assert result.exit_code == 2 and "no responses yet" in result.output


def test_the_assessment_pdf_shows_the_groups_tables(tmp_path):
    """The results page with per-group tables and bands renders (the comparison charts are the renderers' to draw)."""
    import pdfplumber

    from facilitate.exporters import handout_pdf
    from facilitate.layout import worksheets
    from facilitate.loaders.content import load_object
    from facilitate.model import Segment, Session, SessionPack

    setup(tmp_path, BANDS + "group_by: Your school\nresponses: [autumn.csv]\n")
    loaded = load_object(tmp_path / "rubric.yaml")
    pack = SessionPack(session=Session(title="Day", starts_at=dt.time(9, 0), segments=(Segment("rate", "Rate", 10, rubric="our-rubric"),)), rubrics=(loaded,))
    document = worksheets.assessment(pack, loaded)
    path = tmp_path / "assessment.pdf"
    path.write_bytes(handout_pdf.render(document, pack.theme))
    with pdfplumber.open(path) as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "Results by Your school" in text and "St Mary's: 2 responses" in text and "Band" in text


def test_suggest_proposes_library_items_for_the_weakest_and_the_most_divided_dimension(tmp_path):
    from facilitate.loaders import library

    setup(tmp_path)
    result = run("results", tmp_path / "rubric.yaml", tmp_path / "autumn.csv", "--suggest")
    assert result.exit_code == 0, result.output
    text = result.output.split("What to try next\n", 1)[1]
    # "Using data together" (id: data) is the weakest: nothing bundled is tagged "data", and it says so.
    assert "  Using data together (weakest):\n    (nothing in the library is tagged for it yet)" in text
    # "Be aligned" is where views differ most: two or three bundled items tagged "aligned".
    aligned = text.split("  Be aligned (views differ most):\n", 1)[1].splitlines()
    proposed = [line.removeprefix("    - ") for line in aligned if line.startswith("    - ")]
    assert 2 <= len(proposed) <= 3
    tagged = {f"{item.title} ({kind})": item for item in library.tagged()
              for kind in ("a method", "a card deck", "a session segment")}
    assert all("aligned" in tagged[line].tags for line in proposed), proposed
    # The items that help where views differ come first.
    assert "differing-views" in tagged[proposed[0]].tags

    data = json.loads(run("results", tmp_path / "rubric.yaml", tmp_path / "autumn.csv", "--suggest", "--format", "json").output)
    by_dimension = {s["dimension"]: s for s in data["suggestions"]}
    assert by_dimension["data"]["items"] == [] and by_dimension["data"]["reason"] == "weakest"
    assert [item["title"] for item in by_dimension["aligned"]["items"]] == [line.rsplit(" (", 1)[0] for line in proposed]

    out = tmp_path / "results.csv"
    assert run("results", tmp_path / "rubric.yaml", tmp_path / "autumn.csv", "--suggest", "--format", "csv", "-o", out).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))))
    assert rows[0]["Dimension"] == "Be aligned" and rows[0]["Try next"] == "; ".join(proposed)


def test_without_suggest_the_results_say_nothing_of_the_library(tmp_path):
    setup(tmp_path)
    result = run("results", tmp_path / "rubric.yaml", tmp_path / "autumn.csv")
    assert "What to try next" not in result.output
    assert "suggestions" not in json.loads(run("results", tmp_path / "rubric.yaml", tmp_path / "autumn.csv", "--format", "json").output)
