"""What a figure measures: the metric named by the nearest cue of its clause, a count noun right
after it, or the thing an ordinal ranks. The words are in data/metrics.tsv."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from bilateral import data
from bilateral.extract.matching import alternation
from bilateral.extract.values import Value

# Where a figure's clause ends: a semicolon, a clause joined by a conjunction or a participle, a
# new sentence (a period not after an initial: "U.S."), a quotation mark. Every branch begins
# with its mark, so that the engine skips from one mark to the next (the lookbehind that would
# stand before the period stands after it, and looks at it too).
CLAUSE_BREAK = re.compile(
    r";|,\s+(?:and|while|with|but|whereas|adding|noting|saying|stressing|making|bringing|"
    r"taking|accounting|compared)\b|\.(?<!\.[A-Z]\.)\s+(?=[A-Z])|”|\""
)
# Where two figures of one clause part ways for their periods: "a surplus of 4.5 billion in 1986,
# against a deficit of 900 mln in 1985"; "rose to 7.1 billion last year from 4.3 billion in 1985".
SEGMENT_BREAK = re.compile(
    r"\b(?:against|versus|vs\.?|compared\s+(?:with|to)|(?:up|down)\s+from|from)\b(?=[^.;]{0,30}\d)"
    r"|(?:\bto\b|\band\b|,)(?=\s+(?:a\s+|an\s+)?(?:about\s+|around\s+|some\s+)?(?:US)?\$?\d)"
)
BALANCES = ("trade_surplus", "trade_deficit")
# what a physical quantity can measure
QUANTITY_METRICS = ("exports", "imports", "trade_turnover", "trade_target")
BALANCE_WORDS = {"surplus", "surpluses", "deficit", "deficits", "shortfall", "gap", "balance"}
# a count of people is a population where they live somewhere: "12,000 Koreans live in Chile"
RESIDENT = re.compile(
    r"\b(?:live|lives|living|lived|reside|resides|residing|resident|residents|settled|"
    r"diaspora|community|communities|population|ethnic|home\s+to)\b",
    re.IGNORECASE,
)
# "one of the largest investors": no rank at all
ONE_OF = re.compile(r"\bone\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _alt(phrases: Sequence[str]) -> str:
    return alternation(phrases, ignorecase=True)  # every pattern here ignores case


@lru_cache(maxsize=64)
def _breaks(pattern: re.Pattern[str], sentence: str) -> tuple[tuple[int, int], ...]:
    # a sentence's breaks are asked for once per figure and per question: found once
    return tuple(brk.span() for brk in pattern.finditer(sentence))


@lru_cache(maxsize=64)
def _cue_words(pattern: re.Pattern[str], text: str) -> tuple[tuple[int, int, str], ...]:
    # a clause's cues are asked for once per figure in it (`Vocabulary.nearest`): found once,
    # each with its words as the metric table spells them
    return tuple(
        (m.start(), m.end(), " ".join(m.group(0).lower().split())) for m in pattern.finditer(text)
    )


def bounds(sentence: str, offset: int, v: Value, pattern: re.Pattern[str]) -> tuple[int, int]:
    """The bounds, within the sentence, of the stretch between breaks that holds the figure."""
    start, end = 0, len(sentence)
    for brk_start, brk_end in _breaks(pattern, sentence):
        if brk_end + offset <= v.start:
            start = brk_end
        elif brk_start + offset >= v.end:
            end = brk_start
            break
    return start, end


def clause_of(sentence: str, offset: int, v: Value) -> tuple[int, int]:
    """The bounds, within the sentence, of the clause that holds the figure."""
    return bounds(sentence, offset, v, CLAUSE_BREAK)


def segment_of(sentence: str, offset: int, v: Value) -> tuple[int, int]:
    """The clause narrowed at "against", "from", "compared with" and the like."""
    c_start, c_end = clause_of(sentence, offset, v)
    s_start, s_end = bounds(sentence[c_start:c_end], offset + c_start, v, SEGMENT_BREAK)
    return c_start + s_start, c_start + s_end


@dataclass(frozen=True)
class Cues:
    """Cue phrases of one kind as one pattern (the longest alternative first, so that "trade
    surplus" is read where "trade" also would be), and the metric of each phrase."""

    pattern: re.Pattern[str]
    metric: dict[str, str]

    @classmethod
    def of(cls, pairs: list[tuple[str, str]]) -> Cues:
        metric: dict[str, str] = {}
        for phrase, name in pairs:
            metric.setdefault(" ".join(phrase.lower().split()), name)
        return cls(re.compile(rf"\b(?:{_alt([p for p, _ in pairs])})\b", re.IGNORECASE), metric)


class Vocabulary:
    """The metric words of data/metrics.tsv, compiled."""

    def __init__(self) -> None:
        words = data.metric_words()

        def cues(kind: str) -> Cues:
            return Cues.of([(w.phrase, w.metric) for w in words if w.kind == kind])

        self.cues = cues("cue")
        self.rates = cues("rate")
        self.target_of = {w.phrase: w.metric for w in words if w.kind == "target_of"}
        self.target = re.compile(
            rf"\b(?:{_alt([w.phrase for w in words if w.kind == 'target'])})\b", re.IGNORECASE
        )
        self.nouns = {w.phrase.lower(): w.metric for w in words if w.kind == "noun"}
        self.noun_after = re.compile(
            rf"^\s*(?:more\s+|new\s+|additional\s+|other\s+|(?-i:[A-Z][a-z]+)\s+|ethnic\s+){{0,2}}"
            rf"(?P<noun>{_alt(list(self.nouns))})\b",
            re.IGNORECASE,
        )
        rank_nouns = _alt([w.phrase for w in words if w.kind == "rank"])
        self.rank_after = re.compile(
            rf"^[\s-]*(?:(?:largest|biggest|top|leading|major|main)\s+)?(?:[a-z]+\s+){{0,2}}?"
            rf"(?:among\s+(?:the\s+)?(?:\w+\s+){{0,2}})?(?P<noun>{rank_nouns})\b",
            re.IGNORECASE,
        )
        self.superlative_rank = re.compile(  # the class turns away most words at once
            rf"\b(?=[tlb])(?:the\s+)?(?P<sup>largest|biggest)\s+(?:(?:\w+)\s+)?(?P<noun>{rank_nouns})\b",
            re.IGNORECASE,
        )
        quantities = data.quantities()
        self.quantity_of = quantities
        self.quantity_after = re.compile(
            rf"^\s*(?P<unit>{_alt(list(quantities))})\b", re.IGNORECASE
        )
        # what a number counts, when it counts something: a count noun or a physical unit
        self.counted = re.compile(
            rf"{self.noun_after.pattern}|^\s*(?:{_alt(list(quantities))})\b", re.IGNORECASE
        )
        self.cumulative = re.compile(
            rf"\b(?:{_alt([w.phrase for w in words if w.kind == 'cumulative'])})\b", re.IGNORECASE
        )

    def nearest(
        self, cues: Cues, v: Value, sentence: str, offset: int, span: tuple[int, int]
    ) -> tuple[str, str] | None:
        """(metric, cue words) of the cue nearest the figure within `span` of the sentence: one
        before it counts its distance, one after it half as much again; the longer of two as
        near wins ("current account surplus" over "surplus")."""
        best: tuple[float, int, str, str] | None = None  # distance, -length, metric, words
        for found_start, found_end, words in _cue_words(cues.pattern, sentence[span[0] : span[1]]):
            c_start, c_end = found_start + span[0] + offset, found_end + span[0] + offset
            if c_end <= v.start:
                distance = float(v.start - c_end)
            elif c_start >= v.end:
                distance = 1.5 * (c_start - v.end)
            else:
                continue
            key = (distance, -len(words))
            if best is None or key < (best[0], best[1]):
                best = (key[0], key[1], cues.metric[words], words)
        return (best[2], best[3]) if best else None

    def metric_of(
        self, v: Value, sentence: str, offset: int, before: str = ""
    ) -> tuple[str | None, str | None]:
        """(metric, noun) for a figure, or (None, None) when it measures nothing we record.
        `before` is the text of the sentence before, for "the surplus" after "the current
        account surplus"."""
        after = sentence[v.end - offset :]
        if v.kind == "ordinal":
            if ONE_OF.search(sentence[: v.start - offset]):
                return None, None
            found = self.rank_after.match(after)
            return ("rank", found.group("noun")) if found else (None, None)
        if v.kind == "number" and v.unit != "count":  # a quantity: "4.2 mln tonnes"
            best = self.nearest(self.cues, v, sentence, offset, clause_of(sentence, offset, v))
            if best is None or best[0] not in QUANTITY_METRICS:
                return "other", None
            return best
        if v.kind == "number":
            found = self.noun_after.match(after)
            if not found:
                return None, None
            noun = found.group("noun").lower()
            clause = clause_of(sentence, offset, v)
            if self.nouns[noun] == "population" and not RESIDENT.search(
                sentence[clause[0] : clause[1]]
            ):
                return "other", noun  # "25 people were hurt": people, but no population
            return self.nouns[noun], noun
        clause = clause_of(sentence, offset, v)
        if v.kind == "percent":
            rate = self.nearest(self.rates, v, sentence, offset, clause)
            return rate if rate else ("other", None)
        best = self.nearest(self.cues, v, sentence, offset, clause) or self.nearest(
            self.cues, v, sentence, offset, (0, len(sentence))
        )
        # the cue is kept: "gross inflow" and "invested" measure different things
        if best is None:
            return "other", None
        metric, cue = best
        if metric in BALANCES and " " not in cue:
            named = self.named_balance(before + " " + sentence[: v.start - offset])
            if named and named[0] == "other":
                return named  # "the current account deficit ... from a deficit of 1.9 bn"
        if metric in self.target_of and self.is_target(v, sentence, offset, clause):
            return self.target_of[metric], cue
        return metric, cue

    def quantity(self, v: Value, sentence: str, offset: int) -> Value:
        """The figure with the unit of the physical quantity written after it, if one is."""
        found = self.quantity_after.match(sentence[v.end - offset :])
        if v.kind != "number" or not found:
            return v
        unit = self.quantity_of[" ".join(found.group("unit").lower().split())]
        return Value(v.start, v.end, v.text, v.value, unit, v.kind, v.approx, v.note)

    def named_balance(self, text: str) -> tuple[str, str] | None:
        """The last balance named in full ("trade surplus", "current account deficit") in
        `text`: what a bare "surplus" or "the shortfall" after it refers to."""
        last = None
        for found in self.cues.pattern.finditer(text):
            words = " ".join(found.group(0).lower().split())
            if " " in words and words.rsplit(" ", 1)[-1] in BALANCE_WORDS:
                last = (self.cues.metric[words], words)
        return last

    def is_target(self, v: Value, sentence: str, offset: int, clause: tuple[int, int]) -> bool:
        """A goal, a pledge or a forecast rather than a figure that was: a target word ("aims
        to", "target", "would top") shortly before the figure or right after it, in its clause."""
        start = max(clause[0], v.start - offset - 70)
        end = min(clause[1], v.end - offset + 25)
        return bool(self.target.search(sentence[start:end]))
