"""The deck's package is well formed, as PowerPoint checks it before opening (no "repair" prompt).

python-pptx is the library, but the exporter names parts and writes some XML itself for
speed, so check what PowerPoint is strict about: every part has a content type, every
relationship points at a part that exists, slide ids and shape ids are unique.
"""

from __future__ import annotations

import posixpath
import re
import zipfile

import pytest
from lxml import etree

import facilitate
from facilitate.exporters.pptx import DeckOptions
from tests.exporters.test_pptx_internals import python_pptx_reports

P = "http://schemas.openxmlformats.org/presentationml/2006/main"


@pytest.fixture(scope="module", params=["private path", "public path"])
def deck(request, tmp_path_factory):
    """The default pack's deck, made through python-pptx's private API (the tested versions) or its public API."""
    out = tmp_path_factory.mktemp("deck")
    with python_pptx_reports("1.0.2" if request.param == "private path" else "9.0.0"):
        facilitate.build(facilitate.load(), out, ["pptx"], facilitate.BuildOptions(DeckOptions(cards_as_slides=True)))
    with zipfile.ZipFile(out / "deck.pptx") as package:
        yield {name: package.read(name) for name in package.namelist()}


def test_every_part_is_xml_with_a_content_type(deck):
    types = etree.fromstring(deck["[Content_Types].xml"])
    overrides = {e.get("PartName").lstrip("/") for e in types if e.get("PartName")}
    defaults = {e.get("Extension") for e in types if e.get("Extension")}
    for name, data in deck.items():
        if name.endswith((".xml", ".rels")):
            etree.fromstring(data)
        if name != "[Content_Types].xml" and not name.endswith(".rels"):
            assert name in overrides or name.rsplit(".", 1)[-1] in defaults, name
    assert not [name for name in overrides if name not in deck], "content types name parts that do not exist"


def test_every_relationship_target_exists(deck):
    for name, data in deck.items():
        if not name.endswith(".rels"):
            continue
        base = posixpath.dirname(posixpath.dirname(name))
        for relationship in etree.fromstring(data):
            if relationship.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(base, relationship.get("Target")))
            assert target in deck, f"{name}: {relationship.get('Id')} points at missing {target}"


def test_slide_ids_and_shape_ids_are_unique(deck):
    presentation = etree.fromstring(deck["ppt/presentation.xml"])
    ids = [int(e.get("id")) for e in presentation.iter(f"{{{P}}}sldId")]
    assert len(ids) == len(set(ids)) and min(ids) >= 256
    for name, data in deck.items():
        if re.match(r"ppt/(slides|notesSlides)/\w+\.xml$", name):
            shapes = [e.get("id") for e in etree.fromstring(data).iter(f"{{{P}}}cNvPr")]
            assert len(shapes) == len(set(shapes)), name
