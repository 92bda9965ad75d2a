"""Previews: PPTX and DOCX → PDF through LibreOffice, PDF → PNG pages through poppler's pdftoppm.

Both are optional system tools; when one is missing the user gets a one-line message
saying which package to install, never a traceback.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from facilitate.errors import FacilitateError

SOFFICE_NAMES = ("soffice", "libreoffice")
INSTALL_HINT = {
    "soffice": "LibreOffice is needed to render .pptx and .docx files: install it"
    " (Debian: apt-get install libreoffice-impress-nogui libreoffice-writer-nogui)",
    "pdftoppm": "pdftoppm is needed to render PDF pages: install poppler (Debian: apt-get install poppler-utils)",
}


def find_tool(name: str) -> str:
    """The path of a system tool, or a FacilitateError saying how to install it."""
    candidates = SOFFICE_NAMES if name == "soffice" else (name,)
    for candidate in candidates:
        found = shutil.which(candidate)
        if found:
            return found
    raise FacilitateError(INSTALL_HINT[name])


def office_to_pdf(pptx: str | os.PathLike, out_dir: str | os.PathLike, timeout: float = 240) -> Path:
    """Convert a deck or a Word document to PDF with LibreOffice headless, in a private profile; returns the PDF."""
    soffice = find_tool("soffice")
    pptx, out_dir = Path(pptx), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="facilitate-lo-") as profile:
        command = [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(pptx),
        ]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise FacilitateError(f"{pptx}: LibreOffice did not finish converting within {timeout:.0f} s") from None
    pdf = out_dir / (pptx.stem + ".pdf")
    if result.returncode != 0 or not pdf.exists():
        detail = (result.stderr or result.stdout).strip().splitlines()[-1:] or ["no output"]
        raise FacilitateError(f"{pptx}: LibreOffice could not convert it: {detail[0]}")
    return pdf


def pdf_to_pngs(pdf: str | os.PathLike, out_dir: str | os.PathLike, dpi: int = 60, first: int | None = None, last: int | None = None) -> list[Path]:
    """Render PDF pages as PNG files named ``<stem>-<page>.png``; returns them in page order."""
    pdftoppm = find_tool("pdftoppm")
    pdf, out_dir = Path(pdf), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    command = [pdftoppm, "-png", "-r", str(dpi)]
    if first:
        command += ["-f", str(first)]
    if last:
        command += ["-l", str(last)]
    command += [str(pdf), str(out_dir / pdf.stem)]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise FacilitateError(f"{pdf}: pdftoppm failed: {result.stderr.strip()}")
    return sorted(out_dir.glob(f"{pdf.stem}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def render(path: str | os.PathLike, out_dir: str | os.PathLike, dpi: int = 60, force: bool = False) -> list[Path]:
    """PNG pages of a .pptx, .docx or .pdf file, written into ``out_dir`` as a build writes its files.

    The pages are rendered in a private folder first, then written through the output
    folder's manifest: a PNG the user made is not overwritten (unless ``force``), a link
    or anything but a file at a page's name is refused, and pages an earlier preview of
    the same file wrote beyond the last page are removed. Returns exactly the pages written.
    """
    from facilitate.errors import LoadError
    from facilitate.files import check_regular
    from facilitate.output import Output, OutputFolder, read_output

    path = Path(path)
    try:
        check_regular(path, what="file to preview")
    except LoadError as error:
        raise FacilitateError(error.one_line()) from None
    suffix = path.suffix.lower()
    if suffix not in (".pptx", ".docx", ".pdf"):
        raise FacilitateError(f"{path}: can preview .pptx, .docx and .pdf files only")
    with tempfile.TemporaryDirectory(prefix="facilitate-preview-") as work:
        pdf = office_to_pdf(path, work) if suffix in (".pptx", ".docx") else path
        pages = pdf_to_pngs(pdf, Path(work) / "pages", dpi)
        outputs = [Output(page.name, lambda handle, page=page: handle.write(read_output(page))) for page in pages]
        earlier = re.compile(rf"{re.escape(path.stem)}-\d+\.png")
        return OutputFolder(out_dir, force=force).write(outputs, prune=lambda name: earlier.fullmatch(name) is not None)
