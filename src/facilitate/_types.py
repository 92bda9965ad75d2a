"""Type names shared across the package (for readers and type checkers; nothing here runs)."""

from __future__ import annotations

import os
from collections.abc import Mapping  # noqa: F401  (named in LineMap)
from typing import TypeAlias

#: A path given by a user or a caller: a string or a path object.
StrPath: TypeAlias = "str | os.PathLike[str]"
#: Where a value sits in a content file: ("segments", 3, "prompts", 1).
FieldPath: TypeAlias = "tuple[str | int, ...]"
#: Field path → the line it is written on.
LineMap: TypeAlias = "Mapping[FieldPath, int]"
