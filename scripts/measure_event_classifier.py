"""Measure the event-category classifier against the lexicon coder, category by category.

    python scripts/measure_event_classifier.py [--sentences TSV ...] [--cv 5] [--markdown OUT]

On each file of test sentences (by default tests/extract/data/event_categories.tsv; a held-out
file of the same kind can be added), the category of a sentence is read as the category test
reads it: that of its first event by cue position. It compares
  lexicon     the lexicon coder alone (the extractor with its classifier switched off);
  extractor   the extractor as shipped: the classifier gives an event to a sentence naming two
              countries where the lexicon finds none, when sure enough (classifier.THRESHOLD),
              and corrects the category of the lexicon's first event in such a sentence when
              it gives another one at least classifier.OVERRIDE;
  classifier  the classifier alone (its likeliest class; NONE counts as a miss);
  fill        the lexicon, and the classifier where the lexicon finds no event;
  choose      the classifier picks among the categories of the lexicon's events;
  choose+fill choose, and the classifier where the lexicon finds no event;
  override@T  the lexicon unless the classifier gives another category at least T.
The test sentences are only read here, to score: they never reach the training data. With
--cv K it also reports the classifier's K-fold cross-validation accuracy on its training set.
The model is the shipped one (scripts/train_event_classifier.py writes it); --retrain trains
one in memory instead. With --speed N it times the classifier inside the extractor over the
first N Reuters-21578 articles and counts the events it adds there.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from bilateral.clean import clean_article
from bilateral.extract import Extractor
from bilateral.extract.events.classifier import NONE, SentenceClassifier
from bilateral.extract.events.cues import Cue
from bilateral.extract.events.training import cross_validate, read_rows, train
from bilateral.model import Document, RawArticle, Settings

ROOT = Path(__file__).resolve().parent.parent
TEST = ROOT / "tests" / "extract" / "data" / "event_categories.tsv"
REUTERS = ROOT.parent / "shared" / "corpus" / "reuters21578" / "reuters21578.jsonl"
CATEGORIES = (
    "AGREE CONSULT SUPPORT COOPERATE AID REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION "
    "MOBILIZE COERCE ASSAULT RETREAT CONCEDE"
).split()
THRESHOLDS = (0.5, 0.7, 0.9)
Rule = Callable[[list[str], dict[str, float]], str | None]


def _documents(texts: list[str]) -> list[Document]:
    docs = []
    for n, text in enumerate(texts):
        raw = RawArticle(source=f"s{n}.txt", content=text, fmt="text", published="2024-03-14")
        doc = clean_article(raw)
        if isinstance(doc, Document):
            docs.append(doc)
    return docs


def event_categories(extractor: Extractor, sentences: list[str], classify: bool) -> list[list[str]]:
    """The categories of the extractor's events in each sentence, in the order of their cues,
    with or without its classifier."""
    held = extractor.events.classify
    extractor.events.classify = held if classify else None
    try:
        return [
            [e.type for e in sorted(facts.events, key=lambda e: e.cue_start)]
            for facts in extractor(_documents(sentences))
        ]
    finally:
        extractor.events.classify = held


def _top(scores: dict[str, float]) -> tuple[str, float]:
    return max(scores.items(), key=lambda kv: kv[1])


def _classified(scores: dict[str, float]) -> str | None:
    label = _top(scores)[0]
    return None if label == NONE else label


def _choose(cands: list[str], scores: dict[str, float]) -> str | None:
    return max(cands, key=lambda c: scores.get(c, 0.0)) if cands else None


def _override(threshold: float, fill: bool) -> Rule:
    def rule(cands: list[str], scores: dict[str, float]) -> str | None:
        label, p = _top(scores)
        if label != NONE and p >= threshold and (cands or fill):
            return label
        return cands[0] if cands else None

    return rule


RULES: dict[str, Rule] = {
    "lexicon": lambda c, s: c[0] if c else None,  # "extractor" follows it in the table
    "classifier": lambda c, s: _classified(s),
    "fill": lambda c, s: c[0] if c else _classified(s),
    "choose": _choose,
    "choose+fill": lambda c, s: _choose(c, s) if c else _classified(s),
    **{f"override@{t}": _override(t, fill=False) for t in THRESHOLDS},
    **{f"override+fill@{t}": _override(t, fill=True) for t in THRESHOLDS},
}


def test_rows(path: Path) -> list[tuple[str, str]]:
    """(category, sentence) of a file of test sentences: two columns (event_categories.tsv) or
    the five of the event role sets (category, actor, target, modality, sentence)."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cells = line.split("\t")
            rows.append((cells[0].strip(), cells[-1].strip()))
    return rows


def measure(
    path: Path, extractor: Extractor, classifier: SentenceClassifier
) -> dict[str, dict[str, tuple[int, int]]]:
    """rule -> category -> (right, total) on one file of test sentences (a NONE row is right
    when the rule gives no category)."""
    rows = test_rows(path)
    sentences = [s for _, s in rows]
    cands = event_categories(extractor, sentences, classify=False)
    shipped = event_categories(extractor, sentences, classify=True)
    scores = classifier.scores(sentences)
    table: dict[str, dict[str, tuple[int, int]]] = {}
    for name, rule in RULES.items():
        right, total = Counter[str](), Counter[str]()
        for (want, _), c, s in zip(rows, cands, scores, strict=True):
            total[want] += 1
            right[want] += (rule(c, s) or NONE) == want
        table[name] = {k: (right[k], total[k]) for k in total}
        if name == "lexicon":
            right = Counter(
                w for (w, _), c in zip(rows, shipped, strict=True) if (c[0] if c else NONE) == w
            )
            table["extractor"] = {k: (right[k], total[k]) for k in total}
    return table


