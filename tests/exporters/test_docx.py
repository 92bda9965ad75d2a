"""Word documents: real styles a facilitator can restyle, the right content, the same bytes each time.

Each file is opened with python-docx (what a user's Word sees: styles, tables, pictures,
properties) and rendered by LibreOffice to PDF (what prints: pages, every segment and
clock time, no facilitator note in the participant handout).
"""

from __future__ import annotations

import ast
import io
import re
from pathlib import Path

import attrs
import docx
import pytest

import facilitate
from facilitate.exporters import docx as word_exporter
from facilitate.layout.document import Bullets, Document, Heading
from facilitate.layout.documents import pack_documents
from facilitate.options import BuildOptions, PaperOptions
from tests.deck_fixtures import secret_pack
from tests.tools import pdftotext, to_pdf

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def built(pack, folder: Path, paper: str = "a4") -> dict[str, Path]:
    files = facilitate.build(pack, folder, ["docx"], BuildOptions(PaperOptions(paper)))
    return {path.name: path for path in files}


@pytest.fixture(scope="module")
def pack():
    return secret_pack()


@pytest.fixture(scope="module")
def files(pack, tmp_path_factory) -> dict[str, Path]:
    return built(pack, tmp_path_factory.mktemp("docx"))


@pytest.fixture(scope="module")
def printed(files, tmp_path_factory) -> dict[str, Path]:
    """Each Word file as LibreOffice prints it."""
    out = tmp_path_factory.mktemp("docx-pdf")
    return {name: to_pdf(path, out) for name, path in files.items() if name in ("runsheet.docx", "handout.docx")}


def paragraphs(document) -> list:
    """Every paragraph, in the body and in table cells."""
    found = list(document.paragraphs)
    for table in document.tables:
        for cell in table._cells:
            found += cell.paragraphs
    return found


def style_names(document) -> set[str]:
    return {paragraph.style.name for paragraph in paragraphs(document)}


def test_one_word_file_per_document_of_the_pack(pack, files):
    assert sorted(files) == sorted(f"{entry.stem}.docx" for entry in pack_documents(pack))
    assert {"runsheet.docx", "handout.docx", "worksheet-attendance.docx", "assessment-maturity.docx"} <= set(files)


def test_documents_use_word_styles_not_direct_formatting(files):
    handout = docx.Document(files["handout.docx"])
    used = style_names(handout)
    assert {"Title", "Subtitle", "Heading 2", "Heading 3", "List Bullet", "List Number", "Quote", "Writing Line"} <= used
    # Headings carry no formatting of their own: restyling Heading 2 restyles them all.
    for paragraph in paragraphs(handout):
        if paragraph.style.name.startswith("Heading"):
            assert all(run.font.size is None and run.font.color.rgb is None and run.bold is None for run in paragraph.runs)


def test_the_theme_colours_are_in_the_styles(files, pack):
    handout = docx.Document(files["handout.docx"])
    assert str(handout.styles["Heading 2"].font.color.rgb) == pack.theme.primary.lstrip("#").upper()
    assert str(handout.styles["Title"].font.color.rgb) == pack.theme.primary.lstrip("#").upper()
    table_style = handout.styles[word_exporter.TABLE_STYLE].element
    header_fill = table_style.find(f".//{W}tblStylePr[@{W}type='firstRow']//{W}shd")
    assert header_fill.get(f"{W}fill") == pack.theme.primary.lstrip("#").upper()


def test_tables_repeat_their_header_row_on_every_page(files):
    runsheet = docx.Document(files["runsheet.docx"])
    timings = runsheet.tables[0]
    assert timings.style.name == word_exporter.TABLE_STYLE
    assert timings.rows[0]._tr.trPr.find(f"{W}tblHeader") is not None
    assert [cell.text for cell in timings.rows[0].cells][:3] == ["Time", "Min", "Segment (part)"]
    # No other row repeats.
    assert all(row._tr.trPr is None or row._tr.trPr.find(f"{W}tblHeader") is None for row in timings.rows[1:])


def test_tick_boxes_are_characters_and_writing_lines_have_a_bottom_border(files):
    runsheet = docx.Document(files["runsheet.docx"])
    checklist = [p.text for p in runsheet.paragraphs if p.style.name == "Checklist"]
    assert checklist and all(text.startswith("☐") for text in checklist)
    handout = docx.Document(files["handout.docx"])
    line_style = handout.styles["Writing Line"].element
    assert line_style.find(f".//{W}pBdr/{W}bottom") is not None
    lines = [p for table in handout.tables for cell in table._cells for p in cell.paragraphs if p.style.name == "Writing Line"]
    assert len(lines) >= 12 and all(p.text == "" for p in lines)


