"""Hidden doc steps do what the page shows.

The tutorial and how-tos show a file or an edit as a YAML (or TOML, CSV or JSON) block for the reader, then
make the same edit for the docs test in a Python block inside an HTML comment (hidden on
the rendered page; tests/test_docs.py runs it). Every text that hidden block writes
must be the YAML block just above it, so the page and the test cannot drift apart.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted((ROOT / "docs").rglob("*.md"))
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.M | re.S)
COMMENT = re.compile(r"<!--(.*?)-->", re.S)
WRITTEN = re.compile(r'"""\\\n(.*?)"""', re.S)


def hidden_steps(text: str) -> list[tuple[str, str]]:
    """(visible YAML block before it, hidden Python block) for each hidden step."""
    steps = []
    for comment in COMMENT.finditer(text):
        blocks = [m for m in BLOCK.finditer(comment[1]) if m[1] == "python"]
        if not blocks:
            continue
        before = [m for m in BLOCK.finditer(text[: comment.start()]) if m[1] in ("yaml", "toml", "csv", "json")]
        steps.append((before[-1][2] if before else "", blocks[0][2]))
    return steps


@pytest.mark.parametrize("doc", [d for d in DOCS if hidden_steps(d.read_text("utf-8"))], ids=lambda d: str(d.relative_to(ROOT)))
def test_hidden_steps_write_what_the_page_shows(doc):
    for shown, code in hidden_steps(doc.read_text("utf-8")):
        for written in WRITTEN.findall(code):
            assert written == shown, f"{doc.name}: a hidden step writes\n{written}\nbut the page shows\n{shown}"
