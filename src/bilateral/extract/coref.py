"""Within one article: which name spans speak of the same thing ("Lee Hsien-loong" ... "Lee")."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz

from bilateral import data
from bilateral.extract.candidates import Candidate
from bilateral.extract.known import known_person
from bilateral.extract.lexicon import Lexicon
from bilateral.model import ENTITY_TYPES, ArticleEntities, LocalEntity, Mention, content_id
from bilateral.naming import fold, strip_decoration, tidy, words

_TYPE_ORDER = {
    t: i for i, t in enumerate(("PERSON", "ORG", "GPE", "FAC", "LOC", "NORP", "EVENT", "PRODUCT"))
}


def _group_key(c: Candidate, text: str, lex: Lexicon) -> tuple[str, ...]:
    span = text[c.start : c.end]
    if c.label == "GPE":  # only a place is keyed by its place: no other is looked up
        place = lex.gazetteer.places.get(span) or lex.gazetteer.places.get(span.title())
        if place is not None:
            return ("place", place.name)
    if c.label == "NORP" and c.country:
        return ("norp", c.country)
    if c.source == "institution" and c.country:
        found = lex.institution.match(span)
        head = found.group("head") + (found.group("field") or "") if found else span
        return ("institution", fold(head), c.country)
    return ("name", fold(span))


def _similar(a: str, b: str) -> bool:
    # 80 lets one slipped letter through in a surname of six or more ("Toqayey"), not more.
    return a == b or (min(len(a), len(b)) >= 6 and fuzz.ratio(a, b) >= 80)


def _group_people(people: list[Candidate], text: str) -> list[list[Candidate]]:
    """Full names first, then each one-word mention joins the full name it most likely
    shortens: the nearest one before it that contains the word, else any in the article."""
    groups: list[list[Candidate]] = []
    singles = []
    for c in people:
        if len(words(text[c.start : c.end])) < 2:
            singles.append(c)
            continue
        key = fold(text[c.start : c.end])
        home = next((g for g in groups if _similar(fold(text[g[0].start : g[0].end]), key)), None)
        if home is None:
            groups.append([c])
        else:
            home.append(c)
    folded: dict[tuple[int, int], list[str]] = {}  # the folded words of each full name, once

    def words_of(m: Candidate) -> list[str]:
        span = (m.start, m.end)
        if span not in folded:
            folded[span] = [fold(w) for w in words(text[m.start : m.end])]
        return folded[span]

    for c in singles:
        key = fold(text[c.start : c.end])
        matches = [g for g in groups if any(_similar(w, key) for m in g for w in words_of(m))]
        if not matches:
            home = next((g for g in groups if fold(text[g[0].start : g[0].end]) == key), None)
            if home is None:
                groups.append([c])
            else:
                home.append(c)
            continue
        before = [g for g in matches if g[0].start < c.start]
        best = (
            max(before, key=lambda g: max(m.start for m in g if m.start < c.start))
            if before
            else matches[0]
        )
        best.append(c)
    return groups


def _roles(cands: list[Candidate]) -> tuple[str, ...]:
    found: list[str] = []
    for c in cands:
        for role in c.roles:
            if role not in found:
                found.append(role)
    # "President" says less than "President of Chile": keep only the fullest of a family.
    return tuple(r for r in found if not any(o != r and o.startswith(r + " ") for o in found))


def _name(group: list[Candidate], text: str, key: tuple[str, ...]) -> str:
    if key[0] == "place":
        return key[1]
    if len(group) == 1:  # one mention: its form is the name, nothing to weigh
        return tidy(strip_decoration(text[group[0].start : group[0].end]))
    forms = _tally(tidy(strip_decoration(text[c.start : c.end])) for c in group)
    return max(forms, key=lambda f: (len(words(f)), not f.isupper(), forms[f], len(f)))


def _tally(items: Iterable[str]) -> dict[str, int]:
    """What Counter counts, in the same order (of first sight), for a few items: building a
    Counter costs more than counting two or three."""
    counts: dict[str, int] = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return counts


_FUNCTION_WORDS = {"of", "and", "the", "for", "on", "in", "to", "&"}


def _initials(name: str) -> str:
    return "".join(w[0] for w in words(name) if w.lower() not in _FUNCTION_WORDS).upper()


def _join_acronyms(keyed: dict[tuple[str, ...], list[Candidate]], text: str) -> None:
    """ "MITI" is the "Ministry of International Trade and Industry" the article names: an
    acronym joins the one name of the article whose initials spell it."""
    acronyms = [
        (key, span)
        for key, group in keyed.items()
        if key[0] == "name"
        and 2 <= len(span := text[group[0].start : group[0].end]) <= 6
        and span.isupper()
        and span.isalpha()
    ]
    # the initials of the article's names, spelled out only where it writes an acronym
    names: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    if acronyms:
        for key, group in keyed.items():
            span = text[group[0].start : group[0].end]
            if key[0] == "name" and len(words(span)) >= 2:
                names[_initials(span)].append(key)
    # each acronym's group keeps its first mention (a group only ever joins a full name's)
    for key, span in acronyms:
        full = names.get(span, [])
        if len(full) == 1 and full[0] in keyed:
            keyed[full[0]].extend(keyed.pop(key))
    legal = data.legal_forms()
    for key in list(keyed):
        mentions = keyed.get(key)
        if not mentions or key[0] != "name":
            continue
        span = text[mentions[0].start : mentions[0].end]
        if span.split()[-1] in legal:
            short = ("name", fold(" ".join(span.split()[:-1])))
            if short in keyed and short != key:
                keyed[key].extend(keyed.pop(short))  # "Acme and Sons" is "Acme and Sons Ltd"


def _known_country(name: str) -> str | None:
    person = known_person(name)
    return person.country if person else None


def resolve_in_article(
    doc_id: str, text: str, cands: list[Candidate], lex: Lexicon
) -> ArticleEntities:
    kept = [c for c in cands if c.label in ENTITY_TYPES]
    groups = _group_people([c for c in kept if c.label == "PERSON"], text)
    keyed: dict[tuple[str, ...], list[Candidate]] = defaultdict(list)
    for c in kept:
        if c.label != "PERSON":
            keyed[_group_key(c, text, lex)].append(c)
    _join_acronyms(keyed, text)
    for group in groups:
        keyed[("person", fold(_name(group, text, ("name",))))].extend(group)
    entities, mentions = [], []
    for key, group in keyed.items():
        if len(group) == 1:  # most names are mentioned once: their own type, no vote
            label = group[0].label
        else:
            votes = _tally(c.label for c in group)
            label = min(votes, key=lambda t: (-votes[t], _TYPE_ORDER.get(t, 99)))
        local_id = content_id("l", doc_id, *key)
        name = _name(group, text, key)
        forms = (
            (tidy(text[group[0].start : group[0].end]),)
            if len(group) == 1
            else tuple(dict.fromkeys(tidy(text[c.start : c.end]) for c in group))
        )
        entities.append(
            LocalEntity(
                id=local_id,
                doc_id=doc_id,
                type=label,
                name=name,
                country=next((c.country for c in group if c.country), None)
                or (_known_country(name) if label == "PERSON" else None),
                roles=_roles(group),
                forms=forms,
            )
        )
        # a name mentioned once needs no sorting
        for c in group if len(group) == 1 else sorted(group, key=lambda c: c.start):
            mentions.append(Mention(doc_id, c.start, c.end, text[c.start : c.end], label, local_id))
    mentions.sort(key=lambda m: m.start)
    return ArticleEntities(doc_id, tuple(entities), tuple(mentions))
