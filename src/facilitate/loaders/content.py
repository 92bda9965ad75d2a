"""Content files (YAML or TOML) to model objects, with ``FILE:LINE: field: problem`` errors.

Every content file is a mapping with a ``kind`` key naming what it holds:

    kind: session | deck | ladder | curve | rubric | reflection | method | theme | cluster

The other keys map one-to-one onto the model class of that kind. A session may also
have a ``uses`` mapping that pulls library items (by id, or by a path relative to the
session file) into its pack; items named by a segment (``deck: lets-imagine``) are
pulled in automatically.

A segment's ``method`` written as an id (``method: world-cafe``) names a method: one in
``uses``, a file ``world-cafe.yaml`` beside the session, or a bundled one; the segment
takes the method's steps, materials, grouping and tags unless it states them itself.
Written with a capital letter or a space (``method: Card sort``) it is free text.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import tomllib
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from facilitate.errors import LoadError, ModelError
from facilitate.files import check_regular, read_bytes
from facilitate.loaders import convert, origins
from facilitate.loaders.limits import MAX_DEPTH, MAX_FILE_BYTES, data_problem
from facilitate.loaders.yaml_source import YamlProblem, line_for, parse
import facilitate.model
from facilitate._types import FieldPath, LineMap, StrPath

if TYPE_CHECKING:
    from facilitate.model import SessionPack

#: kind → model class name; the order is the order ``facilitate list`` shows them in.
KINDS: dict[str, str] = {
    "session": "Session",
    "deck": "CardDeck",
    "ladder": "QuestionLadder",
    "curve": "TurnTheCurve",
    "rubric": "MaturityRubric",
    "reflection": "Reflection",
    "method": "Method",
    "theme": "Theme",
    "cluster": "Cluster",
}


def kind_class(kind: str) -> type:
    """The model class of a kind of content file (imported only when needed)."""
    cls: type = getattr(facilitate.model, KINDS[kind])
    return cls


#: pack collection → kind of the items in it.
COLLECTION_KINDS = {
    "decks": "deck", "ladders": "ladder", "curves": "curve", "rubrics": "rubric", "reflections": "reflection",
    "methods": "method",
}
SUFFIXES = (".yaml", ".yml", ".toml")


@attrs.frozen
class Document:
    """A parsed content file: its data, where each field is, and how to report problems."""

    path: str
    kind: str
    data: dict[str, Any]
    lines: LineMap

    def error(self, field_path: FieldPath, message: str) -> LoadError:
        return LoadError(self.path, line_for(self.lines, field_path), field_path, message)

    def build(self, cls: type, data: dict[str, Any] | None = None, prefix: FieldPath = ()) -> Any:
        try:
            return convert.structure(self.data if data is None else data, cls)
        except ModelError as error:
            path = prefix + error.field_path
            raise self.error(path, error.message) from None


def _decode(path: str, raw: bytes) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise LoadError(path, line, (), f"not valid UTF-8 (byte 0x{raw[error.start]:02x}); save the file as UTF-8") from None
    return text.removeprefix("\ufeff")


def read_text(path: StrPath, label: str | None = None) -> str:
    """The text of a content file: a regular file of at most 64 MB, in UTF-8."""
    label = label or str(path)
    origins.reading(path)
    return _decode(label, read_bytes(path, label, MAX_FILE_BYTES, "content file", "content files"))


def _toml_lines(text: str, data: Any) -> LineMap:
    """Approximate field → line map for TOML: the line where each key is written."""
    lines: dict[FieldPath, int] = {(): 1}
    table: FieldPath = ()
    counters: dict[FieldPath, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("[[") and line.endswith("]]"):
            name = tuple(line[2:-2].strip().split("."))
            index = counters.get(name, -1) + 1
            counters[name] = index
            table = name + (index,)
            lines.setdefault(name, number)
            lines[table] = number
        elif line.startswith("[") and line.endswith("]"):
            table = tuple(line[1:-1].strip().split("."))
            lines[table] = number
        elif "=" in line and not line.startswith("#"):
            key = line.split("=", 1)[0].strip().strip('"')
            lines.setdefault(table + (key,), number)
    return lines


#: Documents parsed inside :func:`parsing_once`, by absolute path and text.
_PARSED: ContextVar[dict[tuple[str, str], Document] | None] = ContextVar("facilitate_parsed", default=None)


@contextlib.contextmanager
def parsing_once() -> Iterator[None]:
    """Inside the block, a file read again with the same text is not parsed again (``validate``
    reads a file's kind, then loads it)."""
    token = _PARSED.set({})
    try:
        yield
    finally:
        _PARSED.reset(token)


def parse_document(path: StrPath, text: str | None = None, label: str | None = None) -> Document:
    """Read and parse one content file (not yet turned into a model object)."""
    label = label or str(path)
    if text is None:
        text = read_text(path, label)
    parsed = _PARSED.get()
    if parsed is None:
        return _parse_document(path, text, label)
    key = (os.path.abspath(path), text)
    document = parsed.get(key)
    if document is None:
        document = parsed[key] = _parse_document(path, text, label)
    # The same file named another way keeps the name this caller gives it, in its errors.
    return document if document.path == label else attrs.evolve(document, path=label)


def _parse_document(path: StrPath, text: str, label: str) -> Document:
    if not text.strip():
        raise LoadError(label, 1, (), "the file is empty")
    suffix = Path(str(path)).suffix.lower()
    if suffix == ".toml":
        try:
            data = tomllib.loads(text)
        except RecursionError:
            raise LoadError(label, None, (), f"lists and tables nest too deep (more than {MAX_DEPTH} levels)") from None
        except tomllib.TOMLDecodeError as error:
            message = str(error)
            line = None
            if "(at line " in message:
                line = int(message.split("(at line ")[1].split(",")[0])
                message = message.split(" (at line ")[0]
            raise LoadError(label, line, (), f"TOML syntax: {message}") from None
        lines = _toml_lines(text, data)
        wrong = data_problem(data)
        if wrong is not None:
            field_path, message = wrong
            raise LoadError(label, line_for(lines, field_path), field_path, message)
    else:
        try:
            data, lines = parse(text, check_data=True)  # limits.data_problem checked as it parses
        except YamlProblem as problem:
            raise LoadError(label, problem.line, problem.field_path, problem.message) from None
    if not isinstance(data, dict):
        raise LoadError(label, 1, (), "a content file must be a mapping of fields, starting with 'kind:'")
    kind = data.get("kind")
    if kind is None:
        raise LoadError(label, 1, ("kind",), f"is required: one of {', '.join(KINDS)}")
    if not isinstance(kind, str):
        raise LoadError(label, line_for(lines, ("kind",)), ("kind",), f"expected one of {', '.join(KINDS)}, got {convert.describe(kind)}")
    if kind not in KINDS:
        raise LoadError(label, line_for(lines, ("kind",)), ("kind",), f"unknown kind {kind!r}{convert.did_you_mean(str(kind), list(KINDS))}")
    body = {key: value for key, value in data.items() if key != "kind"}
    return Document(label, kind, body, lines)


def resolve_path(
    document: Document, value: str, field_path: FieldPath, what: str, suffixes: tuple[str, ...], must_exist: bool = True
) -> str:
    """A file named in a content file, made absolute: relative to that file, and it must stay inside its folder."""
    folder = Path(document.path).resolve().parent
    candidate = Path(os.path.realpath(folder / value))
    origins.reading(candidate)
    if not candidate.is_relative_to(Path(os.path.realpath(folder))):
        raise document.error(field_path, f"{what} {value!r} is outside the content folder {folder}")
    if candidate.suffix.lower() not in suffixes:
        kinds = ", ".join(suffix.lstrip(".").upper() for suffix in suffixes)
        raise document.error(field_path, f"{what} {value!r} must be a file of one of these kinds: {kinds}")
    if must_exist:
        if not os.path.lexists(candidate):  # os.path: a name too long for the file system is just not there
            raise document.error(field_path, f"no such {what} {value!r} (looked in {folder})")
        _check_file(document, field_path, candidate, what)
    return str(candidate)


def _check_file(document: Document, field_path: FieldPath, path: Path, what: str) -> None:
    """A file a content file names is a regular file (not a folder, a pipe or a device), or an error at its field."""
    try:
        check_regular(path, what=what)
    except LoadError as error:
        raise document.error(field_path, f"{what} {str(path.name)[:80]!r}: {error.message}") from None


def resolve_image(document: Document, value: str | None, field_path: FieldPath, must_exist: bool = True) -> str | None:
    """An image path from a content file, made absolute and checked (see loaders/images.py)."""
    from facilitate.loaders.images import resolve_image as resolve

    return resolve(document, value, field_path, must_exist)


def _icon(document: Document, name: str | None, field_path: FieldPath) -> None:
    """An icon name must be one of the bundled icons."""
    from facilitate.layout import icons

    if name is not None and not icons.known(name):
        raise document.error(field_path, f"no bundled icon {name!r}{icons.suggestion(name)}; `facilitate list icons` shows them all")


def _back(document: Document, back: Any, field_path: FieldPath) -> Any:
    from facilitate.loaders.images import resolve_picture

    if back is None or back.image is None:
        return back
    return attrs.evolve(back, image=resolve_picture(document, back.image, (*field_path, "image")))


def _deck_files(document: Document, deck: Any) -> Any:
    """A deck's pictures (its back's, each card's and each card's own back's) resolved; its icons checked."""
    from facilitate.loaders.images import resolve_picture

    _icon(document, deck.icon, ("icon",))
    cards = []
    for index, card in enumerate(deck.cards):
        _icon(document, card.icon, ("cards", index, "icon"))
        image = resolve_picture(document, card.image, ("cards", index, "image"))
        back = _back(document, card.back, ("cards", index, "back"))
        # A card with no file to resolve is kept as it is (most cards: no picture, no back of its own).
        cards.append(card if image is card.image and back is card.back else attrs.evolve(card, image=image, back=back))
    return attrs.evolve(deck, cards=tuple(cards), back=_back(document, deck.back, ("back",)))


def _with_images(document: Document, obj: Any) -> Any:
    """Check and resolve the image files an object names (pictures, deck backs, logos); check icon names."""
    from facilitate.loaders.images import resolve_picture

    if document.kind == "session":
        segments = []
        for index, segment in enumerate(obj.segments):
            where = ("segments", index)
            quote = segment.quote
            if quote is not None and quote.image is not None:
                quote = attrs.evolve(quote, image=resolve_picture(document, quote.image, where + ("quote", "image")))
            image = resolve_picture(document, segment.image, where + ("image",))
            # Objects with no file to resolve are kept as they are (building them again costs, and changes nothing).
            segments.append(segment if image is segment.image and quote is segment.quote else attrs.evolve(segment, image=image, quote=quote))
        quotes = tuple(
            q if q.image is None else attrs.evolve(q, image=resolve_picture(document, q.image, ("quotes", i, "image")))
            for i, q in enumerate(obj.quotes)
        )
        if all(new is old for new, old in zip(segments, obj.segments)) and all(new is old for new, old in zip(quotes, obj.quotes)):
            return obj
        return attrs.evolve(obj, segments=tuple(segments), quotes=quotes)
    if document.kind == "deck":
        return _deck_files(document, obj)
    if document.kind == "theme":
        return attrs.evolve(
            obj,
            logo=resolve_image(document, obj.logo, ("logo",)),
            partner_logo=resolve_image(document, obj.partner_logo, ("partner_logo",)),
        )
    return obj


def _cluster(document: Document) -> tuple[Any, dict[int, LoadError]]:
    """A cluster, and each member's first problem by index: a folder name too long, a logo outside the folder.

    ``validate`` reports the first problem; ``build-cluster`` names each and builds the
    other members, so one partner's mistake does not stop the rest. A logo that is missing
    or cannot be drawn is that member's problem when its pack is checked (cluster.logo_problem).
    """
    from facilitate.model._fields import MAX_ID_CHARS

    cluster = document.build(kind_class("cluster"))
    problems: dict[int, LoadError] = {}
    members = []
    for index, member in enumerate(cluster.members):
        field = "short_name" if member.short_name else "name"
        try:
            if len(member.slug) > MAX_ID_CHARS:
                raise document.error(
                    ("members", index, field),
                    f"makes a folder name of {len(member.slug)} characters, more than {MAX_ID_CHARS};"
                    " give the member a shorter short_name",
                )
            member = attrs.evolve(member, logo=resolve_image(document, member.logo, ("members", index, "logo"), must_exist=False))
        except LoadError as error:
            problems[index] = error
        members.append(member)
    return attrs.evolve(cluster, members=tuple(members)), problems


def load_cluster(path: StrPath) -> tuple[Any, dict[int, LoadError]]:
    """A cluster file as its model object, and each member's problem (see :func:`_cluster`)."""
    document = parse_document(path)
    if document.kind != "cluster":
        raise document.error(("kind",), f"expected a cluster file, this is a {document.kind}")
    cluster, problems = _cluster(document)
    origins.note_tree(cluster, document.path, document.lines)
    return cluster, problems


def load_object(path: StrPath, expected_kind: str | None = None) -> Any:
    """Load one content file as its model object (a session loads as a plain Session)."""
    from facilitate.loaders import datafiles
    from facilitate.loaders.tabular import suffix_is_table

    if suffix_is_table(path):
        if expected_kind not in (None, "deck"):
            raise LoadError(str(path), None, (), f"expected a {expected_kind} file; a spreadsheet on its own is read as a card deck")
        return datafiles.deck_from_file(path)
    document = parse_document(path)
    if expected_kind and document.kind != expected_kind:
        raise document.error(("kind",), f"expected a {expected_kind} file, this is a {document.kind}")
    if document.kind == "rubric":
        obj = datafiles.load_rubric(document)[0]
    elif document.kind == "cluster":
        cluster, problems = _cluster(document)
        if problems:
            raise problems[min(problems)]
        obj = cluster
    else:
        data = datafiles.expand(document, dict(document.data))
        if document.kind == "session":
            data.pop("uses", None)
            data.pop("theme", None)
        obj = _with_images(document, document.build(kind_class(document.kind), data))
    origins.note_tree(obj, document.path, document.lines)
    return obj


Resolver = Callable[[str, str, Path], Any]


def load_pack(path: StrPath, resolve: Resolver) -> SessionPack:
    """Load a session file and everything it uses into a SessionPack.

    ``resolve(kind, name, base_folder)`` returns the model object for a library item
    named in the session (or raises LoadError/KeyError).
    """
    from facilitate.model import Session, SessionPack, Theme
    from facilitate.model.pack import REFERENCES

    document = parse_document(path)
    if document.kind != "session":
        raise document.error(("kind",), f"expected a session file, this is a {document.kind}")
    data = dict(document.data)
    uses = data.pop("uses", {}) or {}
    theme_name = data.pop("theme", None)
    session = _with_images(document, document.build(Session, data))
    base = Path(path).resolve().parent
    if not isinstance(uses, dict):
        raise document.error(("uses",), "expected a mapping like {decks: [lets-imagine]}")
    unknown = [key for key in uses if key not in COLLECTION_KINDS]
    if unknown:
        raise document.error(("uses", unknown[0]), f"unknown collection{convert.did_you_mean(unknown[0], list(COLLECTION_KINDS))}")

    def fetch(kind: str, name: Any, where: FieldPath) -> Any:
        if not isinstance(name, str) or not name.strip():
            raise document.error(where, f"expected the name of a {kind}, got {name!r}")
        try:
            item = resolve(kind, name, base)
        except KeyError as missing:
            raise document.error(where, str(missing.args[0]) if missing.args else f"no {kind} named {name!r}") from None
        return item

    collections: dict[str, dict[str, Any]] = {name: {} for name in COLLECTION_KINDS}
    for collection, kind in COLLECTION_KINDS.items():
        names = uses.get(collection, [])
        if isinstance(names, str):
            names = [names]
        if not isinstance(names, list):
            raise document.error(("uses", collection), "expected a list of names")
        for index, name in enumerate(names):
            item = fetch(kind, name, ("uses", collection, index))
            collections[collection].setdefault(item.id, item)
    for index, segment in enumerate(session.segments):
        for field, collection in REFERENCES.items():
            wanted = getattr(segment, field)
            if wanted is not None and wanted not in collections[collection]:
                item = fetch(COLLECTION_KINDS[collection], wanted, ("segments", index, field))
                if item.id != wanted:
                    raise document.error(("segments", index, field), f"refers to {wanted!r} but that file's id is {item.id!r}")
                collections[collection][item.id] = item
    session = _with_methods(document, session, collections["methods"], lambda name, where: fetch("method", name, where))
    theme = fetch("theme", theme_name, ("theme",)) if theme_name is not None else None
    origins.note_tree(session, document.path, document.lines)
    from facilitate.loaders.labels import label_files

    try:
        pack = SessionPack(
            session=session,
            theme=theme if theme is not None else Theme(),
            label_files=label_files([base]),
            **{name: tuple(items.values()) for name, items in collections.items()},
        )
    except ModelError as error:
        path_ = error.field_path[1:] if error.field_path[:1] == ("session",) else error.field_path
        raise document.error(path_, error.message) from None
    check_languages(pack)
    return pack


def check_languages(pack: SessionPack, more: tuple[tuple[object, str | None], ...] = ()) -> None:
    """Every language the pack speaks (its session's, its decks', ``more``: (owner, language)) has labels.

    facilitate ships labels for some languages; any other needs the facilitator's own
    labels-LANG.po beside the session. A language with neither is an error at its field.
    """
    from facilitate.labels import SHIPPED, has_labels

    speakers: list[tuple[object, str | None]] = [(pack.session, pack.session.language)]
    speakers += [(deck, deck.language) for deck in pack.decks]
    speakers += list(more)
    for owner, language in speakers:
        if language is None or has_labels(language, pack.label_files):
            continue
        where = origins.origin_of(owner)
        message = (
            f"facilitate has no labels in {language!r} (it ships {', '.join(SHIPPED)}): write them in"
            f" labels-{language}.po beside the session (facilitate labels --language {language} > labels-{language}.po)"
        )
        located = where.locate(("language",)) if where is not None else None
        if located is None:
            raise ModelError(message, ("language",))
        raise LoadError(located.path, located.line, located.field_path, message)


def _with_methods(document: Document, session: Any, methods: dict[str, Any], fetch: Callable[[str, tuple[str | int, ...]], Any]) -> Any:
    """The session with each segment that names a method (by id) filled in from it.

    Methods come from ``uses`` first (already in ``methods``), then a file beside the
    session or the bundled library; each one used is added to ``methods``. A ``method:``
    written as an id that names no method is an error with a "did you mean".
    """
    from facilitate.model.method import names_a_method, use_methods

    stated: dict[int, set[str]] = {}
    for index, segment in enumerate(session.segments):
        name = segment.method
        if not name or not names_a_method(name):
            continue
        where = ("segments", index, "method")
        if name not in methods:
            try:
                method = fetch(name, where)
            except LoadError as error:
                if error.path != document.path or error.field_path != where:
                    raise  # a broken method file: its own error
                raise document.error(where, _no_method(name, methods)) from None
            if method.id != name:
                raise document.error(where, f"refers to {name!r} but that file's id is {method.id!r}")
            methods[name] = method
        raw = document.data["segments"][index]
        stated[index] = set(raw) if isinstance(raw, dict) else set()
    return use_methods(session, methods.values(), stated)


def _no_method(name: str, methods: dict[str, Any]) -> str:
    from facilitate.loaders import library

    known = sorted({e.id for e in library.entries() if e.kind == "method"} | set(methods))
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        return f"no method named {name!r} (did you mean {close[0]!r}?)"
    return (
        f"no method named {name!r}: a lower-case name with no spaces is read as a method id"
        " (see 'facilitate list methods'); to describe the method in your own words, write it"
        f" with a capital letter or a space, e.g. {name.replace('-', ' ').capitalize()!r}"
    )
