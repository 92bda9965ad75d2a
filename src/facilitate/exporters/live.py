"""The live session page: one self-contained HTML file to run the day from.

It opens as the presenter view (the current segment, its notes, the next segment, the
clock, how far ahead or behind the day is, the controls) and opens the room view for the
projector in a second window (the prompt large, the countdown, the current part; never
the notes). The two keep in step through BroadcastChannel and localStorage, with no
server. The page records each segment's actual start and end, re-times the rest of the
day, proposes a catch-up plan when the day runs late, deals the session's card decks,
and exports the day's timings for ``facilitate report``.

Everything is inline (no network), so it works from a USB stick. The session travels as
JSON inside ``<script type="application/json">``; the page's script (templates/session.js)
puts it on screen with ``textContent`` only, so content can never become markup. The
script is allowed by its SHA-256 hash in the page's Content-Security-Policy, and nothing
else may run. Every visible word of the page's own comes from LABELS, in one place.
"""

from __future__ import annotations

import base64
import hashlib
import json

from facilitate.errors import ExportError
from facilitate.layout.document import _when
from facilitate.layout.steps import grouping_phrase
from facilitate.model import SessionPack
from facilitate.model.session import Segment
from facilitate.model.theme import contrast_ratio, readable_on
from facilitate.options import BuildOptions, TemplateOptions
from facilitate.output import Output

#: Characters that could end the <script> element or start markup, as JSON escapes.
_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}

#: Every word the page shows of its own (content comes from the session), by name. ``{name}``
#: marks a value filled in by the page. Passed to the template and, as JSON, to the script.
LABELS: dict[str, str] = {
    "page_title": "{title} · live",
    "room_title": "{title} · room view",
    "skip_to_controls": "Skip to the controls",
    "time_now": "Time now:",
    "conversation": "Our conversation today",
    "agenda": "Agenda",
    "agenda_planned": "planned",
    "status_done": "done",
    "status_skipped": "skipped",
    "status_current": "now",
    "minutes_short": "{minutes} min",
    "part_kicker": "Part {number} · {title}",
    "position": "{number} of {count}",
    "countdown": "Countdown",
    "ready": "Ready: press Start",
    "paused": "Paused",
    "left_ends": "left · ends {time}",
    "nearly_time_ends": "Nearly time · ends {time}",
    "time_up": "Time is up",
    "back_at": "Back at {time}",
    "notes_heading": "Facilitator notes (press F to hide)",
    "no_notes": "No notes for this segment.",
    "next_up": "Next",
    "next_none": "This is the last segment.",
    "next_starts": "{time} · {minutes} min",
    "pace_on_time": "On time",
    "pace_behind": "{minutes} min behind",
    "pace_ahead": "{minutes} min ahead",
    "catch_up": "Catch-up plan",
    "catch_up_late": "{minutes} min late for {target} at {time}.",
    "catch_up_finish": "the finish",
    "catch_up_propose": "Shrink the segments before it (press A to apply):",
    "catch_up_short": "That saves {saved} of {minutes} min: {target} starts {left} min late.",
    "catch_up_nothing": "No segment before it can shrink (give segments min_minutes to allow this).",
    "catch_up_applied": "Applied: {target} is back on time. Press A to undo.",
    "catch_up_applied_short": "Applied: {saved} min saved. Press A to undo.",
    "catch_up_change": "{title}: {before} → {after} min",
    "apply": "Apply",
    "undo": "Undo",
    "tools": "Tools",
    "open_room": "Open the room view",
    "room_blocked": "The browser blocked the room view: allow pop-ups for this page, or open this file again with #room at the end of its address.",
    "cards": "Cards",
    "save_json": "Save timings (JSON)",
    "save_csv": "Save timings (CSV)",
    "help": "Keyboard shortcuts",
    "reset": "Start the day again",
    "reset_confirm": "Press again to clear today's timings",
    "reset_done": "Today's timings are cleared.",
    "previous": "Previous",
    "start": "Start",
    "pause": "Pause",
    "add_minute": "+1 min",
    "next": "Next",
    "notes": "Notes",
    "controls": "Controls",
    "noscript": "This page needs JavaScript for the countdown; the agenda above works without it.",
    "announce_now": "Now: {title}, {number} of {count}",
    "announce_started": "Started, {left} left",
    "announce_paused": "Paused, {left} left",
    "announce_added": "One minute added, {left} left",
    "announce_two_minutes": "Two minutes left",
    "announce_time_up": "Time is up for {title}",
    "announce_applied": "Catch-up plan applied",
    "announce_undone": "Catch-up plan undone",
    "minute_one": "1 minute",
    "minute_many": "{minutes} minutes",
    "help_title": "Keyboard shortcuts",
    "help_intro": "Single keys work anywhere on the page except in a text box.",
    "help_key": "Key",
    "help_does": "What it does",
    "help_shortcuts_on": "Use single-key shortcuts",
    "help_shortcuts_note": "Switch these off if you use speech input or they get in your way; the buttons do the same.",
    "close": "Close",
    "key_space": "start or pause the countdown",
    "key_next": "next segment (if the clock is running, its clock starts)",
    "key_previous": "previous segment",
    "key_add": "one more minute for this segment",
    "key_notes": "show or hide your notes",
    "key_catch_up": "apply or undo the catch-up plan",
    "key_room": "open the room view",
    "key_cards": "show or hide the cards",
    "key_turn": "turn the next card",
    "key_back": "back one card",
    "key_help": "this list",
    "deck": "Deck",
    "seed": "Seed",
    "seed_note": "Every table that uses seed {seed} gets the same order.",
    "shuffle": "Shuffle",
    "turn": "Turn next card",
    "back": "Back",
    "face_down": "The deck is face down: turn the first card.",
    "card_position": "Card {number} of {count}",
    "per_table": "Cards per table",
    "deal": "Deal",
    "table": "Table {number}",
    "left_over": "Left over",
    "no_decks": "This session uses no card decks.",
    "room_cards": "{deck} · seed {seed}",
    "kind_welcome": "Welcome",
    "kind_input": "Input",
    "kind_activity": "Activity",
    "kind_discussion": "Discussion",
    "kind_break": "Break",
    "kind_reflection": "Reflection",
    "kind_close": "Close",
}

