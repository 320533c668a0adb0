"""Content-hash identifiers: the same content always gets the same id, so re-runs are idempotent."""

from __future__ import annotations

import hashlib


def content_id(prefix: str, *parts: object) -> str:
    """A short stable id: `prefix` followed by 16 hex digits of a SHA-256 over the parts."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(str(part).encode("utf-8"))
        digest.update(b"\x1f")  # a separator, so ("ab", "c") and ("a", "bc") differ
    return prefix + digest.hexdigest()[:16]
