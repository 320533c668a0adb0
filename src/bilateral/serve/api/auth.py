"""Who may read and write: bearer tokens (their digests stored by the store), a rate limit per
token, and a gate that puts every read behind a token when the server requires one.

The gate sits outside the answer cache: a kept answer is never sent to a request without a
valid token. The same checks, as FastAPI dependencies, document the bearer scheme in OpenAPI.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import dataclass
from typing import Annotated

from fastapi import HTTPException, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from bilateral.serve.api.tokens import digest
from bilateral.store import KnowledgeBase, TokenInfo

log = logging.getLogger("bilateral.serve.auth")

PUBLIC = ("/docs", "/redoc", "/openapi.json", "/static", "/favicon.ico")
CHALLENGE = {"WWW-Authenticate": "Bearer"}

bearer = HTTPBearer(
    auto_error=False,
    scheme_name="bearer",
    description="A token from `bilateral token create --name NAME --scope read|write`.",
)


@dataclass(frozen=True)
class Access:
    """The server's rules: tokens for reads too, body size, requests per minute per token."""

    require_token: bool = False
    max_body: int = 10 * 1024 * 1024
    writes_per_minute: int = 30
    reads_per_minute: int = 600


class RateLimiter:
    """A token bucket per key: `per_minute` requests a minute, in bursts of up to that many."""

    def __init__(self, per_minute: int) -> None:
        self.rate = per_minute / 60.0
        self.capacity = float(per_minute)
        self.buckets: dict[str, tuple[float, float]] = {}
        self.lock = threading.Lock()

    def wait_for(self, key: str) -> float:
        """0 when the request may go ahead (and it is counted), else seconds to wait."""
        now = time.monotonic()
        with self.lock:
            level, then = self.buckets.get(key, (self.capacity, now))
            level = min(self.capacity, level + (now - then) * self.rate)
            if level >= 1:
                self.buckets[key] = (level - 1, now)
                return 0.0
            self.buckets[key] = (level, now)
            return (1 - level) / self.rate if self.rate else 60.0


def _lookup(kb: KnowledgeBase, token: str | None) -> TokenInfo | None:
    return kb.find_token(digest(token)) if token else None


def _refusal(found: TokenInfo | None, given: bool, scope: str) -> tuple[int, str] | None:
    if not given:
        return 401, "this needs a bearer token (Authorization: Bearer TOKEN)."
    if found is None:
        return 401, "the token is not valid (unknown or revoked)."
    if scope == "write" and found.scope != "write":
        return 403, f"the token {found.name!r} may only read."
    return None


def _limited(limiter: RateLimiter, name: str) -> HTTPException | None:
    wait = limiter.wait_for(name)
    if wait:
        seconds = max(1, round(wait))
        return HTTPException(
            429,
            f"too many requests for the token {name!r}; try again in {seconds} s.",
            headers={"Retry-After": str(seconds)},
        )
    return None


def _check(
    request: Request, credentials: HTTPAuthorizationCredentials | None, scope: str
) -> TokenInfo:
    kb: KnowledgeBase = request.app.state.kb
    token = credentials.credentials if credentials else None
    found = _lookup(kb, token)
    refused = _refusal(found, token is not None, scope)
    if refused is not None or found is None:
        status, message = refused or (401, "the token is not valid.")
        log.warning("refused %s %s: %s", request.method, request.url.path, message)
        raise HTTPException(status, message, headers=CHALLENGE if status == 401 else None)
    if scope == "write":
        limited = _limited(request.app.state.write_limiter, found.name)
        if limited is not None:
            raise limited
    return found


def require_write(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)]
) -> TokenInfo:
    """A live token with the write scope, within its rate limit."""
    return _check(request, credentials, "write")


def require_read(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Security(bearer)]
) -> TokenInfo:
    """A live token of either scope (only when the server requires tokens for reads)."""
    return _check(request, credentials, "read")


class TokenGate:
    """ASGI middleware, outermost: every request but the documentation needs a live token."""

    def __init__(self, app: ASGIApp, kb: KnowledgeBase, limiter: RateLimiter) -> None:
        self.app = app
        self.kb = kb
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or path.startswith(PUBLIC):
            await self.app(scope, receive, send)
            return
        header = dict(scope.get("headers", [])).get(b"authorization", b"").decode("latin-1")
        kind, _, token = header.partition(" ")
        given = kind.lower() == "bearer" and bool(token.strip())
        found = await run_in_threadpool(_lookup, self.kb, token.strip() if given else None)
        refused = _refusal(found, given, "read")
        headers: dict[str, str] = {}
        if refused is None and found is not None:
            limited = _limited(self.limiter, found.name)
            if limited is None:
                await self.app(scope, receive, send)
                return
            refused = (limited.status_code, str(limited.detail))
            headers = dict(limited.headers or {})
        status, message = refused or (401, "the token is not valid.")
        if status == 401:
            headers |= CHALLENGE
            log.warning("refused %s %s: %s", scope.get("method"), path, message)
        body = json.dumps({"error": message}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    *((k.lower().encode(), v.encode()) for k, v in headers.items()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
