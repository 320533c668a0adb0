"""Growing the clusters of one event group: which cluster a new report joins, if any.

Reports come in date order. Each cluster keeps running summaries of its members (people,
places, actors, roots, how many are previews, whether one is dated to the day, the dates all
its dated members share), so judging a report against it reads no member again except for the
word link. Clusters are kept in buckets of one family and phase (only those can take a report),
and in each bucket the dated clusters are found through their date window: once a cluster's
window ends before the start of the current report, no later report can overlap it, so it
leaves the open set for good. A dated report then meets the open clusters of its bucket and
those without a window; an undated report meets only the clusters sharing a person, its place
or enough words, found through postings (`word_links`); a report with a first day and no last
(a shape extraction does not make) meets all of them. The decision is the same as judging the
report against every cluster in turn, as it was done before; only the clusters that cannot take
it are never looked at.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from bilateral.model import DocInfo, Event
from bilateral.reconcile.word_links import SHARED_WORDS, WordIndex, words_match

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
# A visit has a side: the visitor and the host.
VISITS = {"state_visit", "official_visit", "visit"}


@dataclass(frozen=True)
class NamedEvent:
    """An event with the canonical names of its people and place."""

    event: Event
    people: tuple[str, ...]
    place: str | None


def family(subtype: str) -> str:
    if subtype in ENCOUNTER:
        return "encounter"
    return "agreement" if subtype in AGREEMENT else subtype


def phase(modality: str) -> str:
    """A preview and a report of one happening are one event: planned, actual, reported and
    conditional mentions may join; history is another happening."""
    return "past" if modality == "historical" else "now"


@dataclass(eq=False)
class Group:
    """A cluster being built and what its members have in common or together."""

    order: int  # when it was made: of two equally good clusters the older takes a report
    family: str
    phase: str
    members: list[NamedEvent] = field(default_factory=list)
    start: str | None = None  # the dates all dated members share
    end: str | None = None
    planned: int = 0  # members that are previews
    planned_dated: bool = False  # a preview that says when
    roots: set[str] = field(default_factory=set)  # the articles, copies counted as their original
    actors: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    visits_only: bool = True  # every member a visit, which has a side
    day: bool = False  # a member dated to the day
    words: list[frozenset[str]] = field(default_factory=list)  # of each member

    def take(self, n: NamedEvent, root: str, window: bool) -> None:
        e = n.event
        self.members.append(n)
        if e.modality == "planned":
            self.planned += 1
            self.planned_dated = self.planned_dated or bool(e.date_start)
        self.roots.add(root)
        self.words.append(frozenset(e.words))
        self.actors.update(e.actors)
        self.people.update(n.people)
        if n.place:
            self.places.add(n.place)
        self.visits_only = self.visits_only and e.subtype in VISITS
        self.day = self.day or bool(e.date_start and e.date_start == e.date_end)
        if window and e.date_start and e.date_end:
            self.start = max(self.start, e.date_start) if self.start else e.date_start
            self.end = min(self.end, e.date_end) if self.end else e.date_end

    def admits(self, e: Event, root: str) -> bool:
        """Everything but the link: phase of planning, one report per article, overlapping
        dates, the side of a visit."""
        if (e.modality == "planned") != (self.planned == len(self.members)):
            # a preview joins a report only when it says when: "later in the year" may be another
            if e.modality == "planned" and not e.date_start:
                return False
            if e.modality != "planned" and self.planned and not self.planned_dated:
                return False
        if root in self.roots:
            return False  # one article reports one happening once (it was merged in extraction)
        if not self.overlaps(e):
            return False
        one_way = e.subtype in VISITS and self.visits_only
        # Chile visiting Peru is not Peru visiting Chile (a meeting has no side)
        return not (one_way and self.actors and e.actors and not self.actors.intersection(e.actors))

    def overlaps(self, e: Event) -> bool:
        if not (e.date_start and e.date_end) or not (self.start and self.end):
            return True
        return e.date_start <= self.end and self.start <= e.date_end

    def dated(self, e: Event) -> bool:
        """Two overlapping dates link reports of an encounter (a pair meets rarely), or of
        anything when one date is a day: a shared month alone holds many accusations."""
        if not (e.date_start and self.start):
            return False
        if family(e.subtype) == "encounter":
            return True
        return e.date_start == e.date_end or self.day

    def words_link(self, words: frozenset[str]) -> bool:
        return len(words) >= SHARED_WORDS and any(words_match(words, w) for w in self.words)


@dataclass
class _Bucket:
    """The clusters of one family and phase, indexed."""

    words: WordIndex[Group]
    groups: list[Group] = field(default_factory=list)
    open: dict[int, Group] = field(default_factory=dict)  # a window a later report may overlap
    ends: list[tuple[str, int]] = field(default_factory=list)  # heap of window ends
    unwindowed: dict[int, Group] = field(default_factory=dict)
    by_person: dict[str, list[Group]] = field(default_factory=dict)
    by_place: dict[str, list[Group]] = field(default_factory=dict)

    def close_before(self, start: str) -> None:
        """Windows ending before this start: reports come in date order and windows only
        narrow, so none of them can overlap a later report."""
        while self.ends and self.ends[0][0] < start:
            _, order = heapq.heappop(self.ends)
            self.open.pop(order, None)


class Clustering:
    """The clusters of one event group, grown one report at a time, in date order."""

    def __init__(self, docs: dict[str, DocInfo], frequency: Mapping[str, int]) -> None:
        """`frequency`: how many reports of the group have each word (it orders the words the
        word index keeps; any fixed order gives the same clusters)."""
        self.docs = docs
        self.groups: list[Group] = []
        self._frequency = frequency
        self._buckets: dict[tuple[str, str], _Bucket] = {}

    def root(self, e: Event) -> str:
        return self.docs[e.doc_id].duplicate_of or e.doc_id

    def seed(self, members: Iterable[NamedEvent]) -> None:
        """A cluster taken as a whole (the reports of a once-only event); its members set no
        window."""
        group: Group | None = None
        for n in members:
            if group is None:
                group = self._new(n)
            self._take(group, n, window=False)

    def add(self, n: NamedEvent) -> None:
        """The report joins the cluster it fits best (the older on a tie), or a new one. Reports
        with both dates must come in the order of their first day."""
        home = self._home(n)
        self._take(home or self._new(n), n, window=True)

    def _new(self, n: NamedEvent) -> Group:
        e = n.event
        group = Group(len(self.groups), family(e.subtype), phase(e.modality))
        self.groups.append(group)
        key = (group.family, group.phase)
        bucket = self._buckets.get(key) or _Bucket(WordIndex(self._frequency))
        self._buckets[key] = bucket
        bucket.groups.append(group)
        bucket.unwindowed[group.order] = group
        return group

    def _take(self, group: Group, n: NamedEvent, window: bool) -> None:
        bucket = self._buckets[(group.family, group.phase)]
        had_end = group.end
        for person in dict.fromkeys(n.people):
            if person not in group.people:
                bucket.by_person.setdefault(person, []).append(group)
        if n.place and n.place not in group.places:
            bucket.by_place.setdefault(n.place, []).append(group)
        bucket.words.add(frozenset(n.event.words), group)
        group.take(n, self.root(n.event), window)
        if group.end is not None and group.end != had_end:
            if had_end is None:
                del bucket.unwindowed[group.order]
                bucket.open[group.order] = group
            heapq.heappush(bucket.ends, (group.end, group.order))

    def _home(self, n: NamedEvent) -> Group | None:
        e = n.event
        bucket = self._buckets.get((family(e.subtype), phase(e.modality)))
        if bucket is None:
            return None
        words = frozenset(e.words)
        linked: set[Group] | None = None  # the clusters its words link, when looked up for all
        if e.date_start and e.date_end:
            bucket.close_before(e.date_start)
            candidates = [*bucket.open.values(), *bucket.unwindowed.values()]
        else:
            linked = bucket.words.owners_matching(words)
            if e.date_start:  # a start without an end overlaps every window: rare, read all
                candidates = bucket.groups
            else:  # no date to link by: a shared person, place or words must
                found = set(linked)
                for person in n.people:
                    found.update(bucket.by_person.get(person, ()))
                if n.place:
                    found.update(bucket.by_place.get(n.place, ()))
                candidates = list(found)
        root = self.root(e)
        home, best = None, 0
        for group in sorted(candidates, key=lambda g: g.order):
            if not group.admits(e, root):
                continue
            # what they have in common: people, the place, a date (counted twice), words
            shared = len(group.people.intersection(n.people)) + bool(n.place in group.places)
            shared += 2 * group.dated(e)
            shared += group in linked if linked is not None else group.words_link(words)
            if shared > best:  # a cluster with nothing in common does not fit; older of equals
                home, best = group, shared
        return home
