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
from collections.abc import Callable
import hashlib
import json

from facilitate.errors import ExportError
from facilitate.labels import ENGLISH, Labels, for_pack
from facilitate.layout.document import _when
from facilitate.layout.steps import grouping_phrase, round_label, round_name, timing_phrase
from facilitate.model import SessionPack
from facilitate.model.session import Segment
from facilitate.model.theme import contrast_ratio, readable_on
from facilitate.exporters import builtin
from facilitate.options import BuildOptions, TemplateOptions
from facilitate.output import Output

#: Characters that could end the <script> element or start markup, as JSON escapes.
_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}

def page_labels(labels: Labels = ENGLISH) -> dict[str, object]:
    """Every word the page shows of its own (content comes from the session), by name, in the
    pack's language. ``{name}`` marks a value filled in by the page. Passed to the template and,
    as JSON, to the script; ``minutes_spoken`` has a form per plural category of the language
    (the script picks one with Intl.PluralRules)."""
    _ = labels.gettext
    words: dict[str, object] = {
        "page_title": _("{title} · live"),
        "room_title": _("{title} · room view"),
        "skip_to_controls": _("Skip to the controls"),
        "time_now": _("Time now:"),
        "conversation": _("Our conversation today"),
        "agenda": _("Agenda"),
        "agenda_planned": _("planned"),
        "status_done": _("done"),
        "status_skipped": _("skipped"),
        "status_current": _("now"),
        "minutes_short": _("{minutes} min"),
        "part_kicker": _("Part {number} · {title}"),
        "position": _("{number} of {count}"),
        "countdown": _("Countdown"),
        "ready": _("Ready: press Start"),
        "paused": _("Paused"),
        "left_ends": _("left · ends {time}"),
        "nearly_time_ends": _("Nearly time · ends {time}"),
        "time_up": _("Time is up"),
        "back_at": _("Back at {time}"),
        "notes_heading": _("Facilitator notes (press F to hide)"),
        "no_notes": _("No notes for this segment."),
        "next_up": labels.pgettext("what comes next", "Next"),
        "next_none": _("This is the last segment."),
        "next_starts": _("{time} · {minutes} min"),
        "pace_on_time": _("On time"),
        "pace_behind": _("{minutes} min behind"),
        "pace_ahead": _("{minutes} min ahead"),
        "catch_up": _("Catch-up plan"),
        "catch_up_late": _("{minutes} min late for {target} at {time}."),
        "catch_up_finish": _("the finish"),
        "catch_up_propose": _("Shrink the segments before it (press A to apply):"),
        "catch_up_short": _("That saves {saved} of {minutes} min: {target} starts {left} min late."),
        "catch_up_nothing": _("No segment before it can shrink (give segments min_minutes to allow this)."),
        "catch_up_applied": _("Applied: {target} is back on time. Press A to undo."),
        "catch_up_applied_short": _("Applied: {saved} min saved. Press A to undo."),
        "catch_up_change": _("{title}: {before} → {after} min"),
        "apply": _("Apply"),
        "undo": _("Undo"),
        "tools": _("Tools"),
        "open_room": _("Open the room view"),
        "room_blocked": _("The browser blocked the room view: allow pop-ups for this page, or open this file again with #room at the end of its address."),
        "cards": _("Cards"),
        "save_json": _("Save timings (JSON)"),
        "save_csv": _("Save timings (CSV)"),
        "help": _("Keyboard shortcuts"),
        "reset": _("Start the day again"),
        "reset_confirm": _("Press again to clear today's timings"),
        "reset_done": _("Today's timings are cleared."),
        "previous": _("Previous"),
        "start": _("Start"),
        "pause": _("Pause"),
        "add_minute": _("+1 min"),
        "next": _("Next"),
        "notes": _("Notes"),
        "controls": _("Controls"),
        "noscript": _("This page needs JavaScript for the countdown; the agenda above works without it."),
        "announce_now": _("Now: {title}, {number} of {count}"),
        "announce_started": _("Started, {left} left"),
        "announce_paused": _("Paused, {left} left"),
        "announce_added": _("One minute added, {left} left"),
        "announce_two_minutes": _("Two minutes left"),
        "announce_time_up": _("Time is up for {title}"),
        "announce_applied": _("Catch-up plan applied"),
        "announce_undone": _("Catch-up plan undone"),
        "help_title": _("Keyboard shortcuts"),
        "help_intro": _("Single keys work anywhere on the page except in a text box."),
        "help_key": _("Key"),
        "help_does": _("What it does"),
        "help_shortcuts_on": _("Use single-key shortcuts"),
        "help_shortcuts_note": _("Switch these off if you use speech input or they get in your way; the buttons do the same."),
        "close": _("Close"),
        "key_space": _("start or pause the countdown"),
        "key_next": _("next segment (if the clock is running, its clock starts)"),
        "key_previous": _("previous segment"),
        "key_add": _("one more minute for this segment"),
        "key_notes": _("show or hide your notes"),
        "key_catch_up": _("apply or undo the catch-up plan"),
        "key_room": _("open the room view"),
        "key_cards": _("show or hide the cards"),
        "key_turn": _("turn the next card"),
        "key_back": _("back one card"),
        "key_help": _("this list"),
        "deck": _("Deck"),
        "seed": _("Seed"),
        "seed_note": _("Every table that uses seed {seed} gets the same order."),
        "shuffle": _("Shuffle"),
        "turn": _("Turn next card"),
        "back": _("Back"),
        "face_down": _("The deck is face down: turn the first card."),
        "card_position": _("Card {number} of {count}"),
        "per_table": _("Cards per table"),
        "deal": _("Deal"),
        "table": _("Table {number}"),
        "left_over": _("Left over"),
        "no_decks": _("This session uses no card decks."),
        "room_cards": _("{deck} · seed {seed}"),
        "kind_welcome": labels.pgettext("segment kind", "Welcome"),
        "kind_input": labels.pgettext("segment kind", "Input"),
        "kind_activity": labels.pgettext("segment kind", "Activity"),
        "kind_discussion": labels.pgettext("segment kind", "Discussion"),
        "kind_break": labels.pgettext("segment kind", "Break"),
        "kind_reflection": labels.pgettext("segment kind", "Reflection"),
        "kind_close": labels.pgettext("segment kind", "Close"),
    }
    words["space_key_name"] = labels.pgettext("keyboard key", "Space")
    words["minutes_spoken"] = plural_categories(labels, lambda count: labels.ngettext("{minutes} minute", "{minutes} minutes", count))
    return words


