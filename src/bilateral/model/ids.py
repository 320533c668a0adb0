"""Content-hash identifiers: the same content always gets the same id, so re-runs are idempotent."""

from __future__ import annotations

import hashlib


def content_id(prefix: str, *parts: object) -> str:
    """A short stable id: `prefix` followed by 16 hex digits of a SHA-256 over the parts."""
    # each part followed by a separator, so ("ab", "c") and ("a", "bc") differ; hashed in one
    # call, which gives the digest of feeding the pieces one by one
    joined = "\x1f".join(map(str, parts)) + "\x1f" if parts else ""
    return prefix + hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]
