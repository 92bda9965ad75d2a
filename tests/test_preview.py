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


def pdf_of(path, pages: int):
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    for number in range(pages):
        c.drawString(100, 100, f"page {number + 1}")
        c.showPage()
    c.save()
    return path


def test_preview_follows_the_rules_of_a_build(tmp_path):
    """Reports exactly the pages it wrote, removes its own stale pages, keeps the user's PNGs and links."""
    tools.tool("pdftoppm")
    out = tmp_path / "png"
    deck = pdf_of(tmp_path / "deck.pdf", 3)
    first = CliRunner().invoke(main, ["preview", str(deck), "-o", str(out)])
    assert first.output.splitlines() == [f"wrote {out / f'deck-{n}.png'}" for n in (1, 2, 3)]
    (out / "mine.png").write_bytes(b"the user's picture")
    pdf_of(deck, 2)
    second = CliRunner().invoke(main, ["preview", str(deck), "-o", str(out)])
    assert second.exit_code == 0, second.output
    assert second.output.splitlines() == [f"wrote {out / f'deck-{n}.png'}" for n in (1, 2)]
    assert sorted(p.name for p in out.iterdir()) == [".facilitate-manifest.json", "deck-1.png", "deck-2.png", "mine.png"]
    # A PNG the user put at a page's name is not overwritten without --force...
    (out / "deck-2.png").write_bytes(b"edited by hand")
    refused = CliRunner().invoke(main, ["preview", str(deck), "-o", str(out)])
    assert refused.exit_code == 2 and "deck-2.png: already exists and was not written by this build" in refused.output
    assert (out / "deck-2.png").read_bytes() == b"edited by hand"
    # ...and a link there is never written through, even with --force.
    (out / "deck-2.png").unlink()
    (out / "deck-2.png").symlink_to(tmp_path / "outside.png")
    (tmp_path / "outside.png").write_bytes(b"outside")
    linked = CliRunner().invoke(main, ["preview", str(deck), "-o", str(out), "--force"])
    assert linked.exit_code == 2 and "deck-2.png: is a symbolic link" in linked.output
    assert (tmp_path / "outside.png").read_bytes() == b"outside" and (out / "mine.png").exists()
