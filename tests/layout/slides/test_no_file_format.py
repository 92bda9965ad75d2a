"""The slide model is pure: building a deck imports neither python-pptx nor reportlab."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_building_a_deck_imports_no_file_format_library():
    script = (
        "import sys\n"
        "from facilitate.layout import slides, textfit\n"
        "from tests.deck_fixtures import rich_pack\n"
        "deck = slides.build_deck(rich_pack(), cards_as_slides=True)\n"
        "assert len(deck.slides) > 20\n"
        "print(sorted({name.split('.')[0] for name in sys.modules} & {'pptx', 'reportlab', 'lxml', 'jinja2'}))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
