"""Commented starter files for ``facilitate new``."""

from __future__ import annotations

AGENDA = """\
# A facilitate session. Build it with:  facilitate build {name}.yaml -o pack/
# Every key is described by 'facilitate schema'; times are 24-hour clock times.
kind: session
id: {id}
title: {title}
subtitle: ""
# date: YYYY-MM-DD        # the day itself, once it is fixed (shown on every page)
# language: cy            # the pack's labels, dates and numbers: en, cy, fr, es or de (docs/languages.md)
starts_at: "09:00"
ends_by: "12:30"          # optional: the build refuses an agenda that runs past it
venue: ""
hosts: []
facilitators: []
audience: ""
# Why the group meets: it opens the handout and the run-sheet. Say it in your own words.
purpose: >-
  To agree why our partnership matters now, to see honestly where we are, and to choose
  one thing we will do next, together.

# The 3 to 7 parts listed on the "Our conversation today" slide.
conversation:
  - id: why
    title: Why partnership, and why now
  - id: where
    title: Where we are today
  - id: next
    title: What we will do next

# Library items used by the pack (see 'facilitate list'). Segments can name them too.
uses:
  decks: [lets-imagine]
  ladders: [powerful-questions]
  reflections: [taking-stock]

segments:
  - id: welcome
    title: Welcome and introductions
    kind: welcome            # welcome, input, activity, discussion, break, reflection, close
    minutes: 20
    grouping: tables         # whole-room, tables, pairs, individual
    prompts:
      - Why am I here?
      - What can I offer the group?
    # notes: are for you alone (run-sheet, speaker notes), never shown to participants.
    notes: >-
      Keep your own welcome to five minutes, then give each person a minute at their table.
    materials:               # one per line: a flow list [a, b] splits at every comma
      - Name badges
  - id: imagine
    title: Let's imagine
    part: why
    kind: activity
    minutes: 30
    min_minutes: 20          # if the day runs late, the live page may shrink it to this
    grouping: tables
    deck: lets-imagine
    description: Turn the cards one at a time and talk about what each one sparks.
  - id: coffee
    title: Coffee
    kind: break
    minutes: 15
    # fixed: "09:50"         # pins it to a clock time the agenda must reach (the live page catches up to it)
  - id: stock-take
    title: Taking stock
    part: next
    kind: reflection
    minutes: 20
    reflection: taking-stock
"""

DECK = """\
# A facilitate card deck. Print it with:  facilitate cards {name}.yaml
kind: deck
id: {id}
title: {title}
description: What the deck is for.
instructions:
  - Lay the cards face down on the table.
  - Turn them over one at a time.
  - What thoughts does each card stimulate?
back:
  title: {title}
  colour: "#1f4e79"
cards:
  - id: first
    title: A first card
    prompt: The question or statement, in large type.
    detail: An optional line of detail.
    category: Ideas
  - id: second
    title: A second card
    prompt: Another prompt for the table to talk about.
    category: Ideas
"""

METHOD = """\
# A facilitate method. A segment uses it with  method: {name}  and takes its steps,
# materials and grouping (unless the segment states its own); the segment's minutes
# scale the steps' minutes in proportion. Check it with:  facilitate validate {name}.yaml
# This one is a small, complete method to start from: change its words to your own.
kind: method
id: {id}
name: {title}
purpose: Everyone thinks on their own first, so every voice is in the room before the loudest one.
grouping: tables             # whole-room, tables, pairs, individual: who works together most
group_size:
  min: 4
  max: 40                    # leave out for no upper limit
steps:                       # minutes are the usual length; a segment scales them
  - title: The question
    minutes: 2
    grouping: whole-room     # optional: this step's grouping, if not the method's
    instructions: Hear the question, and note what first comes to mind.
  - title: On your own
    minutes: 3
    grouping: individual
    instructions: Write one idea on each sticky note, in silence.
  - title: Round the table
    minutes: 10
    rounds: 2                # optional: the step runs this many times in a row
    cue: the next person starts   # optional: what happens as each later round starts
    instructions: In turn, each person reads one note aloud and puts it on the table; no discussion yet.
  - title: Share
    minutes: 5
    grouping: whole-room
    instructions: Each table says the idea it most wants everyone to hear.
materials:                   # one per line: a flow list [a, b] splits at every comma
  - Sticky notes, one pad per person
  - Pens
room_setup:
  - Tables of four to six, with space to lay notes out.
online: Everyone writes in a shared document for three minutes, then each breakout room takes turns to read.
variations:
  - Cluster the notes into themes before the share.
cautions:
  - Keep the silent minutes silent; the first voice sets the direction.
tags: [involvement]          # rubric dimensions (ids) or needs it helps with
# source:                    # for a method someone else created: credit them
#   credit: Who created the method, and where they published it.
#   url: https://example.org/where-to-read-more
#   licence: The licence of that source's own text.
# licence: The licence of this description's text.
"""

