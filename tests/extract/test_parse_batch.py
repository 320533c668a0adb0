"""The parser runs once per batch: the sentences whose grammar decides a speaker or an event's
sides are asked for in the first pass over the batch and parsed together, since the parser
costs several times more per word on one sentence than on many at once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pytest
from spacy.tokens import Doc

from bilateral.clean import clean_article
from bilateral.extract import Extractor
from bilateral.model import Document, RawArticle

ARTICLE = (
    "Salmon talks\n\n"
    "Erik Larsen, who has led the council since the spring, said exports of salmon rose "
    "12 percent in the first quarter.\n\n"
    'Larsen signed the pact, "a new chapter for our fishermen", at the harbour.\n\n'
    "Norway imposed tariffs on Chilean salmon on Monday."
)


def test_every_parse_of_an_article_is_in_one_batch(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[list[str]] = []
    pipe = extractor.parser.nlp.pipe

    def counted(texts: Iterable[str], **kwargs: Any) -> Iterator[Doc]:
        texts = list(texts)
        calls.append(texts)
        return pipe(texts, **kwargs)

    monkeypatch.setattr(extractor.parser.nlp, "pipe", counted)
    raw = RawArticle(source="written.txt", content=ARTICLE, fmt="text", published="2024-05-01")
    doc = clean_article(raw)
    assert isinstance(doc, Document)
    (facts,) = extractor([doc])

    names = {e.id: e.name for e in facts.entities}
    (claim,) = facts.claims
    assert names.get(claim.speaker_id or "") == "Erik Larsen"  # by the parse: "X, who ..., said"
    (quote,) = facts.quotes
    assert names.get(quote.speaker_id or "") == "Erik Larsen"  # the subject of its sentence
    assert len(calls) == 1, calls
    assert len(calls[0]) >= 2
