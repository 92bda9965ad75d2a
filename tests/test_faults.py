"""Faults: killed builds, unwritable or full folders. Outputs are whole or absent, never torn."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from facilitate.errors import FacilitateError
from facilitate.output import Output, OutputFolder

SLOW_BUILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from facilitate.output import Output, OutputFolder

    folder, marker = sys.argv[1], Path(sys.argv[2])

    def slow(handle):
        for index in range(200):
            handle.write(b"new line %d\\n" % index)
            handle.flush()
            if index == 5:
                marker.write_text("writing")
            time.sleep(0.05)

    OutputFolder(folder).write([Output("handout.md", slow)])
    """
)


def test_sigkill_mid_write_leaves_the_previous_file_intact(tmp_path):
    out = tmp_path / "pack"
    OutputFolder(out).write([Output("handout.md", lambda h: h.write(b"previous build\n"))])
    marker = tmp_path / "started"
    process = subprocess.Popen([sys.executable, "-c", SLOW_BUILD, str(out), str(marker)])
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert process.poll() is None, "the build ended before it was killed"
            assert time.monotonic() < deadline
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait()
    assert process.returncode == -signal.SIGKILL
    assert (out / "handout.md").read_bytes() == b"previous build\n"
    # The next build cleans the killed build's temporary file and succeeds.
    assert any(p.name.endswith(".tmp") for p in out.iterdir())
    OutputFolder(out).write([Output("handout.md", lambda h: h.write(b"third build\n"))])
    assert (out / "handout.md").read_bytes() == b"third build\n"
    assert not any(p.name.endswith(".tmp") for p in out.iterdir())


def test_sigkill_on_first_build_leaves_no_file(tmp_path):
    out = tmp_path / "pack"
    out.mkdir()
    marker = tmp_path / "started"
    process = subprocess.Popen([sys.executable, "-c", SLOW_BUILD, str(out), str(marker)])
    while not marker.exists():
        assert process.poll() is None
        time.sleep(0.01)
    process.kill()
    process.wait()
    assert not (out / "handout.md").exists()


def test_a_failing_exporter_leaves_the_folder_as_it_was(tmp_path):
    out = tmp_path / "pack"
    OutputFolder(out).write([Output("a.md", lambda h: h.write(b"old a")), Output("b.md", lambda h: h.write(b"old b"))])

    def broken(handle):
        handle.write(b"half")
        raise FacilitateError("card 3: too much text")

    with pytest.raises(FacilitateError):
        OutputFolder(out).write([Output("a.md", lambda h: h.write(b"new a")), Output("b.md", broken)])
    assert (out / "a.md").read_bytes() == b"old a"
    assert (out / "b.md").read_bytes() == b"old b"
    assert sorted(p.name for p in out.iterdir()) == [".facilitate-manifest.json", "a.md", "b.md"]


def test_a_full_disk_is_a_clear_error_and_nothing_is_left(tmp_path):
    out = tmp_path / "pack"

    def full(handle):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.raises(FacilitateError, match="No space left on device"):
        OutputFolder(out).write([Output("cards.pdf", full)])
    assert list(out.iterdir()) == []


def test_an_unwritable_folder_is_a_clear_error(tmp_path, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)
    with pytest.raises(FacilitateError, match="cannot write here: Permission denied"):
        OutputFolder(tmp_path).write([Output("a.md", lambda h: h.write(b"x"))])


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions; the test above simulates it")
def test_a_read_only_folder_is_a_clear_error(tmp_path):
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o555)
    try:
        with pytest.raises(FacilitateError, match="cannot write here"):
            OutputFolder(out).write([Output("a.md", lambda h: h.write(b"x"))])
    finally:
        out.chmod(0o755)


def test_output_path_that_is_a_file_is_a_clear_error(tmp_path):
    target = tmp_path / "pack"
    target.write_text("not a folder")
    with pytest.raises(FacilitateError, match="not a folder"):
        OutputFolder(target).write([Output("a.md", lambda h: h.write(b"x"))])
    assert target.read_text() == "not a folder"
