"""Periods in time: the labels of a turn-the-curve baseline read as years, school years, terms,
months, quarters and dates, placed on one time axis, and counted on in the same style.

A baseline names its periods the way people write them: ``"2019"``, ``"2023/24"``,
``"Autumn 2023"``, ``"T1 2024"``, ``"Mar 2024"``, ``"2024 Q1"``, ``"2024-03-15"``.
``parse_period`` reads one label as a :class:`Period` of a known kind, a whole number of
steps along its kind's grid (years, terms, months...), with a template that writes any
other period of that kind the way the label was written ("2023/24" → "2024/25", "Spring
term 2024" → "Summer term 2024"). Each period has a place in time, ``Period.time``, in
years: the middle of the period, so that a year, a school year and a term can share one
axis. Where a term falls is a fixed, documented point of the year (``MIDDLES``).

``timeline`` places a sequence of labels on one axis, or gives None when one of them is
not a period facilitate knows or two fall at the same time: callers then space the labels
evenly, in the order written. Nothing here does I/O or depends on the locale.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Sequence

import attrs

#: The kinds of period, and how many of each a year has (a date's grid is days).
STEPS_PER_YEAR: dict[str, int] = {
    "year": 1,
    "school-year": 1,
    "term": 3,
    "half-term": 6,
    "numbered-term": 4,
    "quarter": 4,
    "month": 12,
}
KINDS = (*STEPS_PER_YEAR, "date")

#: Where a period's middle falls, as a fraction of a year after the start of its grid's
#: year, for the kinds whose grid is not the calendar's. A school year runs from
#: September to July, so its middle is early February of its second calendar year; terms
#: are spread evenly through the school year, each at (about) the middle of the real term.
MIDDLES: dict[str, float] = {
    # 1 September + 5 months: early February.
    "school-year": 1 + 1 / 12,
    # Autumn (early September to mid-December) at mid-October; then Spring at
    # mid-February and Summer at mid-June, four months apart (England's three terms;
    # a US fall or spring semester falls within a few weeks of the same points).
    "term": 9.5 / 12,
    # Autumn 1 at mid-September, then every two months: Autumn 2 mid-November, Spring 1
    # mid-January, Spring 2 mid-March, Summer 1 mid-May, Summer 2 mid-July.
    "half-term": 8.5 / 12,
    # The four terms of a calendar school year (Australia, New Zealand): Term 1 (late
    # January to early April) at late February, then every three months: Term 2 late
    # May, Term 3 late August, Term 4 late November.
    "numbered-term": 1.75 / 12,
}

SEASONS = ("Autumn", "Spring", "Summer")
US_SEASONS = ("Fall", "Spring", "Summer")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
SHORT_MONTHS = tuple(name[:3] for name in MONTHS)
#: A grid axis with more steps than this lists only the periods it has data for.
MAX_TICKS = 60
#: Days in a year, on average (Gregorian calendar): the unit of a date's time.
YEAR_DAYS = 365.2425

_YEAR = r"[12]\d{3}"
_SEASON = r"autumn|fall|spring|summer"
_MONTH = "|".join([*(m.lower() for m in MONTHS), "sept", *(m.lower() for m in SHORT_MONTHS)])


@attrs.frozen
class Period:
    """A period of a known kind: ``index`` steps along its kind's grid, written by ``template``.

    The grid counts years (for a year or a school year, the first calendar year), terms
    (three to a school year), half-terms (six), numbered terms (four to a calendar year),
    quarters, months, or days (a date's proleptic Gregorian ordinal).
    """

    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    index: int
    #: A ``str.format`` template over the fields of ``fields()``, e.g. "{season} term {year}".
    template: str

    @property
    def label(self) -> str:
        """The period written in its template's style."""
        return self.template.format_map(self.fields())

    @property
    def time(self) -> float:
        """The middle of the period, in years (2019.5 is the middle of 2019)."""
        if self.kind == "date":
            day = dt.date.fromordinal(self.index)
            start = dt.date(day.year, 1, 1).toordinal()
            length = dt.date(day.year + 1, 1, 1).toordinal() - start
            return day.year + (self.index - start + 0.5) / length
        per_year = STEPS_PER_YEAR[self.kind]
        return self.index / per_year + MIDDLES.get(self.kind, 0.5 / per_year)

    @property
    def step(self) -> float:
        """The length of one step of its grid, in years."""
        return 1 / YEAR_DAYS if self.kind == "date" else 1 / STEPS_PER_YEAR[self.kind]

    @property
    def middle(self) -> dt.date:
        """The day at the middle of the period (a date is its own middle)."""
        if self.kind == "date":
            return dt.date.fromordinal(self.index)
        year = math.floor(self.time)
        start = dt.date(year, 1, 1).toordinal()
        length = dt.date(year + 1, 1, 1).toordinal() - start
        return dt.date.fromordinal(start + min(int((self.time - year) * length), length - 1))

    def shifted(self, steps: int) -> Period:
        """The period ``steps`` along its grid (back when negative), in the same style."""
        return attrs.evolve(self, index=self.index + steps)

    def fields(self) -> dict[str, str]:
        """The values a template can name: numbers as digits, words in three cases."""
        kind, index = self.kind, self.index
        words: dict[str, str] = {}
        values: dict[str, str] = {}
        if kind == "date":
            day = dt.date.fromordinal(index)
            values.update(year=f"{day.year:04d}", mm=f"{day.month:02d}", dd=f"{day.day:02d}")
        elif kind == "month":
            year, month = divmod(index, 12)
            values.update(year=str(year), mm=f"{month + 1:02d}")
            words.update(month=MONTHS[month], mon=SHORT_MONTHS[month])
        elif kind in ("quarter", "numbered-term"):
            year, number = divmod(index, 4)
            values.update(year=str(year), n=str(number + 1))
        elif kind in ("term", "half-term"):
            per_year = STEPS_PER_YEAR[kind]
            start, slot = divmod(index, per_year)
            season = slot * 3 // per_year
            values.update(_school_year(start), year=str(start if season == 0 else start + 1), half=str(slot % 2 + 1))
            words.update(season=SEASONS[season], season_us=US_SEASONS[season])
        elif kind == "school-year":
            values.update(_school_year(index))
        else:
            values.update(year=str(index))
        for name, word in words.items():
            values.update({name: word, f"{name}_lower": word.lower(), f"{name}_upper": word.upper()})
        return values


def _school_year(start: int) -> dict[str, str]:
    return {"start": str(start), "end": str(start + 1), "end2": f"{(start + 1) % 100:02d}"}


# --- reading a label ---------------------------------------------------------------------

#: The school year a term belongs to, written either as a calendar year or as a school year.
_TERM_YEAR = (
    rf"(?:(?P<start>{_YEAR})(?P<ssep>\s*[/\-–]\s*)(?P<end>\d{{4}}|\d{{2}})|(?P<year>{_YEAR}))"
)


def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    found: list[tuple[str, str]] = [
        ("date", rf"(?P<year>{_YEAR})-(?P<mm>\d{{2}})-(?P<dd>\d{{2}})"),
        ("year", rf"(?P<year>{_YEAR})"),
        ("school-year", rf"(?P<start>{_YEAR})(?P<ssep>\s*[/\-–]\s*)(?P<end>\d{{4}}|\d{{2}})"),
        ("month", rf"(?P<year>{_YEAR})-(?P<mm>0[1-9]|1[0-2])"),
        ("month", rf"(?P<month>{_MONTH})\.?[\s\-]+(?P<year>{_YEAR})"),
        ("month", rf"(?P<year>{_YEAR})[\s\-]+(?P<month>{_MONTH})"),
        ("quarter", rf"(?P<year>{_YEAR})[\s\-]*q(?P<n>[1-4])"),
        ("quarter", rf"q(?P<n>[1-4])[\s\-]*(?P<year>{_YEAR})"),
        ("half-term", rf"(?P<season>autumn|spring|summer)\s*(?P<half>[12])(?:\s+|\s*,\s*){_TERM_YEAR}"),
        ("term", rf"(?P<season>{_SEASON})(?:\s+term)?(?:\s+|\s*,\s*){_TERM_YEAR}"),
        ("term", rf"{_TERM_YEAR}\s+(?P<season>{_SEASON})(?:\s+term)?"),
        ("numbered-term", rf"(?:t|term\s*)(?P<n>[1-4])(?:\s+|\s*,\s*)(?P<year>{_YEAR})"),
        ("numbered-term", rf"(?P<year>{_YEAR})(?:\s+|\s*,\s*)(?:t|term\s*)(?P<n>[1-4])"),
    ]
    return tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in found)


