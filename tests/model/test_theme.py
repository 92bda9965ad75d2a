from __future__ import annotations

import pytest

from facilitate.errors import ModelError
from facilitate.model import Theme, contrast_ratio
from facilitate.model.theme import CONTRAST_PAIRS


def test_wcag_contrast_extremes():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1)


@pytest.mark.parametrize(
    ("grey", "ratio"),
    # Published WCAG figures for grey text on white (WebAIM's contrast checker).
    [("#767676", 4.54), ("#777777", 4.48), ("#595959", 7.0), ("#949494", 3.03)],
)
def test_contrast_matches_published_figures(grey, ratio):
    assert contrast_ratio(grey, "#ffffff") == pytest.approx(ratio, abs=0.01)


@pytest.mark.parametrize("field", [fg for fg, _ in CONTRAST_PAIRS])
def test_every_text_pair_is_checked_at_the_aa_line(field):
    other = {"on_primary": {"primary": "#1f4e79"}}.get(field, {})
    # #767676 on white is just above 4.5:1 and #777777 just below; on the primary blue,
    # white passes and a mid grey does not.
    passing, failing = ("#ffffff", "#8a8a8a") if field == "on_primary" else ("#767676", "#777777")
    assert getattr(Theme(**{field: passing, **other}), field) == passing
    with pytest.raises(ModelError) as error:
        Theme(**{field: failing, **other})
    assert error.value.field_path == (field,)


def test_low_contrast_theme_is_refused_naming_the_field():
    with pytest.raises(ModelError) as error:
        Theme(text="#dddddd")
    assert error.value.field_path == ("text",)


def test_bad_colour_syntax():
    with pytest.raises(ModelError, match="not a colour"):
        Theme(primary="blue")
