"""The PLOVER category of sentences we wrote (tests/extract/data/event_categories.tsv): at least
twelve per category, each category right for at least 85% of its sentences. The category of a
sentence is that of its first event, the one whose cue comes first (the main verb in English
word order: "refused to sign" is a refusal, "urged X to lift sanctions" a request)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bilateral.clean import clean_article
from bilateral.extract import Extractor
from bilateral.model import Document, RawArticle

SENTENCES = Path(__file__).resolve().parent / "data" / "event_categories.tsv"
CATEGORIES = (
    "AGREE CONSULT SUPPORT COOPERATE AID REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION "
    "MOBILIZE COERCE ASSAULT RETREAT CONCEDE"
).split()
FLOOR = 0.85


def _cases() -> list[tuple[str, str]]:
    rows = SENTENCES.read_text(encoding="utf-8").splitlines()
    return [(r.split("\t")[0], r.split("\t")[1]) for r in rows if r and not r.startswith("#")]


def categorise(extractor: Extractor, sentences: list[str]) -> list[str | None]:
    docs = []
    for n, sentence in enumerate(sentences):
        raw = RawArticle(source=f"s{n}.txt", content=sentence, fmt="text", published="2024-03-14")
        doc = clean_article(raw)
        assert isinstance(doc, Document)
        docs.append(doc)
    out: list[str | None] = []
    for facts in extractor(docs):
        first = min(facts.events, key=lambda v: v.cue_start, default=None)
        out.append(first.type if first else None)
    return out


@pytest.fixture(scope="module")
def scores(extractor: Extractor) -> dict[str, tuple[int, int]]:
    cases = _cases()
    found = categorise(extractor, [s for _, s in cases])
    right, total = Counter[str](), Counter[str]()
    for (want, _), got in zip(cases, found, strict=True):
        total[want] += 1
        right[want] += got == want
    return {c: (right[c], total[c]) for c in CATEGORIES}


def test_every_category_has_a_dozen_sentences(scores: dict[str, tuple[int, int]]) -> None:
    assert all(total >= 12 for _, total in scores.values()), scores


@pytest.mark.parametrize("category", CATEGORIES)
def test_category_is_right_for_most_sentences(
    scores: dict[str, tuple[int, int]], category: str
) -> None:
    right, total = scores[category]
    assert right / total >= FLOOR, f"{category}: {right}/{total}"


def test_no_event_in_a_denial_of_agreement(extractor: Extractor) -> None:
    (got,) = categorise(extractor, ["Austria did not agree to the Czech plan for the reactor."])
    assert got != "AGREE"


def test_refusal_to_sign_is_a_rejection(extractor: Extractor) -> None:
    (got,) = categorise(extractor, ["Peru refused to sign the fishing accord with Ecuador."])
    assert got == "REJECT"
