"""Within one article: the mentions of one happening become one event; its modality."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from bilateral.extract.events.finder import DURING
from bilateral.extract.events.records import Draft
from bilateral.extract.periods import DateMention, Interval, find_dates, month_interval

# Subtypes that name one encounter of leaders: a state visit, its summit and its talks are one
# event within an article.
ENCOUNTER = {
    "state_visit": 0,
    "official_visit": 1,
    "summit": 2,
    "visit": 3,
    "council_meeting": 4,
    "meeting": 5,
    "consultations": 6,
    "host": 7,
}
GENERIC_AGREE = {"agreement_signed", "agreed", "agreement_concluded", "pledge"}
HISTORY = timedelta(days=548)  # older than eighteen months before the article: background


def _compatible(a: Interval | None, b: Interval | None) -> bool:
    if a is None or b is None or None in (a.start, a.end, b.start, b.end):
        return True
    return a.start <= b.end and b.start <= a.end  # type: ignore[operator]


def _precise(a: Interval | None, b: Interval | None) -> Interval | None:
    spans = [i for i in (a, b) if i and i.start and i.end]
    if not spans:
        return a or b
    return min(spans, key=lambda i: i.end - i.start)  # type: ignore[operator]


def _merge(into: Draft, other: Draft) -> Draft:
    subtype = into.subtype
    if into.subtype in ENCOUNTER and other.subtype in ENCOUNTER:
        subtype = min(into.subtype, other.subtype, key=lambda s: ENCOUNTER[s])
    elif into.subtype in GENERIC_AGREE and other.subtype not in GENERIC_AGREE:
        subtype = other.subtype
    return replace(
        into,
        subtype=subtype,
        interval=_precise(into.interval, other.interval),
        actors=into.actors or other.actors,
        targets=into.targets or other.targets,
        people=tuple(dict.fromkeys(into.people + other.people)),
        place=into.place or other.place,
        planned=into.planned and other.planned,
        mode=into.mode or other.mode,
        dyadic=into.dyadic or other.dyadic,
        words=tuple(dict.fromkeys(into.words + other.words))[:48],
    )


def consolidate(
    drafts: list[Draft],
    text: str,
    sentences: list[tuple[int, int]],
    published: date | None = None,
) -> list[Draft]:
    """One event per happening within an article: the mentions of one encounter merge, a
    generic "documents were signed" joins the memoranda named in the next sentences, and an
    undated agreement signed "during the visit" takes the visit's date. An undated mention
    never joins one the article dates as history (a visit eight years ago is not this one)."""
    index = {s: i for i, s in enumerate(sentences)}
    out: list[Draft] = []
    for d in sorted(drafts, key=lambda d: d.cue_start):
        home = None
        for i, kept in enumerate(out):
            if kept.type != d.type or kept.planned != d.planned:
                continue
            same_kind = kept.subtype == d.subtype or (
                kept.subtype in ENCOUNTER and d.subtype in ENCOUNTER
            )
            near = abs(index.get((kept.start, kept.end), 0) - index.get((d.start, d.end), 0)) <= 2
            generic = (kept.subtype in GENERIC_AGREE) != (d.subtype in GENERIC_AGREE) and near
            if _old(kept, published) != _old(d, published):
                continue
            if (same_kind or generic) and _compatible(kept.interval, d.interval):
                home = i
                break
        if home is None:
            out.append(d)
        else:
            out[home] = _merge(out[home], d)
    encounter = next((d for d in out if d.subtype in ENCOUNTER and d.interval), None)
    if encounter:
        out = [
            replace(d, interval=encounter.interval)
            if d.interval is None and d is not encounter and DURING.search(text[d.start : d.end])
            else d
            for d in out
        ]
    return out


def _old(d: Draft, published: date | None) -> bool:
    end = d.interval.end if d.interval else None
    return bool(published and end and end < published - HISTORY)


def modality(d: Draft, reference: date | None) -> str:
    """actual, planned, conditional, reported or historical."""
    if d.condition == "conditional":
        return "conditional"
    if d.planned:
        return "planned"
    if reference and d.interval and d.interval.end and d.interval.end < reference - HISTORY:
        return "historical"
    if d.condition == "reported":
        return "reported"
    return "actual"


def reference_dates(
    text: str, published: date | None, dates: list[DateMention]
) -> list[DateMention]:
    """The article's dates, with relative ones ("earlier this month", "on Tuesday") resolved
    against its latest written full day when it has no publication date, provided no other
    written date is later (a treaty's day among later years anchors nothing)."""
    if published is not None:
        return dates
    days = [
        d.interval.end
        for d in dates
        if not d.relative and d.precision == "day" and d.interval and d.interval.end
    ]
    written = [
        d.interval.start for d in dates if not d.relative and d.interval and d.interval.start
    ]
    if not days or max(days) < max(written):  # a day older than other dates: history, no anchor
        return dates
    return find_dates(text, max(days))


def undated_in_month(d: Draft, published: date | None) -> Interval | None:
    """An event the article reports as news without a date of its own happened around the
    publication: its month (a planned one, from it on; history is left undated)."""
    if d.interval is not None or published is None or d.recalled:
        return d.interval
    return month_interval(published.year, published.month)
