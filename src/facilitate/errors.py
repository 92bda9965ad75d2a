"""Errors that facilitate raises on purpose, each with a one-line message for the CLI."""

from __future__ import annotations

from collections.abc import Sequence


def format_field_path(path: Sequence[str | int]) -> str:
    """Render ``("segments", 2, "minutes")`` as ``segments[2].minutes``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


class FacilitateError(Exception):
    """Base class: something the user can fix; the CLI prints it on one line, exit 2."""

    exit_code = 2

    def one_line(self) -> str:
        return " ".join(str(self).split())


class ModelError(FacilitateError, ValueError):
    """A value the model refuses, with the field path (relative to the object) it concerns."""

    def __init__(self, message: str, field_path: Sequence[str | int] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.field_path = tuple(field_path)

    def __str__(self) -> str:
        where = format_field_path(self.field_path)
        return f"{where}: {self.message}" if where else self.message


class LoadError(FacilitateError):
    """A content file that cannot be loaded: ``FILE:LINE: field.path: what is wrong``."""

    def __init__(
        self,
        path: str,
        line: int | None,
        field_path: Sequence[str | int],
        message: str,
    ) -> None:
        self.path = str(path)
        self.line = line
        self.field_path = tuple(field_path)
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        location = f"{self.path}:{self.line}" if self.line else self.path
        field = format_field_path(self.field_path)
        return f"{location}: {field}: {self.message}" if field else f"{location}: {self.message}"


class ExportError(FacilitateError):
    """An export that cannot be produced as asked (text too long for its box, missing layout...)."""


class TextOverflowError(ExportError):
    """Text that does not fit its box even at the smallest allowed size."""


class FacilitateWarning(UserWarning):
    """Something the user should know that does not stop a build (the CLI prints ``warning: ...``)."""


def warn(message: str) -> None:
    """Tell the user ``message`` on one line; the build goes on."""
    import warnings

    warnings.warn(" ".join(message.split()), FacilitateWarning, stacklevel=2)
