"""Templates in any language and from any program: layouts found by what they hold, logos kept off their artwork."""

from __future__ import annotations

import warnings

import attrs
import pytest
from PIL import Image
from pptx import Presentation

from facilitate.errors import ExportError, FacilitateWarning
from facilitate.exporters.pptx import describe
from facilitate.layout import slides as spec
from facilitate.layout.slides.template import choose_layouts
from facilitate.model import TemplateLayouts
from tests import office_decks, tools
from tests.conftest import small_pack as _small_pack, small_session
from tests.exporters.test_pptx import built



def small_pack():
    """The small pack, closing with a quote, so that every kind of layout is used."""
    from facilitate.model import Quote

    return _small_pack(session=small_session(quotes=(Quote("Partnerships are a means to an end.", "A head teacher"),)))


def layouts_used(path) -> dict[str, set[str]]:
    """Kind of slide (from the model) → the names of the template layouts its slides were built on."""
    prs = Presentation(path)
    model = spec.build_deck(small_pack())
    used: dict[str, set[str]] = {}
    for slide, expected in zip(prs.slides, model.slides):
        used.setdefault(expected.layout, set()).add(slide.slide_layout.name)
    return used


def build_quietly(tmp_path, pack, name="out", **options):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        path = built(tmp_path, pack, name, **options)
    told = [str(w.message) for w in caught if issubclass(w.category, FacilitateWarning)]
    return path, told


def test_powerpoints_own_layouts_are_found_by_what_they_hold():
    choice = choose_layouts(describe(Presentation()))
    assert {kind: choice.layout(kind).name for kind in spec.LAYOUTS} == spec.LAYOUT_NAMES
    assert choice.warning is None


def test_a_french_template_works_with_no_mapping(tmp_path):
    template = office_decks.french_template(tmp_path / "modele.pptx")
    path, told = build_quietly(tmp_path, small_pack(), template=str(template))
    assert told == []
    assert layouts_used(path) == {
        spec.TITLE_LAYOUT: {"Diapositive de titre"},
        spec.CONTENT_LAYOUT: {"Titre et contenu"},
        spec.SECTION_LAYOUT: {"Titre de section"},
        spec.TITLE_ONLY_LAYOUT: {"Titre seul"},
        spec.BLANK_LAYOUT: {"Vide"},
    }


def test_a_template_saved_as_a_powerpoint_template_file_works(tmp_path):
    """Organisations hand out their brand template as .potx; the deck made from it is a .pptx."""
    import zipfile

    template = office_decks.saved_as(office_decks.french_template(tmp_path / "modele.pptx"), ".potx")
    path, told = build_quietly(tmp_path, small_pack(), template=str(template))
    assert told == []
    assert layouts_used(path)[spec.CONTENT_LAYOUT] == {"Titre et contenu"}
    types = zipfile.ZipFile(path).read("[Content_Types].xml").decode()
    assert "presentationml.presentation.main+xml" in types and "template.main" not in types
    assert len(Presentation(str(path)).slides) > 1


