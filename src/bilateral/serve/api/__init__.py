"""The HTTP API and the web UI: create_app(settings) builds both over one knowledge base."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from fastapi import FastAPI, HTTPException, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from bilateral.model import Settings
from bilateral.pipeline import Pool, default_extractor
from bilateral.pipeline.runner import Extractor
from bilateral.serve.api.auth import Access, RateLimiter, TokenGate, require_read
from bilateral.serve.api.cache import ResponseCache
from bilateral.serve.api.routes import api_router
from bilateral.serve.api.write import write_router
from bilateral.serve.web import STATIC, page_router
from bilateral.store import KnowledgeBase

log = logging.getLogger("bilateral.serve")


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api") or path.endswith(".json")


def _once(make: Callable[[], Extractor | Pool]) -> Callable[[], Extractor | Pool]:
    made: list[Extractor | Pool] = []

    def get() -> Extractor | Pool:
        if not made:
            made.append(make())
        return made[0]

    return get


def create_app(
    settings: Settings,
    access: Access | None = None,
    make_extractor: Callable[[], Extractor] | None = None,
) -> FastAPI:
    """The application over the knowledge base at settings.db_url; opens it once. Writes
    (POST /api/articles) always need a write token; `access` may put reads behind tokens too."""
    kb = KnowledgeBase.open(settings.db_url)
    access = access or Access()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        kb.close()

    app = FastAPI(
        lifespan=lifespan,
        title="bilateral",
        summary="News about two countries' relations as a cited knowledge base.",
        version="0.1.0",
    )
    app.state.kb = kb
    app.state.settings = settings
    app.state.access = access
    app.state.extractor = _once(make_extractor or default_extractor(settings))
    app.state.write_lock = threading.Lock()
    app.state.write_limiter = RateLimiter(access.writes_per_minute)
    reads = [Security(require_read)] if access.require_token else []
    app.include_router(api_router, prefix="/api", dependencies=reads)
    app.include_router(write_router, prefix="/api")
    app.include_router(page_router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    app.add_middleware(ResponseCache, kb=kb)
    if access.require_token:  # added last, so outermost: before the cache answers anything
        app.add_middleware(TokenGate, kb=kb, limiter=RateLimiter(access.reads_per_minute))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if _wants_json(request):
            return JSONResponse(
                {"error": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers
            )
        body = (
            f"<!doctype html><title>bilateral</title><h1>{exc.status_code}</h1><p>{exc.detail}</p>"
        )
        return HTMLResponse(body.replace("<p>", "<p>", 1), status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg', '')}"
            for e in exc.errors()
        )
        return JSONResponse({"error": f"invalid request: {problems}"}, status_code=422)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> JSONResponse:
        log.exception("error serving %s", request.url.path)
        return JSONResponse({"error": "the server failed to answer; the error is logged"}, 500)

    return app
