"""Server-rendered pages, each with a JSON twin at the same path plus ".json". Templates escape
everything they show; the styles are ours and ship with the package (no CDN, nothing fetched)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from bilateral.serve import briefing, views
from bilateral.store import KnowledgeBase
from bilateral.store.pairs import parse_pair

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
# one pair of countries, A-B: every page shows it and its links keep it
OnePair = Annotated[str | None, Query(max_length=7, pattern="^[A-Za-z]{3}-[A-Za-z]{3}$")]


def _kb(request: Request) -> KnowledgeBase:
    kb: KnowledgeBase = request.app.state.kb
    return kb


def _render(name: str, request: Request, data: dict[str, Any]) -> HTMLResponse:
    code = parse_pair(request.query_params.get("pair"))
    html = templates.get_template(name).render(
        data=data,
        path=request.url.path,
        query=str(request.url.query),
        pairs=_kb(request).pairs(),
        pair=data.get("code") or (f"{code[0]}-{code[1]}" if code else None),
    )
    return HTMLResponse(html)


def _countries(countries: str | None, pair: str | None) -> str | None:
    """The countries a page is about: the pair asked for, else the countries, else the default."""
    code = parse_pair(pair)
    return ",".join(code) if code else countries


def _scoped(request: Request, data: dict[str, Any], pair: str | None, key: str, kind: str) -> None:
    """Keep only the rows of data[key] that belong to the pair asked for."""
    code = parse_pair(pair)
    if code:
        ids = _kb(request).pair_scope(code)[kind]
        field = "doc" if kind == "docs" else "id"
        data[key] = [r for r in data[key] if r[field] in ids]
        data["pair"] = f"{code[0]}-{code[1]}"


def _twin(data: dict[str, Any] | None, what: str) -> dict[str, Any]:
    if data is None:
        raise HTTPException(404, f"no such {what}")
    return data


@page_router.get("/index.json")
def overview_json(request: Request, countries: Pair = None, pair: OnePair = None) -> dict[str, Any]:
    return views.overview(_kb(request), _countries(countries, pair))


@page_router.get("/", response_class=HTMLResponse)
def overview_page(request: Request, countries: Pair = None, pair: OnePair = None) -> HTMLResponse:
    return _render(
        "overview.html", request, views.overview(_kb(request), _countries(countries, pair))
    )


@page_router.get("/timeline.json")
def timeline_json(
    request: Request,
    countries: Pair = None,
    type: Word = None,
    since: Day = None,
    pair: OnePair = None,
) -> dict[str, Any]:
    return views.timeline(_kb(request), _countries(countries, pair), type, since)


@page_router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    request: Request,
    countries: Pair = None,
    type: Word = None,
    since: Day = None,
    pair: OnePair = None,
) -> HTMLResponse:
    data = views.timeline(_kb(request), _countries(countries, pair), type, since)
    return _render("timeline.html", request, data)


@page_router.get("/figures.json")
def figures_json(
    request: Request, metric: Word = "trade_turnover", countries: Pair = None, pair: OnePair = None
) -> dict[str, Any]:
    return views.figures(_kb(request), metric or "trade_turnover", _countries(countries, pair))


@page_router.get("/figures", response_class=HTMLResponse)
def figures_page(
    request: Request, metric: Word = "trade_turnover", countries: Pair = None, pair: OnePair = None
) -> HTMLResponse:
    data = views.figures(_kb(request), metric or "trade_turnover", _countries(countries, pair))
    return _render("figures.html", request, data)


@page_router.get("/conflicts.json")
def conflicts_json(
    request: Request, metric: Word = None, verdict: Word = None, pair: OnePair = None
) -> dict[str, Any]:
    data = views.conflicts(_kb(request), metric, verdict)
    _scoped(request, data, pair, "conflicts", "conflicts")
    return data


@page_router.get("/conflicts", response_class=HTMLResponse)
def conflicts_page(
    request: Request, metric: Word = None, verdict: Word = None, pair: OnePair = None
) -> HTMLResponse:
    data = views.conflicts(_kb(request), metric, verdict)
    _scoped(request, data, pair, "conflicts", "conflicts")
    return _render("conflicts.html", request, data)


def _entities(
    request: Request,
    type_: str | None,
    country: str | None,
    limit: int,
    offset: int,
    pair: str | None,
) -> dict[str, Any]:
    code = parse_pair(pair)
    if code is None:
        return views.entities(_kb(request), type_, country, limit, offset)
    items = _kb(request).in_pair(
        "entities", code, type_=type_, country=country, limit=limit, offset=offset
    )
    return {"items": items, "type": type_, "country": country, "limit": limit, "offset": offset}


@page_router.get("/entities.json")
def entities_json(
    request: Request,
    type: Word = None,
    country: Pair = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
    pair: OnePair = None,
) -> dict[str, Any]:
    return _entities(request, type, country, limit, offset, pair)


@page_router.get("/entities", response_class=HTMLResponse)
def entities_page(
    request: Request,
    type: Word = None,
    country: Pair = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
    pair: OnePair = None,
) -> HTMLResponse:
    return _render("entities.html", request, _entities(request, type, country, limit, offset, pair))


def _entity(request: Request, entity_id: str) -> dict[str, Any]:
    data = _twin(views.entity(_kb(request), entity_id[:40]), "entity")
    data["history"] = _kb(request).entity_history(entity_id[:40])
    data["events"].sort(key=lambda e: (e["date"] or "9999", e["doc"], e["start"]))
    return data


@page_router.get("/entities/{entity_id}.json")
def entity_json(request: Request, entity_id: str, pair: OnePair = None) -> dict[str, Any]:
    return _entity(request, entity_id)


@page_router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(request: Request, entity_id: str, pair: OnePair = None) -> HTMLResponse:
    return _render("entity.html", request, _entity(request, entity_id))


def _documents(request: Request, limit: int, offset: int, pair: str | None) -> dict[str, Any]:
    code = parse_pair(pair)
    if code is None:
        return _kb(request).document_list(limit, offset)
    found: dict[str, Any] = _kb(request).in_pair("documents", code, limit=limit, offset=offset)
    return found


@page_router.get("/documents.json")
def documents_json(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
    pair: OnePair = None,
) -> dict[str, Any]:
    return _documents(request, limit, offset, pair)


@page_router.get("/documents", response_class=HTMLResponse)
def documents_page(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
    pair: OnePair = None,
) -> HTMLResponse:
    return _render("documents.html", request, _documents(request, limit, offset, pair))


@page_router.get("/documents/{doc_id}.json")
def document_json(request: Request, doc_id: str, pair: OnePair = None) -> dict[str, Any]:
    return _twin(views.document(_kb(request), doc_id[:40]), "document")


@page_router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str, pair: OnePair = None) -> HTMLResponse:
    return _render(
        "document.html", request, _twin(views.document(_kb(request), doc_id[:40]), "document")
    )


def _search(request: Request, q: str | None, pair: str | None) -> dict[str, Any]:
    data = views.search(_kb(request), q)
    _scoped(request, data, pair, "results", "docs")
    return data


@page_router.get("/search.json")
def search_json(request: Request, q: Word = None, pair: OnePair = None) -> dict[str, Any]:
    return _search(request, q, pair)


@page_router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Word = None, pair: OnePair = None) -> HTMLResponse:
    return _render("search.html", request, _search(request, q, pair))


@page_router.get("/pairs.json")
def pairs_json(request: Request) -> dict[str, Any]:
    return briefing.pairs_view(_kb(request))


@page_router.get("/pairs", response_class=HTMLResponse)
def pairs_page(request: Request) -> HTMLResponse:
    return _render("pairs.html", request, briefing.pairs_view(_kb(request)))


def _brief(request: Request, code: str, since: str | None, until: str | None) -> dict[str, Any]:
    pair = parse_pair(code[:7])
    if pair is None:
        raise HTTPException(404, "a briefing is for a pair of countries: /brief/A-B")
    return briefing.brief_view(_kb(request), pair, since, until)


@page_router.get("/brief", response_class=RedirectResponse)
def brief_of_pair(pair: OnePair = None) -> RedirectResponse:
    """The picker on a briefing asks for /brief?pair=A-B: the briefing of that pair."""
    code = parse_pair(pair)
    return RedirectResponse(f"/brief/{code[0]}-{code[1]}" if code else "/pairs", status_code=303)


@page_router.get("/brief/{code}.json")
def brief_json(request: Request, code: str, since: Day = None, until: Day = None) -> dict[str, Any]:
    return _brief(request, code, since, until)


@page_router.get("/brief/{code}", response_class=HTMLResponse)
def brief_page(request: Request, code: str, since: Day = None, until: Day = None) -> HTMLResponse:
    return _render("brief.html", request, _brief(request, code, since, until))


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
