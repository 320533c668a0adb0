"""Event clustering that scales gives what judging every report against every cluster gave.

Random groups (encounters, agreements, once-only subtypes and others; previews, history and
reports; dates of a day, a month, a year, half a date or none; people, places, words; copies of
one article) must cluster exactly as `oracle_events` does: the same clusters in the same order,
the same members and summaries, the same conflicts. A timing test holds the new function to a
fraction of the oracle's time on one large group."""

from __future__ import annotations

import gc
import time
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bilateral.model import DocInfo
from bilateral.reconcile import NamedEvent, event_clusters
from tests.reconcile import oracle_events
from tests.reconcile.synthetic_events import placed_event, synthetic_group

SUBTYPES = [
    ("CONSULT", "visit"),
    ("CONSULT", "state_visit"),
    ("CONSULT", "official_visit"),
    ("CONSULT", "meeting"),
    ("CONSULT", "summit"),
    ("CONSULT", "phone_call"),
    ("AGREE", "agreement_signed"),
    ("AGREE", "mou"),
    ("AGREE", "pledge"),
    ("AGREE", "strategic_partnership"),  # once-only
    ("COOPERATE", "diplomatic_recognition"),  # once-only
    ("SANCTION", "tariffs"),
    ("ACCUSE", "accuse"),
]
MODALITIES = ["actual", "actual", "planned", "reported", "conditional", "historical"]
SIDES = [("PER",), ("CHL",), ("PER", "CHL"), ()]
PEOPLE = ["Ana Ruiz", "Luis Soto", "Eva Paz", "Jon Gil"]
PLACES = [None, None, "Lima", "Santiago", "Cusco"]
VOCABULARY = "trade copper duties talks port visit minister deal lima 42.5 salmon border".split()
DOCS = 8


DAYS = [
    (f"{y}-{m}-{d}",) * 3
    for y in ("2023", "2024")
    for m in ("01", "06", "07")
    for d in ("01", "15")
]
MONTHS = [
    (f"{y}-{m}", f"{y}-{m}-01", f"{y}-{m}-28") for y in ("2023", "2024") for m in ("06", "07")
]
YEARS = [(y, f"{y}-01-01", f"{y}-12-31") for y in ("2023", "2024")]
ODD = [  # half a date, a date that ends before it starts, words with no days
    ("2024-06", "2024-06-01", None),
    ("2024-06", None, "2024-06-28"),
    ("2024-06", "2024-06-15", "2024-06-01"),
    ("2024", "2024-12-31", "2023-01-01"),
    ("2024", None, None),
]
DATES = st.one_of(
    st.sampled_from(DAYS),
    st.sampled_from(MONTHS),
    st.sampled_from(YEARS),
    st.just((None, None, None)),
    st.sampled_from(ODD),
)
REPORTS = st.tuples(
    st.sampled_from(SUBTYPES),
    DATES,
    st.sampled_from(SIDES),
    st.sampled_from(MODALITIES),
    st.integers(0, DOCS - 1),
    st.integers(0, 10**6),  # the id's order, which breaks ties of date
    st.lists(st.sampled_from(VOCABULARY), max_size=8, unique=True),
    st.lists(st.sampled_from(PEOPLE), max_size=2),
    st.sampled_from(PLACES),
)
ARTICLES = st.lists(
    st.tuples(st.sampled_from([None, None, None, "d0", "d1"]), st.booleans()),
    min_size=DOCS,
    max_size=DOCS,
)


def _report(index: int, drawn: tuple[object, ...]) -> NamedEvent:
    (type_, subtype), (date, start, end), actors, modality, doc, rank, words, people, place = drawn  # type: ignore[misc]
    event = placed_event(
        id=f"v{rank:07d}-{index}",  # unique, in a random order
        doc_id=f"d{doc}",
        type=type_,
        subtype=subtype,
        date=date,
        date_start=start,
        date_end=end,
        actors=actors,
        targets=tuple(c for c in ("PER", "CHL") if c not in actors),
        modality=modality,
        words=tuple(words),
    )
    return NamedEvent(event, tuple(people), place)


def groups(least: int, most: int) -> st.SearchStrategy[tuple[list[NamedEvent], dict[str, DocInfo]]]:
    def build(
        drawn: tuple[list[tuple[Any, ...]], list[tuple[str | None, bool]]],
    ) -> tuple[list[NamedEvent], dict[str, DocInfo]]:
        reports, articles = drawn
        docs = {
            f"d{i}": DocInfo(f"d{i}", f"Report {i}" if titled else None, "2024-06-12", copy)
            for i, (copy, titled) in enumerate(articles)
        }
        for doc in ("d0", "d1"):  # an original is no copy of itself
            docs[doc] = DocInfo(doc, docs[doc].title, "2024-06-12")
        return [_report(i, r) for i, r in enumerate(reports)], docs

    return st.tuples(st.lists(REPORTS, min_size=least, max_size=most), ARTICLES).map(build)


@settings(max_examples=400)
@given(groups(least=0, most=30))
def test_small_groups_cluster_as_the_oracle_does(
    drawn: tuple[list[NamedEvent], dict[str, DocInfo]],
) -> None:
    group, docs = drawn
    assert event_clusters(group, docs) == oracle_events.event_clusters(group, docs)


@settings(max_examples=40)
@given(groups(least=60, most=200))
def test_large_groups_cluster_as_the_oracle_does(
    drawn: tuple[list[NamedEvent], dict[str, DocInfo]],
) -> None:
    group, docs = drawn
    assert event_clusters(group, docs) == oracle_events.event_clusters(group, docs)


def _cpu(run: Any) -> tuple[float, Any]:
    """The CPU time of one call, collected first so that garbage of earlier tests is not
    charged to it."""
    gc.collect()
    began = time.process_time()
    made = run()
    return time.process_time() - began, made


def test_a_large_group_costs_a_fraction_of_the_oracle() -> None:
    """One key of 4,000 reports over several years: the new clustering agrees with the oracle
    and takes less than a fifth of its time in the same run (a ratio, so a slow machine does
    not fail it; growing with every cluster for every report would). The new function's time
    is the best of three calls, so one pause of a busy machine does not fail it (on a quiet
    one it is about a fifteenth)."""
    group, docs = synthetic_group(4000, seed=13)
    runs = [_cpu(lambda: event_clusters(group, docs)) for _ in range(3)]
    fast, new = min(runs, key=lambda run: run[0])
    slow, old = _cpu(lambda: oracle_events.event_clusters(group, docs))
    assert new == old
    assert fast < slow / 5, f"{fast:.2f} s against the oracle's {slow:.2f} s"
