"""Writing files safely: atomic replacement, and never clobbering what a user wrote.

A build records what it wrote in ``.facilitate-manifest.json`` in the output folder, with
each file's SHA-256. A later build may replace a file only if it is listed there and is
unchanged since (so it is still facilitate's output, not the user's edit); anything else
needs ``force=True``.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import shutil
import stat
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO

import attrs

from facilitate.errors import ExportError, FacilitateError
from facilitate._types import StrPath

MANIFEST = ".facilitate-manifest.json"

#: Writes a file's bytes to an open binary file (whatever it returns is ignored).
Writer = Callable[[IO[bytes]], object]

#: 2020-01-01T00:00:00Z: the fixed date of every build when SOURCE_DATE_EPOCH is not set.
DEFAULT_EPOCH = 1_577_836_800
#: Zip entries cannot carry dates before 1980-01-01 or after 2107-12-31.
ZIP_EPOCH_MIN = 315_532_800
ZIP_EPOCH_MAX = 4_354_819_199


def source_date_epoch() -> int:
    """The date written inside every file (PDF, PPTX, DOCX, zip): SOURCE_DATE_EPOCH or a fixed date.

    Builds are reproducible: the same input gives the same bytes. A value a zip or PDF date
    cannot hold (negative, after 2107, or milliseconds by mistake) is an error naming the
    variable; dates before 1980 are written as 1980-01-01 inside zips, which cannot go earlier.
    """
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None:
        return DEFAULT_EPOCH
    try:
        epoch = int(value.strip())
    except ValueError:
        raise FacilitateError(f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, got {value[:40]!r}") from None
    if not 0 <= epoch <= ZIP_EPOCH_MAX:
        raise FacilitateError(
            f"SOURCE_DATE_EPOCH={value[:40]} is outside the dates files can hold (0 to {ZIP_EPOCH_MAX}, that is"
            " 1970 to 2107); give seconds, not milliseconds"
        )
    return epoch


def _zip_info(name: str, epoch: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, time.gmtime(max(epoch, ZIP_EPOCH_MIN))[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3
    info.external_attr = 0o644 << 16
    return info


def write_zip(handle: BinaryIO, entries: Iterable[tuple[str, bytes]], epoch: int | None = None) -> None:
    """A deterministic zip of ``entries`` (name, bytes), in the order given: fixed dates and permissions.

    The one zip writer of facilitate: decks, Word documents and partner packs all go through it.
    """
    epoch = source_date_epoch() if epoch is None else epoch
    with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(_zip_info(name, epoch), data)


def normalise_zip(
    data: bytes, epoch: int | None = None, transform: Callable[[str, bytes], bytes] | None = None
) -> bytes:
    """``data`` (a zip made by another library) rewritten by :func:`write_zip`, entries in their order.

    ``transform(name, blob)`` may change an entry on the way (e.g. fix a date inside it).
    """
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = [
            (entry.filename, transform(entry.filename, source.read(entry)) if transform else source.read(entry))
            for entry in source.infolist()
        ]
    out = io.BytesIO()
    write_zip(out, entries, epoch)
    return out.getvalue()


@attrs.frozen
class Output:
    """One file an exporter produces: its name in the pack and how to write its bytes."""

    name: str
    write: Writer


def _open_regular(path: Path) -> int:
    """A descriptor for reading the regular file at ``path`` itself (never a link's target, never blocking)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags)
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise FacilitateError(f"{path}: is not a regular file")
    return descriptor


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    descriptor = _open_regular(path)
    try:
        while block := os.read(descriptor, 1 << 20):
            digest.update(block)
    finally:
        os.close(descriptor)
    return digest.hexdigest()


def read_output(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a file a build wrote, read as the file it is (a link planted in its place is refused)."""
    descriptor = _open_regular(Path(path))
    try:
        chunks = []
        while block := os.read(descriptor, 1 << 20):
            chunks.append(block)
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def _not_a_file(target: Path) -> str | None:
    """What stands at ``target`` if it is anything but a regular file (a folder, a link, a FIFO...); None if nothing or a file."""
    from facilitate.files import kind_of

    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return None
    except OSError as error:
        raise FacilitateError(f"{target}: {reason(error)}") from None
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return kind_of(mode)


def _refuse_non_file(target: Path) -> None:
    kind = _not_a_file(target)
    if kind is not None:
        raise FacilitateError(
            f"{target}: is {kind}, not a file facilitate wrote; facilitate never replaces one (even with --force):"
            " move it away or choose another output"
        )


def check_target(path: str | os.PathLike[str], force: bool) -> Path:
    """A single file a command is about to write (``-o FILE``): refused if it exists (unless ``force``), or is anything but a file."""
    path = Path(path)
    _refuse_non_file(path)
    if os.path.lexists(path) and not force:
        raise FacilitateError(f"{path}: already exists; use --force to overwrite it")
    return path


def _write_temp(path: Path, write: Writer) -> Path:
    """Write ``path``'s new content to a temporary file beside it; returns the temp path."""
    try:
        handle = tempfile.NamedTemporaryFile(
            "wb", dir=path.parent, prefix=f".{path.name[:100]}.", suffix=".tmp", delete=False
        )
    except OSError as error:
        raise FacilitateError(f"{path.parent}: cannot write here: {reason(error)}") from None
    temp = Path(handle.name)
    try:
        with handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise FacilitateError(f"{path}: cannot write: {reason(error)}") from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def atomic_write(path: Path, write: Writer) -> None:
    """Write through a temporary file in the same folder, then rename it into place.

    A crash at any moment leaves either the old file or the new one, never a torn file.
    Anything at ``path`` that is not a regular file (a folder, a link, a device) is refused.
    """
    path = Path(path)
    _refuse_non_file(path)
    temp = _write_temp(path, write)
    try:
        os.replace(temp, path)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise FacilitateError(f"{path}: cannot put the new file in place: {reason(error)}") from None


def write_bytes(path: Path, data: bytes) -> None:
    atomic_write(path, lambda handle: handle.write(data))


def reason(error: OSError) -> str:
    from facilitate.files import reason as describe

    return describe(error)


#: What an interrupted build left: written before any file is replaced, removed when all are.
JOURNAL = ".facilitate-journal.json"
#: New files are written into a folder of this name (and a random tail) inside the output folder.
STAGING = ".facilitate-staging-"
#: A second build into a folder waits this long for the first to finish, then refuses.
LOCK_WAIT = 30.0
#: A manifest larger than this is not one facilitate wrote.
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
_SHA = re.compile(r"^[0-9a-f]{64}$")


class OutputFolder:
    """An output folder that refuses to overwrite files it did not write itself.

    Writing is all or nothing, from a user's point of view:

    1. The folder is locked (a second build waits for the first, then refuses).
    2. Every new file is written into a private staging folder inside it. A failure here
       removes the staging folder: the output folder is as it was.
    3. A journal names each file about to be replaced, its new SHA-256 and a hard link
       to its old version. Written atomically, it is the moment the build happens.
    4. The files are renamed into place, the manifest is written, the staging folder and
       the journal are removed.

    If a rename fails, every file already replaced is put back from its old version: the
    folder is the previous build. If the process dies after step 3, the next build finds
    the journal and finishes the renames first: the folder is the new build. Nothing is
    deleted unless facilitate wrote it down first (the staging folder is named in the
    journal before it is made), so a user's file that looks like a temporary one is safe.
    """

    def __init__(self, folder: StrPath, force: bool = False) -> None:
        self.folder = Path(folder)
        self.force = force
        self.manifest_path = self.folder / MANIFEST
        self.journal_path = self.folder / JOURNAL

    # --- reading what earlier builds recorded ----------------------------------------------

    def recorded(self) -> dict[str, str]:
        """The manifest's files (name → SHA-256); a FacilitateError naming the manifest if it is not one."""
        from facilitate.errors import LoadError
        from facilitate.files import read_bytes

        if _not_a_file(self.manifest_path) is None and not self.manifest_path.exists():
            return {}
        try:
            raw = read_bytes(self.manifest_path, None, MAX_MANIFEST_BYTES, "manifest", "manifests")
            data = json.loads(raw.decode("utf-8"))
            files = data.get("files") if isinstance(data, dict) else None
            if not isinstance(files, dict) or not all(
                isinstance(name, str) and isinstance(digest, str) and _SHA.match(digest) for name, digest in files.items()
            ):
                raise ValueError("it has no list of files with their SHA-256")
            return dict(files)
        except (LoadError, ValueError, RecursionError) as error:
            if self.force:
                return {}
            why = error.message if isinstance(error, LoadError) else _one_line(str(error))[:120]
            raise FacilitateError(
                f"{self.manifest_path}: not a manifest facilitate can read ({why}); delete it, or build with --force"
                " to start a new one"
            ) from None

    def check(self, names: list[str], recorded: dict[str, str] | None = None) -> None:
        """Refuse, before writing anything, if any target holds something facilitate did not write.

        Anything but a regular file (a folder, a link, a FIFO, a device) is refused even
        with ``force``.
        """
        if self.folder.exists() and not self.folder.is_dir():
            raise FacilitateError(f"{self.folder}: exists and is not a folder")
        for name in names:
            _refuse_non_file(self.folder / name)
        if self.force:
            return
        recorded = self.recorded() if recorded is None else recorded
        for name in names:
            target = self.folder / name
            if not target.exists():
                continue
            if recorded.get(name) != _sha256(target):
                raise FacilitateError(
                    f"{target}: already exists and was not written by this build"
                    " (or was edited since); use --force to overwrite it"
                )

    # --- writing ---------------------------------------------------------------------------

    def write(self, outputs: list[Output], prune: Callable[[str], bool] | None = None) -> list[Path]:
        """Write ``outputs`` all or nothing; returns their paths.

        ``prune(name)`` chooses files earlier builds recorded that this one replaces with
        nothing (a preview's pages beyond the last): they are removed if unchanged since.
        """
        names = [output.name for output in outputs]
        if len(set(names)) != len(names):
            raise ExportError(f"two exporters want the same file name: {names}")
        for name in names:
            if not name or Path(name).name != name or name in (".", "..") or name.startswith(".facilitate"):
                raise ExportError(f"an exporter asked for the file name {name!r}, which is not a plain file name")
        try:
            if self.folder.exists() and not self.folder.is_dir():
                raise FacilitateError(f"{self.folder}: exists and is not a folder")
            created = not self.folder.exists()
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise FacilitateError(f"{self.folder}: cannot create the folder: {reason(error)}") from None
        try:
            with self._locked():
                self._recover()
                recorded = self.recorded()
                self.check(names, recorded)
                staging = self._stage(outputs)
                removals = sorted(
                    name for name in recorded if prune is not None and prune(name) and name not in names
                )
                journal = self._journal(staging, outputs, removals, recorded)
                self._apply(journal, recorded)
        except BaseException:
            if created:
                with contextlib.suppress(OSError):
                    self.folder.rmdir()  # only if nothing is in it
            raise
        return [self.folder / name for name in names]

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the folder's lock (an flock on the folder itself): one build at a time writes here."""
        try:
            import fcntl
        except ImportError:  # Windows: no flock; builds there are not guarded against each other
            yield
            return
        try:
            descriptor = os.open(self.folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
        except OSError as error:
            raise FacilitateError(f"{self.folder}: cannot open the folder: {reason(error)}") from None
        try:
            deadline = time.monotonic() + LOCK_WAIT
            while True:
                try:
                    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise FacilitateError(
                            f"{self.folder}: another facilitate build is writing to this folder (still after"
                            f" {LOCK_WAIT:g} s); try again when it has finished"
                        ) from None
                    time.sleep(0.05)
                except OSError:  # a file system without locks (some network shares): build unguarded
                    break
            yield
        finally:
            os.close(descriptor)  # releases the lock

    def _stage(self, outputs: list[Output]) -> Path:
        """Every output rendered into a new staging folder, or none (the folder removed) if one fails."""
        staging = self.folder / f"{STAGING}{os.urandom(6).hex()}"
        # Named in the journal before it exists, so only a folder facilitate made is ever removed.
        self._write_journal({"state": "staging", "staging": staging.name})
        try:
            staging.mkdir()
        except OSError as error:
            self.journal_path.unlink(missing_ok=True)
            raise FacilitateError(f"{self.folder}: cannot write here: {reason(error)}") from None
        try:
            for index, output in enumerate(outputs):
                target = staging / str(index)
                try:
                    with open(target, "xb") as handle:
                        output.write(handle)
                        handle.flush()
                        os.fsync(handle.fileno())
                except OSError as error:
                    raise FacilitateError(f"{self.folder / output.name}: cannot write: {reason(error)}") from None
                os.chmod(target, 0o644)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            self.journal_path.unlink(missing_ok=True)
            raise
        return staging

    def _journal(self, staging: Path, outputs: list[Output], removals: list[str], recorded: dict[str, str]) -> dict[str, Any]:
        """The journal of the replacement about to happen, written (the build's commit point)."""
        files = []
        for index, output in enumerate(outputs):
            target = self.folder / output.name
            backup = None
            if target.exists():
                backup = f"old-{index}"
                _keep_old(target, staging / backup)
            files.append({"name": output.name, "staged": str(index), "sha256": _sha256(staging / str(index)), "backup": backup})
        remove = [{"name": name, "sha256": recorded[name], "backup": f"gone-{number}"} for number, name in enumerate(removals)]
        journal = {"state": "commit", "staging": staging.name, "files": files, "remove": remove}
        try:
            self._write_journal(journal)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            self.journal_path.unlink(missing_ok=True)
            raise
        return journal

    def _write_journal(self, journal: dict[str, Any]) -> None:
        write_bytes(self.journal_path, (json.dumps(journal, indent=1) + "\n").encode())

    def _apply(self, journal: dict[str, Any], recorded: dict[str, str]) -> None:
        """Rename the staged files into place and remove pruned ones; put everything back if one fails."""
        staging = self.folder / journal["staging"]
        try:
            for entry in journal["files"]:
                staged = staging / entry["staged"]
                if staged.exists():
                    os.replace(staged, self.folder / entry["name"])
            for entry in journal["remove"]:
                target = self.folder / entry["name"]
                if _not_a_file(target) is None and target.exists() and _sha256(target) == entry["sha256"]:
                    os.replace(target, staging / entry["backup"])
        except OSError as error:
            try:
                self._roll_back(journal)
            except OSError as second:
                raise FacilitateError(
                    f"{self.folder}: cannot put the new files in place ({reason(error)}: {error.filename}), nor put"
                    f" the old ones back ({reason(second)}); the next build will try again"
                ) from None
            raise FacilitateError(
                f"{self.folder}: cannot put the new files in place ({reason(error)}: {error.filename});"
                " the folder is left as the previous build made it"
            ) from None
        for entry in journal["files"]:
            recorded[entry["name"]] = entry["sha256"]
        for entry in journal["remove"]:
            if not (self.folder / entry["name"]).exists():
                recorded.pop(entry["name"], None)
        manifest = {"generator": "facilitate", "files": dict(sorted(recorded.items()))}
        write_bytes(self.manifest_path, (json.dumps(manifest, indent=2) + "\n").encode())
        shutil.rmtree(staging, ignore_errors=True)
        self.journal_path.unlink(missing_ok=True)

    def _roll_back(self, journal: dict[str, Any]) -> None:
        """Undo a partly applied journal: old versions back, new files that had none removed."""
        staging = self.folder / journal["staging"]
        for entry in journal["remove"]:
            kept = staging / entry["backup"]
            if kept.exists():
                os.replace(kept, self.folder / entry["name"])
        for entry in journal["files"]:
            if (staging / entry["staged"]).exists():
                continue  # never put in place
            target = self.folder / entry["name"]
            if entry["backup"] is not None:
                os.replace(staging / entry["backup"], target)
            elif target.exists() and _not_a_file(target) is None and _sha256(target) == entry["sha256"]:
                target.unlink()
        shutil.rmtree(staging, ignore_errors=True)
        self.journal_path.unlink(missing_ok=True)

    def _recover(self) -> None:
        """Finish (or undo) what a build that was stopped part-way left: see the class's notes."""
        if not os.path.lexists(self.journal_path):
            return
        from facilitate.errors import LoadError
        from facilitate.files import read_bytes

        try:
            journal = json.loads(read_bytes(self.journal_path, None, MAX_MANIFEST_BYTES, "journal", "journals"))
            staging = journal["staging"]
            if not isinstance(staging, str) or not staging.startswith(STAGING) or Path(staging).name != staging:
                raise ValueError("it names no staging folder of facilitate's")
        except (LoadError, ValueError, KeyError, TypeError, RecursionError) as error:
            why = error.message if isinstance(error, LoadError) else _one_line(str(error))[:120]
            raise FacilitateError(
                f"{self.journal_path}: an earlier build left a journal facilitate cannot read ({why}); delete it"
                " to build again"
            ) from None
        if journal.get("state") != "commit":  # stopped before anything was replaced: discard its files
            shutil.rmtree(self.folder / staging, ignore_errors=True)
            self.journal_path.unlink(missing_ok=True)
            return
        self._apply(journal, self.recorded())


def _keep_old(target: Path, backup: Path) -> None:
    """A second name (a hard link, else a copy) for the file at ``target``, to put it back if need be."""
    try:
        os.link(target, backup, follow_symlinks=False)
    except OSError:
        shutil.copy2(target, backup, follow_symlinks=False)


def _one_line(text: str) -> str:
    return " ".join(text.split())
