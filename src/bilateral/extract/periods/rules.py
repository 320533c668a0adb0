"""The date rules, in the order they are tried: the most specific first."""

from __future__ import annotations

from datetime import date, timedelta

from bilateral.extract.periods.base import (
    COUNT_P,
    MONTH2_P,
    MONTH_P,
    MONTHS,
    WEEKDAYS,
    YEAR2_P,
    YEAR_P,
    Interval,
    latest_month_year,
    month_end,
    month_interval,
    number_word,
    rule,
    shift_years,
    year_interval,
)


@rule(rf"\b(?:the\s+)?(?P<which>first|last|past)\s+{COUNT_P}\s+months\s+of\s+{YEAR_P}\b", "span")
def _months_of_year(g: dict[str, str], _: date | None, tense: str | None = None) -> Interval | None:
    n, year = number_word(g["count"]), int(g["year"])
    if not 1 <= n <= 12:
        return None
    return Interval(date(year, 1, 1), month_end(year, n))


@rule(
    rf"\b(?:the\s+)?(?:year|twelve\s+months|12\s+months|fiscal\s+year|financial\s+year)\s+"
    rf"(?:ended|ending|to|through)\s+(?:end-)?{MONTH_P}(?:\s+\d{{1,2}})?(?:,?\s+{YEAR_P})?\b",
    "span",
    True,
)
def _year_ended(
    g: dict[str, str], published: date | None, tense: str | None = None
) -> Interval | None:
    """ "the year to December", "the year ended March 31, 1987": twelve months to that month."""
    month = MONTHS[g["month"].casefold()]
    if g.get("year"):
        year = int(g["year"])
    elif published:
        year = latest_month_year(month, published)
    else:
        return None
    first = date(year - 1, month + 1, 1) if month < 12 else date(year, 1, 1)
    return Interval(first, month_end(year, month))


@rule(
    rf"\b(?:between|from)\s+{MONTH_P},?\s+{YEAR_P}\s+(?:and|to|until|till|through)\s+{MONTH2_P},?\s+{YEAR2_P}\b",
    "span",
)
def _between_month_years(
    g: dict[str, str], _: date | None, tense: str | None = None
) -> Interval | None:
    first = date(int(g["year"]), MONTHS[g["month"].casefold()], 1)
    last = month_end(int(g["year2"]), MONTHS[g["month2"].casefold()])
    return Interval(first, last) if first <= last else None


@rule(rf"\bbetween\s+{MONTH_P}\s+and\s+{MONTH2_P}(?:,?\s+{YEAR_P})?\b", "span", relative=True)
def _between_months(
    g: dict[str, str], published: date | None, tense: str | None = None
) -> Interval | None:
    first, last = MONTHS[g["month"].casefold()], MONTHS[g["month2"].casefold()]
    if g.get("year"):
        year = int(g["year"])
    elif published:
        year = latest_month_year(last, published)
    else:
        return None
    if first > last:
        return Interval(date(year - 1, first, 1), month_end(year, last))
    return Interval(date(year, first, 1), month_end(year, last))


@rule(rf"\b(?:from|between)\s+{YEAR_P}\s+(?:to|and|until|till)\s+{YEAR2_P}\b", "span")
def _year_span(g: dict[str, str], _: date | None, tense: str | None = None) -> Interval | None:
    a, b = int(g["year"]), int(g["year2"])
    return Interval(date(min(a, b), 1, 1), date(max(a, b), 12, 31))


@rule(rf"\b{YEAR_P}\s*[-–]\s*{YEAR2_P}\b", "span")
def _year_dash(
    g: dict[str, str], published: date | None, tense: str | None = None
) -> Interval | None:
    return _year_span(g, published, tense)


@rule(rf"\bsince\s+(?:{MONTH_P}\s+)?{YEAR_P}\b", "span")
def _since(g: dict[str, str], published: date | None, tense: str | None = None) -> Interval | None:
    month = MONTHS[g["month"].casefold()] if g.get("month") else 1
    start = date(int(g["year"]), month, 1)
    return Interval(start, published if published and published >= start else None)


