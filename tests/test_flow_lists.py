"""A YAML flow list splits at every comma: `materials: [Our hopes cards, one deck per table]`
is two items. The docs, the starters and the bundled library never show a list of phrases
in that form (phrases go one per line, or in quotes), and `facilitate validate` warns about
a materials item that looks like the rest of the one before it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from facilitate.cli import main
from facilitate.starters import STARTERS, starter

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
LIBRARY = sorted(path for folder in ("agendas", "card_decks", "exercises", "methods", "templates/themes")
                 for path in (ROOT / folder).glob("*.yaml"))
FENCE = re.compile(r"^```(yaml|yml)\n(.*?)^```", re.M | re.S)
#: Text written into files by the docs' hidden Python steps (the same YAML the page shows).
WRITTEN = re.compile(r'"""\\\n(.*?)"""', re.S)


def yaml_texts() -> list[tuple[str, str]]:
    found = []
    for doc in DOCS:
        text = doc.read_text("utf-8")
        for number, match in enumerate(FENCE.finditer(text), start=1):
            found.append((f"{doc.relative_to(ROOT)} yaml block {number}", match[2]))
    for kind in STARTERS:
        found.append((f"starter {kind}", starter(kind, "Our thing")[1]))
    for path in LIBRARY:
        found.append((str(path.relative_to(ROOT)), path.read_text("utf-8")))
    return found


def phrases_in_flow_lists(text: str) -> list[str]:
    """The plain (unquoted) phrases of flow lists of two or more items: the lists in which a
    comma may split what was meant as one item. Lists of single words or ids are fine."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []  # a fragment (an indented segment to paste in): the caller dedents it
    found: list[str] = []

    def walk(node: yaml.Node) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(key)
                walk(value)
        elif isinstance(node, yaml.SequenceNode):
            if node.flow_style and len(node.value) > 1:
                found.extend(item.value for item in node.value
                             if isinstance(item, yaml.ScalarNode) and item.style is None and " " in item.value)
            for item in node.value:
                walk(item)

    if node is not None:
        walk(node)
    return found


def test_the_scan_sees_the_trap():
    assert phrases_in_flow_lists("materials: [Our hopes cards, one deck per table]") == ["Our hopes cards", "one deck per table"]
    assert phrases_in_flow_lists('materials: ["Our hopes cards, one deck per table"]\ndecks: [lets-imagine, ideas]') == []
    assert phrases_in_flow_lists("materials:\n  - Our hopes cards, one deck per table\n") == []
    assert phrases_in_flow_lists("stems: [what if]\nrungs: [{id: a, stems: [is, do]}]") == []  # one phrase, no comma


def as_document(text: str) -> str:
    """The block as a YAML document: a fragment to paste into a session (indented segment
    items) is dedented; the test fails if the block is not YAML either way, since a block
    that does not parse would hide its flow lists from the scan."""
    try:
        yaml.compose(text, Loader=yaml.SafeLoader)
        return text
    except yaml.YAMLError:
        lines = text.splitlines()
        indent = min(len(line) - len(line.lstrip()) for line in lines if line.strip())
        dedented = "\n".join(line[indent:] for line in lines)
        yaml.compose(dedented, Loader=yaml.SafeLoader)
        return dedented


@pytest.mark.parametrize(("where", "text"), yaml_texts(), ids=[where for where, _ in yaml_texts()])
def test_no_list_of_phrases_is_written_as_a_flow_list(where, text):
    found = phrases_in_flow_lists(as_document(text))
    assert not found, f"{where}: write these one per line (- ...) or quote them: {found}"


def test_validate_warns_about_a_materials_item_split_at_a_comma(tmp_path):
    session = tmp_path / "day.yaml"
    session.write_text(
        "kind: session\nid: day\ntitle: Day\nsegments:\n"
        "  - id: hopes\n    title: Hopes\n    minutes: 20\n"
        '    materials: [Our hopes cards, one deck per table, "Pens, pencils", Flip chart]\n'
        "  - id: next\n    title: Next\n    minutes: 20\n"
        "    materials:\n      - Sticky notes, one pad per table\n      - pens\n"
    )
    result = CliRunner().invoke(main, ["validate", str(session)])
    assert result.exit_code == 0
    assert result.stdout == f"{session}: ok\n"
    assert result.stderr.splitlines() == [
        f"{session}:8: segments[0].materials[1]: warning: 'one deck per table' is an item of its own"
        " (a comma ends an item in [...]); if it belongs to the item before, write the materials one per line"
    ]


def test_validate_warns_in_a_method_file_too(tmp_path):
    method = tmp_path / "quiet.yaml"
    text = starter("method", "Quiet start")[1]
    method.write_text(text.replace("materials:                   # one per line: a flow list [a, b] splits at every comma\n"
                                   "  - Sticky notes, one pad per person\n  - Pens\n", "materials: [Sticky notes, pens]\n"))
    result = CliRunner().invoke(main, ["validate", str(method)])
    assert result.exit_code == 0 and "materials[1]: warning: 'pens' is an item of its own" in result.stderr
