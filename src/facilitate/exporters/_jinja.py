"""The jinja2 environment shared by the text exporters (Markdown, HTML) and the live page.

A facilitator's own template folder is rendered in jinja2's sandbox, with limits on what
one expression may make (a string repeated a billion times) and on what a page may hold.
Whatever goes wrong in a template (a syntax error, a division by zero, an include that
includes itself, a file that is not UTF-8) is one ExportError naming the template file
and line.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import Any

import jinja2
import jinja2.sandbox
from markupsafe import Markup

from facilitate.labels import ENGLISH, Labels
from facilitate.resources import templates_folder

#: Every HTML page facilitate writes forbids loading anything from outside the file.
CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
#: A rendered page holds at most this many characters.
MAX_RENDER_CHARS = 64 * 1024 * 1024
#: One expression in a user's template makes at most this many characters or items.
MAX_EXPRESSION_SIZE = 1024 * 1024
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def _bundled_templates() -> str:
    return str(templates_folder())


def _md_escape(value: object) -> str:
    """Escape characters that would turn content into Markdown markup or raw HTML.

    Every kind of line break (``\\r``, ``\\r\\n``, U+0085, U+2028...) becomes a space, as
    ``\\n`` does: a break could end a table row or start a heading.
    """
    text = str(value)
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return " ".join(text.splitlines())


def _css_string(value: object) -> Markup:
    """``value`` for inside a CSS string ("..."): anything but letters, digits, spaces and hyphens as a CSS escape.

    The theme already allows only those in a font name; this is the second line of defence.
    """
    text = str(value)
    escaped = "".join(char if char.isalnum() or char in " -" else f"\\{ord(char):x} " for char in text)
    return Markup(escaped)


def _css_colour(value: object) -> Markup:
    """A ``#rrggbb`` colour for CSS; anything else is refused."""
    text = str(value)
    if not _HEX.match(text):
        raise jinja2.TemplateRuntimeError(f"{text[:40]!r} is not a colour like '#1f4e79'")
    return Markup(text)


#: What a URL may hold after its host, as HTML's URL rules and the Nu HTML Checker read them:
#: the unreserved and reserved characters (RFC 3986), a %XX escape, and anything beyond ASCII.
_URL_KEPT = re.compile(r"%[0-9A-Fa-f]{2}|[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|[^\x00-\x7f]")


def _href(value: object) -> str:
    """A web address for an ``href``: after its host, each character a URL may not hold there
    (``|``, ``{``, ``[``, a ``%`` with no two hex digits, a second ``#``...) percent-encoded,
    as a browser does when it follows the link; a backslash in the path is the slash a
    browser takes it for. The address shown, and the QR code, keep what the facilitator wrote."""
    url = str(value)
    start = url.find("://")
    start = start + 3 if start >= 0 else 0
    ends = [index for index in (url.find(char, start) for char in "/?#") if index >= 0]
    host_end = min(ends) if ends else len(url)
    before_fragment, hash_mark, fragment = url[host_end:].partition("#")
    path, question_mark, query = before_fragment.partition("?")
    path = path.replace("\\", "/")

    def encoded(text: str) -> str:
        out: list[str] = []
        index = 0
        while index < len(text):
            kept = _URL_KEPT.match(text, index)
            if kept:
                out.append(kept.group(0))
                index = kept.end()
            else:
                out.append("".join(f"%{byte:02X}" for byte in text[index].encode("utf-8")))
                index += 1
        return "".join(out)

    return url[:host_end] + encoded(path) + question_mark + encoded(query) + hash_mark + encoded(fragment)


def _type_name(value: object) -> str:
    return type(value).__name__


class _Loader(jinja2.FileSystemLoader):
    """Templates read as facilitate reads any file a user names: regular files only, UTF-8, size-limited."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        from facilitate.errors import ExportError, FacilitateError
        from facilitate.files import read_bytes

        pieces = jinja2.loaders.split_template_path(template)
        for folder in self.searchpath:
            filename = os.path.join(folder, *pieces)
            if not os.path.lexists(filename):
                continue
            try:
                raw = read_bytes(filename, None, MAX_RENDER_CHARS, "template", "templates")
            except FacilitateError as error:
                raise ExportError(error.one_line()) from None
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                line = raw[: error.start].count(b"\n") + 1
                raise ExportError(f"{filename}:{line}: the template is not valid UTF-8 (byte 0x{raw[error.start]:02x}); save it as UTF-8") from None
            mtime = os.path.getmtime(filename)
            return text, os.path.normpath(filename), lambda filename=filename, mtime=mtime: _unchanged(filename, mtime)
        raise jinja2.TemplateNotFound(template)


def _unchanged(filename: str, mtime: float) -> bool:
    try:
        return os.path.getmtime(filename) == mtime
    except OSError:
        return False


class _Sandbox(jinja2.sandbox.SandboxedEnvironment):
    """jinja2's sandbox, which also stops one expression from making a huge string, list or number."""

    intercepted_binops = frozenset(["*", "**"])

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > 64 and not (
            isinstance(left, (int, float)) and abs(left) <= 1
        ):
            raise jinja2.sandbox.SecurityError(f"a power above 64 ({right!r}) is not allowed in a template")
        if operator == "*":
            for sequence, count in ((left, right), (right, left)):
                if isinstance(sequence, (str, list, tuple)) and isinstance(count, int) and len(sequence) * count > MAX_EXPRESSION_SIZE:
                    raise jinja2.sandbox.SecurityError(
                        f"repeating something {count:,} times makes more than {MAX_EXPRESSION_SIZE:,} characters or items"
                    )
        return super().call_binop(context, operator, left, right)