_PATTERNS = _patterns()


def _case(word: str) -> str:
    """The field-name suffix that writes a word in the case ``word`` is written in."""
    if len(word) > 1 and word.isupper():
        return "_upper"
    if word.islower():
        return "_lower"
    return ""


def _season_index(word: str) -> int:
    lowered = word.lower()
    return 0 if lowered in ("autumn", "fall") else SEASONS.index(lowered.title())


def _month_index(word: str) -> int:
    lowered = word.lower()
    if lowered == "sept":
        return 8
    names = [m.lower() for m in MONTHS]
    return names.index(lowered) if lowered in names else [m.lower() for m in SHORT_MONTHS].index(lowered)


def _read(kind: str, match: re.Match[str]) -> Period | None:
    """The period a pattern's match names, or None when its numbers do not make one."""
    groups = {name: value for name, value in match.groupdict().items() if value is not None}
    placeholders: dict[str, str] = {}
    school_start = 0
    if "start" in groups:
        start, end = int(groups["start"]), groups["end"]
        if (len(end) == 4 and int(end) != start + 1) or (len(end) == 2 and int(end) != (start + 1) % 100):
            return None
        school_start = start
        placeholders.update(start="{start}", end="{end}" if len(end) == 4 else "{end2}")
    year = int(groups["year"]) if "year" in groups else 0
    if "year" in groups:
        placeholders["year"] = "{year}"
    if kind == "date":
        try:
            index = dt.date(year, int(groups["mm"]), int(groups["dd"])).toordinal()
        except ValueError:
            return None
        placeholders.update(mm="{mm}", dd="{dd}")
    elif kind == "year":
        index = year
    elif kind == "school-year":
        index = school_start
    elif kind == "month":
        if "mm" in groups:
            month = int(groups["mm"]) - 1
            placeholders["mm"] = "{mm}"
        else:
            word = groups["month"]
            month = _month_index(word)
            long = word.lower() == MONTHS[month].lower() and len(word) > 3
            placeholders["month"] = "{" + ("month" if long else "mon") + _case(word) + "}"
        index = year * 12 + month
    elif kind in ("quarter", "numbered-term"):
        index = year * 4 + int(groups["n"]) - 1
        placeholders["n"] = "{n}"
    else:  # a term or a half-term
        word = groups["season"]
        season = _season_index(word)
        if "year" in groups:
            school_start = year if season == 0 else year - 1
        placeholders["season"] = "{" + ("season_us" if word.lower() == "fall" else "season") + _case(word) + "}"
        if kind == "half-term":
            index = school_start * 6 + season * 2 + int(groups["half"]) - 1
            placeholders["half"] = "{half}"
        else:
            index = school_start * 3 + season
    return Period(kind, index, _template(match, placeholders))


