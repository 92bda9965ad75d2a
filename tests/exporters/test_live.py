"""The live session page: self-contained, safe with hostile content, and run the day with in a real browser.

The browser tests drive headless Chromium (Debian's /usr/bin/chromium) through Playwright,
offline, from file://, with Playwright's fake clock so every countdown, overrun and
catch-up plan is checked to the second without waiting.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import re
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from markupsafe import escape

from facilitate.building import build
from facilitate.exporters import DEFAULT_FORMATS
from facilitate.exporters.live import LABELS, SHORTCUTS, page_script, render_page, script_json, session_data
from facilitate.loaders.timings import load_timings
from facilitate.model import Quote, Segment, Theme
from facilitate.model.retiming import catch_up
from tests.conftest import small_pack, small_session
from tests.model.test_retiming import WORKED, plans

HOSTILE_TITLE = "<script>alert(1)</script>"
HOSTILE_PROMPT = '</script><script>alert(2)</script> & "quotes" \u2028'
HOSTILE_NOTES = "<img src=x onerror=alert(3)> </SCRIPT>"
JSON_ELEMENT = re.compile(r'<script type="application/json" id="session-data">(.*?)</script>', re.S)
NOTES_ELEMENT = re.compile(r'<script type="application/json" id="facilitator-notes">(.*?)</script>', re.S)
SCRIPT_ELEMENT = re.compile(r"<script>(.*?)</script>", re.S)
DAY = "2026-09-03"


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


def flexible_pack():
    """The small session with a fixed coffee break and segments that can shrink before it."""
    session = small_session()
    segments = list(session.segments)
    segments[1] = attrs.evolve(segments[1], min_minutes=10)  # talk, 20 min
    segments[2] = attrs.evolve(segments[2], min_minutes=20)  # cards, 30 min
    segments[3] = attrs.evolve(segments[3], fixed=session.schedule[3].starts_at)  # coffee at 10:05
    return small_pack(session=attrs.evolve(session, segments=tuple(segments)))


def page_html(tmp_path: Path, pack=None) -> str:
    (path,) = build(pack or small_pack(), tmp_path / "out", ["live"])
    assert path.name == "session.html"
    return path.read_text("utf-8")


# --- the page as a file ------------------------------------------------------------------


def test_live_page_is_a_default_format(tmp_path):
    assert "live" in DEFAULT_FORMATS
    names = {p.name for p in build(small_pack(), tmp_path / "out")}
    assert "session.html" in names


def test_page_is_self_contained_with_no_urls(tmp_path):
    html = page_html(tmp_path)
    assert not re.search(r"https?://", html, re.I)
    # Nothing to fetch: the only link is the skip link to a place on the page itself.
    assert re.findall(r"\b(?:src|href|action|srcset)\s*=\s*[\"']([^\"']*)", html, re.I) == ["#controls"]
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    assert not re.search(r"@import|url\(", style, re.I)
    assert "fetch(" not in html and "XMLHttpRequest" not in html and "import(" not in html
    assert "default-src 'none'" in html  # and the browser is told to fetch nothing


def test_only_the_pages_own_script_may_run(tmp_path):
    html = page_html(tmp_path)
    (script,) = SCRIPT_ELEMENT.findall(html)
    assert script == page_script()
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
    assert f"script-src 'sha256-{digest}'" in policy and "unsafe-inline'; img" not in policy.split("script-src")[1]
    assert "unsafe-eval" not in policy


def string_literals(script: str) -> list[str]:
    """The string literals of a script (enough of a JavaScript lexer for session.js)."""
    found, index = [], 0
    while index < len(script):
        char = script[index]
        if script.startswith("//", index):
            index = script.index("\n", index)
        elif script.startswith("/*", index):
            index = script.index("*/", index) + 2
        elif char in "'\"":
            end = index + 1
            while script[end] != char:
                end += 2 if script[end] == "\\" else 1
            found.append(script[index + 1 : end])
            index = end + 1
        elif char == "/" and re.search(r"(?:[(,=:\[!&|?{};]|\breturn)\s*$", script[max(0, index - 12) : index]):
            end = index + 1  # a regular expression literal: skip it, [classes] and all
            while script[end] != "/":
                end = script.index("]", end) + 1 if script[end] == "[" else end + (2 if script[end] == "\\" else 1)
            index = end + 1
        else:
            index += 1
    return found


def test_every_label_is_used_and_the_script_has_no_words_of_its_own():
    script = page_script()
    template = (Path(__file__).resolve().parents[2] / "templates" / "session.html.j2").read_text("utf-8")
    literals = string_literals(script)
    assert "facilitate-timings" in literals and "#agenda li" in literals  # the lexer reads the script
    referred = set(re.findall(r"\bL\.(\w+)", script)) | set(re.findall(r'fmt\("(\w+)"', script)) | set(re.findall(r"labels\.(\w+)", template))
    assert referred - set(LABELS) == set(), "the script or template names labels that do not exist"
    used = referred | (set(literals) & set(LABELS)) | {label for _, label in SHORTCUTS} | {k for k in LABELS if k.startswith("kind_")}
    assert set(LABELS) - used == set(), "labels nothing uses"
    assert 'L["kind_" + segment.kind]' in script
    # Words in the script's own strings would escape the (future) message catalogue.
    # (CSS selectors and the strict-mode directive are not words to translate.)
    worded = [text for text in literals if re.search(r"[A-Za-z]{2,} [A-Za-z]{2,}", text)]
    assert [text for text in worded if text != "use strict" and not re.match(r"[#.][\w-]+ \w+", text)] == []


def test_page_lists_every_segment_with_clock_times(tmp_path):
    html = page_html(tmp_path, flexible_pack())
    for item in small_pack().session.schedule:
        assert str(escape(item.segment.title)) in html
        assert f"{item.starts_at:%H:%M}" in html
    data = json.loads(JSON_ELEMENT.search(html).group(1))
    assert [(s["startsAt"], s["endsAt"]) for s in data["segments"]][:2] == [("09:00", "09:15"), ("09:15", "09:35")]
    assert data["segments"][2]["partTitle"] == "Part two"
    assert data["segments"][4]["extras"][0]["items"] == ["A discovery", "A disturbance", "A delight", "My commitment"]
    assert [(s["minMinutes"], s["fixed"]) for s in data["segments"]] == [(None, None), (10, None), (20, None), (None, "10:05"), (None, None)]
    assert data["decks"][0]["cards"][0] == {"title": "Card 1", "prompt": "A system where idea number 1 is already happening", "detail": "", "category": "People"}


def test_notes_travel_only_in_their_own_element_and_are_hidden_by_default(tmp_path):
    html = page_html(tmp_path)
    assert re.search(r'<section class="notes" id="notes"[^>]*\bhidden\b', html)
    assert 'id="toggle-notes" aria-controls="notes" aria-expanded="false"' in html
    assert html.count("SECRET-NOTE-welcome") == 1
    assert json.loads(NOTES_ELEMENT.search(html).group(1))["welcome"] == "SECRET-NOTE-welcome"
    assert "SECRET-NOTE" not in JSON_ELEMENT.search(html).group(1)


def test_hostile_content_cannot_escape_the_json_or_become_markup(tmp_path):
    html = page_html(tmp_path, hostile_pack())
    assert html.count("<script") == 4 and html.lower().count("</script") == 4  # only the page's own
    assert "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # the autoescaped <title> and agenda
    raw = JSON_ELEMENT.search(html).group(1)
    assert not set("<>&") & set(raw) and "\u2028" not in raw
    data = json.loads(raw)
    assert data["title"] == HOSTILE_TITLE
    assert data["segments"][0]["prompts"] == [HOSTILE_PROMPT]
    assert json.loads(NOTES_ELEMENT.search(html).group(1))["welcome"] == HOSTILE_NOTES


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


def expect(locator):
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


def watch(page) -> None:
    """Collect console errors, page errors, dialogs and any request that leaves the file."""
    page.problems = []
    page.on("console", lambda message: message.type == "error" and page.problems.append(message.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on("dialog", lambda dialog: (page.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("request", lambda request: request.url.startswith(("file:", "blob:")) or page.problems.append(request.url))


class Day:
    """One browser profile with a fake clock paused at 09:00:10 on the day, and the pack's page."""

    def __init__(self, browser, folder: Path, pack=None, width: int = 1600, height: int = 900, start: str = "09:00:10", init_script: str = ""):
        page_html(folder, pack)
        self.url = (folder / "out" / "session.html").as_uri()
        self.context = browser.new_context(viewport={"width": width, "height": height}, timezone_id="UTC", accept_downloads=True)
        if init_script:
            self.context.add_init_script(init_script)
        self.context.clock.install(time=f"{DAY}T08:00:00Z")
        self.context.clock.pause_at(f"{DAY}T{start}Z")
        self.clock = self.context.clock
        self.pages = []

    def open(self, room: bool = False, width: int | None = None, height: int | None = None):
        page = self.context.new_page()
        if width:
            page.set_viewport_size({"width": width, "height": height or 768})
        watch(page)
        page.goto(self.url + ("#room" if room else ""))
        self.pages.append(page)
        return page

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def day(browser, tmp_path):
    days = []

    def opener(pack=None, **options) -> Day:
        folder = tmp_path / f"day{len(days)}"
        folder.mkdir()
        made = Day(browser, folder, pack, **options)
        days.append(made)
        return made

    yield opener
    for made in days:
        made.close()


