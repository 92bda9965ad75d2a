"""The simplest card script: what a competent reportlab user writes first, and the fastest floor for cards.

The same page as facilitate's card sheets: poker cards 8-up on A4 landscape with 3 mm bleed, each with a coloured
category band and its label, the title, the prompt, a footer with the deck's title and
"n/N", crop marks round every card, and a sheet of mirrored backs (the deck's colour and
back title) after every sheet of fronts, in embedded DejaVu Sans. Text is wrapped with
``simpleSplit`` and drawn line by line with ``drawString``: no Paragraph, no fitting to
the box (the prompt is drawn at one size, 12 pt, whatever its length), no glyph checks.

    python benchmarks/floors/cards_simple.py cards.json out.pdf FONT.ttf
    python benchmarks/floors/cards_simple.py cards.yaml out.pdf FONT.ttf   # the same deck, read with libyaml

Given JSON it reads the deck with ``json.load`` (the fastest input there is: the floor the
targets are set against); given the YAML facilitate reads, with PyYAML's libyaml loader
(``CSafeLoader``), as a user who knows PyYAML would.
"""

import json
import sys

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

if sys.argv[1].endswith(".yaml"):
    import yaml

    data = yaml.load(open(sys.argv[1], encoding="utf-8"), Loader=yaml.CSafeLoader)
else:
    data = json.load(open(sys.argv[1], encoding="utf-8"))
pdfmetrics.registerFont(TTFont("Body", sys.argv[3]))
pdfmetrics.registerFont(TTFont("Bold", sys.argv[3].replace("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")))
# facilitate's page: A4 landscape, 4 x 2 poker cards, each with 3 mm of bleed, 5 mm printer margin.
width, height, bleed, cols, rows = 63 * mm, 88 * mm, 3 * mm, 4, 2
gutter = 2 * bleed
inner = width - 6 * mm
left = (landscape(A4)[0] - cols * width - (cols - 1) * gutter) / 2
bottom = (landscape(A4)[1] - rows * height - (rows - 1) * gutter) / 2
colours = {"Place": (0.12, 0.31, 0.47), "People": (0.75, 0.31, 0.13), "Purpose": (0.2, 0.5, 0.3)}
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
        pdf.setFillColorRGB(*colours.get(card.get("category"), (0.12, 0.31, 0.47)))
        pdf.rect(x - bleed, y + height - 10 * mm, width + 2 * bleed, 10 * mm + bleed, stroke=0, fill=1)  # band into the bleed
        pdf.setFillColorRGB(1, 1, 1)
        pdf.setFont("Bold", 10)
        pdf.drawString(x + 3 * mm, y + height - 7 * mm, card.get("category") or data["title"])
        pdf.setFillColorRGB(0.12, 0.31, 0.47)
        pdf.setFont("Bold", 12)
        line_y = y + height - 17 * mm
        for line in simpleSplit(card["title"], "Bold", 12, inner):
            pdf.drawString(x + 3 * mm, line_y, line)
            line_y -= 14
        pdf.setFillColorRGB(0, 0, 0)
        pdf.setFont("Body", 12)
        line_y -= 4
        for line in simpleSplit(card["prompt"], "Body", 12, inner):
            pdf.drawString(x + 3 * mm, line_y, line)
            line_y -= 14
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
        pdf.setFont("Bold", 20)
        pdf.drawCentredString(x + width / 2, y + height / 2, data["back"]["title"])
        crop_marks(x, y)
    pdf.showPage()
pdf.save()
