"""The PLOVER category of one sentence by a small text classifier: a bag of words and word
pairs (spaCy's TextCatBOW, no word vectors) trained on sentences we wrote
(data/event_training.tsv, by scripts/train_event_classifier.py), with NONE for a sentence that
names no event. Country names, capitals and demonyms are masked first, so the model learns the
words of the action, never who the parties were."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language

from bilateral import data
from bilateral.extract.events.cues import CLASSIFIED, LEXICON_RANK, Cue
from bilateral.extract.matching import alternation

NONE = "NONE"
PARTY = "ctry"  # what every country name, capital and demonym becomes before classifying
# a category the classifier gives with less than this is left unsaid (docs/event_classifier.md)
THRESHOLD = 0.65
# where the lexicon found an event, another category the classifier gives at least this replaces
# the category of the sentence's first event, unless that event's word is the sentence's main
# verb (EventFinder._located; None: never)
OVERRIDE: float | None = 0.8
NEXT_WORD = re.compile(r"(?:['’]s)?\s*([A-Za-z][\w-]*)")


def model_dir() -> Path:
    """Where the shipped model lives: data/models/event_textcat beside the knowledge files."""
    return Path(str(resources.files(data).joinpath("models", "event_textcat")))


@cache
def party_names() -> re.Pattern[str]:
    """Every country name, capital and demonym, longest first: as a tree of shared beginnings
    (`alternation`), which matches what the plain list of a thousand names matches, at a
    fraction of the cost of trying each name in turn at every word."""
    gazetteer = data.gazetteer()
    return re.compile(rf"\b(?:{alternation({*gazetteer.places, *gazetteer.demonyms}, False)})\b")


def masked(sentence: str) -> str:
    """The sentence as the classifier reads it: parties masked, lower case, one space."""
    text = party_names().sub(PARTY, sentence)
    return " ".join(text.lower().split())


class SentenceClassifier:
    """Scores of every category (and NONE) for each sentence; loaded once, used many times."""

    def __init__(self, path: Path | None = None) -> None:
        self.nlp: Language = spacy.load(path or model_dir())
        party_names()  # compiled now, not on the first sentence

    @classmethod
    def of(cls, nlp: Language) -> SentenceClassifier:
        """A classifier around a pipeline just trained (cross-validation), not loaded."""
        made = cls.__new__(cls)
        made.nlp = nlp
        return made

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.nlp.get_pipe("textcat").labels)  # type: ignore[attr-defined]

    def scores(self, sentences: Sequence[str]) -> list[dict[str, float]]:
        docs = self.nlp.pipe(masked(s) for s in sentences)
        return [dict(doc.cats) for doc in docs]

    def best(self, sentences: Sequence[str]) -> list[tuple[str, float]]:
        """The likeliest category of each sentence and its score."""
        return [max(s.items(), key=lambda kv: kv[1]) for s in self.scores(sentences)]


class EventClassifier:
    """The events a sentence classifier finds in sentences where the cue lexicon found none: in
    each sentence that names two countries, its likeliest category when that is an event and
    scores at least the threshold. The cue is the word after the first country named (in news
    English mostly the verb, or the head of the subject), so the sides fall as the lexicon's do:
    the country before it acts, the others are acted on; the finder moves it to the sentence's
    main verb where a parse finds one. With an override threshold it also speaks for sentences
    where the lexicon found an event, when it gives another category at least that score."""

    def __init__(
        self,
        path: Path | None = None,
        threshold: float = THRESHOLD,
        override: float | None = OVERRIDE,
    ) -> None:
        self.classifier = SentenceClassifier(path)
        self.threshold = threshold
        self.override = override

    def __call__(
        self,
        text: str,
        sentences: list[tuple[int, int]],
        parties: list[tuple[int, int, str]],
        explained: Sequence[tuple[int, int]] = (),
    ) -> list[Cue]:
        asked = [(s, e, self.threshold) for s, e in sentences]
        if self.override is not None:
            asked += [(s, e, self.override) for s, e in explained]
        firsts: list[tuple[int, int, float, tuple[int, int, str]]] = []
        for s_start, s_end, floor in asked:
            inside = [p for p in parties if s_start <= p[0] and p[1] <= s_end]
            if len({code for _, _, code in inside}) >= 2:
                firsts.append((s_start, s_end, floor, min(inside)))
        if not firsts:
            return []
        found = self.classifier.best([text[s:e] for s, e, _, _ in firsts])
        cues = []
        for (_, s_end, floor, first), (label, score) in zip(firsts, found, strict=True):
            word = NEXT_WORD.match(text, first[1], s_end)
            if label == NONE or score < floor or word is None:
                continue
            cues.append(Cue(word.start(1), word.end(1), label, CLASSIFIED, "", LEXICON_RANK * 2))
        return cues
