"""Writing files safely: atomic replacement, and never clobbering what a user wrote.

A build records what it wrote in ``.facilitate-manifest.json`` in the output folder, with
each file's SHA-256. A later build may replace a file only if it is listed there and is
unchanged since (so it is still facilitate's output, not the user's edit); anything else
needs ``force=True``.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import attrs

from facilitate.errors import ExportError, FacilitateError

MANIFEST = ".facilitate-manifest.json"

Writer = Callable[[BinaryIO], None]


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

    def __init__(self, folder: str | os.PathLike, force: bool = False) -> None:
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
