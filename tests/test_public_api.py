"""The public library surface is pinned: changing it is a decision, not an accident."""

import bilateral


def test_public_names_are_pinned() -> None:
    assert sorted(bilateral.__all__) == [
        "Document",
        "Entity",
        "IngestReport",
        "KnowledgeBase",
        "Settings",
        "StoreError",
        "__version__",
        "ingest",
        "open_kb",
    ]


def test_every_public_name_exists() -> None:
    for name in bilateral.__all__:
        assert getattr(bilateral, name) is not None
