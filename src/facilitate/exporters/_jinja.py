"""The jinja2 environment shared by the text exporters (Markdown, HTML) and the live page."""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2
import jinja2.sandbox

from facilitate.resources import templates_folder


def _bundled_templates() -> str:
    return str(templates_folder())


def _md_escape(value: object) -> str:
    """Escape characters that would turn content into Markdown markup or raw HTML."""
    text = str(value)
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split("\n"))


def _type_name(value: object) -> str:
    return type(value).__name__


@functools.cache
def environment(kind: str, user_folder: str | None = None) -> jinja2.Environment:
    """A jinja2 environment for ``kind`` ("html" or "md").

    HTML autoescapes everything. A user's own template folder is searched first and is
    rendered in jinja2's sandbox, so a template cannot reach Python internals.
    """
    folders = [user_folder] if user_folder else []
    folders.append(_bundled_templates())
    cls = jinja2.sandbox.SandboxedEnvironment if user_folder else jinja2.Environment
    env = cls(
        loader=jinja2.FileSystemLoader(folders),
        autoescape=(kind == "html"),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = _md_escape
    env.filters["block_type"] = _type_name
    env.filters["qr_svg"] = _qr_svg
    return env


def _qr_svg(url: str) -> object:
    """A web address as an inline SVG QR code (one path of squares), for HTML."""
    from markupsafe import Markup, escape

    from facilitate.layout.qr import qr_code

    code = qr_code(str(url))
    squares = code.svg_path()
    label = escape(f"QR code for {url}")
    return Markup(
        f'<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {code.size} {code.size}" width="160" height="160"'
        f' role="img" aria-label="{label}"><rect width="100%" height="100%" fill="#fff"/><path fill="#000" d="{squares}"/></svg>'
    )


def render(kind: str, template: str, user_folder: str | Path | None = None, **context: object) -> str:
    """Render ``template``; a broken or unsafe (user) template is an ExportError naming it."""
    from facilitate.errors import ExportError

    env = environment(kind, str(user_folder) if user_folder else None)
    try:
        return env.get_template(template).render(**context)
    except jinja2.TemplateSyntaxError as error:
        raise ExportError(f"{error.filename or template}:{error.lineno}: template syntax: {error.message}") from None
    except jinja2.TemplateError as error:
        raise ExportError(f"{template}: template error: {error}") from None


def document_outputs(kind: str, suffix: str, pack, user_folder: str | None = None) -> list:
    """Every document of the pack (layout.documents) rendered with ``document.{kind}.j2``, as Outputs."""
    from facilitate.layout.documents import pack_documents
    from facilitate.output import Output

    return [
        Output(
            f"{entry.stem}.{suffix}",
            lambda handle, doc=entry.document: handle.write(
                render(kind, f"document.{kind}.j2", user_folder, doc=doc, theme=pack.theme).encode("utf-8")
            ),
        )
        for entry in pack_documents(pack)
    ]


def check_documents(kind: str, suffix: str, pack, user_folder: str | None = None) -> None:
    """Render every document in memory with a user's own templates (which may fail only when they run)."""
    import io

    from facilitate.layout import checking

    for output in document_outputs(kind, suffix, pack, user_folder):
        with checking.item():
            output.write(io.BytesIO())