@pytest.mark.parametrize("suffix", [".pptm", ".potm"])
def test_a_macro_enabled_template_is_refused_with_how_to_save_it(tmp_path, suffix):
    from click.testing import CliRunner

    from facilitate.cli import main

    template = office_decks.saved_as(office_decks.french_template(tmp_path / "modele.pptx"), suffix)
    result = CliRunner().invoke(main, ["build", "-f", "pptx", "--template", str(template), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()
    assert str(template) in line and "macro-enabled" in line and ".potx" in line
    assert not (tmp_path / "out" / "deck.pptx").exists()


def test_a_google_slides_download_works(tmp_path):
    template = office_decks.google_template(tmp_path / "google.pptx")
    path, told = build_quietly(tmp_path, small_pack(), template=str(template))
    assert told == []
    used = layouts_used(path)
    assert used[spec.TITLE_LAYOUT] == {"TITLE"}
    # Three layouts hold a title and a body (TITLE_AND_BODY, ONE_COLUMN_TEXT, BIG_NUMBER): the name decides.
    assert used[spec.CONTENT_LAYOUT] == {"TITLE_AND_BODY"}
    # Google's section header holds a title only; its layout type says what it is.
    assert used[spec.SECTION_LAYOUT] == {"SECTION_HEADER"}
    assert used[spec.TITLE_ONLY_LAYOUT] == {"TITLE_ONLY"}
    assert used[spec.BLANK_LAYOUT] == {"BLANK"}
    prs = Presentation(path)
    section = next(s for s in prs.slides if s.slide_layout.name == "SECTION_HEADER")
    assert section.shapes.title.text_frame.text == "Part one"
    texts = [shape.text_frame.text for shape in section.shapes if shape.has_text_frame]
    assert any(text.startswith("Part 1 of 3") for text in texts)  # drawn as a shape: the layout has no body


def test_a_libreoffice_template_has_no_section_header_and_says_so_once(tmp_path):
    template = office_decks.libreoffice_pptx(office_decks.odp_page("Our template"), tmp_path / "impress.pptx")
    names = [layout.name for layout in Presentation(template).slide_layouts]
    assert "Title, Content" in names and "Section Header" not in names
    path, told = build_quietly(tmp_path, small_pack(), template=str(template))
    assert len(told) == 1
    assert "impress.pptx: section slides use 'Title Only' (it has no section header layout)" in told[0]
    assert "\n" not in told[0]
    used = layouts_used(path)
    assert used[spec.TITLE_LAYOUT] == {"Title Slide"}
    assert used[spec.CONTENT_LAYOUT] == {"Title, Content"}
    assert used[spec.SECTION_LAYOUT] == used[spec.TITLE_ONLY_LAYOUT] == {"Title Only"}
    assert used[spec.BLANK_LAYOUT] == {"Blank Slide"}
    pdf = tools.to_pdf(path, tmp_path / "pdf")
    text = tools.pdftotext(pdf)
    assert text.count("\f") == len(Presentation(path).slides)
    assert "Part one" in text and "Our conversation today" in text


def _without_section_header(tmp_path):
    prs = Presentation()
    divider = next(layout for layout in prs.slide_layouts if layout.name == "Section Header")
    office_decks.set_layout(divider, "Divider", "", (("title", 0), ("body", 1)), shape_names="Shape {id}")
    path = tmp_path / "no-section.pptx"
    prs.save(path)
    return path


def test_a_template_with_only_a_blank_layout_builds_with_one_warning_line(tmp_path):
    from click.testing import CliRunner

    from facilitate.cli import main

    prs = Presentation()
    layouts = prs.slide_masters[0].slide_layouts
    for layout in [layout for layout in layouts if layout.name != "Blank"]:
        layouts.remove(layout)
    prs.save(tmp_path / "blank.pptx")
    result = CliRunner().invoke(main, ["build", "-f", "pptx", "--template", str(tmp_path / "blank.pptx"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    (warning,) = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert "the title slide uses 'Blank' (it has no title slide layout); slides of title and text use 'Blank'" in warning
    used = layouts_used(tmp_path / "out" / "deck.pptx")
    assert spec.TITLE_LAYOUT in used and set().union(*used.values()) == {"Blank"}


def test_a_template_lacking_a_section_header_falls_back_to_title_only(tmp_path, capsys):
    template = _without_section_header(tmp_path)
    path, told = build_quietly(tmp_path, small_pack(), template=str(template))
    assert told == [
        f"{template}: section slides use 'Title Only' (it has no section header layout); to choose another,"
        " name it under layouts: in the theme"
    ]
    prs = Presentation(path)
    model = spec.build_deck(small_pack())
    for slide, expected in zip(prs.slides, model.slides):
        if expected.kind == "section":
            assert slide.slide_layout.name == "Title Only"
            assert slide.shapes.title.text_frame.text == expected.title_text


def test_the_cli_prints_the_warning_on_one_line(tmp_path):
    from click.testing import CliRunner

    from facilitate.cli import main

    template = _without_section_header(tmp_path)
    result = CliRunner().invoke(main, ["build", "-o", str(tmp_path / "pack"), "-f", "pptx", "--template", str(template)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert lines == [f"warning: {template}: section slides use 'Title Only' (it has no section header layout);"
                     " to choose another, name it under layouts: in the theme"]


def _two_content_layouts(tmp_path):
    prs = Presentation()
    layouts = list(prs.slide_layouts)
    office_decks.set_layout(layouts[3], "Contenu A", "obj", (("title", 0), ("obj", 1)), shape_names="Shape {id}")
    office_decks.set_layout(layouts[1], "Contenu B", "obj", (("title", 0), ("obj", 1)), shape_names="Shape {id}")
    path = tmp_path / "two.pptx"
    prs.save(path)
    return path


def test_the_themes_layouts_name_one_when_two_hold_the_same(tmp_path):
    template = _two_content_layouts(tmp_path)
    path, _ = build_quietly(tmp_path, small_pack(), "first", template=str(template))
    assert layouts_used(path)[spec.CONTENT_LAYOUT] == {"Contenu B"}  # the earlier one in the template
    pack = small_pack()
    pack = attrs.evolve(pack, theme=attrs.evolve(pack.theme, layouts=TemplateLayouts(content="Contenu A")))
    path, _ = build_quietly(tmp_path, pack, "named", template=str(template))
    assert layouts_used(path)[spec.CONTENT_LAYOUT] == {"Contenu A"}


def test_a_layout_the_theme_names_must_exist(tmp_path):
    pack = small_pack()
    pack = attrs.evolve(pack, theme=attrs.evolve(pack.theme, layouts=TemplateLayouts(section="Intercalaire")))
    with pytest.raises(ExportError) as caught:
        built(tmp_path, pack)
    message = str(caught.value)
    assert message.startswith("theme: layouts.section: the default template has no layout named 'Intercalaire'")
    assert "'Section Header'" in message


def test_a_theme_file_names_layouts(tmp_path):
    from facilitate.loaders.content import load_object
    from facilitate.errors import LoadError

    good = tmp_path / "brand.yaml"
    good.write_text("kind: theme\nid: brand\nlayouts:\n  section: Titre de section\n  title_only: Titre seul\n")
    theme = load_object(good)
    assert theme.layouts.named() == {"section": "Titre de section", "title_only": "Titre seul"}
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: theme\nid: brand\nlayouts:\n  sections: Titre de section\n")
    with pytest.raises(LoadError, match=r"bad.yaml:4: layouts.sections: unknown key 'sections' \(did you mean 'section'\?\)"):
        load_object(bad)


# --- logos and the template's own artwork ---------------------------------------------------


def _logo(path, colour="#1f4e79", size=(400, 100)):
    Image.new("RGB", size, colour).save(path)
    return path


def _overlap(a, b) -> bool:
    return a.left < b.left + b.width and b.left < a.left + a.width and a.top < b.top + b.height and b.top < a.top + a.height


def _with_logos(tmp_path, partner=True):
    pack = small_pack()
    theme = attrs.evolve(pack.theme, logo=str(_logo(tmp_path / "cep.png")), organisation="CEP")
    if partner:
        theme = attrs.evolve(theme, partner_logo=str(_logo(tmp_path / "school.png", "#2e7d32", (200, 200))),
                             partner="Hillside School")
    return attrs.evolve(pack, theme=theme)


def _pictures(slide):
    return [shape for shape in slide.shapes if shape.shape_type == 13]


def test_two_logos_on_the_title_slide_with_alt_text(tmp_path):
    prs = Presentation(built(tmp_path, _with_logos(tmp_path)))
    logos = _pictures(prs.slides[0])
    assert [p._element.nvPicPr.cNvPr.get("descr") for p in logos] == ["Logo of CEP", "Logo of Hillside School"]
    assert not _overlap(logos[0], logos[1])
    assert abs(logos[0].width / logos[0].height - 4) < 0.02 and abs(logos[1].width / logos[1].height - 1) < 0.02


def test_logos_keep_off_the_masters_artwork(tmp_path):
    prs = Presentation()
    office_decks.add_artwork(prs.slide_master, (540, 20, 140, 70), _logo(tmp_path / "brand.png", "#c62828"))
    template = tmp_path / "branded.pptx"
    prs.save(template)
    deck = Presentation(built(tmp_path, _with_logos(tmp_path), template=str(template)))
    artwork = next(s for s in deck.slide_master.shapes if s.name == "Brand logo")
    logos = _pictures(deck.slides[0])
    assert len(logos) == 2
    for logo in logos:
        assert not _overlap(logo, artwork)
        assert logo.left < deck.slide_width / 2  # moved to the free top-left corner


def test_no_room_for_logos_leaves_them_off_with_a_warning(tmp_path):
    prs = Presentation()
    office_decks.add_artwork(prs.slide_master, (500, 10, 210, 100), _logo(tmp_path / "a.png"))
    office_decks.add_artwork(prs.slide_master, (10, 10, 250, 100), _logo(tmp_path / "b.png"), name="Strap")
    template = tmp_path / "busy.pptx"
    prs.save(template)
    path, told = build_quietly(tmp_path, _with_logos(tmp_path, partner=False), template=str(template))
    assert _pictures(Presentation(path).slides[0]) == []
    assert told == [f"{template}: no room for the logo of CEP on the title slide: the template's own artwork fills"
                    " both top corners, so facilitate leaves them off"]


def test_the_title_layouts_picture_placeholder_holds_the_logos(tmp_path):
    prs = Presentation()
    title = prs.slide_layouts[0]
    office_decks.set_layout(title, "Title Slide", "title", (("ctrTitle", 0), ("subTitle", 1), ("pic", 13)),
                            shape_names="Shape {id}")
    template = tmp_path / "with-picture.pptx"
    prs.save(template)
    deck = Presentation(built(tmp_path, _with_logos(tmp_path, partner=False), template=str(template)))
    (logo,) = _pictures(deck.slides[0])
    x, y, w, h = office_decks._BOXES["pic"]
    emu = office_decks.EMU
    assert x * emu <= logo.left and logo.left + logo.width <= (x + w) * emu + 1
    assert y * emu <= logo.top and logo.top + logo.height <= (y + h) * emu + 1
