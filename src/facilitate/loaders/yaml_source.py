"""Safe YAML parsing that remembers the line of every key and list item."""

from __future__ import annotations

from typing import Any, NamedTuple

import yaml

from facilitate.errors import ModelError
from facilitate._types import FieldPath
from facilitate.loaders.limits import MAX_DEPTH, MAX_EXPANDED_CHARS

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

Lines = dict[FieldPath, int]
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


def parse(text: str) -> tuple[Any, Lines]:
    """Parse one YAML document into plain data and a map of field path → line."""
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
    lines: Lines = {}
    builder = _Builder(lines)
    data = builder.build(node, ())
    return data, lines


class _Builder:
    def __init__(self, lines: Lines) -> None:
        self.lines = lines
        #: Nodes built once; building one again means an alias repeats it.
        self.seen: set[int] = set()
        self.repeated = 0
        #: Characters of text built so far, every alias expanded.
        self.chars = 0
        self.scalars = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, path: FieldPath) -> Any:
        if len(path) > MAX_DEPTH:
            # A chain of anchors can nest deeper than any file written out (libyaml stops those).
            raise YamlProblem(
                _mark_line(node.start_mark),
                f"lists and mappings nest more than {MAX_DEPTH} deep here (through aliases); a content file needs far fewer",
                path[:3],
            )
        if isinstance(node, yaml.ScalarNode):
            self.chars += len(node.value)
            if self.chars > MAX_EXPANDED_CHARS:
                raise YamlProblem(
                    _mark_line(node.start_mark),
                    f"the document expands (through aliases) to more than {MAX_EXPANDED_CHARS:,} characters;"
                    " refusing (is this an alias bomb?)",
                )
        if id(node) in self.seen:
            self.repeated += 1
            if self.repeated > MAX_ALIAS_VALUES:
                raise YamlProblem(
                    _mark_line(node.start_mark),
                    f"more than {MAX_ALIAS_VALUES:,} values repeated through aliases; refusing"
                    " (is this an alias bomb?)",
                )
        else:
            self.seen.add(id(node))
        line = _mark_line(node.start_mark)
        self.lines.setdefault(path, line)
        if node.tag not in _ALLOWED_TAGS:
            raise YamlProblem(line, f"the YAML tag {node.tag!r} is not allowed in content files", path)
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise YamlProblem(_mark_line(key_node.start_mark), "merge keys (<<) are not supported", path)
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _ALLOWED_TAGS:
                    raise YamlProblem(_mark_line(key_node.start_mark), "keys must be plain text", path)
                key = str(key_node.value)
                child = path + (key,)
                if key in result:
                    raise YamlProblem(
                        _mark_line(key_node.start_mark),
                        f"duplicate key {key!r} (first at line {self.lines[child]})",
                        child,
                    )
                self.lines[child] = _mark_line(key_node.start_mark)
                result[key] = self.build(value_node, child)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (index,)) for index, item in enumerate(node.value)]
        if node.tag == "tag:yaml.org,2002:str" or (node.tag == "tag:yaml.org,2002:int" and ":" in node.value):
            # Text is most of a content file: its value is the node's, as written. (And YAML
            # 1.1 reads 9:30 as a base-60 number; in a content file it is a clock time.)
            return node.value
        try:
            return self.scalars.construct_object(node)
        except (yaml.YAMLError, ValueError) as error:
            raise YamlProblem(line, f"cannot read value {node.value!r}: {error}", path) from None


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


__all__ = ["FlowItem", "ModelError", "YamlProblem", "dump", "flow_items", "line_for", "parse"]