#: The single-key shortcuts, in the order the help lists them: (keys shown, label name).
SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("Space", "key_space"),
    ("N  →", "key_next"),
    ("P  ←", "key_previous"),
    ("+", "key_add"),
    ("F", "key_notes"),
    ("A", "key_catch_up"),
    ("R", "key_room"),
    ("C", "key_cards"),
    ("T", "key_turn"),
    ("B", "key_back"),
    ("?", "key_help"),
)


def script_json(data: object) -> str:
    """``data`` as JSON that is safe inside a ``<script>`` element (no ``<``, ``>`` or ``&``)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # U+2028/2029 are valid JSON but were line breaks in older JavaScript; escape them too.
    return text.translate(_JSON_ESCAPES).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _extras(pack: SessionPack, segment: Segment) -> list[dict[str, object]]:
    """Participant-facing material from the library items a segment uses, as titled lists."""
    extras: list[dict[str, object]] = []
    if segment.deck:
        deck = pack.deck(segment.deck)
        extras.append({"title": deck.title, "text": deck.description, "items": list(deck.instructions)})
    if segment.reflection:
        reflection = pack.reflection(segment.reflection)
        prompts = reflection.prompts + reflection.commitments
        items = [f"{p.label}: {p.question}" if p.question else p.label for p in prompts]
        extras.append({"title": reflection.title, "text": reflection.description, "items": items})
    for field in ("ladder", "curve", "rubric"):
        item_id = getattr(segment, field)
        if item_id:
            item = getattr(pack, field)(item_id)
            extras.append({"title": item.title, "text": getattr(item, "description", ""), "items": []})
    return extras


def _steps(segment: Segment) -> list[dict[str, object]]:
    """The segment's sub-timers: every round of its steps, with minutes that add up to the segment's.

    ``offset`` is minutes from the segment's start; ``label`` is the line for the timer,
    e.g. "Round 2 of 3 · 10 min · move tables".
    """
    return [
        {
            "title": timed.name,
            "label": timed.label,
            "minutes": timed.minutes,
            "offset": timed.offset,
            "round": timed.round,
            "rounds": timed.rounds,
            "cue": timed.cue,
            "instructions": timed.step.instructions,
            "grouping": grouping_phrase(segment, timed),
        }
        for timed in segment.timed_steps
    ]


def session_data(pack: SessionPack) -> dict[str, object]:
    """Everything both views show, as plain JSON-ready data (clock times as "HH:MM"); no notes."""
    session = pack.session
    parts = {part.id: part.title for part in session.conversation}
    segments = []
    for item in session.schedule:
        segment = item.segment
        quote = segment.quote
        segments.append(
            {
                "id": segment.id,
                "title": segment.title,
                "kind": segment.kind,
                "minutes": segment.minutes,
                "minMinutes": segment.min_minutes,
                "fixed": f"{segment.fixed:%H:%M}" if segment.fixed else None,
                "startsAt": f"{item.starts_at:%H:%M}",
                "endsAt": f"{item.ends_at:%H:%M}",
                "part": segment.part,
                "partTitle": parts.get(segment.part, "") if segment.part else "",
                "timing": segment.timing_phrase,
                "method": pack.method_name(segment),
                "steps": _steps(segment),
                "description": segment.description,
                "prompts": list(segment.prompts),
                "bullets": list(segment.bullets),
                "quote": {"text": quote.text, "author": quote.author, "source": quote.source} if quote else None,
                "extras": _extras(pack, segment),
                "deck": segment.deck,
            }
        )
    decks = [
        {
            "id": deck.id,
            "title": deck.title,
            "cards": [{"title": c.title, "prompt": c.prompt, "detail": c.detail, "category": c.category} for c in deck.cards],
        }
        for deck in pack.decks
    ]
    return {
        "id": session.id,
        "title": session.title,
        "startsAt": f"{session.starts_at:%H:%M}",
        "endsAt": f"{session.ends_at:%H:%M}",
        "endsBy": f"{session.ends_by:%H:%M}" if session.ends_by else None,
        "parts": [{"id": part.id, "title": part.title} for part in session.conversation],
        "segments": segments,
        "decks": decks,
    }


def facilitator_notes(pack: SessionPack) -> dict[str, str]:
    """Each segment's facilitator notes by segment id: only the presenter view reads these."""
    return {segment.id: segment.notes for segment in pack.session.segments}


