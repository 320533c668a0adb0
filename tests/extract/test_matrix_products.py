"""The extractor's models multiply matrices with numpy, on one BLAS thread, and find what the
models as spaCy ships them find: the same entities and sentences in every seed and dev article,
the same tags and parses of their sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from threadpoolctl import threadpool_info

from bilateral.extract import Extractor
from bilateral.extract.nlp import MATRIX_OPS, NOT_NEEDED, one_blas_thread
from bilateral.model import Settings


def _texts(shared: Path) -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((shared / "corpus/seeds").glob("*"))]
    with open(shared / "corpus/dev/dev.jsonl", encoding="utf-8") as handle:
        dev = [json.loads(line)["text"] for line in handle]
    return seeds + dev


@pytest.fixture(scope="module")
def stock() -> Language:
    nlp = spacy.load(Settings().spacy_model, exclude=list(NOT_NEEDED))
    nlp.enable_pipe("senter")
    return nlp


def _layers(nlp: Language) -> list[object]:
    return [
        layer.ops
        for _, component in nlp.pipeline
        if getattr(component, "model", None) is not None
        for layer in component.model.walk()
    ]


def test_every_layer_multiplies_with_numpy(extractor: Extractor, stock: Language) -> None:
    for nlp in (extractor.nlp, extractor.parser.nlp):
        ops = _layers(nlp)
        assert ops and all(o is MATRIX_OPS for o in ops)
    assert not MATRIX_OPS.use_blis  # type: ignore[attr-defined]
    assert all(o is not MATRIX_OPS for o in _layers(stock))  # spaCy's own are left alone


def test_the_same_entities_and_sentences_as_spacy_ships(
    extractor: Extractor, stock: Language, shared: Path
) -> None:
    texts = _texts(shared)
    assert len(texts) >= 39
    with one_blas_thread():
        ours = list(extractor.nlp.pipe(texts, batch_size=8))
    theirs = list(stock.pipe(texts, batch_size=8))
    for a, b in zip(ours, theirs, strict=True):
        assert [(e.start_char, e.end_char, e.label_) for e in a.ents] == [
            (e.start_char, e.end_char, e.label_) for e in b.ents
        ]
        assert [s.start_char for s in a.sents] == [s.start_char for s in b.sents]


def test_the_same_parses_as_spacy_ships(extractor: Extractor, shared: Path) -> None:
    shipped = spacy.load(
        Settings().spacy_model, exclude=["ner", "senter", "attribute_ruler", "lemmatizer"]
    )
    splitter = spacy.blank("en")
    splitter.add_pipe("sentencizer")
    texts = _texts(shared)[:12]
    sentences = [s.text for doc in splitter.pipe(texts) for s in doc.sents]
    assert len(sentences) >= 100
    # the parser reads its words from the recogniser's vocabulary, as the articles left it
    assert extractor.parser.nlp.vocab is extractor.nlp.vocab
    with one_blas_thread():
        list(extractor.nlp.pipe(texts))
    try:
        ours = extractor.parser.parse(sentences)
    finally:
        extractor.parser.clear()
    theirs = list(shipped.pipe(sentences, batch_size=64))
    for a, b in zip(ours, theirs, strict=True):
        assert [(t.tag_, t.dep_, t.head.i) for t in a] == [(t.tag_, t.dep_, t.head.i) for t in b]


def test_one_blas_thread_inside_and_the_caller_s_own_setting_outside() -> None:
    def threads() -> set[int]:
        return {i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"}

    before = threads()
    with one_blas_thread():
        assert threads() == {1}
    assert threads() == before