def _template(match: re.Match[str], placeholders: dict[str, str]) -> str:
    """The matched text with each named field replaced by its placeholder, the rest kept as written."""
    text = match.string
    spans = sorted((match.span(name), placeholder) for name, placeholder in placeholders.items())
    out, at = [], 0
    for (begin, end), placeholder in spans:
        out.append(text[at:begin].replace("{", "{{").replace("}", "}}"))
        out.append(placeholder)
        at = end
    out.append(text[at:].replace("{", "{{").replace("}", "}}"))
    return "".join(out)


def readings(label: str) -> tuple[Period, ...]:
    """Every way ``label`` can be read as a period, the likeliest first ("2011-12" is the
    school year 2011/12, or December 2011); none when it is not a period facilitate knows."""
    text = label.strip()
    found: list[Period] = []
    for kind, pattern in _PATTERNS:
        match = pattern.fullmatch(text)
        if match is not None:
            period = _read(kind, match)
            if period is not None and period not in found:
                found.append(period)
    return tuple(found)


def parse_period(label: str) -> Period | None:
    """``label`` read as a period (its likeliest reading), or None."""
    found = readings(label)
    return found[0] if found else None


def read_periods(labels: Sequence[str]) -> tuple[Period, ...] | None:
    """Every label read as a period, or None if one is not a period.

    An ambiguous label is read as the kind every label can share, when there is one: in
    "2011-10", "2011-11", "2011-12", the last is December 2011, not the school year 2011/12.
    """
    found = [readings(label) for label in labels]
    if not all(found):
        return None
    shared = [p.kind for p in found[0] if all(any(q.kind == p.kind for q in options) for options in found)] if found else []
    if shared:
        chosen = [next(p for p in options if p.kind == shared[0]) for options in found]
    else:
        chosen = [options[0] for options in found]
    return tuple(_settled(chosen))


