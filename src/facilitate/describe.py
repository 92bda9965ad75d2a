"""Plain-text summaries of model objects, for ``facilitate show``."""

from __future__ import annotations

import functools

from facilitate.model import (
    CardDeck,
    MaturityRubric,
    Method,
    QuestionLadder,
    Reflection,
    Session,
    Theme,
    TurnTheCurve,
)


@functools.singledispatch
def describe(obj: object) -> str:
    return repr(obj)


def _credited(lines: list[str], source: str) -> str:
    """The summary's lines, ending with where the item comes from (when it says)."""
    return "\n".join(lines + (["", f"Source: {source}"] if source else []))


@describe.register
def _(session: Session) -> str:
    lines = [session.title]
    if session.subtitle:
        lines.append(session.subtitle)
    when = f"{session.starts_at:%H:%M}–{session.ends_at:%H:%M} ({session.total_minutes} min)"
    if session.date:
        when = f"{session.date:%Y-%m-%d} {when}"
    lines.append(when + (f", {session.venue}" if session.venue else ""))
    if session.conversation:
        lines.append("")
        lines.append("Our conversation today:")
        lines += [f"  {i}. {part.title}" for i, part in enumerate(session.conversation, 1)]
    lines.append("")
    for item in session.schedule:
        s = item.segment
        timing = [f"fixed at {s.fixed:%H:%M}"] if s.fixed else []
        timing += [f"can shrink to {s.min_minutes} min"] if s.min_minutes is not None and s.min_minutes < s.minutes else []
        extra = f"  ({', '.join(timing)})" if timing else ""
        lines.append(f"  {item.starts_at:%H:%M}–{item.ends_at:%H:%M}  {s.minutes:>3} min  {s.kind:<10}  {s.title}{extra}")
    return _credited(lines, session.source)


@describe.register
def _(deck: CardDeck) -> str:
    lines = [f"{deck.title} ({len(deck.cards)} cards)"]
    if deck.description:
        lines.append(deck.description)
    for step in deck.instructions:
        lines.append(f"  - {step}")
    lines.append("")
    for number, card in enumerate(deck.cards, 1):
        category = f" [{card.category}]" if card.category else ""
        lines.append(f"  {number:>2}. {card.title}{category}: {card.prompt}")
    return _credited(lines, deck.source)


@describe.register
def _(ladder: QuestionLadder) -> str:
    lines = [ladder.title, "less powerful → more powerful"]
    for number, rung in enumerate(ladder.rungs, 1):
        extension = " (extension)" if rung.extension else ""
        lines.append(f"  {number}. {rung.label}{extension}: {rung.description}")
        for question in ladder.questions_for(rung.id):
            lines.append(f"       e.g. {question}")
    return _credited(lines, ladder.source)


@describe.register
def _(curve: TurnTheCurve) -> str:
    indicator = curve.indicator
    lines = [
        f"{curve.title}: {curve.issue}",
        f"Indicator: {indicator.name}" + (f" ({indicator.unit})" if indicator.unit else "") + f", {indicator.direction}",
        "Baseline: " + ", ".join(f"{p.period} {p.value:g}" for p in curve.baseline),
        "Forecast: " + ", ".join(f"{p.period} {p.value:.1f}" for p in curve.projected),
    ]
    if curve.target:
        lines.append(f"Target: {curve.target.period} {curve.target.value:g}")
    for number, essential in enumerate(curve.essentials, 1):
        lines.append(f"Essential {number}: {essential}")
    return _credited(lines, curve.source)


@describe.register
def _(rubric: MaturityRubric) -> str:
    lines = [rubric.title]
    for dimension in rubric.dimensions:
        lines.append(f"  {dimension.title}: " + " → ".join(level.label for level in dimension.levels))
    assessment = rubric.assess()
    if assessment.scores:
        lines.append(f"Responses: {assessment.respondents}")
        for score in assessment.scores:
            lines.append(f"  {score.dimension.title}: mean {score.mean:.1f}, spread {score.spread:.2f}")
        lines.append(f"Weakest: {assessment.weakest.dimension.title}")
    return _credited(lines, rubric.source)


@describe.register
def _(reflection: Reflection) -> str:
    lines = [reflection.title]
    lines += [f"  - {p.label}" + (f": {p.question}" if p.question else "") for p in reflection.prompts + reflection.commitments]
    return _credited(lines, reflection.source)


@describe.register
def _(method: Method) -> str:
    groupings = ", ".join(method.groupings)
    lines = [f"{method.name} ({method.minutes} min; {groupings}; {method.group_size.phrase})", method.purpose, "", "Steps:"]
    for number, step in enumerate(method.steps, 1):
        how = f"{step.rounds} rounds of {step.minutes} min" if step.rounds > 1 else f"{step.minutes} min"
        if step.grouping:
            how += f", {step.grouping}"
        lines.append(f"  {number}. {step.title} ({how})" + (f": {step.instructions}" if step.instructions else ""))
        if step.cue:
            lines.append(f"     Between rounds: {step.cue}")
    for heading, items in (
        ("Materials", method.materials),
        ("Room set-up", method.room_setup),
        ("Variations", method.variations),
        ("Cautions", method.cautions),
    ):
        if items:
            lines += ["", f"{heading}:"] + [f"  - {item}" for item in items]
    lines += ["", "Online: " + (method.online or "not suited to running online.")]
    if method.tags:
        lines.append("Helps with: " + ", ".join(method.tags))
    if method.source is not None:
        source = method.source
        lines += ["", f"Source: {source.credit}"]
        if source.url:
            lines.append(f"  {source.url}")
        if source.licence:
            lines.append(f"  Licence of the source: {source.licence}")
        if source.notice:
            lines.append(f"  {source.notice}")
    if method.licence:
        lines.append(f"This description: {method.licence}")
    return "\n".join(lines)


@describe.register
def _(theme: Theme) -> str:
    return f"{theme.name}: primary {theme.primary}, accent {theme.accent}, font {theme.font}"
