"""PDF handouts and worksheets: what they say, on what paper, and that they are sound, stable files."""

from __future__ import annotations

import html.parser
import io
import os
import subprocess
import sys

import attrs
import pdfplumber
import pypdf
import pytest

import facilitate
from facilitate.building import build
from facilitate.errors import ExportError, TextOverflowError
from facilitate.exporters import _jinja, handout_pdf
from facilitate.layout import chart, worksheets
from facilitate.layout.document import NotesRow, NotesSpace, Table, participant_handout, run_sheet
from facilitate.model import Prompt, Reflection, Segment, TurnTheCurve
from facilitate.layout.documents import pack_documents
from facilitate.options import BuildOptions, PaperOptions
from tests import tools
from tests.conftest import small_pack, small_session
from tests.deck_fixtures import curve as full_curve
from tests.deck_fixtures import rich_pack, rubric, secret_pack

A4 = (595.276, 841.89)
LETTER = (612.0, 792.0)
LANDSCAPE = {"ladder-powerful.pdf", "assessment-maturity.pdf"}


def rendered(pack, page_size: str = "a4") -> dict[str, bytes]:
    files = {}
    for output in handout_pdf.outputs(pack, BuildOptions(PaperOptions(page_size))):
        buffer = io.BytesIO()
        output.write(buffer)
        files[output.name] = buffer.getvalue()
    return files


@pytest.fixture(scope="module")
def a4_files() -> dict[str, bytes]:
    return rendered(secret_pack())


def text_of(data: bytes) -> str:
    """All the text of a PDF, whitespace collapsed (a wrapped cell reads as one line)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def pages_text(data: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def table_rows(data: bytes) -> list[list[str]]:
    """Every row of every ruled table, each cell's lines joined by spaces."""
    rows = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                rows += [[" ".join((cell or "").split()) for cell in row] for row in table]
    return rows


# --- what is produced ------------------------------------------------------------------


def test_the_pack_gets_a_runsheet_a_handout_and_one_sheet_per_exercise(a4_files):
    assert sorted(a4_files) == sorted(
        [
            "runsheet.pdf",
            "handout.pdf",
            "worksheet-attendance.pdf",
            "assessment-maturity.pdf",
            "ladder-powerful.pdf",
            "ladder-worksheet-powerful.pdf",
            "reflection-cards.pdf",
        ]
    )


def test_handouts_is_a_registered_format_built_by_default(tmp_path):
    written = build(small_pack(), tmp_path / "out", ["handouts"])
    assert {p.name for p in written} == {"runsheet.pdf", "handout.pdf", "reflection-cards.pdf"}
    assert "handouts" in facilitate.exporters.DEFAULT_FORMATS


# --- the run-sheet ---------------------------------------------------------------------


def test_run_sheet_lists_every_segment_with_its_clock_times(a4_files):
    pack = secret_pack()
    rows = table_rows(a4_files["runsheet.pdf"])
    by_time = {row[0]: row for row in rows if row and "–" in row[0]}
    for item in pack.session.schedule:
        row = by_time[f"{item.starts_at:%H:%M}–{item.ends_at:%H:%M}"]
        segment = item.segment
        assert row[1] == str(segment.minutes)
        assert row[2].startswith(segment.title)
        if segment.part:
            assert pack.session.part(segment.part).title in row[2]
        assert segment.timing_phrase in row[3]
        assert row[4] == segment.notes
        assert row[5] == ", ".join(segment.materials)
    assert len(by_time) == len(pack.session.segments)


def test_run_sheet_has_header_materials_setup_and_page_n_of_m(tmp_path):
    pack = secret_pack(room_setup=("Round tables of six", "A flip chart per table"))
    text = text_of(rendered(pack)["runsheet.pdf"])
    assert "Thursday, 3 September 2026" in text and "Town hall" in text
    assert "Materials checklist" in text and "Flip chart" in text and "Markers" in text
    assert "Room set-up" in text and "Round tables of six" in text
    pages = pages_text(rendered(pack)["runsheet.pdf"])
    for number, page in enumerate(pages, start=1):
        assert f"page {number} of {len(pages)}" in page
        assert "Run-sheet: The Power of Partnerships" in page