def markdown(title: str, table: dict[str, dict[str, tuple[int, int]]]) -> str:
    names = list(table)
    lines = [f"### {title}", "", "| category | " + " | ".join(names) + " |"]
    lines.append("|---|" + "---|" * len(names))
    categories = [c for c in CATEGORIES if c in table["lexicon"]]
    categories += sorted(set(table["lexicon"]) - set(categories))
    for c in categories:
        cells = [f"{table[n][c][0]}/{table[n][c][1]}" for n in names]
        lines.append(f"| {c} | " + " | ".join(cells) + " |")
    totals = []
    for n in names:
        right = sum(r for r, _ in table[n].values())
        total = sum(t for _, t in table[n].values())
        totals.append(f"**{right}/{total}** ({right / total:.3f})")
    lines.append("| all | " + " | ".join(totals) + " |")
    lost = [
        f"{n}: " + ", ".join(c for c in categories if table[n][c][0] < table["lexicon"][c][0])
        for n in names[1:]
    ]
    lines += ["", "Categories where a rule is below the lexicon: " + "; ".join(lost), ""]
    return "\n".join(lines)


def cross_validation(k: int) -> str:
    rows = read_rows()
    found = cross_validate(rows, k)
    right, total = Counter[str](), Counter[str]()
    for want, got in found:
        total[want] += 1
        right[want] += want == got
    cells = " ".join(f"{c} {right[c]}/{total[c]};" for c in [*CATEGORIES, NONE])
    events = sum(right[c] for c in CATEGORIES) / sum(total[c] for c in CATEGORIES)
    overall = sum(right.values()) / len(found)
    return (
        f"### {k}-fold cross-validation on the training sentences\n\n"
        f"All {overall:.3f}, events only {events:.3f}, NONE {right[NONE]}/{total[NONE]}.\n"
        f"{cells}\n"
    )


def speed(extractor: Extractor, n: int) -> str:
    """Seconds spent in the classifier over n Reuters articles, and what it added or changed."""
    with REUTERS.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for _, line in zip(range(n), handle, strict=False)]
    docs = _documents(texts)
    classify = extractor.events.classify
    assert classify is not None
    spent, calls, sentences, asked, checked = 0.0, 0, 0, 0, 0

    def two(parties: list[tuple[int, int, str]], spans: Sequence[tuple[int, int]]) -> int:
        return sum(len({c for a, b, c in parties if s <= a and b <= e}) >= 2 for s, e in spans)

    def timed(
        text: str,
        spans: list[tuple[int, int]],
        parties: list[tuple[int, int, str]],
        explained: Sequence[tuple[int, int]] = (),
    ) -> list[Cue]:
        nonlocal spent, calls, sentences, asked, checked
        started = time.perf_counter()
        found = classify(text, spans, parties, explained)
        spent += time.perf_counter() - started
        calls, sentences = calls + 1, sentences + len(spans)
        asked, checked = asked + two(parties, spans), checked + two(parties, explained)
        return found

    extractor.events.classify = timed
    try:
        started = time.perf_counter()
        with_it = extractor(docs)
        total = time.perf_counter() - started
    finally:
        extractor.events.classify = classify
    added = Counter(e.type for f in with_it for e in f.events if e.subtype == "classified")
    return (
        f"### Speed on the first {len(docs)} Reuters-21578 articles\n\n"
        f"Extraction {total:.1f} s, of which the classifier {spent:.2f} s "
        f"({spent / total:.1%}; {spent / len(docs) * 1000:.2f} s per 1,000 articles) over "
        f"{sentences} sentences without a lexicon event in {calls} articles, {asked} of them "
        f"naming two countries and so classified, and {checked} sentences with a lexicon event "
        f"naming two countries, classified to correct it; events it added or corrected: "
        f"{sum(added.values())} ({', '.join(f'{k} {v}' for k, v in added.most_common())}).\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sentences", type=Path, action="append")
    parser.add_argument("--cv", type=int, default=0)
    parser.add_argument("--retrain", action="store_true")
    parser.add_argument("--speed", type=int, default=0)
    parser.add_argument("--markdown", type=Path)
    args = parser.parse_args()
    started = time.perf_counter()
    classifier = SentenceClassifier.of(train(read_rows())) if args.retrain else SentenceClassifier()
    extractor = Extractor(Settings().spacy_model)
    parts = []
    for path in args.sentences or [TEST]:
        parts.append(markdown(path.name, measure(path, extractor, classifier)))
    if args.cv:
        parts.append(cross_validation(args.cv))
    if args.speed:
        parts.append(speed(extractor, args.speed))
    report = "\n".join(parts)
    print(report)
    print(f"({time.perf_counter() - started:.0f} s)")
    if args.markdown:
        args.markdown.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
