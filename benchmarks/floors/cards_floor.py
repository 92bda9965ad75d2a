"""A floor for cards: a bare reportlab script wrapping text with Paragraph; poker cards 8-up on A4, mirrored backs, crop marks.

It draws what facilitate's card face shows (a category band with its label, the card
title, the prompt as a wrapped Paragraph, a footer with the deck title and "n/N") and a
back with the deck's title, but none of facilitate's work around it: no fitting to the
box, no glyph checks, no YAML.

    python benchmarks/floors/cards_floor.py cards.json out.pdf FONT.ttf
"""

import json
import sys

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph

data = json.load(open(sys.argv[1], encoding="utf-8"))
pdfmetrics.registerFont(TTFont("Body", sys.argv[3]))
pdfmetrics.registerFont(TTFont("Bold", sys.argv[3].replace("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")))
style = ParagraphStyle("prompt", fontName="Body", fontSize=14, leading=17)
title_style = ParagraphStyle("title", fontName="Bold", fontSize=11, leading=13)
# facilitate's page: A4 landscape, 4 x 2 poker cards, each with 3 mm of bleed, 5 mm printer margin.
width, height, bleed, cols, rows = 63 * mm, 88 * mm, 3 * mm, 4, 2
gutter = 2 * bleed
left = (landscape(A4)[0] - cols * width - (cols - 1) * gutter) / 2
bottom = (landscape(A4)[1] - rows * height - (rows - 1) * gutter) / 2
pdf = canvas.Canvas(sys.argv[2], pagesize=landscape(A4), invariant=1)


def cell(index):
    row, col = divmod(index, cols)
    return left + col * (width + gutter), bottom + (rows - 1 - row) * (height + gutter)


def crop_marks(x, y):
    for cx in (x, x + width):
        pdf.line(cx, y - 5 * mm, cx, y - 1 * mm)
        pdf.line(cx, y + height + 1 * mm, cx, y + height + 5 * mm)
    for cy in (y, y + height):
        pdf.line(x - 5 * mm, cy, x - 1 * mm, cy)
        pdf.line(x + width + 1 * mm, cy, x + width + 5 * mm, cy)


cards = data["cards"]
for start in range(0, len(cards), rows * cols):
    sheet = cards[start : start + rows * cols]
    for index, card in enumerate(sheet):
        x, y = cell(index)
        pdf.setFillColorRGB(0.12, 0.31, 0.47)
        pdf.rect(x - bleed, y + height - 10 * mm, width + 2 * bleed, 10 * mm + bleed, stroke=0, fill=1)  # band into the bleed
        pdf.setFillColorRGB(1, 1, 1)
        pdf.setFont("Bold", 10)
        pdf.drawString(x + 3 * mm, y + height - 7 * mm, card.get("category") or data["title"])
        pdf.setFillColorRGB(0.12, 0.31, 0.47)
        title = Paragraph(card["title"], title_style)
        _, title_height = title.wrap(width - 6 * mm, 20 * mm)
        title.drawOn(pdf, x + 3 * mm, y + height - 12 * mm - title_height)
        pdf.setFillColorRGB(0, 0, 0)
        paragraph = Paragraph(card["prompt"], style)
        _, used = paragraph.wrap(width - 6 * mm, height - 30 * mm)
        paragraph.drawOn(pdf, x + 3 * mm, y + height - 14 * mm - title_height - used)
        pdf.setFillColorRGB(0.35, 0.35, 0.35)
        pdf.setFont("Body", 7)
        pdf.drawString(x + 3 * mm, y + 3 * mm, data["title"])
        pdf.drawRightString(x + width - 3 * mm, y + 3 * mm, f"{start + index + 1}/{len(cards)}")
        crop_marks(x, y)
    pdf.showPage()
    for index in range(len(sheet)):
        row, col = divmod(index, cols)
        x, y = cell((rows - 1 - row) * cols + col)  # long-edge duplex of a landscape sheet: rows mirrored
        pdf.setFillColorRGB(0.12, 0.31, 0.47)
        pdf.rect(x - bleed, y - bleed, width + 2 * bleed, height + 2 * bleed, stroke=0, fill=1)
        pdf.setFillColorRGB(1, 1, 1)
        pdf.setFont("Body", 12)
        pdf.drawCentredString(x + width / 2, y + height / 2, data["back"]["title"])
        crop_marks(x, y)
    pdf.showPage()
pdf.save()
