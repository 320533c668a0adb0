"""Server-rendered pages, each with a JSON twin at the same path plus ".json". Templates escape
everything they show; the styles are ours and ship with the package (no CDN, nothing fetched)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from bilateral.serve import views
from bilateral.store import KnowledgeBase

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
templates = Environment(
    loader=FileSystemLoader(str(HERE / "templates")),
    autoescape=select_autoescape(["html"], default=True),
)
page_router = APIRouter(include_in_schema=False)

Pair = Annotated[str | None, Query(max_length=40, pattern="^[A-Za-z]{3}(,[A-Za-z]{3})*$")]
Word = Annotated[str | None, Query(max_length=200)]
Day = Annotated[str | None, Query(max_length=10, pattern=r"^\d{4}(-\d{2}){0,2}$")]


def _kb(request: Request) -> KnowledgeBase:
    kb: KnowledgeBase = request.app.state.kb
    return kb


def _render(name: str, request: Request, data: dict[str, Any]) -> HTMLResponse:
    html = templates.get_template(name).render(
        data=data, path=request.url.path, query=str(request.url.query)
    )
    return HTMLResponse(html)


def _twin(data: dict[str, Any] | None, what: str) -> dict[str, Any]:
    if data is None:
        raise HTTPException(404, f"no such {what}")
    return data


@page_router.get("/index.json")
def overview_json(request: Request, countries: Pair = None) -> dict[str, Any]:
    return views.overview(_kb(request), countries)


@page_router.get("/", response_class=HTMLResponse)
def overview_page(request: Request, countries: Pair = None) -> HTMLResponse:
    return _render("overview.html", request, views.overview(_kb(request), countries))


@page_router.get("/timeline.json")
def timeline_json(
    request: Request, countries: Pair = None, type: Word = None, since: Day = None
) -> dict[str, Any]:
    return views.timeline(_kb(request), countries, type, since)


@page_router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    request: Request, countries: Pair = None, type: Word = None, since: Day = None
) -> HTMLResponse:
    return _render("timeline.html", request, views.timeline(_kb(request), countries, type, since))


@page_router.get("/figures.json")
def figures_json(
    request: Request, metric: Word = "trade_turnover", countries: Pair = None
) -> dict[str, Any]:
    return views.figures(_kb(request), metric or "trade_turnover", countries)


@page_router.get("/figures", response_class=HTMLResponse)
def figures_page(
    request: Request, metric: Word = "trade_turnover", countries: Pair = None
) -> HTMLResponse:
    return _render(
        "figures.html", request, views.figures(_kb(request), metric or "trade_turnover", countries)
    )


@page_router.get("/conflicts.json")
def conflicts_json(request: Request, metric: Word = None, verdict: Word = None) -> dict[str, Any]:
    return views.conflicts(_kb(request), metric, verdict)


@page_router.get("/conflicts", response_class=HTMLResponse)
def conflicts_page(request: Request, metric: Word = None, verdict: Word = None) -> HTMLResponse:
    return _render("conflicts.html", request, views.conflicts(_kb(request), metric, verdict))


@page_router.get("/entities.json")
def entities_json(
    request: Request,
    type: Word = None,
    country: Pair = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    return views.entities(_kb(request), type, country, limit, offset)


@page_router.get("/entities", response_class=HTMLResponse)
def entities_page(
    request: Request,
    type: Word = None,
    country: Pair = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    return _render(
        "entities.html", request, views.entities(_kb(request), type, country, limit, offset)
    )


@page_router.get("/entities/{entity_id}.json")
def entity_json(request: Request, entity_id: str) -> dict[str, Any]:
    return _twin(views.entity(_kb(request), entity_id[:40]), "entity")


@page_router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str) -> HTMLResponse:
    return _render(
        "entity.html", request, _twin(views.entity(_kb(request), entity_id[:40]), "entity")
    )


@page_router.get("/documents.json")
def documents_json(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    return _kb(request).document_list(limit, offset)


@page_router.get("/documents", response_class=HTMLResponse)
def documents_page(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> HTMLResponse:
    return _render("documents.html", request, _kb(request).document_list(limit, offset))


@page_router.get("/documents/{doc_id}.json")
def document_json(request: Request, doc_id: str) -> dict[str, Any]:
    return _twin(views.document(_kb(request), doc_id[:40]), "document")


@page_router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str) -> HTMLResponse:
    return _render(
        "document.html", request, _twin(views.document(_kb(request), doc_id[:40]), "document")
    )


@page_router.get("/search.json")
def search_json(request: Request, q: Word = None) -> dict[str, Any]:
    return views.search(_kb(request), q)


@page_router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Word = None) -> HTMLResponse:
    return _render("search.html", request, views.search(_kb(request), q))


@page_router.get("/ask.json")
def ask_json(
    request: Request, q: Annotated[str | None, Query(max_length=300)] = None
) -> dict[str, Any]:
    return views.ask(_kb(request), q)


@page_router.get("/ask", response_class=HTMLResponse)
def ask_page(
    request: Request, q: Annotated[str | None, Query(max_length=300)] = None
) -> HTMLResponse:
    return _render("ask.html", request, views.ask(_kb(request), q))
