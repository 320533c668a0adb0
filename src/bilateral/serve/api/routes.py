"""JSON routes: each validates its parameters, calls one query function, returns its data."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request

from bilateral.serve import briefing, views
from bilateral.store import KnowledgeBase
from bilateral.store.pairs import Pair as CountryPair
from bilateral.store.pairs import parse_pair

api_router = APIRouter(tags=["api"])

Limit = Annotated[int, Query(ge=1, le=500, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")]
Code = Annotated[str | None, Query(max_length=3, pattern="^[A-Za-z]{3}$", description="ISO3 code.")]
Day = Annotated[
    str | None, Query(max_length=10, pattern=r"^\d{4}(-\d{2}){0,2}$", description="ISO date.")
]
Text = Annotated[str | None, Query(max_length=200)]
Pair = Annotated[
    str | None,
    Query(
        max_length=40,
        pattern="^[A-Za-z]{3}(,[A-Za-z]{3})*$",
        description="ISO3 codes separated by commas.",
    ),
]


OnePair = Annotated[
    str | None,
    Query(
        max_length=7,
        pattern="^[A-Za-z]{3}-[A-Za-z]{3}$",
        description="Only what belongs to this pair of countries (ISO3-ISO3, e.g. KAZ-KOR).",
    ),
]


def pair_from(pair: str | None) -> CountryPair | None:
    return parse_pair(pair)


def kb_of(request: Request) -> KnowledgeBase:
    kb: KnowledgeBase = request.app.state.kb
    return kb


def page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    return {"items": items, "limit": limit, "offset": offset, "count": len(items)}


@api_router.get("/documents", summary="Articles, newest first")
def documents(
    request: Request, limit: Limit = 50, offset: Offset = 0, pair: OnePair = None
) -> dict[str, Any]:
    code = pair_from(pair)
    if code:
        found: dict[str, Any] = kb_of(request).in_pair(
            "documents", code, limit=limit, offset=offset
        )
        return found
    return kb_of(request).document_list(limit, offset)


@api_router.get("/documents/{doc_id}", summary="One article with every fact found in it")
def document(request: Request, doc_id: str) -> dict[str, Any]:
    found = kb_of(request).document_page(doc_id[:40])
    if found is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return found


@api_router.get("/entities", summary="Canonical entities, most mentioned first")
def entities(
    request: Request,
    type: Text = None,
    country: Code = None,
    doc: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
    pair: OnePair = None,
) -> dict[str, Any]:
    code = pair_from(pair)
    if code:
        filters = {"type_": type, "country": country, "doc": doc}
        rows = kb_of(request).in_pair("entities", code, limit=limit, offset=offset, **filters)
        return page(rows, limit, offset)
    rows = kb_of(request).entity_table(type_=type, country=country, doc=doc, limit=limit + offset)
    return page(rows[offset:], limit, offset)


@api_router.get(
    "/entities/{entity_id}", summary="One entity: roles over time, mentions, events, quotes"
)
def entity(request: Request, entity_id: str) -> dict[str, Any]:
    found = kb_of(request).entity_page(entity_id[:40])
    if found is None:
        raise HTTPException(404, f"no entity {entity_id!r}")
    found["history"] = kb_of(request).entity_history(entity_id[:40])
    return found


@api_router.get("/claims", summary="Numeric claims, latest period first")
def claims(
    request: Request,
    metric: Text = None,
    country: Code = None,
    from_: Annotated[str | None, Query(alias="from", max_length=3, pattern="^[A-Za-z]{3}$")] = None,
    to: Code = None,
    since: Day = None,
    doc: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
    pair: OnePair = None,
) -> dict[str, Any]:
    filters = {"metric": metric, "country": country, "from_": from_, "to": to, "since": since}
    code = pair_from(pair)
    if code:
        rows = kb_of(request).in_pair(
            "claims", code, doc=doc, limit=limit, offset=offset, **filters
        )
        return page(rows, limit, offset)
    rows = kb_of(request).claim_table(doc=doc, limit=limit, offset=offset, **filters)
    return page(rows, limit, offset)


@api_router.get("/events", summary="Events, in date order")
def events(
    request: Request,
    type: Text = None,
    country: Code = None,
    since: Day = None,
    person: Text = None,
    modality: Text = None,
    doc: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
    pair: OnePair = None,
) -> dict[str, Any]:
    filters = {"type_": type, "country": country, "since": since, "person": person}
    filters |= {"modality": modality, "doc": doc}
    code = pair_from(pair)
    if code:
        rows = kb_of(request).in_pair("events", code, limit=limit, offset=offset, **filters)
        return page(rows, limit, offset)
    rows = kb_of(request).event_table(limit=limit, offset=offset, **filters)
    return page(rows, limit, offset)


@api_router.get("/quotes", summary="Quotations with their speakers")
def quotes(
    request: Request,
    speaker: Text = None,
    doc: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
    pair: OnePair = None,
) -> dict[str, Any]:
    code = pair_from(pair)
    if code:
        rows = kb_of(request).in_pair(
            "quotes", code, speaker=speaker, doc=doc, limit=limit, offset=offset
        )
        return page(rows, limit, offset)
    rows = kb_of(request).quote_table(speaker=speaker, doc=doc, limit=limit, offset=offset)
    return page(rows, limit, offset)


@api_router.get("/clusters", summary="Events reconciled across articles, with their sources")
def clusters(
    request: Request,
    countries: Pair = None,
    since: Day = None,
    limit: Limit = 50,
    offset: Offset = 0,
    pair: OnePair = None,
) -> dict[str, Any]:
    code = pair_from(pair)
    if code:
        rows = kb_of(request).in_pair("timeline", code, since=since, limit=limit, offset=offset)
        return page(rows, limit, offset)
    both = views.pair_of(kb_of(request), countries)
    rows = kb_of(request).timeline(both, since=since, limit=limit, offset=offset)
    return page(rows, limit, offset)


@api_router.get("/conflicts", summary="Where sources disagree, with a verdict and why")
def conflicts(
    request: Request,
    metric: Text = None,
    verdict: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
    pair: OnePair = None,
) -> dict[str, Any]:
    code = pair_from(pair)
    if code:
        rows = kb_of(request).in_pair(
            "conflicts", code, metric=metric, verdict=verdict, limit=limit, offset=offset
        )
        return page(rows, limit, offset)
    rows = kb_of(request).conflict_table(metric=metric, verdict=verdict, limit=limit, offset=offset)
    return page(rows, limit, offset)


@api_router.get("/search", summary="Full-text search over the articles")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    pair: OnePair = None,
) -> dict[str, Any]:
    found = views.search(kb_of(request), q)
    code = pair_from(pair)
    if code:
        docs = kb_of(request).pair_scope(code)["docs"]
        found["results"] = [r for r in found["results"] if r["doc"] in docs]
    return found


@api_router.get("/ask", summary="A question answered from the knowledge base, with citations")
def ask(request: Request, q: Annotated[str, Query(min_length=1, max_length=300)]) -> dict[str, Any]:
    return views.ask(kb_of(request), q)


@api_router.get("/overview", summary="Key figures, latest events and people of a country pair")
def overview(request: Request, countries: Pair = None, pair: OnePair = None) -> dict[str, Any]:
    code = pair_from(pair)
    return views.overview(kb_of(request), ",".join(code) if code else countries)


@api_router.get("/pairs", summary="Every pair of countries the articles are about, with counts")
def pairs(request: Request) -> dict[str, Any]:
    return briefing.pairs_view(kb_of(request))


@api_router.get("/brief/{pair}", summary="A briefing on a pair of countries, every line cited")
def brief(request: Request, pair: str, since: Day = None, until: Day = None) -> dict[str, Any]:
    code = pair_from(pair[:7])
    if code is None:
        raise HTTPException(404, "a briefing is for a pair of countries: /api/brief/A-B")
    return briefing.brief_view(kb_of(request), code, since, until)