@rule(
    rf"\b(?:(?:by|at|until|till|before)\s+(?:the\s+)?end(?:\s+of\s+|-)|end-)"
    rf"(?:{YEAR_P}|(?P<rel>this|next|last|the)\s+year|year)\b",
    "span",
)
def _by_end(g: dict[str, str], published: date | None, tense: str | None = None) -> Interval | None:
    if g.get("year"):
        return Interval(None, date(int(g["year"]), 12, 31))
    if published is None:
        return None
    rel = (g.get("rel") or "this").casefold()
    year = published.year + {"this": 0, "the": 0, "next": 1, "last": -1}[rel]
    return Interval(None, date(year, 12, 31))


@rule(
    rf"\b(?:over|in|during)\s+the\s+(?:past|last)\s+{COUNT_P}\s+(?P<unit>years|months)\b",
    "span",
    True,
)
def _past_n(g: dict[str, str], published: date | None, tense: str | None = None) -> Interval | None:
    if published is None:
        return None
    n = number_word(g["count"])
    if g["unit"].casefold() == "years":
        return Interval(shift_years(published, -n), published)
    month_index = published.year * 12 + published.month - 1 - n
    return Interval(date(month_index // 12, month_index % 12 + 1, 1), published)


@rule(
    rf"\b(?:the\s+)?(?P<nth>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of\s+(?:{YEAR_P}|(?P<rel>this|next|last)\s+year))?\b",
    "quarter",
    True,
)
def _quarter(
    g: dict[str, str], published: date | None, tense: str | None = None
) -> Interval | None:
    q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}[
        g["nth"].casefold()
    ]
    year = _year_of(g, published)
    if year is None:
        return None
    if published and not g.get("year") and not g.get("rel"):
        # "in the first quarter": the latest one begun by the publication date in the past
        # tense, the next one not yet over in the future tense
        if tense != "future" and date(year, 3 * q - 2, 1) > published:
            year -= 1  # a quarter not yet begun is spoken of in the future tense
        elif tense == "future" and month_end(year, 3 * q) < published:
            year += 1
    return Interval(date(year, 3 * q - 2, 1), month_end(year, 3 * q))


@rule(
    rf"\b(?:the\s+)?(?P<nth>first|second)\s+half\s+of\s+(?:{YEAR_P}|(?P<rel>this|next|last)\s+year)\b",
    "half",
    True,
)
def _half(g: dict[str, str], published: date | None, tense: str | None = None) -> Interval | None:
    year = _year_of(g, published)
    if year is None:
        return None
    return (
        Interval(date(year, 1, 1), date(year, 6, 30))
        if g["nth"].casefold() == "first"
        else Interval(date(year, 7, 1), date(year, 12, 31))
    )


def _year_of(g: dict[str, str], published: date | None) -> int | None:
    if g.get("year"):
        return int(g["year"])
    if published is None:
        return None
    return (
        published.year
        + {"this": 0, "next": 1, "last": -1, None: 0}[(g.get("rel") or "").casefold() or None]
    )


@rule(rf"\b{MONTH_P}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{YEAR_P}\b", "day")
def _month_day_year(g: dict[str, str], _: date | None, tense: str | None = None) -> Interval | None:
    return _day(int(g["year"]), MONTHS[g["month"].casefold()], int(g["day"]))


@rule(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH_P},?\s+{YEAR_P}\b", "day")
def _day_month_year(g: dict[str, str], _: date | None, tense: str | None = None) -> Interval | None:
    return _day(int(g["year"]), MONTHS[g["month"].casefold()], int(g["day"]))


def _day(year: int, month: int, day: int) -> Interval | None:
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    return Interval(d, d)


@rule(rf"\b{MONTH_P}\s+{YEAR_P}\b", "month")
def _month_year(g: dict[str, str], _: date | None, tense: str | None = None) -> Interval | None:
    return month_interval(int(g["year"]), MONTHS[g["month"].casefold()])


@rule(rf"\b(?:on\s+)?{MONTH_P}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s+\d)", "day", True)
def _month_day(
    g: dict[str, str], published: date | None, tense: str | None = None
) -> Interval | None:
    if published is None:
        return None
    month, day = MONTHS[g["month"].casefold()], int(g["day"])
    if tense == "future":  # "sanctions take effect on April 17": the next April 17
        for year in (published.year, published.year + 1):
            found = _day(year, month, day)
            if found and found.start and found.start >= published:
                return found
        return None
    slack = timedelta(days=0 if tense == "past" else 7)
    for year in (published.year, published.year - 1):
        found = _day(year, month, day)
        if found and found.start and found.start <= published + slack:
            return found
    return None


@rule(rf"\blast\s+{MONTH_P}\b(?!\s+\d)", "month", True)
def _last_month_name(
    g: dict[str, str], published: date | None, tense: str | None = None
) -> Interval | None:
    if published is None:
        return None
    month = MONTHS[g["month"].casefold()]
    return month_interval(latest_month_year(month, published, strictly_before=True), month)


@rule(rf"\b(?:in|since|during)\s+{MONTH_P}\b(?!\s+\d)", "month", True)
def _in_month(
    g: dict[str, str], published: date | None, tense: str | None = None
) -> Interval | None:
    if published is None:
        return None
    month = MONTHS[g["month"].casefold()]
    if tense == "future":
        year = published.year + (1 if month < published.month else 0)
        return month_interval(year, month)
    return month_interval(latest_month_year(month, published), month)


@rule(
    r"\b(?:so\s+far\s+this|so\s+far\s+in\s+the|(?:since\s+the\s+)?start\s+of\s+the|"
    r"earlier\s+this|year[\s-]to[\s-]date\s+this)\s+(?P<unit>year|month)\b",
    "span",
    True,
)
def _so_far(g: dict[str, str], published: date | None, tense: str | None = None) -> Interval | None:
    if published is None:
        return None
    first = published.replace(day=1)
    return Interval(first.replace(month=1) if g["unit"].casefold() == "year" else first, published)


@rule(rf"\b(?:the\s+)?first\s+{COUNT_P}\s+months\b(?!\s+of\s)", "span", True)
def _first_months(
    g: dict[str, str], published: date | None, tense: str | None = None
) -> Interval | None:
    """ "in the first two months": of the publication year, unless they are not over yet."""
    n = number_word(g["count"])
    if published is None or not 1 <= n <= 12:
        return None
    year = published.year if month_end(published.year, n) <= published else published.year - 1
    return Interval(date(year, 1, 1), month_end(year, n))


@rule(r"\b(?P<rel>this|last|next|past)\s+(?P<unit>year|month|week)\b", "span", True)
def _this_unit(
    g: dict[str, str], published: date | None, tense: str | None = None
) -> Interval | None:
    if published is None:
        return None
    shift = {"this": 0, "last": -1, "past": -1, "next": 1}[g["rel"].casefold()]
    unit = g["unit"].casefold()
    if unit == "year":
        return year_interval(published.year + shift)
    if unit == "month":
        index = published.year * 12 + published.month - 1 + shift
        return month_interval(index // 12, index % 12 + 1)
    monday = published - timedelta(days=published.weekday()) + timedelta(weeks=shift)
    return Interval(monday, monday + timedelta(days=6))


@rule(rf"\b{COUNT_P}\s+(?P<unit>years|months)\s+ago\b", "year", True)
def _ago(g: dict[str, str], published: date | None, tense: str | None = None) -> Interval | None:
    if published is None:
        return None
    n = number_word(g["count"])
    if g["unit"].casefold() == "years":
        return year_interval(published.year - n)
    index = published.year * 12 + published.month - 1 - n
    return month_interval(index // 12, index % 12 + 1)


@rule(
    r"\b(?:on\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    "day",
    True,
)
def _weekday(
    g: dict[str, str], published: date | None, tense: str | None = None
) -> Interval | None:
    if published is None:
        return None
    weekday = WEEKDAYS[g["weekday"].casefold()]
    if tense == "future":  # "talks will resume on Wednesday": the next Wednesday
        day = published + timedelta(days=(weekday - published.weekday()) % 7)
    else:
        day = published - timedelta(days=(published.weekday() - weekday) % 7)
    return Interval(day, day)


@rule(r"\b(?P<rel>today|yesterday)\b", "day", True)
def _today(g: dict[str, str], published: date | None, tense: str | None = None) -> Interval | None:
    if published is None:
        return None
    day = published - timedelta(days=1 if g["rel"].casefold() == "yesterday" else 0)
    return Interval(day, day)


@rule(rf"\b{YEAR_P}\b", "year")
def _year(g: dict[str, str], _: date | None, tense: str | None = None) -> Interval | None:
    return year_interval(int(g["year"]))
