"""python-pptx's private API, in one place, and used only with the versions it was tested with.

The public way to add a slide (``Slides.add_slide``, then ``Slide.notes_slide``) takes time
in proportion to the deck so far: python-pptx looks for a free part name by scanning every
part of the package (python-pptx issue #644), and for an existing relationship before it
adds one, so a 400-slide deck takes quadratic time, and it clones placeholders one property
at a time. For the versions in ``TESTED`` (read with importlib.metadata), ``SlideFactory``
makes each slide and notes slide from its parts in constant time, reaching into private API:
``SlidePart`` and ``NotesSlidePart`` built directly, ``_Relationships._add_relationship``,
``CT_SlideIdList._add_sldId``. With any other version it takes the public path, slower but
safe; both make the same package (tests/exporters/test_pptx_internals.py). On the private
path a finished slide and its notes are also serialised at once (``freeze``): each becomes a
plain ``Part`` holding the very bytes python-pptx would write at save time
(``XmlPart.blob``), its relationships kept (``Part._rels``, ``_Relationship._target`` and its remembered ``target_part``), so a
long deck does not keep every slide's XML tree in memory until it is saved.

Removing a template's own slides has no public API in any version: ``drop_slides`` does it
with ``XmlPart.drop_rel``, a public method of python-pptx's (undocumented) part layer.

Everything else exporters/pptx.py does is public: python-pptx's objects and the lxml
elements their ``element`` properties give, edited with python-pptx's element classes.
"""

from __future__ import annotations

import copy
import functools
from typing import TYPE_CHECKING, Any

from facilitate.exporters._versions import installed, release

if TYPE_CHECKING:
    from pptx.presentation import Presentation
    from pptx.slide import NotesSlide, Slide, SlideLayout

#: The python-pptx releases the private path was written and tested for: from, and below.
TESTED = ((1, 0, 0), (1, 1, 0))
_SECTION_LIST_EXT = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"


def tested(version: str) -> bool:
    """Whether the private path was tested with python-pptx ``version``."""
    low, high = TESTED
    return low <= release(version) < high


@functools.cache
def private_path() -> bool:
    """Whether the installed python-pptx is one the private path was tested with."""
    return tested(installed("python-pptx"))


def drop_slides(prs: Presentation) -> None:
    """Remove a template's own slides (and its section list and custom shows), keeping its masters and layouts."""
    slide_list = prs.slides.element
    for slide_id in list(slide_list):
        rel_id = slide_id.rId
        slide_list.remove(slide_id)
        prs.part.drop_rel(rel_id)
    presentation = prs.element
    for ext in presentation.xpath(f"./p:extLst/p:ext[@uri='{_SECTION_LIST_EXT}']"):
        ext.getparent().remove(ext)
    for shows in presentation.xpath("./p:custShowLst"):
        presentation.remove(shows)


class SlideFactory:
    """New slides and notes slides: in constant time each on the private path.

    On the private path slide ``n`` is ``slide{n}.xml`` and its notes ``notesSlide{n}.xml``
    (a template's own slides are removed first, so both names are free), and each layout's
    slide, and the notes slide, is made once by python-pptx and copied after that.
    """

    def __init__(self, prs: Presentation, private: bool | None = None) -> None:
        self.prs = prs
        self.private = private_path() if private is None else private
        self.notes_master_part = prs.part.notes_master_part
        self.prototypes: dict[int, Any] = {}
        self.notes_prototype: Any = None
        self.slide_list = prs.slides.element
        self.next_id = max([255] + [int(i) for i in self.slide_list.xpath("./p:sldId/@id")]) + 1
        #: Each new slide part's relationship from the presentation.
        self.rel_ids: dict[Any, str] = {}

    def slide(self, layout: SlideLayout) -> Slide:
        """A new slide at the end of the deck, with ``layout``'s placeholders."""
        if not self.private:
            return self.prs.slides.add_slide(layout)
        from pptx.opc.constants import CONTENT_TYPE as CT
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT
        from pptx.opc.packuri import PackURI
        from pptx.oxml.slide import CT_Slide
        from pptx.parts.slide import SlidePart

        key = id(layout.part)
        prototype = self.prototypes.get(key)
        number = len(self.slide_list) + 1
        element = CT_Slide.new() if prototype is None else copy.deepcopy(prototype)
        part = SlidePart(PackURI(f"/ppt/slides/slide{number}.xml"), CT.PML_SLIDE, self.prs.part.package, element)
        part.relate_to(layout.part, RT.SLIDE_LAYOUT)
        if prototype is None:
            part.slide.shapes.clone_layout_placeholders(layout)
            self.prototypes[key] = copy.deepcopy(part.slide.element)
        # A new slide is never already related: skip python-pptx's search of every relationship.
        rel_id = self.prs.part.rels._add_relationship(RT.SLIDE, part)
        self.rel_ids[part] = rel_id
        self.slide_list._add_sldId(id=self.next_id, rId=rel_id)
        self.next_id += 1
        return part.slide

    def notes_slide(self, slide: Slide, number: int) -> NotesSlide:
        """The notes slide of ``slide``, the ``number``-th slide, made now."""
        if not self.private:
            return slide.notes_slide
        from pptx.opc.constants import CONTENT_TYPE as CT
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT
        from pptx.opc.packuri import PackURI
        from pptx.oxml.slide import CT_NotesSlide
        from pptx.parts.slide import NotesSlidePart

        slide_part = slide.part
        element = CT_NotesSlide.new() if self.notes_prototype is None else copy.deepcopy(self.notes_prototype)
        part = NotesSlidePart(PackURI(f"/ppt/notesSlides/notesSlide{number}.xml"), CT.PML_NOTES_SLIDE,
                              slide_part.package, element)
        part.relate_to(self.notes_master_part, RT.NOTES_MASTER)
        part.relate_to(slide_part, RT.SLIDE)
        if self.notes_prototype is None:
            part.notes_slide.clone_master_placeholders(self.notes_master_part.notes_master)
            self.notes_prototype = copy.deepcopy(part.notes_slide.element)
        slide_part.relate_to(part, RT.NOTES_SLIDE)
        return part.notes_slide

    def freeze(self, slide: Slide, notes: NotesSlide) -> None:
        """``slide`` and its ``notes``, finished, kept as the bytes the saved file will hold (private path only)."""
        if not self.private:
            return
        from pptx.opc.package import Part

        swap: dict[Any, Any] = {}
        for old in (slide.part, notes.part):
            frozen = Part(old.partname, old.content_type, old.package, old.blob)
            frozen.__dict__["_rels"] = old.rels  # python-pptx's lazyproperty keeps its value under its own name
            swap[old] = frozen
        # The relationships to them: the presentation's to the slide, and theirs to each other.
        rels = [self.prs.part.rels[self.rel_ids.pop(slide.part)], *(rel for part in swap.values() for rel in part.rels.values())]
        for rel in rels:
            if not rel.is_external and rel._target in swap:
                rel._target = swap[rel._target]
                rel.__dict__.pop("target_part", None)  # a lazyproperty: forget the part it found before
