"""What two sides discussed, agreed or signed, and what an occasion produced: the events between
them grouped by occasion.

An occasion is what the events the question points at were reconciled into (a visit, a summit
reported by several articles), with every event between the same countries in the same month,
and the undated ones of the articles that report it. What was discussed comes from the
sentences of those articles that say so ("discussed ...", "agreed to ..."); what it produced
from their agreements, cooperation and the deals they put a figure on.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cache
from typing import Any

from bilateral import data, display
from bilateral.ask.cite import cite, disagreements
from bilateral.ask.events import events_for
from bilateral.model import Answer, Citation, Statement, Understood
from bilateral.store import KnowledgeBase

_SENTENCE = re.compile(r"[^\n]+?(?:[.!?](?=\s|$)|$)", re.MULTILINE)
TOPICS_PER_ARTICLE = 3


@cache
def _cues(kind: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(c.pattern, re.I), c.value) for c in data.question_cues() if c.kind == kind
    )


def _outcome_kinds(question: str) -> set[str]:
    for pattern, kinds in _cues("outcome"):
        if pattern.search(question):
            return set(kinds.split("|"))
    return set()


def topic(sentence: str) -> str | None:
    """What a sentence says was discussed: the words after "discussed", "agreed to"...; the
    whole sentence when they are too few, or start with a word that names nothing ("signed
    today")."""
    stop = [p for p, _ in _cues("stop")]
    for pattern, _ in _cues("topic"):
        m = pattern.search(sentence)
        if m:
            rest = sentence[m.end() :].strip(" ,:;")
            words = rest.split()
            if len(words) < 4 or any(p.fullmatch(words[0].lower()) for p in stop):
                rest = sentence.strip()
            return rest[:200].rstrip(" ,.") or None
    return None


def _label(r: dict[str, Any]) -> str:
    return f"{r['type']} {r['subtype'].replace('_', ' ')}"


def _lead_end(text: str) -> int:
    """Where the title and the first paragraph of an article end."""
    return len("\n\n".join(text.split("\n\n")[:2]))


def _topics(texts: dict[str, dict[str, Any]]) -> list[Statement]:
    """The sentences of the occasion's articles that say what was discussed or agreed."""
    out = []
    for doc, info in sorted(texts.items()):
        found = 0
        for m in _SENTENCE.finditer(info["text"]):
            sentence = m.group(0).strip()
            about = topic(sentence)
            if not about or found >= TOPICS_PER_ARTICLE:
                continue
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            found += 1
            out.append(
                Statement(
                    f"Discussed or agreed: {about}.",
                    "topic",
                    (Citation(doc, info["title"], info["published"], start, m.end(), sentence),),
                    name=about,
                )
            )
    return out


def discuss(kb: KnowledgeBase, question: str, u: Understood) -> Answer | None:
    if not u.countries and not u.people:
        return None  # "what was discussed?" between whom: the question names no one
    anchors = events_for(kb, question, u, particular=False)
    if not anchors and u.events:
        # nothing of the kind asked ("what did they sign?"): the occasions they met on
        anchors = events_for(kb, question, replace(u, events=()), particular=False)
    if not anchors:
        return None
    pair = list(u.countries[:2])
    if len(pair) < 2:
        counted = Counter(
            tuple(sorted(set(r["actors"] + r["targets"])))
            for r in anchors
            if len(set(r["actors"] + r["targets"])) == 2
        )
        pair = list(counted.most_common(1)[0][0]) if counted else pair
    clusters = kb.clusters_holding({r["id"] for r in anchors})
    members = {m for c in clusters for m in c["members"]}
    around = kb.events_between(pair) if pair else anchors
    reports = [r for r in around if r["id"] in members] + anchors
    months = {r["date"][:7] for r in reports if r["date"]} | {
        c["date"][:7] for c in clusters if c["date"]
    }
    docs = sorted({r["doc"] for r in reports})
    texts = kb.document_texts(docs)
    # articles about the occasion: it is reported in their title or first paragraph
    about = {r["doc"] for r in reports if r["start"] < _lead_end(texts[r["doc"]]["text"])}
    dated_elsewhere = {
        m for c in kb.clusters_holding({r["id"] for r in around}) if c["date"] for m in c["members"]
    }
    outcomes = _outcome_kinds(question)
    wanted = outcomes or {"CONSULT", "AGREE", "COOPERATE", "AID"}
    rows = {r["id"]: r for r in reports}
    for r in around:
        dated_with = r["date"] and r["date"][:7] in months
        undated_here = not r["date"] and r["doc"] in about and r["id"] not in dated_elsewhere
        if r["type"] in wanted and r["modality"] == "actual" and (dated_with or undated_here):
            rows[r["id"]] = r
    occasion = {m: c["summary"] for c in clusters for m in c["members"]}
    cluster_date = {m: c["date"] for c in clusters if c["date"] for m in c["members"]}

    def when(r: dict[str, Any]) -> str:
        """The month of an event, or of the occasion it was reconciled into."""
        return ((r["date"] or cluster_date.get(r["id"])) or "")[:7] or "undated"

    statements = []
    order = sorted(
        rows.values(), key=lambda r: (when(r), r["type"] != "CONSULT", r["doc"], r["start"])
    )
    for r in order:
        if outcomes and r["type"] not in outcomes and r["id"] not in {a["id"] for a in anchors}:
            continue
        people = f" with {', '.join(r['people'])}" if r["people"] else ""
        modality = "" if r["modality"] == "actual" else f" ({r['modality']})"
        statements.append(
            Statement(
                f"{when(r)}: {_label(r)}{modality}{people}.",
                "event",
                (cite(r),),
                date=r["date"],
                occasion=occasion.get(r["id"]) or when(r),
            )
        )
    if outcomes & {"deal_value", "project_value"} and pair:
        for c in kb.claims_between(pair):
            if c["metric"] in outcomes and c["doc"] in about:
                statements.append(
                    Statement(
                        f"{c['metric'].replace('_', ' ')}: "
                        f"{display.value(c['value'], c['unit'], c['approx'])}.",
                        "claim",
                        (cite(c),),
                        value=c["value"],
                        unit=c["unit"],
                    )
                )
    if not outcomes:
        statements += _topics(texts)
    return Answer(
        question,
        u.kind,
        True,
        tuple(statements),
        disagreements(kb, set(rows)),
        understood=u,
    )
