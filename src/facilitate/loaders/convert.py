"""Plain data (dicts, lists, scalars) to model objects and back, with field paths in errors.

cattrs does the structuring; this module sets the hooks that make its messages read well
for people writing content files, and flattens cattrs' nested validation errors into one
``ModelError`` whose ``field_path`` says where the problem is.
"""

from __future__ import annotations

import datetime as dt
import difflib
import keyword
import re
import types
import typing
from collections.abc import Callable
from typing import Any

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from facilitate._types import FieldPath
from facilitate.errors import ModelError

_CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})$")


def describe(value: Any) -> str:
    """A value as a content file's author would name it: "a list", "nothing (null)", 'ten'."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"a yes/no value ({str(value).lower()})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return repr(value)


def _structure_str(value: Any, _type: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        raise ModelError(f"expected text, got {describe(value)}; put it in quotes")
    if isinstance(value, (int, float, dt.date)):
        return str(value)
    raise ModelError(f"expected text, got {describe(value)}")


def _structure_int(value: Any, _type: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ModelError(f"expected a whole number, got {describe(value)}")
    if isinstance(value, float) and not value.is_integer():
        raise ModelError(f"expected a whole number, got {value}")
    return int(value)


def _structure_float(value: Any, _type: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ModelError(f"expected a number, got {describe(value)}")
    return float(value)


def _structure_bool(value: Any, _type: Any) -> bool:
    if not isinstance(value, bool):
        raise ModelError(f"expected true or false, got {describe(value)}")
    return value


def _structure_date(value: Any, _type: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ModelError(f"expected a date like 2026-09-03, got {describe(value)}")


def _structure_time(value: Any, _type: Any) -> dt.time:
    if isinstance(value, dt.time):
        return value
    if isinstance(value, str):
        match = _CLOCK.match(value.strip())
        if match and int(match[1]) < 24 and int(match[2]) < 60:
            return dt.time(int(match[1]), int(match[2]))
    raise ModelError(f"expected a clock time like 09:30, got {describe(value)}")


def _is_tuple_type(type_: Any) -> bool:
    return typing.get_origin(type_) is tuple


def _make_tuple_hook(converter: cattrs.Converter) -> Callable[[Any], Callable[[Any, Any], tuple[Any, ...]]]:
    def factory(type_: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        args = typing.get_args(type_)
        item_type = args[0] if args else Any
        model = attrs.has(item_type)
        # The items' own hook, found on first use (cattrs 23.2 has no get_structure_hook: then each item is dispatched).
        found: list[Callable[[Any, Any], Any]] = []

        def structure(value: Any, _type: Any) -> tuple[Any, ...]:
            if isinstance(value, (str, bytes, dict)) or not isinstance(value, (list, tuple)):
                raise ModelError(f"expected a list, got {describe(value)}")
            if not found:
                lookup = getattr(converter, "get_structure_hook", None)
                found.append(lookup(item_type) if lookup is not None else converter.structure)
            hook = found[0]
            items = []
            for index, item in enumerate(value):
                if model and isinstance(item, item_type):
                    # Already built (e.g. cards read from a spreadsheet, checked row by row there).
                    items.append(item)
                    continue
                try:
                    items.append(hook(item, item_type))
                except Exception as error:  # re-raised with the index in the path
                    raise _Located((index,), error) from None
            return tuple(items)

        return structure

    return factory


class _Located(Exception):
    """An error inside a list item, carrying the index (cattrs notes do the same for attributes)."""

    def __init__(self, path: FieldPath, error: BaseException) -> None:
        super().__init__(str(error))
        self.path = path
        self.error = error


def _structure_optional_factory(
    converter: cattrs.Converter,
) -> tuple[Callable[[Any], bool], Callable[[Any], Callable[[Any, Any], Any]]]:
    def is_optional(type_: Any) -> bool:
        origin = typing.get_origin(type_)
        return origin in (typing.Union, types.UnionType) and type(None) in typing.get_args(type_)

    def factory(type_: Any) -> Callable[[Any, Any], Any]:
        inner = [arg for arg in typing.get_args(type_) if arg is not type(None)][0]

        def structure(value: Any, _type: Any) -> Any:
            return None if value is None else converter.structure(value, inner)

        return structure

    return is_optional, factory


def public_name(field_name: str) -> str:
    """The key a content file uses for a field: ``from_`` (a Python keyword with "_") is ``from``."""
    bare = field_name[:-1]
    return bare if field_name.endswith("_") and keyword.iskeyword(bare) else field_name


def _renamed_fields(cls: type) -> dict[str, str]:
    """Fields of an attrs class whose content-file key differs from their Python name."""
    if not attrs.has(cls):
        return {}
    return {field.name: public_name(field.name) for field in attrs.fields(cls) if public_name(field.name) != field.name}


def _register_keyword_fields(converter: cattrs.Converter) -> None:
    """Classes with a field such as ``from_`` read and write it as ``from``."""
    from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

    def renames(cls: type) -> dict[str, Any]:
        return {name: override(rename=key) for name, key in _renamed_fields(cls).items()}

    def structure_factory(cls: type) -> Callable[[Any, Any], Any]:
        return make_dict_structure_fn(cls, converter, **renames(cls))

    def unstructure_factory(cls: type) -> Callable[[Any], dict[str, Any]]:
        return make_dict_unstructure_fn(cls, converter, **renames(cls))

    converter.register_structure_hook_factory(lambda cls: bool(_renamed_fields(cls)), structure_factory)
    converter.register_unstructure_hook_factory(lambda cls: bool(_renamed_fields(cls)), unstructure_factory)


def _register_picture(converter: cattrs.Converter) -> None:
    """A picture is ``{path: ..., alt: ...}``; a bare file name is missing its alt text, and says so."""
    from cattrs.gen import make_dict_structure_fn

    from facilitate.model.picture import Picture

    structure_fields = make_dict_structure_fn(Picture, converter)

    def structure(value: Any, _type: Any) -> Picture:
        if isinstance(value, str):
            raise ModelError(
                f"is required: write the picture as {{path: {value}, alt: what it shows}}, describing it for people who"
                " cannot see it",
                ("alt",),
            )
        if not isinstance(value, dict):
            raise ModelError(f"expected a picture like {{path: photo.jpg, alt: what it shows}}, got {describe(value)}")
        return structure_fields(value, _type)

    converter.register_structure_hook(Picture, structure)


def make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_structure_hook(dt.time, _structure_time)
    converter.register_structure_hook_factory(_is_tuple_type, _make_tuple_hook(converter))
    predicate, factory = _structure_optional_factory(converter)
    converter.register_structure_hook_factory(predicate, factory)
    converter.register_unstructure_hook(dt.date, lambda value: value.isoformat())
    converter.register_unstructure_hook(dt.time, lambda value: f"{value:%H:%M}")
    _register_keyword_fields(converter)
    _register_picture(converter)
    return converter


CONVERTER = make_converter()


def _field_names(cls: type) -> list[str]:
    return [public_name(field.name) for field in attrs.fields(cls)]


def did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else f" (expected one of: {', '.join(choices)})"


def _flatten(error: BaseException, path: FieldPath) -> ModelError:
    """The first leaf of a cattrs error tree, as a ModelError with the full field path."""
    for note in getattr(error, "__notes__", ()) or ():
        if isinstance(note, AttributeValidationNote):
            path = path + (public_name(note.name),)
        elif isinstance(note, IterableValidationNote):
            path = path + (note.index,)
    if isinstance(error, _Located):
        return _flatten(error.error, path + error.path)
    if isinstance(error, (ClassValidationError, IterableValidationError)):
        # An unknown key usually explains a "missing" one (a typo), so report it first.
        first = next(
            (e for e in error.exceptions if isinstance(e, ForbiddenExtraKeysError)),
            error.exceptions[0],
        )
        return _flatten(first, path)
    if isinstance(error, ForbiddenExtraKeysError):
        key = sorted(map(str, error.extra_fields))[0]
        return ModelError(
            f"unknown key {key!r}{did_you_mean(key, _field_names(error.cl))}", path + (key,)
        )
    if isinstance(error, KeyError):
        return ModelError("is required but missing", path)
    if isinstance(error, ModelError):
        return ModelError(error.message, path + error.field_path)
    if isinstance(error, TypeError) and "argument" in str(error):
        return ModelError("has the wrong shape (expected a mapping of fields)", path)
    return ModelError(str(error) or type(error).__name__, path)


def structure(data: Any, cls: type) -> Any:
    """Build ``cls`` from plain data; any problem is a ModelError naming the field path."""
    if attrs.has(cls) and not isinstance(data, dict):
        raise ModelError(f"expected a mapping of fields, got {describe(data)}")
    try:
        return CONVERTER.structure(data, cls)
    except Exception as error:
        raise _flatten(error, ()) from None


def unstructure(obj: Any) -> Any:
    """Plain data for ``obj`` (tuples become lists), loadable again by :func:`structure`."""
    return _lists(CONVERTER.unstructure(obj))


def _lists(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _lists(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_lists(item) for item in value]
    return value
