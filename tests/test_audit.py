"""The reliability audit, kept running: hostile values in every field of every kind of content file.

Each property takes a real file of one kind (from the bundled library), puts a hostile value
(a wrong type, a NaN, an enormous number or text, control characters, right-to-left text,
a path out of the folder, a nested structure...) at any one place in it, or adds a hostile
key, and loads it as ``facilitate validate`` would. The only allowed outcomes are a clean
load or one FacilitateError on one line naming the file; for sessions, what loads is then
built in every format, where again only a FacilitateError may stop it. Run with
``HYPOTHESIS_PROFILE=thorough`` for the long audit (docs/reliability.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import facilitate
from facilitate.errors import FacilitateError
from facilitate.loaders import library
from facilitate.loaders.content import load_object, parse_document
from facilitate.loaders.limits import MAX_FIELD_CHARS
from facilitate.loaders.yaml_source import parse
from facilitate.resources import library_root

#: One real file of every kind, as a user would start from it (a cluster is written here).
BASES = {
    "session": "agendas/partnership-kickoff.yaml",
    "deck": "card_decks/lets-imagine.yaml",
    "ladder": "exercises/powerful-questions.yaml",
    "curve": "exercises/attendance-curve.yaml",
    "rubric": "exercises/five-insights-rubric.yaml",
    "reflection": "exercises/taking-stock.yaml",
    "method": "methods/world-cafe.yaml",
    "theme": "templates/themes/default.yaml",
}
CLUSTER = {
    "kind": "cluster", "id": "north", "title": "North cluster", "session": "partnership-kickoff",
    "members": [{"name": "Hill Primary", "short_name": "Hill", "date": "2026-10-01", "venue": "Hall", "logo": "logo.png"}, {"name": "Vale"}],
}

hostile_text = st.sampled_from([
    "", " ", "\t\n", "\x00", "Ring\x07", "a\x0bb", "\ufffe", "x" * (MAX_FIELD_CHARS + 1), "שלום", "مرحبا", "🎉" * 50,
    "../../../../etc/passwd", "/dev/zero", "/proc/self/mem", "logo.gif", "a" * 300, "yes", "null", "09:30", "25:99",
    "2026-13-45", "<script>alert(1)</script>", "#zzzzzz", "#ffffff", "line\u2028break", "nan", "inf", "-1",
    '"; } body { x: url(https://a.example) }', "Card\r\n# heading", "\u202eevil", "e\u0301" * 40,
]) | st.text(max_size=24)
hostile_numbers = st.sampled_from(
    [0, -1, 1, 10**100, -(10**100), 2**63, float("nan"), float("inf"), float("-inf"), 1e308, -1e308, 5e-324, 0.5, 1e12 + 1, 24 * 60 + 1, 10**7]
) | st.integers() | st.floats()
hostile_scalars = st.none() | st.booleans() | hostile_numbers | hostile_text
hostile_values = st.recursive(
    hostile_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
    max_leaves=6,
)


def base_data(kind: str) -> dict:
    if kind == "cluster":
        return yaml.safe_load(yaml.safe_dump(CLUSTER))
    node = library_root()
    for part in BASES[kind].split("/"):
        node = node / part
    data, _ = parse(node.read_text("utf-8"))
    return data


def places(data: Any, path: tuple = ()) -> list[tuple]:
    """Every place in ``data`` a value sits (mapping keys and list items), and every mapping (to add a key to)."""
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += places(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += places(value, path + (index,))
    return found


def put(data: Any, path: tuple, value: Any, as_key: bool) -> Any:
    """``data`` with ``value`` at ``path`` (or, with ``as_key``, a key named by ``value`` added to the mapping there)."""
    if not path:
        if as_key and isinstance(data, dict):
            return {**data, str(value): "x"}
        return value if not as_key else data
    head, rest = path[0], path[1:]
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[head] = put(copy[head], rest, value, as_key)
    return copy


@st.composite
def hostile_documents(draw, kind: str) -> tuple[dict, tuple, Any]:
    data = base_data(kind)
    path = draw(st.sampled_from([p for p in places(data) if p != ("kind",)]))
    value = draw(hostile_values)
    as_key = draw(st.booleans()) and isinstance(value, str)
    return put(data, path, value, as_key), path, value


@st.composite
def texts_changed(draw, kind: str) -> tuple[dict, tuple, Any]:
    """A file of ``kind`` with one text field set to awkward but printable text (so it usually loads)."""
    data = base_data(kind)
    texts = [p for p in places(data) if p and isinstance(_at(data, p), str) and p[0] not in ("kind", "id", "uses")]
    path = draw(st.sampled_from(texts))
    value = draw(
        st.text(st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn")), min_size=1, max_size=200)
        | st.sampled_from(["🎉 " * 40, "Partnership" * 60, "e\u0301" * 100, "word " * 2000, "<b>&amp;</b> {{ x }} ${x} %s"])
    )
    return put(data, path, value, False), path, value


def _at(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


def write(folder: Path, data: Any) -> Path:
    path = folder / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (folder / "logo.png").write_bytes(_TINY_PNG)
    return path


_TINY_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8ffff3f0005fe02fea7d6a4e10000000049454e44ae426082"
)


def load_like_validate(path: Path) -> Any:
    if parse_document(path).kind == "session":
        return library.load(path)
    return load_object(path)


def one_line_naming(error: FacilitateError, path: Path) -> None:
    message = error.one_line()
    assert message.startswith(str(path)), message


@pytest.mark.parametrize("kind", [*BASES, "cluster"])
def test_a_hostile_value_anywhere_in_a_file_loads_or_is_one_line(kind, tmp_path_factory):
    @settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large], deadline=None)
    @given(document=hostile_documents(kind))
    def check(document):
        data, _, _ = document
        path = write(tmp_path_factory.mktemp(kind), data)
        try:
            load_like_validate(path)
        except FacilitateError as error:
            one_line_naming(error, path)

    check()


def _build_examples() -> int:
    """A tenth of the profile's examples (each builds every format): 10 in CI, 1,000 in the thorough run."""
    return max(6, settings.default.max_examples // 10)


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
          deadline=None, max_examples=_build_examples())
@given(document=hostile_documents("session") | texts_changed("session"))
def test_a_hostile_session_that_loads_builds_in_every_format_or_says_why_in_one_line(document, tmp_path_factory):
    data, _, _ = document
    folder = tmp_path_factory.mktemp("session")
    path = write(folder, data)
    try:
        pack = load_like_validate(path)
    except FacilitateError:
        return
    try:
        facilitate.build(pack, folder / "out", ["markdown", "html", "live", "pptx", "handouts", "cards", "docx"])
    except FacilitateError as error:
        assert "\n" not in error.one_line()