LADDER = """\
# A facilitate question ladder: questions that climb from closed (yes/no) to open (what
# if). A segment uses it with  ladder: {name}  and gets its slides, a poster and a
# worksheet. Check it with:  facilitate validate {name}.yaml
kind: ladder
id: {id}
title: {title}
topic: our partnership       # what the questions are about, on the poster and worksheet
# The rungs: leave 'rungs' out for the standard ladder (yes-no, which-who-when-where,
# what, how, why, what-if); see 'facilitate show powerful-questions'.
qualities:                   # what a powerful question does: the poster's first lines
  - Invites people to think before they answer
  - Brings what we take for granted into view
  - Helps a group move forward together
examples:                    # your own questions, a few for any rung
  - rung: yes-no
    questions:
      - Is our partnership working?
  - rung: what
    questions:
      - What does our partnership do well?
  - rung: how
    questions:
      - How could our partnership do more for children?
  - rung: what-if
    questions:
      - What if every school in the partnership shared one priority?
cautions:
  - Asking why can sound like blame; asking what led to something is gentler.
# source: where the ladder comes from, credited on its worksheet
"""

CURVE = """\
# A facilitate turn-the-curve exercise: one tough issue every partner shares, its data,
# and what to do about it. A segment uses it with  curve: {name}  and gets the chart on a
# slide and a worksheet per table. 'facilitate show {name}.yaml' shows the forecast.
# The figures below are examples: put in your own, and say where they come from.
kind: curve
id: {id}
title: {title}
issue: Too many children miss a day of school in ten or more, and no school can fix it alone.
# Shown under the chart, on the slide and the worksheet, so the room knows what the data is.
description: Illustrative figures for practice, not real data.
# source: where the data comes from, shown under the chart
indicator:
  name: Pupils persistently absent
  unit: "%"
  direction: less-of         # less-of: lower is better; more-of: higher is better
# The data so far, oldest first. A period is a year ("2023"), a school year ("2023/24"),
# a term ("Autumn 2023", "T1 2024"), a month ("Mar 2024"), a quarter ("2024 Q1") or a
# date ("2024-03-15"), quoted; a missing year keeps its place on the chart.
baseline:
  - {{period: "2019/20", value: 10.5}}
  - {{period: "2020/21", value: 11.8}}
  - {{period: "2022/23", value: 14.9}}
  - {{period: "2023/24", value: 15.6}}
forecast_periods: 3          # the straight-line trend carried on, if nothing changes
target: {{period: "2026/27", value: 11.0}}
# What the tables agree, after the session (see 'facilitate show attendance-curve'):
# story (helping and hurting), partners, what_works (with a cost), essentials (up to 3)
# and actions. Left out, the slides and the worksheet ask the room.
"""

RUBRIC = """\
# A facilitate maturity rubric: a few dimensions, each with levels from least to most
# mature. A segment uses it with  rubric: {name}  and gets the rubric on slides and a tick
# sheet; 'facilitate results {name}.yaml FORM-EXPORT.csv' summarises the answers.
kind: rubric
id: {id}
title: {title}
# Printed above the tick sheet: say what people are rating, for them.
description: Mark where our partnership is today on each row.
dimensions:
  - id: purpose
    title: Shared purpose
    levels:                  # least mature first
      - label: Emerging
        descriptor: Each school has its own priorities.
      - label: Developing
        descriptor: We have agreed a few shared priorities.
      - label: Embedded
        descriptor: Our shared priorities shape each school's plans.
  - id: data
    title: Use of data
    levels:
      - label: Emerging
        descriptor: Each school keeps its data to itself.
      - label: Developing
        descriptor: We share some data when someone asks.
      - label: Embedded
        descriptor: We look at our data together, and act on it.
# bands (optional) name stretches of the level scale, lowest first, e.g.
#   bands:
#     - {{from: 1, to: 2, label: Early days}}
#     - {{from: 2, to: 3, label: Well on the way}}
"""

