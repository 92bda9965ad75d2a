"""Two logos, the organisation's and the partner's: on the title slide, the handouts' headers and the card backs."""

from __future__ import annotations

import io
import zipfile

import attrs
import docx
import pdfplumber
from PIL import Image
from pptx import Presentation

from facilitate.building import build
from facilitate.exporters import cards_pdf
from facilitate.cluster import personalise
from facilitate.model import Member
from tests.conftest import small_pack
from tests.test_images import photo


def logo_pack(tmp_path):
    Image.new("RGB", (400, 100), "#1f4e79").save(tmp_path / "cep.png")
    photo(tmp_path / "school.jpg", (3000, 3000))  # a big square crest, as a school sends it
    pack = small_pack()
    theme = attrs.evolve(pack.theme, logo=str(tmp_path / "cep.png"), organisation="Coastal Education Partnership")
    pack = attrs.evolve(pack, theme=theme)
    return personalise(pack, Member("Hillside Primary School", logo=str(tmp_path / "school.jpg")))


def test_a_cluster_member_is_the_partner_beside_the_organisation(tmp_path):
    pack = logo_pack(tmp_path)
    assert pack.theme.organisation == "Coastal Education Partnership" and pack.theme.partner == "Hillside Primary School"
    assert [logo.alt for logo in pack.theme.logos()] == ["Logo of Coastal Education Partnership", "Logo of Hillside Primary School"]
    assert pack.session.hosts[0] == "Hillside Primary School"


def test_both_logos_everywhere_and_downsampled(tmp_path):
    pack = logo_pack(tmp_path)
    out = tmp_path / "pack"
    build(pack, out, ["pptx", "handouts", "docx", "cards"])
    deck = Presentation(out / "deck.pptx")
    logos = [s for s in deck.slides[0].shapes if s.shape_type == 13]
    assert [s._element.nvPicPr.cNvPr.get("descr") for s in logos] == [
        "Logo of Coastal Education Partnership", "Logo of Hillside Primary School"]

    with pdfplumber.open(out / "handout.pdf") as pdf:
        for page in pdf.pages:
            header = [image for image in page.images if image["top"] < 60]
            assert len(header) == 2, page.page_number
            for image in header:
                assert image["x1"] <= float(page.width) - 40  # inside the right margin
                # 16 pt high at 200 dpi: about 45 pixels, not the crest's 3000.
                assert image["srcsize"][1] <= 60
        first = pdf.pages[0].extract_text()
        assert "Coastal Education Partnership · Hillside Primary School" in first

    word = docx.Document(out / "handout.docx")
    header = word.sections[0].header
    descriptions = header._element.xpath(".//wp:docPr/@descr")
    assert descriptions == ["Logo of Coastal Education Partnership", "Logo of Hillside Primary School"]
    with zipfile.ZipFile(out / "handout.docx") as package:
        media = [name for name in package.namelist() if name.startswith("word/media/")]
        assert media and all(package.getinfo(name).file_size < 60_000 for name in media)

    with pdfplumber.open(out / "cards.pdf") as pdf:
        backs = next(page for page in pdf.pages if "Coastal" in page.extract_text() and "Card 1" not in page.extract_text())
        per_sheet = cards_pdf.plan(cards_pdf.CardOptions()).per_sheet
        assert len(backs.images) >= 2 * per_sheet  # two logos on each back of a full sheet
        text = backs.extract_text()
        assert "Coastal Education Partnership · Hillside Primary School" in " ".join(text.split())


def test_a_logo_as_svg_is_drawn_in_the_pdfs(tmp_path):
    from tests.test_images import SVG

    (tmp_path / "logo.svg").write_text(SVG)
    pack = small_pack()
    pack = attrs.evolve(pack, theme=attrs.evolve(pack.theme, logo=str(tmp_path / "logo.svg"), organisation="CEP"))
    build(pack, tmp_path / "out", ["handouts"])
    with pdfplumber.open(tmp_path / "out" / "handout.pdf") as pdf:
        (image,) = [i for i in pdf.pages[0].images if i["top"] < 60]
        data = image["stream"].get_data()
    assert data and image["srcsize"][0] > 100  # drawn sharp at print resolution
    assert io.BytesIO(data)
