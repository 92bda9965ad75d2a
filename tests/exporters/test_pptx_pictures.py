"""Pictures on slides: full-bleed under a readable title, beside text, on quotes and cards; cropped, never stretched."""

from __future__ import annotations

import io

import attrs
import pytest
from PIL import Image
from pptx import Presentation

from facilitate.layout import slides as spec
from facilitate.model import Picture, Quote, Segment, SessionPack
from facilitate.model.theme import contrast_ratio, mix
from tests import tools
from tests.conftest import small_deck, small_pack, small_session
from tests.exporters.test_pptx import built
from tests.test_images import photo

ALT = "Children reading in the school library"


def picture_pack(tmp_path, **segment):
    image = Picture(str(photo(tmp_path / "library.jpg", (4000, 3000))), ALT)
    segments = (
        Segment("welcome", "Welcome", 10, kind="welcome", image=image),
        Segment("why", "Why reading matters", 20, bullets=("Readers do better at everything", "It starts at home"), image=image),
        Segment("voice", "A voice from the room", 5, quote=Quote("Every child a reader.", "A head teacher", image=image)),
    )
    return SessionPack(small_session(segments=segments, conversation=()))


def test_a_picture_alone_fills_the_slide_under_its_title(tmp_path):
    deck = spec.build_deck(picture_pack(tmp_path))
    slide = next(s for s in deck.slides if s.segment == "welcome")
    picture, scrim = slide.backdrop
    assert isinstance(picture, spec.Picture) and picture.fit == "cover" and picture.alt_text == ALT
    assert picture.box == spec.Box(0, 0, deck.width, deck.height)
    assert slide.title is not None and slide.title.text == "Welcome"
    title = slide.title.box
    assert scrim.box.y <= title.y and scrim.box.bottom >= title.bottom  # the title sits on the scrim
    theme = small_pack().theme
    colour = slide.title.paragraphs[0].colour
    # Whatever the photo shows under the scrim (black to white), the title reads at WCAG AA.
    for under in ("#000000", "#ffffff", "#808080", "#ff0000"):
        assert contrast_ratio(colour, mix(under, scrim.fill, scrim.fill_opacity)) >= 4.5
    assert scrim.fill_opacity < 1.0 and colour == theme.on_primary


def test_a_picture_with_text_sits_beside_it(tmp_path):
    deck = spec.build_deck(picture_pack(tmp_path))
    slide = next(s for s in deck.slides if s.segment == "why")
    (picture,) = [s for s in slide.shapes if isinstance(s, spec.Picture)]
    assert slide.body is not None and slide.body.box.right < picture.box.x
    assert picture.fit == "cover" and picture.box.bottom <= deck.height
    quote = next(s for s in deck.slides if s.kind == "quote")
    (portrait,) = [s for s in quote.shapes if isinstance(s, spec.Picture)]
    text = next(s for s in quote.shapes if isinstance(s, spec.TextBox) and s.name == "quote")
    assert text.box.right < portrait.box.x


def test_a_cards_picture_is_beside_the_card_on_its_slide(tmp_path):
    deck = small_deck(2)
    image = Picture(str(photo(tmp_path / "park.jpg", (600, 900))), "A park with a bandstand")
    deck = attrs.evolve(deck, cards=(attrs.evolve(deck.cards[0], image=image), deck.cards[1]))
    model = spec.build_deck(small_pack(decks=(deck,)), cards_as_slides=True)
    cards = model.of_kind("card")
    (picture,) = [s for s in cards[0].shapes if isinstance(s, spec.Picture)]
    frame = next(s for s in cards[0].shapes if isinstance(s, spec.TextBox) and s.name == "card")
    assert frame.box.right < picture.box.x and picture.alt_text == "A park with a bandstand"
    assert not [s for s in cards[1].shapes if isinstance(s, spec.Picture)]


def _shown_ratio(picture) -> float:
    blip = picture._element.blipFill
    data = picture.image.blob
    with Image.open(io.BytesIO(data)) as image:
        width, height = image.size
    crop = blip.find("{http://schemas.openxmlformats.org/drawingml/2006/main}srcRect")
    shares = {side: int(crop.get(side, "0")) / 100000 for side in "ltrb"} if crop is not None else dict.fromkeys("ltrb", 0)
    return (width * (1 - shares["l"] - shares["r"])) / (height * (1 - shares["t"] - shares["b"]))


def test_pictures_are_cropped_on_the_picture_never_stretched_and_downsampled(tmp_path):
    prs = Presentation(built(tmp_path, picture_pack(tmp_path)))
    pictures = [shape for slide in prs.slides for shape in slide.shapes if shape.shape_type == 13]
    assert len(pictures) == 3
    for picture in pictures:
        assert picture._element.nvPicPr.cNvPr.get("descr") == ALT
        assert _shown_ratio(picture) == pytest.approx(picture.width / picture.height, rel=0.01)
        with Image.open(io.BytesIO(picture.image.blob)) as image:
            assert image.width <= 2000  # 960 pt at 150 dpi, not the photo's 4000 pixels
    full = pictures[0]
    assert (full.left, full.top, full.width, full.height) == (0, 0, prs.slide_width, prs.slide_height)
    assert full.crop_top == pytest.approx((1 - (4 / 3) / (16 / 9)) / 2, abs=1e-4) and full.crop_left == 0
    # The picture is behind the title: first in the slide's shape tree.
    slide = prs.slides[1]
    assert list(slide.shapes)[0].shape_type == 13
    assert slide.shapes.title.text_frame.text == "Welcome"


def test_an_svg_picture_is_drawn(tmp_path):
    from tests.test_images import SVG

    (tmp_path / "diagram.svg").write_text(SVG)
    image = Picture(str(tmp_path / "diagram.svg"), "Our partnership as a diagram")
    pack = SessionPack(small_session(segments=(Segment("map", "Our map", 10, bullets=("Who is in it",), image=image),),
                                     conversation=()))
    prs = Presentation(built(tmp_path, pack))
    (picture,) = [s for s in prs.slides[1].shapes if s.shape_type == 13]
    assert picture.image.content_type == "image/png"


def test_libreoffice_draws_the_title_over_the_picture(tmp_path):
    path = built(tmp_path, picture_pack(tmp_path))
    pdf = tools.to_pdf(path, tmp_path / "pdf")
    pages = tools.pdftotext(pdf).split("\f")
    # A segment that is only a quote is one slide: the quote (no empty slide before it).
    assert "Welcome" in pages[1] and "Why reading matters" in pages[2] and "Every child a reader" in pages[3]
