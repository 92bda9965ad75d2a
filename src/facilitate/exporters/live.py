"""The live session page: one self-contained HTML file to run the day from a browser tab.

It shows the agenda on the clock, the current segment's participant-facing content large
enough to project, a countdown with keyboard shortcuts, and the facilitator's notes behind
a toggle. Everything is inline (no network), so it works from a USB stick.

The session travels as JSON inside ``<script type="application/json">``; the page's script
puts it on screen with ``textContent`` only, so content can never become markup.
"""

from __future__ import annotations

import json

from facilitate.layout.document import _when
from facilitate.layout.steps import grouping_phrase
from facilitate.model import SessionPack
from facilitate.model.session import Segment
from facilitate.model.theme import contrast_ratio, readable_on
from facilitate.options import BuildOptions, TemplateOptions
from facilitate.output import Output

#: Characters that could end the <script> element or start markup, as JSON escapes.
_JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


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
    """Everything the page shows, as plain JSON-ready data (clock times as "HH:MM")."""
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
                "notes": segment.notes,
            }
        )
    return {
        "id": session.id,
        "title": session.title,
        "startsAt": f"{session.starts_at:%H:%M}",
        "endsAt": f"{session.ends_at:%H:%M}",
        "parts": [{"id": part.id, "title": part.title} for part in session.conversation],
        "segments": segments,
    }


def page_colours(pack: SessionPack) -> dict[str, str]:
    """The theme's colours plus the derived ones the page needs, all readable (WCAG AA)."""
    theme = pack.theme
    # The accent is not one of the theme's guaranteed text pairs: use it as text only if it
    # is readable on the background, and otherwise as a fill with readable text on top.
    accent_text = theme.accent if contrast_ratio(theme.accent, theme.background) >= 4.5 else theme.text
    return {
        "primary": theme.primary,
        "on_primary": theme.on_primary,
        "accent": theme.accent,
        "on_accent": readable_on(theme.accent),
        "accent_text": accent_text,
        "background": theme.background,
        "text": theme.text,
        "muted": theme.muted,
    }


def render_page(pack: SessionPack, template_dir: str | None = None) -> str:
    """The page's HTML."""
    from markupsafe import Markup

    from facilitate.exporters._jinja import render

    return render(
        "html",
        "session.html.j2",
        template_dir,
        session=pack.session,
        when=str(_when(pack)),
        theme=pack.theme,
        colours=page_colours(pack),
        # Safe to mark: script_json leaves no <, > or & that could end the script element.
        session_json=Markup(script_json(session_data(pack))),
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
