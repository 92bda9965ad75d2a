"""The bundled icons as vector outlines: look one up by name, place it, flatten it.

The icons are Heroicons (the 24 px solid set, MIT licence, see ``icons/LICENSE-heroicons.txt``),
kept as path data in ``icons/heroicons.json`` (made by ``scripts/icons.py``): each icon is
one or more filled paths in a 24 x 24 box, y down as in SVG, made of moves, lines and
cubic curves. The PDF renderers draw the curves as they are; PowerPoint's freeform shapes
take only straight lines, so :func:`polygons` flattens the curves first.
"""

from __future__ import annotations

import difflib
import functools
import json
import re

import attrs

from facilitate.errors import ExportError
from facilitate.resources import package

#: The side of the box the icons are drawn in.
GRID = 24.0
#: Each command letter and how many numbers follow it.
_ARITY = {"M": 2, "L": 2, "C": 6, "Z": 0}
_COMMAND = re.compile(r"([MLCZ])([^MLCZ]*)")


@attrs.frozen
class IconPath:
    """One filled path of an icon: its fill rule and its commands, each a letter and its numbers."""

    even_odd: bool
    commands: tuple[tuple[str, tuple[float, ...]], ...]


@attrs.frozen
class Icon:
    """A bundled icon by name, as filled paths in the 24 x 24 box (y down)."""

    name: str
    paths: tuple[IconPath, ...]


def _parse(outline: str) -> tuple[tuple[str, tuple[float, ...]], ...]:
    commands = []
    for letter, numbers in _COMMAND.findall(outline):
        values = tuple(float(v) for v in numbers.replace(",", " ").split())
        if len(values) != _ARITY[letter]:
            raise ValueError(f"icon data: {letter} takes {_ARITY[letter]} numbers, got {len(values)}")
        commands.append((letter, values))
    return tuple(commands)


@functools.cache
def _data() -> dict[str, list[dict[str, str]]]:
    raw = json.loads((package() / "icons" / "heroicons.json").read_text("utf-8"))
    icons: dict[str, list[dict[str, str]]] = raw["icons"]
    return icons


def names() -> tuple[str, ...]:
    """Every bundled icon's name, sorted."""
    return tuple(sorted(_data()))


def known(name: str) -> bool:
    return name in _data()


def suggestion(name: str) -> str:
    """" (did you mean 'light-bulb'?)" for a name close to a bundled icon's, else ""."""
    close = difflib.get_close_matches(name, names(), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


@functools.lru_cache(maxsize=512)
def icon(name: str, owner: object = None, field: tuple[str | int, ...] = ("icon",)) -> Icon:
    """The bundled icon called ``name``; ExportError naming ``owner``'s ``field`` if there is none."""
    paths = _data().get(name)
    if paths is None:
        raise ExportError(f"no bundled icon {name!r}{suggestion(name)}; `facilitate list icons` shows them all", owner, field)
    return Icon(name, tuple(IconPath(p["rule"] == "evenodd", _parse(p["outline"])) for p in paths))


def _cubic(start: tuple[float, float], c1: tuple[float, float], c2: tuple[float, float], end: tuple[float, float], steps: int) -> list[tuple[float, float]]:
    points = []
    for step in range(1, steps + 1):
        t = step / steps
        u = 1 - t
        points.append((
            u**3 * start[0] + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t**3 * end[0],
            u**3 * start[1] + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t**3 * end[1],
        ))
    return points


def polygons(item: Icon, steps: int = 8) -> tuple[tuple[tuple[float, float], ...], ...]:
    """Every closed outline of the icon as a polygon in the 24 x 24 box (curves cut into ``steps`` lines)."""
    out: list[tuple[tuple[float, float], ...]] = []
    for path in item.paths:
        current: list[tuple[float, float]] = []
        for letter, values in path.commands:
            if letter == "M":
                if len(current) > 2:
                    out.append(tuple(current))
                current = [(values[0], values[1])]
            elif letter == "L":
                current.append((values[0], values[1]))
            elif letter == "C":
                start = current[-1]
                current += _cubic(start, (values[0], values[1]), (values[2], values[3]), (values[4], values[5]), steps)
            elif len(current) > 2:  # Z
                out.append(tuple(current))
                current = [current[0]]
        if len(current) > 2:
            out.append(tuple(current))
    return tuple(out)
