"""Who acts on whom, from the dependency parse of one sentence.

The actor of an event is the agent of its word, the target its object or oblique:
- active and passive voice: "X expelled Y's envoy", "Y's envoy was expelled by X";
- a verb without a subject of its own takes the one it hangs from: "X refused to sign a pact
  with Y" (xcomp), "X met Y and signed ..." (conj), "sanctions that X imposed on Y" (relcl);
- reported speech: the pronoun subject of a reported clause stands for the speaker, "X said it
  would impose tariffs on Y";
- nominalisations: "X's recognition of Y", "the imposition of tariffs by X on Y", "U.S.
  sanctions against Y", and a noun that is the object of a verb takes that verb's subject ("X
  announced an embargo on Y");
- coordination comes with the phrase: "X and Z condemned Y" gives two actors.

The parser (and the encoder it needs) costs more than the entity recogniser, so it runs only on
the sentences the event finder asks for, in one batch per article (`prepare`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Token

from bilateral.extract.nlp import Parser

SUBJECTS = {"nsubj", "csubj"}
PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
OBJECTS = {"dobj", "dative", "iobj", "obj", "attr", "oprd"}
# the prepositions that introduce the party an event is done to, with or against
OBJECT_PREPOSITIONS = {
    "to", "with", "for", "on", "against", "into", "toward", "towards", "from", "over", "upon",
    "at",
}  # fmt: skip
# a verb of these relations has no subject of its own: it takes the one it hangs from
SHARED_SUBJECT = {"xcomp", "conj", "advcl", "pcomp", "acl"}
PRONOUNS = {"it", "they", "he", "she", "we", "i", "its", "their", "his", "her", "our"}
RELATIVE = {"who", "which", "that", "whom"}
# clauses inside a phrase that do not belong to its role: "China, which has long criticised
# Japan, ..." names Japan in a relative clause of the actor, not as an actor
CLAUSES = {"relcl", "acl", "advcl", "ccomp", "parataxis", "appos"}

Party = tuple[int, int, str]  # start, end (document offsets) and country


class Agency:
    def __init__(self, parser: Parser) -> None:
        self.parser = parser

    def prepare(self, text: str, sentences: Sequence[tuple[int, int]]) -> None:
        """Ask for the parses of these sentences of `text`, for the calls that will follow."""
        self.parser.want([text[s:e] for s, e in sentences])

    def sides(
        self,
        text: str,
        start: int,
        end: int,
        cue_start: int,
        parties: Sequence[Party],
        own_subject: bool = False,
    ) -> tuple[list[str], list[str]] | None:
        """(actors, targets) of the event whose word begins at `cue_start`, in the sentence
        text[start:end]; None when the parse names neither side among `parties`. A country
        may be on both sides ("Japanese police detained Japanese activists"). With
        `own_subject`, only a verb with a subject (or passive agent) of its own has sides: not
        a noun, nor a verb that borrows the subject of another ("agreed to ... allow")."""
        (doc,) = self.parser.parse([text[start:end]])
        cue = next((t for t in doc if t.idx + start >= cue_start), None)
        if cue is None:
            return None
        if own_subject and not (
            cue.tag_.startswith("VB") and any(c.dep_ in SUBJECTS | {"agent"} for c in cue.children)
        ):
            return None  # asked for a verb with a subject of its own: this is not one
        agents, patients = roles(cue)

        def inside(tokens: Iterable[Token]) -> list[str]:
            spans = [(t.idx + start, t.idx + start + len(t.text)) for t in tokens]
            return list(
                dict.fromkeys(
                    code
                    for p_start, p_end, code in parties
                    if any(s < p_end and p_start < e for s, e in spans)
                )
            )

        actors, targets = inside(agents), inside(patients)
        if not actors and not targets:
            return None
        return actors, targets  # one country on both sides: it acts on itself

    def main_verb(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """Where the main verb of the sentence text[start:end] stands, if it has one."""
        (doc,) = self.parser.parse([text[start:end]])
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        if root is None or not root.tag_.startswith("VB"):
            return None
        return start + root.idx, start + root.idx + len(root.text)

    def objects(self, text: str, start: int, end: int, cue_start: int) -> list[str] | None:
        """The words (lower-cased, in text order) of the object and oblique phrases of the verb
        at `cue_start` in the sentence text[start:end], where a dictionary phrase's object is
        looked for: its objects and attribute, its prepositional phrases, the objects of a
        complement without a subject of its own ("helped X build roads"), the subject of a
        passive ("troops were sent to ..."), the noun a relative clause stands on ("the
        sanctions that X imposed ..."), and the word that opens an adverbial clause ("would
        strike ... if"). None where the word there is no verb."""
        (doc,) = self.parser.parse([text[start:end]])
        verb = next((t for t in doc if t.idx + start >= cue_start), None)
        if verb is None or not verb.tag_.startswith("VB"):
            return None
        found: list[Token] = []
        for child in verb.children:
            if child.dep_ in OBJECTS | PASSIVE_SUBJECTS | {"prep", "prt"}:
                found += _phrase(child)
            elif child.dep_ == "xcomp":
                found += [w for c in child.children if c.dep_ in OBJECTS for w in _phrase(c)]
            elif child.dep_ == "advcl":  # "would strike ... if": the clause's marker alone
                found += [c for c in child.children if c.dep_ == "mark"]
        if verb.dep_ == "relcl":
            found += _phrase(verb.head)
        return [t.lower_ for t in sorted(set(found), key=lambda t: t.i)]


def roles(cue: Token) -> tuple[list[Token], list[Token]]:
    """The words of the agent and of the patient of the event whose word is `cue`."""
    # the tagger runs without the attribute ruler, so words have tags (NN, VBD) but no `pos_`
    if cue.tag_.startswith("NN") and cue.dep_ not in ("compound",):
        agents, patients = _nominal(cue)
        if agents or cue.dep_ not in ("dobj", "obj", "nsubjpass", "pobj"):
            return agents, patients
        # "X imposed sanctions on Y", "X announced an embargo on Y": the verb's subject acts
        verb = cue.head if cue.dep_ != "pobj" else cue.head.head
        more_agents, more_patients = _verbal(verb)
        return more_agents, patients + [t for t in more_patients if t not in _phrase(cue)]
    verb = cue
    while not verb.tag_.startswith(("VB", "MD")) and verb.dep_ in ("compound", "prt", "advmod"):
        if verb.head is verb:
            break
        verb = verb.head
    return _verbal(verb)


def _verbal(verb: Token) -> tuple[list[Token], list[Token]]:
    agents: list[Token] = []
    patients: list[Token] = []
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            agents += _subject(child, verb)
        elif child.dep_ in PASSIVE_SUBJECTS:
            patients += _phrase(child)
        elif child.dep_ == "agent":
            agents += _objects(child)
        elif child.dep_ in OBJECTS:
            patients += _phrase(child)
        elif child.dep_ == "prep" and child.lower_ in OBJECT_PREPOSITIONS:
            patients += _objects(child)
    if not agents:
        agents = _inherited_subject(verb)
    return agents, patients


def _nominal(noun: Token) -> tuple[list[Token], list[Token]]:
    """ "X's recognition of Y", "the imposition of tariffs by X on Y", "U.S. sanctions against
    Y", "a Chinese ban on Y's beef"."""
    agents: list[Token] = []
    patients: list[Token] = []
    of: list[Token] = []
    for child in noun.children:
        if child.dep_ == "poss" or (
            child.dep_ in ("compound", "amod", "nmod") and child.i < noun.i
        ):
            agents += _phrase(child)
        elif child.dep_ == "prep" and child.lower_ in ("by", "from"):
            # "a request from X", "aid from X": with a noun, "from" names who gives or asks
            agents += _objects(child)
        elif child.dep_ == "prep" and child.lower_ == "of":
            of += _objects(child)
        elif child.dep_ == "prep" and child.lower_ in OBJECT_PREPOSITIONS:
            patients += _objects(child)
    # "the expulsion of Y's diplomats by X": with an agent named, "of" names the patient;
    # without one, "the visit of X" names the agent
    if agents:
        patients += of
    else:
        agents = of
    return agents, patients


def _subject(subject: Token, verb: Token) -> list[Token]:
    if subject.lower_ in RELATIVE and verb.dep_ == "relcl":
        return _phrase(verb.head)  # "China, which imposed ...": the noun it stands for
    if subject.lower_ in PRONOUNS:
        # "X said it would impose ...": the subject of the clause that reports this one
        return _reporter(verb) or [subject]
    return _phrase(subject)


def _reporter(verb: Token) -> list[Token]:
    clause = verb
    for _ in range(4):
        if clause.head is clause:
            return []
        clause = clause.head
        found = [c for c in clause.children if c.dep_ in SUBJECTS and c.lower_ not in PRONOUNS]
        if found:
            return _phrase(found[0])
    return []


def _inherited_subject(verb: Token) -> list[Token]:
    """A verb with no subject of its own takes the subject of the verb it hangs from:
    "refused to sign" (xcomp), "... and signed" (conj), "sanctions that X imposed" (relcl with
    the noun as object), "after imposing" (advcl/pcomp)."""
    here = verb
    for _ in range(5):
        if here.dep_ == "relcl":
            return []
        if here.dep_ not in SHARED_SUBJECT and not (here.dep_ == "pobj" or here.dep_ == "prep"):
            return []
        if here.head is here:
            return []
        here = here.head
        found = [c for c in here.children if c.dep_ in SUBJECTS]
        if found:
            return _subject(found[0], here)
        passive = [c for c in here.children if c.dep_ == "agent"]
        if passive:
            return [w for a in passive for w in _objects(a)]
    return []


def _objects(prep: Token) -> list[Token]:
    """The words of the objects of a preposition ("by X", "on Y and Z")."""
    return [w for c in prep.children if c.dep_ == "pobj" for w in _phrase(c)]


def _phrase(head: Token) -> list[Token]:
    """The words of the phrase of `head`, without the clauses inside it."""
    out = [head]
    todo = [c for c in head.children if c.dep_ not in CLAUSES]
    while todo:
        t = todo.pop()
        out.append(t)
        todo += [c for c in t.children if c.dep_ not in CLAUSES]
    return out
