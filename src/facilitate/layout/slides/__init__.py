"""The slide deck as plain data: what each slide says, where its text sits and at what size.

Like pandoc's PowerPoint writer, the deck is built from the pack first as a tuple of slide
specs, tested without any XML; the PPTX exporter only draws them. Split by job:

- ``spec``: the slide model (Box, Paragraph, TextBox, Chart, Table, Picture, Vector, Slide, Deck),
  the layout names and the slide grid;
- ``fitting``: how slide text fits, through the one engine (layout.textfit): shrink to a
  floor (18 pt for body text), past the floor split a list across continuation slides
  ("(2/2)"), and only text that cannot fit even alone raises TextOverflowError naming
  the slide;
- ``deck``: the builder walking the session (title, tracker, section, content, break,
  quote) and ``build_deck``;
- ``activities``: the slides of cards, reflection, the ladder, the curve and the rubric;
- ``charts``: the curve and scores charts and the rubric tables, as data;
- ``template``: a PowerPoint template as data, and which of its layouts each kind of
  slide uses (found by what the layouts hold, in any language).
- ``vectors``: icons and QR codes as filled outlines (``Vector``) with a web address under a code.

The names below are the package's public surface: ``slides.build_deck(...)``,
``slides.Deck`` and so on.
"""

from __future__ import annotations

from facilitate.layout.slides.charts import curve_chart, date_axis, rubric_tables, scores_chart
from facilitate.layout.slides.deck import TRACKER_TITLE, build_deck, segment_notes
from facilitate.layout.slides.template import LayoutChoice, Placeholder, Template, TemplateLayout, choose_layouts
from facilitate.layout.slides.fitting import (
    BODY_MAX,
    BODY_MIN,
    LEADING,
    PARAGRAPH_GAP,
    STEP,
    TABLE_MAX,
    TABLE_MIN,
    TITLE_MAX,
    TITLE_MIN,
    WIDTH_SAFETY,
    Draft,
    fit_box,
    fits,
    largest_size,
    paragraph_lines,
    split_to_fit,
    text_area,
    text_height,
)
from facilitate.layout.slides.spec import (
    ARROW_SHAFT,
    BAND_HEIGHT,
    BLANK_LAYOUT,
    BODY_TOP,
    BOTTOM,
    CONTENT_LAYOUT,
    INSET_X,
    INSET_Y,
    LAYOUT_NAMES,
    LAYOUTS,
    MARGIN,
    SECTION_LAYOUT,
    SLIDE_SIZES,
    TITLE_HEIGHT,
    TITLE_LAYOUT,
    TITLE_ONLY_LAYOUT,
    TITLE_TOP,
    Box,
    Cell,
    Chart,
    Deck,
    Element,
    Paragraph,
    Picture,
    Series,
    Slide,
    Table,
    TextBox,
    Vector,
    slide_size,
)

__all__ = [
    "ARROW_SHAFT", "BAND_HEIGHT", "BLANK_LAYOUT", "BODY_MAX", "BODY_MIN", "BODY_TOP", "BOTTOM", "CONTENT_LAYOUT",
    "INSET_X", "INSET_Y", "LAYOUT_NAMES", "LAYOUTS", "LEADING", "MARGIN", "PARAGRAPH_GAP", "SECTION_LAYOUT", "SLIDE_SIZES", "STEP",
    "TABLE_MAX", "TABLE_MIN", "TITLE_HEIGHT", "TITLE_LAYOUT", "TITLE_MAX", "TITLE_MIN", "TITLE_ONLY_LAYOUT",
    "TITLE_TOP", "TRACKER_TITLE", "WIDTH_SAFETY",
    "Box", "Cell", "Chart", "Deck", "Draft", "Element", "Paragraph", "Picture", "Series", "Slide", "Table", "TextBox",
    "LayoutChoice", "Placeholder", "Template", "TemplateLayout", "Vector",
    "build_deck", "choose_layouts", "curve_chart", "date_axis", "fit_box", "fits", "largest_size",
    "paragraph_lines",
    "rubric_tables", "scores_chart", "segment_notes", "slide_size", "split_to_fit", "text_area", "text_height",
]
