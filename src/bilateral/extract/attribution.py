"""Who said it: a quote's or a figure's speaker, resolved to a person or organisation of the
article.

The words around a quote or in a sentence name the speaker in a few ways: a name ("Ana
Gervasi said"), a pronoun ("he said"), a role ("the ambassador noted", "Peruvian president
said"), an organisation ("the council said"), "according to ...", or a source ("The Lima Times
reported"). The subject of the speech verb comes from the dependency parse where one is given,
else from the words next to the verb. A name resolves to its mention; a pronoun to the latest
person who spoke or was the subject before, whichever is nearer; a role to the latest person
holding it. An unnamed source ("an official said", "they said") is nobody: never a guess.
"""

from __future__ import annotations

import re

from bilateral.extract.roles import ROLE_NOUNS, holds
from bilateral.extract.speech import (
    NOBODY,
    SENTENCE_END,
    Person,
    PersonMention,
    Speaker,
    introduced_unnamed,
    named_as_subject,
    patterns,
)
from bilateral.extract.subjects import Subject, SubjectFinder


class Attributor:
    def __init__(
        self,
        text: str,
        people: list[PersonMention],
        sources: list[tuple[int, int, str]],
        demonyms: dict[str, str],
        quoted: list[tuple[int, int]],
        paragraphs: list[tuple[int, int]] | None = None,
        subjects: SubjectFinder | None = None,
        sentences: list[tuple[int, int]] | None = None,
    ) -> None:
        self.text = text
        self.paragraphs = paragraphs or [(0, len(text))]
        self.spoken: list[tuple[int, Speaker]] = []  # (where, who) of each attributed quote
        self.people = sorted(people, key=lambda m: m.start)
        self.sources = sources  # organisations that can speak or report, with their ids
        self.demonyms = demonyms
        self.quoted = quoted
        self.subjects = subjects
        self.sentences = sentences or []
        self.verb, self.according, self.role, self.pronoun, self.person_nouns = patterns()
        # the speech verbs outside quotes of each stretch asked about: a sentence with several
        # figures, or a quote's frame, is asked about more than once
        self._verbs: dict[tuple[int, int], list[re.Match[str]]] = {}

    def _inside_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quoted)

    def _mention_in(self, start: int, end: int, last: bool = False) -> PersonMention | None:
        """A person named in text[start:end], or whose name runs into it (a window cut before
        "Abdul- Qasim Rahman said" still finds him); with `last`, the one nearest the end."""
        inside = [m for m in self.people if m.end > start and m.start < end]
        if not inside:
            return None
        return inside[-1] if last else inside[0]

    def _last_speaker(self, before: int) -> tuple[int, Speaker] | None:
        earlier = [(w, who) for w, who in self.spoken if w < before and who.local_id]
        return earlier[-1] if earlier else None

    def _paragraph_start(self, pos: int) -> int:
        return next((s for s, e in self.paragraphs if s <= pos < e), 0)

    def sentence_start(self, pos: int) -> int:
        for s, e in self.sentences:
            if s <= pos < e:
                return s
        para = self._paragraph_start(pos)
        stop = re.compile(r"[.!?](?=\s+[\"“A-Z])")
        found = [m.end() for m in stop.finditer(self.text, para, pos)]
        return max([para, *found])

    def _antecedent(self, before: int) -> Speaker | None:
        """The person a "he" at `before` refers to: the latest person named as the subject of
        a clause or the latest speaker, whichever is nearer; a subject only within 1500
        characters."""
        subjects = [m for m in self.people if m.end <= before and self._subject(m)]
        last = self._last_speaker(before)
        subject = subjects[-1] if subjects else None
        if subject and last and last[0] > subject.start:
            return last[1]
        near = subject and before - subject.end <= 1500
        if subject and (near or self._paragraph_start(before) <= subject.start):
            return Speaker(subject.person.local_id, self.text[subject.start : subject.end])
        return last[1] if last else None

    def _subject(self, m: PersonMention) -> bool:
        return not self._inside_quote(m.start) and named_as_subject(self.text, m.start)

    def _introduced_unnamed(self, noun: str, before: int) -> int:
        return introduced_unnamed(self.text, noun, before, {m.end for m in self.people})

    def _holder(
        self, role: str, demonym: str | None, before: int, modifiers: tuple[str, ...] = ()
    ) -> Speaker | None:
        role = role.lower()
        country = self.demonyms.get(demonym) if demonym else None
        last_unnamed = self._introduced_unnamed(role, before)
        for want in (modifiers, ()):
            for m in reversed([m for m in self.people if m.start < before]):
                if m.start < last_unnamed:
                    break
                if holds(m.person.roles, role, want) and (
                    country is None or m.person.country in (None, country)
                ):
                    return Speaker(m.person.local_id, self.text[m.start : m.end])
        if last_unnamed >= 0:
            return Speaker(None, NOBODY)  # "a spokesman said ... the spokesman added"
        last = self._last_speaker(before)
        if last and country is None:
            return last[1]
        for m in self.people:  # named only later: "the ambassador noted ... Ambassador X said"
            fits = country is None or m.person.country in (None, country)
            if m.start >= before and holds(m.person.roles, role, ()) and fits:
                return Speaker(m.person.local_id, self.text[m.start : m.end])
        return None

    def _organisation(self, start: int, end: int) -> Speaker | None:
        for s, e, local_id in self.sources:
            if s < end and e > start:
                return Speaker(local_id, self.text[s:e])
        return None

    def _described(self, noun: str, before: int) -> Speaker | None:
        """ "the council said": the latest organisation of the article whose name ends in the
        noun ("Atlantic Council")."""
        for s, e, local_id in reversed([o for o in self.sources if o[1] <= before]):
            if self.text[s:e].split()[-1].lower() == noun.lower():
                return Speaker(local_id, self.text[s:e])
        return None

    def _from_subject(self, subject: Subject) -> Speaker | None:
        """The speaker a parsed subject names; NOBODY for an unnamed one, None when unknown."""
        s, e = subject.head_start, subject.head_end
        word = self.text[s:e]
        mention = self._mention_in(s, e)
        if mention is not None:
            return Speaker(mention.person.local_id, self.text[mention.start : mention.end])
        org = self._organisation(s, e)
        if org is not None:
            return org
        if subject.pronoun:
            if word.lower() in ("he", "she"):
                return self._antecedent(s) or Speaker(None, NOBODY)
            return Speaker(None, NOBODY)  # "they", "we": a group the article does not name
        phrase = self.text[subject.start : subject.end]
        if subject.indefinite or subject.plural:
            return Speaker(None, NOBODY)
        lower = word.lower()
        compound = " ".join([*subject.modifiers[-1:], lower])
        role = compound if compound in ROLE_NOUNS else lower
        if role in ROLE_NOUNS:
            dem = next((m for m in phrase.split() if m in self.demonyms), None)
            mods = tuple(
                m
                for m in subject.modifiers
                if m.capitalize() not in self.demonyms and m not in role.split()
            )
            return self._holder(role, dem, s, mods) or Speaker(None, NOBODY)
        if lower in self.person_nouns:  # "the California Republican said"
            if self._introduced_unnamed(lower, s) >= 0:
                return Speaker(None, NOBODY)  # "a farmer said ... the farmer added"
            return self._antecedent(s) or Speaker(None, NOBODY)
        if word[:1].islower():
            described = self._described(word, s)
            return described or Speaker(None, NOBODY)
        return Speaker(None, re.sub(r"^(?:the|The)\s+", "", phrase))  # "Xinhua said"

    def by_parse(
        self, start: int, end: int, verb_at: int, skip: tuple[int, int] | None = None
    ) -> Speaker | None:
        if self.subjects is None:
            return None
        found = [
            f
            for subject in self.subjects.subjects(self.text, start, end, verb_at, skip)
            if (f := self._from_subject(subject)) is not None
        ]
        # "commented Ontario Premier X": of two subjects, the one that is somebody
        return next((f for f in found if f.local_id), found[0] if found else None)

    def subject_of_sentence(self, q_start: int, start: int, end: int) -> Speaker | None:
        """A quoted phrase in a sentence that has no speech verb ("X called it “a new era”")
        is the words of the sentence's subject, when that is a person of the article."""
        if self.subjects is None:
            return None
        for subject in self.subjects.subjects(self.text, start, end, None):
            if subject.head_start < q_start:
                found = self._from_subject(subject)
                if found and found.local_id:
                    return found
        return None

    def near_verb(self, start: int, end: int, last: bool = False) -> Speaker | None:
        """The speaker next to a speech verb of text[start:end] (the first one, or with
        `last` the one nearest the end): its subject before it ("Ana Gervasi said", "he
        added", "the ambassador noted", "Trend reports") or, inverted, after it ("noted
        President Moon", "did he declare")."""
        verb = self._speech_verb(start, end, last)
        if verb is None:
            return None
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
        for s, e, local_id in self.sources:
            if s >= start and e <= end:
                return Speaker(local_id, self.text[s:e])
        if self.pronoun.search(span):
            return self._antecedent(start)
        return None

    def _speech_verb(self, start: int, end: int, last: bool) -> re.Match[str] | None:
        verbs = self._verbs.get((start, end))
        if verbs is None:
            verbs = self._verbs[start, end] = [
                v
                for v in self.verb.finditer(self.text, start, end)
                if not self._inside_quote(v.start())
            ]
        return (verbs[-1] if last else verbs[0]) if verbs else None

    def _sentence_of_quote(
        self, q_start: int, q_end: int, para_start: int, para_end: int
    ) -> tuple[int, int]:
        after = self.text[q_end:para_end]
        lead = re.match(r"[\s,.;:!?”\"’]*", after)
        skip = lead.end() if lead else 0
        stop = SENTENCE_END.search(after[skip:])
        after_end = q_end + skip + (stop.start() if stop else len(after) - skip)
        return max(para_start, self.sentence_start(q_start)), after_end

    def prepare(self, quotes: list[tuple[int, int, int, int]]) -> None:
        """Ask for the parses the quotes' speakers will need (the sentences of quotes that a
        speech verb frames, and of phrases quoted mid-sentence with nothing to frame them), to
        be parsed in one batch: the parser works faster on many sentences at once than on each
        alone. One asked for in vain costs only its parse; one missed is parsed alone when
        needed, so the speakers found never depend on this."""
        if self.subjects is None:
            return
        frames: list[tuple[int, int, tuple[int, int] | None]] = []
        for q_start, q_end, para_start, para_end in quotes:
            start, end = self._sentence_of_quote(q_start, q_end, para_start, para_end)
            for frame, last in (((q_end, end), False), ((start, q_start), True)):
                if self.according.search(self.text, *frame):
                    break
                verb = self._speech_verb(*frame, last=last)
                if verb is None:
                    continue
                if not self._adjacent(frame[0], verb):
                    frames.append((start, max(end, q_end), (q_start, q_end)))
                break
            else:
                # nothing around it attributes the quote: a phrase quoted mid-sentence takes
                # the sentence's subject (`subject_of_sentence`)
                if self.text[start:q_start].strip(" “\"‘'"):
                    frames.append((start, max(end, q_end), None))
        self.subjects.prepare(self.text, frames)

    def _adjacent(self, frame_start: int, verb: re.Match[str]) -> bool:
        """The plain cases the parse is not needed for: a name or "he" right before the verb
        and nothing else between the quote and it (“...,” Ana Ruiz said), or a name right
        after it (“...,” said Ana Ruiz)."""
        left = self.text[frame_start : verb.start()]
        lead = len(left) - len(left.lstrip(' ,.;:!?”"’“‘'))
        start, end = frame_start + lead, frame_start + len(left.rstrip())
        if start == end:
            after = verb.end() + 1
            return any(m.start == after for m in self.people)
        if self.text[start:end].lower() in ("he", "she"):
            return True
        return any(m.start == start and m.end == end for m in self.people)

    def _adjacent_speaker(self, frame_start: int, verb: re.Match[str]) -> Speaker | None:
        if not self._adjacent(frame_start, verb):
            return None
        left = self.text[frame_start : verb.start()].strip(' ,.;:!?”"’“‘')
        if left.lower() in ("he", "she"):
            return self._antecedent(verb.start()) or Speaker(None, NOBODY)
        return self.resolve(frame_start, verb.end() + 60)

    def speaker_of_quote(
        self, q_start: int, q_end: int, para_start: int, para_end: int
    ) -> Speaker | None:
        """The frame is the rest of the quote's sentence: after the quote first, then before."""
        before_start, after_end = self._sentence_of_quote(q_start, q_end, para_start, para_end)
        for frame, nearest_last in (((q_end, after_end), False), ((before_start, q_start), True)):
            words = self.text[frame[0] : frame[1]]
            according = self.according.search(words)
            found: Speaker | None = None
            if according:
                found = self.resolve(
                    frame[0] + according.start("who"), frame[0] + according.end("who")
                )
            elif verb := self._speech_verb(*frame, last=nearest_last):
                found = self._adjacent_speaker(frame[0], verb) or self.by_parse(
                    before_start, max(after_end, q_end), verb.start(), (q_start, q_end)
                )
                found = found or self.near_verb(*frame, last=nearest_last)
            if found:
                if found.local_id:
                    self.spoken.append((q_start, found))
                return found
        if self.text[before_start:q_start].strip(" “\"‘'"):  # a phrase quoted mid-sentence
            found = self.subject_of_sentence(q_start, before_start, max(after_end, q_end))
            if found:
                self.spoken.append((q_start, found))
                return found
        return None

    def speaker_of_sentence(self, start: int, end: int) -> Speaker | None:
        """For a figure: "according to X" or "X said" outside quotes in its sentence."""
        found, verb_at = self._by_words(start, end)
        if verb_at is not None:
            found = self.by_parse(start, end, verb_at)
        return found if found and found.named else None

    def prepare_sentences(self, sentences: list[tuple[int, int]]) -> None:
        """Ask for the parses that `speaker_of_sentence` will need for these sentences, so that
        they are parsed in the batch's one go rather than one at a time."""
        if self.subjects is None:
            return
        frames: list[tuple[int, int, tuple[int, int] | None]] = [
            (start, end, None)
            for start, end in sentences
            if self._by_words(start, end)[1] is not None
        ]
        self.subjects.prepare(self.text, frames)

    def _by_words(self, start: int, end: int) -> tuple[Speaker | None, int | None]:
        """The speaker of a figure's sentence found from its words alone, or where the speech
        verb stands whose subject the parse must find instead."""
        sentence = self.text[start:end]
        according = self.according.search(sentence)
        if according:
            who_start = start + according.start("who")
            found = self.resolve(who_start, start + according.end("who"))
            if found:
                return found, None
            return Speaker(None, according.group("who").strip()), None
        verb = self._speech_verb(start, end, last=False)
        if verb is None:
            return self._continued_speech(start), None
        # figures are many: the parse only where the words next to the verb name nobody and a
        # person named before the verb may be its subject ("X, who heads ..., said")
        found = self.near_verb(start, end)
        if found is None and self._mention_in(start, verb.start()) is not None:
            return None, verb.start()
        return found, None

    def _continued_speech(self, start: int) -> Speaker | None:
        """A figure in a sentence that attributes nothing, right after a sentence of the same
        paragraph in which a person of the article said something: the report goes on in
        that person's words ("X said ties had deepened. Trade rose 20 percent.")."""
        previous = next((s for s, e in reversed(self.sentences) if e <= start), None)
        if previous is None or self._paragraph_start(previous) != self._paragraph_start(start):
            return None
        between = self.text[previous:start]
        if self.according.search(between) is None and self._speech_verb(previous, start, False):
            found = self.speaker_of_sentence(previous, start)
            if found is not None and found.local_id:
                return found
        return None


__all__ = ["NOBODY", "Attributor", "Person", "PersonMention", "Speaker"]
