"""Who: people by role and country ("Japan's ambassador to India"), with every article that
attests them and its date; or the people of the events a question names ("who signed ...")."""

from __future__ import annotations

from bilateral.ask.cite import cite, cite_mention, country
from bilateral.ask.events import events_for
from bilateral.model import Answer, Statement, Understood
from bilateral.store import KnowledgeBase


def _holds(role: str, asked: str) -> bool:
    return role.lower().startswith(asked.lower())


def by_role(kb: KnowledgeBase, question: str, u: Understood) -> Answer | None:
    if not u.role:
        return None
    of = u.from_ or (u.countries[0] if u.countries else None)
    other = [c for c in u.countries if c != of]
    statements = []
    for p in kb.people_by_role(u.role.split(" of ")[0], of):
        roles = [r for r in p["roles"] if _holds(r, u.role.split(" of ")[0])]
        if " of " in u.role:
            # "finance minister": a Minister of Finance, not any minister
            roles = [r for r in roles if r.startswith(u.role)]
        if u.role_words:
            # "Treasury Secretary": a secretary whose role names the Treasury
            roles = [r for r in roles if all(w.lower() in r.lower() for w in u.role_words)]
        if other:
            # "ambassador to India": the role must name the other country
            roles = [r for r in roles if any(country(c) in r for c in other)]
        if not roles or not p["attested"]:
            continue
        dates = sorted({d["published"] for d in p["attested"] if d["published"]})
        when = (
            (f"attested {dates[0]}" + (f" to {dates[-1]}" if len(dates) > 1 else ""))
            if dates
            else "articles undated"
        )
        statements.append(
            Statement(
                f"{p['name']}: {'; '.join(roles)} ({when}).",
                "person",
                tuple(cite_mention(d) for d in p["attested"][:5]),
                name=p["name"],
                date=dates[-1] if dates else None,
            )
        )
    if not statements:
        return None
    return Answer(question, u.kind, True, tuple(statements), understood=u)


def of_events(kb: KnowledgeBase, question: str, u: Understood) -> Answer | None:
    """The people of the events the question names, but those it names itself."""
    rows = events_for(kb, question, u, particular=True)
    seen: dict[str, list[dict[str, object]]] = {}
    for r in rows:
        for name in r["people"]:
            if name not in u.people:
                seen.setdefault(name, []).append(r)
    if not seen:
        return None
    statements = tuple(
        Statement(
            f"{name}: {', '.join(sorted({str(r['subtype']).replace('_', ' ') for r in found}))}"
            f" ({', '.join(sorted({str(r['date']) for r in found if r['date']})) or 'undated'}).",
            "person",
            tuple(cite(r) for r in found),
            name=name,
        )
        for name, found in seen.items()
    )
    return Answer(question, u.kind, True, statements, understood=u)


def who(kb: KnowledgeBase, question: str, u: Understood) -> Answer | None:
    if u.role and not [e for e in u.events if e.split(":")[0] != "CONSULT"]:
        # "who is the president of X": the holders of the role, or nobody; never the people
        # of some event of X
        return by_role(kb, question, u)
    return of_events(kb, question, u)
