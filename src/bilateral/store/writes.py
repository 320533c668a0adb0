"""Every write to the store. One transaction per call: a batch is stored whole or not at all."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from functools import cache

from sqlalchemy import (
    BigInteger,
    Connection,
    Executable,
    Text,
    bindparam,
    cast,
    delete,
    select,
    update,
)

from bilateral.model import ArticleEntities, Claim, Cluster, Conflict, Document, Entity, Event
from bilateral.model.invariants import normalise
from bilateral.store import schema
from bilateral.store.bulk import dialect_insert, insert_rows, update_rows
from bilateral.store.database import StoreError
from bilateral.store.rows import columns, to_values

_DOCUMENT = (
    "id",
    "source",
    "external_id",
    "url",
    "title",
    "published",
    "outlet",
    "authors",
    "language",
    "text",
    "blocks",
    "duplicate_of",
    "signature",
    "ingested_at",
)
_LOCAL_ENTITY = ("id", "doc_id", "type", "name", "country", "roles", "forms", "entity_id")
_MENTION = ("doc_id", "start", "end", "text", "type", "local_entity_id")
_QUOTE = ("id", "doc_id", "start", "end", "text", "speaker_local_id", "speaker_text")
_ENTITY = ("id", "name", "type", "country", "roles", "aliases")
_CLUSTER = (
    "id",
    "group_key",
    "of",
    "members",
    "summary",
    "date",
    "type",
    "subtype",
    "countries",
    "people",
    "place",
)
_CONFLICT = ("id", "group_key", "kind", "members", "verdict", "explanation")

ENTITIES_STALE = "entities_stale"
VERSION = "version"  # changes with every write: readers cache what they read against it


def _set_state(conn: Connection, key: str, value: str) -> None:
    """Sets `key`, and for any other key than the version counts the version up, through two
    statements built once per database kind."""
    upsert, bump = _state_statements(conn.dialect.name)
    conn.execute(upsert, {"key": key, "value": value})
    if key != VERSION:
        conn.execute(bump)


@cache
def _state_statements(dialect: str) -> tuple[Executable, Executable]:
    """A key's value set, whether it is there or not; and the version counted up from what it
    holds (0 when missing), the same text `str(int(value) + 1)` gives."""
    insert_ = dialect_insert(dialect)
    st = schema.state
    new = insert_(st).values(key=bindparam("key"), value=bindparam("value"))
    upsert = new.on_conflict_do_update(
        index_elements=[st.c.key], set_={"value": new.excluded.value}
    )
    counted = cast(cast(st.c.value, BigInteger) + 1, Text)
    first = insert_(st).values(key=VERSION, value="1")
    bump = first.on_conflict_do_update(index_elements=[st.c.key], set_={"value": counted})
    return upsert, bump


def check_invariants(docs: Sequence[Document], extracted: Sequence[ArticleEntities]) -> None:
    """What the store holds of every article (see bilateral.model.invariants); the runner
    normalises extraction output to it, so breaking it here is a bug said in a sentence."""
    texts = {d.id: d.text for d in docs}
    for article in extracted:
        text = texts.get(article.doc_id)
        if text is None:
            raise StoreError(f"facts of {article.doc_id} came without their document.")
        found = normalise(text, article)
        if found.changed:
            raise StoreError(
                f"the facts of {article.doc_id} break an invariant: {found.dropped[0]}."
            )


def mark_pending(conn: Connection, keys: Sequence[str]) -> None:
    """Groups to reconcile again; kept until the transaction that reconciles them. Those
    already pending are left as they are."""
    rows = [(k,) for k in sorted(set(keys))]
    insert_rows(conn, schema.pending_groups, ("group_key",), rows, skip_existing=True)


def write_batch(
    conn: Connection,
    docs: Sequence[Document],
    extracted: Sequence[ArticleEntities],
    group_keys: Mapping[str, str] | None = None,
) -> None:
    """One batch of articles and their facts. `group_keys` gives each claim and event the key
    of the group it is reconciled in."""
    keys = group_keys or {}
    if not docs:
        return
    check_invariants(docs, extracted)
    now = datetime.now(UTC)
    document_rows = [
        (
            d.id,
            d.source,
            d.external_id,
            d.url,
            d.title,
            d.published,
            d.outlet,
            list(d.authors),
            d.language,
            d.text,
            [{"start": b.start, "end": b.end, "kind": b.kind} for b in d.blocks],
            d.duplicate_of,
            list(d.signature),
            now,
        )
        for d in docs
    ]
    insert_rows(conn, schema.documents, _DOCUMENT, document_rows)
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(
            "INSERT INTO documents_fts (doc_id, title, text) VALUES (?, ?, ?)",
            [(d.id, d.title or "", d.text) for d in docs],
        )
    local_rows = [
        (e.id, e.doc_id, e.type, e.name, e.country, list(e.roles), list(e.forms), None)
        for article in extracted
        for e in article.entities
    ]
    insert_rows(conn, schema.local_entities, _LOCAL_ENTITY, local_rows)
    mention_rows = [
        (m.doc_id, m.start, m.end, m.text, m.type, m.local_entity_id)
        for article in extracted
        for m in article.mentions
    ]
    insert_rows(conn, schema.mentions, _MENTION, mention_rows)
    claim_rows = [to_values(c, keys.get(c.id)) for article in extracted for c in article.claims]
    insert_rows(conn, schema.claims, columns(Claim), claim_rows)
    quote_rows = [
        (q.id, q.doc_id, q.start, q.end, q.text, q.speaker_id, q.speaker_text)
        for article in extracted
        for q in article.quotes
    ]
    insert_rows(conn, schema.quotes, _QUOTE, quote_rows)
    event_rows = [to_values(v, keys.get(v.id)) for article in extracted for v in article.events]
    insert_rows(conn, schema.events, columns(Event), event_rows)
    mark_pending(conn, sorted(set(keys.values())))
    _set_state(conn, ENTITIES_STALE, "1")


def insert_entity_rows(conn: Connection, entities: Sequence[Entity]) -> None:
    """Canonical entities' own rows, their members left as they point."""
    rows = [(e.id, e.name, e.type, e.country, list(e.roles), list(e.aliases)) for e in entities]
    insert_rows(conn, schema.entities, _ENTITY, rows)