def test_materials_are_counted_once_each():
    pack = small_pack()
    text = text_of(rendered(pack)["runsheet.pdf"])
    checklist = text[text.index("Materials checklist"):]
    assert "Projector (used in 2 segments)" in checklist
    assert "projector" not in checklist and "Cards (used" not in checklist and "Cards" in checklist


def test_a_long_run_sheet_splits_with_the_header_row_on_every_page():
    segments = tuple(
        Segment(f"s{i}", f"Segment {i}", 5, notes=f"Note {i}: " + "keep the energy up and watch the time. " * 4)
        for i in range(60)
    )
    data = rendered(small_pack(session=small_session(segments=segments)))["runsheet.pdf"]
    pages = pages_text(data)
    assert len(pages) >= 3
    table_pages = [page for page in pages if "Segment 1" in page or "Segment 5" in page or "Note" in page]
    for page in table_pages:
        assert "Facilitator notes" in page and "Time Min" in page
    assert all(f"Note {i}:" in " ".join(pages) for i in range(60))


def test_a_huge_note_flows_over_pages_instead_of_being_cut():
    words = " ".join(f"word{i}" for i in range(1500))
    session = small_session()
    segments = (attrs.evolve(session.segments[0], notes=words),) + session.segments[1:]
    data = rendered(small_pack(session=attrs.evolve(session, segments=segments)))["runsheet.pdf"]
    text = text_of(data)
    assert "word0 " in text and "word1499" in text
    assert all(f"word{i} " in text for i in range(0, 1500, 50))


# --- the participant handout -----------------------------------------------------------


def test_participant_handout_contains_none_of_the_facilitator_notes(a4_files):
    pack = secret_pack()
    handout, runsheet = text_of(a4_files["handout.pdf"]), text_of(a4_files["runsheet.pdf"])
    assert "SECRET" not in handout and "facilitator only" not in handout
    for segment in pack.session.segments:
        assert segment.notes not in handout
        assert segment.notes in runsheet  # where the notes do belong
    # Nor in any worksheet.
    for name, data in a4_files.items():
        if name != "runsheet.pdf":
            assert "SECRET" not in text_of(data), name


