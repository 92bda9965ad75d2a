"""Where a picture goes in its box: fitted whole (logos) or cropped to fill it (photos).

Pure arithmetic on pixel sizes and boxes; a picture is never stretched. ``contain``
places the whole picture inside a box, keeping its proportions; ``cover`` says how much
to cut from each side so that it fills the box (the crop PowerPoint keeps on the picture
as its ``srcRect``, and the PDF renderers cut from the pixels).
"""

from __future__ import annotations

import attrs


@attrs.frozen
class Crop:
    """The share of a picture cut from each side, 0 to 1."""

    left: float = 0.0
    top: float = 0.0
    right: float = 0.0
    bottom: float = 0.0

    def as_tuple(self) -> tuple[float, float, float, float]:
        return (self.left, self.top, self.right, self.bottom)


@attrs.frozen
class Placed:
    """A picture's frame in points (x, y from the top-left or bottom-left, as the caller's box is) and its crop."""

    x: float
    y: float
    width: float
    height: float
    crop: Crop = Crop()


def cover(pixels: tuple[int, int], box: tuple[float, float, float, float]) -> Placed:
    """The picture filling ``box`` (x, y, width, height), cut evenly from the sides that do not fit."""
    x, y, width, height = box
    image_w, image_h = max(pixels[0], 1), max(pixels[1], 1)
    image_ratio, box_ratio = image_w / image_h, width / max(height, 1e-9)
    if image_ratio > box_ratio:  # wider than the box: cut the left and right
        cut = (1 - box_ratio / image_ratio) / 2
        crop = Crop(left=cut, right=cut)
    elif image_ratio < box_ratio:  # taller: cut the top and bottom
        cut = (1 - image_ratio / box_ratio) / 2
        crop = Crop(top=cut, bottom=cut)
    else:
        crop = Crop()
    return Placed(x, y, width, height, crop)


def contain(pixels: tuple[int, int], box: tuple[float, float, float, float], align: str = "centre", valign: str = "middle") -> Placed:
    """The whole picture inside ``box``, as large as fits; ``align`` left | centre | right, ``valign`` top | middle | bottom."""
    x, y, width, height = box
    image_w, image_h = max(pixels[0], 1), max(pixels[1], 1)
    scale = min(width / image_w, height / image_h)
    shown_w, shown_h = image_w * scale, image_h * scale
    free_x, free_y = width - shown_w, height - shown_h
    dx = {"left": 0.0, "centre": free_x / 2, "right": free_x}[align]
    dy = {"top": 0.0, "middle": free_y / 2, "bottom": free_y}[valign]
    return Placed(x + dx, y + dy, shown_w, shown_h)
