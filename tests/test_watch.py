"""``facilitate watch``: an edit shows in the preview, a broken edit shows its line and keeps the last good
build, only what depends on an edit is drawn and written again, and the page is served on 127.0.0.1 only.

The functional tests run a real watcher and server in threads on a copy of the default
session and wait (with a generous timeout, never a speed limit: benchmarks/watch.py
measures speed) for the preview to change.
"""

from __future__ import annotations

import http.client
import json
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from facilitate.loaders import library
from facilitate.watching import Watcher, serve

TIMEOUT = 60.0
SVG = "{http://www.w3.org/2000/svg}"
PROMPT = "Why am I here?"


@pytest.fixture
def session(tmp_path) -> Path:
    """An editable copy of the default session, alone in a folder."""
    path = tmp_path / "riverside.yaml"
    path.write_text(library.copy_text(library.find(library.DEFAULT_SESSION, "session"), "riverside"), "utf-8")
    return path


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new, count), "utf-8")


class Running:
    """A watcher and its server, each in a thread, as ``facilitate watch`` runs them."""

    def __init__(self, source: Path, **options) -> None:
        self.lines: list[str] = []
        self.watcher = Watcher(source, say=self.lines.append, **options)
        self.server, self.thread = serve(self.watcher)
        self.stop = threading.Event()
        self.loop = threading.Thread(target=self.watcher.run, args=(self.stop,), daemon=True)
        self.loop.start()
        self.version = self.next_version(0)["version"]

    def get(self, path: str, host: str | None = None) -> tuple[int, dict[str, str], str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=TIMEOUT)
        try:
            connection.request("GET", path, headers={"Host": host} if host else {})
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read().decode("utf-8")
        finally:
            connection.close()

    def next_version(self, after: int) -> dict:
        """The preview's state once its version is not ``after`` (asking as the page does)."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            status, _, body = self.get(f"/version.json?after={after}")
            assert status == 200
            state = json.loads(body)
            if state["version"] != after:
                return state
        raise AssertionError(f"no new version of the preview after {after} in {TIMEOUT} s; the watcher said {self.lines}")

    def settled(self) -> dict:
        """The state once the build that follows an edit is done (its checks and writes included)."""
        state = self.next_version(self.version)
        deadline = time.monotonic() + TIMEOUT
        while self.watcher.changed() or len(self.watcher.log) < 2 or self.watcher.log[-1].version < state["version"]:
            assert time.monotonic() < deadline, self.lines
            time.sleep(0.05)
        self.version = self.watcher.preview.version
        return json.loads(self.get("/version.json")[2])

    def close(self) -> None:
        self.stop.set()
        self.loop.join(TIMEOUT)
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def running(session):
    made: list[Running] = []

    def start(**options) -> Running:
        made.append(Running(session, **options))
        return made[-1]

    yield start
    for one in made:
        one.close()


def slide_with(running: Running, words: str) -> str | None:
    """The number of the first slide whose SVG, as served, contains ``words``."""
    for part in running.watcher.preview.slides:
        status, headers, body = running.get(f"/slides/{part.name}.svg")
        assert status == 200 and headers["Content-Type"] == "image/svg+xml"
        if words in body:
            return part.name
    return None


def test_an_edited_prompt_shows_in_the_preview(session, running):
    watching = running()
    assert slide_with(watching, PROMPT) is not None
    edit(session, PROMPT, "What brought me here this morning?")
    watching.settled()
    assert slide_with(watching, "What brought me here this morning?") is not None
    assert slide_with(watching, PROMPT) is None
    status, headers, page = watching.get("/")
    assert status == 200 and "What brought me here this morning?" in page


def test_a_broken_edit_shows_its_line_and_keeps_the_last_good_build(session, running):
    watching = running()
    slides = watching.watcher.preview.slides
    text = session.read_text("utf-8")
    line = text[: text.index("    minutes: 20\n")].count("\n") + 1
    edit(session, "    minutes: 20\n", "    minutes: 0\n")
    state = watching.settled()
    assert state["problems"] == [f"{session}:{line}: segments[0].minutes: must be at least 1 minute, got 0"], watching.lines
    assert watching.watcher.preview.slides == slides  # the last good slides, still shown
    status, _, page = watching.get("/")
    assert status == 200 and state["problems"][0].replace("'", "&#39;") in page and "last build that worked" in page
    assert slide_with(watching, PROMPT) is not None
    edit(session, "    minutes: 0\n", "    minutes: 20\n")
    assert watching.settled()["problems"] == []
    assert "last build that worked" not in watching.get("/")[2]


def test_a_yaml_syntax_error_names_its_line(session, running):
    watching = running()
    edit(session, f"- {PROMPT}", f"- {PROMPT}\n  oops: [")
    state = watching.settled()
    assert state["problems"] and state["problems"][0].startswith(f"{session}:")
    assert slide_with(watching, PROMPT) is not None


def test_only_what_depends_on_an_edit_is_drawn_and_written_again(session, tmp_path):
    pack = tmp_path / "pack"
    watcher = Watcher(session, out_dir=pack)
    first = watcher.build()
    assert first.problems == ()
    assert {"deck.pptx", "cards.pdf", "runsheet.pdf", "handout.docx", "session.html"} <= set(first.written)
    stamps = {path.name: path.stat().st_mtime_ns for path in pack.iterdir()}

    edit(session, PROMPT, "What brought me here this morning?")
    record = watcher.build(watcher.changed())
    assert record.changed == (str(session.absolute()),)
    assert [name for name in record.drawn if name.startswith("slide")] == ["slide 2"]
    assert not [name for name in record.drawn if name.startswith("card")]
    assert "document handout" in record.drawn and "document worksheet-attendance-curve" not in record.drawn
    assert {"deck.pptx", "handout.pdf", "handout.html", "session.html"} <= set(record.written)
    assert not {"cards.pdf", "worksheet-attendance-curve.pdf", "runsheet.pdf"} & set(record.written)
    for name in ("cards.pdf", "worksheet-attendance-curve.pdf", "assessment-mature-partnerships-rubric.docx"):
        assert (pack / name).stat().st_mtime_ns == stamps[name], f"{name} was written again"
    assert (pack / "deck.pptx").stat().st_mtime_ns != stamps["deck.pptx"]

    # A deck of the session's own, beside it: its file is watched, and a card's edit redraws that card.
    deck = session.parent / "lets-imagine.yaml"
    deck.write_text(library.copy_text(library.find("lets-imagine", "deck"), "lets-imagine"), "utf-8")
    record = watcher.build(watcher.changed())
    assert record.changed == (str(deck.absolute()),) and record.drawn == () and record.written == ()
    prompt = re.search(r"prompt: (.+)", deck.read_text("utf-8"))
    assert prompt is not None
    edit(deck, prompt.group(0), "prompt: Let's imagine a card edited while the preview watches.")
    record = watcher.build(watcher.changed())
    assert record.drawn == ("card lets-imagine 1",)
    assert "cards.pdf" in record.written
    assert not [name for name in record.written if name.startswith(("runsheet", "handout", "worksheet"))]
    face = ET.fromstring(watcher.preview.part("cards", "lets-imagine/1").content)
    assert "Let's imagine a card edited while the preview watches." in " ".join(t.text or "" for t in face.iter(f"{SVG}text"))

    # Nothing changed: nothing drawn, nothing written.
    record = watcher.build()
    assert record.drawn == () and record.written == ()


def test_a_picture_edited_in_place_redraws_what_shows_it(session, tmp_path):
    from PIL import Image

    picture = session.parent / "room.png"
    Image.new("RGB", (80, 40), "#336699").save(picture)
    # The welcome segment shows a picture beside its text.
    edit(session, "    kind: welcome\n", "    kind: welcome\n    image: {path: room.png, alt: Our meeting room}\n")
    watcher = Watcher(session)
    assert watcher.build().problems == ()
    assert str(picture.absolute()) in watcher.files()
    time.sleep(0.01)
    Image.new("RGB", (80, 40), "#993366").save(picture)
    record = watcher.build(watcher.changed())
    assert record.changed == (str(picture.absolute()),)
    assert [name for name in record.drawn if name.startswith("slide")]


def test_an_edited_template_writes_again_what_it_draws(session, tmp_path):
    from facilitate.options import BuildOptions, TemplateOptions
    from facilitate.resources import templates_folder

    folder = tmp_path / "templates"
    folder.mkdir()
    template = folder / "document.html.j2"
    template.write_text((templates_folder() / "document.html.j2").read_text("utf-8"), "utf-8")
    pack = tmp_path / "pack"
    watcher = Watcher(session, BuildOptions(TemplateOptions(str(folder))), pack, ["html", "markdown", "pptx"])
    assert watcher.build().problems == ()
    assert str(template.absolute()) in watcher.files()
    edit(template, "<body>", "<body><p>OUR OWN TEMPLATE</p>")
    record = watcher.build(watcher.changed())
    # Every document the template folder may draw (any template may include another), and nothing else.
    assert sorted(record.written) == sorted(f"{entry.name}.{suffix}" for entry in watcher.preview.documents for suffix in ("html", "md"))
    assert all("OUR OWN TEMPLATE" in document.content for document in watcher.preview.documents)
    assert "OUR OWN TEMPLATE" in (pack / "runsheet.html").read_text("utf-8")


def test_the_preview_is_served_on_127_0_0_1_only(running):
    watching = running()
    assert watching.server.server_address[0] == "127.0.0.1"
    others = {"127.0.0.2"}
    try:
        probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        probe.connect(("192.0.2.1", 9))  # no packet is sent: this only picks the outward interface
        others.add(probe.getsockname()[0])
        probe.close()
    except OSError:
        pass
    for address in sorted(others - {"127.0.0.1", "0.0.0.0"}):
        with pytest.raises(OSError):
            socket.create_connection((address, watching.server.port), timeout=2).close()
    # A page elsewhere that rebinds its own name to 127.0.0.1 is not answered.
    status, _, _ = watching.get("/", host="attacker.example")
    assert status == 421


def test_the_page_runs_only_its_own_script_and_parts_run_nothing(session, running):
    edit(session, "title: The Power of Partnerships", 'title: "<script>alert(1)</script> & <img src=x onerror=alert(2)>"')
    watching = running()
    status, headers, page = watching.get("/")
    assert status == 200
    assert "script-src 'self'" in headers["Content-Security-Policy"] and "unsafe-inline" not in headers["Content-Security-Policy"]

    class Scripts(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: list[dict] = []

        def handle_starttag(self, tag, attributes):
            if tag in ("script", "img") or any(name.startswith("on") for name, _ in attributes):
                self.found.append({"tag": tag, **dict(attributes)})

    parser = Scripts()
    parser.feed(page)
    assert parser.found == [{"tag": "script", "src": "/watch.js", "defer": None}]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    for path in ("/slides/1.svg", "/documents/handout.html"):
        status, headers, _ = watching.get(path)
        assert status == 200 and headers["Content-Security-Policy"].startswith("sandbox;")
    assert watching.get("/slides/999.svg")[0] == 404
    assert watching.get("/../../etc/passwd")[0] == 404


def test_the_build_log_is_served(session, running):
    watching = running()
    edit(session, PROMPT, "What brought me here this morning?")
    watching.settled()
    status, _, body = watching.get("/build.json")
    log = json.loads(body)
    assert status == 200 and log[-1]["drawn"] and log[-1]["changed"] == [str(session.absolute())]


# --- in a browser -------------------------------------------------------------------------------------

def axe_problems(page, source: str) -> list[str]:
    page.evaluate(source)  # through DevTools: the page's policy runs only its own script
    violations = page.evaluate("async () => (await axe.run(document, { resultTypes: ['violations'] })).violations"
                               ".map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')) }))")
    return [f"{v['id']} ({v['impact']}): {v['nodes'][:3]}" for v in violations if v["impact"] in ("serious", "critical")]


def test_the_page_reloads_itself_with_the_edit_and_passes_axe(session, running, browser, axe_source):
    watching = running()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("request", lambda request: request.url.startswith(watching.server.url) or problems.append(request.url))
    page.goto(watching.server.url)
    assert axe_problems(page, axe_source) == []
    edit(session, PROMPT, "What brought me here this morning?")
    page.get_by_text("What brought me here this morning?").first.wait_for(timeout=TIMEOUT * 1000)
    edit(session, "    minutes: 20\n", "    minutes: 0\n")
    page.locator("#problems").wait_for(timeout=TIMEOUT * 1000)
    assert f"{session.name}:" in page.locator("#problems").inner_text()
    assert "segments[0].minutes: must be at least 1 minute, got 0" in page.locator("#problems").inner_text()
    assert page.get_by_text("What brought me here this morning?").count() >= 1  # the last good build, still shown
    assert axe_problems(page, axe_source) == []
    page.set_viewport_size({"width": 320, "height": 640})
    assert axe_problems(page, axe_source) == []
    assert problems == []
    page.close()


# --- the command --------------------------------------------------------------------------------------


def test_the_command_serves_the_preview_and_stops_cleanly_on_ctrl_c(session, tmp_path):
    process = subprocess.Popen(
        [sys.executable, "-m", "facilitate", "watch", str(session), "-o", str(tmp_path / "pack"), "-f", "pptx"],
        cwd=tmp_path, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        first = process.stderr.readline()
        url = re.search(r"http://127\.0\.0\.1:(\d+)/", first)
        assert url, first
        deadline = time.monotonic() + TIMEOUT
        while not (tmp_path / "pack" / "deck.pptx").exists():
            assert time.monotonic() < deadline and process.poll() is None
            time.sleep(0.1)
        connection = http.client.HTTPConnection("127.0.0.1", int(url.group(1)), timeout=TIMEOUT)
        connection.request("GET", "/")
        assert connection.getresponse().status == 200
        connection.close()
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert "Traceback" not in err and "stopped watching" in err
    assert sorted(path.name for path in (tmp_path / "pack").iterdir()) == [".facilitate-manifest.json", "deck.pptx"]


def test_the_command_refuses_formats_without_a_folder(session):
    from click.testing import CliRunner

    from facilitate.cli import main

    result = CliRunner().invoke(main, ["watch", str(session), "-f", "pptx"])
    assert result.exit_code == 2 and "-o DIR" in result.output
