"""Icons and QR codes as slide shapes: filled outlines placed in a box, and a web address to read.

The shapes are plain data (``spec.Vector``): the PowerPoint exporter draws each as one
freeform shape, so an icon or a QR code stays sharp at any size and can be recoloured.
"""

from __future__ import annotations

from facilitate.labels import ENGLISH, Labels
from facilitate.layout import fonts, icons, textfit
from facilitate.layout.qr import qr_code
from facilitate.layout.slides.fitting import WIDTH_SAFETY
from facilitate.layout.slides.spec import INSET_X, INSET_Y, Box, Element, Paragraph, TextBox, Vector

#: The web address under a QR code on a slide, in points.
ADDRESS_SIZE = 12.0


def icon_shape(name: str, box: Box, colour: str, owner: object = None) -> Vector:
    """The bundled icon ``name`` filling ``box`` (a square), in ``colour`` (an unknown name: an error naming ``owner``'s icon)."""
    item = icons.icon(name, owner)
    scale = min(box.width, box.height) / icons.GRID
    contours = tuple(
        tuple((round(box.x + x * scale, 3), round(box.y + y * scale, 3)) for x, y in polygon)
        for polygon in icons.polygons(item)
    )
    return Vector(box, contours, colour, f"Icon: {name.replace('-', ' ')}", name="icon", decorative=True)


#: The address under a code may be this many times wider than the code.
ADDRESS_WIDTH = 2.0


def _address_lines(url: str, side: float, wide: float = ADDRESS_WIDTH) -> tuple[str, ...]:
    # Measured as every slide text box is, with the same safety margin on its width.
    width = (side * wide - 2 * INSET_X) * WIDTH_SAFETY
    return textfit.wrap_address(fonts.printable(url), width, ADDRESS_SIZE, fonts.metrics("regular").width)


def address_height(url: str, side: float, wide: float = ADDRESS_WIDTH) -> float:
    """How tall the address under a ``side`` QR code is, in points (its box ``wide`` times the code's width)."""
    return len(_address_lines(url, side, wide)) * ADDRESS_SIZE * textfit.LEADING + 2 * INSET_Y


def qr_shapes(url: str, x: float, y: float, side: float, ink: str, wide: float = ADDRESS_WIDTH, labels: Labels = ENGLISH) -> list[Element]:
    """A ``side`` QR code for ``url`` with its top-left corner at (x, y), on white, the address under it
    (``address_height`` tall, ``wide`` times the code's width, its right edge the code's)."""
    code = qr_code(url)
    module = side / code.size
    squares = tuple(
        (
            (round(x + column * module, 3), round(y + row * module, 3)),
            (round(x + (column + length) * module, 3), round(y + row * module, 3)),
            (round(x + (column + length) * module, 3), round(y + (row + 1) * module, 3)),
            (round(x + column * module, 3), round(y + (row + 1) * module, 3)),
        )
        for row, column, length in code.runs
    )
    square = Box(x, y, side, side)
    address = Box(x + side - side * wide, square.bottom, side * wide, address_height(url, side, wide))
    return [
        TextBox(square, (), fill="#ffffff", name="qr ground"),
        Vector(square, squares, "#000000", labels.gettext("QR code for {url}").format(url=url), name="qr"),
        TextBox(address, tuple(Paragraph(line, ADDRESS_SIZE, colour=ink, align="right") for line in _address_lines(url, side, wide)),
                name="address"),
    ]
