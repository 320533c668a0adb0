"""Answers to GET requests kept until the knowledge base changes.

The knowledge base is read far more than it is written, and a list over thousands of articles
takes tens of milliseconds to compute; a kept answer is sent straight from memory, before the
framework sees the request. Every write changes the store's version; an answer is reused only
for the version it was computed at. The version is read at most once a second, so an answer
can trail a write by that second.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bilateral.store import KnowledgeBase

Key = tuple[str, str, str]
VERSION_SECONDS = 1.0


class ResponseCache:
    def __init__(self, app: ASGIApp, kb: KnowledgeBase, size: int = 2048) -> None:
        self.app = app
        self.kb = kb
        self.size = size
        self.kept: OrderedDict[Key, tuple[int, list[tuple[bytes, bytes]], bytes]] = OrderedDict()
        self.locks: dict[Key, asyncio.Lock] = {}  # one computation per answer at a time
        self.version = ""
        self.read_at = 0.0

    async def _version(self) -> str:
        now = time.monotonic()
        if now - self.read_at > VERSION_SECONDS:
            self.version = await run_in_threadpool(self.kb.version)
            self.read_at = now
        return self.version

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if (
            scope["type"] != "http"
            or scope.get("method") != "GET"
            or path.startswith(("/static", "/docs"))
        ):
            await self.app(scope, receive, send)
            return
        key = (await self._version(), path, scope.get("query_string", b"").decode("latin-1"))
        if key not in self.kept:
            lock = self.locks.setdefault(key, asyncio.Lock())
            async with lock:
                if key not in self.kept:
                    await self._compute(key, scope, receive, send)
                    self.locks.pop(key, None)
                    return
        self.kept.move_to_end(key)
        status, headers, body = self.kept[key]
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [*headers, (b"x-bilateral-cache", b"hit")],
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def _compute(self, key: Key, scope: Scope, receive: Receive, send: Send) -> None:
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        await self.app(scope, receive, keep)
        if start.get("status") == 200:
            headers = [
                (k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"
            ]
            body = b"".join(chunks)
            headers.append((b"content-length", str(len(body)).encode()))
            self.kept[key] = (200, headers, body)
            if len(self.kept) > self.size:
                self.kept.popitem(last=False)
