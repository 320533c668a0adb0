"""Reads and writes for incremental entity resolution: which local entities are new, which
share a blocking key with them (the people), what the identity keys of the others sum up to,
and the canonical entities of just those replaced where they changed."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import (
    Connection,
    ScalarSelect,
    Select,
    Text,
    case,
    cast,
    delete,
    func,
    select,
    union,
)

from bilateral.model import Entity, LocalEntity, Tally
from bilateral.store import schema, writes
from bilateral.store.bulk import insert_rows, update_rows
from bilateral.store.database import json_text
from bilateral.store.queries import local_entity

BLOCKS_MISSING = "entity_blocks_missing"
PERSON = "PERSON"  # the one type whose blocks reach beyond its identity key
CHUNK = 500


def _chunks(items: Sequence[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), CHUNK):
        yield list(items[start : start + CHUNK])


def write_blocks(conn: Connection, blocks: Mapping[str, Sequence[str]]) -> None:
    rows = [(b, lid) for lid, keys in blocks.items() for b in set(keys)]
    insert_rows(conn, schema.entity_blocks, ("block", "local_id"), rows)


def blocks_missing(conn: Connection) -> bool:
    st = schema.state.c
    value = conn.execute(select(st.value).where(st.key == BLOCKS_MISSING)).scalar()
    return value == "1"


def all_locals(conn: Connection) -> list[LocalEntity]:
    le = schema.local_entities.c
    return [local_entity(r) for r in conn.execute(select(schema.local_entities).order_by(le.id))]


def backfill_blocks(conn: Connection, blocks: Mapping[str, Sequence[str]]) -> None:
    """Keys for every local entity of a knowledge base from before blocking, written once."""
    conn.execute(delete(schema.entity_blocks))
    write_blocks(conn, blocks)
    conn.execute(delete(schema.state).where(schema.state.c.key == BLOCKS_MISSING))


def _new_blocks(people: bool) -> Select[tuple[str]]:
    """The blocks of the local entities no canonical entity holds yet: of the people, or of
    everything else (whose one block is its identity key)."""
    blocks, news = schema.entity_blocks.alias("blocks"), schema.local_entities.alias("news")
    kind = news.c.type == PERSON if people else news.c.type != PERSON
    return (
        select(blocks.c.block)
        .join(news, news.c.id == blocks.c.local_id)
        .where(news.c.entity_id.is_(None), kind)
        .correlate(None)
    )


def _mentioned() -> ScalarSelect[int]:
    """How often the local entity of the row at hand is mentioned."""
    m, le = schema.mentions.c, schema.local_entities.c
    return (
        select(func.count())
        .where(m.local_entity_id == le.id)
        .correlate(schema.local_entities)
        .scalar_subquery()
    )


def locals_to_resolve(
    conn: Connection, held: dict[str, str | None] | None = None
) -> list[tuple[LocalEntity, int]]:
    """Every local entity in the blocks of the people no canonical entity holds yet, and every
    other member of the canonical entities they belong to now, with how often each is
    mentioned. Only people: the blocks of anything else are its identity key alone, which no
    person holds, and `key_tallies` sums them up without reading their members one by one.
    The database finds them, with their counts, in one query: the blocks and ids never come
    back to be sent again in chunks. `held`, if given, gets each one's canonical entity."""
    le = schema.local_entities.c
    unresolved = _new_blocks(people=True)
    in_blocks = schema.entity_blocks.alias("in_blocks")
    sharing = select(in_blocks.c.local_id).where(in_blocks.c.block.in_(unresolved)).correlate(None)
    holders = schema.local_entities.alias("held")
    their_entities = (
        select(holders.c.entity_id)
        .where(holders.c.id.in_(sharing), holders.c.entity_id.is_not(None))
        .correlate(None)
    )
    members = schema.local_entities.alias("members")
    wanted = union(
        sharing, select(members.c.id).where(members.c.entity_id.in_(their_entities))
    ).subquery("wanted")
    shown = (
        le.id,
        le.doc_id,
        le.type,
        le.name,
        le.country,
        cast(le.roles, Text),
        cast(le.forms, Text),
    )
    rows = conn.execute(
        select(*shown, le.entity_id, _mentioned()).where(le.id.in_(select(wanted.c.local_id)))
    )
    lists = _Lists()
    out = []
    for id_, doc_id, type_, name, country, roles, forms, entity_id, mentioned in rows:
        entity = LocalEntity(id_, doc_id, type_, name, country, lists(roles), lists(forms))
        out.append((entity, int(mentioned)))
        if held is not None:
            held[id_] = entity_id
    return sorted(out, key=lambda pair: pair[0].id)


