"""The grammar of the clause around an event's word: whether it happened (negation, a
hypothetical, an idiom), under what condition, known through whom, whether it is the content
of another event ("urged X to lift sanctions"), and where its clause begins and ends. The words
are those of `data/event_grammar.tsv`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bilateral.extract.matching import alternation

if TYPE_CHECKING:
    from bilateral.extract.events.cues import Cue

# the first cues of these categories take a complement that is not an event of its own:
# "urged X to lift sanctions", "refused to sign", "accused X of shelling"
TAKES_COMPLEMENT = {"REQUEST", "REJECT", "THREATEN", "ACCUSE", "AGREE", "SUPPORT", "CONCEDE"}


def alternation_of(words: tuple[str, ...]) -> str:
    return alternation(words, ignorecase=True)  # every pattern here ignores case


class ClauseGrammar:
    def __init__(self, grammar: dict[str, tuple[str, ...]]) -> None:
        self.document_subject = re.compile(
            r"^\W*(?:under\s+)?(?:the|that|this|an?|its|their)\s+(?:[\w-]+\s+){0,2}"
            rf"(?:{alternation_of(grammar.get('document_subject', ()))})\b",
            re.IGNORECASE,
        )
        background = alternation_of(grammar.get("background", ()))
        self.background = re.compile(
            rf"\b(?:{background})\s+(?:an?|the|its|their|his|her)?"
            r"(?:\s*[\w'’-]+){0,2}\s*$",
            re.IGNORECASE,
        )
        self.not_date = re.compile(
            rf"\b(?:{alternation_of(grammar.get('not_event_date', ()))})\b"
            r"(?:[\s,]+[\w'’-]+){0,6}[\s,]*$",
            re.IGNORECASE,
        )
        self.negation = re.compile(
            rf"(?:\b(?:{alternation_of(grammar.get('negation', ()))})\b|n't)"
            r"(?:\s+[\w'’-]+){0,3}\s*$",
            re.IGNORECASE,
        )
        self.hypothetical = re.compile(
            rf"\b(?:{alternation_of(grammar.get('hypothetical', ()))})\s+$", re.IGNORECASE
        )
        # "an official, who asked not to be identified": the words of anonymity, no request
        self.idiom_after = re.compile(
            rf"\s*(?:{alternation_of(grammar.get('idiom_after', ()))})\b", re.IGNORECASE
        )
        self.hypothetical_inside = re.compile(
            rf"\b(?:{alternation_of(grammar.get('hypothetical', ()))})\b", re.IGNORECASE
        )
        self.conditional = re.compile(
            rf"\b(?:{alternation_of(grammar.get('conditional', ()))})\b", re.IGNORECASE
        )
        self.reported = re.compile(
            rf"\b(?:{alternation_of(grammar.get('reported', ()))})\b", re.IGNORECASE
        )
        # the statement before an act told in the past perfect: "said Y had sent"; or an opening
        said = alternation_of(grammar.get("reported_by", ()))
        self.reported_by = re.compile(
            rf"\b(?:{said})\b.*\bhad\s+(?:[\w'’-]+\s+){{0,2}}$", re.IGNORECASE | re.DOTALL
        )
        self.reported_opening = re.compile(
            rf"^\W*(?:{alternation_of(grammar.get('reported_opening', ()))})\b", re.IGNORECASE
        )
        words = alternation_of(grammar.get("complement", ()))
        # from the first cue's start: "urged X to", "agreed to", "accused X of", "demanded that"
        self.complement = re.compile(
            rf"^\S+(?:\s+on)?(?:\s+[\w'’.,-]+){{0,3}}?\s+(?:{words})\s+(?:[\w'’-]+\s+){{0,2}}$",
            re.IGNORECASE,
        )

    def provision(self, text: str, clause_start: int, cue: Cue) -> bool:
        """A demand made by a document, not by someone: "That agreement ... called on Japan"."""
        return cue.type == "REQUEST" and bool(
            self.document_subject.match(text[clause_start : cue.start])
        )

    def recalled(self, text: str, clause_start: int, cue: Cue) -> bool:
        """A noun cue the sentence recalls as background: "following an inquiry"."""
        return bool(self.background.search(text[clause_start : cue.start]))

    def not_event_date(self, text: str, start: int, date_start: int) -> bool:
        """Whether the date at date_start dates something else: "since ... last May"."""
        before = text[max(start, date_start - 60) : date_start]
        opening = text[date_start : date_start + 24]  # "since September" read as one date
        return start <= date_start and bool(
            self.not_date.search(before) or self.not_date.match(opening.split(" ")[0] + " ")
        )

    def negated(self, text: str, clause_start: int, cue: Cue) -> bool:
        """Did not happen: "did not agree", "could be reached" (a refusal stays a refusal); or
        is an idiom: "who asked not to be identified"."""
        if self.idiom_after.match(text, cue.end):
            return True
        before = text[clause_start : cue.start]
        if self.hypothetical.search(before) or self.hypothetical_inside.search(
            text[cue.start : cue.end]
        ):
            return True
        return cue.type != "REJECT" and bool(self.negation.search(before))

    def conditional_before(self, text: str, clause_start: int, cue: Cue) -> bool:
        return bool(self.conditional.search(text[clause_start : cue.start]))

    def conditional_after(self, text: str, cue: Cue, sentence_end: int) -> bool:
        """A condition that follows what is announced: "will close the border if Y does not
        withdraw" (for a planned act; a past one with an "if" after it is rare and not this)."""
        return bool(self.conditional.search(text[cue.end : sentence_end]))

    def hearsay(self, sentence: str) -> bool:
        return bool(self.reported.search(sentence))

    def told_by_others(self, text: str, sentence_start: int, cue: Cue) -> bool:
        """An act known through a statement about it: "officials said Y had sent troops",
        "According to the ministry, Y began exporting gas" (not the speaker's own words, which
        are the act: "X said it supported Y")."""
        before = text[sentence_start : cue.start]
        return bool(self.reported_by.search(before) or self.reported_opening.match(before))

    def complement_of(self, text: str, head: Cue, cue: Cue) -> bool:
        """Whether `cue` is the content of `head`: "threatened to impose", "urged X to lift"."""
        if head.type not in TAKES_COMPLEMENT or head.type == cue.type or cue.start < head.end:
            return False
        if cue.start - head.end > 60:
            return False
        return bool(self.complement.match(text[head.start : cue.start] + " "))


class ClauseOf:
    """The clause (start, end) around a cue, in text coordinates."""

    def __init__(self, sentence: str, offset: int, breaks: re.Pattern[str]) -> None:
        self.offset = offset
        self.cuts = [(m.start() + offset, m.end() + offset) for m in breaks.finditer(sentence)]
        self.end = offset + len(sentence)

    def __call__(self, cue: Cue) -> tuple[int, int]:
        start, end = self.offset, self.end
        for b_start, b_end in self.cuts:
            if b_end <= cue.start:
                start = b_end
            elif b_start >= cue.end:
                end = b_start
                break
        return start, end
