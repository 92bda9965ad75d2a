"""Faults: killed builds, unwritable or full folders. Outputs are whole or absent, never torn."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from facilitate.errors import FacilitateError
from facilitate.output import JOURNAL, MANIFEST, STAGING, Output, OutputFolder

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
    # The killed build left its staging folder (named in its journal); the next build removes it and succeeds.
    assert any(p.name.startswith(STAGING) for p in out.iterdir())
    OutputFolder(out).write([Output("handout.md", lambda h: h.write(b"third build\n"))])
    assert (out / "handout.md").read_bytes() == b"third build\n"
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "handout.md"]


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

    with pytest.raises(FacilitateError, match="no space left on device"):
        OutputFolder(out).write([Output("cards.pdf", full)])
    assert not out.exists()  # the folder this build made is removed again


def test_an_unwritable_folder_is_a_clear_error(tmp_path, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)
    with pytest.raises(FacilitateError, match="cannot write here: permission denied"):
        OutputFolder(tmp_path).write([Output("a.md", lambda h: h.write(b"x"))])
    assert list(tmp_path.iterdir()) == []


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


# --- all or nothing: interrupted renames, killed builds, concurrent builds ------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from facilitate import output as output_module  # noqa: E402


def outputs(contents: dict[str, bytes]) -> list[Output]:
    return [Output(name, lambda handle, data=data: handle.write(data)) for name, data in contents.items()]


def folder_state(folder, names) -> dict[str, bytes | None]:
    return {name: (folder / name).read_bytes() if (folder / name).exists() else None for name in names}


class Died(BaseException):
    """The process stopping dead (nothing after it runs, no clean-up)."""


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    old_names=st.sets(st.sampled_from("abcde"), max_size=5),
    new_names=st.sets(st.sampled_from("abcde"), min_size=1, max_size=5),
    fail_at=st.integers(1, 12),
    dies=st.booleans(),
)
def test_a_rename_that_fails_or_dies_leaves_the_old_build_or_the_new_one(tmp_path_factory, old_names, new_names, fail_at, dies):
    """os.replace fails (or the process dies) at any one call: the folder is the old build or the new one,
    at once after a failure and, after a death, once the next build has recovered, without --force."""
    out = tmp_path_factory.mktemp("pack")
    old = {f"{name}.md": f"old {name}".encode() for name in sorted(old_names)}
    new = {f"{name}.md": f"new {name}".encode() for name in sorted(new_names)}
    OutputFolder(out).write(outputs(old))
    names = sorted(set(old) | set(new))
    before = folder_state(out, names)
    after_new = {**before, **new}
    calls = 0
    failed: list[str] = []
    real_replace = os.replace

    def flaky(source, target, *args, **kwargs):
        nonlocal calls
        calls += 1
        if calls == fail_at:
            failed.append(Path(target).name)
            if dies:
                raise Died()
            raise OSError(errno.EACCES, os.strerror(errno.EACCES), str(target))
        return real_replace(source, target, *args, **kwargs)

    output_module.os.replace = flaky
    try:
        try:
            OutputFolder(out).write(outputs(new))
            finished = True
        except FacilitateError:
            finished = False
        except Died:
            finished = None
    finally:
        output_module.os.replace = real_replace
    state = folder_state(out, names)
    if finished is False:
        # Renaming the new files failed: they are all put back; writing the manifest after them failed: all are new.
        assert state in (before, after_new), "a failed rename left a half-updated folder"
        if failed[0] in new:
            assert state == before, "a file failed to go in place, yet others stayed replaced"
    elif finished:
        assert state == after_new
    else:
        # Died part-way: the next build (of nothing new) finishes or undoes the interrupted one first.
        OutputFolder(out).write([])
        assert folder_state(out, names) in (before, after_new)
    # Either way, the next build runs without --force and leaves only its files and the manifest.
    third = {name: f"third {name}".encode() for name in names}
    OutputFolder(out).write(outputs(third))
    assert folder_state(out, names) == third
    # A death while the journal or the manifest itself was written may leave its temporary file
    # (facilitate cannot tell one from a user's file, so it never deletes it); nothing else is left.
    left = [p.name for p in out.iterdir() if not (dies and p.name.startswith((f".{JOURNAL}.", f".{MANIFEST}.")))]
    assert sorted(left) == sorted([MANIFEST, *names])


KILLED_BETWEEN_RENAMES = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from facilitate import output
    from facilitate.output import Output, OutputFolder

    folder, marker = sys.argv[1], Path(sys.argv[2])
    real = os.replace
    done = []

    def slow_replace(source, target, *args, **kwargs):
        real(source, target, *args, **kwargs)
        if Path(target).name in ("a.md", "b.md", "c.md"):
            done.append(target)
            if len(done) == 2:
                marker.write_text("two of three renamed")
                time.sleep(60)

    output.os.replace = slow_replace
    OutputFolder(folder).write([Output(n, lambda h, n=n: h.write(b"new " + n.encode())) for n in ("a.md", "b.md", "c.md")])
    """
)


