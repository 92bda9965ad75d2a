"""How large a file facilitate reads: one limit for every content file, YAML, TOML or table."""

from __future__ import annotations

import os

from facilitate.errors import LoadError

#: Content files (YAML, TOML, CSV, XLSX) larger than this are refused before they are read.
MAX_FILE_BYTES = 64 * 1024 * 1024


def checked_size(path: str | os.PathLike[str], label: str) -> int:
    """The size of the file at ``path``; a LoadError if it is missing, a folder, or too large."""
    try:
        size = os.path.getsize(path)
    except FileNotFoundError:
        raise LoadError(label, None, (), "no such file") from None
    except PermissionError:
        raise LoadError(label, None, (), "permission denied") from None
    if os.path.isdir(path):
        raise LoadError(label, None, (), "is a folder, not a content file")
    if size > MAX_FILE_BYTES:
        raise LoadError(
            label, None, (), f"the file is {size / 1e6:.1f} MB; content files are limited to {MAX_FILE_BYTES // (1024 * 1024)} MB"
        )
    return size