def open_page(day_, pack=None, **options):
    made = day_(pack, **options)
    return made, made.open()


def text(page, selector: str) -> str:
    return page.locator(selector).text_content()


def current_index(page) -> int:
    return int(page.locator("#agenda li.current").get_attribute("data-index"))


def agenda_time(page, index: int) -> str:
    return text(page, f'#agenda li[data-index="{index}"] .time')


def test_shortcuts_drive_the_countdown_agenda_and_notes(day):
    _, page = open_page(day)
    assert text(page, "#segment-title") == "Welcome"
    assert text(page, "#countdown") == "15:00" and current_index(page) == 0
    assert page.locator("#agenda li.current button").get_attribute("aria-current") == "step"

    page.keyboard.press("Space")  # start
    page.clock.run_for(5_300)  # ticks come every 250 ms
    assert text(page, "#countdown") == "14:55"
    assert text(page, "#start-label") == "Pause"
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
    assert text(page, "#slot").startswith("09:00–09:30 (planned 09:35–10:05)  ·  30 min, at your tables")
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


def test_cues_at_two_minutes_and_zero_and_the_buttons(day):
    _, page = open_page(day)
    page.locator('#agenda li[data-index="3"] button').click()  # Coffee, 15 min
    assert text(page, "#segment-title") == "Coffee"
    page.locator("#start").click()
    assert text(page, ".back-at") == "Back at 09:15"  # started at 09:00:10, back 15 minutes later
    page.keyboard.press("Space")  # the click left no focus behind: Space pauses, not re-clicks
    assert text(page, "#start-label") == "Start"
    page.keyboard.press("Space")
    timer = page.locator("#timer")
    page.clock.fast_forward("13:01")
    assert "warning" in timer.get_attribute("class") and text(page, "#countdown") == "1:59"
    assert text(page, "#announce") == "Two minutes left"
    page.clock.fast_forward("02:05")
    assert "over" in timer.get_attribute("class") and text(page, "#countdown") == "+0:06"
    assert text(page, "#timer-state") == "Time is up"
    assert text(page, "#announce") == "Time is up for Coffee"
    page.clock.run_for(60_000)
    assert text(page, "#countdown") == "+1:06" and text(page, ".back-at") == "Back at 09:16"  # the room is back when it is
    page.locator("#add-minute").click()
    page.locator("#add-minute").click()
    assert "warning" in timer.get_attribute("class") and text(page, "#countdown") == "0:54"
    page.locator("#next").click()  # moving on while running starts the next segment's clock
    assert text(page, "#segment-title") == "Taking stock" and page.locator("#next").is_disabled()
    page.clock.run_for(2_300)
    assert text(page, "#countdown") == "19:58"
    assert "My commitment" in text(page, "#content")
    assert page.problems == []


