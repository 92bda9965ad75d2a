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
    """Base class: something the user can fix; the CLI prints it on one line and exits with ``exit_code``.

    Like click's exceptions, each class carries its exit status: 2 for anything the user can
    fix, 3 when some of several packs failed; facilitate's own bugs exit with 70 (the CLI).
    """

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


def describe(owner: object) -> str:
    """How a message names a model object: ``segment 'welcome'``, ``card 'walk'``, ``session``."""
    kind = {"CardDeck": "deck", "QuestionLadder": "ladder", "TurnTheCurve": "curve", "MaturityRubric": "rubric"}.get(
        type(owner).__name__, type(owner).__name__.lower()
    )
    if kind == "session":  # one a pack: its fields need no name
        return kind
    identity = getattr(owner, "id", None) or getattr(owner, "label", None) or getattr(owner, "title", None)
    return f"{kind} {identity!r}" if isinstance(identity, str) and identity else kind


class ExportError(FacilitateError):
    """An export that cannot be produced as asked (text too long for its box, missing layout...).

    When the problem is in text the user wrote, ``owner`` is the model object it belongs to
    and ``field`` the field path within it (``("prompts", 1)``): the loaders then name the
    file and line it came from (loaders.origins); without them the message names the object.
    """

    def __init__(self, message: str, owner: object = None, field: Sequence[str | int] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.owner = owner
        self.field = tuple(field)

    def __str__(self) -> str:
        if self.owner is None:
            return self.message
        where = format_field_path(self.field)
        return f"{describe(self.owner)}: {where}: {self.message}" if where else f"{describe(self.owner)}: {self.message}"

    def __reduce__(self) -> tuple[object, ...]:  # picklable across the cluster's process pool
        return (type(self), (self.message, self.owner, self.field))


class TextOverflowError(ExportError):
    """Text that does not fit its box even at the smallest allowed size."""


class ContentProblems(FacilitateError):
    """Several problems found in one go (``facilitate validate``): one line each."""

    def __init__(self, problems: Sequence[FacilitateError]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(problem.one_line() for problem in self.problems))

    def one_line(self) -> str:  # one line per problem
        return "\n".join(problem.one_line() for problem in self.problems)


class SomeFailed(FacilitateError):
    """Some of several independent jobs failed (the others succeeded): exit status 3."""

    exit_code = 3
class FacilitateWarning(UserWarning):
    """Something the user should know that does not stop a build (the CLI prints ``warning: ...``)."""


def warn(message: str) -> None:
    """Tell the user ``message`` on one line; the build goes on."""
    import warnings

    warnings.warn(" ".join(message.split()), FacilitateWarning, stacklevel=2)
