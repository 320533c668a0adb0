"""Answers to GET requests kept until the knowledge base changes.

The knowledge base is read far more than it is written, and a list over thousands of articles
takes tens of milliseconds to compute; kept answers take well under one. Every write changes
the store's version, and an answer is only reused for the version it was computed at.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable

from fastapi import Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from bilateral.store import KnowledgeBase

Next = Callable[[Request], Awaitable[Response]]


class ResponseCache:
    def __init__(self, kb: KnowledgeBase, size: int = 1024) -> None:
        self.kb = kb
        self.size = size
        self.kept: OrderedDict[tuple[str, str, str], tuple[int, bytes, str]] = OrderedDict()

    async def __call__(self, request: Request, call_next: Next) -> Response:
        if request.method != "GET" or request.url.path.startswith(("/static", "/docs")):
            return await call_next(request)
        version = await run_in_threadpool(self.kb.version)
        key = (version, request.url.path, str(request.url.query))
        if key in self.kept:
            self.kept.move_to_end(key)
            status, body, media = self.kept[key]
            return Response(body, status_code=status, media_type=media,
                            headers={"x-bilateral-cache": "hit"})
        response = await call_next(request)
        if response.status_code != 200:
            return response
        body = b"".join([chunk async for chunk in response.body_iterator])  # type: ignore[attr-defined]
        media = response.headers.get("content-type", "application/json")
        self.kept[key] = (response.status_code, body, media)
        if len(self.kept) > self.size:
            self.kept.popitem(last=False)
        return Response(body, status_code=response.status_code, media_type=media)
