"""Validate every XML part of a .pptx or .docx against the ISO/IEC 29500 schemas (tests only).

The schemas are the transitional ISO/IEC 29500-4 set and the Open Packaging Conventions set of
ISO/IEC 29500-2, vendored in ``tests/fixtures/ooxml-schemas/`` (its README names the source).
They are compiled once, into one schema that imports them all, so a part is checked against
the declaration of its root element whatever its namespace: a presentation, slide, layout,
master, notes page, theme, chart, Word document, styles, settings, numbering, font table,
header or footer, ``[Content_Types].xml``, a ``.rels`` part, the core and the app properties.
A part whose root element no schema declares is a violation too, not a silent pass.

Markup Compatibility (ISO/IEC 29500-3) is not in the schemas: a consumer first processes it,
and so does this check, as Office does, before validating:

- ``mc:AlternateContent`` is replaced by the content of its first ``mc:Choice`` whose
  ``Requires`` prefixes all name namespaces the schemas define, or else by its ``mc:Fallback``
  (or by nothing);
- elements and attributes in a namespace that ``mc:Ignorable`` lists and the schemas do not
  define are dropped (with ``mc:ProcessContent`` the children of such an element are kept);
- the ``mc:Ignorable``, ``mc:ProcessContent`` and ``mc:MustUnderstand`` attributes themselves are
  then removed. An element in a namespace that is neither defined nor ignorable is left in place
  and so is reported, as Office would refuse it.

Extensions (``extLst``/``ext``) need nothing: the transitional schemas accept any content there.

Use :func:`violations` (a list of ``part: line: message``) or run this file on some packages.
"""

from __future__ import annotations

import functools
import io
import sys
import zipfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import IO

from lxml import etree

SCHEMAS = Path(__file__).parent / "fixtures" / "ooxml-schemas"

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_NS = "http://www.w3.org/XML/1998/namespace"

#: The schema files to import, each by the namespace it defines (the others come in through them).
#: The XML and Dublin Core namespaces come first so the OPC core-properties schema's imports of
#: them (written with web addresses) find them already loaded and nothing is fetched.
ROOTS = {
    XML_NS: "xml.xsd",
    "http://purl.org/dc/elements/1.1/": "dc.xsd",
    "http://purl.org/dc/terms/": "dcterms.xsd",
    "http://purl.org/dc/dcmitype/": "dcmitype.xsd",
    "http://schemas.openxmlformats.org/package/2006/content-types": "opc-contentTypes.xsd",
    "http://schemas.openxmlformats.org/package/2006/relationships": "opc-relationships.xsd",
    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties": "opc-coreProperties.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": "shared-documentPropertiesExtended.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties": "shared-documentPropertiesCustom.xsd",
    "http://schemas.openxmlformats.org/presentationml/2006/main": "pml.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "dml-main.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/chart": "dml-chart.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/chartDrawing": "dml-chartDrawing.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/diagram": "dml-diagram.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/lockedCanvas": "dml-lockedCanvas.xsd",
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "wml.xsd",
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main": "sml.xsd",
    "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing": "dml-spreadsheetDrawing.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/bibliography": "shared-bibliography.xsd",
    "http://schemas.openxmlformats.org/officeDocument/2006/customXml": "shared-customXmlDataProperties.xsd",
    "urn:schemas-microsoft-com:vml": "vml-main.xsd",
    "urn:schemas-microsoft-com:office:office": "vml-officeDrawing.xsd",
    "urn:schemas-microsoft-com:office:word": "vml-wordprocessingDrawing.xsd",
    "urn:schemas-microsoft-com:office:powerpoint": "vml-presentationDrawing.xsd",
}

#: Namespaces the schemas define (as a consumer of them "understands" them), for Markup Compatibility.
UNDERSTOOD = frozenset(ROOTS) | {
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes",
    "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
    "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "http://schemas.openxmlformats.org/schemaLibrary/2006/main",
    "http://schemas.openxmlformats.org/officeDocument/2006/characteristics",
    "urn:schemas-microsoft-com:office:excel",
}


@functools.cache
def schema(folder: Path = SCHEMAS) -> etree.XMLSchema:
    """Every schema in ``folder`` (the vendored ones) in one, compiled once (about a second)."""
    imports = "".join(f'<xsd:import namespace="{ns}" schemaLocation="{(folder / name).as_uri()}"/>' for ns, name in ROOTS.items())
    driver = f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:facilitate:tests:ooxml">{imports}</xsd:schema>'
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.fromstring(driver.encode(), parser, base_url=(folder / "driver.xsd").as_uri()))


def _prefixes(element: etree._Element, value: str) -> set[str]:
    """The namespaces a whitespace-separated list of prefixes names, in ``element``'s scope."""
    return {element.nsmap.get(prefix) or "" for prefix in value.split()}


