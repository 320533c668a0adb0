"""When an event happened: the date written nearest its word, and a planned event's
relative date carried forward past the publication."""

from __future__ import annotations

import re
from datetime import date, timedelta

from bilateral import data
from bilateral.extract.events.cues import Cue
from bilateral.extract.periods import DateMention, Interval, month_interval


def nearest(dates: list[DateMention], c: Cue, start: int, end: int) -> DateMention | None:
    """The date written nearest the cue between start and end (its interval None when it
    cannot be resolved)."""
    near = [d for d in dates if start <= d.start and d.end <= end]
    if not near:
        return None

    def distance(d: DateMention) -> float:
        return (d.start - c.end) * 0.5 if d.start >= c.end else c.start - d.end

    return min(near, key=distance)


YEARLESS = re.compile(r"^(?!.*\b\d{4}\b)", re.DOTALL)
MONTH_NAME = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, data.months()), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


def forward(mention: DateMention, published: date | None) -> Interval | None:
    """A planned event's relative date lies ahead of the publication: "will meet on Monday" is
    the next Monday, "to take effect on April 17" the next April 17."""
    i = mention.interval
    if i is None or i.start is None or i.end is None or published is None or not mention.relative:
        return i
    if i.end >= published or not YEARLESS.match(mention.text):
        return i
    if WEEKDAY.search(mention.text) and mention.precision == "day":
        return Interval(i.start + timedelta(days=7), i.end + timedelta(days=7))
    if mention.precision == "month" and MONTH_NAME.search(mention.text):
        return month_interval(i.start.year + 1, i.start.month)  # February has its own length
    if mention.precision == "day" and MONTH_NAME.search(mention.text):
        try:
            return Interval(
                i.start.replace(year=i.start.year + 1), i.end.replace(year=i.end.year + 1)
            )
        except ValueError:  # the 29th of February: no such day next year
            return i
    return i
