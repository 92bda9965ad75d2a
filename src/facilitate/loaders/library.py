"""The bundled library: agendas, card decks, exercises, methods and themes shipped inside the package."""

from __future__ import annotations

import functools
import os
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from facilitate.errors import FacilitateError, LoadError
from facilitate.resources import library_root
from facilitate.loaders.content import KINDS, SUFFIXES, load_object, load_pack, parse_document

if TYPE_CHECKING:
    from facilitate.model.cluster import Cluster
    from facilitate.model.method import Method
    from facilitate.model.pack import SessionPack
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


def copy_text(entry: Entry, new_id: str) -> str:
    """The text of a bundled item with its id changed to ``new_id``, everything else as written
    (its comments too), for ``facilitate copy``: a copy with the bundled id would clash with it."""
    import re

    text = entry.path.read_text("utf-8")
    if new_id == entry.id:
        return text
    line = parse_document(entry.path, text).lines.get(("id",))
    lines = text.splitlines(keepends=True)
    pattern = re.compile(r"^id:[ \t]*(?P<quote>[\"']?)[^\"'#\n]*(?P=quote)(?P<rest>[ \t]*(?:#.*)?\r?\n?)$")
    match = pattern.match(lines[line - 1]) if line is not None and entry.path.suffix in (".yaml", ".yml") else None
    if match is None or line is None:
        raise RuntimeError(f"{entry.path}: cannot find the line of its id to change it")
    lines[line - 1] = f"id: {new_id}{match['rest']}"
    copied = "".join(lines)
    if parse_document(entry.path, copied).data.get("id") != new_id:
        raise RuntimeError(f"{entry.path}: changing its id to {new_id!r} did not take")
    return copied


def _local_file(name: str, base: Path) -> Path | None:
    """The content file ``name`` means in ``base``: itself when it ends in a content or table
    suffix (whether or not it exists), else NAME.yaml (.yml, .toml) when that is a file."""
    from facilitate.loaders import origins
    from facilitate.loaders.tabular import TABLE_SUFFIXES

    candidate = base / name
    if candidate.suffix.lower() in SUFFIXES + TABLE_SUFFIXES:
        return candidate
    folder = str(base)
    for suffix in SUFFIXES:
        path = os.path.join(folder, f"{name}{suffix}")
        # Looked for even when absent: a file of that name appearing beside the session takes over.
        origins.reading(path)
        if os.path.isfile(path):  # os.path: a name too long for the file system is not there
            return base / f"{name}{suffix}"
    return None


def locate(kind: str | None, name: str, base: Path, *, where: str = "beside the session", any_file: bool = False) -> Path:
    """The file ``name`` means: a file in ``base`` (NAME.yaml, or NAME as written when it has a
    content suffix, or with ``any_file`` any file called NAME), else the bundled item of that
    kind. A folder called NAME does not count. KeyError with a "did you mean" over the
    bundled items and the user's own files in ``base`` when there is none.
    """
    local = _local_file(name, base)
    if local is not None:
        return local
    if any_file and os.path.isfile(base / name):  # os.path: a name too long for the file system is just not there
        return base / name
    try:
        return find(name, kind).path
    except KeyError:
        raise KeyError(_not_found(kind, name, base, where)) from None


def _not_found(kind: str | None, name: str, base: Path, where: str) -> str:
    """No such item: the nearest name among the bundled items and the user's files of that kind."""
    import difflib

    bundled = {e.id for e in entries() if kind is None or e.kind == kind}
    try:
        files = sorted(child for child in base.iterdir() if child.suffix.lower() in SUFFIXES and child.is_file())
    except OSError:
        files = []
    stems = {child.stem: child for child in files}
    hint = " (see 'facilitate list')"
    for close in difflib.get_close_matches(name, sorted(bundled | set(stems)), n=3):
        if close in bundled or _is_kind(stems[close], kind):
            hint = f" (did you mean {close!r}?)"
            break
    return f"no {kind or 'item'} named {name!r} {where} or bundled{hint}"


def _is_kind(path: Path, kind: str | None) -> bool:
    """Whether ``path`` is a content file of ``kind`` (any kind when None); unreadable files are not."""
    if kind is None:
        return True
    try:
        return parse_document(path).kind == kind
    except FacilitateError:
        return False


