"""HTML handouts: self-contained pages (inline CSS, autoescaped) that print cleanly."""

from __future__ import annotations

from facilitate.exporters._jinja import document_outputs
from facilitate.model import SessionPack
from facilitate.options import BuildOptions
from facilitate.output import Output


def outputs(pack: SessionPack, options: BuildOptions) -> list[Output]:
    return document_outputs("html", "html", pack, options.template_dir)