def insert_entities(conn: Connection, entities: Sequence[Entity]) -> None:
    """Canonical entities, and each of their members pointed at them."""
    insert_entity_rows(conn, entities)
    pairs = [(member, e.id) for e in entities for member in e.members]
    update_rows(conn, schema.local_entities, "id", ("entity_id",), pairs)


def replace_entities(conn: Connection, entities: Sequence[Entity]) -> None:
    conn.execute(delete(schema.entities))
    conn.execute(update(schema.local_entities).values(entity_id=None))
    insert_entities(conn, entities)
    _set_state(conn, ENTITIES_STALE, "0")


def mark_entities_fresh(conn: Connection) -> None:
    """Entities are fresh once no local entity is left without its canonical entity."""
    le = schema.local_entities.c
    waiting = conn.execute(select(le.id).where(le.entity_id.is_(None)).limit(1)).first()
    _set_state(conn, ENTITIES_STALE, "1" if waiting else "0")


def replace_reconciled(
    conn: Connection,
    keys: Sequence[str],
    clusters: Sequence[Cluster],
    conflicts: Sequence[Conflict],
) -> None:
    """The clusters and conflicts of the given groups, replaced whole."""
    for start in range(0, len(keys), 500):
        chunk = list(keys[start : start + 500])
        conn.execute(delete(schema.clusters).where(schema.clusters.c.group_key.in_(chunk)))
        conn.execute(delete(schema.conflicts).where(schema.conflicts.c.group_key.in_(chunk)))
        conn.execute(
            delete(schema.pending_groups).where(schema.pending_groups.c.group_key.in_(chunk))
        )
    cluster_rows = [
        (
            k.id,
            k.key,
            k.of,
            list(k.members),
            k.summary,
            k.date,
            k.type,
            k.subtype,
            list(k.countries),
            list(k.people),
            k.place,
        )
        for k in clusters
    ]
    insert_rows(conn, schema.clusters, _CLUSTER, cluster_rows)
    _set_state(conn, "reconciled", str(len(keys)))
    conflict_rows = [
        (x.id, x.key, x.kind, list(x.members), x.verdict, x.explanation) for x in conflicts
    ]
    insert_rows(conn, schema.conflicts, _CONFLICT, conflict_rows)
