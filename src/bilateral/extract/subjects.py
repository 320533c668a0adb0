"""The subject of a speech verb, read from the dependency parse of its sentence.

Word order alone misreads "X, who offered few details, said", "the official described it as
'...' and said", "he was quoted by an agency as saying" or "commented Premier X": the parse
links each speech verb to its subject, however far apart they stand. The parser costs more than
the recogniser, so it is loaded on first need and runs only on the sentences that attribute.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Token

from bilateral.extract.nlp import load_parser

SUBJECTS = ("nsubj", "nsubjpass")
# A verb without a subject of its own takes the subject of the verb it hangs from: "... and
# said" (conj), "set out his position saying" (advcl), "quoted as saying" (pcomp of "as").
SHARED_SUBJECT = ("conj", "xcomp", "advcl", "pcomp", "prep", "acl")
RELATIVE = ("who", "that", "which", "whom")
INDEFINITE = ("a", "an", "one", "another", "some", "several", "two", "three", "many")


@dataclass(frozen=True)
class Subject:
    head_start: int  # the head word of the subject phrase, in document offsets
    head_end: int
    start: int  # the whole phrase
    end: int
    pronoun: bool
    plural: bool
    indefinite: bool  # "a spokesman", "one official": nobody the article names
    modifiers: tuple[str, ...]  # the words before the head: "trade" in "the trade minister"


class SubjectFinder:
    def __init__(self, model: str) -> None:
        self.model = model
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = load_parser(self.model)
        return self._nlp

    def subjects(self, text: str, start: int, end: int, verb_at: int | None) -> list[Subject]:
        """The subjects of the speech verb at `verb_at` (None: of the main verb) in the sentence
        text[start:end]; a relative pronoun gives way to the noun it stands for ("X, who
        said")."""
        doc = self.nlp(text[start:end])
        if verb_at is None:
            verb = next((t for t in doc if t.dep_ == "ROOT"), None)
        else:
            verb = next((t for t in doc if t.idx + start >= verb_at), None)
        if verb is None:
            return []
        for _ in range(6):
            found = [c for c in verb.children if c.dep_ in SUBJECTS]
            if found:
                out = []
                for s in found:
                    if s.lower_ in RELATIVE and verb.dep_ == "relcl":
                        s = verb.head
                    out.append(_subject(s, start))
                return out
            if verb.dep_ not in SHARED_SUBJECT or verb.head is verb:
                return []
            verb = verb.head
        return []


def _subject(token: Token, offset: int) -> Subject:
    words = [t for t in token.subtree if t.i <= token.i or t.dep_ in ("compound", "flat")]
    first, last = words[0], words[-1]
    lead = [t for t in token.lefts]
    determiners = [t.lower_ for t in lead if t.dep_ in ("det", "nummod", "quantmod")]
    return Subject(
        head_start=token.idx + offset,
        head_end=token.idx + len(token.text) + offset,
        start=first.idx + offset,
        end=last.idx + len(last.text) + offset,
        pronoun=token.tag_ == "PRP",
        plural=token.tag_ in ("NNS", "NNPS") or token.lower_ in ("they", "we"),
        indefinite=any(d in INDEFINITE for d in determiners),
        modifiers=tuple(t.lower_ for t in lead if t.dep_ in ("compound", "amod")),
    )