def test_the_day_is_re_timed_as_it_runs(day):
    _, page = open_page(day)
    assert text(page, "#pace") == "On time"
    page.keyboard.press("Space")  # 09:00:10
    page.clock.fast_forward("19:50")  # Welcome (15 min) runs to 09:20:00
    assert text(page, "#countdown") == "+4:50"
    assert text(page, "#pace") == "5 min behind" and "behind" in page.locator("#pace").get_attribute("class")
    # Every later segment moves: its new clock time, bold, and the planned one under it.
    assert agenda_time(page, 1) == "09:20" and text(page, '#agenda li[data-index="1"] .planned') == "planned 09:15"
    assert agenda_time(page, 2) == "09:40" and agenda_time(page, 4) == "10:25"
    assert text(page, "#next-title") == "A short talk" and text(page, "#next-time") == "09:20 · 20 min"
    page.keyboard.press("n")
    assert text(page, "#countdown") == "20:00" and text(page, "#pace") == "5 min behind"
    assert agenda_time(page, 0) == "09:00" and text(page, '#agenda li[data-index="0"] .planned') == "done"
    page.clock.fast_forward("10:00")
    page.keyboard.press("n")  # talk left after 10 of its 20 minutes: 5 min ahead now
    assert text(page, "#pace") == "5 min ahead"
    assert agenda_time(page, 3) == "10:00"
    page.clock.fast_forward("30:00")
    page.keyboard.press("n")  # coffee, at 10:00
    assert text(page, ".back-at") == "Back at 10:15"
    page.keyboard.press("Space")  # pause: the projection assumes the clock starts again now
    page.clock.fast_forward("08:00")
    assert text(page, ".back-at") == "Back at 10:23" and text(page, "#pace") == "3 min behind"
    assert agenda_time(page, 4) == "10:23"
    assert page.problems == []


def test_jumping_ahead_marks_the_segments_in_between_skipped_not_done(day):
    made, page = open_page(day)
    page.keyboard.press("Space")
    page.clock.fast_forward("15:00")
    page.locator('#agenda li[data-index="3"] button').click()  # from Welcome to Coffee
    classes = [page.locator(f'#agenda li[data-index="{i}"]').get_attribute("class") for i in range(5)]
    assert "done" in classes[0] and "skipped" not in classes[0]
    assert all("skipped" in c and "done" not in c for c in classes[1:3])
    assert text(page, '#agenda li[data-index="1"] .planned') == "skipped"
    assert agenda_time(page, 1) == "09:15"  # a skipped segment keeps its planned time
    assert "current" in classes[3]
    # Skipping 50 minutes of the day puts it 50 minutes ahead.
    assert text(page, "#pace") == "50 min ahead"
    # Going back makes what has not run upcoming again.
    page.locator('#agenda li[data-index="1"] button').click()
    classes = [page.locator(f'#agenda li[data-index="{i}"]').get_attribute("class") for i in range(5)]
    assert "current" in classes[1] and "skipped" not in classes[2] and "done" in classes[3]
    assert page.problems == []


