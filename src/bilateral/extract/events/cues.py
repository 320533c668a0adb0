"""The words that signal an event: the cue patterns of `data/events.tsv` first, then the verbs
and verb phrases of the CAMEO dictionary (`data/event_verbs.tsv`, `data/event_phrases.tsv`);
the grammar of the clause around them (negation, complements, conditions) is in `clause.py`."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace

from bilateral import data
from bilateral.data import EventVerb
from bilateral.extract.events.clause import ClauseGrammar, ClauseOf
from bilateral.extract.events.openings import openings, tried_at_openings
from bilateral.extract.events.phrases import matching
from bilateral.extract.matching import ODD_CASE

PARAGRAPH = re.compile(r"\n\s*\n")
DECIMAL = re.compile(r"(\d)\.(?=\d)")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
LEXICON_RANK = 10_000  # a dictionary verb gives way to every cue pattern
PHRASE_ONLY = "-"  # a dictionary verb that names an event only through a phrase
OBJECT_WORDS = 10  # the longest object a phrase of the dictionary is looked for in
CLASSIFIED = "classified"  # the subtype of an event the sentence classifier found


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    type: str
    subtype: str
    mode: str
    rank: int  # lower is more specific
    paired: bool = True  # names an event only where its sentence names two countries
    in_clause: bool = False  # ... where its own clause names them
    confirm: bool = False  # a dictionary verb whose sides only the parse can tell
    nominal: bool = False  # a noun naming a dictionary verb's act ("refusal", "expulsion")
    # the lexicon's cue a classifier's category would correct: it stands where it reads the
    # sentence's main verb itself (`EventFinder._located`)
    replaces: Cue | None = None
    verb: EventVerb | None = None  # a dictionary verb's: its phrases the parse may read again


class CueFinder:
    def __init__(self) -> None:
        self.cues = data.event_cues()
        self.patterns = [re.compile(c.pattern, re.IGNORECASE) for c in self.cues]
        # the words each pattern's matches begin with, where its parse tells (`openings`)
        self.openings = [openings(p) for p in self.patterns]
        # a pattern is tried only in the paragraphs where one of its keys begins a word
        self.word_keys: dict[str, list[int]] = {}  # a key of one word -> the cues it opens
        self.phrase_keys: dict[str, list[int]] = {}  # a key of several words -> the cues
        for rank, cue in enumerate(self.cues):
            for key in cue.keys:
                key = key.lower()
                where = self.phrase_keys if " " in key else self.word_keys
                where.setdefault(key, []).append(rank)
        self.key_lengths = sorted({len(k) for k in self.word_keys})
        # the cues each word opens, worked out once per word and then looked up: most words of
        # an article have been seen before (the, said, trade, ...)
        self.opened: dict[str, tuple[int, ...]] = {}
        self.verbs = data.event_verbs()
        # the words that begin a verb of two words: only after one is the pair looked up
        self.pair_firsts = {v.split(" ")[0] for v in self.verbs if v.count(" ") == 1}
        self.phrases = data.event_phrases()
        # a noun naming a verb's act is that verb: "refusal" reads as "refuse"
        self.nouns = {n: self.verbs[v] for n, v in data.event_nouns().items() if v in self.verbs}
        # every word that may begin a dictionary cue: a verb, a noun of one, the first of a pair
        self.lexicon_words = frozenset((*self.verbs, *self.nouns, *self.pair_firsts))
        self.agents = data.event_agents()
        grammar = data.event_grammar()
        self.ambiguous = set(grammar.get("ambiguous_verb", ()))
        self.implied_target = set(grammar.get("implied_target", ()))
        self.announced_concession = set(grammar.get("announced_concession", ()))
        self.function_words = set(grammar.get("function_word", ()))
        self.prepositions = frozenset(grammar.get("preposition", ()))
        self.clause = ClauseGrammar(grammar)

    def find(
        self, text: str, near_party: Callable[[int, int], bool | None] | None = None
    ) -> list[Cue]:
        """Every cue in the text, patterns and dictionary verbs, in text order; a dictionary
        verb only where `near_party(start, end)` says its sides are named (True), or may be,
        as the parse will tell (None: the cue is marked `confirm`)."""
        # a decimal point is no sentence end: "duties of 73.6 per cent would be levied"
        masked = DECIMAL.sub("\\1,", text)
        lowered = masked.lower()
        words = _read(lowered)
        # patterns run only over the paragraphs where one of their keys begins a word
        breaks = [0, *(m.end() for m in PARAGRAPH.finditer(text)), len(text)]
        # the words of the lower-cased text are those of the text, lower-cased, unless it holds
        # a letter whose case folds oddly: then one reading serves keys and verbs alike, and
        # each pattern runs over its whole paragraphs, not only where its openings stand
        same = ODD_CASE.search(text) is None
        found: list[Cue] = []
        for rank, hits in self._key_hits(lowered, words).items():
            cue, pattern, opening = self.cues[rank], self.patterns[rank], self.openings[rank]
            spans: dict[int, int] = {}
            for hit in hits:
                at = bisect_right(breaks, hit) - 1
                spans[breaks[at]] = breaks[min(at + 1, len(breaks) - 1)]
            for start, end in spans.items():
                found.extend(
                    Cue(
                        m.start(),
                        m.end(),
                        cue.type,
                        cue.subtype,
                        cue.mode,
                        rank,
                        cue.paired,
                        cue.in_clause,
                    )
                    for m in (
                        tried_at_openings(pattern, opening, masked, lowered, start, end)
                        if same and opening is not None
                        else pattern.finditer(masked, start, end)
                    )
                )
        found.extend(self._lexicon(text, near_party, words if same else None))
        return sorted(found, key=lambda c: (c.start, c.rank))

    def _key_hits(self, lowered: str, words: Words | None = None) -> dict[int, list[int]]:
        """Cue rank -> where its keys begin a word in the text (`words`: those of `lowered`)."""
        hits: dict[int, list[int]] = {}
        tokens, starts = _read(lowered) if words is None else words
        # the cues each distinct word opens, looked up once (most words open none)
        keyed = {}
        for word in set(tokens):
            opened = self.opened.get(word)
            keyed[word] = self._opened_by(word) if opened is None else opened
        for word, at in zip(tokens, starts, strict=True):
            for rank in keyed[word]:
                hits.setdefault(rank, []).append(at)
        for key, ranks in self.phrase_keys.items():
            at = lowered.find(key)
            while at >= 0:
                if at == 0 or not lowered[at - 1].isalpha():
                    for rank in ranks:
                        hits.setdefault(rank, []).append(at)
                at = lowered.find(key, at + 1)
        return hits

    def _opened_by(self, word: str) -> tuple[int, ...]:
        """The cues whose keys begin `word`, in the order of the keys' lengths."""
        ranks: list[int] = []
        for n in self.key_lengths:
            if n > len(word):
                break
            ranks.extend(self.word_keys.get(word[:n], ()))
        if len(self.opened) > 200_000:  # a bound on the memory of a long run
            self.opened.clear()
        self.opened[word] = found = tuple(ranks)
        return found

    def _lexicon(
        self,
        text: str,
        near_party: Callable[[int, int], bool | None] | None,
        lowered: Words | None = None,
    ) -> list[Cue]:
        """The dictionary verbs of the text, and the nouns that name their acts (`lowered`:
        its words, read lower-cased)."""
        tokens, starts = _read(text) if lowered is None else lowered
        words = [t.lower() for t in tokens] if lowered is None else tokens
        verbs, pair_firsts = self.verbs, self.pair_firsts
        out: list[Cue] = []
        for i, word in enumerate(words):
            if word not in self.lexicon_words:
                continue  # no verb, no noun of one, and no first word of a verb of two words
            verb = None
            if word in pair_firsts and i + 1 < len(words):
                verb = verbs.get(f"{word} {words[i + 1]}")
            nominal = False
            if verb is None:
                verb = verbs.get(word)
                if verb is None:
                    verb, nominal = self.nouns.get(word), True
                    if verb is None:
                        continue
                span_end = starts[i] + len(tokens[i])
            else:
                span_end = starts[i + 1] + len(tokens[i + 1])
            start = starts[i]
            # a phrasal verb is a lexeme of its own: "pull" is everyday, "pull back" is not;
            # an everyday phrasal verb is listed whole ("pull out", "take over")
            if verb.verb in self.ambiguous:
                continue
            sided = True if near_party is None else near_party(start, span_end)
            if sided is False:
                continue
            only = verb.type == PHRASE_ONLY  # "send", "ship": an event only with its object
            kind, mode = self._phrase(verb.blocks, words, i, only) or (verb.type, verb.mode)
            # "sent a letter": a verb of no event of its own, unless the parse finds its phrase
            # where the next words do not ("troops were sent"): it waits for it, and names an
            # event only there (`EventFinder._phrased`)
            subtype = (mode or kind.lower()).replace("-", "_")
            out.append(
                Cue(
                    start,
                    span_end,
                    kind,
                    subtype,
                    mode,
                    LEXICON_RANK,
                    confirm=not sided,
                    nominal=nominal,
                    verb=verb,
                )
            )
        return out

    def _phrase(
        self, blocks: tuple[str, ...], words: list[str], i: int, only: bool = False
    ) -> tuple[str, str] | None:
        # four words after the verb, or its whole object where that is longer: up to the first
        # preposition other than "of" ("delivered a further batch of air defence missiles to")
        reach = 5
        while reach <= OBJECT_WORDS and i + reach < len(words):
            if words[i + reach] in self.prepositions and words[i + reach] != "of":
                break
            reach += 1
        after, before = words[i + 1 : i + reach], words[max(0, i - 3) : i]
        return matching(self.phrases, blocks, before, after, self.prepositions if only else None)

    def on_object(self, c: Cue, text: str, objects: list[str]) -> Cue | None:
        """A dictionary verb's cue with its phrases read on the verb's object and oblique as
        the parse gives them (`objects`, lower-cased, in text order) instead of the words that
        follow it; None where the verb names an event only through a phrase and none holds."""
        verb = c.verb
        if verb is None:
            return c
        before = [w.lower() for w in WORD.findall(text, max(0, c.start - 60), c.start)][-3:]
        only = self.prepositions if verb.type == PHRASE_ONLY else None
        kind, mode = matching(
            self.phrases, verb.blocks, before, objects, only, self.prepositions
        ) or (verb.type, verb.mode)
        if kind == PHRASE_ONLY:
            return None
        return replace(c, type=kind, subtype=(mode or kind.lower()).replace("-", "_"), mode=mode)

    def agent(self, text: str, start: int, end: int, last: bool) -> str | None:
        """The sector of the agent noun ("protesters", "the ministry") between start and end:
        the last one (an actor before its verb) or the first (a recipient after it)."""
        words = [m.group().lower() for m in WORD.finditer(text, start, end)]
        order = range(len(words) - 1, -1, -1) if last else range(len(words))
        for i in order:
            for n in (3, 2, 1):
                sectors = self.agents.get(" ".join(words[i : i + n]))
                if sectors and i + n <= len(words):
                    return sectors[0]
        return None

    def words(self, text: str, limit: int = 24) -> tuple[str, ...]:
        """The content words and figures of a sentence, which two reports of one happening
        tend to share: "countervailing", "soybeans", "42.7"."""
        found = re.findall(r"\d+(?:[.,]\d+)?|[A-Za-z][A-Za-z'’-]{3,}", text)
        out = dict.fromkeys(
            w.lower().replace("’", "'")
            for w in found
            if (w[0].isdigit() and len(w) > 1) or w.lower() not in self.function_words
        )
        return tuple(list(out)[:limit])


