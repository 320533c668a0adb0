"""Every write to the store. One transaction per call: a batch is stored whole or not at all."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict
from datetime import UTC, datetime

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from bilateral.model import ArticleEntities, Cluster, Conflict, Document, Entity
from bilateral.model.invariants import normalise
from bilateral.store import schema
from bilateral.store.database import StoreError
from bilateral.store.rows import to_row

ENTITIES_STALE = "entities_stale"
VERSION = "version"  # changes with every write: readers cache what they read against it


def _set_state(conn: Connection, key: str, value: str) -> None:
    conn.execute(delete(schema.state).where(schema.state.c.key == key))
    conn.execute(insert(schema.state).values(key=key, value=value))
    if key != VERSION:
        found = conn.execute(select(schema.state.c.value).where(schema.state.c.key == VERSION))
        current = found.scalar()
        _set_state(conn, VERSION, str(int(current or 0) + 1))


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
    """Groups to reconcile again; kept until the transaction that reconciles them."""
    wanted = set(keys)
    for start in range(0, len(keys), 500):
        chunk = list(keys[start : start + 500])
        found = conn.execute(
            select(schema.pending_groups.c.group_key).where(
                schema.pending_groups.c.group_key.in_(chunk)
            )
        )
        wanted -= set(found.scalars())
    if wanted:
        conn.execute(insert(schema.pending_groups), [{"group_key": k} for k in sorted(wanted)])


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
    conn.execute(
        insert(schema.documents),
        [
            {
                "id": d.id,
                "source": d.source,
                "external_id": d.external_id,
                "url": d.url,
                "title": d.title,
                "published": d.published,
                "outlet": d.outlet,
                "authors": list(d.authors),
                "language": d.language,
                "text": d.text,
                "blocks": [asdict(b) for b in d.blocks],
                "duplicate_of": d.duplicate_of,
                "signature": list(d.signature),
                "ingested_at": now,
            }
            for d in docs
        ],
    )
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(
            "INSERT INTO documents_fts (doc_id, title, text) VALUES (?, ?, ?)",
            [(d.id, d.title or "", d.text) for d in docs],
        )
    local_rows = [
        {
            "id": e.id,
            "doc_id": e.doc_id,
            "type": e.type,
            "name": e.name,
            "country": e.country,
            "roles": list(e.roles),
            "forms": list(e.forms),
            "entity_id": None,
        }
        for article in extracted
        for e in article.entities
    ]
    if local_rows:
        conn.execute(insert(schema.local_entities), local_rows)
    mention_rows = [
        {
            "doc_id": m.doc_id,
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "type": m.type,
            "local_entity_id": m.local_entity_id,
        }
        for article in extracted
        for m in article.mentions
    ]
    if mention_rows:
        conn.execute(insert(schema.mentions), mention_rows)
    claim_rows = [to_row(c, keys.get(c.id)) for article in extracted for c in article.claims]
    if claim_rows:
        conn.execute(insert(schema.claims), claim_rows)
    quote_rows = [
        {
            "id": q.id,
            "doc_id": q.doc_id,
            "start": q.start,
            "end": q.end,
            "text": q.text,
            "speaker_local_id": q.speaker_id,
            "speaker_text": q.speaker_text,
        }
        for article in extracted
        for q in article.quotes
    ]
    if quote_rows:
        conn.execute(insert(schema.quotes), quote_rows)
    event_rows = [to_row(v, keys.get(v.id)) for article in extracted for v in article.events]
    if event_rows:
        conn.execute(insert(schema.events), event_rows)
    mark_pending(conn, sorted(set(keys.values())))
    _set_state(conn, ENTITIES_STALE, "1")


def insert_entities(conn: Connection, entities: Sequence[Entity]) -> None:
    """Canonical entities, and each of their members pointed at them."""
    if entities:
        conn.execute(
            insert(schema.entities),
            [
                {
                    "id": e.id,
                    "name": e.name,
                    "type": e.type,
                    "country": e.country,
                    "roles": list(e.roles),
                    "aliases": list(e.aliases),
                }
                for e in entities
            ],
        )
    pairs = [{"lid": member, "eid": e.id} for e in entities for member in e.members]
    if pairs:
        conn.execute(
            update(schema.local_entities)
            .where(schema.local_entities.c.id == bindparam("lid"))
            .values(entity_id=bindparam("eid")),
            pairs,
        )


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
    if clusters:
        conn.execute(
            insert(schema.clusters),
            [
                {
                    "id": k.id,
                    "group_key": k.key,
                    "of": k.of,
                    "members": list(k.members),
                    "summary": k.summary,
                    "date": k.date,
                    "type": k.type,
                    "subtype": k.subtype,
                    "countries": list(k.countries),
                    "people": list(k.people),
                    "place": k.place,
                }
                for k in clusters
            ],
        )
    _set_state(conn, "reconciled", str(len(keys)))
    if conflicts:
        conn.execute(
            insert(schema.conflicts),
            [
                {
                    "id": x.id,
                    "group_key": x.key,
                    "kind": x.kind,
                    "members": list(x.members),
                    "verdict": x.verdict,
                    "explanation": x.explanation,
                }
                for x in conflicts
            ],
        )