REFLECTION = """\
# Facilitate reflection cards: prompts to write on near the end of a session, printed
# four to a page to cut out. A segment uses them with  reflection: {name}
kind: reflection
id: {id}
title: {title}
description: A few quiet minutes to notice what struck you today, then to decide what you will do.
prompts:                     # each prompt is a card: a short label and its question
  - label: Something new
    question: Something I noticed or learned today.
  - label: Something to think about
    question: Something that challenged me, or that I disagree with.
commitments:                 # optional: "And so what?" cards
  - label: My next step
    question: The one thing I will do, and by when.
# source: where the prompts come from, credited in the handout
"""

THEME = """\
# A facilitate theme: the colours and logo of a pack. A session uses it with
#   theme: {name}
# Colours are "#rrggbb". Every text colour must stand out from its background (WCAG AA,
# 4.5:1); 'facilitate validate {name}.yaml' names any pair that does not.
kind: theme
id: {id}
name: {title}
primary: "#1f4e79"           # titles, rules, bars, the current part of the day
accent: "#c55a11"            # highlights, such as the target on a turn-the-curve chart
background: "#ffffff"        # pages and slides
text: "#1a1a1a"              # body text
muted: "#595959"             # quieter text: notes, credits
on_primary: "#ffffff"        # text on the primary colour
palette:                     # card category bands, in the order categories appear
  - "#1f4e79"
  - "#2e7d32"
  - "#8e24aa"
  - "#c62828"
# logo: our-logo.png         # a PNG or JPEG next to this file, on the title slide
# organisation: Our partnership   # named on the title slide when a session has no hosts
"""

CLUSTER = """\
# A facilitate cluster: one personalised pack per partner. Build them all with:
#   facilitate build-cluster {name}.yaml -o packs/
kind: cluster
id: {id}
title: {title}
session: power-of-partnerships   # a bundled agenda, or your session file beside this one
# organisation: Our learning partnership   # hosts every pack with its partner
members:
  - name: First partner school
    short_name: first            # names its folder and zip (otherwise the name does)
    # date: YYYY-MM-DD           # this partner's day, once it is fixed
    # venue: Where the day is held
    # logo: first-logo.png       # a PNG or JPEG next to this file
  - name: Second partner school
"""

#: The starter of each kind ``facilitate new`` writes ("session" is the agenda's kind).
STARTERS = {
    "agenda": AGENDA,
    "session": AGENDA,
    "deck": DECK,
    "ladder": LADDER,
    "curve": CURVE,
    "rubric": RUBRIC,
    "reflection": REFLECTION,
    "theme": THEME,
    "cluster": CLUSTER,
    "method": METHOD,
}


def yaml_quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar that reads back as exactly ``text``.

    Characters YAML may not hold as they are (controls, U+FEFF...) and every kind of line
    break (which YAML would fold into a space) are written as escapes; everything else,
    emoji included, is written as it is.
    """
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif char == " " or (char.isprintable() and code not in (0x85, 0x2028, 0x2029, 0xFEFF)):
            out.append(char)
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def starter(what: str, name: str) -> tuple[str, str]:
    """The id and the text of a starter file of kind ``what`` (a key of STARTERS) titled ``name``.

    A name that could not be a field's value (a control character, more than a field
    holds) is refused, so the file written always validates.
    """
    from facilitate.errors import FacilitateError
    from facilitate.loaders.limits import text_problem
    from facilitate.model._fields import MAX_ID_CHARS, slug as make_slug

    problem = text_problem(name)
    if problem:
        raise FacilitateError(f"the name {problem}")
    from facilitate.layout import bidi, fonts

    drawn = bidi.joined(fonts.printable(name))
    missing = tuple(dict.fromkeys(fonts.metrics("regular").missing(drawn) + fonts.metrics("bold").missing(drawn)))
    if missing:
        raise FacilitateError(
            f"the name holds {fonts.describe_missing(missing)}, which the bundled font ({fonts.FAMILY}) cannot print"
            " (it would show as an empty box in the pack); leave it out"
        )
    slug = make_slug(name)[:MAX_ID_CHARS].strip("-") or what
    # The id is quoted too: "true", "null" or "2026" would otherwise read as a yes/no, nothing or a number.
    return slug, STARTERS[what].format(name=slug, id=yaml_quoted(slug), title=yaml_quoted(" ".join(name.split()) or slug))
