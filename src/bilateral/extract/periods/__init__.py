"""Date expressions resolved to intervals against an article's publication date.

Every expression becomes a closed interval of whole days [start, end]; either side may be open
(None) when the text leaves it open ("by the end of 2022" has no start). A relative expression
("last August", "this year", "Thursday") needs the publication date; without it the interval is
None rather than a guess, unless the article dates itself by a weekday-date whose year its own
years pin (periods/anchor.py), when that day stands in for it.

Choices, where English is ambiguous:
- a weekday ("Thursday") is the latest such day on or before the publication date, or the next
  one on or after it when the sentence speaks of the future (`tense="future"`, see tense_of);
- a month or day without a year ("on Dec. 22", "in August") is the latest one on or before
  the publication date, allowing a week ahead for announcements when the tense is unknown; in
  the future tense the next one; "in the first quarter" likewise;
- "last August" is the latest August strictly before the publication month;
- "the last/first N months of 2022" is January to the end of month N of 2022.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from itertools import chain

import bilateral.extract.periods.rules  # noqa: F401  (registers the rules)
from bilateral.extract.matching import ODD_CASE, alternation, matches_at
from bilateral.extract.periods.base import (
    MONTH_NAMES,
    MONTHS,
    NUMBER_WORDS,
    RULES,
    WEEKDAYS,
    DateMention,
    Interval,
    month_end,
    month_interval,
    year_interval,
)

FUTURE = re.compile(
    r"\b(?:will|shall|would|wo|'ll|is|are|was|were)\s+(?:\w+\s+)?(?:to\s+)?(?:be\s+)?"
    r"(?:due|set|expected|scheduled|planned|going|likely)\b|\b(?:will|shall|'ll|would)\b"
    r"|\b(?:is|are|was|were)\s+to\s+\w+|\b(?:plans?|aims?|intends?|hopes?|seeks?|expects?)\s+to\b"
    r"|\b(?:next|coming|upcoming|deadline|from now|later this)\b",
    re.IGNORECASE,
)
PAST = re.compile(
    r"\b(?:was|were|had|did|said|rose|fell|grew|stood|hit|came|went|saw|told|ago|last|"
    r"earlier|yesterday|so far|since)\b|\b\w+ed\b",
    re.IGNORECASE,
)


def tense_of(sentence: str) -> str | None:
    """ "future" when a sentence speaks of what is to come ("will", "is to", "aims to",
    "next"), "past" when it reports what was, None when it does not say. A rough reading of
    the words, enough to choose which way a relative date points."""
    if FUTURE.search(sentence):
        return "future"
    if PAST.search(sentence):
        return "past"
    return None


def partial_date(interval: Interval | None) -> str | None:
    """The interval as one ISO date as precise as it is: a day, a month, a year, or a start."""
    if interval is None or interval.start is None:
        return None
    start, end = interval.start, interval.end
    if end == start:
        return start.isoformat()
    if end and (start.year, start.month) == (end.year, end.month):
        return start.isoformat()[:7]  # the month, or days somewhere in it ("earlier this month")
    if end and start == date(start.year, 1, 1) and end == date(start.year, 12, 31):
        return str(start.year)
    return start.isoformat()


_MONTHS3 = tuple(sorted({name[:3] for name in MONTHS}))
_CENTURIES = ("18", "19", "20", "21")
# Per rule, lower-case words one of which must be in a text for the rule's pattern to be tried:
# a cheap test that spares most patterns on most articles.
NEEDS = {
    "_months_of_year": ("months",),
    "_between_month_years": ("between", "from"),
    "_year_ended": ("year", "months"),
    "_so_far": ("so far", "start of", "earlier this", "to date", "to-date"),
    "_first_months": ("first",),
    "_between_months": ("between",),
    "_year_span": ("from", "between"),
    "_year_dash": _CENTURIES,
    "_since": ("since",),
    "_by_end": ("end",),
    "_past_n": ("past", "last"),
    "_quarter": ("quarter",),
    "_half": ("half",),
    "_month_day_year": _MONTHS3,
    "_day_month_year": _MONTHS3,
    "_month_year": _MONTHS3,
    "_month_day": _MONTHS3,
    "_last_month_name": ("last",),
    "_in_month": _MONTHS3,
    "_this_unit": ("this", "last", "next", "past"),
    "_ago": ("ago",),
    "_weekday": tuple(WEEKDAYS),
    "_today": ("today", "yesterday"),
    "_year": _CENTURIES,
}


_MONTH_WORDS = tuple(name.lower() for name in MONTH_NAMES)
FIGURE = "#"  # in STARTS: a word that begins with a digit ("1987", "12th", "1st")
# Per rule, the lower-case words one of which begins every match of its pattern, as a whole
# word: the rule is tried only where one stands, and one scan finds them for all the rules,
# instead of each pattern running over the whole text. A rule missing here runs over it all.
STARTS: dict[str, tuple[str, ...]] = {
    "_months_of_year": ("the", "first", "last", "past"),
    "_year_ended": ("the", "year", "twelve", FIGURE, "fiscal", "financial"),
    "_between_month_years": ("between", "from"),
    "_between_months": ("between",),
    "_year_span": ("from", "between"),
    "_year_dash": (FIGURE,),
    "_since": ("since",),
    "_by_end": ("by", "at", "until", "till", "before", "end"),
    "_past_n": ("over", "in", "during"),
    "_quarter": ("the", "first", "second", "third", "fourth", FIGURE),
    "_half": ("the", "first", "second"),
    "_month_day_year": _MONTH_WORDS,
    "_day_month_year": (FIGURE,),
    "_month_year": _MONTH_WORDS,
    "_month_day": ("on", *_MONTH_WORDS),
    "_last_month_name": ("last",),
    "_in_month": ("in", "since", "during"),
    "_so_far": ("so", "since", "start", "earlier", "year"),
    "_first_months": ("the", "first"),
    "_this_unit": ("this", "last", "next", "past"),
    "_ago": (FIGURE, *NUMBER_WORDS),
    "_weekday": ("on", *WEEKDAYS),
    "_today": ("today", "yesterday"),
    "_year": (FIGURE,),
}
_OPENED_BY: dict[str, list[str]] = {}  # a start word -> the rules it may begin
for _rule, _words in STARTS.items():
    for _word in _words:
        _OPENED_BY.setdefault(_word, []).append(_rule)
_START = re.compile(
    rf"\b(?:(?P<word>{alternation([w for w in _OPENED_BY if w != FIGURE], True)})\b|\d)",
    re.IGNORECASE,
)


def _rule_starts(text: str) -> dict[str, list[int]] | None:
    """Rule -> where a word that may begin one of its matches stands, in text order (a rule
    with none cannot match); None for a text to be read without this shortcut."""
    if ODD_CASE.search(text):  # the scan lower-cases what it finds: read rule by rule
        return None
    words: dict[str, list[int]] = {}
    for m in _START.finditer(text):
        word = m.group("word")
        words.setdefault(word.lower() if word else FIGURE, []).append(m.start())
    opened: dict[str, list[list[int]]] = {}
    for word, places in words.items():
        for rule in _OPENED_BY[word]:
            opened.setdefault(rule, []).append(places)
    return {
        rule: sorted(chain.from_iterable(lists)) if len(lists) > 1 else lists[0]
        for rule, lists in opened.items()
    }


def find_dates(text: str, published: date | None, tense: str | None = None) -> list[DateMention]:
    """Every date expression in `text`, longest first where they overlap, in text order; a
    relative one resolved forward or backward as `tense` says ("past", "future" or None)."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    lowered = text.lower()
    starts = _rule_starts(text)
    present: dict[tuple[str, ...], bool] = {}  # several rules need the same words (months)
    for pattern, precision, relative, resolve in RULES:  # rules are ordered most specific first
        name = resolve.__name__
        if starts is not None and name in STARTS and name not in starts:
            continue  # no word of the text can begin a match
        needs = NEEDS.get(name, ())
        if needs and needs not in present:
            present[needs] = any(word in lowered for word in needs)
        if needs and not present[needs]:
            continue
        if starts is None or name not in STARTS:
            matches: Iterable[re.Match[str]] = pattern.finditer(text)
        else:
            matches = matches_at(pattern, text, starts[name])
        for match in matches:
            start, end = match.span()
            if any(start < e and end > s for s, e in taken):
                continue
            groups = {k: v for k, v in match.groupdict().items() if v is not None}
            interval = resolve(groups, published, tense)
            found.append(
                DateMention(
                    start,
                    end,
                    match.group(0),
                    interval,
                    relative,
                    precision,
                    resolve.__name__,
                    tuple(sorted(groups.items())),
                )
            )
            taken.append((start, end))
    return sorted(found, key=lambda m: m.start)


def resolve(expression: str, published: date | None, tense: str | None = None) -> Interval | None:
    """The interval of one date expression, or None."""
    mentions = find_dates(expression, published, tense)
    return mentions[0].interval if mentions else None


_RESOLVERS = {fn.__name__: fn for _, _, _, fn in RULES}


def retense(mention: DateMention, published: date | None, tense: str | None) -> DateMention:
    """The mention read again in the tense of its sentence (absolute ones do not change)."""
    if not mention.relative or tense is None or mention.rule not in _RESOLVERS:
        return mention
    interval = _RESOLVERS[mention.rule](dict(mention.groups), published, tense)
    return replace(mention, interval=interval)


__all__ = [
    "MONTHS",
    "WEEKDAYS",
    "DateMention",
    "Interval",
    "find_dates",
    "month_end",
    "month_interval",
    "partial_date",
    "resolve",
    "retense",
    "tense_of",
    "year_interval",
]
