"""Rebuild src/facilitate/icons/heroicons.json from the Heroicons SVGs (the 24 px solid set).

    pip install heroicons svgelements      # the SVGs (MIT) and an SVG path parser
    python scripts/icons.py                # rewrites the JSON from the installed heroicons
    python scripts/icons.py --check        # exits 1 if the JSON is not what this script makes

Each icon becomes a list of filled paths in the 24 x 24 box, y down as in SVG, each with
its fill rule and its outline as absolute move/line/cubic/close commands ("M12,0.75 C..."): arcs are turned
into cubic curves here, so facilitate draws an icon without an SVG parser (reportlab's
paths in PDFs, flattened into polygons in PowerPoint). Only the path data is kept; the
icons' names are the file names.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import zipfile
from importlib import metadata
from pathlib import Path
from xml.etree import ElementTree

import heroicons
import svgelements

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "facilitate" / "icons" / "heroicons.json"
SVG = "{http://www.w3.org/2000/svg}"


def _number(value: float) -> float:
    rounded = round(value, 2)
    return 0.0 if rounded == 0 else rounded


def outline(d: str) -> str:
    """An SVG path's data as absolute "M x y", "L x y", "C x1 y1 x2 y2 x y" and "Z" commands, in one string."""
    path = svgelements.Path(d)
    path.approximate_arcs_with_cubics()
    commands: list[list] = []
    for segment in path.segments():
        if isinstance(segment, svgelements.Move):
            commands.append(["M", _number(segment.end.x), _number(segment.end.y)])
        elif isinstance(segment, svgelements.Close):
            commands.append(["Z"])
        elif isinstance(segment, svgelements.Line):
            commands.append(["L", _number(segment.end.x), _number(segment.end.y)])
        elif isinstance(segment, svgelements.CubicBezier):
            points = (segment.control1, segment.control2, segment.end)
            commands.append(["C", *(_number(v) for p in points for v in (p.x, p.y))])
        elif isinstance(segment, svgelements.QuadraticBezier):
            # The cubic with the same curve: control points two thirds of the way to the quadratic's.
            start, control, end = segment.start, segment.control, segment.end
            c1 = (start.x + 2 / 3 * (control.x - start.x), start.y + 2 / 3 * (control.y - start.y))
            c2 = (end.x + 2 / 3 * (control.x - end.x), end.y + 2 / 3 * (control.y - end.y))
            commands.append(["C", *(_number(v) for v in (*c1, *c2, end.x, end.y))])
        else:  # pragma: no cover - arcs were approximated above
            raise ValueError(f"unexpected segment {segment!r}")
    return " ".join(f"{command[0]}{','.join(f'{v:g}' for v in command[1:])}" for command in commands)


def icons() -> dict[str, list[dict]]:
    archive = Path(heroicons.__file__).parent / "heroicons.zip"
    found: dict[str, list[dict]] = {}
    with zipfile.ZipFile(archive) as bundle:
        for name in sorted(bundle.namelist()):
            if not (name.startswith("solid/") and name.endswith(".svg")):
                continue
            root = ElementTree.parse(io.BytesIO(bundle.read(name))).getroot()
            if root.get("viewBox") != "0 0 24 24":
                raise ValueError(f"{name}: expected a 24 x 24 view box")
            paths = []
            for element in root:
                if element.tag != f"{SVG}path":
                    raise ValueError(f"{name}: only paths are expected, found {element.tag}")
                paths.append({"rule": element.get("fill-rule", "nonzero"), "outline": outline(element.get("d"))})
            found[Path(name).stem] = paths
    return found


def render() -> str:
    body = {
        "source": "Heroicons (solid, 24 px) by Refactoring UI Inc., MIT licence: https://heroicons.com",
        "version": f"heroicons {metadata.version('heroicons')} (PyPI)",
        "size": 24,
        "icons": icons(),
    }
    return json.dumps(body, separators=(",", ":"), sort_keys=True) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the JSON is up to date")
    args = parser.parse_args()
    text = render()
    if args.check:
        if TARGET.read_text("utf-8") != text:
            print(f"{TARGET} is out of date: run python scripts/icons.py", file=sys.stderr)
            return 1
        return 0
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(text, "utf-8")
    print(f"wrote {TARGET} ({len(json.loads(text)['icons'])} icons)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
