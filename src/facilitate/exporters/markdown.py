"""Markdown handouts: the participant handout and the facilitator run-sheet."""

from __future__ import annotations

from facilitate.exporters._jinja import document_outputs
from facilitate.model import SessionPack
from facilitate.options import BuildOptions
from facilitate.output import Output


def outputs(pack: SessionPack, options: BuildOptions) -> list[Output]:
    return document_outputs("md", "md", pack, options.template_dir)
