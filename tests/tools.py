"""The system tools some tests need (LibreOffice, poppler, qpdf, Chromium).

A test that needs one and does not find it is skipped on a developer's machine, and
fails where the environment variable ``CI`` is set: CI installs them all, so a missing
tool there means the tests did not run, which must not pass unnoticed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def missing(what: str) -> None:
    """Skip (or, under CI, fail) for a missing tool or package."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing, and CI must run every test", pytrace=False)
    pytest.skip(f"{what} is missing (scripts/test installs it)")


def tool(*names: str) -> str:
    """The path of the first of ``names`` on PATH."""
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    missing(names[0])
    raise AssertionError("unreachable")  # pragma: no cover


def soffice() -> str:
    return tool("soffice", "libreoffice")


def to_pdf(document: Path, out_dir: Path) -> Path:
    """A .pptx or .docx converted by LibreOffice (the test fails if it cannot convert)."""
    from facilitate.preview import office_to_pdf

    soffice()
    return office_to_pdf(document, out_dir)


def pdftotext(pdf: Path, *options: str) -> str:
    """The text of a PDF in reading order (poppler's pdftotext); ``-layout`` keeps columns side by side."""
    return subprocess.run([tool("pdftotext"), *options, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
