"""Benchmark: data from spreadsheets and forms at 1,000, 10,000 and 50,000 rows: time and peak memory.

    python benchmarks/datain.py [--sizes 1000 10000 50000]

Every figure is a whole, fresh process (``python -c`` or the ``facilitate`` command), its
wall time and its peak resident memory (GNU time, as benchmarks/run.py measures), after one
warm-up run of each command, so the interpreter and
libraries are counted once, as a user meets them. Rows are:

- loading a card deck from CSV and from XLSX (openpyxl read-only),
- ``facilitate results`` over a Google Forms CSV and a Microsoft Forms XLSX export,
- ``facilitate cards FILE.csv``, spreadsheet to print-ready PDF, against the same deck as
  YAML: the export streams its pages, so memory should grow with the deck (the cards
  themselves) and not with the pages.

Nothing here asserts a time; read the table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from run import run_once as measure  # noqa: E402  (GNU time's peak memory: a forked child is charged ours too)
from tests.spreadsheets import DIMENSIONS, LEVELS, RUBRIC_YAML, google_forms_csv, microsoft_forms_xlsx, write_csv  # noqa: E402

PYTHON = sys.executable


def facilitate(*args: str) -> list[str]:
    script = Path(PYTHON).with_name("facilitate")
    return [str(script), *args] if script.exists() else [PYTHON, "-m", "facilitate", *args]


def card_rows(count: int) -> list[list[str]]:
    rows = [["Title", "Prompt", "Category", "Tags"]]
    rows += [
        [f"Card {i}", f"Imagine a system where partnership idea {i} is simply how things are done", ("Place", "People", "Purpose")[i % 3], "one, two"]
        for i in range(1, count + 1)
    ]
    return rows


def write_inputs(folder: Path, count: int) -> dict[str, Path]:
    from openpyxl import Workbook

    paths = {"csv": write_csv(folder / f"cards-{count}.csv", card_rows(count), bom=True)}
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Cards")
    for row in card_rows(count):
        sheet.append(row)
    workbook.save(folder / f"cards-{count}.xlsx")
    paths["xlsx"] = folder / f"cards-{count}.xlsx"
    yaml_lines = ["kind: deck", f"id: bench-{count}", "title: Benchmark", "cards:"]
    yaml_lines += [f"  - {{id: c{i}, title: Card {i}, prompt: {row[1]}, category: {row[2]}}}" for i, row in enumerate(card_rows(count)[1:], 1)]
    paths["yaml"] = folder / f"cards-{count}.yaml"
    paths["yaml"].write_text("\n".join(yaml_lines) + "\n", "utf-8")
    answers = [{title: LEVELS[(i + n) % 4] for n, (_, title) in enumerate(DIMENSIONS)} | {"school": f"School {i % 12}"} for i in range(count)]
    when = [dt.datetime(2024, 3, 4, 9) + dt.timedelta(minutes=i) for i in range(count)]
    paths["google"] = google_forms_csv(folder / f"google-{count}.csv", answers, when)
    paths["microsoft"] = microsoft_forms_xlsx(folder / f"microsoft-{count}.xlsx", answers, when)
    paths["rubric"] = folder / "rubric.yaml"
    paths["rubric"].write_text(RUBRIC_YAML, "utf-8")
    return paths


LOAD = "from facilitate.loaders.datafiles import deck_from_file; import sys; assert len(deck_from_file(sys.argv[1]).cards) == int(sys.argv[2])"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 50_000])
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}; each figure one fresh process: wall time, peak memory")
    print(f"{'rows':>7}  {'what':<44}  {'wall':>8}  {'peak':>8}  {'file':>8}")
    with tempfile.TemporaryDirectory(prefix="facilitate-datain-bench-") as tmp:
        folder = Path(tmp)
        for count in args.sizes:
            (folder / str(count)).mkdir()
            paths = write_inputs(folder / str(count), count)
            out = folder / str(count) / "cards.pdf"
            rows = [
                ("load a card deck from CSV", [PYTHON, "-c", LOAD, str(paths["csv"]), str(count)], paths["csv"]),
                ("load a card deck from XLSX (read-only)", [PYTHON, "-c", LOAD, str(paths["xlsx"]), str(count)], paths["xlsx"]),
                ("facilitate results, Google Forms CSV", facilitate("results", str(paths["rubric"]), str(paths["google"]), "--by", "Your school"), paths["google"]),
                ("facilitate results, Microsoft Forms XLSX", facilitate("results", str(paths["rubric"]), str(paths["microsoft"]), "--by", "Your school"), paths["microsoft"]),
                ("facilitate cards FILE.csv (to a PDF)", facilitate("cards", str(paths["csv"]), "-o", str(out), "--force"), paths["csv"]),
                ("facilitate cards FILE.yaml (the same deck)", facilitate("cards", str(paths["yaml"]), "-o", str(out), "--force"), paths["yaml"]),
            ]
            for what, command, source in rows:
                if count == args.sizes[0]:
                    measure(command)  # warm-up: bytecode, page cache
                wall, peak = measure(command)
                size = source.stat().st_size / 1e6
                print(f"{count:>7,}  {what:<44}  {wall:>6.2f} s  {peak:>5.0f} MB  {size:>5.1f} MB", flush=True)


if __name__ == "__main__":
    main()