class _Lists:
    """JSON lists of strings as tuples, each text decoded once: most are one of a few."""

    def __init__(self) -> None:
        self.known: dict[str, tuple[str, ...]] = {}

    def __call__(self, text: str) -> tuple[str, ...]:
        found = self.known.get(text)
        if found is None:
            found = self.known[text] = tuple(json.loads(text))
        return found


def key_tallies(
    conn: Connection, held: dict[str, str | None] | None = None
) -> dict[str, tuple[list[Tally], list[str]]]:
    """For each identity key of the new local entities that are no people, its members summed
    by name, type, country and forms (each member weighing its mentions, at least one), in
    the order of the first member id of each sum, and the ids of all its members. The
    database sums them: a country's thousands of members come back as a few dozen rows.
    `held`, if given, gets each member's canonical entity."""
    le, b = schema.local_entities.c, schema.entity_blocks.c
    keys = _new_blocks(people=False)
    each = (
        select(
            b.block,
            le.id,
            le.name,
            le.type,
            le.country,
            cast(le.forms, Text).label("forms"),
            _mentioned().label("n"),
        )
        .join(schema.local_entities, le.id == b.local_id)
        .where(b.block.in_(keys))
        .subquery("each")
    )
    e = each.c
    summed = select(
        e.block,
        e.name,
        e.type,
        e.country,
        e.forms,
        func.sum(case((e.n > 1, e.n), else_=1)).label("weight"),
        func.min(e.id).label("first"),
    ).group_by(e.block, e.name, e.type, e.country, e.forms)
    out: dict[str, tuple[list[Tally], list[str]]] = {}
    lists = _Lists()
    for block, name, type_, country, forms, weight, _ in sorted(
        conn.execute(summed), key=lambda r: (r[0], r[6])
    ):
        out.setdefault(block, ([], []))[0].append((name, type_, country, lists(forms), int(weight)))
    members = (
        select(b.block, b.local_id, le.entity_id)
        .outerjoin(schema.local_entities, le.id == b.local_id)
        .where(b.block.in_(keys))
    )
    for block, local_id, entity_id in conn.execute(members):
        out[block][1].append(local_id)
        if held is not None:
            held[local_id] = entity_id
    return out


def replace_entities_of(
    conn: Connection,
    local_ids: Sequence[str],
    entities: Sequence[Entity],
    known: Mapping[str, str | None] | None = None,
) -> None:
    """The canonical entities of these local entities, replaced by `entities`, which gather
    exactly them; every other entity stays as it is. Most of them come out as they were
    stored, so only what differs is written: the entity rows that changed, vanished or are
    new, and the members whose entity is not the one they point at. The stored result is the
    same as deleting them all and writing `entities` again. `known` gives the canonical
    entity of local entities read since the last write (what `locals_to_resolve` and
    `key_tallies` saw); the others are read here."""
    le, en = schema.local_entities.c, schema.entities.c
    known = known or {}
    held: dict[str, str | None] = {i: known[i] for i in local_ids if i in known}
    for chunk in _chunks([i for i in local_ids if i not in known]):
        found = conn.execute(select(le.id, le.entity_id).where(le.id.in_(chunk)))
        held.update((local_id, entity_id) for local_id, entity_id in found)
    # compared as the JSON text stored, undecoded: equal text is an equal row, and a row whose
    # text differs only in spelling is merely written again
    wanted = {e.id: _entity_text(e) for e in entities}
    shown = (en.id, en.name, en.type, en.country, cast(en.roles, Text), cast(en.aliases, Text))
    stored: dict[str, tuple[Any, ...]] = {}
    for chunk in _chunks(sorted({i for i in held.values() if i is not None} | set(wanted))):
        stored.update(
            (r[0], tuple(r)) for r in conn.execute(select(*shown).where(en.id.in_(chunk)))
        )
    stale = sorted(i for i, row in stored.items() if wanted.get(i) != row)
    for chunk in _chunks(stale):
        conn.execute(delete(schema.entities).where(en.id.in_(chunk)))
    writes.insert_entity_rows(conn, [e for e in entities if stored.get(e.id) != wanted[e.id]])
    moved = [(m, e.id) for e in entities for m in e.members if held.get(m) != e.id]
    update_rows(conn, schema.local_entities, "id", ("entity_id",), moved)


def _entity_text(e: Entity) -> tuple[Any, ...]:
    """The entity's row as it is stored, its lists as the JSON text written for them."""
    return (e.id, e.name, e.type, e.country, json_text(list(e.roles)), json_text(list(e.aliases)))
