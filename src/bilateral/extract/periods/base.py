"""The pieces every date rule shares: intervals, mentions, patterns and the rule registry."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from bilateral import data
from bilateral.extract.matching import tree

MONTHS = data.months()
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
MONTH_NAMES = (
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec"
).split()
# as a tree of shared beginnings (see matching.py): the same matches as "January|...|Dec"
MONTH_P = rf"(?P<month>{tree([list(m) for m in MONTH_NAMES], ignorecase=True)})\.?"
MONTH2_P = MONTH_P.replace("?P<month>", "?P<month2>")
YEAR_P = r"(?P<year>(?:1[89]|20|21)\d{2})"
YEAR2_P = YEAR_P.replace("?P<year>", "?P<year2>")
COUNT_P = r"(?P<count>\d{1,3}|" + "|".join(NUMBER_WORDS) + r")"


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
    rule: str = ""  # the rule that read it, so that it can be read again with a tense
    groups: tuple[tuple[str, str], ...] = ()


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def year_interval(year: int) -> Interval:
    return Interval(date(year, 1, 1), date(year, 12, 31))


def month_interval(year: int, month: int) -> Interval:
    return Interval(date(year, month, 1), month_end(year, month))


def number_word(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.casefold()]


def latest_month_year(month: int, published: date, strictly_before: bool = False) -> int:
    """The year of the latest `month` on or before the publication month."""
    if month < published.month or (month == published.month and not strictly_before):
        return published.year
    return published.year - 1


def shift_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


# tense: "past", "future" or None (unknown), from the sentence the expression stands in; it
# decides which way a relative expression ("Wednesday", "April 17") is resolved.
Resolver = Callable[[dict[str, str], date | None, str | None], Interval | None]
Rule = tuple[re.Pattern[str], str, bool, Resolver]
RULES: list[Rule] = []  # in the order they are tried: the most specific first


def rule(pattern: str, precision: str, relative: bool = False) -> Callable[[Resolver], Resolver]:
    def register(fn: Resolver) -> Resolver:
        RULES.append((re.compile(pattern, re.IGNORECASE), precision, relative, fn))
        return fn

    return register