class _Headings(html.parser.HTMLParser):
    """Headings and table rows of an HTML handout, as text."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.rows: list[list[str]] = []
        self._in: str | None = None
        self._text = ""

    def handle_starttag(self, tag, attributes):
        if tag in ("h2", "h3", "td", "th"):
            self._in, self._text = tag, ""
        if tag == "tr":
            self.rows.append([])

    def handle_endtag(self, tag):
        if tag == self._in:
            text = " ".join(self._text.split())
            if tag in ("h2", "h3"):
                self.headings.append(text)
            else:
                self.rows[-1].append(text)
            self._in = None

    def handle_data(self, data):
        if self._in:
            self._text += data


def test_html_and_pdf_handouts_say_the_same_things(tmp_path):
    pack = secret_pack()
    written = build(pack, tmp_path / "out", ["html", "handouts"])
    folder = written[0].parent
    page = _Headings()
    page.feed((folder / "handout.html").read_text("utf-8"))
    pdf = (folder / "handout.pdf").read_bytes()
    text = text_of(pdf)
    assert page.headings and all(heading in text for heading in page.headings)
    agenda = [row for row in page.rows if row and "–" in row[0]]
    assert len(agenda) == len(pack.session.segments)
    pdf_rows = table_rows(pdf)
    for row in agenda:
        assert row in pdf_rows
    # Both come from the one document.
    document = participant_handout(pack)
    assert document.title in text


# --- worksheets ------------------------------------------------------------------------


def test_curve_worksheet_is_filled_from_the_model(a4_files):
    text = text_of(a4_files["worksheet-attendance.pdf"])
    curve = full_curve()
    for words in (
        curve.issue,
        "Pupils persistently absent",
        "We want less of this",
        "Breakfast clubs",
        "Transport costs",
        "Bus company (routes)",
        "Walking buses (no cost)",
        "Share daily data",
        "Agree a data protocol",
        "No-cost / low-cost",
    ):
        assert words in text, words


def test_curve_worksheet_is_blank_when_the_curve_has_no_story_or_partners():
    bare = TurnTheCurve("attendance", "Too few apprenticeships", full_curve().indicator, full_curve().baseline)
    pack = attrs.evolve(rich_pack(), curves=(bare,))
    document = worksheets.curve_worksheet(pack, bare)
    spaces = [s for block in document.blocks if isinstance(block, NotesRow) for s in block.spaces]
    spaces += [block for block in document.blocks if isinstance(block, NotesSpace)]
    assert len(spaces) == 5 and all(space.items == () for space in spaces)
    tables = [block for block in document.blocks if isinstance(block, Table)]
    assert all(not any(cell for row in table.rows for cell in row[1:]) for table in tables)
    text = text_of(rendered(pack)["worksheet-attendance.pdf"])
    for label in ("Helping", "Hurting", "Who could help turn this curve", "What works", "No-cost / low-cost", "Action plan", "By when"):
        assert label in text
    for filled in ("Breakfast clubs", "Transport costs", "Bus company", "Walking buses", "Share daily data"):
        assert filled not in text


def test_curve_worksheet_says_what_the_data_is_and_where_it_comes_from():
    described = attrs.evolve(full_curve(), description="Illustrative figures, made up for practice.",
                             source="Sample data from the partnership office.")
    pack = attrs.evolve(rich_pack(), curves=(described,))
    text = " ".join(text_of(rendered(pack)["worksheet-attendance.pdf"]).split())
    assert "Illustrative figures, made up for practice." in text
    assert "Source: Sample data from the partnership office." in text
    # Under the issue, and the source under the chart (before the story behind it).
    assert text.index(described.issue) < text.index("Illustrative figures") < text.index("Source: Sample data")
    assert text.index("Source: Sample data") < text.index("The story behind the curve")


def test_the_chart_of_a_curve_with_missing_years_leaves_them_out_but_keeps_their_place():
    gappy = attrs.evolve(full_curve(), baseline=(full_curve().baseline[0], *full_curve().baseline[2:]))
    document = worksheets.curve_worksheet(attrs.evolve(rich_pack(), curves=(gappy,)), gappy)
    (figure_block,) = [block for block in document.blocks if type(block).__name__ == "CurveChart"]
    figure = chart.curve_figure(figure_block.history, figure_block.forecast, figure_block.target, "%", 480, rich_pack().theme)
    labels = [shape.text for shape in figure.shapes if type(shape).__name__ == "Text"]
    assert "2020" in labels  # no data, but its place on the axis
    assert "What has happened: 2019 10.5%, 2021 13.1%" in figure.description


def test_the_chart_is_drawn_where_the_chart_maths_puts_it():
    from facilitate.exporters.handout_pdf import charts

    curve = full_curve()
    figure = chart.curve_figure(curve.baseline, curve.projected, curve.target, "%", 480, facilitate.model.DEFAULT_THEME)
    drawing = charts.drawing(figure)
    lines = [shape for shape in drawing.contents if type(shape).__name__ == "PolyLine" and len(shape.points) > 4]
    solid = next(line for line in lines if not line.strokeDashArray)
    dashed = next(line for line in lines if line.strokeDashArray)
    plot = chart.plot_curve(curve.baseline, curve.projected, curve.target, 480 - 46 - 16, 200 - 30 - 30)
    expected = [c for p in plot.history for c in (46 + p.x, 30 + p.y)]
    assert list(solid.points) == pytest.approx(expected)
    assert list(dashed.points[:2]) == pytest.approx(expected[-2:])  # the forecast starts at the last history point
    assert len(dashed.points) == 2 * (1 + len(curve.projected))


def test_assessment_grid_has_a_tick_box_per_dimension_and_level(a4_files):
    rows = table_rows(a4_files["assessment-maturity.pdf"])
    grid = [row for row in rows if row and row[0] in ("Shared purpose", "Use of data", "Professional learning")]
    assert len(grid) >= 3
    for row in grid[:3]:
        assert sum(cell.startswith("☐") for cell in row) == 4


def test_assessment_results_page_names_the_weakest_dimension(a4_files):
    pages = pages_text(a4_files["assessment-maturity.pdf"])
    results = " ".join(pages[1:])
    assert "Results: 3 responses" in results
    assert "Weakest dimension: Use of data (average 1.3 of 4)" in results
    assert "2.3 of 4" in results and "0.47" in results


def test_no_results_page_without_responses():
    pack = attrs.evolve(rich_pack(), rubrics=(rubric(responses=False),))
    pages = pages_text(rendered(pack)["assessment-maturity.pdf"])
    assert len(pages) == 1 and "Results" not in pages[0]


def test_ladder_poster_is_one_page_with_every_rung_and_example(a4_files):
    pages = pages_text(a4_files["ladder-powerful.pdf"])
    assert len(pages) == 1
    for label in ("Yes/no", "What if", "Is thought-provoking", "Is our partnership working?", "Less powerful", "More powerful"):
        assert label in pages[0]
    worksheet = text_of(a4_files["ladder-worksheet-powerful.pdf"])
    assert "6. What if (extension)" in worksheet and "How is our partnership working?" in worksheet


def test_reflection_cards_come_four_to_a_page(a4_files):
    pages = pages_text(a4_files["reflection-cards.pdf"])
    assert len(pages) == 2
    assert pages[0].count("A discovery") == 4 and pages[0].count("A delight") == 4
    assert pages[1].count("Who you need help from") == 4


# --- paper, fonts, soundness, stability ------------------------------------------------


@pytest.mark.parametrize("page_size, portrait", [("a4", A4), ("letter", LETTER)])
def test_page_sizes_are_exact(page_size, portrait):
    for name, data in rendered(secret_pack(), page_size).items():
        expected = tuple(reversed(portrait)) if name in LANDSCAPE else portrait
        for page in pypdf.PdfReader(io.BytesIO(data)).pages:
            box = page.mediabox
            assert (float(box.width), float(box.height)) == pytest.approx(expected, abs=0.01), name


def test_only_the_bundled_font_is_used_and_it_is_embedded(a4_files):
    for name, data in a4_files.items():
        for page in pypdf.PdfReader(io.BytesIO(data)).pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                assert str(font["/BaseFont"]).endswith(("+DejaVuSans", "+DejaVuSans-Bold")), name
                assert "/FontFile2" in font["/FontDescriptor"].get_object(), name


@pytest.mark.parametrize("page_size", ["a4", "letter"])
def test_every_pdf_passes_qpdf_check(page_size, tmp_path):
    qpdf = tools.tool("qpdf")
    for name, data in rendered(secret_pack(), page_size).items():
        path = tmp_path / name
        path.write_bytes(data)
        result = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, (name, result.stdout, result.stderr)


def test_building_twice_gives_identical_bytes(a4_files):
    assert rendered(secret_pack()) == a4_files


def test_identical_bytes_in_a_fresh_process(a4_files, tmp_path):
    script = (
        "import io, sys\n"
        "from tests.exporters.test_handout_pdf import rendered, secret_pack\n"
        "sys.stdout.buffer.write(rendered(secret_pack())['worksheet-attendance.pdf'])\n"
    )
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, cwd=root, check=True)
    assert result.stdout == a4_files["worksheet-attendance.pdf"]


def test_dates_inside_follow_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    data = rendered(small_pack())["handout.pdf"]
    info = pypdf.PdfReader(io.BytesIO(data)).metadata
    assert info["/CreationDate"].startswith("D:20231114")
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert pypdf.PdfReader(io.BytesIO(rendered(small_pack())["handout.pdf"])).metadata["/CreationDate"].startswith("D:2020")


# --- text that does not fit ------------------------------------------------------------


def test_a_prompt_too_long_for_its_card_is_a_clear_error():
    long = "Something I noticed and want to remember about our partnership. " * 40
    reflection = Reflection("stock", "Taking stock", (Prompt("A discovery", long), Prompt("A delight")))
    pack = small_pack(reflections=(reflection,))
    with pytest.raises(TextOverflowError, match=r"^prompt 'A discovery': question: too long to leave room to write on its cut-out card"):
        handout_pdf.render(pack_documents(pack)[-1].document, pack.theme, "a4", "reflection-cards.pdf")
    # The same prompt labelling a box in the handout grows the box instead.
    handout = handout_pdf.render(participant_handout(pack), pack.theme, "a4", "handout.pdf")
    assert text_of(handout).count("Something I noticed") == 40


def test_a_box_with_more_than_fits_grows_instead_of_shrinking_away():
    many = tuple(f"Cause number {i}: families tell us the bus is too early for the breakfast club" for i in range(25))
    curve = attrs.evolve(full_curve(), story=tuple(facilitate.Cause(text, "hurting") for text in many))
    text = text_of(rendered(attrs.evolve(rich_pack(), curves=(curve,)))["worksheet-attendance.pdf"])
    assert all(f"Cause number {i}:" in text for i in range(25))


def test_a_box_longer_than_a_page_is_a_clear_error():
    many = tuple("A very long account of what is hurting the curve, told at length. " * 6 for _ in range(40))
    curve = attrs.evolve(full_curve(), story=tuple(facilitate.Cause(text, "hurting") for text in many))
    with pytest.raises(TextOverflowError, match="^curve 'attendance': story: more than a page of text for its box 'Hurting"):
        rendered(attrs.evolve(rich_pack(), curves=(curve,)))


def test_a_long_title_wraps_in_the_header_and_past_two_lines_is_shortened_never_an_error(tmp_path):
    title = "Partnerships that last: moving from networking to collaboration across the whole area"
    pages = pages_text(rendered(small_pack(session=small_session(title=title)))["runsheet.pdf"])
    assert all(title in page for page in pages)
    longer = " ".join([title] * 3)
    path = tmp_path / "runsheet.pdf"
    path.write_bytes(rendered(small_pack(session=small_session(title=longer)))["runsheet.pdf"])
    for page in range(1, len(pypdf.PdfReader(path).pages) + 1):
        head = tools.pdftotext(path, "-layout", "-f", str(page), "-l", str(page)).splitlines()[:2]
        # The running head keeps as much of the title as two lines hold, cut at a word with an ellipsis.
        assert head[0].startswith("Run-sheet: Partnerships that last") and head[1].rstrip().endswith("networking to…")


def test_a_character_the_font_lacks_is_named():
    session = small_session(purpose="Partnership 協力 matters")
    with pytest.raises(ExportError, match=r"^session: purpose: the bundled font .*U\+5354"):
        handout_pdf.outputs(small_pack(session=session), BuildOptions())


def test_control_characters_are_dropped_not_drawn():
    session = small_session(purpose="Bell\x07 and\u200b zero\u202e width")
    text = text_of(rendered(small_pack(session=session))["handout.pdf"])
    assert "Bell and zero width" in text


# --- the text formats draw the new blocks too ------------------------------------------


@pytest.mark.parametrize("kind", ["md", "html"])
def test_markdown_and_html_templates_render_every_worksheet(kind):
    pack = secret_pack()
    documents = [entry.document for entry in pack_documents(pack)]
    assert run_sheet(pack) in documents
    for document in documents:
        out = _jinja.render(kind, f"document.{kind}.j2", None, doc=document, theme=pack.theme)
        assert document.blocks and len(out) > 200
    worksheet = _jinja.render(kind, f"document.{kind}.j2", None, doc=documents[2], theme=pack.theme)
    assert "Breakfast clubs" in worksheet and "2022" in worksheet and "if nothing changes" in worksheet


def test_reportlab_is_imported_only_when_drawing():
    script = "import sys, facilitate.exporters.handout_pdf; print(any(m.startswith('reportlab') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_a_character_the_font_lacks_is_one_problem_naming_the_field_not_one_per_document():
    """validate names the session's title once; the documents that show the title (the
    run-sheet's heading, the handout's) add no line of their own that names no field."""
    from facilitate.building import check

    pack = small_pack(session=small_session(title="Family learning evening 家庭学习之夜"))
    problems = check(pack, formats=["handouts"])
    assert len(problems) == 1, [problem.one_line() for problem in problems]
    assert isinstance(problems[0], ExportError) and problems[0].field == ("title",)
    assert "U+5BB6" in problems[0].one_line()
    with pytest.raises(ExportError) as raised:  # the build stops at the same problem
        handout_pdf.outputs(pack, BuildOptions())
    assert raised.value.field == ("title",)
