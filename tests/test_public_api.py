"""The public API as users type-check it: every public name is re-exported, and a user's script passes mypy --strict."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import facilitate
import facilitate.model


def _type_checking_names(module) -> set[str]:
    """Names imported as ``X as X`` inside the module's ``if TYPE_CHECKING:`` block."""
    tree = ast.parse(Path(module.__file__).read_text("utf-8"))
    names = set()
    for node in tree.body:
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for item in ast.walk(node):
                if isinstance(item, ast.ImportFrom):
                    names |= {alias.asname for alias in item.names if alias.asname == alias.name}
    return names


@pytest.mark.parametrize("module", [facilitate, facilitate.model])
def test_type_checkers_see_every_lazily_loaded_name(module):
    assert _type_checking_names(module) == set(module.__all__)
    for name in module.__all__:
        assert getattr(module, name) is not None


def test_a_users_script_passes_mypy_strict(tmp_path):
    try:
        import mypy  # noqa: F401
    except ImportError:
        from tests import tools

        tools.missing("mypy (in the test extra)")
    script = tmp_path / "user.py"
    script.write_text(
        "import datetime as dt\n"
        "import facilitate\n"
        "from facilitate import Card, CardDeck, Part, Segment, Session, SessionPack\n"
        "from facilitate.exporters import exporter\n"
        "from facilitate.options import BuildOptions, PaperOptions\n\n"
        "deck = CardDeck('hopes', 'Our hopes', cards=[Card('readers', 'Readers', 'Every child reads.')])\n"
        "session = Session(title='Morning', starts_at=dt.time(9, 0), conversation=[Part('why', 'Why?')],\n"
        "                  segments=[Segment('hopes', 'Our hopes', 30, kind='activity', part='why', deck='hopes')])\n"
        "pack: SessionPack = SessionPack(session=session, decks=[deck])\n"
        "end: dt.time = pack.session.schedule[-1].ends_at\n"
        "loaded: SessionPack = facilitate.load()\n"
        "names: list[str] = [output.name for output in exporter('markdown').outputs(loaded, BuildOptions(PaperOptions('letter')))]\n"
        "written = facilitate.build(pack, 'out', formats=['markdown'])\n"
        "first: str = written[0].name\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(script)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
