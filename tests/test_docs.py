"""The docs cannot drift: the generated reference is current, and every code example runs.

Python blocks run as they are; shell blocks run their ``facilitate ...`` lines in order
(other lines, such as installs, are left to .ci/run). Each document runs in its own
empty folder, so the examples must stand on their own like a reader's terminal would.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.M | re.S)
FACILITATE = [str(Path(sys.executable).with_name("facilitate"))] if Path(sys.executable).with_name("facilitate").exists() else [sys.executable, "-m", "facilitate"]


def test_content_reference_is_generated_from_the_current_schema():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "content_reference.py"), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def examples(path: Path) -> list[tuple[str, str]]:
    return [(m[1], m[2]) for m in FENCE.finditer(path.read_text("utf-8"))]


@pytest.mark.parametrize("doc", [d for d in DOCS if examples(d)], ids=lambda d: str(d.relative_to(ROOT)))
def test_every_example_in_the_docs_runs(doc, tmp_path):
    env = {**os.environ, "COLUMNS": "100"}
    for language, code in examples(doc):
        if language == "python":
            result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, env=env)
            assert result.returncode == 0, f"{doc.name}: python example failed:\n{code}\n{result.stderr}"
        elif language in ("sh", "console", "bash"):
            for line in code.splitlines():
                line = line.split(" #")[0].strip()
                if "facilitate " not in line or line.startswith(("python3 ", "pip ", "./")):
                    continue
                words = shlex.split(line.split(">", 1)[0])
                command = FACILITATE + words[1:]
                if words[1] == "watch":
                    run_watch(doc, line, command, tmp_path, env)
                    continue
                result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=env, timeout=600)
                expected = 2 if "validate" in words and "broken" in line else 0
                assert result.returncode == expected, f"{doc.name}: `{line}` exited {result.returncode}:\n{result.stderr}"


def run_watch(doc: Path, line: str, command: list[str], folder: Path, env: dict[str, str]) -> None:
    """``facilitate watch`` runs until Ctrl-C: it must serve its preview, then stop cleanly on SIGINT."""
    import http.client
    import signal

    process = subprocess.Popen(command, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert process.stderr is not None
        first = process.stderr.readline()
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", first)
        assert found, f"{doc.name}: `{line}` did not serve a preview: {first}"
        connection = http.client.HTTPConnection("127.0.0.1", int(found[1]), timeout=120)
        connection.request("GET", "/version.json?after=0")
        response = connection.getresponse()
        assert response.status == 200, f"{doc.name}: `{line}`: the preview answered {response.status}"
        response.read()
        connection.close()
        process.send_signal(signal.SIGINT)
        _, errors = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0 and "Traceback" not in errors, f"{doc.name}: `{line}` exited {process.returncode}:\n{errors}"