def test_the_catch_up_plan_shrinks_what_can_shrink_before_the_fixed_time(day):
    _, page = open_page(day, flexible_pack())
    assert page.locator("#catch-up").is_hidden()
    page.keyboard.press("Space")
    page.clock.fast_forward("20:50")  # Welcome runs to 09:21:00: six minutes late for coffee at 10:05
    assert text(page, "#catch-up-text") == (
        "6 min late for Coffee at 10:05. Shrink the segments before it (press A to apply):"
    )
    expected = catch_up((20, 30), (10, 20), 6)  # the same rule in Python
    assert expected == (18, 26)
    assert page.locator("#catch-up-list li").all_text_contents() == ["A short talk: 20 → 18 min", "Let's imagine: 30 → 26 min"]
    assert agenda_time(page, 3) == "10:11"
    page.keyboard.press("a")
    assert text(page, "#announce") == "Catch-up plan applied"
    assert agenda_time(page, 3) == "10:05" and agenda_time(page, 2) == "09:39"
    assert text(page, '#agenda li[data-index="1"] .mins') == "18 min"
    assert text(page, "#catch-up-text") == "Applied: Coffee is back on time. Press A to undo."
    page.keyboard.press("a")  # undo
    assert agenda_time(page, 3) == "10:11" and text(page, '#agenda li[data-index="1"] .mins') == "20 min"
    page.keyboard.press("a")
    page.keyboard.press("n")
    assert text(page, "#countdown") == "18:00"  # the shrunk talk
    # Later, far behind: more late than the segments can give.
    page.clock.fast_forward("40:00")  # the talk runs to 10:01
    assert text(page, "#catch-up-text") == "Applied: 6 min saved. Press A to undo."
    page.keyboard.press("a")  # undo, then plan again from the full lengths
    assert text(page, "#catch-up-text") == (
        "26 min late for Coffee at 10:05. Shrink the segments before it (press A to apply):"
    )
    assert page.locator("#catch-up-list li").all_text_contents() == [
        "Let's imagine: 30 → 20 min",
        "That saves 10 of 26 min: Coffee starts 16 min late.",
    ]
    page.keyboard.press("a")
    page.keyboard.press("n")
    page.keyboard.press("n")  # into coffee: the plan is spent, nothing left to undo
    assert page.locator("#catch-up").is_hidden() or "Applied" not in text(page, "#catch-up-text")
    assert page.problems == []


def test_the_finish_is_the_fixed_time_when_nothing_else_is(day):
    session = small_session(segments=(
        Segment("a", "First", 30, kind="discussion"),
        Segment("b", "Second", 30, kind="discussion", min_minutes=15),
        Segment("c", "Third", 30, kind="discussion", min_minutes=15),
    ))
    _, page = open_page(day, small_pack(session=session))
    page.keyboard.press("Space")
    page.clock.fast_forward("39:50")  # ten minutes over
    assert text(page, "#catch-up-text").startswith("10 min late for the finish at 10:30.")
    assert page.locator("#catch-up-list li").all_text_contents() == ["Second: 30 → 25 min", "Third: 30 → 25 min"]
    assert page.problems == []


# --- the same rules in JavaScript and in Python -------------------------------------------


@pytest.fixture(scope="module")
def rules_page(browser, tmp_path_factory):
    folder = tmp_path_factory.mktemp("rules")
    page_html(folder)
    page = browser.new_page()
    watch(page)
    page.goto((folder / "out" / "session.html").as_uri())
    yield page
    page.close()


def test_javascript_catch_up_agrees_with_python_on_the_worked_cases(rules_page):
    cases = [[list(m), list(lo), late] for m, lo, late, _ in WORKED]
    results = rules_page.evaluate("cases => cases.map(c => facilitateLive.shrink(c[0], c[1], c[2]))", cases)
    assert [tuple(r) for r in results] == [expected for *_, expected in WORKED]


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
@given(plans())
def test_javascript_catch_up_agrees_with_python(rules_page, plan):
    minutes, minimums, late = plan
    result = rules_page.evaluate("c => facilitateLive.shrink(c[0], c[1], c[2])", [minutes, minimums, late])
    assert tuple(result) == catch_up(minutes, minimums, late)


MASK = 0xFFFFFFFF


def mulberry32(seed: int):
    """The page's seeded generator, written again in Python to check the JavaScript against."""
    state = seed & MASK
    while True:
        state = (state + 0x6D2B79F5) & MASK
        t = state
        t = ((t ^ (t >> 15)) * (t | 1)) & MASK
        t ^= (t + (((t ^ (t >> 7)) * (t | 61)) & MASK)) & MASK
        yield (t ^ (t >> 14)) & MASK