@functools.cache
def environment(kind: str, user_folder: str | None = None) -> jinja2.Environment:
    """A jinja2 environment for ``kind`` ("html" or "md").

    HTML autoescapes everything. A user's own template folder is searched first and is
    rendered in jinja2's sandbox, so a template cannot reach Python internals.
    """
    folders = [user_folder] if user_folder else []
    folders.append(_bundled_templates())
    cls = _Sandbox if user_folder else jinja2.Environment
    env = cls(
        loader=_Loader(folders),
        autoescape=(kind == "html"),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # {{ _("Period") }}: facilitate's words, from the catalogue (render() passes the translator).
        extensions=["jinja2.ext.i18n"],
    )
    env.install_null_translations()  # type: ignore[attr-defined]  # added by the i18n extension
    env.filters["md"] = _md_escape
    env.filters["block_type"] = _type_name
    env.filters["qr_svg"] = _qr_svg
    env.filters["href"] = _href
    env.filters["css_string"] = _css_string
    env.filters["css_colour"] = _css_colour
    env.globals["content_security_policy"] = Markup(CONTENT_SECURITY_POLICY)  # a constant: no content in it
    return env


def _qr_svg(url: str, alt: str = "") -> object:
    """A web address as an inline SVG QR code (one path of squares), for HTML."""
    from markupsafe import Markup, escape

    from facilitate.layout.qr import qr_code

    code = qr_code(str(url))
    squares = code.svg_path()
    label = escape(alt or f"QR code for {url}")
    return Markup(
        f'<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {code.size} {code.size}" width="160" height="160"'
        f' role="img" aria-label="{label}"><rect width="100%" height="100%" fill="#fff"/><path fill="#000" d="{squares}"/></svg>'
    )


def translation(labels: Labels) -> dict[str, object]:
    """What a template calls for facilitate's words in ``labels``' language: _(), gettext(),
    ngettext(), pgettext() (the i18n extension's names), and number() for numbers."""
    return {
        "_": labels.gettext,
        "gettext": labels.gettext,
        "ngettext": labels.ngettext,
        "pgettext": labels.pgettext,
        "number": labels.number,
        "language": labels.language,
    }


def _where(error: BaseException, template: str) -> str:
    """``FILE:LINE`` of the template line that was running when ``error`` happened (jinja2 puts it in the traceback)."""
    found = template
    trace = error.__traceback__
    while trace is not None:
        filename = trace.tb_frame.f_code.co_filename
        if not filename.endswith((".py", ">")):  # jinja2 gives a template's frames the template's file name
            found = f"{filename}:{trace.tb_lineno}"
        trace = trace.tb_next
    return found


def render(kind: str, template: str, user_folder: str | Path | None = None, translations: Labels = ENGLISH, **context: object) -> str:
    """Render ``template`` with facilitate's words in ``translations``' language; any failure of a
    (user's) template is an ExportError naming its file and line."""
    from facilitate.errors import ExportError, FacilitateError

    env = environment(kind, str(user_folder) if user_folder else None)
    try:
        compiled = env.get_template(template)
        parts: list[str] = []
        size = 0
        for part in compiled.generate(**{**translation(translations), **context}):
            size += len(part)
            if size > MAX_RENDER_CHARS:
                raise ExportError(f"{template}: the page would hold more than {MAX_RENDER_CHARS:,} characters")
            parts.append(part)
        return "".join(parts)
    except FacilitateError:
        raise
    except jinja2.TemplateSyntaxError as error:
        raise ExportError(f"{error.filename or template}:{error.lineno}: template syntax: {error.message}") from None
    except RecursionError as error:
        raise ExportError(f"{_where(error, template)}: the template includes or calls itself without end") from None
    except MemoryError:
        raise ExportError(f"{template}: the template needs more memory than there is") from None
    except jinja2.TemplateNotFound as error:
        raise ExportError(f"{_where(error, template)}: template error: no template named {error.name!r}") from None
    except Exception as error:  # a user's template can raise anything at render time
        message = " ".join(str(error).split())[:200] or type(error).__name__
        label = "template error" if isinstance(error, jinja2.TemplateError) else f"template error ({type(error).__name__})"
        raise ExportError(f"{_where(error, template)}: {label}: {message}") from None


def document_outputs(kind: str, suffix: str, pack, user_folder: str | None = None) -> list:
    """Every document of the pack (layout.documents) rendered with ``document.{kind}.j2``, as Outputs."""
    from facilitate.layout.documents import pack_documents
    from facilitate.output import Output

    return [
        Output(
            f"{entry.stem}.{suffix}",
            lambda handle, doc=entry.document: handle.write(
                render(kind, f"document.{kind}.j2", user_folder, doc.labels, doc=doc, theme=pack.theme).encode("utf-8")
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
