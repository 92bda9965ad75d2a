"""Previews through optional system tools: a clear message when a tool is missing."""

from __future__ import annotations

from click.testing import CliRunner

from facilitate.cli import main
from tests import tools


def test_missing_libreoffice_is_a_one_line_message(tmp_path, monkeypatch):
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(b"PK")
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    result = CliRunner().invoke(main, ["preview", str(deck), "-o", str(tmp_path / "png")])
    assert result.exit_code == 2
    assert result.output == (
        "error: LibreOffice is needed to render .pptx and .docx files: install it"
        " (Debian: apt-get install libreoffice-impress-nogui libreoffice-writer-nogui)\n"
    )


def test_missing_pdftoppm_is_a_one_line_message(tmp_path, monkeypatch):
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    result = CliRunner().invoke(main, ["preview", str(pdf)])
    assert result.exit_code == 2 and "install poppler" in result.output


def test_pdf_preview_writes_one_png_per_page(tmp_path):
    tools.tool("pdftoppm")
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "two.pdf"
    c = canvas.Canvas(str(pdf))
    c.drawString(100, 100, "one")
    c.showPage()
    c.drawString(100, 100, "two")
    c.save()
    result = CliRunner().invoke(main, ["preview", str(pdf), "-o", str(tmp_path / "png")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "png").iterdir()) == [".facilitate-manifest.json", "two-1.png", "two-2.png"]