def shuffled(count: int, seed: int) -> list[int]:
    order = list(range(count))
    numbers = mulberry32(seed)
    for k in range(count - 1, 0, -1):
        j = (next(numbers) * (k + 1)) >> 32
        order[k], order[j] = order[j], order[k]
    return order


def test_the_seeded_shuffle_is_the_same_in_javascript_and_python(rules_page):
    seeds = [0, 1, 42, 4821, 2**31, MASK]
    numbers = rules_page.evaluate("seeds => seeds.map(s => facilitateLive.mulberry32(s, 50))", seeds)
    for seed, got in zip(seeds, numbers):
        generator = mulberry32(seed)
        assert got == [next(generator) for _ in range(50)]
    cases = [[count, seed] for seed in seeds for count in (0, 1, 2, 9, 16, 52)]
    orders = rules_page.evaluate("cases => cases.map(c => facilitateLive.shuffled(c[0], c[1]))", cases)
    assert orders == [shuffled(count, seed) for count, seed in cases]
    assert shuffled(16, 4821) != list(range(16)) and sorted(shuffled(16, 4821)) == list(range(16))


# --- two windows -----------------------------------------------------------------------------


def room_text(room) -> str:
    return room.locator("#room-fit").inner_text()


def all_notes(pack) -> list[str]:
    return [s.notes for s in pack.session.segments if s.notes]


def assert_no_notes(room, pack) -> None:
    html = room.content()
    for note in all_notes(pack):
        assert note not in html
    assert room.locator("#facilitator-notes, #notes, #presenter").count() == 0


@pytest.mark.parametrize("channel", ["BroadcastChannel", "storage events"])
def test_the_room_view_follows_the_presenter_and_never_shows_notes(day, channel):
    pack = small_pack()
    made = day(pack, init_script="delete window.BroadcastChannel;" if channel == "storage events" else "")
    presenter = made.open()
    with presenter.expect_popup() as popup:
        presenter.locator("#open-room").click()
    room = popup.value
    watch(room)
    room.wait_for_selector("#room-fit h1")
    assert room.url.endswith("session.html#room")
    assert room.title() == "Small session · room view"
    assert room.locator("#room-fit h1").text_content() == "Welcome"
    assert "Why am I here?" in room_text(room) and room.locator("#room-timer").text_content() == "15:00"
    assert_no_notes(room, pack)

    presenter.keyboard.press("f")  # notes open in the presenter view only
    presenter.keyboard.press("Space")
    made.clock.run_for(61_000)
    assert room.locator("#room-timer").text_content() == presenter.locator("#countdown").text_content() == "13:59"
    presenter.keyboard.press("n")
    expect(room.locator("#room-fit h1")).to_have_text("A short talk")
    assert room.locator("#room-part").text_content() == "Part 1 · Part one"
    assert "Point A" in room_text(room)
    presenter.keyboard.press("n")
    presenter.keyboard.press("n")  # Coffee
    expect(room.locator("#room-fit h1")).to_have_text("Coffee")
    assert room.locator(".back-at").text_content() == presenter.locator(".back-at").text_content() == "Back at 09:16"
    assert_no_notes(room, pack)
    # Either window survives a reload.
    room.reload()
    room.wait_for_selector("#room-fit h1")
    assert room.locator("#room-fit h1").text_content() == "Coffee"
    presenter.reload()
    assert text(presenter, "#segment-title") == "Coffee" and text(presenter, "#start-label") == "Pause"
    made.clock.run_for(2_000)
    assert room.locator("#room-timer").text_content() == presenter.locator("#countdown").text_content() == "14:58"
    presenter.keyboard.press("n")
    expect(room.locator("#room-fit h1")).to_have_text("Taking stock")
    assert_no_notes(room, pack)
    assert presenter.problems == [] and room.problems == []


def test_the_room_view_fits_every_screen_by_scaling_text(day):
    import facilitate

    pack = facilitate.load()
    made = day(pack, width=1280, height=800)
    presenter = made.open()
    sizes = [(1024, 768), (1280, 800), (1920, 1080), (3840, 2160)]
    rooms = [made.open(room=True, width=w, height=h) for w, h in sizes]
    smallest = {}
    for index in range(len(pack.session.segments)):
        for (width, height), room in zip(sizes, rooms):
            expect(room.locator("#room-fit h1")).to_have_text(pack.session.segments[index].title)
            measured = room.evaluate(
                """() => { const stage = document.getElementById('room-stage'), box = document.getElementById('room-fit');
                   return { fits: box.scrollHeight <= stage.clientHeight && box.scrollWidth <= stage.clientWidth,
                            page: document.documentElement.scrollHeight <= innerHeight && document.documentElement.scrollWidth <= innerWidth,
                            size: parseFloat(box.style.fontSize) }; }"""
            )
            assert measured["fits"] and measured["page"], (width, height, index)
            smallest[(width, height)] = min(smallest.get((width, height), 999), measured["size"])
        presenter.keyboard.press("n")
    # Scaled, not shrunk to nothing: at least 20 px even for the longest segment on the smallest screen.
    assert smallest[(1024, 768)] >= 20 and smallest[(3840, 2160)] >= 2.5 * smallest[(1024, 768)]
    for page in (presenter, *rooms):
        assert page.problems == []


