"""The floor for decks: a bare python-pptx script writing the same slides and notes.

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
