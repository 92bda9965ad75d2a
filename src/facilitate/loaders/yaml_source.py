"""Safe YAML parsing that remembers the line of every key and list item."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple, cast

import yaml

from facilitate.errors import ModelError
from facilitate._types import FieldPath
from facilitate.loaders.limits import MAX_DEPTH, MAX_EXPANDED_CHARS, MAX_FIELD_CHARS, NOT_XML, data_problem, text_problem

#: The only tags a content file may use; anything else (e.g. !!python/object) is refused.
_ALLOWED_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
#: Values reached a second time through an alias (``*name``); a "billion laughs" file stops
#: here, long before memory fills. Values written out in the file do not count: a large
#: file (up to the 64 MB every content file may have) has as many as it needs.
MAX_ALIAS_VALUES = 200_000
#: Aliases multiply text as well as values: the whole document, every alias expanded, holds
#: at most as many characters as a content file may (limits.MAX_EXPANDED_CHARS).

Lines = Mapping[FieldPath, int]
#: libyaml's parser when PyYAML has it (same marks, several times faster), else pure Python.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlProblem(Exception):
    """A problem at a line of the file (1-based), with a field path where known."""

    def __init__(self, line: int | None, message: str, field_path: FieldPath = ()) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.field_path = field_path


def _mark_line(mark: Any) -> int:
    """The 1-based line of a parser mark (nodes always carry one; line 1 if not)."""
    return int(mark.line) + 1 if mark is not None else 1


def _tab_at(text: str, mark: Any) -> bool:
    """True when the line the parser stopped on has a tab at or before where it stopped."""
    if mark is None:
        return False
    lines = text.splitlines()
    return mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]


def parse(text: str, check_data: bool = False) -> tuple[Any, Lines]:
    """Parse one YAML document into plain data and a map of field path → line.

    The map is worked out only when a line is first asked for (an error to report):
    libyaml parses the file once, the values are built without noting where each one is,
    and only a problem parses the text again to find its line (:class:`LineMap`). With
    ``check_data``, a value no content file may hold (limits.data_problem: too deep, too
    long, a control character) is a YamlProblem too; the build notes whether any value
    could be one, so a file with none is not walked again.
    """
    node = _compose(text)
    builder = _Builder(None)
    # A character no document can hold reaches a value only through an escape ("\x01" in
    # double quotes): libyaml refuses it written out. A file with no backslash (and no such
    # character) needs each value's length checked, not its characters.
    builder.escapes = "\\" in text or NOT_XML.search(text) is not None
    try:
        data = builder.build(node, ())
    except _NeedsPath:
        # Again, noting every field's line, for the error's line and field path.
        _Builder({}).build(node, ())
        raise AssertionError("the YAML builder found a problem only once") from None  # pragma: no cover
    lines = LineMap(text)
    lines.flow_lists = builder.flow_lists
    if check_data and builder.suspect and isinstance(data, dict):  # a file that is not a mapping is refused for that first
        wrong = data_problem(data)
        if wrong is not None:
            field_path, message = wrong
            raise YamlProblem(line_for(lines, field_path), message, field_path)
    return data, lines


class _NeedsPath(Exception):
    """A problem whose message names a field: found again by a build that follows the field paths."""


def _compose(text: str) -> yaml.Node:
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        if _tab_at(text, mark):
            problem = "tabs are not allowed for indentation in YAML; use spaces"
        raise YamlProblem(_mark_line(mark), f"YAML syntax: {problem}") from None
    except yaml.YAMLError as error:
        raise YamlProblem(None, f"YAML syntax: {error}") from None
    if node is None:
        raise YamlProblem(1, "the file is empty")
    return node


class LineMap(Mapping[FieldPath, int]):
    """Field path → the line it is written on, worked out from the text the first time it is read."""

    def __init__(self, text: str) -> None:
        self._text: str | None = text
        self._lines: dict[FieldPath, int] = {}
        #: Whether the document has a flow list (``[a, b]``) of more than one item (see :func:`flow_items`).
        self.flow_lists = True

    def _map(self) -> dict[FieldPath, int]:
        if self._text is not None:
            text, self._text = self._text, None
            _Builder(self._lines).build(_compose(text), ())
        return self._lines

    def __getitem__(self, key: FieldPath) -> int:
        return self._map()[key]

    def __contains__(self, key: object) -> bool:
        return key in self._map()

    def __iter__(self) -> Iterator[FieldPath]:
        return iter(self._map())

    def __len__(self) -> int:
        return len(self._map())


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_MERGE = "tag:yaml.org,2002:merge"


class _Builder:
    """Plain data from a composed YAML node tree, every limit checked; with ``lines``, each field's line noted there too."""

    def __init__(self, lines: dict[FieldPath, int] | None) -> None:
        self.lines = lines
        #: Nodes built once; building one again means an alias repeats it.
        self.seen: set[int] = set()
        self.repeated = 0
        #: Characters of text built so far, every alias expanded.
        self.chars = 0
        self.scalars = yaml.constructor.SafeConstructor()
        #: Whether a value might be one limits.data_problem refuses (a text or key with a
        #: problem, a list or mapping nested to the limit); False proves none is.
        self.suspect = False
        #: Whether values may hold characters no document can (see :func:`parse`).
        self.escapes = True
        #: Whether a flow list (``[a, b]``) of more than one item was built.
        self.flow_lists = False

    def build(self, node: yaml.Node, path: FieldPath) -> Any:
        """``node`` as plain data. Without a line map, ``path`` only counts the depth, and a problem
        that names a field raises _NeedsPath: :func:`parse` then builds again with the map, for the
        error's line and field path (an alias bomb is refused at once, having no field to name)."""
        lines = self.lines
        if len(path) > MAX_DEPTH:
            if lines is None:
                raise _NeedsPath
            # A chain of anchors can nest deeper than any file written out (libyaml stops those).
            raise YamlProblem(
                _mark_line(node.start_mark),
                f"lists and mappings nest more than {MAX_DEPTH} deep here (through aliases); a content file needs far fewer",
                path[:3],
            )
        kind = type(node)
        if kind is yaml.ScalarNode:
            self.chars += len(node.value)
            if self.chars > MAX_EXPANDED_CHARS:
                raise YamlProblem(
                    _mark_line(node.start_mark),
                    f"the document expands (through aliases) to more than {MAX_EXPANDED_CHARS:,} characters;"
                    " refusing (is this an alias bomb?)",
                )
        key_id = id(node)
        if key_id in self.seen:
            self.repeated += 1
            if self.repeated > MAX_ALIAS_VALUES:
                raise YamlProblem(
                    _mark_line(node.start_mark),
                    f"more than {MAX_ALIAS_VALUES:,} values repeated through aliases; refusing"
                    " (is this an alias bomb?)",
                )
        else:
            self.seen.add(key_id)
        tag = node.tag
        if lines is not None:
            lines.setdefault(path, _mark_line(node.start_mark))
        if tag not in _ALLOWED_TAGS:
            if lines is None:
                raise _NeedsPath
            raise YamlProblem(_mark_line(node.start_mark), f"the YAML tag {tag!r} is not allowed in content files", path)
        if kind is not yaml.ScalarNode and len(path) >= MAX_DEPTH:
            self.suspect = True
        if kind is yaml.MappingNode:
            result: dict[str, Any] = {}
            deeper = path + ("",) if lines is None else path  # only the depth counts without a map
            for key_node, value_node in node.value:
                if type(key_node) is not yaml.ScalarNode or key_node.tag not in _ALLOWED_TAGS or key_node.tag == _MERGE:
                    if lines is None:
                        raise _NeedsPath
                    if key_node.tag == _MERGE:
                        raise YamlProblem(_mark_line(key_node.start_mark), "merge keys (<<) are not supported", path)
                    raise YamlProblem(_mark_line(key_node.start_mark), "keys must be plain text", path)
                key = str(key_node.value)
                if len(key) > MAX_FIELD_CHARS or (self.escapes and text_problem(key)):
                    self.suspect = True
                if lines is None:
                    if key in result:
                        raise _NeedsPath
                    result[key] = self.build(value_node, deeper)
                    continue
                child = path + (key,)
                if key in result:
                    raise YamlProblem(
                        _mark_line(key_node.start_mark),
                        f"duplicate key {key!r} (first at line {lines[child]})",
                        child,
                    )
                lines[child] = _mark_line(key_node.start_mark)
                result[key] = self.build(value_node, child)
            return result
        if kind is yaml.SequenceNode:
            if cast(yaml.SequenceNode, node).flow_style and len(node.value) > 1:
                self.flow_lists = True
            if lines is None:
                deeper = path + (0,)
                return [self.build(item, deeper) for item in node.value]
            return [self.build(item, path + (index,)) for index, item in enumerate(node.value)]
        if tag == _STR or (tag == _INT and ":" in node.value):
            # Text is most of a content file: its value is the node's, as written. (And YAML
            # 1.1 reads 9:30 as a base-60 number; in a content file it is a clock time.)
            value: str = node.value
            if len(value) > MAX_FIELD_CHARS or (self.escapes and text_problem(value)):
                self.suspect = True
            return value
        try:
            # The tag's constructor, as SafeConstructor.construct_object calls it for a scalar,
            # without its bookkeeping for collections and recursion (most of its time).
            return self.scalars.yaml_constructors[tag](self.scalars, node)
        except (yaml.YAMLError, ValueError) as error:
            if lines is None:
                raise _NeedsPath from None
            raise YamlProblem(_mark_line(node.start_mark), f"cannot read value {node.value!r}: {error}", path) from None


