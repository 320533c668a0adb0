"""Events in the PLOVER ontology, clause by clause: what happened, between which parties, when,
where, with whom, and whether it happened, is planned, conditional or history."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Protocol

from bilateral import data
from bilateral.extract.events.cues import CLASSIFIED, ClauseOf, Cue, CueFinder, select
from bilateral.extract.periods import DateMention, Interval, month_interval

FUTURE = re.compile(
    r"\b(?:will|would|shall|(?:is|are) (?:expected|set|scheduled|due|going) to|plans? to|planned|"
    r"(?:is|are) to|upcoming|intends? to|later (?:this|in the) (?:year|month|week)|"
    r"next (?:year|month|week)|set to|(?:is|are) to be)\b",
    re.IGNORECASE,
)
CLAUSE_BREAK = re.compile(r";|,\s+(?:and|while|but|whereas|with)\b|\.\s+(?=[A-Z])")
PAIR = re.compile(
    r"\b(?:the two|both) (?:countries|nations|sides|leaders|presidents|states|governments)\b"
    r"|\bbilateral\b",
    re.IGNORECASE,
)
DURING = re.compile(
    r"\b(?:during|following|after|at|on the sidelines of|towards the end of|in the course of)\s+"
    r"(?:the|his|her|their|this)?\s*(?:[\w-]+\s+){0,3}(?:visit|summit|talks|meeting)\b",
    re.IGNORECASE,
)


class Syntax(Protocol):
    """Who acts on whom by the parse of a sentence (extract/agency.py)."""

    def prepare(self, text: str, sentences: Sequence[tuple[int, int]]) -> None: ...

    def sides(
        self,
        text: str,
        start: int,
        end: int,
        cue_start: int,
        parties: Sequence[PartySpan],
        own_subject: bool = False,
    ) -> tuple[list[str], list[str]] | None: ...

    def main_verb(self, text: str, start: int, end: int) -> tuple[int, int] | None: ...


PartySpan = tuple[int, int, str]  # start, end, country
# a sentence (start, end), its clauses, and the event words chosen in it
Candidates = tuple[int, int, ClauseOf, list[Cue]]


@dataclass(frozen=True)
class Party:
    """A country mention: a GPE or NORP, or a person or organisation with a country."""

    start: int
    end: int
    code: str


@dataclass(frozen=True)
class Named:
    start: int
    end: int
    local_id: str


@dataclass(frozen=True)
class Draft:
    start: int
    end: int
    cue_start: int
    cue_end: int
    type: str
    subtype: str
    interval: Interval | None
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    people: tuple[str, ...]
    place: str | None
    planned: bool
    mode: str = ""
    condition: str = ""  # "conditional" or "reported" where the clause says so
    dyadic: bool = True
    recalled: bool = False  # background the sentence recalls ("following an inquiry")
    words: tuple[str, ...] = ()
    actor_sector: str | None = None  # PLOVER sector codes of non-state agents: OPP, MIL, GOV...
    target_sector: str | None = None


@dataclass(frozen=True)
class Article:
    """What the finder needs of an article besides its text."""

    sentences: list[tuple[int, int]]
    body: list[tuple[int, int]]
    quoted: list[tuple[int, int]]
    parties: list[Party]
    people: list[Named]
    places: list[Named]
    dyad: tuple[str, ...]
    dates: list[DateMention]
    published: date | None = None


# (text, sentences where no cue was found, parties as (start, end, country), sentences with the
# lexicon's events) -> cues of events that a sentence classifier finds there (classifier.py)
Classify = Callable[
    [str, list[tuple[int, int]], list[tuple[int, int, str]], Sequence[tuple[int, int]]], list[Cue]
]


class EventFinder:
    def __init__(self, syntax: Syntax | None = None, classify: Classify | None = None) -> None:
        self.syntax = syntax
        self.classify = classify
        self.cues = CueFinder()

    def find(self, text: str, a: Article) -> list[Draft]:
        return self.drafts(text, a, self.candidates(text, a))

    def candidates(self, text: str, a: Article) -> list[Candidates]:
        """The event words of each sentence that may name an event; the sentences' parses are
        asked for (`Syntax.prepare`), to be read by `drafts`."""
        cues = [
            c
            for c in self.cues.find(text, lambda s, e: self._sided(text, s, e, a))
            if not any(q0 <= c.start < q1 for q0, q1 in a.quoted)
        ]
        found: list[Candidates] = []
        if not cues and self.classify is None:
            return found
        at, unexplained = 0, list[tuple[int, int]]()
        explained: list[int] = []  # where in `found` sentences with the lexicon's events stand
        for s_start, s_end in a.sentences:
            while at < len(cues) and cues[at].start < s_start:
                at += 1
            if not any(b_start <= s_start < b_end for b_start, b_end in a.body):
                continue
            here = []
            for c in cues[at:]:
                if c.start >= s_end:
                    break
                here.append(c)
            quoted = any(q0 < s_end and s_start < q1 for q0, q1 in a.quoted)
            if not here:
                if not quoted:
                    unexplained.append((s_start, s_end))
                continue
            clause_of = ClauseOf(text[s_start:s_end], s_start, CLAUSE_BREAK)
            here = self._admissible(here, text, s_start, s_end, clause_of, a)
            best: dict[tuple[str, int], Cue] = {}  # one event of a category per clause
            for c in select(here, self.cues, text, clause_of):
                key = (c.type, clause_of(c)[0])
                held = best.get(key)
                if held is None or c.rank < held.rank:  # the more specific cue wins
                    best[key] = c
            chosen = sorted(best.values(), key=lambda c: c.start)
            if chosen:
                found.append((s_start, s_end, clause_of, chosen))
            if not quoted and all(c.confirm for c in chosen):
                # no cue, or only dictionary words the parse may yet refuse: the classifier
                # may speak for the sentence, heard only where no cue stands (`drafts`)
                unexplained.append((s_start, s_end))
            elif not quoted:
                explained.append(len(found) - 1)
        if self.classify is not None and (unexplained or explained):
            # no event by the lexicon: the sentence classifier's turn, outside quotations; where
            # the lexicon has events, the classifier may only correct the first one's category
            spans = [(p.start, p.end, p.code) for p in a.parties]
            lexical = [found[n][:2] for n in explained]
            for c in self.classify(text, unexplained, spans, lexical):
                host = next((n for n in explained if found[n][0] <= c.start < found[n][1]), None)
                if host is not None:
                    s_start, s_end, clause_of, chosen = found[host]
                    if all(k.type != c.type for k in chosen):
                        first = replace(
                            chosen[0], type=c.type, subtype=CLASSIFIED, replaces=chosen[0]
                        )
                        found[host] = (s_start, s_end, clause_of, [first, *chosen[1:]])
                    continue
                s_start, s_end = next(u for u in unexplained if u[0] <= c.start < u[1])
                clause_of = ClauseOf(text[s_start:s_end], s_start, CLAUSE_BREAK)
                found.append((s_start, s_end, clause_of, [c]))
            found.sort(key=lambda f: f[0])
        if self.syntax is not None:
            # a sentence that names no party has no sides for the parse to tell
            self.syntax.prepare(text, [(s, e) for s, e, _, _ in found if _spans(a, s, e)])
        return found

    def drafts(self, text: str, a: Article, found: list[Candidates]) -> list[Draft]:
        out: list[Draft] = []
        explained: set[int] = set()  # sentences with an event of the lexicon
        # a sentence's cues come before the classifier's category for it (`candidates`)
        for s_start, s_end, clause_of, chosen in found:
            for c in chosen:
                if c.replaces is not None and self._reads_main_verb(
                    c.replaces, text, s_start, s_end
                ):
                    c = c.replaces  # the lexicon read the main verb: a bag of words knows less
                if c.subtype == CLASSIFIED and s_start in explained:
                    continue
                if c.confirm and not self._confirmed(c, text, s_start, s_end, a):
                    continue
                if c.subtype != CLASSIFIED:
                    explained.add(s_start)
                located = self._located(c, text, s_start, s_end)
                out.append(self._draft(located, text, s_start, s_end, clause_of, a))
        return out

    def _reads_main_verb(self, c: Cue, text: str, s_start: int, s_end: int) -> bool:
        """Whether the cue stands on the sentence's main verb (or no parse can tell)."""
        verb = self.syntax.main_verb(text, s_start, s_end) if self.syntax else None
        return verb is None or c.start <= verb[0] < c.end

    def _located(self, c: Cue, text: str, s_start: int, s_end: int) -> Cue:
        """A category the classifier gave a whole sentence belongs to its main verb, where the
        parse finds one: its agent acts, its object is acted on."""
        if c.subtype != CLASSIFIED or self.syntax is None:
            return c
        verb = self.syntax.main_verb(text, s_start, s_end)
        return replace(c, start=verb[0], end=verb[1]) if verb else c

    def _sided(self, text: str, start: int, end: int, a: Article) -> bool | None:
        """Whether a dictionary verb has its sides named: a party just before it as subject or
        just after it as agent, and another country later in the sentence (True); or, where a
        parse can tell, two countries in its sentence (None: the parse will say whether one is
        its agent and another its object: "the Japanese government pledged to supply the
        Philippine coast guard")."""
        if _has_sides(text, start, end, a.parties):
            return True
        if self.syntax is None:
            return False
        at = bisect_right(a.sentences, (start, len(text) + 1)) - 1  # sentences are in order
        if at < 0 or not start < a.sentences[at][1]:
            return False
        codes = {code for _, _, code in _spans(a, *a.sentences[at])}
        return None if len(codes) >= 2 else False

    def _confirmed(self, c: Cue, text: str, s_start: int, s_end: int, a: Article) -> bool:
        """The parse names a party as the agent of the verb, in a subject of its own, and
        another country as its object or oblique."""
        assert self.syntax is not None
        in_sentence = _spans(a, s_start, s_end)
        # a verb needs a subject of its own; a noun of the verb's act its own agent ("India's
        # extradition of ...", "the expulsion of ... by X"), or the verb's it is object of
        decided = self.syntax.sides(
            text, s_start, s_end, c.start, in_sentence, own_subject=not c.nominal
        )
        return bool(decided and decided[0] and any(t not in decided[0] for t in decided[1]))

    def _admissible(
        self,
        here: list[Cue],
        text: str,
        s_start: int,
        s_end: int,
        clause_of: ClauseOf,
        a: Article,
    ) -> list[Cue]:
        """The cues of one sentence that may name a bilateral event."""
        if any(c.paired for c in here):
            # a general word needs two countries in its sentence, or, for a threat, an
            # accusation, a demand..., one of the article's pair with the other implied
            codes = {p.code for p in a.parties if s_start <= p.start and p.end <= s_end}
            pair = len(codes) >= 2 or bool(PAIR.search(text[s_start:s_end]))
            implied = bool(codes & set(a.dyad))
            here = [
                c
                for c in here
                if not c.paired
                or c.in_clause
                or pair
                or (implied and c.type in self.cues.implied_target)
            ]
        here = [c for c in here if not c.in_clause or _two_in_clause(text, c, clause_of, a)]
        here = [c for c in here if not self.cues.provision(text, clause_of(c)[0], c)]
        return [
            c
            for c in here
            if not c.paired
            or _named_actor(text, c, clause_of, a.parties)
            or self.cues.agent(text, clause_of(c)[0], c.end, last=True)
        ]

    def _sides(
        self, c: Cue, text: str, s_start: int, s_end: int, c_start: int, c_end: int, a: Article
    ) -> tuple[list[str], list[str], bool]:
        """Actors, targets, and whether the words name two countries. An event inside one
        country ("Japanese officials asked Japanese chip-makers to ...") has that country on
        both sides and is not dyadic."""
        here = [p for p in a.parties if c_start <= p.start and p.end <= c_end]
        if _internal(text, c, c_start, c_end, a.parties):
            return [here[0].code], [here[0].code], False
        if len({p.code for p in here}) < 2:
            here = [p for p in a.parties if s_start <= p.start and p.end <= s_end]
        if len(a.dyad) == 2 and PAIR.search(text[c_start:c_end]):
            # "the two leaders signed": the pair the article is about, whoever else is named
            here = [p for p in here if p.code in a.dyad] or [Party(c_start, c_start, a.dyad[0])]
        # "a visit to Azerbaijan by Turkey's president": the agent after "by" is the actor
        agents = [p for p in here if p.start >= c.end and AGENT_BY.search(text[c.end : p.start])]
        actors = list(dict.fromkeys(p.code for p in agents))
        actors += [
            x for x in dict.fromkeys(p.code for p in here if p.start < c.start) if x not in actors
        ]
        targets = list(
            dict.fromkeys(p.code for p in here if p.start >= c.start and p.code not in actors)
        )
        if self.syntax is not None and here:
            # the agent of the event word acts, its object or oblique is acted on; word order
            # stands where the parse names neither
            decided = self.syntax.sides(text, s_start, s_end, c.start, _spans(a, s_start, s_end))
            one = decided and len(set(decided[0])) == 1 and set(decided[1]) == set(decided[0])
            if decided and one and len({p.code for p in here}) == 1:
                return decided[0], decided[0], False
            if decided:
                decided = decided[0], [x for x in decided[1] if x not in decided[0]]
            if decided and decided[0]:
                rest = [x for x in targets + actors if x not in decided[0]]
                actors = decided[0]
                targets = decided[1] or rest[:1]
            elif decided and decided[1]:
                targets = decided[1]
                actors = [x for x in actors + targets if x not in decided[1]][:1]
        if not targets and len(actors) >= 2:
            targets = [actors.pop()]
        if not actors and len(targets) >= 2:
            actors = [targets.pop(0)]
        for code in a.dyad:  # the pair the article is about fills what the clause leaves open
            if len(actors) + len(targets) >= 2:
                break
            if code not in actors and code not in targets:
                (targets if actors else actors).append(code)
        # dyadic: the words name both sides (not the article's pair filling in for one)
        named = {p.code for p in here}
        return actors, targets, len(named) >= 2 or bool(PAIR.search(text[c_start:c_end]))

    def _draft(
        self, c: Cue, text: str, s_start: int, s_end: int, clause_of: ClauseOf, a: Article
    ) -> Draft:
        c_start, c_end = clause_of(c)
        dates = [d for d in a.dates if not self.cues.not_event_date(text, s_start, d.start)]
        recalled = self.cues.recalled(text, c_start, c)
        mention = _nearest(dates, c, c.start, c_end) if recalled else None
        if not recalled:
            mention = _nearest(dates, c, c_start, c_end) or _nearest(dates, c, s_start, s_end)
        planned = not recalled and bool(FUTURE.search(text[c_start : c.end]))
        if planned and c.type in self.cues.announced_concession:
            c = replace(c, type="CONCEDE")  # a retreat only announced is a verbal concession
        interval = mention.interval if mention else None
        if mention and planned:
            interval = _forward(mention, a.published)
        actors, targets, dyadic = self._sides(c, text, s_start, s_end, c_start, c_end, a)
        in_clause = [p for p in a.people if c_start <= p.start and p.end <= c_end]
        place = next(
            (
                p.local_id
                for p in a.places
                if c_start <= p.start
                and p.end <= c_end
                and re.search(r"\b(?:in|at|to)\s+(?:the\s+)?$", text[max(0, p.start - 8) : p.start])
            ),
            None,
        )
        condition = ""
        if self.cues.conditional_before(text, c_start, c):
            condition = "conditional"
        elif self.cues.hearsay(text[s_start:s_end]):
            condition = "reported"
        return Draft(
            start=s_start,
            end=s_end,
            cue_start=c.start,
            cue_end=c.end,
            type=c.type,
            subtype=c.subtype,
            interval=interval,
            actors=tuple(actors),
            targets=tuple(targets),
            people=tuple(dict.fromkeys(p.local_id for p in in_clause)),
            place=place,
            planned=planned,
            mode=c.mode,
            condition=condition,
            dyadic=dyadic,
            recalled=recalled,
            words=self.cues.words(text[s_start:s_end]),
            actor_sector=self.cues.agent(text, c_start, c.end, last=True),
            target_sector=self.cues.agent(text, c.end, c_end, last=False),
        )