def plural_categories(labels: Labels, form: Callable[[int], str]) -> dict[str, str]:
    """A label's form for each CLDR plural category of the language ("one", "two", "few", "other"...),
    each taken from the catalogue for a number of that category, for a script's Intl.PluralRules."""
    rule = labels.locale.plural_form
    forms: dict[str, str] = {}
    for count in range(0, 1000):
        forms.setdefault(str(rule(count)), form(count))
    forms.setdefault("other", form(100))
    return forms


def __getattr__(name: str) -> object:
    """``LABELS``: every word of the page's own, in English (see page_labels)."""
    if name == "LABELS":
        return page_labels()
    raise AttributeError(name)


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


def _steps(segment: Segment, labels: Labels = ENGLISH) -> list[dict[str, object]]:
    """The segment's sub-timers: every round of its steps, with minutes that add up to the segment's.

    ``offset`` is minutes from the segment's start; ``label`` is the line for the timer,
    e.g. "Round 2 of 3 · 10 min · move tables".
    """
    return [
        {
            "title": round_name(timed, labels),
            "label": round_label(timed, labels),
            "minutes": timed.minutes,
            "offset": timed.offset,
            "round": timed.round,
            "rounds": timed.rounds,
            "cue": timed.cue,
            "instructions": timed.step.instructions,
            "grouping": grouping_phrase(segment, timed, labels),
        }
        for timed in segment.timed_steps
    ]


def session_data(pack: SessionPack) -> dict[str, object]:
    """Everything both views show, as plain JSON-ready data (clock times as "HH:MM"); no notes.

    ``language``, ``clockPattern`` and ``dayPeriods`` tell the script how the language writes
    a clock time (a CLDR pattern such as "HH:mm" or "h:mm a", from Babel).
    """
    session = pack.session
    labels = for_pack(pack)
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
                "timing": timing_phrase(segment, labels),
                "method": pack.method_name(segment),
                "steps": _steps(segment, labels),
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
        "language": labels.language,
        "clock": session.clock,
        "clockPattern": labels.time_pattern,
        "dayPeriods": list(labels.day_periods),
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
    labels = for_pack(pack)
    words = page_labels(labels)
    return render(
        "html",
        "session.html.j2",
        template_dir,
        labels,
        session=pack.session,
        when=str(_when(pack, labels)),
        clock=labels.time,
        theme=pack.theme,
        colours=page_colours(pack),
        labels=words,
        shortcuts=SHORTCUTS,
        # Safe to mark: script_json leaves no <, > or & that could end the script element,
        # and the script is the bundled file (checked above for anything that could end it).
        session_json=Markup(script_json(session_data(pack))),
        notes_json=Markup(script_json(facilitator_notes(pack))),
        labels_json=Markup(script_json(words)),
        script=Markup(script),
        script_hash=script_hash(script),
    )


name, description, options = builtin('live')


def outputs(pack: SessionPack, options: BuildOptions) -> list[Output]:
    return [
        Output(
            "session.html",
            lambda handle: handle.write(render_page(pack, options[TemplateOptions].template_dir).encode("utf-8")),
        )
    ]
