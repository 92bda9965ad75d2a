"""Benchmark: from saving a one-line edit of a prompt to the preview of `facilitate watch` showing it.

    python benchmarks/watch.py [--edits 20] [--pause 1.5] [--pack]

Runs ``facilitate watch`` on a copy of the default session (as a user does, in its own
process; with ``--pack`` it also keeps a pack in a folder, ``-o pack``), waits for the
first build, then edits one prompt line of the session file again and again. Each edit is
timed from the moment the file is written and closed until the preview's version has
changed *and* the slide's SVG, fetched from the preview server, holds the new words: what
a facilitator waits for. The page itself asks the same server the same way
(``/version.json?after=N``), then reloads.

Printed: min / median / max over the edits, the watcher's own share of each (from its
build log: loading, planning and drawing, before the preview is published), and the
machine's load. Between edits the watcher is left to finish the build (its whole-pack
check, and the pack's files with ``--pack``), as when a person reads what they changed.
Nothing here asserts a time; docs/performance.md records a run.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROMPT = "Why am I here?"


def facilitate(*args: str) -> list[str]:
    script = Path(sys.executable).with_name("facilitate")
    return [str(script), *args] if script.exists() else [sys.executable, "-m", "facilitate", *args]


class Preview:
    def __init__(self, port: int) -> None:
        self.port = port

    def get(self, path: str) -> str:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read().decode("utf-8")
            if response.status != 200:
                raise RuntimeError(f"GET {path}: {response.status} {body[:200]}")
            return body
        finally:
            connection.close()

    def version(self, after: int | None = None) -> int:
        return int(json.loads(self.get("/version.json" if after is None else f"/version.json?after={after}"))["version"])

    def log(self) -> list[dict]:
        return json.loads(self.get("/build.json"))

    def idle(self, timeout: float = 120.0) -> None:
        """Wait until the last build, checks and writes included, is done."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            version = self.version()
            log = self.log()
            if log and log[-1]["version"] >= version:
                return
            time.sleep(0.05)
        raise RuntimeError("the watcher did not finish its build")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=20, help="edits to time (default 20)")
    parser.add_argument("--pause", type=float, default=1.5, help="seconds between edits (default 1.5)")
    parser.add_argument("--pack", action="store_true", help="also keep a pack in a folder (watch -o pack)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="facilitate-watch-bench-") as folder:
        work = Path(folder)
        subprocess.run(facilitate("copy", "power-of-partnerships", "-o", "riverside.yaml"), cwd=work, check=True,
                       stdout=subprocess.DEVNULL)
        session = work / "riverside.yaml"
        original = session.read_text("utf-8")
        command = facilitate("watch", "riverside.yaml", *(["-o", "pack"] if args.pack else []))
        watcher = subprocess.Popen(command, cwd=work, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        try:
            assert watcher.stderr is not None
            first = watcher.stderr.readline()
            found = re.search(r"http://127\.0\.0\.1:(\d+)/", first)
            if not found:
                raise RuntimeError(f"facilitate watch did not start: {first}{watcher.stderr.read()}")
            preview = Preview(int(found.group(1)))
            version = preview.version(after=0)
            preview.idle()
            slide = next(part for part in range(1, 200) if PROMPT in preview.get(f"/slides/{part}.svg"))
            latencies: list[float] = []
            own: list[float] = []
            for number in range(1, args.edits + 1):
                version = preview.version()
                words = f"Why am I here, edit {number}?"
                started = time.perf_counter()
                with open(session, "w", encoding="utf-8") as handle:
                    handle.write(original.replace(PROMPT, words, 1))
                saved = time.perf_counter()
                while True:
                    version = preview.version(after=version)
                    if words in preview.get(f"/slides/{slide}.svg"):
                        break
                latencies.append(time.perf_counter() - saved)
                preview.idle()
                record = preview.log()[-1]
                own.append(record["preview_seconds"])
                print(f"edit {number}: {latencies[-1] * 1000:6.0f} ms to the preview (the watcher's build: "
                      f"{record['preview_seconds'] * 1000:.0f} ms; writing the file took {(saved - started) * 1000:.1f} ms)")
                time.sleep(args.pause)
        finally:
            watcher.terminate()
            watcher.wait(timeout=30)

    def ms(values: list[float]) -> str:
        return f"{min(values) * 1000:.0f} / {statistics.median(values) * 1000:.0f} / {max(values) * 1000:.0f} ms"

    load = os.getloadavg()
    print()
    print(f"facilitate watch{' -o pack' if args.pack else ''}, default session, {len(latencies)} one-line edits of a prompt")
    print(f"  saved -> preview shows it (min / median / max): {ms(latencies)}")
    print(f"  of which the watcher's build (load, plan, draw):   {ms(own)}")
    print(f"  load average: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
