"""Images a user names (card backs, logos): PNG or JPEG, their size checked before they are decoded.

A small file can hold a huge picture (a 100 kB PNG of 30,000 × 30,000 pixels decodes to
2.7 GB). Pillow reads only an image's header when it opens it, so the width and height are
known, and refused past :data:`MAX_PIXELS`, before reportlab or python-pptx decode a byte.
Every image comes in through :func:`read_image` (or :func:`check` at load), so there is
one limit and one message.
"""

from __future__ import annotations

import io
import os
import warnings

from facilitate.errors import LoadError

#: At most this many pixels (width × height): 40 megapixels, more than a phone camera's
#: photo at full size, decoded in about 160 MB.
MAX_PIXELS = 40_000_000
#: Image files are at most this large.
MAX_IMAGE_BYTES = 32 * 1024 * 1024
FORMATS = ("PNG", "JPEG")


def check(data: bytes, label: str) -> tuple[int, int]:
    """The width and height of the PNG or JPEG in ``data``; a LoadError naming ``label`` otherwise."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:  # reads the header only
                kind, (width, height) = image.format, image.size
    except Image.DecompressionBombError:  # Pillow's own, larger limit: the size is not given back
        raise LoadError(label, None, (), too_big_message(f"over {2 * (Image.MAX_IMAGE_PIXELS or 0) // 1_000_000:,} megapixels")) from None
    except (OSError, ValueError, SyntaxError) as error:
        raise LoadError(label, None, (), f"is not a PNG or JPEG image Pillow can read ({error})") from None
    if kind not in FORMATS:
        raise LoadError(label, None, (), f"is a {kind} image; use a PNG or JPEG")
    if width * height > MAX_PIXELS:
        raise LoadError(label, None, (), too_big_message(f"{width:,} × {height:,} pixels"))
    return width, height


def too_big_message(size: str) -> str:
    return (
        f"the image is {size}; images are limited to {MAX_PIXELS // 1_000_000} megapixels"
        " (for example 8000 × 5000): save a smaller copy"
    )


def read_image(path: str | os.PathLike[str], label: str | None = None) -> bytes:
    """The bytes of the image at ``path``, once it is known to be a PNG or JPEG of a sensible size."""
    from facilitate.files import read_bytes

    label = label or str(path)
    data = read_bytes(path, label, MAX_IMAGE_BYTES, "image", "images")
    check(data, label)
    return data
