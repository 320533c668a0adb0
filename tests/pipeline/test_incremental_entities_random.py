"""Entity resolution in random runs equals one full resolution, row for row: the incremental
path writes only the canonical entities and members that changed, so a row left stale, a
member left pointing at a vanished entity or an entity renamed without its row rewritten
would show here, where the ingest test's few articles might not make it happen."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilateral.model import ArticleEntities, Block, Document, LocalEntity, Mention
from bilateral.pipeline.runner import resolve_new_entities
from bilateral.reconcile import block_keys, resolve_entities
from bilateral.store import KnowledgeBase

# look-alike people, surnames alone, places that are countries, a nationality, organisations
_NAMES = [
    ("PERSON", "John Smith"),
    ("PERSON", "Jon Smith"),
    ("PERSON", "Mary Smith"),
    ("PERSON", "Smith"),
    ("PERSON", "Smyth"),
    ("PERSON", "James Baker"),
    ("PERSON", "Baker"),
    ("PERSON", "Baker James"),
    ("GPE", "France"),
    ("LOC", "France"),
    ("GPE", "Peru"),
    ("NORP", "French"),
    ("ORG", "Acme Corp"),
    ("ORG", "ACME Corp"),
    ("GPE", "Acme Corp"),
    ("ORG", "Baker"),
]
_local = st.tuples(
    st.sampled_from(_NAMES),
    st.sampled_from([None, "FRA", "PER"]),
    st.lists(st.sampled_from(["minister", "finance minister", "chairman"]), max_size=2),
    st.lists(st.sampled_from(["Mr Smith", "the minister", "Acme"]), max_size=2),
    st.integers(0, 3),
)
_runs = st.lists(st.lists(st.lists(_local, min_size=1, max_size=4), max_size=3), max_size=5)


Found = tuple[tuple[str, str], str | None, list[str], list[str], int]


def _article(doc_id: str, found: list[Found]) -> tuple[Document, ArticleEntities]:
    text, locals_, mentions = "", [], []
    for i, ((type_, name), country, roles, forms, times) in enumerate(found):
        local = LocalEntity(f"{doc_id}-{i}", doc_id, type_, name, country, (*roles,), (*forms,))
        locals_.append(local)
        for _ in range(times):
            start = len(text)
            text += f"{name}. "
            mentions.append(Mention(doc_id, start, start + len(name), name, type_, local.id))
    text = text or "Nothing named."
    doc = Document(doc_id, f"{doc_id}.txt", text, (Block(0, len(text), "body"),), signature=(1,))
    return doc, ArticleEntities(doc_id, tuple(locals_), tuple(mentions))


def _stored(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        rows = list(conn.execute("SELECT * FROM entities ORDER BY id"))
        return rows + list(conn.execute("SELECT id, entity_id FROM local_entities ORDER BY id"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_runs)
def test_random_runs_equal_one_full_resolution(runs: list[list[list[Found]]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "kb.db"
        with KnowledgeBase.open(f"sqlite:///{path}") as kb:
            for r, run in enumerate(runs):
                articles = [_article(f"d{r}x{d}", found) for d, found in enumerate(run)]
                docs, extracted = [a for a, _ in articles], [b for _, b in articles]
                blocks = {e.id: block_keys(e) for x in extracted for e in x.entities}
                kb.write_batch(docs, extracted, entity_blocks=blocks)
                resolve_new_entities(kb)
                stepwise = _stored(path)
                kb.replace_entities(resolve_entities(kb.local_entities()))
                assert _stored(path) == stepwise
