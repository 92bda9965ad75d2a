"""A session's web address in the handout: a QR code and the address under it on paper, a link elsewhere."""

from __future__ import annotations

import io
import zipfile

import pdfplumber

from facilitate.building import build
from facilitate.layout.qr import qr_code
from tests.conftest import small_pack, small_session

URL = "https://example.org/partnerships/day-one"


def _written(tmp_path, formats):
    pack = small_pack(session=small_session(url=URL))
    return {path.name: path for path in build(pack, tmp_path / "out", formats)}


def test_the_pdf_handout_draws_the_qr_code_as_squares_with_the_address_under_it(tmp_path):
    handout = _written(tmp_path, ["handouts"])["handout.pdf"]
    with pdfplumber.open(handout) as pdf:
        page = pdf.pages[0]
        squares = [r for r in page.rects if r["fill"] and tuple(r["non_stroking_color"]) == (0, 0, 0)]
        assert len(squares) == len(qr_code(URL).runs) and not page.images
        text = page.extract_text()
        assert URL in text.replace("\n", "")
        lowest_square = max(r["bottom"] for r in squares)
        address = [c for c in page.chars if c["text"] == "h" and c["top"] >= lowest_square - 0.5]
        assert address, "the address is printed under the code"
    # Run-sheets and other documents carry no code.
    runsheet = _written(tmp_path / "again", ["handouts"])["runsheet.pdf"]
    with pdfplumber.open(runsheet) as pdf:
        assert URL not in "".join(page.extract_text() for page in pdf.pages)


def test_html_markdown_and_word_handouts_carry_the_address_too(tmp_path):
    written = _written(tmp_path, ["html", "markdown", "docx"])
    html = written["handout.html"].read_text("utf-8")
    assert f'<a href="{URL}">{URL}</a>' in html and 'aria-label="QR code for ' in html and "<svg" in html
    assert f"<{URL}>" in written["handout.md"].read_text("utf-8")
    with zipfile.ZipFile(io.BytesIO(written["handout.docx"].read_bytes())) as docx:
        assert URL in docx.read("word/document.xml").decode("utf-8")
        assert any(name.startswith("word/media/") and name.endswith(".png") for name in docx.namelist())
