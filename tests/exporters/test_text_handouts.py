"""Markdown and HTML handouts: what they say, and that content can never become markup."""

from __future__ import annotations

import re

import attrs
import pytest

from facilitate.building import build
from facilitate.errors import ExportError
from facilitate.model import Quote
from facilitate.options import BuildOptions, TemplateOptions
from tests.conftest import small_pack, small_session

HOSTILE = '<script>alert(1)</script> <img src=x onerror="alert(2)"> [click](javascript:alert(3))'


def hostile_pack():
    session = small_session()
    segments = list(session.segments)
    segments[1] = attrs.evolve(
        segments[1],
        title=HOSTILE,
        bullets=(HOSTILE, '" onmouseover="alert(4)'),
        quote=Quote(HOSTILE, "Mallory <b>"),
    )
    return small_pack(session=attrs.evolve(session, segments=tuple(segments), purpose=HOSTILE))


def built(tmp_path, pack, formats=("markdown", "html"), options=None):
    paths = build(pack, tmp_path / "out", formats, options)
    return {p.name: p.read_text("utf-8") for p in paths}


def test_run_sheet_has_every_segment_with_clock_times(tmp_path):
    files = built(tmp_path, small_pack())
    for text in (files["runsheet.md"], files["runsheet.html"]):
        for times, title in [("09:00–09:15", "Welcome"), ("09:35–10:05", "Let's imagine"), ("10:20–10:40", "Taking stock")]:
            assert times in text and title in text.replace("&#39;", "'")
        assert "SECRET-NOTE-welcome" in text


def test_participant_handout_has_no_facilitator_notes(tmp_path):
    files = built(tmp_path, small_pack())
    for name in ("handout.md", "handout.html"):
        assert "SECRET-NOTE" not in files[name]
        assert "Why am I here?" in files[name]


def test_html_escapes_all_content(tmp_path):
    html = built(tmp_path, hostile_pack())["handout.html"]
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert 'onmouseover="' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="javascript' not in html and "javascript:alert(3)" in html  # text, never a link
    assert html.count("<script") == 0


def test_markdown_escapes_markup(tmp_path):
    md = built(tmp_path, hostile_pack())["handout.md"]
    assert "<script>" not in md and "\\<script\\>" in md
    assert "[click](javascript" not in md


def test_html_is_self_contained(tmp_path):
    html = built(tmp_path, small_pack())["handout.html"]
    assert "<style>" in html and "@media print" in html
    assert "http://" not in html and "https://" not in html and "<link" not in html


def test_user_templates_render_in_the_sandbox(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "document.html.j2").write_text("<h1>{{ doc.title }}</h1>{{ ''.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(ExportError, match="unsafe|SecurityError|access to attribute"):
        built(tmp_path, small_pack(), ("html",), BuildOptions(TemplateOptions(str(folder))))
    assert not (tmp_path / "out" / "handout.html").exists()


def test_user_template_is_used_when_safe(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "document.md.j2").write_text("MY {{ doc.title }} ({{ doc.blocks | length }} blocks)\n")
    files = built(tmp_path, small_pack(), ("markdown",), BuildOptions(TemplateOptions(str(folder))))
    assert files["handout.md"].startswith("MY Small session (")


def test_broken_user_template_names_file_and_line(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "document.md.j2").write_text("line one\n{% if %}\n")
    with pytest.raises(ExportError, match=r"document.md.j2:2: template syntax"):
        built(tmp_path, small_pack(), ("markdown",), BuildOptions(TemplateOptions(str(folder))))


def test_every_html_page_forbids_loading_anything_from_outside(tmp_path):
    """handout.html, runsheet.html, every document page and session.html carry the same Content-Security-Policy."""
    from facilitate.exporters._jinja import CONTENT_SECURITY_POLICY

    files = built(tmp_path, small_pack(), ("html", "live"))
    pages = [name for name in files if name.endswith(".html")]
    assert {"handout.html", "runsheet.html", "session.html"} <= set(pages)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">'
    assert CONTENT_SECURITY_POLICY.startswith("default-src 'none';")
    for name in pages:
        if name == "session.html":
            # The live page runs its own script: the same policy, the script allowed by its hash only.
            (policy,) = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', files[name])
            assert policy.startswith(CONTENT_SECURITY_POLICY.split(" img-src")[0]) and "script-src 'sha256-" in policy
            assert "unsafe-inline'; img" not in policy.split("script-src", 1)[1] and "http" not in policy
            continue
        assert files[name].count(meta) == 1, name


HOSTILE_FONTS = [
    'x"; } body { background: url(https://attacker.example/x.png) } a { font-family: "',
    "x\n} body { background: url(https://attacker.example/x.png) } a {",
    "x</style><script>alert(1)</script>",
    "x\\22 ; } body { color: red }",
]


@pytest.mark.parametrize("font", HOSTILE_FONTS)
def test_a_hostile_font_name_is_refused_and_css_escaped_if_it_ever_got_through(tmp_path, font):
    from facilitate.errors import ModelError
    from facilitate.model import Theme

    with pytest.raises(ModelError, match="is not one of: Arial, Calibri"):
        Theme(font=font)
    theme = Theme()
    object.__setattr__(theme, "font", font)  # as if validation had been bypassed: the CSS escaping still holds
    files = built(tmp_path, small_pack(theme=theme), ("html", "live"))
    for name in ("handout.html", "runsheet.html", "session.html"):
        style = files[name].split("<style>", 1)[1].split("</style>", 1)[0]
        assert "attacker.example/x.png) }" not in style and "url(" not in style
        line = next(line for line in style.splitlines() if "font-family" in line)
        family = line.split('font-family: "', 1)[1].split('"', 1)[0]
        assert family.startswith("x\\") and all(char.isalnum() or char in " -\\" for char in family), family
        assert "</style><script>alert" not in files[name]


@pytest.mark.parametrize("brk", ["\n", "\r", "\r\n", "\u2028", "\u2029", "\u0085", "\x0b", "\x0c"])
def test_markdown_treats_every_line_break_as_a_space(tmp_path, brk):
    from facilitate.exporters._jinja import _md_escape

    text = f"First line{brk}# Not a heading{brk}| not | a table |{brk}- not a list"
    escaped = _md_escape(text)
    assert escaped.splitlines() == [escaped]
    assert escaped == "First line \\# Not a heading \\| not \\| a table \\| - not a list"
    session = small_session()
    segments = list(session.segments)
    segments[0] = attrs.evolve(segments[0], prompts=(text,))
    md = built(tmp_path, small_pack(session=attrs.evolve(session, segments=tuple(segments))), ("markdown",))["handout.md"]
    assert not any(line.startswith(("# Not", "| not", "- not")) for line in md.splitlines())
