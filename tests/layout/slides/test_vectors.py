"""Icons and QR codes on slides: the card's icon in its band, a QR code with its address, as filled outlines."""

from __future__ import annotations

import io

import attrs
from pptx import Presentation

from facilitate.building import build
from facilitate.layout import icons
from facilitate.layout import slides as spec
from facilitate.layout.qr import qr_code
from facilitate.options import BuildOptions
from facilitate.exporters.pptx import DeckOptions
from tests.conftest import small_deck, small_pack, small_session
from tests.layout.slides.checks import assert_everything_fits

URL = "https://example.org/partnerships/day-one"


def _pack():
    deck = small_deck(3)
    first = attrs.evolve(deck.cards[0], icon="light-bulb", url="https://example.org/cards/one")
    return small_pack(session=small_session(url=URL), decks=(attrs.evolve(deck, cards=(first, *deck.cards[1:])),))


def _vectors(slide: spec.Slide, name: str) -> list[spec.Vector]:
    return [s for s in slide.shapes if isinstance(s, spec.Vector) and s.name == name]


def test_the_title_slide_carries_the_sessions_qr_code_and_address():
    deck = spec.build_deck(_pack())
    (title,) = deck.of_kind("title")
    (code,) = _vectors(title, "qr")
    assert len(code.contours) == len(qr_code(URL).runs)  # one square per run of dark modules
    assert all(code.box.x <= x <= code.box.right + 1e-6 and code.box.y <= y <= code.box.bottom + 1e-6
               for contour in code.contours for x, y in contour)
    assert "".join(t for t in title.texts() if t.startswith(("https", "example", "partner", "day")) or "/" in t).replace(" ", "") in URL
    assert code.alt_text == f"QR code for {URL}"
    assert_everything_fits(deck)


def test_a_card_slide_has_its_icon_in_the_band_and_its_qr_code():
    deck = spec.build_deck(_pack(), cards_as_slides=True)
    first, second = deck.of_kind("card")[:2]
    (icon,) = _vectors(first, "icon")
    band = next(s for s in first.shapes if isinstance(s, spec.TextBox) and s.name == "category")
    assert icon.box.y >= band.box.y and icon.box.bottom <= band.box.bottom + 48
    assert len(icon.contours) == len(icons.polygons(icons.icon("light-bulb")))
    assert _vectors(first, "qr") and not _vectors(second, "qr") and not _vectors(second, "icon")
    assert_everything_fits(deck)


def test_pptx_draws_icons_and_qr_codes_as_freeform_shapes(tmp_path):
    (path,) = build(_pack(), tmp_path / "out", ["pptx"], BuildOptions(DeckOptions(cards_as_slides=True)))
    presentation = Presentation(io.BytesIO(path.read_bytes()))
    names = {}
    for slide in presentation.slides:
        for shape in slide.shapes:
            if shape.name in ("qr", "icon"):
                names.setdefault(shape.name, []).append(shape)
    assert len(names["qr"]) == 2 and len(names["icon"]) == 1
    code = names["qr"][0]
    paths = code.element.xpath(".//a:path")
    assert len(paths) == 1 and len(paths[0].xpath("./a:moveTo")) == len(qr_code(URL).runs)
    assert code.element.nvSpPr.cNvPr.get("descr") == f"QR code for {URL}"
