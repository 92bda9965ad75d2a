"""The simplest deck script, and the floor for decks: python-pptx's public API, slides and notes.

What a competent python-pptx user writes first: the default template, a title slide, then
for each slide the "Title and Content" layout with its title and five bullets, and the
speaker notes through ``slide.notes_slide.notes_text_frame`` (the public API, which makes
each notes slide on first use). No fitting, no explicit fonts or sizes, no accessibility
work: the text inherits everything from the layout.

    python benchmarks/floors/pptx_floor.py deck.json out.pptx
"""

import json
import sys

from pptx import Presentation
from pptx.util import Inches

data = json.load(open(sys.argv[1], encoding="utf-8"))
deck = Presentation()
deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
title_slide = deck.slides.add_slide(deck.slide_layouts[0])
title_slide.shapes.title.text = data["title"]
layout = deck.slide_layouts[1]  # Title and Content
for item in data["slides"]:
    slide = deck.slides.add_slide(layout)
    slide.shapes.title.text = item["title"]
    body = slide.placeholders[1].text_frame
    body.text = item["bullets"][0]
    for bullet in item["bullets"][1:]:
        body.add_paragraph().text = bullet
    slide.notes_slide.notes_text_frame.text = item["notes"]
deck.save(sys.argv[2])
