"""Latency of `ask` on a knowledge base of the first 2,000 Reuters-21578 articles.

    python benchmarks/ask_latency.py [--articles 2000] [--db PATH] [--rounds 5]

Builds the knowledge base (a few minutes; or reuses --db when it exists), then answers every
question of tests/ask/questions.jsonl and a set of questions about the pairs the Reuters
articles speak of, each `--rounds` times after one warm-up round, in this process (the library,
as the API calls it). Prints p50, p95 and the slowest answer in milliseconds, per kind of
question and overall; the target is p95 under 200 ms. Exits 1 when the target is missed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "reuters21578" / "reuters21578.jsonl"
QUESTIONS = ROOT / "tests" / "ask" / "questions.jsonl"
TARGET_P95_MS = 200.0
# Questions of every kind about what the 1987 newswire speaks of, in our own words.
NEWSWIRE = [
    "What was the trade deficit of the United States with Japan in 1986?",
    "How did Japan's trade surplus with the United States change between 1985 and 1986?",
    "When did the United States and Japan sign the semiconductor pact?",
    "What did Reagan and Nakasone discuss?",
    "Who is Japan's trade minister?",
    "Who is the Treasury Secretary of the United States?",
    "Where did the finance ministers of the group of seven meet?",
    "Is it true that Brazil's foreign debt is more than 100 billion dollars?",
    "How much oil does Saudi Arabia export to the United States?",
    "What did Canada and the United States agree on?",
    "When did the Soviet Union and France sign a trade agreement?",
    "How many tonnes of wheat did the Soviet Union buy from the United States?",
    "Who is the president of Brazil?",
    "What were West Germany's exports to France in 1986?",
    "How much coffee did Colombia export in 1986?",
    "Who met Baker in Washington?",
]


def build(db: Path, articles: int) -> None:
    from bilateral.extract import Extractor
    from bilateral.model import Settings
    from bilateral.pipeline import Ingestor
    from bilateral.store import KnowledgeBase

    subset = db.parent / "articles.jsonl"
    with CORPUS.open(encoding="utf-8") as source, subset.open("w", encoding="utf-8") as out:
        for n, line in enumerate(source):
            if n >= articles:
                break
            out.write(line)
    settings = Settings(db_url=f"sqlite:///{db}")
    with KnowledgeBase.open(settings.db_url) as kb:
        extractor = Extractor(settings.spacy_model)
        Ingestor(kb, settings, lambda: extractor).run([subset])


def percentile(ordered: list[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, int(share * (len(ordered) - 1) + 0.5))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--db", type=Path, default=None, help="reuse (or build) this database")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--add", type=Path, nargs="*", default=[], help="also ingest these (seeds, dev.jsonl)"
    )
    args = parser.parse_args()

    from bilateral.ask import answer
    from bilateral.store import KnowledgeBase

    workdir = Path(tempfile.mkdtemp(prefix="ask-bench-"))
    db = args.db or workdir / "kb.db"
    if not db.exists():
        started = time.perf_counter()
        build(db, args.articles)
        print(f"built {db} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    if args.add:
        from bilateral.extract import Extractor
        from bilateral.model import Settings
        from bilateral.pipeline import Ingestor

        settings = Settings(db_url=f"sqlite:///{db}")
        with KnowledgeBase.open(settings.db_url) as kb:
            extractor = Extractor(settings.spacy_model)
            Ingestor(kb, settings, lambda: extractor).run(args.add)
    questions = [json.loads(line)["q"] for line in QUESTIONS.read_text().splitlines() if line]
    questions += NEWSWIRE
    timings: dict[str, list[float]] = defaultdict(list)
    slowest: dict[str, float] = defaultdict(float)
    answered = 0
    with KnowledgeBase.open(f"sqlite:///{db}") as kb:
        print(f"{kb.counts()['documents']} articles", file=sys.stderr)
        for q in questions:  # warm-up: the knowledge files and the database's pages
            answered += answer(kb, q).found
        for _ in range(args.rounds):
            for q in questions:
                started = time.perf_counter()
                found = answer(kb, q)
                ms = (time.perf_counter() - started) * 1000
                timings[found.kind].append(ms)
                timings["all"].append(ms)
                slowest[q] = max(slowest[q], ms)
    print(f"{len(questions)} questions, {answered} answered, {args.rounds} rounds")
    print(f"{'kind':10} {'answers':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for kind, ms in sorted(timings.items(), key=lambda kv: (kv[0] == "all", kv[0])):
        ordered = sorted(ms)
        print(
            f"{kind:10} {len(ms):8d} {statistics.median(ordered):8.1f} "
            f"{percentile(ordered, 0.95):8.1f} {ordered[-1]:8.1f}"
        )
    print("slowest questions:")
    for q, ms in sorted(slowest.items(), key=lambda kv: -kv[1])[:5]:
        print(f"  {ms:7.1f} ms  {q}")
    p95 = percentile(sorted(timings["all"]), 0.95)
    print(f"p95 {p95:.1f} ms (target < {TARGET_P95_MS:.0f} ms)")
    return 0 if p95 < TARGET_P95_MS else 1


if __name__ == "__main__":
    sys.exit(main())
