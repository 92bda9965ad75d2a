"""Every document of the pack as Markdown (jinja2, imported only when rendering)."""

from __future__ import annotations

from facilitate.model import SessionPack
from facilitate.exporters import builtin
from facilitate.options import BuildOptions, TemplateOptions
from facilitate.output import Output


name, description, options = builtin('markdown')


def outputs(pack: SessionPack, options: BuildOptions) -> list[Output]:
    from facilitate.exporters._jinja import document_outputs

    return document_outputs("md", "md", pack, options[TemplateOptions].template_dir)


def check(pack: SessionPack, options: BuildOptions) -> None:
    """Every document rendered in memory with the user's own templates, if any, so a broken one is found by validate."""
    folder = options[TemplateOptions].template_dir
    if folder is not None:
        from facilitate.exporters._jinja import check_documents

        check_documents("md", "md", pack, folder)
