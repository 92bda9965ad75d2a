"""Markdown handouts: the participant handout and the facilitator run-sheet."""

from __future__ import annotations

from facilitate.exporters._jinja import document_outputs
from facilitate.model import SessionPack
from facilitate.options import BuildOptions, TemplateOptions
from facilitate.output import Output


name = "markdown"
description = "every document as Markdown: runsheet.md, handout.md and the worksheets"
options = (TemplateOptions,)


def outputs(pack: SessionPack, options: BuildOptions) -> list[Output]:
    return document_outputs("md", "md", pack, options[TemplateOptions].template_dir)
