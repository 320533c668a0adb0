"""Who acts on whom, from the dependency parse of one sentence.

The parser (and the encoder it needs) costs more than the entity recogniser, so it is loaded on
first need and runs only on the event sentences where word order leaves the sides ambiguous:
more than one country before the event word, or more than one after it.
"""

from __future__ import annotations

from collections.abc import Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Token

SUBJECTS = {"nsubj", "nsubjpass", "csubj", "agent"}
OBJECTS = {"dobj", "dative", "attr", "pobj", "obj", "iobj"}
OBJECT_PREPOSITIONS = {"to", "with", "for", "on", "against", "into", "toward", "towards"}


class Agency:
    def __init__(self, model: str) -> None:
        self.model = model
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            # the parser and its encoder only: no entities, tags or lemmas are needed here
            unwanted = ["ner", "senter", "attribute_ruler", "lemmatizer", "tagger"]
            self._nlp = spacy.load(self.model, exclude=unwanted)
        return self._nlp

    def sides(
        self, text: str, start: int, cue_start: int, parties: Sequence[tuple[int, int, str]]
    ) -> tuple[list[str], list[str]] | None:
        """(actors, targets) for the event whose cue begins at `cue_start` in the sentence
        text[start:...]; parties are (start, end, country) in the same coordinates."""
        doc = self.nlp(text)
        cue = next((t for t in doc if t.idx + start >= cue_start), None)
        if cue is None:
            return None
        verb = cue
        while (
            verb.dep_ not in ("ROOT", "conj", "ccomp", "xcomp", "advcl", "relcl")
            and verb.head is not verb
        ):
            verb = verb.head
        subject_spans = [_span(c, start) for c in verb.children if c.dep_ in SUBJECTS]
        object_spans = [_span(c, start) for c in verb.children if c.dep_ in OBJECTS]
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in OBJECT_PREPOSITIONS:
                object_spans += [_span(c, start) for c in prep.children if c.dep_ == "pobj"]

        def inside(spans: list[tuple[int, int]]) -> list[str]:
            return list(
                dict.fromkeys(
                    code
                    for p_start, p_end, code in parties
                    if any(s <= p_start and p_end <= e for s, e in spans)
                )
            )

        actors, targets = inside(subject_spans), inside(object_spans)
        targets = [c for c in targets if c not in actors]
        if not actors and not targets:
            return None
        return actors, targets


def _span(token: Token, offset: int) -> tuple[int, int]:
    words = list(token.subtree)
    return words[0].idx + offset, words[-1].idx + len(words[-1].text) + offset
