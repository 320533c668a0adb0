"""Train the event-category classifier on our own sentences and write the shipped model.

    python scripts/train_event_classifier.py [--out DIR]

Reads src/bilateral/data/event_training.tsv, trains spaCy's bag-of-words textcat with a fixed
seed (bilateral.extract.events.training.Recipe) and writes it to
src/bilateral/data/models/event_textcat/ (or DIR). Offline and deterministic: it prints a digest
of the model's scores on the training sentences, the same on every run.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import time
from pathlib import Path

from bilateral.extract.events.classifier import SentenceClassifier, model_dir
from bilateral.extract.events.training import Recipe, read_rows, train


def digest(classifier: SentenceClassifier, sentences: list[str]) -> str:
    """A short hash of every score, rounded: equal digests, equal models for our purposes."""
    scores = classifier.scores(sentences)
    text = "\n".join(" ".join(f"{k}={v:.6f}" for k, v in sorted(s.items())) for s in scores)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=model_dir())
    args = parser.parse_args()
    started = time.perf_counter()
    rows = read_rows()
    recipe = Recipe()
    nlp = train(rows, recipe)
    nlp.meta.update(
        name="event_textcat",
        description="PLOVER category of a sentence; trained on data/event_training.tsv",
        author="bilateral developers",
        license="MIT",
    )
    if args.out.exists():
        shutil.rmtree(args.out)
    nlp.to_disk(args.out)
    loaded = SentenceClassifier(args.out)
    sentences = [s for _, s in rows]
    right = sum(
        got == want for (want, _), (got, _) in zip(rows, loaded.best(sentences), strict=True)
    )
    print(f"{len(rows)} sentences, {len(loaded.labels)} classes, {recipe}")
    print(f"training accuracy {right / len(rows):.3f}")
    print(f"model {args.out}: {size_of(args.out) / 1e6:.2f} MB")
    print(f"digest {digest(loaded, sentences)} ({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
