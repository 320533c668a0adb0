"""POST /api/articles: articles written into the knowledge base by a token with the write scope.

The body is one article (JSON, the fields of the ingest format), JSON Lines (one a line), or
raw HTML with `?url=`. The whole body is read and checked first: an oversized body, invalid
JSON or an article without text is refused with nothing stored. Writes are serialised (one
at a time) and each is logged with the token's name and the ids of the articles stored.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request, Security
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from bilateral.clean import clean_article
from bilateral.ingest import holding, read_jsonl
from bilateral.model import Document, IngestFailure, RawArticle
from bilateral.pipeline import Ingestor
from bilateral.serve.api.auth import require_write
from bilateral.store import TokenInfo

log = logging.getLogger("bilateral.serve.writes")

write_router = APIRouter(tags=["write"])

JSON_TYPES = ("application/json",)
LINES_TYPES = ("application/x-ndjson", "application/jsonl", "application/json-lines")
HTML_TYPES = ("text/html",)

_ARTICLE = {
    "type": "object",
    "description": "An article in the ingest format; `text` or `html` is required.",
    "properties": {
        "id": {"type": "string"},
        "url": {"type": "string"},
        "title": {"type": "string"},
        "published": {"type": "string", "description": "A date, ISO 8601 preferred."},
        "outlet": {"type": "string"},
        "authors": {"type": "array", "items": {"type": "string"}},
        "text": {"type": "string"},
        "html": {"type": "string"},
    },
    "anyOf": [{"required": ["text"]}, {"required": ["html"]}],
}
_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": _ARTICLE},
        "application/x-ndjson": {
            "schema": {"type": "string", "description": "One article object a line."}
        },
        "text/html": {"schema": {"type": "string", "description": "A page; give ?url=."}},
    },
}


def _too_big(limit: int) -> HTTPException:
    return HTTPException(413, f"the body is over the {limit // 1024 // 1024} MB limit.")


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_big(limit)
    chunks, total = [], 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > limit:
            raise _too_big(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _articles(body: bytes, kind: str, url: str | None, source: str) -> list[RawArticle]:
    """The body's articles, or an HTTPException saying what is wrong with it."""
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise HTTPException(422, f"the body is not UTF-8 (byte at {exc.start}).") from None
    if not text.strip():
        raise HTTPException(422, "the body is empty.")
    if kind in HTML_TYPES:
        if not url:
            raise HTTPException(422, "raw HTML needs the page's address as ?url=.")
        return [RawArticle(source=url, content=text, fmt="html", url=url)]
    if kind in JSON_TYPES:
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            raise HTTPException(
                422, f"the body is not valid JSON ({exc.msg} at line {exc.lineno})."
            ) from None
        except RecursionError:
            raise HTTPException(422, "the body is not valid JSON (nested too deeply).") from None
        if not isinstance(record, dict):
            raise HTTPException(422, "a JSON body is one article object; send JSON Lines for more.")
        text = json.dumps(record)
    elif kind not in LINES_TYPES:
        raise HTTPException(
            415, "send application/json, application/x-ndjson (JSON Lines) or text/html."
        )
    items = list(read_jsonl(text, source))
    failures = [i for i in items if isinstance(i, IngestFailure)]
    if failures:
        raise HTTPException(422, "; ".join(f"{f.source}: {f.reason.rstrip('.')}" for f in failures))
    return [i for i in items if isinstance(i, RawArticle)]


def _checked(articles: list[RawArticle]) -> list[Document]:
    """Each article cleaned once here, so a body with any unreadable article stores nothing."""
    docs, problems = [], []
    for raw in articles:
        try:
            found = clean_article(raw)
        except Exception as exc:  # a page the cleaner cannot take is bad input, not a crash
            found = IngestFailure(raw.source, f"could not be cleaned: {exc}.")
        if isinstance(found, IngestFailure):
            problems.append(f"{found.source}: {found.reason.rstrip('.')}")
        else:
            docs.append(found)
    if problems:
        raise HTTPException(422, "; ".join(problems) + "; nothing was stored.")
    return docs


def _ingest(request: Request, articles: list[RawArticle], docs: list[Document]) -> dict[str, Any]:
    app = request.app
    outcomes: dict[str, str] = {}
    lock: threading.Lock = app.state.write_lock
    with lock, holding(articles) as key:
        ingestor = Ingestor(
            app.state.kb,
            app.state.settings,
            app.state.extractor,
            lambda source, outcome: outcomes.__setitem__(source, outcome),
        )
        report = ingestor.run([key])
    return {
        "ingested": report.ingested,
        "near_duplicates": report.near_duplicates,
        "duplicates": report.duplicates,
        "failed": report.failed,
        "articles": [
            {"source": d.source, "id": d.id, "outcome": outcomes.get(d.source, "failed")}
            for d in docs
        ],
        "failures": [{"source": f.source, "reason": f.reason} for f in report.failures],
    }


@write_router.post(
    "/articles",
    summary="Add articles (needs a token with the write scope); answers with the ingest report",
    openapi_extra={"requestBody": _BODY},
    responses={
        401: {"description": "No token, or a token that is unknown or revoked."},
        403: {"description": "A token that may only read."},
        413: {"description": "The body is over the size limit."},
        415: {"description": "A content type other than JSON, JSON Lines or HTML."},
        422: {"description": "Invalid JSON, or an article without readable text: nothing stored."},
        429: {"description": "Too many requests for this token; see Retry-After."},
    },
)
async def post_articles(
    request: Request,
    token: Annotated[TokenInfo, Security(require_write)],
    url: Annotated[str | None, Query(max_length=2000, description="The page's URL (HTML).")] = None,
) -> JSONResponse:
    body = await _read_body(request, request.app.state.access.max_body)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    source = f"api/{token.name}/{uuid.uuid4().hex[:8]}"
    articles = _articles(body, kind, url, source)
    docs = await run_in_threadpool(_checked, articles)
    report = await run_in_threadpool(_ingest, request, articles, docs)
    stored = [a["id"] for a in report["articles"] if a["outcome"] != "duplicate"]
    log.info(
        "write by token %r: %d ingested, %d duplicates, %d failed; ids %s",
        token.name,
        report["ingested"],
        report["duplicates"],
        report["failed"],
        ", ".join(stored) or "none",
    )
    return JSONResponse(report, status_code=201 if report["ingested"] else 200)