def test_a_segment_with_far_too_much_text_still_fits_the_room(day):
    session = small_session(segments=(Segment("long", "A very long segment " * 6, 10, kind="discussion", prompts=tuple(f"Question {i}: " + "what would it take " * 8 for i in range(14))),))
    made = day(small_pack(session=session))
    room = made.open(room=True, width=1024, height=768)
    stage = room.evaluate("() => [document.getElementById('room-fit').scrollHeight, document.getElementById('room-stage').clientHeight]")
    assert stage[0] <= stage[1]
    assert room.problems == []


# --- cards ---------------------------------------------------------------------------------------


def test_cards_shuffle_with_a_seed_turn_go_back_and_deal(day):
    made = day(width=1280, height=800)
    page = made.open()
    room = made.open(room=True, width=1024, height=768)
    titles = [card.title for card in small_pack().decks[0].cards]
    order = [titles[i] for i in shuffled(len(titles), 4821)]
    page.keyboard.press("c")
    assert page.locator("#cards-panel").is_visible() and not page.locator("#content").is_visible()
    page.locator("#seed").fill("4821")
    page.locator("#seed").press("Enter")
    page.keyboard.press("Tab")  # the seed box keeps its keys; leave it
    assert text(page, "#seed-note") == "Every table that uses seed 4821 gets the same order."
    assert text(page, "#card-prompt") == "The deck is face down: turn the first card."
    page.locator("body").press("t")
    assert text(page, "#card-title") == order[0] and text(page, "#card-position") == "Card 1 of 12"
    page.locator("#card-turn").click()  # mouse
    assert text(page, "#card-title") == order[1]
    page.locator("#card").click()  # a tap on the card turns it too
    assert text(page, "#card-title") == order[2]
    page.locator("body").press("b")
    assert text(page, "#card-title") == order[1]
    expect(room.locator("#room-fit h1")).to_have_text(order[1])
    assert "seed 4821" in room_text(room)
    # A swipe to the left turns the next card, to the right goes back.
    box = page.locator("#card").bounding_box()
    y = box["y"] + box["height"] / 2
    page.locator("#card").dispatch_event("pointerdown", {"clientX": box["x"] + 200, "clientY": y, "pointerType": "touch", "isPrimary": True})
    page.locator("#card").dispatch_event("pointerup", {"clientX": box["x"] + 60, "clientY": y, "pointerType": "touch", "isPrimary": True})
    assert text(page, "#card-title") == order[2]
    page.locator("#card").dispatch_event("pointerdown", {"clientX": box["x"] + 60, "clientY": y, "pointerType": "touch", "isPrimary": True})
    page.locator("#card").dispatch_event("pointerup", {"clientX": box["x"] + 200, "clientY": y, "pointerType": "touch", "isPrimary": True})
    assert text(page, "#card-title") == order[1]
    page.locator("#per-table").fill("5")
    page.locator("#deal").click()
    assert page.locator("#deal-list li").all_text_contents() == [
        "Table 1: " + ", ".join(order[0:5]),
        "Table 2: " + ", ".join(order[5:10]),
        "Left over: " + ", ".join(order[10:12]),
    ]
    expect(room.locator("#room-fit li")).to_have_count(3)
    assert room.locator("#room-fit li").all_text_contents()[0] == "Table 1: " + ", ".join(order[0:5])
    page.keyboard.press("c")
    assert page.locator("#content").is_visible()
    expect(room.locator("#room-fit h1")).to_have_text("Welcome")
    assert page.problems == [] and room.problems == []


def test_cards_on_a_touch_screen(browser, tmp_path):
    page_html(tmp_path)
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True, timezone_id="UTC")
    try:
        page = context.new_page()
        watch(page)
        page.goto((tmp_path / "out" / "session.html").as_uri())
        page.locator("#toggle-cards").tap()
        page.locator("#seed").fill("7")
        page.locator("#seed").press("Enter")
        page.locator("#card-turn").tap()
        page.locator("#card").tap()
        titles = [card.title for card in small_pack().decks[0].cards]
        assert text(page, "#card-title") == titles[shuffled(12, 7)[1]]
        assert page.problems == []
    finally:
        context.close()


# --- the record of the day ---------------------------------------------------------------------


