"""Across articles: one canonical entity per real thing, whatever its spelling in each article."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from rapidfuzz import fuzz

from bilateral import data
from bilateral.model import Entity, LocalEntity, Tally, content_id
from bilateral.naming import fold, sound_key, words

_TYPE_ORDER = {
    t: i for i, t in enumerate(("PERSON", "ORG", "GPE", "FAC", "LOC", "NORP", "EVENT", "PRODUCT"))
}
_PLACE_TYPES = {"GPE", "LOC", "FAC"}


class _Groups:
    """Union-find over local entity ids."""

    def __init__(self, ids: Sequence[str]) -> None:
        self.parent = {i: i for i in ids}

    def find(self, i: str) -> str:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _key(e: LocalEntity, countries: dict[str, str]) -> str:
    if e.type in _PLACE_TYPES and e.name in countries:
        return "country:" + countries[e.name]
    if e.type == "NORP" and e.country:
        return "norp:" + e.country
    return ("person:" if e.type == "PERSON" else "name:") + fold(e.name)


def _similar_surnames(a: str, b: str) -> bool:
    return a == b or (min(len(a), len(b)) >= 6 and fuzz.ratio(a, b) >= 80)


def _surname_bucket(word: str) -> str:
    """Full names are compared only within the bucket of their surname's first sounds."""
    return sound_key(word)[:3]


def _word_bucket(word: str) -> str:
    """A surname alone is sought only among the words sharing its first two sounds."""
    return sound_key(word)[:2]


def _link_people(people: list[LocalEntity], groups: _Groups) -> None:
    full = [p for p in people if len(words(p.name)) >= 2]
    by_last: dict[str, list[LocalEntity]] = defaultdict(list)
    by_word: dict[str, list[LocalEntity]] = defaultdict(list)
    for p in full:
        by_last[_surname_bucket(words(p.name)[-1])].append(p)
        for w in words(p.name):
            by_word[fold(w)].append(p)
    for bucket in by_last.values():
        for i, a in enumerate(bucket):
            for b in bucket[i + 1 :]:
                if fuzz.ratio(fold(a.name), fold(b.name)) >= 90:
                    groups.union(a.id, b.id)
    # Words are bucketed by their first two sounds so a typo is only sought among look-alikes.
    by_prefix: dict[str, list[str]] = defaultdict(list)
    for w in by_word:
        by_prefix[_word_bucket(w)].append(w)
    for single in (p for p in people if len(words(p.name)) < 2):
        key = fold(single.name)
        bearers = [
            p
            for w in by_prefix.get(_word_bucket(key), ())
            if _similar_surnames(w, key)
            for p in by_word[w]
        ]
        roots = {groups.find(p.id) for p in bearers}
        if len(roots) > 1 and single.country:
            roots = {groups.find(p.id) for p in bearers if p.country == single.country}
        if len(roots) == 1:  # only an unambiguous surname is linked
            groups.union(single.id, roots.pop())


def _roles(members: list[LocalEntity]) -> tuple[str, ...]:
    counted = Counter(r for m in members for r in m.roles)
    found = [r for r, _ in counted.most_common()]
    return tuple(r for r in found if not any(o != r and o.startswith(r + " ") for o in found))


def _canonical(members: list[tuple[LocalEntity, int]], key: str, gaz: data.Gazetteer) -> Entity:
    tallies = [(e.name, e.type, e.country, e.forms, max(n, 1)) for e, n in members]
    return _entity(tallies, key, gaz, [e for e, _ in members], [e.id for e, _ in members])


def _weighed(tallies: Sequence[Tally]) -> tuple[str, str, str | None]:
    """The name, type and country that weigh the most among the tallies."""
    weight: Counter[str] = Counter()
    types: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    for named, typed, placed, _, n in tallies:
        weight[named] += n
        types[typed] += n
        if placed:
            countries[placed] += n
    type_ = min(types, key=lambda t: (-types[t], _TYPE_ORDER.get(t, 99)))
    names = list(weight)
    if type_ == "PERSON" and any(len(words(n)) >= 2 for n in names):
        names = [n for n in names if len(words(n)) >= 2]
    name = max(names, key=lambda n: (weight[n], len(words(n)), len(n), n))
    return name, type_, countries.most_common(1)[0][0] if countries else None


