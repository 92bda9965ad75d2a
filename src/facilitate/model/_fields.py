"""Small validator factories and converters shared by the model classes."""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any, TypeVar, cast

import attrs

from facilitate.errors import ModelError

T = TypeVar("T")


def per_class(function: Callable[[type], T]) -> Callable[[type], T]:
    """``function`` of a class, worked out once per class (functools.cache, typed for classes)."""
    return cast("Callable[[type], T]", functools.cache(function))


@per_class
def is_model(kind: type) -> bool:
    """Whether ``kind`` is a model class (an attrs class), looked up once per class."""
    return attrs.has(kind)


_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def non_empty(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Refuse an empty or blank string or an empty collection."""
    if value is None or (isinstance(value, str) and not value.strip()) or (
        not isinstance(value, str) and hasattr(value, "__len__") and len(value) == 0
    ):
        raise ModelError("must not be empty", (attribute.name,))


#: Ids name files (``worksheet-ID.pdf``) and folders, so they are kept well inside what a
#: file system allows in one name (255 bytes).
MAX_ID_CHARS = 64


def identifier(instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    """Ids are lower-case slugs so they work as file names and references."""
    if isinstance(value, str) and len(value) > MAX_ID_CHARS:
        raise ModelError(
            f"is {len(value):,} characters long; an id names files, so it has at most {MAX_ID_CHARS}",
            (attribute.name,),
        )
    if not isinstance(value, str) or not _ID.match(value):
        raise ModelError(
            f"{value!r} is not a valid id (use lower-case letters, digits, '-' or '_')",
            (attribute.name,),
        )


def valid_tags(instance: Any, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    """Every item is an id, e.g. the tags naming what a method or deck helps with."""
    for index, item in enumerate(value):
        if not isinstance(item, str) or not _ID.match(item):
            raise ModelError(
                f"{item!r} is not a valid tag (use lower-case letters, digits, '-' or '_')",
                (attribute.name, index),
            )
def slug(text: str) -> str:
    """A valid id made from ``text``: "Café & co." → "cafe-co" ("" when nothing of it can be kept)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def finite(low: float, high: float) -> Callable[[Any, "attrs.Attribute[Any]", float], None]:
    """Validator factory: a finite number from ``low`` to ``high`` (no NaN, no infinity)."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: float) -> None:
        if not math.isfinite(value) or not low <= value <= high:
            raise ModelError(f"must be a number from {_number(low)} to {_number(high)}, got {value!r}", (attribute.name,))

    return check


def _number(value: float) -> str:
    return f"{int(value):,}" if value.is_integer() else f"{value:g}"


def one_of(choices: Iterable[str]) -> Callable[[Any, "attrs.Attribute[Any]", str], None]:
    """Validator factory: the value is one of ``choices``."""
    allowed = tuple(choices)

    def check(instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
        if value not in allowed:
            raise ModelError(
                f"{value!r} is not one of: {', '.join(allowed)}", (attribute.name,)
            )

    return check


#: http(s)://, a host name (dotted labels of letters, digits, - and _), a port if any, then the rest
#: with no spaces. No user name or password: a link that carries one is refused by browsers' checks.
_WEB_ADDRESS = re.compile(r"^https?://(?:[\w-]+\.)+[\w-]+\.?(?::(?P<port>\d{1,5}))?(?:[/?#]\S*)?$")


def web_address(instance: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """None, or a whole web address starting http:// or https:// (it is printed as a QR code)."""
    if value is None:
        return
    found = _WEB_ADDRESS.match(value) if isinstance(value, str) else None
    if found is None or int(found["port"] or 0) > 65535:
        raise ModelError(
            f"{value!r} is not a web address like 'https://example.org/page' (start it with https://, no spaces)",
            (attribute.name,),
        )


def optional_count(instance: Any, attribute: attrs.Attribute[Any], value: int | None) -> None:
    """None, or a whole number of at least 1."""
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ModelError(f"must be a whole number of at least 1, got {value!r}", (attribute.name,))


def optional_name(instance: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    """None, or a name in lower-case letters, digits and '-' (such as an icon's, "light-bulb")."""
    if value is None:
        return
    if not isinstance(value, str) or not _ID.match(value):
        raise ModelError(f"{value!r} is not a name like 'light-bulb' (lower-case letters, digits, '-')", (attribute.name,))


def positive(instance: Any, attribute: attrs.Attribute[Any], value: float) -> None:
    if value is None:
        return
    if value <= 0:
        raise ModelError(f"must be greater than 0, got {value}", (attribute.name,))


def unique_ids(items: Iterable[Any], field: str, key: str = "id") -> None:
    """Raise naming the second occurrence of any repeated id."""
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        value = getattr(item, key)
        if value in seen:
            raise ModelError(
                f"duplicate {key} {value!r} (first used at {field}[{seen[value]}])",
                (field, index, key),
            )
        seen[value] = index


def to_tuple(value: Any) -> tuple[Any, ...]:
    """Accept any iterable (a list from Python code) and store an immutable tuple."""
    if value is None:
        return ()
    if isinstance(value, (str, bytes)):
        return (value,)
    return tuple(value)


def nested(path: tuple[str | int, ...], error: ModelError) -> ModelError:
    """Prefix a child's error path with where the child sits in its parent."""
    return ModelError(error.message, path + error.field_path)
