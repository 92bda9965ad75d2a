"""Image files named in content files: found, kept inside the content folder, and checked.

Every picture and logo is checked when its file is loaded, so ``facilitate validate``
reports a bad image before a build: the file exists, stays inside the content file's
folder, and is a PNG, JPEG or SVG that can be read and is not absurdly large (the checks
are :func:`facilitate.images.inspect_image`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from facilitate.images import ImageProblem, inspect_image
from facilitate.model.picture import IMAGE_SUFFIXES, Picture

if TYPE_CHECKING:
    from facilitate.loaders.content import Document

def resolve_image(document: Document, value: str | None, field_path: tuple[str | int, ...], must_exist: bool = True) -> str | None:
    """An image path from a content file, made absolute and checked; a LoadError at ``field_path`` if it cannot be used."""
    from facilitate.loaders.content import resolve_path

    if value is None:
        return None
    if Path(value).suffix.lower() not in IMAGE_SUFFIXES:
        raise document.error(field_path, f"image {value!r} must be a PNG, JPEG or SVG file")
    path = resolve_path(document, value, field_path, "image", IMAGE_SUFFIXES, must_exist)
    if must_exist:
        try:
            inspect_image(path)
        except ImageProblem as problem:
            raise document.error(field_path, f"image {value!r} {problem}") from None
    return path


def resolve_picture(document: Document, picture: Picture | None, field_path: tuple[str | int, ...]) -> Picture | None:
    """A picture with its path made absolute and its file checked (errors at ``field_path.path``)."""
    if picture is None:
        return None
    path = resolve_image(document, picture.path, field_path + ("path",))
    assert path is not None
    return attrs.evolve(picture, path=path)
