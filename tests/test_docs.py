"""The docs cannot drift: the generated reference is current, and every code example runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_content_reference_is_generated_from_the_current_schema():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "content_reference.py"), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
