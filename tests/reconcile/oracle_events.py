"""The event clustering as it was before it kept running summaries and a date index: every
report tried against every group, every pair of once-only reports compared. Kept unchanged as
the oracle the faster `bilateral.reconcile.events.event_clusters` must agree with exactly."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from bilateral import data
from bilateral.model import Cluster, Conflict, DocInfo, Event, content_id
from bilateral.reconcile import NamedEvent

# Subtypes that name one encounter of leaders: a state visit, its summit and its talks.
ENCOUNTER = {
    "state_visit",
    "official_visit",
    "summit",
    "visit",
    "meeting",
    "council_meeting",
    "consultations",
    "host",
    "mission",
    "consult",
}
# Subtypes that name one agreement: signed, concluded, agreed.
AGREEMENT = {"agreement_signed", "agreement_concluded", "agreed", "mou", "joint_statement"}
# Two reports share this many words of their sentences (and this share of them) to be taken for
# one happening when no date, person or place links them.
SHARED_WORDS = 4
SHARED_SHARE = 0.2


@dataclass
class _Group:
    members: list[NamedEvent] = field(default_factory=list)
    start: str | None = None  # the dates all dated members share
    end: str | None = None


def event_key(e: Event) -> str:
    return "|".join([e.type, "-".join(sorted(set(e.actors + e.targets)))])


def _family(subtype: str) -> str:
    if subtype in ENCOUNTER:
        return "encounter"
    return "agreement" if subtype in AGREEMENT else subtype


def _phase(modality: str) -> str:
    """A preview and a report of one happening are one event: planned, actual, reported and
    conditional mentions may join; history is another happening."""
    return "past" if modality == "historical" else "now"


def _dated(g: _Group, n: NamedEvent) -> bool:
    """Two overlapping dates link reports of an encounter (a pair meets rarely), or of anything
    when one date is a day: a shared month alone holds many accusations or demands."""
    if not (n.event.date_start and g.start):
        return False
    if _family(n.event.subtype) == "encounter":
        return True
    return n.event.date_start == n.event.date_end or any(
        m.event.date_start and m.event.date_start == m.event.date_end for m in g.members
    )


def _words_link(g: _Group, n: NamedEvent) -> bool:
    mine = set(n.event.words)
    for m in g.members:
        theirs = set(m.event.words)
        shared = len(mine & theirs)
        if shared >= SHARED_WORDS and shared / max(1, len(mine | theirs)) >= SHARED_SHARE:
            return True
    return False


def _overlap(g: _Group, e: Event) -> bool:
    if not (e.date_start and e.date_end) or not (g.start and g.end):
        return True
    return e.date_start <= g.end and g.start <= e.date_end


def _fits(g: _Group, n: NamedEvent, docs: dict[str, DocInfo]) -> bool:
    e = n.event
    first = g.members[0].event
    if _family(first.subtype) != _family(e.subtype) or _phase(first.modality) != _phase(e.modality):
        return False
    planned = [m.event for m in g.members if m.event.modality == "planned"]
    if (e.modality == "planned") != (len(planned) == len(g.members)):
        # a preview joins a report only when it says when: "later in the year" may be another
        if e.modality == "planned" and not e.date_start:
            return False
        if e.modality != "planned" and not any(p.date_start for p in planned) and planned:
            return False
    roots = {docs[m.event.doc_id].duplicate_of or m.event.doc_id for m in g.members}
    if (docs[e.doc_id].duplicate_of or e.doc_id) in roots:
        return False  # one article reports one happening once (it was merged in extraction)
    if not _overlap(g, e):
        return False
    actors = {a for m in g.members for a in m.event.actors}
    one_way = e.subtype in ("state_visit", "official_visit", "visit") and all(
        m.event.subtype in ("state_visit", "official_visit", "visit") for m in g.members
    )
    if one_way and actors and e.actors and not actors & set(e.actors):
        return False  # Chile visiting Peru is not Peru visiting Chile (a meeting has no side)
    dated = _dated(g, n)
    people = {p for m in g.members for p in m.people}
    places = {m.place for m in g.members if m.place}
    # without two dates to compare, the same people, place or words must make the link
    return (
        dated
        or bool(people & set(n.people))
        or bool(n.place and n.place in places)
        or _words_link(g, n)
    )


def _shared(g: _Group, n: NamedEvent) -> int:
    """How much a report has in common with a cluster: its people, its place, a date."""
    people = {p for m in g.members for p in m.people}
    places = {m.place for m in g.members if m.place}
    dated = _dated(g, n)
    return len(people & set(n.people)) + (n.place in places) + 2 * dated + _words_link(g, n)


def _add(g: _Group, n: NamedEvent) -> None:
    g.members.append(n)
    e = n.event
    if e.date_start and e.date_end:
        g.start = max(g.start, e.date_start) if g.start else e.date_start
        g.end = min(g.end, e.date_end) if g.end else e.date_end


def _cluster(g: _Group, key: str) -> Cluster:
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


def _once_conflicts(events: list[NamedEvent], key: str, docs: dict[str, DocInfo]) -> list[Conflict]:
    out = []
    for i, a in enumerate(events):
        for b in events[i + 1 :]:
            ea, eb = a.event, b.event
            if not (ea.date_start and ea.date_end and eb.date_start and eb.date_end):
                continue
            if ea.date_start <= eb.date_end and eb.date_start <= ea.date_end:
                continue
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
    The result depends only on the group, never on the order it came in."""
    if not group:
        return [], []
    key = event_key(group[0].event)
    once = {c.subtype for c in data.event_cues() if c.once}
    ordered = sorted(
        group, key=lambda n: (n.event.date_start is None, n.event.date_start or "", n.event.id)
    )
    groups: list[_Group] = []
    conflicts: list[Conflict] = []
    for subtype in sorted({n.event.subtype for n in ordered if n.event.subtype in once}):
        alike = [n for n in ordered if n.event.subtype == subtype]
        g = _Group()
        for n in alike:
            g.members.append(n)
        groups.append(g)
        conflicts += _once_conflicts(alike, key, docs)
    for n in (n for n in ordered if n.event.subtype not in once):
        fitting = [g for g in groups if _fits(g, n, docs)]
        home = max(fitting, key=lambda g: _shared(g, n), default=None)
        if home is None:
            home = _Group()
            groups.append(home)
        _add(home, n)
    return [_cluster(g, key) for g in groups], conflicts
