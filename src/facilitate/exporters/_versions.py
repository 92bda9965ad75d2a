"""Versions of the libraries whose internals facilitate leans on (python-pptx, reportlab)."""

from __future__ import annotations

import importlib
import re

#: Where each library states its own version (reading the installed package's metadata
#: instead imports importlib.metadata and scans site-packages: 10 ms of every build).
_VERSION_ATTRIBUTE = {"reportlab": ("reportlab", "Version"), "python-pptx": ("pptx", "__version__")}


def release(version: str) -> tuple[int, ...]:
    """The release numbers of a version string: "1.0.2" → (1, 0, 2), "1.1.0rc1" → (1, 1, 0)."""
    numbers = []
    for part in version.split("."):
        digits = re.match(r"\d+", part)
        if digits is None:
            break
        numbers.append(int(digits.group()))
        if digits.group() != part:
            break
    return tuple(numbers)


def within(package: str, tested: tuple[tuple[int, ...], tuple[int, ...]]) -> tuple[bool, str]:
    """Whether the installed ``package`` is in the range ``tested`` (from, and below), and its version."""
    found = installed(package)
    low, high = tested
    return low <= release(found) < high, found


def installed(package: str) -> str:
    """The version of ``package`` (one of those above) that is imported."""
    module, attribute = _VERSION_ATTRIBUTE[package]
    return str(getattr(importlib.import_module(module), attribute))
