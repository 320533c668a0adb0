"""How long a measure holds: a tariff or sanction "effective from May 19" that "will remain in
place for five years" holds from that day for five years, and an article's duties are one
measure, so its rates without a period of their own hold for the same time."""

from __future__ import annotations

import re
from datetime import date, timedelta

from bilateral.extract.matching import ODD_CASE
from bilateral.extract.periods import DateMention, Interval, retense, tense_of

MEASURES = ("tariff_rate", "sanctions_value")
MEASURE_WORDS = re.compile(  # the class up front turns away most words at their first letter
    r"\b(?=[tdlsp])(?:tariffs?|duty|duties|levy|levies|surcharges?|sanctions?|penalties)\b",
    re.IGNORECASE,
)
# what MEASURE_WORDS can match, lower-cased: a text holding none of these has no measure word
MEASURE_NOUNS = ("tariff", "duty", "duties", "levy", "levies", "surcharge", "sanction", "penalties")
# a day introduced as the start of something: "from May 19", "effective May 19", "as of May 19"
STARTS = re.compile(
    r"\b(?:from|effective|starting|beginning|as\s+of|as\s+from)\s+(?:on\s+)?$", re.IGNORECASE
)
DURATION = re.compile(
    r"\bfor\s+(?:a\s+period\s+of\s+)?(?:the\s+next\s+)?(?P<n>\d{1,2}|one|two|three|four|five|six|"
    r"seven|eight|nine|ten)\s+(?P<unit>years?|months?)\b",
    re.IGNORECASE,
)
_WORDS = {
    w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())
}


def start_of(text: str, d: DateMention) -> date | None:
    """The day a date mention opens, when the words before it say it is a start."""
    if d.interval is None or d.precision != "day" or d.interval.start is None:
        return None
    if STARTS.search(text[max(0, d.start - 25) : d.start]):
        return d.interval.start
    return None


def _shift(day: date, years: int, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months + 12 * years
    year, month = index // 12, index % 12 + 1
    last = day.day
    while True:  # 31 January plus a month is the last day of February
        try:
            return date(year, month, last)
        except ValueError:
            last -= 1


def measure_period(
    text: str, sentences: list[tuple[int, int]], dates: list[DateMention], published: date
) -> Interval | None:
    """The period of an article's measure, from its sentences about tariffs, duties or
    sanctions: the first start day they give, and the first duration."""
    start: date | None = None
    length: tuple[int, int] | None = None
    lowered = text.lower()
    if ODD_CASE.search(text) is None and not any(word in lowered for word in MEASURE_NOUNS):
        return None  # no sentence can name a measure: none is searched
    for s_start, s_end in sentences:
        sentence = text[s_start:s_end]
        if not MEASURE_WORDS.search(sentence):
            continue
        for d in dates:
            if start is None and s_start <= d.start < s_end:
                # "tariffs from Tuesday": a start the tense does not place is the coming one
                tense = tense_of(text[max(s_start, d.start - 60) : d.end]) or "future"
                start = start_of(text, retense(d, published, tense))
        found = DURATION.search(sentence)
        if found and length is None:
            n = found.group("n").lower()
            count = int(n) if n.isdigit() else _WORDS[n]
            unit = found.group("unit").lower()
            length = (count, 0) if unit.startswith("year") else (0, count)
    if start is None:
        return None
    if length is None:
        return Interval(start, None)
    return Interval(start, _shift(start, *length) - timedelta(days=1))