#: Words written the same in both styles of their kind: "May" (short or long month names),
#: "Spring" and "Summer" (English or US season names).
_SHARED_WORDS = {"month": (r"\{mon(_lower|_upper)?\}", "{month\\1}", "{month"),
                 "term": (r"\{season(_lower|_upper)?\}", "{season_us\\1}", "{season_us"),
                 "half-term": (r"\{season(_lower|_upper)?\}", "{season_us\\1}", "{season_us")}


def _word_shared(period: Period) -> bool:
    if period.kind == "month":
        return period.index % 12 == 4
    if period.kind in ("term", "half-term"):
        return period.index % STEPS_PER_YEAR[period.kind] * 3 // STEPS_PER_YEAR[period.kind] != 0
    return False


def _settled(periods: list[Period]) -> list[Period]:
    """Periods whose word does not tell its style ("May 2024": "Jun" or "June" next?) take the
    style of the nearest period of their kind whose word does."""
    out = list(periods)
    for number, period in enumerate(periods):
        if period.kind not in _SHARED_WORDS or not _word_shared(period):
            continue
        sure = [other for other in periods if other.kind == period.kind and not _word_shared(other)]
        if not sure:
            continue
        nearest = min(sure, key=lambda other: abs(other.index - period.index))
        pattern, replacement, marker = _SHARED_WORDS[period.kind]
        if marker in nearest.template:
            out[number] = attrs.evolve(period, template=re.sub(pattern, replacement, period.template))
    return out


# --- a sequence of periods ---------------------------------------------------------------


@attrs.frozen
class Timeline:
    """Labels placed on one time axis: each given label once, in time order, with its period."""

    labels: tuple[str, ...]
    periods: tuple[Period, ...]

    @property
    def kind(self) -> str | None:
        """The kind every period shares, or None for a mix."""
        kinds = {period.kind for period in self.periods}
        return kinds.pop() if len(kinds) == 1 else None

    @property
    def times(self) -> tuple[float, ...]:
        return tuple(period.time for period in self.periods)

    @property
    def grid(self) -> bool:
        """Whether the periods share a kind with a grid (anything but dates)."""
        return self.kind not in (None, "date")

    @property
    def step(self) -> float:
        """The axis's unit, in years: the grid's step, else the smallest gap between neighbours."""
        if self.grid:
            return self.periods[0].step
        times = self.times
        gaps = [b - a for a, b in zip(times, times[1:])]
        return min(gaps) if gaps else self.periods[0].step

    def ticks(self, limit: int = MAX_TICKS) -> tuple[tuple[str, Period], ...]:
        """Every step of the grid from the first period to the last, gaps included, when that is
        at most ``limit`` steps: a given label as written, a missing one in the style of the
        label before it. Otherwise (dates, a mix of kinds, a long grid) the given labels alone."""
        pairs = tuple(zip(self.labels, self.periods))
        if not self.grid:
            return pairs
        first, last = self.periods[0].index, self.periods[-1].index
        if last - first + 1 > limit:
            return pairs
        given = {period.index: (label, period) for label, period in pairs}
        out: list[tuple[str, Period]] = []
        style = self.periods[0]
        for index in range(first, last + 1):
            if index in given:
                out.append(given[index])
                style = given[index][1]
            else:
                filler = attrs.evolve(style, index=index)
                out.append((filler.label, filler))
        return tuple(out)


