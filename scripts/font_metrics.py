"""Write src/facilitate/fonts/metrics.json from the TTFs (run after changing a font).

    python scripts/font_metrics.py

DejaVu Sans is bundled; the decks' metric-compatible twins (Liberation Sans, Carlito) are
read where Debian installs them (fonts-liberation2, fonts-crosextra-carlito).
"""

from __future__ import annotations

import json
from pathlib import Path

from facilitate.layout.fonts import DECK_FONTS, METRICS_FILE, read_metrics

FONTS = Path(__file__).resolve().parent.parent / "src" / "facilitate" / "fonts"


def ttf_files() -> dict[str, Path]:
    """Every TTF whose metrics facilitate measures with, by file name."""
    files = {}
    for font in DECK_FONTS.values():
        folder = Path(font.folder) if font.folder else FONTS
        for file in font.files.values():
            files[file] = folder / file
    return files


def metrics_data() -> dict:
    data = {}
    for file, path in sorted(ttf_files().items()):
        read = read_metrics(path)
        data[file] = {
            "units_per_em": read.units_per_em,
            "ascent": read.ascent,
            "descent": read.descent,
            "advances": {str(code): advance for code, advance in read.advances.items()},
        }
    return data


if __name__ == "__main__":
    target = FONTS / METRICS_FILE
    target.write_text(json.dumps(metrics_data(), separators=(",", ":"), sort_keys=True) + "\n", "utf-8")
    print(f"wrote {target}")