SUBJECT_GAP = re.compile(
    r"^(?:\s+(?:has|have|had|was|were|is|are|will|would|also|then|later|again|has been|[a-z]+ly))"
    r"{0,3}\s+$"
)
AGENT_BY = re.compile(r"\bby\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
AGENT_AFTER = re.compile(r"^\s+by\s+(?:the\s+)?$")


OBJECT_GAP = re.compile(r"^\s+(?:[\w'’.-]+\s+){0,3}$")


def _spans(a: Article, start: int, end: int) -> list[PartySpan]:
    """The parties named in text[start:end], as the parse takes them."""
    return [(p.start, p.end, p.code) for p in a.parties if start <= p.start < end]


def _internal(text: str, c: Cue, start: int, end: int, parties: list[Party]) -> bool:
    """A country acting on itself: its subject and its object are of one country ("Japanese
    officials asked Japanese chip-makers to", "the minister met President X" of his own state)."""
    before = [p for p in parties if start <= p.start and p.end <= c.start]
    after = [p for p in parties if c.start <= p.start and p.end <= c.end] + [
        p
        for p in parties
        if c.end <= p.start <= end and OBJECT_GAP.match(text[c.end : p.start] + " ")
    ]
    if not before or not after:
        return False
    return before[-1].code == after[0].code and len({p.code for p in before + after}) == 1


def _two_in_clause(text: str, c: Cue, clause_of: ClauseOf, a: Article) -> bool:
    """Whether the clause of a meeting names both sides: two countries, "the two countries", or
    a country and a person of no known country (a foreign counterpart named by name)."""
    start, end = clause_of(c)
    inside = [p for p in a.parties if start <= p.start and p.end <= end]
    codes = {p.code for p in inside}
    if len(codes) >= 2 or PAIR.search(text[start:end]):
        return True
    known = {(p.start, p.end) for p in inside}
    strangers = [
        n for n in a.people if start <= n.start and n.end <= end and (n.start, n.end) not in known
    ]
    return bool(codes) and bool(strangers)


def _named_actor(text: str, c: Cue, clause_of: ClauseOf, parties: list[Party]) -> bool:
    """A general cue needs its actor named: a party before it in its clause, "the two
    countries", or an agent after a passive ("was imposed by China")."""
    start, _ = clause_of(c)
    if any(start <= p.start and p.end <= c.end for p in parties):
        return True
    if PAIR.search(text[start : c.start]):
        return True
    return any(
        p.start >= c.end
        and p.start - c.end <= 40
        and re.search(r"\bby\s+(?:the\s+)?$", text[c.end : p.start])
        for p in parties
    )


def _has_sides(text: str, start: int, end: int, parties: list[Party]) -> bool:
    """A dictionary verb names an event only with a party as its subject just before it ("China
    quietly expelled") or as its agent just after it ("was expelled by China"), and a party of
    another country after it in the same sentence."""

    def before(p: Party) -> bool:
        near = p.end <= start and start - p.end <= 40
        return near and bool(SUBJECT_GAP.match(text[p.end : start]))

    def after(p: Party) -> bool:
        near = p.start >= end and p.start - end <= 12
        return near and bool(AGENT_AFTER.match(text[end : p.start]))

    agent = next((p for p in reversed(parties) if before(p) or after(p)), None)
    if agent is None:
        return False
    stop = text.find(".", end)
    stop = len(text) if stop < 0 else stop
    return any(end <= p.start < stop and p.code != agent.code for p in parties)


def _nearest(dates: list[DateMention], c: Cue, start: int, end: int) -> DateMention | None:
    """The date written nearest the cue between start and end (its interval None when it
    cannot be resolved)."""
    near = [d for d in dates if start <= d.start and d.end <= end]
    if not near:
        return None

    def distance(d: DateMention) -> float:
        return (d.start - c.end) * 0.5 if d.start >= c.end else c.start - d.end

    return min(near, key=distance)


YEARLESS = re.compile(r"^(?!.*\b\d{4}\b)", re.DOTALL)
MONTH_NAME = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, data.months()), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


def _forward(mention: DateMention, published: date | None) -> Interval | None:
    """A planned event's relative date lies ahead of the publication: "will meet on Monday" is
    the next Monday, "to take effect on April 17" the next April 17."""
    i = mention.interval
    if i is None or i.start is None or i.end is None or published is None or not mention.relative:
        return i
    if i.end >= published or not YEARLESS.match(mention.text):
        return i
    if WEEKDAY.search(mention.text) and mention.precision == "day":
        return Interval(i.start + timedelta(days=7), i.end + timedelta(days=7))
    if mention.precision == "month" and MONTH_NAME.search(mention.text):
        return month_interval(i.start.year + 1, i.start.month)  # February has its own length
    if mention.precision == "day" and MONTH_NAME.search(mention.text):
        try:
            return Interval(
                i.start.replace(year=i.start.year + 1), i.end.replace(year=i.end.year + 1)
            )
        except ValueError:  # the 29th of February: no such day next year
            return i
    return i
