"""Date expressions resolved to intervals against an article's publication date.

Every expression becomes a closed interval of whole days [start, end]; either side may be open
(None) when the text leaves it open ("by the end of 2022" has no start). A relative expression
("last August", "this year", "Thursday") needs the publication date; without it the interval is
None rather than a guess.

Choices, where English is ambiguous:
- a weekday ("Thursday") is the latest such day on or before the publication date;
- a month or day without a year ("on Dec. 22", "in August") is the latest one on or before
  the publication date, allowing a week ahead for announcements;
- "last August" is the latest August strictly before the publication month;
- "the last/first N months of 2022" is January to the end of month N of 2022.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from bilateral import data

MONTHS = data.months()
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_MONTH2 = _MONTH.replace("?P<month>", "?P<month2>")
_YEAR = r"(?P<year>(?:1[89]|20|21)\d{2})"
_YEAR2 = _YEAR.replace("?P<year>", "?P<year2>")
_COUNT = r"(?P<count>\d{1,3}|" + "|".join(NUMBER_WORDS) + r")"


@dataclass(frozen=True)
class Interval:
    start: date | None
    end: date | None

    def iso(self) -> tuple[str | None, str | None]:
        return (
            self.start.isoformat() if self.start else None,
            self.end.isoformat() if self.end else None,
        )


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    interval: Interval | None  # None: relative, and the publication date is unknown
    relative: bool
    precision: str  # day, month, quarter, half, year, span


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def year_interval(year: int) -> Interval:
    return Interval(date(year, 1, 1), date(year, 12, 31))


def month_interval(year: int, month: int) -> Interval:
    return Interval(date(year, month, 1), month_end(year, month))


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def _latest_month(month: int, published: date, strictly_before: bool = False) -> int:
    """The year of the latest `month` on or before the publication month."""
    if month < published.month or (month == published.month and not strictly_before):
        return published.year
    return published.year - 1


def _shift_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


Resolver = Callable[[dict[str, str], date | None], Interval | None]
Rule = tuple[re.Pattern[str], str, bool, Resolver]
RULES: list[Rule] = []  # in the order they are tried: the most specific first


def rule(pattern: str, precision: str, relative: bool = False) -> Callable[[Resolver], Resolver]:
    def register(fn: Resolver) -> Resolver:
        RULES.append((re.compile(pattern, re.IGNORECASE), precision, relative, fn))
        return fn

    return register


@rule(rf"\b(?:the\s+)?(?P<which>first|last|past)\s+{_COUNT}\s+months\s+of\s+{_YEAR}\b", "span")
def _months_of_year(g: dict[str, str], _: date | None) -> Interval | None:
    n, year = _number(g["count"]), int(g["year"])
    if not 1 <= n <= 12:
        return None
    return Interval(date(year, 1, 1), month_end(year, n))


@rule(rf"\bbetween\s+{_MONTH}\s+and\s+{_MONTH2}(?:,?\s+{_YEAR})?\b", "span", relative=True)
def _between_months(g: dict[str, str], published: date | None) -> Interval | None:
    first, last = MONTHS[g["month"].lower()], MONTHS[g["month2"].lower()]
    if g.get("year"):
        year = int(g["year"])
    elif published:
        year = _latest_month(last, published)
    else:
        return None
    if first > last:
        return Interval(date(year - 1, first, 1), month_end(year, last))
    return Interval(date(year, first, 1), month_end(year, last))


@rule(rf"\b(?:from|between)\s+{_YEAR}\s+(?:to|and|until|till)\s+{_YEAR2}\b", "span")
def _year_span(g: dict[str, str], _: date | None) -> Interval | None:
    a, b = int(g["year"]), int(g["year2"])
    return Interval(date(min(a, b), 1, 1), date(max(a, b), 12, 31))


@rule(rf"\b{_YEAR}\s*[-–]\s*{_YEAR2}\b", "span")
def _year_dash(g: dict[str, str], published: date | None) -> Interval | None:
    return _year_span(g, published)


@rule(rf"\bsince\s+(?:{_MONTH}\s+)?{_YEAR}\b", "span")
def _since(g: dict[str, str], published: date | None) -> Interval | None:
    month = MONTHS[g["month"].lower()] if g.get("month") else 1
    start = date(int(g["year"]), month, 1)
    return Interval(start, published if published and published >= start else None)


@rule(rf"\bby\s+the\s+end\s+of\s+(?:{_YEAR}|(?P<rel>this|next|last)\s+year)\b", "span")
def _by_end(g: dict[str, str], published: date | None) -> Interval | None:
    if g.get("year"):
        return Interval(None, date(int(g["year"]), 12, 31))
    if published is None:
        return None
    year = published.year + {"this": 0, "next": 1, "last": -1}[g["rel"].lower()]
    return Interval(None, date(year, 12, 31))


@rule(
    rf"\b(?:over|in|during)\s+the\s+(?:past|last)\s+{_COUNT}\s+(?P<unit>years|months)\b",
    "span",
    True,
)
def _past_n(g: dict[str, str], published: date | None) -> Interval | None:
    if published is None:
        return None
    n = _number(g["count"])
    if g["unit"].lower() == "years":
        return Interval(_shift_years(published, -n), published)
    month_index = published.year * 12 + published.month - 1 - n
    return Interval(date(month_index // 12, month_index % 12 + 1, 1), published)


@rule(
    rf"\b(?:the\s+)?(?P<nth>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of\s+(?:{_YEAR}|(?P<rel>this|next|last)\s+year))?\b",
    "quarter",
    True,
)
def _quarter(g: dict[str, str], published: date | None) -> Interval | None:
    q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}[
        g["nth"].lower()
    ]
    year = _year_of(g, published)
    if year is None:
        return None
    return Interval(date(year, 3 * q - 2, 1), month_end(year, 3 * q))


@rule(
    rf"\b(?:the\s+)?(?P<nth>first|second)\s+half\s+of\s+(?:{_YEAR}|(?P<rel>this|next|last)\s+year)\b",
    "half",
    True,
)
def _half(g: dict[str, str], published: date | None) -> Interval | None:
    year = _year_of(g, published)
    if year is None:
        return None
    return (
        Interval(date(year, 1, 1), date(year, 6, 30))
        if g["nth"].lower() == "first"
        else Interval(date(year, 7, 1), date(year, 12, 31))
    )


def _year_of(g: dict[str, str], published: date | None) -> int | None:
    if g.get("year"):
        return int(g["year"])
    if published is None:
        return None
    return (
        published.year
        + {"this": 0, "next": 1, "last": -1, None: 0}[(g.get("rel") or "").lower() or None]
    )


@rule(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b", "day")
def _month_day_year(g: dict[str, str], _: date | None) -> Interval | None:
    return _day(int(g["year"]), MONTHS[g["month"].lower()], int(g["day"]))


@rule(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+{_YEAR}\b", "day")
def _day_month_year(g: dict[str, str], _: date | None) -> Interval | None:
    return _day(int(g["year"]), MONTHS[g["month"].lower()], int(g["day"]))


def _day(year: int, month: int, day: int) -> Interval | None:
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    return Interval(d, d)


@rule(rf"\b{_MONTH}\s+{_YEAR}\b", "month")
def _month_year(g: dict[str, str], _: date | None) -> Interval | None:
    return month_interval(int(g["year"]), MONTHS[g["month"].lower()])


@rule(rf"\b(?:on\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+\d)", "day", True)
def _month_day(g: dict[str, str], published: date | None) -> Interval | None:
    if published is None:
        return None
    month, day = MONTHS[g["month"].lower()], int(g["day"])
    for year in (published.year, published.year - 1):
        found = _day(year, month, day)
        if found and found.start and found.start <= published + timedelta(days=7):
            return found
    return None


@rule(rf"\blast\s+{_MONTH}\b(?!\s+\d)", "month", True)
def _last_month_name(g: dict[str, str], published: date | None) -> Interval | None:
    if published is None:
        return None
    month = MONTHS[g["month"].lower()]
    return month_interval(_latest_month(month, published, strictly_before=True), month)


@rule(rf"\b(?:in|since|during)\s+{_MONTH}\b(?!\s+\d)", "month", True)
def _in_month(g: dict[str, str], published: date | None) -> Interval | None:
    if published is None:
        return None
    month = MONTHS[g["month"].lower()]
    return month_interval(_latest_month(month, published), month)


@rule(r"\b(?P<rel>this|last|next|past)\s+(?P<unit>year|month|week)\b", "span", True)
def _this_unit(g: dict[str, str], published: date | None) -> Interval | None:
    if published is None:
        return None
    shift = {"this": 0, "last": -1, "past": -1, "next": 1}[g["rel"].lower()]
    unit = g["unit"].lower()
    if unit == "year":
        return year_interval(published.year + shift)
    if unit == "month":
        index = published.year * 12 + published.month - 1 + shift
        return month_interval(index // 12, index % 12 + 1)
    monday = published - timedelta(days=published.weekday()) + timedelta(weeks=shift)
    return Interval(monday, monday + timedelta(days=6))


@rule(rf"\b{_COUNT}\s+(?P<unit>years|months)\s+ago\b", "year", True)
def _ago(g: dict[str, str], published: date | None) -> Interval | None:
    if published is None:
        return None
    n = _number(g["count"])
    if g["unit"].lower() == "years":
        return year_interval(published.year - n)
    index = published.year * 12 + published.month - 1 - n
    return month_interval(index // 12, index % 12 + 1)


@rule(
    r"\b(?:on\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    "day",
    True,
)
def _weekday(g: dict[str, str], published: date | None) -> Interval | None:
    if published is None:
        return None
    back = (published.weekday() - WEEKDAYS[g["weekday"].lower()]) % 7
    day = published - timedelta(days=back)
    return Interval(day, day)


@rule(r"\b(?P<rel>today|yesterday)\b", "day", True)
def _today(g: dict[str, str], published: date | None) -> Interval | None:
    if published is None:
        return None
    day = published - timedelta(days=1 if g["rel"].lower() == "yesterday" else 0)
    return Interval(day, day)


@rule(rf"\b{_YEAR}\b", "year")
def _year(g: dict[str, str], _: date | None) -> Interval | None:
    return year_interval(int(g["year"]))


def partial_date(interval: Interval | None) -> str | None:
    """The interval as one ISO date as precise as it is: a day, a month, a year, or a start."""
    if interval is None or interval.start is None:
        return None
    start, end = interval.start, interval.end
    if end == start:
        return start.isoformat()
    if end and start.day == 1 and end == month_end(start.year, start.month):
        return start.isoformat()[:7]
    if end and start == date(start.year, 1, 1) and end == date(start.year, 12, 31):
        return str(start.year)
    return start.isoformat()


_MONTHS3 = tuple(sorted({name[:3] for name in MONTHS}))
_CENTURIES = ("18", "19", "20", "21")
# Per rule, lower-case words one of which must be in a text for the rule's pattern to be tried:
# a cheap test that spares most patterns on most articles.
NEEDS = {
    "_months_of_year": ("months",),
    "_between_months": ("between",),
    "_year_span": ("from", "between"),
    "_year_dash": _CENTURIES,
    "_since": ("since",),
    "_by_end": ("end of",),
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


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date expression in `text`, longest first where they overlap, in text order."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    lowered = text.lower()
    for pattern, precision, relative, resolve in RULES:  # rules are ordered most specific first
        needs = NEEDS.get(resolve.__name__, ())
        if needs and not any(word in lowered for word in needs):
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and end > s for s, e in taken):
                continue
            groups = {k: v for k, v in match.groupdict().items() if v is not None}
            interval = resolve(groups, published)
            found.append(DateMention(start, end, match.group(0), interval, relative, precision))
            taken.append((start, end))
    return sorted(found, key=lambda m: m.start)


def resolve(expression: str, published: date | None) -> Interval | None:
    """The interval of one date expression, or None."""
    mentions = find_dates(expression, published)
    return mentions[0].interval if mentions else None
