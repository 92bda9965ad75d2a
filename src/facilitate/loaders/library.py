"""The bundled library: agendas, card decks, exercises, methods and themes shipped inside the package."""

from __future__ import annotations

import functools
import os
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from facilitate.errors import FacilitateError
from facilitate.resources import library_root
from facilitate.loaders.content import KINDS, SUFFIXES, load_object, load_pack, parse_document

if TYPE_CHECKING:
    from facilitate.model.method import Method
    from facilitate.model.suggestions import Tagged

#: Folders of the bundled library (top-level folders of the repository).
FOLDERS = ("agendas", "card_decks", "exercises", "methods", "templates/themes")
DEFAULT_SESSION = "power-of-partnerships"


@attrs.frozen
class Entry:
    """One item of the library: what it is, its id and title, and where its file is."""

    kind: str
    id: str
    title: str
    path: Path


def root() -> Traversable:
    """The bundled library's folder inside the installed package."""
    return library_root()


def _files() -> list[Path]:
    base = root()
    found = []
    for folder in FOLDERS:
        node = base
        for part in folder.split("/"):
            node = node / part
        if not node.is_dir():
            continue
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            if child.is_file() and child.name.endswith(SUFFIXES):
                found.append(Path(str(child)))
    return found


@functools.cache
def entries() -> tuple[Entry, ...]:
    """Every bundled item, in kind order then by id."""
    items = []
    for path in _files():
        document = parse_document(path)
        items.append(
            Entry(document.kind, str(document.data.get("id", "")), str(document.data.get("title", document.data.get("name", ""))), path)
        )
    order = list(KINDS)
    return tuple(sorted(items, key=lambda e: (order.index(e.kind), e.id)))


def find(name: str, kind: str | None = None) -> Entry:
    """The bundled item called ``name`` (optionally of one kind); KeyError with a hint if none."""
    matches = [e for e in entries() if e.id == name and (kind is None or e.kind == kind)]
    if matches:
        return matches[0]
    import difflib

    pool = [e.id for e in entries() if kind is None or e.kind == kind]
    close = difflib.get_close_matches(name, pool, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else " (see 'facilitate list')"
    raise KeyError(f"no bundled {kind or 'item'} named {name!r}{hint}")


def _local_file(name: str, base: Path) -> Path | None:
    from facilitate.loaders.tabular import TABLE_SUFFIXES

    candidate = base / name
    if candidate.suffix.lower() in SUFFIXES + TABLE_SUFFIXES:
        return candidate
    for suffix in SUFFIXES:
        if os.path.isfile(base / f"{name}{suffix}"):  # os.path: a name too long for the file system is not there
            return base / f"{name}{suffix}"
    return None


def resolve(kind: str, name: str, base: Path) -> Any:
    """A library item by name: a file next to the session first, then the bundled library."""
    local = _local_file(name, base)
    if local is not None:
        return load_object(local, expected_kind=kind)
    return load_object(find(name, kind).path, expected_kind=kind)


def load_cluster(path: str | Path):
    """A cluster file, the session pack it names (a bundled id or a file beside it), and each member's problem.

    A member's problem (a name too long for a folder, a logo that cannot be used) is returned
    by member index, so that member alone is left out of the build.
    """
    from facilitate.loaders import content
    from facilitate.loaders.content import parse_document

    cluster, problems = content.load_cluster(path)
    local = _local_file(cluster.session, Path(path).resolve().parent)
    if local is not None and os.path.exists(local):
        return cluster, load_pack(local, resolve), problems
    try:
        entry = find(cluster.session, "session")
    except KeyError as error:
        document = parse_document(path)
        raise document.error(("session",), error.args[0]) from None
    return cluster, load_pack(entry.path, resolve), problems


def load(source: str | Path | None = None):
    """Load a session pack from a file, or a bundled agenda by name (the default session if None)."""
    if source is None:
        source = DEFAULT_SESSION
    path = Path(source)
    if not path.suffix.lower() in SUFFIXES and not os.path.exists(path):
        try:
            path = find(str(source), "session").path
        except KeyError as error:
            raise FacilitateError(f"{source}: {error.args[0]}") from None
    return load_pack(path, resolve)


def methods() -> tuple[Method, ...]:
    """Every bundled method, by id."""
    return tuple(load_object(entry.path, expected_kind="method") for entry in entries() if entry.kind == "method")


def tagged() -> tuple[Tagged, ...]:
    """Every bundled method, card deck and agenda segment that carries tags, for suggestions.

    A segment carries the tags it states or those of the method it uses.
    """
    from facilitate.model.suggestions import Tagged

    items = [Tagged("method", method.id, method.name, method.tags) for method in methods() if method.tags]
    for entry in entries():
        if entry.kind == "deck":
            deck = load_object(entry.path, expected_kind="deck")
            if deck.tags:
                items.append(Tagged("deck", deck.id, deck.title, deck.tags))
    for entry in entries():
        if entry.kind == "session":
            session = load_pack(entry.path, resolve).session
            for segment in session.segments:
                if segment.tags:
                    items.append(Tagged("segment", f"{session.id}/{segment.id}", f"{segment.title} ({session.title})", segment.tags))
    return tuple(items)
