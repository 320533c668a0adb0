"""Articles made up for tests: distinct texts (no two near-duplicates), with a few names."""

from __future__ import annotations

import random
from pathlib import Path

VOCABULARY = (
    "talks trade energy grain port railway customs tariff loan bridge summit delegation treaty "
    "pipeline vaccine students visa border festival investment bank factory harbour corridor "
    "minister officials agreement cooperation project exports imports growth market season"
).split()
PEOPLE = ["Amina Diallo", "Jonas Berg", "Lucia Ferraro", "Tomas Novak", "Yuki Tanaka"]
PAIRS = [("Chile", "Peru"), ("Kenya", "Tanzania"), ("Poland", "Lithuania"), ("Vietnam", "Laos")]


def article(i: int) -> str:
    rng = random.Random(i)
    a, b = PAIRS[i % len(PAIRS)]
    person = PEOPLE[i % len(PEOPLE)]
    sentences = [
        f"{a} and {b} discuss {' '.join(rng.sample(VOCABULARY, 3))}",
        f"Officials of {a} and {b} met on Tuesday, said {person}, the lead negotiator.",
    ]
    for _ in range(6):
        sentences.append(" ".join(rng.choice(VOCABULARY) for _ in range(14)).capitalize() + ".")
    return "\n\n".join(sentences)


def write_articles(folder: Path, n: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        path = folder / f"article_{i:03d}.txt"
        path.write_text(article(i), encoding="utf-8")
        paths.append(path)
    return paths