Words = tuple[list[str], list[int]]  # the words of a text, as written, and where each begins


def _read(text: str) -> Words:
    """The words of `text` and where each begins. Found as strings, which costs far less than
    a match object per word, and then placed: a word stands at the first place it is written
    after the word before, since no letter stands between two words."""
    words = WORD.findall(text)
    starts = []
    at = 0
    for word in words:
        at = text.find(word, at)
        starts.append(at)
        at += len(word)
    return words, starts


def select(cues: list[Cue], finder: CueFinder, text: str, clause_of: ClauseOf) -> list[Cue]:
    """The cues of one sentence that name events: negated ones and complements dropped, and
    of cues that overlap the longer (or a pattern over a dictionary verb) kept."""
    kept: list[Cue] = []
    for cue in sorted(cues, key=lambda c: (c.start, -(c.end - c.start), c.rank)):
        if finder.clause.negated(text, clause_of(cue)[0], cue):
            continue
        clash = next((k for k in kept if k.start < cue.end and cue.start < k.end), None)
        if clash is not None:
            if clash.type == cue.type:  # of one category, the more specific pattern
                if cue.rank < clash.rank:
                    kept[kept.index(clash)] = cue
                continue
            if _weight(cue) > _weight(clash):
                kept.remove(clash)
            else:
                continue
        kept.append(cue)
    heads = sorted(kept, key=lambda c: c.start)
    return [
        c
        for c in heads
        if not any(finder.clause.complement_of(text, h, c) for h in heads if h.start < c.start)
    ]


def _weight(cue: Cue) -> tuple[bool, bool, int]:
    return (cue.rank < LEXICON_RANK, cue.type != PHRASE_ONLY, cue.end - cue.start)
