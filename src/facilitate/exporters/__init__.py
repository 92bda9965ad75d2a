"""Exporters: a registry of format name → module, imported only when used.

Each exporter module has ``outputs(pack, options) -> list[Output]`` and imports the model
(and layout) and its own third-party library, nothing of the other exporters.
"""

from __future__ import annotations

import importlib

from facilitate.errors import FacilitateError

#: format name → (module, what it produces). The order is the build order.
FORMATS: dict[str, tuple[str, str]] = {
    "markdown": ("facilitate.exporters.markdown", "handout.md and runsheet.md"),
    "html": ("facilitate.exporters.html", "handout.html and runsheet.html"),
}
DEFAULT_FORMATS = tuple(FORMATS)


def register(name: str, module: str, description: str) -> None:
    FORMATS[name] = (module, description)


def exporter(name: str):
    """The exporter module for ``name``, imported now."""
    try:
        module_name = FORMATS[name][0]
    except KeyError:
        raise FacilitateError(
            f"unknown format {name!r} (formats: {', '.join(FORMATS)})"
        ) from None
    return importlib.import_module(module_name)
