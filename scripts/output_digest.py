"""The bytes facilitate writes for a fixed set of inputs, as SHA-256 digests: proof that an optimisation changed nothing.

    python scripts/output_digest.py > before.txt        # on the code before the change
    python scripts/output_digest.py --compare before.txt  # after it: lists every file whose bytes differ

Builds, through the installed ``facilitate`` command: the default pack (every format), a
few rich sessions of the real-looking corpus (tests/fixtures/real: pictures, logos,
charts, rubrics, Welsh, French, Māori, a 4:3 deck), the benchmark decks (40 slides) and
card sheets (short and 40-word prompts, from YAML and from CSV, with and without
``--cmyk``). Outputs are deterministic (fixed dates, no random ids), so the same code
gives the same digests on any run; a change that only makes facilitate faster must too.
Exit status 1 when ``--compare`` finds a difference.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import workloads  # noqa: E402

REAL = ROOT / "tests" / "fixtures" / "real"
#: Rich sessions of the corpus: (file, extra options).
SESSIONS = (
    ("riverside-cluster-day.yaml", ()),
    ("attendance-and-reading.yaml", ()),
    ("reading-for-pleasure-morning.yaml", ()),
    ("clwstwr-dyffryn-tywi.yaml", ()),
    ("kahui-ako-hui.yaml", ()),
    ("concertation-ecoles-quartier.yaml", ("--aspect", "4:3", "--paper", "letter")),
    ("transition-review.yaml", ("--aspect", "4:3", "--cmyk")),
    ("cluster-health-check.yaml", ("--cards-as-slides",)),
)


def facilitate(*args: str) -> None:
    beside = Path(sys.executable).with_name("facilitate")
    command = [str(beside) if beside.exists() else shutil.which("facilitate") or "facilitate", *args]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({result.returncode}): {result.stderr.strip()}")


def build_all(work: Path) -> Path:
    out = work / "out"
    facilitate("build", "-o", str(out / "default"))
    for name, extra in SESSIONS:
        facilitate("build", str(REAL / name), "-o", str(out / Path(name).stem), *extra)
    inputs = workloads.write_deck_inputs(work / "in", 40)
    facilitate("build", str(inputs["yaml"]), "-f", "pptx", "-o", str(out / "deck-40"))
    for long in (False, True):
        cards = workloads.write_card_inputs(work / "in", 90, long)
        stem = cards["yaml"].stem
        facilitate("cards", str(cards["yaml"]), "-o", str(out / f"{stem}-yaml.pdf"), "--no-instructions")
        facilitate("cards", str(cards["csv"]), "-o", str(out / f"{stem}-csv.pdf"))
        facilitate("cards", str(cards["yaml"]), "-o", str(out / f"{stem}-cmyk.pdf"), "--cmyk", "--cut-lines")
    facilitate("cards", str(REAL / "family-worries.yaml"), "-o", str(out / "family-worries.pdf"), "--paper", "letter")
    facilitate("cards", "lets-imagine", "-o", str(out / "lets-imagine-fold.pdf"), "--fold", "--language", "cy")
    facilitate("cards", "lets-imagine", "-o", str(out / "lets-imagine-shop.pdf"), "--print-shop")
    return out


def digests(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != ".facilitate-manifest.json"
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", type=Path, help="digests printed by an earlier run: report every difference")
    args = parser.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    with tempfile.TemporaryDirectory(prefix="facilitate-digest-") as folder:
        found = digests(build_all(Path(folder)))
    if args.compare is None:
        for name, digest in found.items():
            print(f"{digest}  {name}")
        return
    before = dict(reversed(line.split(maxsplit=1)) for line in args.compare.read_text().splitlines() if line.strip())
    before = {name.strip(): digest for name, digest in before.items()}
    changed = sorted(name for name in before.keys() | found.keys() if before.get(name) != found.get(name))
    for name in changed:
        print(f"differs: {name} ({'missing now' if name not in found else 'new' if name not in before else 'other bytes'})")
    print(f"{len(found)} files, {len(changed)} differ")
    sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
