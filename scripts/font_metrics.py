"""Write src/facilitate/fonts/metrics.json from the bundled TTFs (run after changing a font).

    python scripts/font_metrics.py
"""

from __future__ import annotations

import json
from pathlib import Path

from facilitate.layout.fonts import FILES, METRICS_FILE, read_metrics

FONTS = Path(__file__).resolve().parent.parent / "src" / "facilitate" / "fonts"


def metrics_data() -> dict:
    data = {}
    for file in FILES.values():
        read = read_metrics(FONTS / file)
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