def test_charts_are_pictures_with_alt_text_and_their_data_as_a_table(files, pack):
    worksheet = docx.Document(files["worksheet-attendance.docx"])
    (picture,) = worksheet.inline_shapes
    description = picture._inline.docPr.get("descr")
    curve = pack.curves[0]
    for point in curve.baseline:
        assert point.period in description
    assert "Target" in description
    data = next(table for table in worksheet.tables if table.rows[0].cells[0].text == "Period")
    periods = [row.cells[0].text for row in data.rows[1:]]
    assert [point.period for point in curve.baseline] == periods[: len(curve.baseline)]


def test_page_size_and_orientation(pack, tmp_path):
    a4 = docx.Document(built(pack, tmp_path / "a4")["runsheet.docx"]).sections[0]
    assert (round(a4.page_width.mm), round(a4.page_height.mm)) == (210, 297)
    letter = built(pack, tmp_path / "letter", "letter")
    section = docx.Document(letter["runsheet.docx"]).sections[0]
    assert (round(section.page_width.inches, 2), round(section.page_height.inches, 2)) == (8.5, 11)
    landscape = docx.Document(letter["assessment-maturity.docx"]).sections[0]
    assert landscape.page_width > landscape.page_height


def test_document_properties(files, pack):
    properties = docx.Document(files["handout.docx"]).core_properties
    assert properties.title == pack.session.title
    assert properties.language == "en-GB"  # the language with its region, as Word tags it
    assert properties.author


def test_numbered_lists_start_again_at_one(tmp_path):
    document = Document("Two lists", "", (
        Heading("First"), Bullets(("alpha", "beta"), numbered=True),
        Heading("Second"), Bullets(("gamma", "delta"), numbered=True),
    ))
    path = tmp_path / "lists.docx"
    path.write_bytes(word_exporter.render(document))
    text = pdftotext(to_pdf(path, tmp_path))
    assert re.search(r"1\.\s+alpha", text) and re.search(r"1\.\s+gamma", text)
    assert not re.search(r"3\.\s+gamma", text)


def test_every_segment_and_clock_time_is_in_the_printed_runsheet(printed, pack):
    text = " ".join(pdftotext(printed["runsheet.docx"]).split())
    for item in pack.session.schedule:
        assert item.segment.title in text
        assert f"{item.starts_at:%H:%M}" in text and f"{item.ends_at:%H:%M}" in text
    assert "SECRET-" in text  # the run-sheet is the facilitator's


def test_no_facilitator_note_reaches_the_printed_handout(printed, pack):
    text = pdftotext(printed["handout.docx"])
    assert "SECRET" not in text
    assert pack.session.segments[0].title in text


def test_printed_pages_are_a_sensible_count(printed):
    from pypdf import PdfReader

    assert 1 <= len(PdfReader(printed["runsheet.docx"]).pages) <= 8
    assert 1 <= len(PdfReader(printed["handout.docx"]).pages) <= 10


def test_the_same_bytes_every_build(pack, tmp_path, monkeypatch):
    first = built(pack, tmp_path / "one")
    second = built(pack, tmp_path / "two")
    assert all(first[name].read_bytes() == second[name].read_bytes() for name in first)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    dated = built(pack, tmp_path / "three")
    properties = docx.Document(dated["handout.docx"]).core_properties
    assert properties.created.year == 2023
    assert dated["handout.docx"].read_bytes() != first["handout.docx"].read_bytes()


def test_control_characters_never_reach_the_xml(tmp_path):
    pack = secret_pack()
    session = attrs.evolve(pack.session, purpose="Bell\x07 and\u200b zero width")
    data = io.BytesIO()
    (output,) = [o for o in word_exporter.outputs(attrs.evolve(pack, session=session), BuildOptions()) if o.name == "handout.docx"]
    output.write(data)
    assert "Bell and zero width" in "\n".join(p.text for p in docx.Document(io.BytesIO(data.getvalue())).paragraphs)


def test_the_word_exporter_imports_no_other_exporter():
    source = Path(word_exporter.__file__).read_text("utf-8")
    imported = {
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(ast.parse(source))
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in node.names
    }
    assert not {name for name in imported if name and name.startswith("facilitate.exporters.")}  # the registry itself is not an exporter
