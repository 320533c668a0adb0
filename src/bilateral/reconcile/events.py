"""Event clusters: the per-article reports of one happening become one event with its sources;
reports of a once-only event (a recognition, a strategic partnership) that disagree on its date
become a conflict."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence

from bilateral import data
from bilateral.model import Cluster, Conflict, DocInfo, Event, content_id
from bilateral.reconcile.event_groups import Clustering, Group, NamedEvent

__all__ = ["NamedEvent", "event_clusters", "event_key"]


def event_key(e: Event) -> str:
    return "|".join([e.type, "-".join(sorted(set(e.actors + e.targets)))])


def _cluster(g: Group, key: str) -> Cluster:
    events = [m.event for m in g.members]
    dated = sorted((e for e in events if e.date), key=lambda e: -len(e.date or ""))
    best = min(events, key=lambda e: (0 if e.subtype == "state_visit" else 1, e.subtype))
    people = tuple(dict.fromkeys(p for m in g.members for p in m.people))
    place = next((m.place for m in g.members if m.place), None)
    date = dated[0].date if dated else None
    disputed = sorted(
        {
            e.date
            for e in dated
            if e.date and not (date or "").startswith(e.date) and not e.date.startswith(date or "")
        }
    )
    if disputed:  # reports that disagree on the date: the cluster has none, the summary says so
        disputed = sorted({*disputed, date or ""})
        date = None
    countries = tuple(sorted({c for e in events for c in e.actors + e.targets}))
    actors = " ".join(dict.fromkeys(c for e in events for c in e.actors))
    targets = " ".join(dict.fromkeys(c for e in events for c in e.targets if c not in e.actors))
    when = f"dated {' or '.join(disputed)} (disputed)" if disputed else date or "undated"
    words = [best.type, best.subtype.replace("_", " "), f"{actors} → {targets}", when]
    if place:
        words.append(f"in {place}")
    if people:
        words.append("with " + ", ".join(people))
    words.append(f"({len(events)} report{'s' if len(events) > 1 else ''})")
    members = tuple(sorted(e.id for e in events))
    return Cluster(
        id=content_id("k", *members),
        key=key,
        of="event",
        members=members,
        summary=" ".join(words),
        date=date,
        type=best.type,
        subtype=best.subtype,
        countries=countries,
        people=people,
        place=place,
    )


def _apart(events: list[Event]) -> list[tuple[Event, Event]]:
    """The pairs of dated reports whose dates do not overlap, in the order of a double loop over
    the reports (which come sorted by their first day).

    A later report lies apart from an earlier one when it starts after the earlier one ends:
    those are a tail of the list, found by bisection, so only pairs that are apart are visited.
    (The only other way apart, ending before the earlier one starts, needs a report that ends
    before it starts; such reports are checked one by one.) Reports with k dates that differ can
    still be apart in up to n²/2 pairs: every one is a conflict and all are returned."""
    starts = [e.date_start or "" for e in events]
    backwards = [j for j, e in enumerate(events) if (e.date_end or "") < (e.date_start or "")]
    out = []
    for i, a in enumerate(events):
        after = max(i + 1, bisect_right(starts, a.date_end or ""))
        for j in backwards:
            if i < j < after and (events[j].date_end or "") < (a.date_start or ""):
                out.append((a, events[j]))
        out += ((a, events[j]) for j in range(after, len(events)))
    return out


def _once_conflicts(events: list[NamedEvent], key: str, docs: dict[str, DocInfo]) -> list[Conflict]:
    """Reports of a once-only event that date it apart, from independent articles."""
    dated = [n.event for n in events if n.event.date_start and n.event.date_end]
    out = []
    for ea, eb in _apart(dated):
        if (docs[ea.doc_id].duplicate_of or ea.doc_id) == (
            docs[eb.doc_id].duplicate_of or eb.doc_id
        ):
            continue
        what = ea.subtype.replace("_", " ")
        pair = " and ".join(sorted(set(ea.actors + ea.targets)))
        members = tuple(sorted((ea.id, eb.id)))
        title_a, title_b = docs[ea.doc_id].name, docs[eb.doc_id].name
        out.append(
            Conflict(
                id=content_id("x", *members),
                key=key,
                kind="event",
                members=members,
                verdict="contradiction",
                explanation=(
                    f"The {what} between {pair} happened once, but \u201c{title_a}\u201d dates "
                    f"it {ea.date} and \u201c{title_b}\u201d dates it {eb.date}."
                ),
            )
        )
    return out


def event_clusters(
    group: Sequence[NamedEvent], docs: dict[str, DocInfo]
) -> tuple[list[Cluster], list[Conflict]]:
    """Clusters and date conflicts of one group (events of one type between the same countries).
    The result depends only on the group, never on the order it came in. Reports are taken in
    date order, each joining the cluster it fits best; the clusters keep what the decision
    needs (see `event_groups`), so the cost grows with the reports and the clusters open at
    their dates, not with every report against every cluster."""
    if not group:
        return [], []
    key = event_key(group[0].event)
    once = {c.subtype for c in data.event_cues() if c.once}
    ordered = sorted(
        group, key=lambda n: (n.event.date_start is None, n.event.date_start or "", n.event.id)
    )
    clustering = Clustering(docs, Counter(w for n in group for w in set(n.event.words)))
    conflicts: list[Conflict] = []
    for subtype in sorted({n.event.subtype for n in ordered if n.event.subtype in once}):
        alike = [n for n in ordered if n.event.subtype == subtype]
        clustering.seed(alike)
        conflicts += _once_conflicts(alike, key, docs)
    for n in ordered:
        if n.event.subtype not in once:
            clustering.add(n)
    return [_cluster(g, key) for g in clustering.groups], conflicts
