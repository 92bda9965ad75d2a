"""What every slide test checks of a deck: every text box holds its text and sits on the slide."""

from __future__ import annotations

from collections.abc import Iterator

from facilitate.layout import fonts
from facilitate.layout import slides as spec


def kinds(deck: spec.Deck) -> list[str]:
    return [slide.kind for slide in deck.slides]


def text_boxes(slide: spec.Slide) -> Iterator[spec.TextBox]:
    for box in (slide.title, slide.body, *slide.shapes):
        if isinstance(box, spec.TextBox):
            yield box


def assert_everything_fits(deck: spec.Deck) -> None:
    """Every text box holds its text (measured as the model measures, in the deck's font) and sits on the slide."""
    with fonts.measuring(deck.font):
        _fits(deck)


def _fits(deck: spec.Deck) -> None:
    for number, slide in enumerate(deck.slides, start=1):
        if slide.hidden_title:  # just above the slide, for screen readers: fitted, but off the slide
            assert slide.title is not None and slide.title.box.bottom <= 0, number
        for box in text_boxes(slide):
            area = spec.text_area(box.box, box.shape)
            if box.paragraphs:
                height = spec.text_height(box.paragraphs, area.inner_width)
                assert height <= area.inner_height + 1e-6, (number, slide.heading, box.name, height, area)
            if box is slide.title and slide.hidden_title:
                continue
            assert 0 <= box.box.x and box.box.right <= deck.width + 1e-6, (number, box.name)
            assert 0 <= box.box.y and box.box.bottom <= deck.height + 1e-6, (number, box.name)
        for shape in slide.shapes:
            if isinstance(shape, spec.Table):
                assert shape.box.bottom <= deck.height - spec.BOTTOM + 1e-6
                assert abs(sum(shape.column_widths) - shape.box.width) < 0.01
