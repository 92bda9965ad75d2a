"""HTML handouts: self-contained pages (inline CSS, autoescaped) that print cleanly."""

from __future__ import annotations

from facilitate.exporters._jinja import document_outputs
from facilitate.model import SessionPack
from facilitate.options import BuildOptions, TemplateOptions
from facilitate.output import Output


name = "html"
description = "every document as a web page: runsheet.html, handout.html and the worksheets"
options = (TemplateOptions,)


def outputs(pack: SessionPack, options: BuildOptions) -> list[Output]:
    return document_outputs("html", "html", pack, options[TemplateOptions].template_dir)
