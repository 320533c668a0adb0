"""The subject of a speech verb, read from the dependency parse of its sentence.

Word order alone misreads "X, who offered few details, said", "the official described it as
'...' and said", "he was quoted by an agency as saying" or "commented Premier X": the parse
links each speech verb to its subject, however far apart they stand. The parser costs more than
the recogniser, so it is loaded on first need and runs only on the sentences that attribute.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from bilateral.extract.nlp import Parser

SUBJECTS = ("nsubj", "nsubjpass")
# A verb without a subject of its own takes the subject of the verb it hangs from: "... and
# said" (conj), "set out his position saying" (advcl), "quoted as saying" (pcomp of "as").
SHARED_SUBJECT = ("conj", "xcomp", "advcl", "pcomp", "prep", "acl")
RELATIVE = ("who", "that", "which", "whom")
STAND_IN = "it is so"  # a quotation's words, for the parse
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
    def __init__(self, parser: Parser) -> None:
        self.parser = parser

    @staticmethod
    def _words(text: str, start: int, end: int, skip: tuple[int, int] | None) -> str:
        if skip is not None and start <= skip[0] <= skip[1] <= end:
            return text[start : skip[0]] + STAND_IN + text[skip[1] : end]
        return text[start:end]

    def prepare(self, text: str, frames: list[tuple[int, int, tuple[int, int] | None]]) -> None:
        """Ask for the parses of these sentences of `text`, for the calls that will follow."""
        self.parser.want([self._words(text, *frame) for frame in frames])

    def subjects(
        self,
        text: str,
        start: int,
        end: int,
        verb_at: int | None,
        skip: tuple[int, int] | None = None,
    ) -> list[Subject]:
        """The subjects of the speech verb at `verb_at` (None: of the main verb) in the sentence
        text[start:end]; a relative pronoun gives way to the noun it stands for ("X, who
        said"). The words of a quotation at `skip` are parsed as a short clause in their place:
        the parse costs by the word, and what was said does not change who said it."""
        (doc,) = self.parser.parse([self._words(text, start, end, skip)])

        def where(idx: int) -> int:
            if skip is None or not start <= skip[0] <= skip[1] <= end:
                return start + idx
            head = skip[0] - start
            return (
                start
                + idx
                + (skip[1] - skip[0] - len(STAND_IN) if idx >= head + len(STAND_IN) else 0)
            )

        if verb_at is None:
            verb = next((t for t in doc if t.dep_ == "ROOT"), None)
        else:
            verb = next((t for t in doc if where(t.idx) >= verb_at), None)
        if verb is None:
            return []
        for _ in range(6):
            found = [c for c in verb.children if c.dep_ in SUBJECTS]
            if found:
                out = []
                for s in found:
                    if s.lower_ in RELATIVE and verb.dep_ == "relcl":
                        s = verb.head
                    out.append(_subject(s, where))
                return out
            if verb.dep_ not in SHARED_SUBJECT or verb.head is verb:
                return []
            verb = verb.head
        return []


def _subject(token: Token, where: Callable[[int], int]) -> Subject:
    words = [t for t in token.subtree if t.i <= token.i or t.dep_ in ("compound", "flat")]
    first, last = words[0], words[-1]
    lead = [t for t in token.lefts]
    determiners = [t.lower_ for t in lead if t.dep_ in ("det", "nummod", "quantmod")]
    return Subject(
        head_start=where(token.idx),
        head_end=where(token.idx) + len(token.text),
        start=where(first.idx),
        end=where(last.idx) + len(last.text),
        pronoun=token.tag_ == "PRP",
        plural=token.tag_ in ("NNS", "NNPS") or token.lower_ in ("they", "we"),
        indefinite=any(d in INDEFINITE for d in determiners),
        modifiers=tuple(t.lower_ for t in lead if t.dep_ in ("compound", "amod")),
    )
