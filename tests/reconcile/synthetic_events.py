"""One large event group made up for timing: the reports of many happenings between one pair
of countries over the years, as outlets tell them (a date to the day, the month or the year,
or none; some of the people; the place or not; some of the words and some of their own).

The span grows with the number of reports (about 60 reports a month), as a knowledge base
grows by adding news of later days; the people in the news change over the years, and each
story has words of its own besides those of every story of the pair."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from bilateral.model import DocInfo, Event
from bilateral.reconcile import NamedEvent

SUBTYPES = [
    ("visit", 60),
    ("meeting", 60),
    ("summit", 20),
    ("state_visit", 10),
    ("phone_call", 40),
    ("agreement_signed", 30),
    ("pledge", 30),
    ("accuse", 40),
    ("strategic_partnership", 1),  # once-only: its reports are compared pair by pair
]
MODALITIES = [("actual", 14), ("planned", 3), ("reported", 2), ("historical", 1)]
PER_MONTH = 60


def placed_event(**fields: Any) -> Event:
    """An event report with the same sentence and cue offsets as every other (characters 0-10,
    cue 0-5): clustering reads its type, date, sides, people, place and words."""
    return Event(start=0, end=10, cue_start=0, cue_end=5, **fields)


def _pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


def _dates(rng: random.Random, day: date) -> tuple[str | None, str | None, str | None]:
    precision = rng.choices(["day", "month", "year", "none"], weights=[65, 22, 8, 5])[0]
    if precision == "day":
        iso = day.isoformat()
        return iso, iso, iso
    if precision == "month":
        first = day.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return first.isoformat()[:7], first.isoformat(), last.isoformat()
    if precision == "year":
        return str(day.year), f"{day.year}-01-01", f"{day.year}-12-31"
    return None, None, None


def synthetic_group(n: int, seed: int = 0) -> tuple[list[NamedEvent], dict[str, DocInfo]]:
    """n reports of one type between CHN and USA, and the articles they come from."""
    rng = random.Random(seed)
    places = [f"City {i}" for i in range(60)]
    common = [f"w{i}" for i in range(40)]  # words of every story of the pair: talks, trade
    topics = [f"t{i}" for i in range(400)]  # words of many stories: copper, visa, port
    days = max(30, n * 30 // PER_MONTH)
    first = date(2001, 1, 1)
    out: list[NamedEvent] = []
    docs: dict[str, DocInfo] = {}
    stories = 0
    while len(out) < n:
        offset = rng.randrange(days)
        day = first + timedelta(days=offset)
        subtype = _pick(rng, SUBTYPES)
        era = offset // 365 * 10  # officials of the time: about ten new ones a year
        cast = [f"Person {era + rng.randrange(25)}" for _ in range(rng.randint(0, 3))]
        where = rng.choice(places) if rng.random() < 0.5 else None
        stories += 1
        own = [f"s{stories}-{k}" for k in range(4)]  # names and figures of this story
        story = rng.sample(common, 3) + rng.sample(topics, 3) + own
        for _ in range(rng.randint(1, 6)):  # the outlets that report it
            if len(out) == n:
                break
            doc = f"d{len(docs)}"
            original = f"d{rng.randrange(len(docs))}" if docs and rng.random() < 0.03 else None
            docs[doc] = DocInfo(doc, f"Report {doc}", day.isoformat(), original)
            text, start, end = _dates(rng, day)
            words = rng.sample(story, rng.randint(3, 10)) + rng.sample(common + topics, 3)
            actors = rng.choice([("CHN",), ("USA",), ("CHN", "USA")])
            event = placed_event(
                id=f"v{rng.getrandbits(48):012x}",
                doc_id=doc,
                type="CONSULT",
                subtype=subtype,
                date=text,
                date_start=start,
                date_end=end,
                actors=actors,
                targets=tuple(c for c in ("CHN", "USA") if c not in actors),
                modality=_pick(rng, MODALITIES),
                words=tuple(dict.fromkeys(words)),
            )
            told = tuple(p for p in cast if rng.random() < 0.6)
            out.append(NamedEvent(event, told, where if rng.random() < 0.7 else None))
    return out, docs