def process_markup_compatibility(root: etree._Element) -> etree._Element:
    """``root`` as an Office consumer understanding the vendored schemas sees it (see the module docstring)."""
    for alternate in list(root.iter(f"{{{MC}}}AlternateContent")):
        chosen = None
        for choice in alternate.iterchildren(f"{{{MC}}}Choice"):
            if _prefixes(choice, choice.get("Requires", "")) <= UNDERSTOOD:
                chosen = choice
                break
        if chosen is None:
            chosen = alternate.find(f"{{{MC}}}Fallback")
        _replace(alternate, list(chosen) if chosen is not None else [])
    # Decide everything first: removing an mc:Ignorable attribute changes what its descendants see.
    drop: list[etree._Element] = []
    unwrap: list[etree._Element] = []
    for element in root.iter(tag=etree.Element):
        scope = [element, *element.iterancestors()]
        ignorable = {ns for a in scope for ns in _prefixes(a, a.get(f"{{{MC}}}Ignorable", ""))} - UNDERSTOOD
        for name in list(element.attrib):
            namespace = etree.QName(name).namespace
            if namespace in ignorable:
                del element.attrib[name]
        namespace = etree.QName(element).namespace
        if namespace in ignorable:
            processed = {ns for a in scope for ns in _prefixes(a, a.get(f"{{{MC}}}ProcessContent", ""))}
            (unwrap if namespace in processed else drop).append(element)
    for element in drop:
        if element.getparent() is not None and not any(a in drop for a in element.iterancestors()):
            _replace(element, [])
    for element in reversed(unwrap):
        if element.getparent() is not None:
            _replace(element, list(element))
    for element in root.iter(tag=etree.Element):
        for name in [name for name in element.attrib if etree.QName(name).namespace == MC]:
            del element.attrib[name]
    etree.cleanup_namespaces(root)
    return root


def _replace(element: etree._Element, children: list[etree._Element]) -> None:
    """``element`` replaced by ``children`` (none: removed) where it stands."""
    parent = element.getparent()
    assert parent is not None, "markup compatibility at the root of a part"
    assert not (element.tail or "").strip(), "text after a markup-compatibility element"
    index = parent.index(element)
    parent.remove(element)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)


def parts(package: zipfile.ZipFile) -> tuple[list[str], list[str]]:
    """The package's XML parts (by the content types it declares, and every .rels part), and the
    packages embedded in it (a chart's workbook)."""
    types = etree.fromstring(package.read("[Content_Types].xml"))
    ct = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    defaults = {d.get("Extension", "").lower(): d.get("ContentType", "") for d in types.iter(f"{ct}Default")}
    overrides = {o.get("PartName", "").lstrip("/"): o.get("ContentType", "") for o in types.iter(f"{ct}Override")}
    parts, packages = [], []
    for name in package.namelist():
        if name.endswith("/"):
            continue
        content_type = overrides.get(name) or defaults.get(PurePosixPath(name).suffix.lstrip(".").lower(), "")
        if name == "[Content_Types].xml" or name.endswith(".rels") or content_type.endswith("xml"):
            parts.append(name)
        elif zipfile.is_zipfile(io.BytesIO(package.read(name))):
            packages.append(name)
    return parts, packages


def violations(path: Path | str | IO[bytes], folder: Path = SCHEMAS) -> list[str]:
    """Every schema violation in the package at ``path``, as ``part: line: message`` (the parts of
    an embedded package named ``embedded!part``)."""
    found = []
    parser = etree.XMLParser(no_network=True, resolve_entities=False, huge_tree=False)
    xsd = schema(folder)
    with zipfile.ZipFile(path) as package:
        xml_parts, packages = parts(package)
        for name in packages:
            found += [f"{name}!{line}" for line in violations(io.BytesIO(package.read(name)), folder)]
        for name in xml_parts:
            try:
                root = etree.fromstring(package.read(name), parser)
            except etree.XMLSyntaxError as error:
                found.append(f"{name}: {error.lineno}: not well-formed: {error.msg}")
                continue
            root = process_markup_compatibility(root)
            if not xsd.validate(root):
                found += [f"{name}: {error.line}: {error.message} (at {error.path})" for error in xsd.error_log]
    return found


def main(paths: Iterable[str], folder: Path = SCHEMAS) -> int:
    problems = 0
    for path in paths:
        for line in violations(path, folder):
            print(f"{path}: {line}")
            problems += 1
    return 1 if problems else 0


if __name__ == "__main__":
    # python tests/ooxml_validate.py [--schemas FOLDER] PACKAGE...
    arguments = sys.argv[1:]
    if arguments[:1] == ["--schemas"]:
        sys.exit(main(arguments[2:], Path(arguments[1]).resolve()))
    sys.exit(main(arguments))
