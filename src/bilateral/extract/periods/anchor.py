"""An article's own date when it has no publication date: an anchor for its relative dates.

A web page without a publication date still often dates itself: "on Tuesday (25 February)"
holds only in the years where 25 February is a Tuesday, one year in five to eleven. Of those,
the one that fits the years the article names itself is a sound anchor: calendar arithmetic
and the article's own words, no outside knowledge.

The rule, conservative because no anchor is better than a wrong one:
- the weekday-dates are a weekday with a day and month ("Tuesday, Feb. 25", "Tuesday
  (25 February)", "on Tuesday 25 February"); one with a year as well ("Tuesday, 25 February
  2020") holds in that year only if the weekday fits it, and in none otherwise;
- the article's explicit years are every year written in its date expressions; the window is
  their span, extended by one year after the latest (an article may be dated just after the
  last year it names, "in 2019 trade reached...");
- a weekday-date's year is its only fitting year in that window; where several fit, the only
  one from the latest year the article speaks of as past or present (not in a future-tense
  sentence: a target "by 2030" is no date of writing) to the year after it; otherwise none;
- every weekday-date must have its year so (one that fits no year, or several, makes the
  article's own dating doubtful) and they must lie within a month of one another (weekdays
  name days near the writing); the anchor is then the latest of them, else there is none.

The anchor stands in for the publication date in extraction only: the document keeps no
publication date (see Extractor._first).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date, timedelta

from bilateral.extract.periods import tense_of
from bilateral.extract.periods.base import MONTH2_P, MONTH_P, MONTHS, WEEKDAYS, YEAR_P, DateMention

_WEEKDAY_P = rf"(?P<weekday>{'|'.join(calendar.day_name)})"
_DAY_P = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_DAY2_P = _DAY_P.replace("?P<day>", "?P<day2>")
_OPEN = r"\s*,?\s*\(?\s*(?:the\s+)?"  # "Tuesday, ", "Tuesday (", "Tuesday the "
_YEAR_AFTER = rf"(?:\s*,?\s*{YEAR_P})?"
WEEKDAY_DATE = re.compile(
    rf"\b{_WEEKDAY_P}{_OPEN}(?:{_DAY_P}\s+(?:of\s+)?{MONTH_P}|{MONTH2_P}\s+{_DAY2_P}\b)"
    rf"{_YEAR_AFTER}",
    re.IGNORECASE,
)
NEAR = timedelta(days=31)  # weekday-dates of one article lie within a month of one another
_SENTENCE_END = re.compile(r"[!?\n]|\.(?=\s+[A-Z\"'“])")


def weekday_dates(text: str) -> list[tuple[int, int, int, int | None]]:
    """(weekday, month, day, written year or None) of every weekday-date in the text, where
    the day exists in that month in some year."""
    out = []
    for m in WEEKDAY_DATE.finditer(text):
        month = MONTHS[(m.group("month") or m.group("month2")).casefold()]
        day = int(m.group("day") or m.group("day2"))
        if not 1 <= day <= calendar.monthrange(2000, month)[1]:  # 2000: a leap year
            continue
        year = int(m.group("year")) if m.group("year") else None
        out.append((WEEKDAYS[m.group("weekday").casefold()], month, day, year))
    return out


def _sentence_of(text: str, at: int, sentences: Sequence[tuple[int, int]] | None) -> str:
    for start, end in sentences or ():
        if start <= at < end:
            return text[start:end]
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, at)]
    start = ends[-1] if ends else 0
    after = _SENTENCE_END.search(text, at)
    return text[start : after.start() if after else len(text)]


def written_years(
    text: str, dates: Sequence[DateMention], sentences: Sequence[tuple[int, int]] | None = None
) -> tuple[list[int], list[int]]:
    """Every year written in the article's date expressions, and those of them it speaks of
    as past or present (the rest stand in future-tense sentences)."""
    years, current = [], []
    for d in dates:
        named = [int(v) for k, v in d.groups if k in ("year", "year2")]
        if not named:
            continue
        years += named
        if tense_of(_sentence_of(text, d.start, sentences)) != "future":
            current += named
    return years, current


def _fits(weekday: int, month: int, day: int, year: int) -> bool:
    try:
        return date(year, month, day).weekday() == weekday
    except ValueError:  # 29 February of a common year
        return False


def _year_of(
    found: tuple[int, int, int, int | None], years: list[int], current: list[int]
) -> int | None:
    weekday, month, day, written = found
    if written is not None:
        return written if _fits(weekday, month, day, written) else None
    window = range(min(years), max(years) + 2)
    fitting = [y for y in window if _fits(weekday, month, day, y)]
    if len(fitting) > 1 and current:
        latest = max(current)
        fitting = [y for y in fitting if latest <= y <= latest + 1]
    return fitting[0] if len(fitting) == 1 else None


def anchor_date(
    text: str, dates: Sequence[DateMention], sentences: Sequence[tuple[int, int]] | None = None
) -> date | None:
    """The day the article dates itself by (see the module's rule), or None. `dates` are the
    article's date expressions as find_dates read them without a publication date."""
    found = weekday_dates(text)
    if not found:
        return None
    years, current = written_years(text, dates, sentences)
    days = []
    for weekday, month, day, written in found:
        if written is None and not years:
            return None  # nothing in the article to choose among the fitting years
        year = _year_of((weekday, month, day, written), years, current)
        if year is None:
            return None
        days.append(date(year, month, day))
    if max(days) - min(days) > NEAR:
        return None
    return max(days)
