"""The live session page: self-contained, safe with hostile content, and working in a real browser."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import attrs
import pytest
from markupsafe import escape

from facilitate.building import build
from facilitate.exporters import DEFAULT_FORMATS
from facilitate.exporters.live import render_page, script_json, session_data
from facilitate.model import Quote, Segment, Theme
from tests import tools
from tests.conftest import small_pack, small_session

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOSTILE_TITLE = "<script>alert(1)</script>"
HOSTILE_PROMPT = '</script><script>alert(2)</script> & "quotes" \u2028'
HOSTILE_NOTES = "<img src=x onerror=alert(3)> </SCRIPT>"
JSON_ELEMENT = re.compile(r'<script type="application/json" id="session-data">(.*?)</script>', re.S)


def hostile_pack():
    session = small_session()
    segments = list(session.segments)
    segments[0] = attrs.evolve(
        segments[0],
        title=HOSTILE_TITLE,
        prompts=(HOSTILE_PROMPT,),
        notes=HOSTILE_NOTES,
        quote=Quote(HOSTILE_PROMPT, "<b>Mallory</b>"),
    )
    return small_pack(session=attrs.evolve(session, title=HOSTILE_TITLE, segments=tuple(segments)))


def page_html(tmp_path: Path, pack=None) -> str:
    (path,) = build(pack or small_pack(), tmp_path / "out", ["live"])
    assert path.name == "session.html"
    return path.read_text("utf-8")


# --- static ------------------------------------------------------------------------------


def test_live_page_is_a_default_format(tmp_path):
    assert "live" in DEFAULT_FORMATS
    names = {p.name for p in build(small_pack(), tmp_path / "out")}
    assert "session.html" in names


def test_page_is_self_contained_with_no_urls(tmp_path):
    html = page_html(tmp_path)
    assert not re.search(r"https?://", html, re.I)
    assert not re.search(r"\b(src|href|action|srcset)\s*=\s*[\"']", html, re.I)  # nothing to fetch
    assert not re.search(r"@import|url\(", html, re.I)
    assert "default-src 'none'" in html  # and the browser is told to fetch nothing


def test_page_lists_every_segment_with_clock_times(tmp_path):
    html = page_html(tmp_path)
    for item in small_pack().session.schedule:
        assert str(escape(item.segment.title)) in html
        assert f"{item.starts_at:%H:%M}" in html
    data = json.loads(JSON_ELEMENT.search(html).group(1))
    assert [(s["startsAt"], s["endsAt"]) for s in data["segments"]][:2] == [("09:00", "09:15"), ("09:15", "09:35")]
    assert data["segments"][2]["partTitle"] == "Part two"
    assert data["segments"][4]["extras"][0]["items"] == ["A discovery", "A disturbance", "A delight", "My commitment"]


def test_notes_are_hidden_by_default(tmp_path):
    html = page_html(tmp_path)
    assert re.search(r'<section class="notes" id="notes"[^>]*\bhidden\b', html)
    assert 'aria-expanded="false"' in html
    # The notes travel only inside the JSON, never as visible markup.
    assert html.count("SECRET-NOTE-welcome") == 1 and "SECRET-NOTE-welcome" in JSON_ELEMENT.search(html).group(1)


def test_hostile_content_cannot_escape_the_json_or_become_markup(tmp_path):
    html = page_html(tmp_path, hostile_pack())
    assert html.count("<script") == 2 and html.lower().count("</script") == 2  # only the page's own
    assert "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # the autoescaped <title> and agenda
    raw = JSON_ELEMENT.search(html).group(1)
    assert not set("<>&") & set(raw) and "\u2028" not in raw
    data = json.loads(raw)
    assert data["title"] == HOSTILE_TITLE
    assert data["segments"][0]["prompts"] == [HOSTILE_PROMPT]
    assert data["segments"][0]["notes"] == HOSTILE_NOTES


def test_script_json_round_trips():
    value = {"a": "</script><!-- & \u2029", "b": [1, None, "é"]}
    text = script_json(value)
    assert json.loads(text) == value and not set("<>&") & set(text)


def test_page_is_deterministic_and_uses_the_theme():
    theme = Theme(id="brand", primary="#5b2a86", accent="#ffd400")
    pack = small_pack(theme=theme)
    first = render_page(pack)
    assert first == render_page(pack)
    assert "--primary: #5b2a86" in first
    # A pale accent is not readable as text on white: the page uses the text colour instead.
    assert "--accent-text: #1a1a1a" in first and "--on-accent: #1a1a1a" in first
    assert session_data(pack) == session_data(small_pack())


# --- in a real browser --------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright import sync_api
    except ImportError:
        tools.missing("the playwright package (pip install playwright)")
    if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
        tools.missing(f"{CHROMIUM} (apt-get install -y chromium)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def open_page(browser, tmp_path):
    """Open a pack's session.html from a file:// URL with a fake clock; collects errors and dialogs."""
    pages = []

    def opener(pack=None, width=1600, height=900):
        page_html(tmp_path, pack)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.problems = []
        page.on("console", lambda message: message.type == "error" and page.problems.append(message.text))
        page.on("pageerror", lambda error: page.problems.append(str(error)))
        page.on("dialog", lambda dialog: (page.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
        page.on("request", lambda request: request.url.startswith("file:") or page.problems.append(request.url))
        # A paused clock: time moves only when a test says so, so the countdown is exact.
        page.clock.install(time="2026-09-03T09:00:00")
        page.clock.pause_at("2026-09-03T09:00:10")
        page.goto((tmp_path / "out" / "session.html").as_uri())
        pages.append(page)
        return page

    yield opener
    for page in pages:
        page.close()


def text(page, selector: str) -> str:
    return page.locator(selector).text_content()


def current_index(page) -> int:
    return int(page.locator("#agenda li.current").get_attribute("data-index"))


def test_shortcuts_drive_the_countdown_agenda_and_notes(open_page, tmp_path):
    page = open_page()
    assert text(page, "#segment-title") == "Welcome"
    assert text(page, "#countdown") == "15:00" and current_index(page) == 0
    assert page.locator("#agenda li.current button").get_attribute("aria-current") == "step"

    page.keyboard.press("Space")  # start
    page.clock.run_for(5_300)  # ticks come every 250 ms
    assert text(page, "#countdown") == "14:55"
    assert text(page, "#start").startswith("Pause")
    page.keyboard.press("Space")  # pause
    page.clock.run_for(3_300)
    assert text(page, "#countdown") == "14:55" and "Paused" in text(page, "#timer-state")
    page.keyboard.type("+")
    assert text(page, "#countdown") == "15:55"

    page.keyboard.press("n")
    assert text(page, "#segment-title") == "A short talk" and current_index(page) == 1
    assert text(page, "#countdown") == "20:00"
    assert "done" in page.locator('#agenda li[data-index="0"]').get_attribute("class")
    assert page.locator(".parts li.current").text_content().endswith("Part one")
    page.keyboard.press("ArrowRight")
    assert text(page, "#segment-title") == "Let's imagine" and current_index(page) == 2
    assert text(page, "#slot").startswith("09:35–10:05")
    page.keyboard.press("p")
    assert current_index(page) == 1
    page.keyboard.press("ArrowLeft")
    assert text(page, "#segment-title") == "Welcome" and current_index(page) == 0
    assert text(page, "#countdown") == "15:55"  # each segment keeps its own time
    assert page.locator("#previous").is_disabled()

    notes = page.locator("#notes")
    assert not notes.is_visible()
    page.keyboard.press("f")
    assert notes.is_visible() and "SECRET-NOTE-welcome" in notes.text_content()
    assert page.locator("#toggle-notes").get_attribute("aria-expanded") == "true"
    page.keyboard.press("f")
    assert not notes.is_visible()
    assert page.problems == []


def test_cues_at_two_minutes_and_zero_and_the_buttons(open_page, tmp_path):
    page = open_page()
    page.locator('#agenda li[data-index="3"] button').click()  # Coffee, 15 min
    assert text(page, "#segment-title") == "Coffee" and text(page, ".back-at") == "Back at 10:20"
    page.locator("#start").click()
    page.keyboard.press("Space")  # the click left no focus behind: Space pauses, not re-clicks
    assert text(page, "#start").startswith("Start")
    page.keyboard.press("Space")
    timer = page.locator("#timer")
    page.clock.fast_forward("13:01")
    assert "warning" in timer.get_attribute("class") and text(page, "#countdown") == "1:59"
    page.clock.fast_forward("02:05")
    assert "over" in timer.get_attribute("class") and text(page, "#countdown").startswith("+0:0")
    assert text(page, "#timer-state") == "Time is up"
    assert "Time is up" in text(page, "#announce")
    page.locator("#add-minute").click()
    assert "warning" in timer.get_attribute("class")
    page.locator("#next").click()  # moving on while running starts the next segment's clock
    assert text(page, "#segment-title") == "Taking stock" and page.locator("#next").is_disabled()
    page.clock.run_for(2_300)
    assert text(page, "#countdown") == "19:58"
    assert "My commitment" in text(page, "#content")
    page.keyboard.press("f")
    page.screenshot(path=str(tmp_path / "live-session.png"))
    assert (tmp_path / "live-session.png").stat().st_size > 10_000
    assert page.problems == []


def test_hostile_content_is_shown_as_text(open_page, tmp_path):
    page = open_page(hostile_pack(), width=1024, height=768)
    assert text(page, "#segment-title") == HOSTILE_TITLE
    assert text(page, ".prompts li") == HOSTILE_PROMPT
    page.keyboard.press("f")
    assert text(page, "#notes-text") == HOSTILE_NOTES
    assert page.locator("#stage img, #stage b, #stage script").count() == 0
    page.clock.run_for(1_000)
    assert page.problems == []


def test_a_session_without_conversation_parts(open_page):
    session = small_session(
        conversation=(),
        segments=(Segment("only", "Just one thing", 5, kind="discussion", prompts=("Why?",)),),
    )
    page = open_page(small_pack(session=session), width=420, height=800)
    assert page.locator(".parts").count() == 0
    assert text(page, "#kicker").startswith("Discussion") and text(page, "#countdown") == "5:00"
    assert page.locator("#next").is_disabled() and page.locator("#previous").is_disabled()
    page.keyboard.press("n")
    page.keyboard.press("Space")
    page.clock.run_for(181_000)
    assert text(page, "#countdown") == "1:59" and "warning" in page.locator("#timer").get_attribute("class")
    assert page.problems == []
