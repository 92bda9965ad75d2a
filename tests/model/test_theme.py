from __future__ import annotations

import pytest

from facilitate.errors import ModelError
from facilitate.model import Theme, contrast_ratio
from facilitate.model.theme import CONTRAST_PAIRS


def test_wcag_contrast_extremes():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1)


def test_default_theme_meets_wcag_aa_everywhere():
    theme = Theme()
    for fg, bg in CONTRAST_PAIRS:
        assert contrast_ratio(getattr(theme, fg), getattr(theme, bg)) >= 4.5
    for colour in theme.palette:
        assert contrast_ratio("#ffffff", colour) >= 4.5


def test_low_contrast_theme_is_refused_naming_the_field():
    with pytest.raises(ModelError) as error:
        Theme(text="#dddddd")
    assert error.value.field_path == ("text",)


def test_bad_colour_syntax():
    with pytest.raises(ModelError, match="not a colour"):
        Theme(primary="blue")