def test_timings_persist_and_export_as_json_and_csv_for_the_report(day, tmp_path):
    session = small_session()
    segments = list(session.segments)
    segments[1] = attrs.evolve(segments[1], title="=HYPERLINK(\"x\"), \"quoted\"")
    pack = small_pack(session=attrs.evolve(session, segments=tuple(segments)))
    made = day(pack)
    page = made.open()
    page.keyboard.press("Space")  # 09:00:10
    made.clock.fast_forward("17:00")
    page.keyboard.press("n")  # Welcome took 17 minutes
    made.clock.fast_forward("19:30")
    page.locator('#agenda li[data-index="3"] button').click()  # the talk took 19.5; cards skipped
    made.clock.fast_forward("15:00")
    page.keyboard.press("n")  # coffee took 15
    made.clock.fast_forward("01:00")
    page.reload()  # the record survives a reload
    assert text(page, "#segment-title") == "Taking stock" and current_index(page) == 4
    with page.expect_download() as download:
        page.locator("#save-json").click()
    assert download.value.suggested_filename == f"timings-session-{DAY}.json"
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    data = json.loads(saved.read_text("utf-8"))
    assert [(s["status"], s["started"], s["ended"]) for s in data["segments"]] == [
        ("done", "09:00:10", "09:17:10"),
        ("done", "09:17:10", "09:36:40"),
        ("skipped", None, None),
        ("done", "09:36:40", "09:51:40"),
        ("current", "09:51:40", None),
    ]
    assert data["day"] == DAY and data["session"] == {"id": "session", "title": "Small session", "starts_at": "09:00", "ends_by": None,
                                                             "language": "en", "clock": None}
    record = load_timings(saved)  # the schema and the model accept it
    assert [round(s.actual_minutes, 1) for s in record.ran] == [17.0, 19.5, 15.0]

    with page.expect_download() as download:
        page.locator("#save-csv").click()
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text("utf-8"))))
    assert rows[0] == ["id", "title", "status", "planned_start", "planned_minutes", "allowed_minutes", "started", "ended", "actual_minutes"]
    assert rows[2] == ["talk", "'=HYPERLINK(\"x\"), \"quoted\"", "done", "09:15", "20", "20", "09:17:10", "09:36:40", "19.5"]
    assert rows[3][2:] == ["skipped", "09:35", "30", "30", "", "", ""]

    # The report reads what the page wrote.
    from click.testing import CliRunner

    from facilitate.cli import main

    result = CliRunner().invoke(main, ["report", str(saved), "-o", str(tmp_path / "report.md")])
    assert result.exit_code == 0, result.output
    report = (tmp_path / "report.md").read_text("utf-8")
    assert "| 09:00 | 09:00 | Welcome | 15 | 17 | +2 |" in report
    assert "Skipped: Let's imagine (30 min planned)." in report
    assert page.problems == []


def test_the_record_is_kept_per_day(day):
    made, page = open_page(day)
    page.keyboard.press("Space")
    page.keyboard.press("n")
    page.reload()
    assert current_index(page) == 1  # the same day: where we were
    made.clock.pause_at("2026-09-04T09:00:00Z")
    page.reload()
    assert current_index(page) == 0 and text(page, "#start-label") == "Start"  # the next day starts afresh
    page.keyboard.press("Space")
    keys = page.evaluate("Object.keys(localStorage).sort()")
    assert keys == ["facilitate-live:session:2026-09-03", "facilitate-live:session:2026-09-04"]
    assert page.problems == []


def test_the_day_can_be_started_again(day):
    made, page = open_page(day)
    page.keyboard.press("Space")
    page.keyboard.press("n")
    page.locator("#reset").click()
    assert text(page, "#reset") == "Press again to clear today's timings"
    page.locator("#reset").click()
    assert current_index(page) == 0 and text(page, "#countdown") == "15:00" and text(page, "#start-label") == "Start"
    assert text(page, "#announce") == "Today's timings are cleared."
    assert page.problems == []


# --- keyboard, help, and small screens -------------------------------------------------------------


def test_shortcuts_are_listed_in_help_and_can_be_switched_off(day):
    made, page = open_page(day)
    page.keyboard.press("?")
    dialog = page.locator("#help")
    assert dialog.is_visible()
    rows = dialog.locator("tbody tr").all_inner_texts()
    assert len(rows) == 11 and rows[0].split("\t") == ["Space", "start or pause the countdown"]
    page.locator("#shortcuts-on").uncheck()
    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    page.keyboard.press("n")
    page.keyboard.press("?")
    assert current_index(page) == 0 and not dialog.is_visible()
    assert page.locator("#next kbd").is_hidden() and page.locator("#next").get_attribute("aria-keyshortcuts") is None
    page.reload()  # the choice is remembered
    page.keyboard.press("n")
    assert current_index(page) == 0
    page.locator("#open-help").click()  # the button still opens the help
    assert dialog.is_visible() and not page.locator("#shortcuts-on").is_checked()
    page.locator("#shortcuts-on").check()
    page.locator("#close-help").click()
    page.keyboard.press("n")
    assert current_index(page) == 1
    assert page.problems == []


def test_a_skip_link_leads_to_the_controls(day):
    _, page = open_page(day, width=320, height=640)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the controls"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "controls"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "previous" or page.evaluate("document.activeElement.id") == "start"


