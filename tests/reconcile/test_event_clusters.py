"""Same-event clustering on reports we made up: a preview and its report, one ruling told by
three outlets in different words, a visit and a meeting seen from either side, and what must
stay apart (two different rulings, a visit in each direction, history against news)."""

from __future__ import annotations

from bilateral.model import DocInfo
from bilateral.reconcile import NamedEvent, event_clusters
from tests.reconcile.synthetic_events import placed_event

DOCS = {f"d{i}": DocInfo(f"d{i}", f"Report {i}", "2024-06-12") for i in range(1, 7)}


def event(
    doc: str,
    type_: str,
    subtype: str,
    words: str = "",
    date: str | None = None,
    actors: tuple[str, ...] = ("PER",),
    targets: tuple[str, ...] = ("CHL",),
    modality: str = "actual",
    people: tuple[str, ...] = (),
) -> NamedEvent:
    start = end = None
    if date:
        start = date if len(date) == 10 else f"{date}-01"
        end = date if len(date) == 10 else f"{date}-30"
    e = placed_event(
        id=f"v-{doc}-{subtype}-{date}",
        doc_id=doc,
        type=type_,
        subtype=subtype,
        date=date,
        date_start=start,
        date_end=end,
        actors=actors,
        targets=targets,
        modality=modality,
        words=tuple(words.split()),
    )
    return NamedEvent(e, people, None)


def groups(*events: NamedEvent) -> list[set[str]]:
    clusters, _ = event_clusters(list(events), DOCS)
    return sorted(({m.split("-")[1] for m in c.members} for c in clusters), key=sorted)


def test_one_ruling_in_three_outlets_with_and_without_dates() -> None:
    ruling = "ministry duties copper wire anti-dumping 42.5 imports five years"
    assert groups(
        event("d1", "SANCTION", "tariffs", ruling),
        event("d2", "SANCTION", "tariffs", ruling + " announced", "2024-06-10"),
        event("d3", "SANCTION", "tariffs", "copper wire duties 42.5 anti-dumping ministry", None),
    ) == [{"d1", "d2", "d3"}]


def test_a_preview_joins_the_report_of_the_same_meeting() -> None:
    assert groups(
        event(
            "d1",
            "CONSULT",
            "visit",
            "lima council",
            "2024-06-11",
            modality="planned",
            people=("Ana Ruiz",),
        ),
        event(
            "d2",
            "CONSULT",
            "meeting",
            "council met",
            None,
            actors=("CHL",),
            targets=("PER",),
            people=("Ana Ruiz", "Luis Soto"),
        ),
    ) == [{"d1", "d2"}]


def test_different_rulings_and_history_stay_apart() -> None:
    assert groups(
        event("d1", "SANCTION", "tariffs", "copper wire duties anti-dumping 42.5"),
        event("d2", "SANCTION", "tariffs", "salmon quota fishing licences suspended"),
        event("d3", "ACCUSE", "disapprove", "copper wire duties anti-dumping 42.5"),
    ) == [{"d1"}, {"d2"}, {"d3"}]
    past = event(
        "d4", "CONSULT", "visit", "lima visit", "2009", modality="historical", people=("Ana Ruiz",)
    )
    now = event("d5", "CONSULT", "visit", "lima visit", "2024-06", people=("Ana Ruiz",))
    assert groups(past, now) == [{"d4"}, {"d5"}]


def test_a_visit_in_each_direction_is_two_events() -> None:
    assert groups(
        event("d1", "CONSULT", "visit", "state visit", "2024-06-03", people=("Ana Ruiz",)),
        event(
            "d2",
            "CONSULT",
            "visit",
            "state visit",
            "2024-06-03",
            actors=("CHL",),
            targets=("PER",),
            people=("Ana Ruiz",),
        ),
    ) == [{"d1"}, {"d2"}]


def test_an_undated_preview_does_not_join_a_report() -> None:
    assert groups(
        event("d1", "CONSULT", "visit", "state visit", "2024-06-03", people=("Ana Ruiz",)),
        event(
            "d2",
            "CONSULT",
            "visit",
            "expected visit",
            None,
            modality="planned",
            people=("Ana Ruiz",),
        ),
    ) == [{"d1"}, {"d2"}]
