"""Training the sentence classifier of classifier.py: reading our training sentences, a fixed
seed, a fixed order of updates (one thread on the CPU), so that the same file always gives the
same model; and k-fold cross-validation, to measure it on sentences it did not learn from."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.training import Example
from thinc.api import fix_random_seed

from bilateral import data
from bilateral.extract.events.classifier import SentenceClassifier, masked


@dataclass(frozen=True)
class Recipe:
    """Everything that decides the model besides the sentences."""

    seed: int = 0
    epochs: int = 12
    batch: int = 16
    dropout: float = 0.2
    ngrams: int = 2
    length: int = 2**14  # hash buckets of the bag of words: the model's size
    learn_rate: float = 0.003


def training_file() -> Path:
    return Path(str(resources.files(data).joinpath("event_training.tsv")))


def read_rows(path: Path | None = None) -> list[tuple[str, str]]:
    """(category, sentence) of every line of a training file, comments skipped."""
    text = (path or training_file()).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            category, sentence = line.split("\t")
            rows.append((category.strip(), sentence.strip()))
    return rows


def _pipeline(labels: Sequence[str], recipe: Recipe) -> Language:
    nlp = spacy.blank("en")
    model = {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": True,
        "ngram_size": recipe.ngrams,
        "no_output_layer": False,
        "length": recipe.length,
    }
    textcat = nlp.add_pipe("textcat", config={"model": model})
    for label in labels:
        textcat.add_label(label)  # type: ignore[attr-defined]
    return nlp


def _example(nlp: Language, labels: Sequence[str], category: str, sentence: str) -> Example:
    doc = nlp.make_doc(masked(sentence))
    return Example.from_dict(doc, {"cats": {label: float(label == category) for label in labels}})


def train(rows: Sequence[tuple[str, str]], recipe: Recipe = Recipe()) -> Language:
    """A pipeline with one textcat trained on the rows."""
    fix_random_seed(recipe.seed)
    labels = sorted({category for category, _ in rows})
    nlp = _pipeline(labels, recipe)
    examples = [_example(nlp, labels, c, s) for c, s in rows]
    optimizer = nlp.initialize(lambda: examples, sgd=None)
    optimizer.learn_rate = recipe.learn_rate
    order = random.Random(recipe.seed)
    for _ in range(recipe.epochs):
        order.shuffle(examples)
        for at in range(0, len(examples), recipe.batch):
            nlp.update(examples[at : at + recipe.batch], drop=recipe.dropout, sgd=optimizer)
    return nlp


def folds(rows: Sequence[tuple[str, str]], k: int, seed: int) -> list[list[int]]:
    """k folds of row indices, each category spread evenly over them."""
    by_category: dict[str, list[int]] = {}
    for n, (category, _) in enumerate(rows):
        by_category.setdefault(category, []).append(n)
    out: list[list[int]] = [[] for _ in range(k)]
    shuffle = random.Random(seed)
    at = 0
    for category in sorted(by_category):
        indices = by_category[category]
        shuffle.shuffle(indices)
        for n in indices:
            out[at % k].append(n)
            at += 1
    return out


def cross_validate(
    rows: Sequence[tuple[str, str]], k: int = 5, recipe: Recipe = Recipe()
) -> list[tuple[str, str]]:
    """(wanted, found) for every row, each found by a model trained on the other folds."""
    found: dict[int, str] = {}
    for held in folds(rows, k, recipe.seed):
        held_set = set(held)
        model = train([r for n, r in enumerate(rows) if n not in held_set], recipe)
        best = SentenceClassifier.of(model).best([rows[n][1] for n in held])
        found.update({n: label for n, (label, _) in zip(held, best, strict=True)})
    return [(rows[n][0], found[n]) for n in range(len(rows))]