def test_no_focused_element_hides_under_the_sticky_controls_on_a_small_screen(day):
    _, page = open_page(day, width=320, height=640)
    page.keyboard.press("c")  # the cards panel adds its own controls to the page
    page.keyboard.press("f")  # and the notes their text
    hidden, visited = [], []
    for _ in range(100):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => { const e = document.activeElement, c = document.getElementById('controls');
                 const r = e.getBoundingClientRect(), k = c.getBoundingClientRect();
                 // Shown: wholly above the controls, or (taller than the room there) in part.
                 const shown = r.height <= k.top ? r.top >= 0 && r.bottom <= k.top + 1 : r.top < k.top && r.bottom > 0;
                 return { name: e === document.body ? 'body' : e.id || e.textContent.trim().slice(0, 30), inControls: c.contains(e), shown }; }"""
        )
        if info["name"] == "body":
            continue  # past the last element, into the browser
        if visited and info["name"] == visited[0]:
            break  # round the page once
        visited.append(info["name"])
        if not info["inControls"] and not info["shown"]:
            hidden.append(info["name"])
    assert {"seed", "deal", "save-json", "reset", "start", "next", "toggle-notes"} <= set(visited)
    assert sum(1 for name in visited if re.match(r"\d\d:\d\d", name)) == 5  # the agenda's buttons
    assert hidden == []


# --- accessibility (axe-core) -----------------------------------------------------------------------


def axe_problems(page, axe_source: str, clock) -> list[str]:
    """Serious and critical axe-core violations on the page as it is now."""
    import datetime as dt

    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source)  # run through DevTools: the page's CSP allows only its own script
    clock.resume()  # axe waits on timers of its own; let time flow (for well under a second)
    try:
        violations = page.evaluate("async () => (await axe.run(document, { resultTypes: ['violations'] })).violations"
                                   ".map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')) }))")
    finally:
        now = page.evaluate("Date.now()")
        clock.pause_at(dt.datetime.fromtimestamp(now / 1000 + 1, dt.timezone.utc))
    return [f"{v['id']} ({v['impact']}): {v['nodes'][:3]}" for v in violations if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("width,height", [(320, 640), (1920, 1080)])
def test_axe_finds_nothing_serious_in_any_state_of_either_view(day, axe_source, width, height):
    pack = flexible_pack()
    made = day(pack, width=width, height=height)
    presenter = made.open()
    room = made.open(room=True, width=width, height=height)
    found = {}

    def check(state: str) -> None:
        made.clock.run_for(300)
        for name, page in (("presenter", presenter), ("room", room)):
            problems = axe_problems(page, axe_source, made.clock)
            if problems:
                found[f"{name} {state}"] = problems

    check("start")
    presenter.keyboard.press("Space")
    made.clock.fast_forward("05:00")
    check("running")
    made.clock.fast_forward("08:30")
    check("nearly time")
    made.clock.fast_forward("10:00")
    check("time up and a catch-up plan")
    presenter.keyboard.press("a")
    check("catch-up applied")
    presenter.keyboard.press("f")
    check("notes open")
    presenter.keyboard.press("c")
    presenter.keyboard.press("t")
    check("cards open")
    presenter.locator("#deal").click()
    check("cards dealt")
    presenter.keyboard.press("?")
    check("help open")
    presenter.keyboard.press("Escape")
    presenter.locator('#agenda li[data-index="3"] button').click()
    check("a break, with skipped segments")
    assert found == {}
    assert presenter.problems == [] and room.problems == []


# --- what it looks like --------------------------------------------------------------------------------


@pytest.mark.parametrize("width,height", [(1024, 768), (1920, 1080)])
def test_screenshots_of_each_state(day, tmp_path, width, height):
    """Screens to look at (saved to FACILITATE_SCREENSHOTS, or the test's temporary folder)."""
    import os

    import facilitate

    folder = Path(os.environ.get("FACILITATE_SCREENSHOTS") or tmp_path / "screens")
    folder.mkdir(parents=True, exist_ok=True)
    made = day(facilitate.load(), width=width, height=height)
    presenter = made.open()
    room = made.open(room=True, width=width, height=height)

    def shoot(state: str) -> None:
        made.clock.run_for(300)
        for name, page in (("presenter", presenter), ("room", room)):
            path = folder / f"{name}-{state}-{width}x{height}.png"
            page.screenshot(path=str(path))
            assert path.stat().st_size > 8_000

    shoot("start")
    presenter.keyboard.press("Space")
    made.clock.fast_forward("12:00")
    shoot("running")
    made.clock.fast_forward("07:00")
    shoot("nearly-time")
    made.clock.fast_forward("06:00")
    shoot("time-up")
    presenter.keyboard.press("f")
    shoot("notes-open")
    for minutes in ("10:00", "20:00", "15:00", "15:00", "35:00"):
        presenter.keyboard.press("n")
        made.clock.fast_forward(minutes)
    presenter.keyboard.press("c")
    presenter.keyboard.press("t")
    shoot("cards-open")
    presenter.keyboard.press("c")
    presenter.keyboard.press("n")
    shoot("break")
    assert presenter.problems == [] and room.problems == []
