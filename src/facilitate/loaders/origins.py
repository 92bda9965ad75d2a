"""Where each loaded model object came from: its file, and where in that file.

The model knows nothing of files, and layout finds some problems (a prompt too long for
its slide) long after loading. So the loaders note, for every object they build, the file
and the field path it was read from; a layout error names the object and the field
(``ExportError.owner``, ``.field``), and :func:`located` turns it into the user's own
terms: ``riverside.yaml:47: segments[3].prompts[1]: too long for its slide ...`` (or
``ideas.csv:14: prompt: ...`` for a card read from a spreadsheet row).

The notes are kept per object identity for as long as the object lives (weak references),
so they cost nothing once a pack is gone.

Inside :func:`recording_files` the loaders also note every file they read or look for (a
content file, a spreadsheet, a picture, a file beside the session that would be used if
it existed), so ``facilitate watch`` knows which files a pack depends on, even when loading
it failed part way.
"""

from __future__ import annotations

import contextlib
import os
import weakref
from collections.abc import Iterator, Mapping, Sequence
from contextvars import ContextVar
from typing import Any

import attrs

from facilitate.model._fields import is_model, per_class
from facilitate._types import FieldPath, LineMap
from facilitate.errors import ContentProblems, ExportError, FacilitateError, LoadError


@attrs.frozen
class Origin:
    """A file, and the field path of an object within it; for a spreadsheet row, its row and columns."""

    path: str
    field_path: FieldPath = ()
    #: The file's field → line map (YAML, TOML); None for a spreadsheet.
    lines: LineMap | None = attrs.field(default=None, eq=False, repr=False)
    #: A spreadsheet row, and which column holds each field.
    row: int | None = None
    columns: Mapping[str, str] = attrs.field(factory=dict, eq=False, repr=False)
    #: Fields of the object whose values were read elsewhere (see :func:`borrow`): the
    #: field path's start, and the origin and field path they were read from.
    borrowed: tuple[tuple[FieldPath, Origin, FieldPath], ...] = attrs.field(default=(), eq=False, repr=False)

    def locate(self, field: Sequence[str | int] = ()) -> LoadError | None:
        """A LoadError (without its message yet) pointing at ``field`` of the object; None if unknown."""
        for start, source, there in self.borrowed:
            if tuple(field[: len(start)]) == start:
                return source.locate((*there, *field[len(start):]))
        if not self.path:  # an object noted only for the fields it borrowed
            return None
        if self.row is not None:
            column = self.columns.get(str(field[0]), str(field[0])) if field else None
            return LoadError(self.path, self.row, (column,) if column else (), "")
        from facilitate.loaders.yaml_source import line_for

        full = tuple(self.field_path) + tuple(field)
        line = line_for(self.lines, full) if self.lines is not None else None
        return LoadError(self.path, line, full, "")


_NOTED: dict[int, tuple[weakref.ref[Any], Origin]] = {}


def _forget(key: int) -> Any:
    return lambda _ref: _NOTED.pop(key, None)


def note(obj: object, origin: Origin) -> None:
    """Remember where ``obj`` came from (the first note wins: a shared object keeps its first home)."""
    if origin_of(obj) is None:
        _remember(obj, origin)


def _remember(obj: object, origin: Origin) -> None:
    key = id(obj)
    try:
        _NOTED[key] = (weakref.ref(obj, _forget(key)), origin)
    except TypeError:  # an object that cannot be weakly referenced is simply not noted
        pass


def note_tree(obj: object, path: str, lines: LineMap | None, field_path: FieldPath = ()) -> None:
    """Note ``obj`` and every model object inside it, each with its own field path in ``path``."""
    if not is_model(type(obj)):
        return
    note(obj, Origin(path, field_path, lines))
    for name in _fields(type(obj)):
        value = getattr(obj, name, None)
        if is_model(type(value)):
            note_tree(value, path, lines, (*field_path, name))
        elif isinstance(value, tuple) and value and is_model(type(value[0])):
            for index, item in enumerate(value):
                note_tree(item, path, lines, (*field_path, name, index))


@per_class
def _fields(kind: type) -> tuple[str, ...]:
    """The fields of an attrs class that may hold model objects, found once per class from its
    type hints (a 10,000-card deck notes 10,000 cards; a text or a number holds none); every
    field when the hints cannot be read."""
    import typing

    names = tuple(field.name for field in attrs.fields(kind))
    try:
        hints = typing.get_type_hints(kind)
    except Exception:  # a hint naming what only a type checker imports: look at every field
        return names
    return tuple(name for name in names if _may_hold_model(hints.get(name, typing.Any)))


def _may_hold_model(hint: Any) -> bool:
    import typing

    if hint is typing.Any or attrs.has(hint):
        return True
    return any(_may_hold_model(arg) for arg in typing.get_args(hint) if arg is not Ellipsis)


def origin_of(obj: object) -> Origin | None:
    known = _NOTED.get(id(obj))
    if known is not None and known[0]() is obj:
        return known[1]
    return None


def carry(old: object, new: object) -> None:
    """``new`` (made from ``old`` with attrs.evolve) came from where ``old`` did."""
    origin = origin_of(old)
    if origin is not None:
        note(new, origin)


def borrow(obj: object, field: FieldPath, source: object, source_field: FieldPath = ()) -> None:
    """``obj``'s ``field`` holds what was read as ``source_field`` of ``source``.

    A cluster member's name becomes a host of the session personalised for it: a problem
    with that host then names the member's line of the cluster file, not the session.
    Nothing is noted when ``source``'s origin is unknown.
    """
    source_origin = origin_of(source)
    if source_origin is None:
        return
    own = origin_of(obj) or Origin("")
    _remember(obj, attrs.evolve(own, borrowed=((tuple(field), source_origin, tuple(source_field)), *own.borrowed)))


def located(error: FacilitateError) -> FacilitateError:
    """``error`` naming the user's file, line and field where the object it concerns was read."""
    if isinstance(error, ContentProblems):
        return ContentProblems(tuple(located(problem) for problem in error.problems))
    if not isinstance(error, ExportError) or error.owner is None:
        return error
    origin = origin_of(error.owner)
    where = origin.locate(error.field) if origin is not None else None
    if where is None:
        return error
    # The same kind of error (a TextOverflowError stays one), its message now in the user's terms.
    return type(error)(str(LoadError(where.path, where.line, where.field_path, error.message)))


_FILES_READ: ContextVar[set[str] | None] = ContextVar("facilitate_files_read", default=None)


@contextlib.contextmanager
def recording_files() -> Iterator[set[str]]:
    """Inside the block, note the absolute path of every file the loaders read or look for, in the set yielded."""
    found: set[str] = set()
    token = _FILES_READ.set(found)
    try:
        yield found
    finally:
        _FILES_READ.reset(token)


def reading(path: str | os.PathLike[str]) -> None:
    """A loader reads the file at ``path``, or looks for it (noted only inside :func:`recording_files`)."""
    found = _FILES_READ.get()
    if found is not None:
        found.add(os.path.abspath(path))
