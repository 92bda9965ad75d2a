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
    "pptx": ("facilitate.exporters.pptx", "deck.pptx"),
    "live": ("facilitate.exporters.live", "session.html"),
    "cards": ("facilitate.exporters.cards_pdf", "cards.pdf"),
    "handouts": ("facilitate.exporters.handout_pdf", "runsheet.pdf, handout.pdf and worksheets"),
}
DEFAULT_FORMATS = tuple(FORMATS)


def register(name: str, module: str, description: str) -> None:
    FORMATS[name] = (module, description)


def exporter_name(name: str) -> str:
    """``name`` if it is a known format, else a FacilitateError listing the formats."""
    if name not in FORMATS:
        raise FacilitateError(f"unknown format {name!r} (formats: {', '.join(FORMATS)})")
    return name


def exporter(name: str):
    """The exporter module for ``name``, imported now."""
    return importlib.import_module(FORMATS[exporter_name(name)][0])
