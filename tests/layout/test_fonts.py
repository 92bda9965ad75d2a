"""The precomputed font metrics are exactly what the TTFs say, and decks are measured with the font they name."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from facilitate.layout import fonts, textfit
from facilitate.model.theme import DECK_FONTS, Theme
from tests import tools


def test_metrics_file_matches_the_bundled_ttf_files():
    for weight in fonts.FILES:
        assert fonts.metrics(weight) == fonts.read_metrics(fonts.font_path(weight))


@pytest.mark.parametrize("font", sorted({f.twin for f in fonts.DECK_FONTS.values()} - {fonts.FAMILY}))
def test_metrics_file_matches_each_twin_as_debian_installs_it(font):
    deck_font = next(f for f in fonts.DECK_FONTS.values() if f.name == font)
    for weight, file in deck_font.files.items():
        path = Path(deck_font.folder) / file
        if not path.is_file():
            tools.missing(f"{path} (Debian package {deck_font.package})")
        assert fonts.metrics(weight, font) == fonts.read_metrics(path)


def test_the_model_and_the_metrics_know_the_same_deck_fonts():
    assert set(DECK_FONTS) == set(fonts.DECK_FONTS)
    assert Theme().font == "Arial"  # every presentation program has it


def test_arial_and_calibri_are_measured_with_their_metric_twins():
    # Liberation Sans and Carlito have the advance widths of Arial and Calibri: the same
    # text is narrower in Carlito and wider in DejaVu Sans than in Liberation Sans.
    text = "Stronger together: the Riverside cluster"
    arial, calibri, dejavu = (fonts.metrics("regular", name).width(text, 18) for name in ("Arial", "Calibri", "DejaVu Sans"))
    assert calibri < arial < dejavu
    assert fonts.metrics("regular", "Arial") == fonts.metrics("regular", "Liberation Sans")
    with fonts.measuring("Calibri"):
        assert fonts.measured() == "Calibri"
        assert textfit.measure_with()(text, 18) == pytest.approx(calibri)
    assert fonts.measured() == fonts.FAMILY  # PDFs measure the font they embed


def test_an_unknown_font_is_refused_naming_the_choices():
    from facilitate.errors import ModelError

    with pytest.raises(ModelError, match="is not one of: Arial, Calibri"):
        Theme(font="Gill Sans")


@pytest.mark.parametrize("font, twin", [("Arial", "Liberation Sans"), ("Calibri", "Carlito")])
def test_this_machine_draws_each_deck_font_with_its_twin(font, twin):
    """The LibreOffice renders in tests/exporters/test_pptx.py prove the twin's layout only
    if the named font resolves to the twin here (Debian: fonts-liberation2, fonts-crosextra-carlito)."""
    matched = subprocess.run([tools.tool("fc-match"), "--format=%{family}", font], capture_output=True, text=True, check=True).stdout
    if twin not in matched:
        tools.missing(f"{twin} (fc-match {font} gives {matched!r})")
    assert matched.split(",")[0] == twin


def test_coverage_of_the_scripts_the_docs_promise():
    text = "Cymraeg ŵŷ Māori āēīōū Polski ąćęłńóśźż Tiếng Việt ệộữ Ελληνικά Кириллица"
    assert fonts.metrics("regular").missing(text) == ()
    assert fonts.metrics("bold").missing(text) == ()
    assert fonts.metrics("regular").missing("漢") == ("漢",)


def test_widths_scale_with_size():
    m = fonts.metrics()
    assert m.width("Partnership", 20) == 2 * m.width("Partnership", 10) > 0
