"""Bearer token secrets: made here, shown once, and only their SHA-256 digest is stored."""

from __future__ import annotations

import hashlib
import secrets

PREFIX = "blt_"  # makes a leaked token easy to recognise in a log or a secret scanner


def new_token() -> str:
    return PREFIX + secrets.token_urlsafe(32)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
