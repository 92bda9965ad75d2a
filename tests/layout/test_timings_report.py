"""The report on how the day went: its words as a Document, and as PDF, HTML and Markdown."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pdfplumber
import pypdf
import pytest
from click.testing import CliRunner

from facilitate.cli import main
from facilitate.reporting import render_report
from facilitate.layout import chart
from facilitate.layout.document import Bullets, Heading, PairedBarChart, Paragraph, Table
from facilitate.layout.timings import day_report, duration, signed
from facilitate.loaders.timings import load_timings

EXAMPLE = Path(__file__).parent.parent / "fixtures" / "timings" / "power-of-partnerships-2026-09-03.json"


@pytest.fixture(scope="module")
def record():
    return load_timings(EXAMPLE)


def blocks_after(doc, heading: str):
    index = next(i for i, b in enumerate(doc.blocks) if isinstance(b, Heading) and b.text == heading)
    return doc.blocks[index + 1 :]


def test_the_report_compares_plan_and_reality(record):
    doc = day_report(record)
    assert doc.title == "How the day went: The Power of Partnerships"
    assert doc.subtitle == "Thursday, 3 September 2026"
    summary = doc.blocks[0]
    assert isinstance(summary, Paragraph)
    assert "Planned: 09:00–15:30 (6 h 30 min, 19 segments)." in summary.text
    assert "Ran from 09:02; the last segment run (Close) ended at 15:34, 4 min later than planned (15:30)." in summary.text
    assert "Total overrun: +12 min across the 18 segments that ran" in summary.text
    assert doc.blocks[1].text == "Skipped: Are partnerships always the answer? (10 min planned)."

    table, chart_block = blocks_after(doc, "Planned and actual")[:2]
    assert isinstance(table, Table) and len(table.rows) == 19
    assert table.rows[0] == ("09:00", "09:02", "Welcome: who are we and what do we bring?", "20", "25", "+5")
    assert table.rows[7][1] == "skipped" and table.rows[7][4:] == ("", "")
    assert table.rows[12][2] == "Lunch (fixed 12:30)"
    assert isinstance(chart_block, PairedBarChart)
    assert [(r.first, r.second) for r in chart_block.rows[:3]] == [(20, 25), (10, 11), (20, 26)]
    assert chart_block.rows[7].second is None and chart_block.rows[7].note == "skipped"

    over = blocks_after(doc, "Ran over most")[0]
    assert isinstance(over, Bullets) and over.numbered
    assert over.items[0] == "Powerful questions — 6 min over (20 planned, took 26)"
    assert len(over.items) == 3

    suggestions = blocks_after(doc, "Suggested minutes for next time")
    table = suggestions[1]
    assert table.rows[0] == ("Welcome: who are we and what do we bring?", "20", "25", "25 (changed)")
    assert table.rows[1] == ("An enquiry-based approach to our work today", "10", "11", "10")
    assert table.rows[7] == ("Are partnerships always the answer?", "10", "skipped", "10")
    assert suggestions[2].text == (
        "With these minutes the day runs 6 h 40 min, 09:00–15:40: past the session's end time 15:30, so something else must give."
    )


def test_a_day_with_nothing_timed_says_so(record):
    import attrs

    untimed = attrs.evolve(record, segments=tuple(attrs.evolve(s, status="pending", started=None, ended=None) for s in record.segments))
    doc = day_report(untimed)
    assert "No segment ran to an end" in doc.blocks[0].text
    assert blocks_after(doc, "Ran over most")[0].text == "No segment ran over by a minute or more."


def test_minutes_read_as_people_write_them():
    assert [signed(x) for x in (2.5, -2.5, 0.4, -0.4)] == ["+3", "−2", "0", "0"]
    assert [duration(x) for x in (45, 60, 390, 59.6)] == ["45 min", "1 h", "6 h 30 min", "1 h"]


def test_comparison_geometry_shares_one_scale_from_zero():
    plot = chart.plot_pairs([("a", 20, 25), ("b", 40, None)], width=300, height=100)
    assert plot.scale.low == 0 and plot.scale.high == 40
    first, second = plot.rows
    assert (first.first_length, first.second_length) == (150, 187.5)
    assert second.first_length == 300 and second.second_length is None
    assert first.y > second.y  # the first row at the top
    with pytest.raises(ValueError):
        chart.plot_pairs([], 100, 100)


def test_pdf_report_has_the_table_the_chart_and_the_suggestions(record):
    data = render_report(record, ".pdf")
    assert data == render_report(record, ".pdf")  # deterministic
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    for words in ("Planned and actual", "Lunch (fixed 12:30)", "Ran over most", "Suggested minutes for next time", "Planned Actual"):
        assert words in text, words
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        # The bars are 9.4 pt thick and the key's swatches 7 pt (table rows are taller).
        bars = [r for page in pdf.pages for r in page.rects if 5 < r["height"] < 12]
    # Two bars per row that ran, one for the skipped one, plus the key's two swatches.
    assert len(bars) == 18 * 2 + 1 + 2


def test_html_and_markdown_reports(record):
    html = render_report(record, ".html").decode()
    assert '<figure class="chart comparison">' in html
    assert html.count('class="bar second"') == 18 + 1  # the bars that ran, and the key
    assert re.search(r'<th scope="row">Powerful questions</th><td><span class="bar first" style="width: [\d.]+%"></span> 20<br><span class="bar second"', html)
    markdown = render_report(record, ".md").decode()
    assert "| Powerful questions | █████████ 20 | ████████████ 26 |" in markdown
    assert "| Are partnerships always the answer? | ████ 10 | skipped |" in markdown


def test_report_command_writes_each_format_and_refuses_what_it_should(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["report", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    assert "wrote power-of-partnerships-2026-09-03-report.pdf (PDF, 18 of 19 segments timed)" in result.output
    assert Path("power-of-partnerships-2026-09-03-report.pdf").read_bytes().startswith(b"%PDF")
    for name in ("day.html", "day.md"):
        assert runner.invoke(main, ["report", str(EXAMPLE), "-o", name]).exit_code == 0
        assert "How the day went" in Path(name).read_text("utf-8")
    again = runner.invoke(main, ["report", str(EXAMPLE), "-o", "day.md"])
    assert again.exit_code == 2 and "already exists; use --force" in again.output
    assert runner.invoke(main, ["report", str(EXAMPLE), "-o", "day.md", "--force"]).exit_code == 0
    assert runner.invoke(main, ["report", str(EXAMPLE), "-o", "day.docx"]).exit_code == 0
    assert Path("day.docx").read_bytes().startswith(b"PK")
    wrong = runner.invoke(main, ["report", str(EXAMPLE), "-o", "day.odt"])
    assert wrong.exit_code == 2 and "a report is .pdf, .docx, .html or .md, not .odt" in wrong.output
    broken = tmp_path / "broken.json"
    data = json.loads(EXAMPLE.read_text("utf-8"))
    data["segments"][2]["status"] = "finished"
    broken.write_text(json.dumps(data, indent=2))
    bad = runner.invoke(main, ["report", str(broken), "-o", "broken.pdf"])
    assert bad.exit_code == 2
    assert bad.output.strip().startswith(f"error: {broken}:") and "segments[2].status: expected one of done" in bad.output
    assert "Traceback" not in bad.output and not Path("broken.pdf").exists()


def test_schema_command_prints_the_timings_schema():
    result = CliRunner().invoke(main, ["schema", "timings"])
    assert result.exit_code == 0 and json.loads(result.output)["title"] == "facilitate timings"