def test_sigkill_between_renames_is_finished_by_the_next_build(tmp_path):
    out = tmp_path / "pack"
    OutputFolder(out).write(outputs({"a.md": b"old a", "b.md": b"old b", "c.md": b"old c"}))
    marker = tmp_path / "renamed"
    process = subprocess.Popen([sys.executable, "-c", KILLED_BETWEEN_RENAMES, str(out), str(marker)])
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert process.poll() is None and time.monotonic() < deadline
            time.sleep(0.01)
    finally:
        process.kill()
        process.wait()
    assert (out / JOURNAL).exists()
    # Without --force, the next build first finishes the killed one, then writes its own file.
    OutputFolder(out).write(outputs({"d.md": b"new d"}))
    assert folder_state(out, ["a.md", "b.md", "c.md", "d.md"]) == {
        "a.md": b"new a.md", "b.md": b"new b.md", "c.md": b"new c.md", "d.md": b"new d"
    }
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "a.md", "b.md", "c.md", "d.md"]
    # Every file is recorded: a third build replaces them all without --force.
    OutputFolder(out).write(outputs({name: b"third" for name in ("a.md", "b.md", "c.md", "d.md")}))


HOLD_THE_FOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from facilitate.output import Output, OutputFolder

    folder, marker = sys.argv[1], Path(sys.argv[2])

    def slow(handle):
        marker.write_text("writing")
        time.sleep(float(sys.argv[3]))
        handle.write(b"first build")

    OutputFolder(folder).write([Output("first.md", slow)])
    """
)


@pytest.mark.parametrize("wait", [False, True])
def test_a_second_build_into_the_same_folder_waits_or_refuses_and_loses_nothing(tmp_path, monkeypatch, wait):
    out = tmp_path / "pack"
    out.mkdir()
    marker = tmp_path / "started"
    first = subprocess.Popen([sys.executable, "-c", HOLD_THE_FOLDER, str(out), str(marker), "1.5"])
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert first.poll() is None and time.monotonic() < deadline
            time.sleep(0.01)
        staging = [p for p in out.iterdir() if p.name.startswith(STAGING)]
        assert staging, "the first build is writing into its staging folder"
        monkeypatch.setattr(output_module, "LOCK_WAIT", 60.0 if wait else 0.2)
        if wait:
            OutputFolder(out).write(outputs({"second.md": b"second build"}))
        else:
            with pytest.raises(FacilitateError, match="another facilitate build is writing to this folder"):
                OutputFolder(out).write(outputs({"second.md": b"second build"}))
            assert all(p.exists() for p in staging), "the second build touched the first one's files"
    finally:
        assert first.wait(60) == 0
    recorded = OutputFolder(out).recorded()
    assert sorted(recorded) == (["first.md", "second.md"] if wait else ["first.md"])
    assert (out / "first.md").read_bytes() == b"first build"


def test_a_users_files_that_look_temporary_are_never_deleted(tmp_path):
    out = tmp_path / "pack"
    out.mkdir()
    lookalikes = [out / ".handout.md.x8z2k1.tmp", out / f"{STAGING}mine" / "keep.txt", out / ".facilitate-journal.json.bak"]
    for path in lookalikes:
        path.parent.mkdir(exist_ok=True)
        path.write_text("the user's own")
    for round_ in range(2):
        OutputFolder(out).write(outputs({"handout.md": f"build {round_}".encode()}))
    assert all(path.read_text() == "the user's own" for path in lookalikes)


def special_file(path, kind: str):
    """Make a ``kind`` of non-regular file at ``path`` (skip the test where the system will not)."""
    import socket

    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        server.close()
    elif kind == "symlink":
        outside = path.parent.parent / f"outside-{path.name}"
        outside.write_text("PRIVATE KEY")
        path.symlink_to(outside)
    elif kind == "symlink loop":
        path.symlink_to(path)
    elif kind == "device":
        try:
            os.mknod(path, 0o600 | __import__("stat").S_IFCHR, os.makedev(1, 3))
        except (PermissionError, OSError):
            pytest.skip("cannot make a device file here")
    return path


SPECIAL = ["folder", "fifo", "socket", "symlink", "symlink loop", "device"]


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("kind", SPECIAL)
def test_anything_but_a_file_at_an_output_name_is_refused_before_any_file_is_replaced(tmp_path, kind, force):
    out = tmp_path / "pack"
    OutputFolder(out).write(outputs({"a.md": b"old a"}))
    special_file(out / "b.md", kind)
    with pytest.raises(FacilitateError, match=r"b\.md: is a .*, not a file facilitate wrote; facilitate never replaces one"):
        OutputFolder(out, force=force).write(outputs({"a.md": b"new a", "b.md": b"new b"}))
    assert (out / "a.md").read_bytes() == b"old a"
    assert os.path.lexists(out / "b.md") and not (out / "b.md").is_file() or kind == "symlink"
    if kind == "symlink":
        assert (tmp_path / "outside-b.md").read_text() == "PRIVATE KEY"


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    manifest=st.one_of(
        st.binary(max_size=200),
        st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20), lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8).map(lambda v: __import__("json").dumps(v).encode()),
        st.dictionaries(st.text(max_size=10), st.text(max_size=70), max_size=3).map(lambda files: __import__("json").dumps({"files": files}).encode()),
        st.just(b"[" * 100_000),
    ),
    force=st.booleans(),
)
def test_a_malformed_manifest_is_an_error_naming_it(tmp_path_factory, manifest, force):
    out = tmp_path_factory.mktemp("pack")
    (out / MANIFEST).write_bytes(manifest)
    try:
        OutputFolder(out, force=force).write(outputs({"a.md": b"a"}))
    except FacilitateError as error:
        assert not force
        assert str(error).startswith(f"{out / MANIFEST}: not a manifest facilitate can read (")
        assert "\n" not in str(error)
        assert not (out / "a.md").exists()
    else:
        assert (out / "a.md").read_bytes() == b"a"


@pytest.mark.parametrize("kind", ["folder", "fifo", "symlink loop"])
def test_a_manifest_that_is_not_a_file_is_an_error_naming_it(tmp_path, kind):
    out = tmp_path / "pack"
    out.mkdir()
    special_file(out / MANIFEST, kind)
    with pytest.raises(FacilitateError, match=rf"{MANIFEST}: not a manifest facilitate can read \("):
        OutputFolder(out).write(outputs({"a.md": b"a"}))


def test_a_huge_manifest_is_an_error_naming_it(tmp_path):
    out = tmp_path / "pack"
    out.mkdir()
    with open(out / MANIFEST, "wb") as handle:
        handle.seek(output_module.MAX_MANIFEST_BYTES + 1)
        handle.write(b"}")
    with pytest.raises(FacilitateError, match=r"not a manifest facilitate can read \(the file is 16\.8 MB; manifests are limited to 16 MB\)"):
        OutputFolder(out).write(outputs({"a.md": b"a"}))
