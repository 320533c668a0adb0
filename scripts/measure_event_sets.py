"""How the event coder does on the hand-written event sets of tests/extract/data (see
EVENT_SETS.md there): per PLOVER category, how many sentences get the right category for their
first event, how many have an event of that category at all, and of those how many have the
right actor and target; and how many of the sentences that carry no event get one anyway.

    python scripts/measure_event_sets.py [--set dev|heldout|categories] [--errors]

The held-out set measures; it is never read to shape the coder.
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bilateral.clean import clean_article
from bilateral.extract import Extractor
from bilateral.model import Document, Event, RawArticle, Settings

DATA = Path(__file__).resolve().parent.parent / "tests" / "extract" / "data"
SETS = {
    "dev": DATA / "event_roles_dev.tsv",
    "heldout": DATA / "event_roles_heldout.tsv",
    "categories": DATA / "event_categories.tsv",
}
CATEGORIES = (
    "AGREE CONSULT SUPPORT COOPERATE AID REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION "
    "MOBILIZE COERCE ASSAULT RETREAT CONCEDE"
).split()


@dataclass(frozen=True)
class Case:
    category: str
    actors: frozenset[str]
    targets: frozenset[str]
    sentence: str


def read(path: Path) -> list[Case]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) == 2:  # event_categories.tsv: category and sentence only
            out.append(Case(cells[0], frozenset(), frozenset(), cells[1]))
            continue
        category, actor, target, _, sentence = cells

        def codes(cell: str) -> frozenset[str]:
            return frozenset(c for c in cell.split("|") if c != "-")

        out.append(Case(category, codes(actor), codes(target), sentence))
    return out


def events_of(extractor: Extractor, sentences: list[str]) -> list[list[Event]]:
    docs: dict[int, Document] = {}
    for n, sentence in enumerate(sentences):
        raw = RawArticle(source=f"s{n}.txt", content=sentence, fmt="text", published="2024-03-14")
        doc = clean_article(raw)
        if isinstance(doc, Document):  # else the cleaner refused it: no events
            docs[n] = doc
    found: dict[int, list[Event]] = {}
    numbers = list(docs)
    for i in range(0, len(numbers), 32):
        batch = numbers[i : i + 32]
        for n, facts in zip(batch, extractor([docs[n] for n in batch]), strict=True):
            found[n] = sorted(facts.events, key=lambda v: v.cue_start)
    return [found.get(n, []) for n in range(len(sentences))]


def measure(cases: list[Case], found: list[list[Event]], errors: bool) -> dict[str, Counter[str]]:
    tally: dict[str, Counter[str]] = {c: Counter() for c in [*CATEGORIES, "NONE"]}
    for case, events in zip(cases, found, strict=True):
        t = tally[case.category]
        t["sentences"] += 1
        if case.category == "NONE":
            t["with an event"] += bool(events)
            if errors and events:
                print(f"NONE got {events[0].type}: {case.sentence}")
            continue
        first = events[0].type if events else None
        t["first right"] += first == case.category
        alike = [v for v in events if v.type == case.category]
        t["any right"] += bool(alike)
        if alike and case.actors:
            v = alike[0]
            t["sides right"] += set(v.actors) == case.actors and set(v.targets) == case.targets
        if errors and first != case.category:
            got = f"{first} {events[0].actors}->{events[0].targets}" if events else "nothing"
            print(f"{case.category} got {got}: {case.sentence}")
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", choices=sorted(SETS), default="dev")
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    cases = read(SETS[args.set])
    settings = Settings()
    extractor = Extractor(settings.spacy_model, batch_size=settings.batch_size)
    tally = measure(cases, events_of(extractor, [c.sentence for c in cases]), args.errors)
    print(f"{'category':<10} {'n':>3} {'first right':>12} {'any right':>10} {'sides right':>12}")
    total: Counter[str] = Counter()
    for category in CATEGORIES:
        t = tally[category]
        total.update(t)
        n = t["sentences"]
        print(
            f"{category:<10} {n:>3} {t['first right'] / n:>12.0%} {t['any right'] / n:>10.0%} "
            f"{t['sides right'] / max(1, t['any right']):>12.0%}"
        )
    n = total["sentences"]
    print(
        f"{'all':<10} {n:>3} {total['first right'] / n:>12.0%} {total['any right'] / n:>10.0%} "
        f"{total['sides right'] / max(1, total['any right']):>12.0%}"
    )
    none = tally["NONE"]
    if none["sentences"]:
        print(f"no-event sentences given an event: {none['with an event']} of {none['sentences']}")


if __name__ == "__main__":
    main()
