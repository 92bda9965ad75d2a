"""Writing files safely: atomic replacement, and never clobbering what a user wrote.

A build records what it wrote in ``.facilitate-manifest.json`` in the output folder, with
each file's SHA-256. A later build may replace a file only if it is listed there and is
unchanged since (so it is still facilitate's output, not the user's edit); anything else
needs ``force=True``.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, BinaryIO

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


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _write_temp(path: Path, write: Writer) -> Path:
    """Write ``path``'s new content to a temporary file beside it; returns the temp path."""
    try:
        handle = tempfile.NamedTemporaryFile(
            "wb", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
        )
    except OSError as error:
        raise FacilitateError(f"{path.parent}: cannot write here: {error.strerror or error}") from None
    temp = Path(handle.name)
    try:
        with handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise FacilitateError(f"{path}: cannot write: {error.strerror or error}") from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def atomic_write(path: Path, write: Writer) -> None:
    """Write through a temporary file in the same folder, then rename it into place.

    A crash at any moment leaves either the old file or the new one, never a torn file.
    """
    path = Path(path)
    os.replace(_write_temp(path, write), path)


def write_bytes(path: Path, data: bytes) -> None:
    atomic_write(path, lambda handle: handle.write(data))


class OutputFolder:
    """An output folder that refuses to overwrite files it did not write itself."""

    def __init__(self, folder: StrPath, force: bool = False) -> None:
        self.folder = Path(folder)
        self.force = force
        self.manifest_path = self.folder / MANIFEST
        self.recorded: dict[str, str] = {}
        if self.manifest_path.is_file():
            try:
                self.recorded = dict(json.loads(self.manifest_path.read_text("utf-8")).get("files", {}))
            except (ValueError, AttributeError):
                self.recorded = {}

    def check(self, names: list[str]) -> None:
        """Refuse, before writing anything, if any target holds something facilitate did not write."""
        if self.folder.exists() and not self.folder.is_dir():
            raise FacilitateError(f"{self.folder}: exists and is not a folder")
        if self.force:
            return
        for name in names:
            target = self.folder / name
            if not target.exists():
                continue
            if self.recorded.get(name) != _sha256(target):
                raise FacilitateError(
                    f"{target}: already exists and was not written by this build"
                    " (or was edited since); use --force to overwrite it"
                )

    def _remove_stale_temps(self, names: list[str]) -> None:
        """Delete temporary files a killed build left for these names (never anything else)."""
        for name in names:
            target = self.folder / name
            for stale in target.parent.glob(f".{target.name}.*.tmp"):
                stale.unlink(missing_ok=True)

    def write(self, outputs: list[Output]) -> list[Path]:
        names = [output.name for output in outputs]
        if len(set(names)) != len(names):
            raise ExportError(f"two exporters want the same file name: {names}")
        self.check(names)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise FacilitateError(f"{self.folder}: cannot create the folder: {error.strerror or error}") from None
        # Render every file first; only when all succeeded are they renamed into place,
        # so a failing exporter leaves the folder exactly as it was.
        self._remove_stale_temps(names)
        temps: list[tuple[Path, Path]] = []
        try:
            for output in outputs:
                target = self.folder / output.name
                target.parent.mkdir(parents=True, exist_ok=True)
                temps.append((_write_temp(target, output.write), target))
        except BaseException:
            for temp, _ in temps:
                temp.unlink(missing_ok=True)
            raise
        written = []
        for temp, target in temps:
            os.replace(temp, target)
            self.recorded[str(target.relative_to(self.folder))] = _sha256(target)
            written.append(target)
        manifest = {"generator": "facilitate", "files": dict(sorted(self.recorded.items()))}
        write_bytes(self.manifest_path, (json.dumps(manifest, indent=2) + "\n").encode())
        return written
