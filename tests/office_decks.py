"""Templates and decks as other programs save them, made in the tests (no binary from elsewhere).

- PowerPoint: python-pptx's default template is PowerPoint's own (its 11 layouts, their
  names, types and placeholders); ``french_template`` renames the layouts as the French
  edition of PowerPoint names them ("Diapositive de titre", "Titre et contenu"...).
- Google Slides (File > Download > PowerPoint): ``google_template`` rewrites the default
  template's layouts into the 11 that Google Slides writes, named as its API's predefined
  layouts are (TITLE, SECTION_HEADER, TITLE_AND_BODY, ... BLANK: the list in Google's Slides
  API reference, "PredefinedLayout"), with its shape names ("Google Shape;12;p3", as such
  files carry, per python-pptx and pptx-automizer users' reports), a section header
  that holds a title only, and body placeholders typed ``body``.
- LibreOffice Impress: ``libreoffice_pptx`` has LibreOffice itself save a flat ODP
  presentation (written here as XML) as PPTX; it writes its own twelve layouts ("Title
  Slide", "Title, Content", "Title Only", "Blank Slide"... and no section header), as
  seen by opening its output (tests/exporters/test_pptx_templates.py checks it).
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from pptx import Presentation
from pptx.oxml import parse_xml

from tests import tools

_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
EMU = 12700

#: The layouts of a Google Slides download: name, layout type, placeholders (type, idx).
GOOGLE_LAYOUTS = (
    ("TITLE", "title", (("ctrTitle", 0), ("subTitle", 1), ("sldNum", 12))),
    ("SECTION_HEADER", "secHead", (("title", 0), ("sldNum", 12))),
    ("TITLE_AND_BODY", "tx", (("title", 0), ("body", 1), ("sldNum", 12))),
    ("TITLE_AND_TWO_COLUMNS", "twoColTx", (("title", 0), ("body", 1), ("body", 2), ("sldNum", 12))),
    ("TITLE_ONLY", "titleOnly", (("title", 0), ("sldNum", 12))),
    ("ONE_COLUMN_TEXT", "tx", (("title", 0), ("body", 1), ("sldNum", 12))),
    ("MAIN_POINT", "tx", (("title", 0), ("sldNum", 12))),
    ("SECTION_TITLE_AND_DESCRIPTION", "tx", (("title", 0), ("subTitle", 1), ("body", 2), ("sldNum", 12))),
    ("CAPTION_ONLY", "tx", (("body", 1), ("sldNum", 12))),
    ("BIG_NUMBER", "tx", (("title", 0), ("body", 1), ("sldNum", 12))),
    ("BLANK", "blank", (("sldNum", 12),)),
)

#: PowerPoint's default layouts as the French edition names them, in the default template's order.
FRENCH_NAMES = (
    "Diapositive de titre", "Titre et contenu", "Titre de section", "Deux contenus", "Comparaison", "Titre seul",
    "Vide", "Contenu avec légende", "Image avec légende", "Titre et texte vertical", "Titre vertical et texte",
)


def _placeholder_xml(shape_id: int, name: str, kind: str, idx: int, box: tuple[float, float, float, float]) -> str:
    type_attribute = "" if kind == "obj" else f' type="{kind}"'
    idx_attribute = f' idx="{idx}"' if idx else ""
    x, y, w, h = (int(v * EMU) for v in box)
    return (
        f'<p:sp xmlns:p="{_P}" xmlns:a="{_A}"><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/><p:cNvSpPr/>'
        f"<p:nvPr><p:ph{type_attribute}{idx_attribute}/></p:nvPr></p:nvSpPr>"
        f'<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm></p:spPr>'
        "<p:txBody><a:bodyPr/><a:lstStyle/><a:p/></p:txBody></p:sp>"
    )


_BOXES = {
    "ctrTitle": (60, 150, 600, 120), "title": (36, 20, 648, 80), "subTitle": (60, 280, 600, 80),
    "body": (36, 120, 648, 380), "obj": (36, 120, 648, 380), "sldNum": (660, 500, 50, 30), "pic": (480, 30, 200, 80),
}


def set_layout(layout, name: str, kind: str, placeholders, shape_names: str = "Google Shape;{id};p{layout}") -> None:
    """Rewrite a layout: its name, its type (none if ""), and exactly these placeholders."""
    element = layout.element
    element.cSld.set("name", name)
    if kind:
        element.set("type", kind)
    elif "type" in element.attrib:
        del element.attrib["type"]
    tree = element.cSld.spTree
    for shape in list(tree.iterchildren(f"{{{_P}}}sp")):
        tree.remove(shape)
    number = 2
    for placeholder_type, idx in placeholders:
        box = _BOXES[placeholder_type]
        if placeholder_type == "body" and idx == 2:
            box = (372, 120, 312, 380)
        shape_name = shape_names.format(id=number, layout=number)
        tree.append(parse_xml(_placeholder_xml(number, shape_name, placeholder_type, idx, box)))
        number += 1


def google_template(path: Path) -> Path:
    """A template shaped as Google Slides downloads one (4:3 here is irrelevant: 16:9 as Google's)."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = 9144000, 5143500  # Google Slides' 16:9 page
    for layout, (name, kind, placeholders) in zip(prs.slide_layouts, GOOGLE_LAYOUTS):
        set_layout(layout, name, kind, placeholders)
    prs.save(path)
    return path


def french_template(path: Path) -> Path:
    """PowerPoint's default template with its layouts named as the French edition names them."""
    prs = Presentation()
    for layout, name in zip(prs.slide_layouts, FRENCH_NAMES):
        layout.element.cSld.set("name", name)
    prs.save(path)
    return path


#: What PowerPoint's "Save As" writes as the main part's content type for each kind of file
#: (ECMA-376 part 1, 13.3.6, and [MS-PPTX]); every other part of the package is the same.
SAVED_AS = {
    ".potx": "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",
    ".ppsx": "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml",
    ".pptm": "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
    ".potm": "application/vnd.ms-powerpoint.template.macroEnabled.main+xml",
}


def saved_as(deck: Path, suffix: str) -> Path:
    """``deck`` as PowerPoint saves it as a template (.potx), a show (.ppsx) or a macro-enabled file."""
    import zipfile

    target = deck.with_suffix(suffix)
    main = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
    with zipfile.ZipFile(deck) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for entry in source.infolist():
            data = source.read(entry)
            if entry.filename == "[Content_Types].xml":
                assert main in data
                data = data.replace(main, SAVED_AS[suffix].encode())
            out.writestr(entry, data)
    return target


def add_artwork(master_or_layout, box: tuple[float, float, float, float], image: Path, name: str = "Brand logo") -> None:
    """A picture on a master or layout (the template's own logo), at ``box`` in points."""
    x, y, w, h = (int(v * EMU) for v in box)
    _, rel_id = master_or_layout.part.get_or_add_image_part(str(image))
    tree = master_or_layout.shapes._spTree
    shape_id = max([int(i) for i in tree.xpath("//p:cNvPr/@id")] + [1]) + 1
    tree.append(parse_xml(
        f'<p:pic xmlns:p="{_P}" xmlns:a="{_A}" xmlns:r="{_R}"><p:nvPicPr><p:cNvPr id="{shape_id}" name="{name}"/>'
        '<p:cNvPicPr/><p:nvPr/></p:nvPicPr>'
        f'<p:blipFill><a:blip r:embed="{rel_id}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
        f'<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        "</p:spPr></p:pic>"
    ))


# --- LibreOffice ------------------------------------------------------------------------------

ODP_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:svgns="http://www.w3.org/2000/svg"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.presentation">
 <office:automatic-styles>
  <style:style style:name="bold" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 </office:automatic-styles>
 <office:body><office:presentation>
"""
ODP_TAIL = "\n </office:presentation></office:body>\n</office:document>\n"


def libreoffice_pptx(pages: str, path: Path) -> Path:
    """``pages`` (``draw:page`` elements) saved by LibreOffice Impress as the PPTX ``path``."""
    soffice = tools.soffice()
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="facilitate-odp-") as work:
        source = Path(work) / f"{path.stem}.fodp"
        source.write_text(ODP_HEAD + pages + ODP_TAIL, "utf-8")
        profile = Path(work) / "profile"
        result = subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", "pptx",
             "--outdir", work, str(source)],
            capture_output=True, text=True, timeout=240,
        )
        made = Path(work) / f"{path.stem}.pptx"
        assert result.returncode == 0 and made.exists(), result.stderr or result.stdout
        path.write_bytes(made.read_bytes())
    return path


def odp_page(title: str = "", outline: tuple[str, ...] = (), notes: str = "", layout: str = "AL1T1", extra: str = "") -> str:
    """One ``draw:page``: a title and an outline (bulleted list) placeholder, speaker notes, other shapes."""
    shapes = []
    if title:
        shapes.append(
            '<draw:frame presentation:class="title" svg:x="2cm" svg:y="1cm" svg:width="24cm" svg:height="3cm">'
            f"<draw:text-box><text:p>{title}</text:p></draw:text-box></draw:frame>"
        )
    if outline:
        items = "".join(f"<text:list-item><text:p>{item}</text:p></text:list-item>" for item in outline)
        shapes.append(
            '<draw:frame presentation:class="outline" svg:x="2cm" svg:y="5cm" svg:width="24cm" svg:height="12cm">'
            f"<draw:text-box><text:list>{items}</text:list></draw:text-box></draw:frame>"
        )
    notes_xml = ""
    if notes:
        paragraphs = "".join(f"<text:p>{line}</text:p>" for line in notes.split("\n"))
        notes_xml = (
            '<presentation:notes><draw:frame presentation:class="notes" svg:x="2cm" svg:y="14cm" svg:width="17cm"'
            f' svg:height="10cm"><draw:text-box>{paragraphs}</draw:text-box></draw:frame></presentation:notes>'
        )
    return (
        f'  <draw:page draw:master-page-name="Default" presentation:presentation-page-layout-name="{layout}">'
        + "".join(shapes) + extra + notes_xml + "</draw:page>\n"
    )
