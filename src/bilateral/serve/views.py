"""The data behind every page and API route: plain functions of the knowledge base and the
request's parameters, returning JSON-ready dicts. Pages render them; their JSON twins and the
API return them as they are."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from bilateral import display
from bilateral.ask import answer
from bilateral.store import KnowledgeBase

METRICS = (
    "trade_turnover",
    "exports",
    "imports",
    "investment_total",
    "investment_flow",
    "companies_count",
    "projects_count",
    "deal_value",
    "project_value",
    "population",
    "rank",
    "visitors",
    "students",
    "other",
)


def pair_of(kb: KnowledgeBase, countries: str | None) -> list[str]:
    """The countries asked for; else the pair with most articles; else the two countries most
    named."""
    if countries:
        return [c.strip().upper() for c in countries.split(",") if c.strip()][:2]
    busiest = kb.pairs()
    return list(busiest[0]["countries"]) if busiest else kb.dyad()


def overview(kb: KnowledgeBase, countries: str | None) -> dict[str, Any]:
    pair = pair_of(kb, countries)
    figures = kb.key_figures(pair) if len(pair) == 2 else []
    for f in figures:
        f["shown"] = display.value(f["value"], f["unit"], f["approx"])
        f["when"] = (
            display.period(f["period_start"], f["period_end"]) or f["published"] or "undated"
        )
    events = kb.timeline(pair)
    latest = sorted(events, key=lambda c: c["date"] or "", reverse=True)[:8]
    return {
        "pair": pair,
        "counts": kb.counts(),
        "figures": figures,
        "events": latest,
        "people": kb.people_who_matter(pair) if pair else [],
    }


def timeline(
    kb: KnowledgeBase, countries: str | None, type_: str | None, since: str | None
) -> dict[str, Any]:
    pair = pair_of(kb, countries)
    rows = kb.timeline(pair, since=since)
    if type_:
        rows = [r for r in rows if r["type"] == type_.upper()]
    return {
        "pair": pair,
        "type": type_,
        "since": since,
        "events": rows,
        "types": sorted({r["type"] for r in kb.timeline(pair) if r["type"]}),
    }


def figures(kb: KnowledgeBase, metric: str, countries: str | None) -> dict[str, Any]:
    pair = pair_of(kb, countries)
    rows = kb.claim_table(metric=metric, limit=500)
    rows = [r for r in rows if set(pair) <= set(r["countries"])]
    for r in rows:
        r["shown"] = display.value(r["value"], r["unit"], r["approx"])
        r["x"] = r["period_end"] or r["period_start"] or r["published"]
    ids = {r["id"] for r in rows}
    disputes = [x for x in kb.conflict_table(include_agreement=True) if ids & set(x["members"])]
    return {
        "pair": pair,
        "metric": metric,
        "metrics": METRICS,
        "points": rows,
        "conflicts": disputes,
        "chart": chart(rows),
    }


def chart(rows: list[dict[str, Any]], width: int = 760, height: int = 280) -> dict[str, Any]:
    """An SVG line chart of dated points, one series per unit; every point keeps its claim."""
    dated = sorted((r for r in rows if r["x"]), key=lambda r: r["x"])
    if not dated:
        return {"series": [], "width": width, "height": height}
    units = sorted({r["unit"] for r in dated})
    unit = max(units, key=lambda u: sum(1 for r in dated if r["unit"] == u))
    points = [r for r in dated if r["unit"] == unit]
    xs = sorted({r["x"] for r in points})
    top = max(r["value"] for r in points) or 1.0
    pad = 40
    step = (width - 2 * pad) / max(1, len(xs) - 1)
    placed = []
    for r in points:
        x = pad + step * xs.index(r["x"]) if len(xs) > 1 else width / 2
        y = height - pad - (height - 2 * pad) * (r["value"] / top)
        placed.append(
            {
                "x": round(x, 1),
                "y": round(y, 1),
                "id": r["id"],
                "doc": r["doc"],
                "label": f"{r['shown']} ({r['x']})",
                "sentence": r["sentence"],
            }
        )
    return {
        "unit": unit,
        "width": width,
        "height": height,
        "series": placed,
        "ticks": [
            {"x": round(pad + step * i if len(xs) > 1 else width / 2, 1), "label": x}
            for i, x in enumerate(xs)
        ],
        "top": display.value(top, unit),
    }


def conflicts(kb: KnowledgeBase, metric: str | None, verdict: str | None) -> dict[str, Any]:
    rows = kb.conflict_table(metric=metric, verdict=verdict)
    for r in rows:
        for f in r["facts"]:
            if f["kind"] == "claim":
                f["shown"] = display.value(f["value"], f["unit"], f["approx"])
                f["when"] = display.period(f["period_start"], f["period_end"])
            else:
                f["shown"] = f"{f['type']} {f['subtype']}"
                f["when"] = f["date"] or ""
    return {"metric": metric, "verdict": verdict, "conflicts": rows}


def document(kb: KnowledgeBase, doc_id: str) -> dict[str, Any] | None:
    page = kb.document_page(doc_id)
    if page is None:
        return None
    page["pieces"] = highlight(page)
    return page


def highlight(page: dict[str, Any]) -> list[dict[str, Any]]:
    """The text as segments (inside a quote or not), each cut into pieces that are plain or
    marked as a mention, a figure or an event cue, for the template to escape and mark."""
    text = page["text"]
    inner = [
        (c["value_start"], c["value_end"], "claim", c["id"], c["metric"]) for c in page["claims"]
    ]
    inner += [
        (m["start"], m["end"], "mention", m["entity"] or "", f"{m['type']} {m['name']}")
        for m in page["mentions"]
    ]
    for e in page["events"]:
        at = e["sentence"].find(e["cue"])
        if at >= 0:
            start = e["start"] + at
            inner.append(
                (start, start + len(e["cue"]), "event", e["id"], f"{e['type']} {e['subtype']}")
            )
    taken: list[tuple[int, int, str, str, str]] = []
    dropped = []
    for m in sorted(inner, key=lambda m: (m[0], -(m[1] - m[0]))):
        if all(m[1] <= t[0] or m[0] >= t[1] for t in taken):
            taken.append(m)
        else:
            dropped.append(m)
    # a fact whose words overlap another's keeps an empty anchor, so links to it still land
    for m in dropped:
        at = min([m[0], *(t[0] for t in taken if t[0] < m[0] < t[1])])
        anchor = f"m{m[0]}" if m[2] == "mention" else m[3]
        taken.append((at, at, "anchor", anchor, ""))
    bounds = [(0, "text", "", "")]
    for q in sorted(page["quotes"], key=lambda q: q["start"]):
        bounds.append((q["start"], "quote", q["id"], f"said by {q['speaker'] or 'nobody named'}"))
        bounds.append((q["end"], "text", "", ""))
    segments = []
    for index, (start, kind, ref, title) in enumerate(bounds):
        end = bounds[index + 1][0] if index + 1 < len(bounds) else len(text)
        if end <= start:
            continue
        pieces, pos = [], start
        for m_start, m_end, m_kind, m_ref, m_title in sorted(taken):
            if m_start < start or m_end > end:
                continue
            if m_start > pos:
                pieces.append({"text": text[pos:m_start], "kind": "text"})
            pieces.append(
                {
                    "text": text[m_start:m_end],
                    "kind": m_kind,
                    "ref": m_ref,
                    "title": m_title,
                    "at": m_start,
                }
            )
            pos = m_end
        pieces.append({"text": text[pos:end], "kind": "text"})
        segments.append({"kind": kind, "ref": ref, "title": title, "pieces": pieces})
    return segments


def entity(kb: KnowledgeBase, entity_id: str) -> dict[str, Any] | None:
    return kb.entity_page(entity_id)


def entities(
    kb: KnowledgeBase, type_: str | None, country: str | None, limit: int, offset: int
) -> dict[str, Any]:
    rows = kb.entity_table(type_=type_, country=country, limit=limit + offset)
    return {
        "items": rows[offset:],
        "type": type_,
        "country": country,
        "limit": limit,
        "offset": offset,
    }


def search(kb: KnowledgeBase, q: str | None) -> dict[str, Any]:
    return {"q": q or "", "results": kb.search(q, limit=20) if q else []}


def ask(kb: KnowledgeBase, q: str | None) -> dict[str, Any]:
    if not q:
        return {"q": "", "answer": None}
    return {"q": q, "answer": asdict(answer(kb, q))}
