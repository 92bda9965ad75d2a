"""The precomputed font metrics are exactly what the bundled TTFs say."""

from __future__ import annotations

from facilitate.layout import fonts


def test_metrics_file_matches_the_ttf_files():
    for weight in fonts.FILES:
        assert fonts.metrics(weight) == fonts.read_metrics(fonts.font_path(weight))


def test_coverage_of_the_scripts_the_docs_promise():
    text = "Cymraeg ŵŷ Māori āēīōū Polski ąćęłńóśźż Tiếng Việt ệộữ Ελληνικά Кириллица"
    assert fonts.metrics("regular").missing(text) == ()
    assert fonts.metrics("bold").missing(text) == ()
    assert fonts.metrics("regular").missing("漢") == ("漢",)


def test_widths_scale_with_size():
    m = fonts.metrics()
    assert m.width("Partnership", 20) == 2 * m.width("Partnership", 10) > 0