class FlowItem(NamedTuple):
    """An item of a flow list (``[a, b, c]``) that comes after a comma, written without quotes (plain)."""

    field_path: FieldPath
    line: int
    text: str


def flow_items(text: str) -> tuple[FlowItem, ...]:
    """Every plain item after a comma in the flow lists of a YAML document.

    In ``materials: [Our hopes cards, one deck per table]`` the comma ends an item, so
    "one deck per table" is an item of its own, whatever the writer meant; a check can
    warn about items that look like the rest of the one before. Text that is not YAML,
    or has no flow lists, gives none.
    """
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError:
        return ()
    found: list[FlowItem] = []
    seen: set[int] = set()

    def walk(node: yaml.Node, path: FieldPath) -> None:
        if id(node) in seen:
            return
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    walk(value, path + (str(key.value),))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                if node.flow_style and index > 0 and isinstance(item, yaml.ScalarNode) and not item.style:
                    found.append(FlowItem(path + (index,), _mark_line(item.start_mark), str(item.value)))
                walk(item, path + (index,))

    if root is not None:
        walk(root, ())
    return tuple(found)


def line_for(lines: Lines, field_path: FieldPath) -> int | None:
    """The line of the deepest part of ``field_path`` that the file has."""
    path = tuple(field_path)
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return lines.get((), 1)


def dump(data: Any) -> str:
    """YAML text for plain data, keys in model order, readable block style."""
    text: str = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=88)
    return text


__all__ = ["FlowItem", "LineMap", "ModelError", "YamlProblem", "dump", "flow_items", "line_for", "parse"]