def _entity(
    tallies: Sequence[Tally],
    key: str,
    gaz: data.Gazetteer,
    people: list[LocalEntity],
    members: Sequence[str],
) -> Entity:
    country: str | None
    if len(tallies) == 1:  # most entities: one name, type and country, nothing to weigh
        name, type_, country = tallies[0][0], tallies[0][1], tallies[0][2] or None
    else:
        name, type_, country = _weighed(tallies)
    if key.startswith("country:"):
        code = key.split(":", 1)[1]
        name, country, type_ = gaz.country_name(code), code, "GPE"
    aliases = dict.fromkeys(f for t in tallies for f in (t[0], *t[3]) if f != name)
    identity = key if key.startswith(("country:", "norp:")) else f"{type_ == 'PERSON'}:{fold(name)}"
    return Entity(
        id=content_id("e", identity),
        name=name,
        type=type_,
        country=country,
        roles=_roles(people) if type_ == "PERSON" else (),
        aliases=tuple(sorted(aliases)),
        members=tuple(sorted(members)),
    )


def entity_of_key(key: str, tallies: Sequence[Tally], members: Sequence[str]) -> Entity:
    """The canonical entity of an identity key no person holds (a country, a nationality, a
    name of anything else), made from its members' tallies, summed however they are grouped.
    Such a key is never linked to any other, so its members are exactly the local entities
    holding it, and `resolve_entities` over all of them gives this entity. The tallies come
    in the order of the first member id each stands for: where types or countries weigh the
    same, the one met first among members in id order wins there too. No roles: only people
    have them, and no person holds such a key."""
    return _entity(tallies, key, data.gazetteer(), [], members)


def resolve_entities(found: Sequence[tuple[LocalEntity, int]]) -> list[Entity]:
    """Group every article's entities into canonical ones. Pure: the same input gives the same
    output, whatever order the articles came in."""
    gaz = data.gazetteer()
    countries = {c.name: c.code for c in gaz.countries.values()}
    ordered = sorted(found, key=lambda pair: pair[0].id)
    groups = _Groups([e.id for e, _ in ordered])
    first_by_key: dict[str, str] = {}
    for e, _ in ordered:
        key = _key(e, countries)
        if key in first_by_key:
            groups.union(first_by_key[key], e.id)
        else:
            first_by_key[key] = e.id
    _link_people([e for e, _ in ordered if e.type == "PERSON"], groups)
    members: dict[str, list[tuple[LocalEntity, int]]] = defaultdict(list)
    for e, n in ordered:
        members[groups.find(e.id)].append((e, n))
    out: dict[str, Entity] = {}
    for group in members.values():
        keys = Counter(_key(e, countries) for e, _ in group)
        key = next((k for k in keys if k.startswith("country:")), keys.most_common(1)[0][0])
        entity = _canonical(group, key, gaz)
        if entity.id in out:  # two groups that could not be linked but share a name stay apart
            entity = replace(entity, id=content_id("e", entity.id, *entity.members))
        out[entity.id] = entity
    return sorted(out.values(), key=lambda e: e.id)


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    return {c.name: c.code for c in data.gazetteer().countries.values()}


def block_keys(e: LocalEntity) -> tuple[str, ...]:
    """Keys that any two local entities `resolve_entities` may join share at least one of: the
    identity key, and for people the surname and word prefixes its fuzzy rules compare within.
    Resolution can then be redone for the new entities' blocks alone (and the canonical
    entities those blocks already belong to) and give what resolving everything would.
    Whoever adds a linking rule above adds the key it compares within here."""
    keys = {_key(e, _country_codes())}
    if e.type == "PERSON":
        parts = words(e.name)
        if len(parts) >= 2:
            keys.add("last:" + _surname_bucket(parts[-1]))
        keys |= {"word:" + _word_bucket(fold(w)) for w in parts}
    return tuple(sorted(keys))
