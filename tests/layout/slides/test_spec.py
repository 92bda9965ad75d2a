"""The slide model: plain values, their texts in drawing order, and the slide sizes."""

from __future__ import annotations

import pytest

from facilitate.errors import ExportError
from facilitate.layout import slides as spec


def test_a_slides_texts_are_in_drawing_order_tables_last():
    title = spec.TextBox(spec.Box(0, 0, 100, 40), (spec.Paragraph("Title", 36),))
    body = spec.TextBox(spec.Box(0, 50, 100, 40), (spec.Paragraph("One", 28), spec.Paragraph("", 28), spec.Paragraph("Two", 28)))
    table = spec.Table(spec.Box(0, 0, 100, 20), (50, 50), (20,), ((spec.Cell("a"), spec.Cell("")),), 14)
    band = spec.TextBox(spec.Box(0, 100, 100, 40), (spec.Paragraph("20 min", 20),))
    slide = spec.Slide("input", spec.CONTENT_LAYOUT, title, "notes", "#ffffff", body=body, shapes=(table, band))
    assert slide.texts() == ("Title", "One", "Two", "20 min", "a")
    assert slide.title_text == "Title" and body.text == "One\n\nTwo"


def test_a_box_knows_its_edges_and_the_room_inside_its_margins():
    box = spec.Box(10, 20, 100, 50)
    assert (box.right, box.bottom) == (110, 70)
    assert (box.inner_width, box.inner_height) == (100 - 2 * spec.INSET_X, 50 - 2 * spec.INSET_Y)


def test_a_deck_finds_its_slides_by_kind():
    slides = tuple(spec.Slide(kind, spec.TITLE_ONLY_LAYOUT, None, "", "#ffffff") for kind in ("title", "input", "input"))
    deck = spec.Deck(960, 540, slides, "Day")
    assert deck.of_kind("input") == slides[1:] and deck.of_kind("quote") == ()


def test_slide_sizes_and_an_unknown_aspect():
    assert spec.slide_size("4:3") == spec.SLIDE_SIZES["4:3"]
    with pytest.raises(ExportError, match=r"unknown aspect '3:2' \(use: 16:9, 4:3\)"):
        spec.slide_size("3:2")
