"""Events in the PLOVER ontology, clause by clause: what happened, between which parties, when,
where, with whom, and whether it happened, is planned, conditional or history."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace

from bilateral.extract.events.clause import ClauseOf
from bilateral.extract.events.cues import (
    CLASSIFIED,
    PHRASE_ONLY,
    Cue,
    CueFinder,
    select,
)
from bilateral.extract.events.dating import forward, nearest
from bilateral.extract.events.order import (
    AGENT_BY,
    AGENT_LISTED,
    PAIR,
    has_sides,
    internal,
    named_actor,
    spans,
    two_in_clause,
)
from bilateral.extract.events.records import (
    Article,
    Candidates,
    Classify,
    Draft,
    Party,
    Syntax,
)

FUTURE = re.compile(
    r"\b(?:will|would|shall|(?:is|are) (?:expected|set|scheduled|due|going) to|plans? to|planned|"
    r"(?:is|are) to|upcoming|intends? to|later (?:this|in the) (?:year|month|week)|"
    r"next (?:year|month|week)|set to|(?:is|are) to be)\b",
    re.IGNORECASE,
)
CLAUSE_BREAK = re.compile(r";|,\s+(?:and|while|but|whereas|with)\b|\.\s+(?=[A-Z])")
DURING = re.compile(
    r"\b(?:during|following|after|at|on the sidelines of|towards the end of|in the course of)\s+"
    r"(?:the|his|her|their|this)?\s*(?:[\w-]+\s+){0,3}(?:visit|summit|talks|meeting)\b",
    re.IGNORECASE,
)


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
            for c in self.cues.find(text, self._sided(text, a))
            if not any(q0 <= c.start < q1 for q0, q1 in a.quoted)
        ]
        found: list[Candidates] = []
        if not cues and self.classify is None:
            return found
        at, unexplained = 0, list[tuple[int, int]]()
        explained: list[int] = []  # where in `found` sentences with the lexicon's events stand
        waiting: dict[int, list[Cue]] = {}  # sentence -> its verbs waiting for their phrases
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
            # a verb waiting for its phrase (`_phrased`) comes last, and alone is no event
            chosen = sorted(best.values(), key=lambda c: (c.type == PHRASE_ONLY, c.start))
            if all(c.type == PHRASE_ONLY for c in chosen):
                waiting[s_start], chosen = chosen, []  # parsed only if the classifier speaks
            if chosen:
                found.append((s_start, s_end, clause_of, chosen))
            if not quoted and all(c.confirm or c.type == PHRASE_ONLY for c in chosen):
                # no cue, or only dictionary words the parse may yet refuse: the classifier
                # may speak for the sentence, heard only where no cue stands (`drafts`)
                unexplained.append((s_start, s_end))
            elif not quoted:
                explained.append(len(found) - 1)
        if self.classify is not None and (unexplained or explained):
            # no event by the lexicon: the sentence classifier's turn, outside quotations; where
            # the lexicon has events, the classifier may only correct the first one's category
            named = [(p.start, p.end, p.code) for p in a.parties]
            lexical = [found[n][:2] for n in explained]
            for c in self.classify(text, unexplained, named, lexical):
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
                found.append((s_start, s_end, clause_of, [*waiting.get(s_start, ()), c]))
            found.sort(key=lambda f: f[0])
        if self.syntax is not None:
            # a sentence that names no party has no sides for the parse to tell
            self.syntax.prepare(text, [(s, e) for s, e, _, _ in found if spans(a, s, e)])
        return found

    def drafts(self, text: str, a: Article, found: list[Candidates]) -> list[Draft]:
        out: list[Draft] = []
        explained: set[int] = set()  # sentences with an event of the lexicon
        # a sentence's cues come before the classifier's category for it (`candidates`)
        for s_start, s_end, clause_of, chosen in found:
            for c in chosen:
                if c.subtype == CLASSIFIED and s_start in explained:
                    continue
                if c.confirm and not self._confirmed(c, text, s_start, s_end, a):
                    continue
                if c.subtype != CLASSIFIED:
                    phrased = self._phrased(c, text, s_start, s_end, a)
                    # one event of a category per clause (`candidates`), as its phrase reads
                    if phrased is None or any(
                        k is not c
                        and k.type == phrased.type != c.type
                        and clause_of(k)[0] == clause_of(c)[0]
                        for k in chosen
                    ):
                        continue
                    c = phrased
                    explained.add(s_start)
                located = self._located(c, text, s_start, s_end)
                out.append(self._draft(located, text, s_start, s_end, clause_of, a))
        return out

    def _located(self, c: Cue, text: str, s_start: int, s_end: int) -> Cue:
        """A category the classifier gave a whole sentence belongs to its main verb, where the
        parse finds one: its agent acts, its object is acted on. Where it would correct the
        lexicon's cue and that cue stands on the main verb itself (or no parse can tell), the
        lexicon's cue stays: a bag of words knows less than the verb read."""
        if c.subtype != CLASSIFIED:
            return c
        verb = self.syntax.main_verb(text, s_start, s_end) if self.syntax else None
        lexical = c.replaces
        if lexical is not None and (verb is None or lexical.start <= verb[0] < lexical.end):
            return lexical
        return replace(c, start=verb[0], end=verb[1]) if verb else c

    def _phrased(self, c: Cue, text: str, s_start: int, s_end: int, a: Article) -> Cue | None:
        """A dictionary verb's phrases read on its object where the sentence has a parse (it has
        one where it names a party: `candidates`); elsewhere the words after it stand."""
        parsed = self.syntax is not None and bool(spans(a, s_start, s_end))
        if c.verb is None or c.nominal or not parsed:
            return None if c.type == PHRASE_ONLY else c
        assert self.syntax is not None
        objects = self.syntax.objects(text, s_start, s_end, c.start)
        if objects is None:
            return None if c.type == PHRASE_ONLY else c
        return self.cues.on_object(c, text, objects)

    def _sided(self, text: str, a: Article) -> Callable[[int, int], bool | None]:
        """Whether a dictionary verb (start, end) has its sides named: a party just before it
        as subject or just after it as agent, and another country later in the sentence
        (True); or, where a parse can tell, two countries in its sentence (None: the parse will
        say whether one is its agent and another its object: "the Japanese government pledged
        to supply the Philippine coast guard")."""
        paired: dict[int, bool] = {}  # sentence -> whether it names two countries, once asked

        def sided(start: int, end: int) -> bool | None:
            if has_sides(text, start, end, a.parties):
                return True
            if self.syntax is None:
                return False
            at = bisect_right(a.sentences, (start, len(text) + 1)) - 1  # sentences are in order
            if at < 0 or not start < a.sentences[at][1]:
                return False
            two = paired.get(at)
            if two is None:
                paired[at] = two = len({code for _, _, code in spans(a, *a.sentences[at])}) >= 2
            return None if two else False

        return sided

    def _confirmed(self, c: Cue, text: str, s_start: int, s_end: int, a: Article) -> bool:
        """The parse names a party as the agent of the verb, in a subject of its own, and
        another country as its object or oblique."""
        assert self.syntax is not None
        in_sentence = spans(a, s_start, s_end)
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
        here = [c for c in here if not c.in_clause or two_in_clause(text, c, clause_of, a)]
        here = [c for c in here if not self.cues.clause.provision(text, clause_of(c)[0], c)]
        return [
            c
            for c in here
            if not c.paired
            or named_actor(text, c, clause_of, a.parties)
            or self.cues.agent(text, clause_of(c)[0], c.end, last=True)
        ]

    def _sides(
        self, c: Cue, text: str, s_start: int, s_end: int, c_start: int, c_end: int, a: Article
    ) -> tuple[list[str], list[str], bool]:
        """Actors, targets, and whether the words name two countries. An event inside one
        country ("Japanese officials asked Japanese chip-makers to ...") has that country on
        both sides and is not dyadic."""
        here = [p for p in a.parties if c_start <= p.start and p.end <= c_end]
        if internal(text, c, c_start, c_end, a.parties):
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
            decided = self.syntax.sides(text, s_start, s_end, c.start, spans(a, s_start, s_end))
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
        # a country named only as the patron or maker of a noun ("U.S.-backed rebels
        # attacked") does not act; it may be acted on ("a surtax on Chinese-made cars")
        patrons = _patrons(a, s_start, s_end, text, c)
        actors = [x for x in actors if x not in patrons]
        if not targets and len(actors) >= 2:
            targets = [actors.pop()]
        if not actors and len(targets) >= 2 and targets[0] not in patrons:
            actors = [targets.pop(0)]
        for code in a.dyad:  # the pair the article is about fills what the clause leaves open
            if len(actors) + len(targets) >= 2:
                break
            if code not in actors and code not in targets and (actors or code not in patrons):
                (targets if actors else actors).append(code)
        # dyadic: the words name both sides (not the article's pair filling in for one)
        named = {p.code for p in here}
        return actors, targets, len(named) >= 2 or bool(PAIR.search(text[c_start:c_end]))

    def _draft(
        self, c: Cue, text: str, s_start: int, s_end: int, clause_of: ClauseOf, a: Article
    ) -> Draft:
        c_start, c_end = clause_of(c)
        dates = [d for d in a.dates if not self.cues.clause.not_event_date(text, s_start, d.start)]
        recalled = self.cues.clause.recalled(text, c_start, c)
        mention = nearest(dates, c, c.start, c_end) if recalled else None
        if not recalled:
            mention = nearest(dates, c, c_start, c_end) or nearest(dates, c, s_start, s_end)
        planned = not recalled and bool(FUTURE.search(text[c_start : c.end]))
        if planned and c.type in self.cues.announced_concession:
            c = replace(c, type="CONCEDE")  # a retreat only announced is a verbal concession
        interval = mention.interval if mention else None
        if mention and planned:
            interval = forward(mention, a.published)
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
        if self.cues.clause.conditional_before(text, c_start, c) or (
            planned and self.cues.clause.conditional_after(text, c, s_end)
        ):
            condition = "conditional"
        elif self.cues.clause.hearsay(text[s_start:s_end]) or self.cues.clause.told_by_others(
            text, s_start, c
        ):
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


def _patrons(a: Article, start: int, end: int, text: str, c: Cue) -> set[str]:
    """The countries the sentence names only as the patron or maker of a noun; not the agent
    of the event's own word ("rebels backed by Rwanda": Rwanda backs them)."""
    patrons = {
        p
        for p in a.patrons
        if start <= p.start
        and p.end <= end
        and not (p.start >= c.end and AGENT_LISTED.match(text[c.end : p.start]))
    }
    others = {p.code for p in a.parties if start <= p.start and p.end <= end and p not in patrons}
    return {p.code for p in patrons} - others
