"""python-pptx's private API is used only with the versions it was tested with, and the public
path that any other version takes makes the same deck."""

from __future__ import annotations

import contextlib
import importlib.metadata

import pytest
from pptx import Presentation

from facilitate.exporters import _pptx_internals, pptx
from facilitate.layout import slides as spec
from tests.deck_fixtures import rich_pack
from tests.exporters.test_pptx import _template


@contextlib.contextmanager
def python_pptx_reports(version: str):
    """As if python-pptx ``version`` were installed (the code stays the installed one)."""
    real = _pptx_internals.installed
    with pytest.MonkeyPatch.context() as patch:
        # The version is read from the library itself (facilitate.exporters._versions.installed).
        patch.setattr(_pptx_internals, "installed", lambda name: version if name == "python-pptx" else real(name))
        _pptx_internals.private_path.cache_clear()
        try:
            yield
        finally:
            _pptx_internals.private_path.cache_clear()


@pytest.mark.parametrize(
    ("version", "tested"),
    [("1.0.0", True), ("1.0.2", True), ("1.0.3.dev1", True), ("0.6.23", False), ("1.1.0", False), ("1.1.0rc1", False), ("2.0", False)],
)
def test_the_private_path_is_taken_only_for_tested_versions(version, tested):
    assert _pptx_internals.tested(version) is tested
    with python_pptx_reports(version):
        assert _pptx_internals.private_path() is tested
        assert _pptx_internals.SlideFactory(Presentation()).private is tested


def test_the_installed_python_pptx_is_one_the_private_path_was_tested_with():
    # Fails when python-pptx is upgraded past TESTED: decks still build (the public path), but
    # slowly; test the private path with the new version and widen TESTED, or leave it.
    assert _pptx_internals.private_path(), importlib.metadata.version("python-pptx")


@pytest.mark.parametrize("template", [False, True], ids=["default template", "template with its own slides"])
def test_an_untested_python_pptx_takes_the_public_path_to_the_same_deck(template, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    deck = spec.build_deck(rich_pack(), cards_as_slides=True)
    source = str(_template(tmp_path, with_slide=True)) if template else None
    fast = pptx.render(deck, source)
    with python_pptx_reports("9.0.0"):
        public = pptx.render(deck, source)
    assert public == fast
    (tmp_path / "public.pptx").write_bytes(public)
    prs = Presentation(tmp_path / "public.pptx")
    assert len(prs.slides) == len(deck.slides)
    for slide, expected in zip(prs.slides, deck.slides):
        assert slide.slide_layout.name == spec.LAYOUT_NAMES[expected.layout]
        assert slide.notes_slide.notes_text_frame.text == expected.notes


def test_removing_a_templates_slides_keeps_its_layouts(tmp_path):
    prs = Presentation(_template(tmp_path, with_slide=True))
    layouts = [layout.name for layout in prs.slide_layouts]
    _pptx_internals.drop_slides(prs)
    assert len(prs.slides) == 0 and [layout.name for layout in prs.slide_layouts] == layouts
    assert not [part for part in prs.part.package.iter_parts() if "slides/slide" in str(part.partname)]
    factory = _pptx_internals.SlideFactory(prs)
    slide = factory.slide(prs.slide_layouts[0])
    assert slide.part.partname == "/ppt/slides/slide1.xml" and prs.slides.element[0].get("id") == "256"
    assert factory.notes_slide(slide, 1).part.partname == "/ppt/notesSlides/notesSlide1.xml"
