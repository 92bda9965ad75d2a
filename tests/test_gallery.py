"""The gallery and the doc scripts, checked without rendering anything.

scripts/gallery itself needs LibreOffice and a minute; here we check that what it
wrote hangs together (every picture the docs show exists, none is orphaned, the folder
stays small) and that the scripts start.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests import tools

ROOT = Path(__file__).resolve().parent.parent
GALLERY = ROOT / "docs" / "gallery"
#: A Markdown picture, ![alt](file), or an HTML one, <img src="file" ...>.
IMAGE = re.compile(r'!\[[^\]]*\]\(([^)\s]+)\)|<img src="([^"]+)"')
MAX_GALLERY_BYTES = 6_000_000


def images(markdown: Path) -> list[str]:
    return [markdown_src or html_src for markdown_src, html_src in IMAGE.findall(markdown.read_text("utf-8"))]


def test_the_gallery_page_shows_only_pngs_that_exist():
    shown = images(ROOT / "docs" / "gallery.md")
    assert shown, "docs/gallery.md shows no pictures; run scripts/gallery"
    missing = [name for name in shown if not (ROOT / "docs" / name).is_file()]
    assert not missing, f"docs/gallery.md shows missing files (run scripts/gallery): {missing}"
    assert all(name.startswith("gallery/") and name.endswith(".png") for name in shown)


def test_every_gallery_png_is_shown_and_the_folder_stays_small():
    files = sorted(GALLERY.glob("*.png"))
    shown = {name.removeprefix("gallery/") for name in images(ROOT / "docs" / "gallery.md")}
    orphans = [path.name for path in files if path.name not in shown]
    assert not orphans, f"PNGs in docs/gallery that docs/gallery.md does not show: {orphans}"
    total = sum(path.stat().st_size for path in GALLERY.iterdir())
    assert total < MAX_GALLERY_BYTES, f"docs/gallery is {total / 1e6:.1f} MB; render at a lower --dpi"


@pytest.mark.parametrize(
    "doc", [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))], ids=lambda d: str(d.relative_to(ROOT))
)
def test_pictures_and_links_in_the_docs_point_at_files(doc):
    text = doc.read_text("utf-8")
    targets = images(doc) + re.findall(r"\]\(([^)\s#]+\.(?:md|png|py))(?:#[^)]*)?\)", text)
    missing = [t for t in targets if not t.startswith(("http:", "https:")) and not (doc.parent / t).exists()]
    assert not missing, f"{doc.name} points at missing files: {missing}"


@pytest.mark.parametrize("script", ["gallery", "api_reference"])
def test_the_doc_scripts_show_their_help(script):
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / script), "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "usage:" in result.stdout


def test_the_api_reference_builds_from_the_docstrings(tmp_path):
    try:
        import pdoc  # noqa: F401
    except ImportError:
        tools.missing("pdoc (in the docs extra: pip install -e '.[docs]')")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "api_reference"), "-o", str(tmp_path / "api")], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "api" / "facilitate.html").read_text("utf-8")
    for name in ("SessionPack", "Session", "CardDeck", "build", "load"):
        assert f'id="{name}"' in page, f"the API reference does not document facilitate.{name}"


def test_the_gallery_can_draw_slides_without_libreoffice(tmp_path, monkeypatch):
    """``scripts/gallery --slides svg``: slides drawn from the slide model by the SVG renderer, then cairosvg."""
    import importlib.util
    from importlib.machinery import SourceFileLoader

    from PIL import Image

    from facilitate.exporters import pptx
    from facilitate.loaders import library
    from facilitate.options import BuildOptions

    loader = SourceFileLoader("gallery_script", str(ROOT / "scripts" / "gallery"))
    spec = importlib.util.spec_from_loader("gallery_script", loader)
    assert spec is not None
    gallery = importlib.util.module_from_spec(spec)
    loader.exec_module(gallery)
    monkeypatch.setattr(gallery, "STAGING", tmp_path)
    deck = pptx.deck_model(library.load(), BuildOptions())
    gallery.render_slides(deck, {1: "title.png", 2: "second.png"}, 40)
    for name in ("title.png", "second.png"):
        with Image.open(tmp_path / name) as picture:
            assert picture.size == (533, 300)
            shades = picture.convert("L").histogram()
            assert sum(1 for count in shades if count) > 20  # text and shapes in many shades, not a blank page
