"""Who said it: a quote's or a figure's speaker, resolved to a person of the article.

The words around a quote or in a sentence name the speaker in a few ways: a name ("Ana
Gervasi said"), a pronoun ("he said"), a role ("the ambassador noted", "Peruvian president
said"), "according to ...", or a source ("The Lima Times reported", "data from the Chilean
side"). A name resolves to its mention; a pronoun to the latest person who spoke or was the
subject before; a role to the latest person holding it. Nothing found: no speaker, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bilateral import data

# Words that name a role in place of a person, and the role words they stand for.
ROLE_NOUNS = {
    "ambassador": ("Ambassador", "Envoy"),
    "envoy": ("Ambassador", "Envoy"),
    "diplomat": ("Ambassador", "Envoy", "Consul"),
    "president": ("President",),
    "head of state": ("President", "King", "Emir", "Head of State"),
    "leader": ("President", "Prime Minister", "King", "Chancellor"),
    "prime minister": ("Prime Minister",),
    "premier": ("Prime Minister",),
    "minister": ("Minister",),
    "foreign minister": ("Minister of Foreign Affairs",),
    "governor": ("Governor",),
    "mayor": ("Mayor",),
    "senator": ("Senator",),
    "chairman": ("Chairman", "Chair"),
    "spokesman": ("Spokesperson",),
    "spokeswoman": ("Spokesperson",),
    "consul": ("Consul",),
}


@dataclass(frozen=True)
class Person:
    local_id: str
    name: str
    roles: tuple[str, ...]
    country: str | None


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    person: Person


@dataclass(frozen=True)
class Speaker:
    local_id: str | None  # a person of the article, or None for a named source
    text: str  # the words that named the speaker


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


class Attributor:
    def __init__(
        self,
        text: str,
        people: list[PersonMention],
        sources: list[tuple[int, int]],
        demonyms: dict[str, str],
        quoted: list[tuple[int, int]],
        paragraphs: list[tuple[int, int]] | None = None,
    ) -> None:
        self.text = text
        self.paragraphs = paragraphs or [(0, len(text))]
        self.spoken: list[tuple[int, Speaker]] = []  # (where, who) of each attributed quote
        self.people = sorted(people, key=lambda m: m.start)
        self.sources = sources  # organisations that can report (outlets, agencies)
        self.demonyms = demonyms
        self.quoted = quoted
        words = data.speech()
        verbs = _alt([w for w, k in words.items() if k == "verb"])
        roles = _alt(list(ROLE_NOUNS))
        self.verb = re.compile(rf"\b(?:{verbs})\b", re.IGNORECASE)
        self.according = re.compile(r"\baccording to\s+(?P<who>[^,.;:“”\"]{2,80})", re.IGNORECASE)
        self.role = re.compile(
            rf"\b(?:the\s+)?(?:(?P<dem>[A-Z][a-z]+)\s+)?(?P<role>{roles})\b", re.IGNORECASE
        )
        self.pronoun = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)

    def _inside_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quoted)

    def _mention_in(self, start: int, end: int, last: bool = False) -> PersonMention | None:
        """A person named in text[start:end], or whose name runs into it (a window cut before
        "Abdul- Qasim Rahman said" still finds him); with `last`, the one nearest the end."""
        inside = [m for m in self.people if m.end > start and m.start < end]
        if not inside:
            return None
        return inside[-1] if last else inside[0]

    def _last_speaker(self, before: int) -> Speaker | None:
        earlier = [who for where, who in self.spoken if where < before and who.local_id]
        return earlier[-1] if earlier else None

    def _paragraph_start(self, pos: int) -> int:
        return next((s for s, e in self.paragraphs if s <= pos < e), 0)

    def _antecedent(self, before: int) -> Speaker | None:
        """The person a "he" at `before` refers to: a person named earlier in the same paragraph
        as the subject of a clause; else whoever spoke last (in an interview, the interviewee);
        else the latest person named as a subject before."""
        para = self._paragraph_start(before)
        subjects = [m for m in self.people if m.end <= before and self._subject(m)]
        same = [m for m in subjects if m.start >= para]
        if same:
            return Speaker(same[-1].person.local_id, self.text[same[-1].start : same[-1].end])
        last = self._last_speaker(before)
        if last:
            return last
        if subjects and before - subjects[-1].end <= 1500:
            return Speaker(
                subjects[-1].person.local_id, self.text[subjects[-1].start : subjects[-1].end]
            )
        return None

    def _subject(self, m: PersonMention) -> bool:
        """Named outside a quote and not as the object of a preposition."""
        if self._inside_quote(m.start):
            return False
        lead = self.text[max(0, m.start - 24) : m.start]
        return not re.search(
            r"\b(?:of|with|to|by|from|for|and|between|on|at|in)\s+(?:[A-Z][\w.]*\s+){0,2}$", lead
        )

    def _holder(self, role: str, demonym: str | None, before: int) -> Speaker | None:
        wanted = ROLE_NOUNS[role.lower()]
        country = self.demonyms.get(demonym) if demonym else None
        for m in reversed([m for m in self.people if m.start < before]):
            roles = m.person.roles
            if any(w in r for r in roles for w in wanted) and (
                country is None or m.person.country in (None, country)
            ):
                return Speaker(m.person.local_id, self.text[m.start : m.end])
        last = self._last_speaker(before)
        if last and country is None:
            return last
        for m in self.people:  # named only later: "the ambassador noted ... Ambassador X said"
            holds = any(w in r for r in m.person.roles for w in wanted)
            fits = country is None or m.person.country in (None, country)
            if m.start >= before and holds and fits:
                return Speaker(m.person.local_id, self.text[m.start : m.end])
        return None

    def near_verb(self, start: int, end: int, last: bool = False) -> Speaker | None:
        """The speaker next to a speech verb of text[start:end] (the first one, or with
        `last` the one nearest the end): its subject before it ("Ana Gervasi said", "he
        added", "the ambassador noted", "Trend reports") or, inverted, after it ("noted
        President Moon", "did he declare")."""
        verbs = list(self.verb.finditer(self.text, start, end))
        if not verbs:
            return None
        verb = verbs[-1] if last else verbs[0]
        left_start = max(start, verb.start() - 70)
        cut = max(self.text.rfind(ch, left_start, verb.start()) for ch in ',;“”"')
        left = (max(left_start, cut + 1), verb.start())
        right = (verb.end(), min(end, verb.end() + 50))
        for span, nearest_end in ((left, True), (right, False)):
            found = self.resolve(*span, last=nearest_end)
            if found:
                return found
        named = re.search(r"(?:^|\s)((?:[A-Z][\w&.-]*\s){1,4})$", self.text[left[0] : left[1]])
        if named and named.group(1).split()[0] not in ("The", "This", "It", "They", "We", "I"):
            return Speaker(None, named.group(1).strip())  # "Trend reports", "Xinhua said"
        return None

    def resolve(self, start: int, end: int, last: bool = False) -> Speaker | None:
        """The speaker named in text[start:end] (words around a quote, or a sentence)."""
        mention = self._mention_in(start, end, last)
        if mention is not None:
            return Speaker(mention.person.local_id, self.text[mention.start : mention.end])
        span = self.text[start:end]
        role = self.role.search(span)
        if role:
            return self._holder(role.group("role"), role.group("dem"), start)
        for s, e in self.sources:
            if s >= start and e <= end:
                return Speaker(None, self.text[s:e])
        if self.pronoun.search(span):
            return self._antecedent(start)
        return None

    def speaker_of_quote(
        self, q_start: int, q_end: int, para_start: int, para_end: int
    ) -> Speaker | None:
        """The frame is the rest of the quote's sentence: after the quote first, then before."""
        after = self.text[q_end:para_end]
        lead = re.match(r"[\s,.;:!?”\"’]*", after)
        skip = lead.end() if lead else 0
        stop = re.search(r"[.!?](?:\s|$)|[“\"]", after[skip:])
        after_end = q_end + skip + (stop.start() if stop else len(after) - skip)
        before_start = max(para_start, self.text.rfind(".", para_start, q_start) + 1)
        for frame, nearest_last in (((q_end, after_end), False), ((before_start, q_start), True)):
            words = self.text[frame[0] : frame[1]]
            according = self.according.search(words)
            if according or self.verb.search(words):
                found = (
                    self.resolve(frame[0] + according.start("who"), frame[0] + according.end("who"))
                    if according
                    else self.near_verb(*frame, last=nearest_last)
                )
                if found:
                    self.spoken.append((q_start, found))
                    return found
        return None

    def speaker_of_sentence(self, start: int, end: int) -> Speaker | None:
        """For a figure: "according to X" or "X said" outside quotes in its sentence."""
        sentence = self.text[start:end]
        according = self.according.search(sentence)
        if according:
            who_start = start + according.start("who")
            found = self.resolve(who_start, start + according.end("who"))
            if found:
                return found
            return Speaker(None, according.group("who").strip())
        return self.near_verb(start, end)