def page_colours(pack: SessionPack) -> dict[str, str]:
    """The theme's colours plus the derived ones the page needs, all readable (WCAG AA)."""
    theme = pack.theme
    # The accent is not one of the theme's guaranteed text pairs: use it as text only if it
    # is readable on the background, and otherwise as a fill with readable text on top.
    accent_text = theme.accent if contrast_ratio(theme.accent, theme.background) >= 4.5 else theme.text
    # Small text sits on accent fills too (the overrun label, "behind"): it needs 4.5:1, which
    # the darkest black or white always reaches when the theme's near-black does not.
    on_accent = readable_on(theme.accent)
    if contrast_ratio(on_accent, theme.accent) < 4.5:
        on_accent = readable_on(theme.accent, dark="#000000")
    return {
        "primary": theme.primary,
        "on_primary": theme.on_primary,
        "accent": theme.accent,
        "on_accent": on_accent,
        "accent_text": accent_text,
        "background": theme.background,
        "text": theme.text,
        "muted": theme.muted,
    }


def page_script(template_dir: str | None = None) -> str:
    """The page's JavaScript (templates/session.js, or the user's own copy)."""
    from facilitate.exporters._jinja import environment

    env = environment("html", template_dir)
    assert env.loader is not None
    source = env.loader.get_source(env, "session.js")[0]
    if "</script" in source.lower() or "<!--" in source:
        raise ExportError("session.js: the script must not contain '</script' or '<!--' (it is inlined in the page)")
    return source


def script_hash(script: str) -> str:
    """The SHA-256 of the script, base64, as a Content-Security-Policy 'sha256-…' source names it."""
    return base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def render_page(pack: SessionPack, template_dir: str | None = None) -> str:
    """The page's HTML."""
    from markupsafe import Markup

    from facilitate.exporters._jinja import render

    script = page_script(template_dir)
    return render(
        "html",
        "session.html.j2",
        template_dir,
        session=pack.session,
        when=str(_when(pack)),
        theme=pack.theme,
        colours=page_colours(pack),
        labels=LABELS,
        shortcuts=SHORTCUTS,
        # Safe to mark: script_json leaves no <, > or & that could end the script element,
        # and the script is the bundled file (checked above for anything that could end it).
        session_json=Markup(script_json(session_data(pack))),
        notes_json=Markup(script_json(facilitator_notes(pack))),
        labels_json=Markup(script_json(LABELS)),
        script=Markup(script),
        script_hash=script_hash(script),
    )


name = "live"
description = "session.html: the live page to run the day from"
options = (TemplateOptions,)


def outputs(pack: SessionPack, options: BuildOptions) -> list[Output]:
    return [
        Output(
            "session.html",
            lambda handle: handle.write(render_page(pack, options[TemplateOptions].template_dir).encode("utf-8")),
        )
    ]
