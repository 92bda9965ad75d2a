"""Text made safe for XML: the characters XML cannot hold left out, markup characters escaped.

Shared by the exporters that write XML themselves (the PPTX text bodies, the SVG pictures).
"""

from __future__ import annotations

import re

#: Control characters, lone surrogates and the two non-characters: XML 1.0 has no place for them.
INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def escape(value: str) -> str:
    """``&``, ``<`` and ``>`` as entities: what xml.sax.saxutils.escape does, without the
    urllib and http modules importing it brings (14 ms a process)."""
    return value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def clean(text: str) -> str:
    """Text without characters XML cannot hold."""
    return INVALID.sub("", text)


def text(value: str) -> str:
    """``value`` as XML character data."""
    return escape(clean(value))


def attribute(value: str) -> str:
    """``value`` for a double-quoted XML attribute."""
    return escape(clean(value)).replace('"', "&quot;")