def resolve(kind: str, name: str, base: Path) -> Any:
    """A library item by name: a file next to the session first, then the bundled library."""
    return load_object(locate(kind, name, base), expected_kind=kind)


def load_cluster(path: str | Path) -> tuple[Cluster, SessionPack, dict[int, LoadError]]:
    """A cluster file, the session pack it names (a file beside it, or a bundled id), and each member's problem.

    A member's problem (a name too long for a folder...) is returned by member index, so
    that member alone is left out of the build.
    """
    from facilitate.loaders import content
    from facilitate.loaders.content import parse_document

    cluster, problems = content.load_cluster(path)
    try:
        session = locate("session", cluster.session, Path(path).resolve().parent, where="beside the cluster file")
    except KeyError as error:
        document = parse_document(path)
        raise document.error(("session",), error.args[0]) from None
    pack = load_pack(session, resolve)
    from facilitate.loaders.content import check_languages
    from facilitate.loaders.labels import label_files

    # Labels beside the cluster file too (the session may be a bundled one).
    own = label_files([Path(path).resolve().parent])
    pack = attrs.evolve(pack, label_files=tuple(dict.fromkeys(pack.label_files + own)))
    check_languages(pack, tuple((member, member.language) for member in cluster.members))
    return cluster, with_suggestions(pack), problems


def load(source: str | Path | None = None) -> SessionPack:
    """Load a session pack from a file, or a bundled agenda by name (the default session if None)."""
    try:
        if source is None:
            path = find(DEFAULT_SESSION, "session").path
        else:
            path = locate("session", str(source), Path.cwd(), where="in this folder", any_file=True)
    except KeyError as error:
        if source is not None and os.path.lexists(source):  # there, but not a content file: say what it is
            from facilitate.files import check_regular

            check_regular(source, what="content file")
        raise FacilitateError(f"{source or DEFAULT_SESSION}: {error.args[0]}") from None
    return with_suggestions(load_pack(path, resolve))


def methods() -> tuple[Method, ...]:
    """Every bundled method, by id."""
    return tuple(load_object(entry.path, expected_kind="method") for entry in entries() if entry.kind == "method")


def _tagged_in(pack: SessionPack, methods_too: bool = True) -> list[Tagged]:
    """The methods, decks and segments of ``pack`` that carry tags (a segment: its own, or its method's)."""
    from facilitate.model.suggestions import Tagged

    session = pack.session
    items = [Tagged("method", method.id, method.name, method.tags) for method in pack.methods if method.tags and methods_too]
    items += [Tagged("deck", deck.id, deck.title, deck.tags) for deck in pack.decks if deck.tags]
    items += [
        Tagged("segment", f"{session.id}/{segment.id}", f"{segment.title} ({session.title})", segment.tags)
        for segment in session.segments
        if segment.tags
    ]
    return items


@functools.cache
def _bundled_tagged() -> tuple[Tagged, ...]:
    from facilitate.model.suggestions import Tagged

    items = [Tagged("method", method.id, method.name, method.tags) for method in methods() if method.tags]
    for entry in entries():
        if entry.kind == "deck":
            deck = load_object(entry.path, expected_kind="deck")
            if deck.tags:
                items.append(Tagged("deck", deck.id, deck.title, deck.tags))
    for entry in entries():
        if entry.kind == "session":
            pack = load_pack(entry.path, resolve)
            items += [item for item in _tagged_in(pack, methods_too=False) if item.kind == "segment"]
    return tuple(items)


def tagged(pack: SessionPack | None = None) -> tuple[Tagged, ...]:
    """Every bundled method, card deck and agenda segment that carries tags, for suggestions,
    after ``pack``'s own (the same kind and id once: the pack's).

    A segment carries the tags it states or those of the method it uses.
    """
    own = _tagged_in(pack) if pack is not None else []
    found: dict[tuple[str, str], Tagged] = {}
    for item in (*own, *_bundled_tagged()):
        found.setdefault((item.kind, item.id), item)
    return tuple(found.values())


def with_suggestions(pack: SessionPack) -> SessionPack:
    """``pack`` with what its self-assessment results may suggest (only when a rubric has responses)."""
    if not any(rubric.responses for rubric in pack.rubrics):
        return pack
    return attrs.evolve(pack, tagged=tagged(pack))
