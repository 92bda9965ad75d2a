"""The floor for a whole pack: importing the libraries facilitate's exporters use, and nothing else.

    python benchmarks/floors/pack_imports.py

A pack is written with click (the command), attrs and cattrs (the model), PyYAML (the
content files), Babel (labels, dates), jinja2 and MarkupSafe (HTML, Markdown, the live
page), segno (QR codes), python-pptx, python-docx, lxml, Pillow and reportlab (canvas,
platypus, TrueType fonts). A process that only imports them is the least a pack build can
cost; the target is a build within 2x of it.
"""

import attrs  # noqa: F401
import babel.dates  # noqa: F401
import babel.messages.pofile  # noqa: F401
import cattrs  # noqa: F401
import click  # noqa: F401
import docx  # noqa: F401
import jinja2  # noqa: F401
import lxml.etree  # noqa: F401
import markupsafe  # noqa: F401
import PIL.Image  # noqa: F401
import pptx  # noqa: F401
import reportlab.pdfbase.ttfonts  # noqa: F401
import reportlab.pdfgen.canvas  # noqa: F401
import reportlab.platypus  # noqa: F401
import segno  # noqa: F401
import yaml  # noqa: F401