def timeline(labels: Sequence[str]) -> Timeline | None:
    """``labels`` (each once) placed in time order, or None when one is not a period or two
    different labels fall at the same time (such as "2023/24" and "2023-24")."""
    unique = tuple(dict.fromkeys(labels))
    periods = read_periods(unique)
    if periods is None:
        return None
    order = sorted(range(len(unique)), key=lambda i: periods[i].time)
    times = [periods[i].time for i in order]
    if any(b - a < 1e-9 for a, b in zip(times, times[1:])):
        return None
    return Timeline(tuple(unique[i] for i in order), tuple(periods[i] for i in order))


def increasing_times(labels: Sequence[str]) -> tuple[float, ...] | None:
    """The time of each label, in years, when every label is a period and each is later than
    the one before; else None (the labels are then counted 0, 1, 2... by the caller)."""
    periods = read_periods(labels)
    if periods is None:
        return None
    times = tuple(period.time for period in periods)
    if any(b - a < 1e-9 for a, b in zip(times, times[1:])):
        return None
    return times


def next_labels(labels: Sequence[str], count: int) -> tuple[str, ...]:
    """The ``count`` periods after the last of ``labels``, written in its style.

    Years count on ("2024" → "2025"), school years, terms, months and quarters too
    ("2023/24" → "2024/25", "Summer 2024" → "Autumn 2024"), dates by the step the dates
    keep (the same day of every n-th month, else the smallest gap in days; yearly after a
    single date). Labels that are not periods in time order get "+1", "+2"... (a whole
    number counts on).
    """
    if count <= 0 or not labels:
        return ()
    periods = read_periods(labels) if increasing_times(labels) is not None else None
    if periods is None:
        written = labels[-1]
        try:
            base = int(written)
        except ValueError:
            return tuple(f"{written} +{step}" for step in range(1, count + 1))
        return tuple(str(base + step) for step in range(1, count + 1))
    last = periods[-1]
    if last.kind != "date":
        return tuple(last.shifted(step).label for step in range(1, count + 1))
    return tuple(period.label for period in _next_dates(periods, count))


def _next_dates(periods: Sequence[Period], count: int) -> tuple[Period, ...]:
    dates = [dt.date.fromordinal(p.index) for p in periods if p.kind == "date"]
    last = periods[-1]
    days = [b.toordinal() - a.toordinal() for a, b in zip(dates, dates[1:])]
    same_day = len({d.day for d in dates}) == 1 and dates[-1].day <= 28
    if len(dates) < 2 or same_day:
        months = [(b.year - a.year) * 12 + b.month - a.month for a, b in zip(dates, dates[1:])]
        step = min(months) if months else 12
        return tuple(attrs.evolve(last, index=_add_months(dates[-1], step * k).toordinal()) for k in range(1, count + 1))
    gap = min(days)
    return tuple(attrs.evolve(last, index=dates[-1].toordinal() + gap * k) for k in range(1, count + 1))


def _add_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    last_day = calendar.monthrange(day.year + year, month + 1)[1]
    return dt.date(day.year + year, month + 1, min(day.day, last_day))
