"""Claim conflicts with exchange rates found sentence by sentence give what comparing every
money figure with every other gave (`oracle_claims`): random groups of figures in several
currencies, some stated twice in one sentence, of articles published on various days, some
copies of others, small groups (every pair judged) and large ones (neighbours in time)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bilateral.model import Claim, DocInfo
from bilateral.reconcile import StatedClaim, claim_conflicts
from bilateral.reconcile.claims import rates
from tests.reconcile import oracle_claims

DOCS = 10
VALUES = [0.0, 1.5e9, 2.4e9, 3.7e9, 5.8e9, 5.8e9 * 1.02, 42.0]
UNITS = ["USD", "USD", "GBP", "EUR", "percent"]
PERIODS = [(None, None), ("2023-01-01", "2023-12-31"), ("2023-01-01", "2023-08-31")]
METRICS = st.sampled_from(["trade_turnover", "exports", "trade_surplus", "investment_total"])
FIGURES = st.tuples(
    st.integers(0, DOCS - 1),
    st.sampled_from([0, 100, 200]),  # the sentence: two figures of one sentence give a rate
    st.sampled_from(VALUES),
    st.sampled_from(UNITS),
    st.sampled_from(PERIODS),
    st.sampled_from([None, "about", "over"]),
    st.sampled_from(["$1.5 billion", "5.8 billion", "42", "3,700 mln"]),
)
ARTICLES = st.lists(
    st.tuples(
        st.sampled_from([None, None, None, "d0", "d1"]),
        st.sampled_from([None, "2023-05-02", "2023-12-20", "2024-01-03"]),
    ),
    min_size=DOCS,
    max_size=DOCS,
)


def _stated(index: int, metric: str, drawn: tuple[Any, ...]) -> StatedClaim:
    doc, start, value, unit, (since, until), approx, text = drawn
    claim = Claim(
        id=f"c{index:03d}",
        doc_id=f"d{doc}",
        start=start,
        end=start + 50,
        value_start=start,
        value_end=start + 5,
        metric=metric,
        value=value,
        unit=unit,
        countries=("CHL", "PER"),
        from_="CHL" if metric == "trade_surplus" else None,
        to="PER" if metric == "trade_surplus" else None,
        period_start=since,
        period_end=until,
        approx=approx,
    )
    return StatedClaim(claim, text, None)


def groups(
    least: int, most: int
) -> st.SearchStrategy[tuple[list[StatedClaim], dict[str, DocInfo]]]:
    def build(
        drawn: tuple[str, list[tuple[Any, ...]], list[tuple[str | None, str | None]]],
    ) -> tuple[list[StatedClaim], dict[str, DocInfo]]:
        metric, figures, articles = drawn
        docs = {
            f"d{i}": DocInfo(f"d{i}", f"Report {i}", published, copy if i > 1 else None)
            for i, (copy, published) in enumerate(articles)
        }
        return [_stated(i, metric, f) for i, f in enumerate(figures)], docs

    figures = st.lists(FIGURES, min_size=least, max_size=most)
    return st.tuples(METRICS, figures, ARTICLES).map(build)


@settings(max_examples=300)
@given(groups(least=0, most=25))
def test_small_groups_judge_as_the_oracle_does(
    drawn: tuple[list[StatedClaim], dict[str, DocInfo]],
) -> None:
    group, docs = drawn
    assert list(rates(group).items()) == list(oracle_claims.rates(group).items())
    assert claim_conflicts(group, docs) == oracle_claims.claim_conflicts(group, docs)


@settings(max_examples=30)
@given(groups(least=55, most=120))
def test_large_groups_judge_as_the_oracle_does(
    drawn: tuple[list[StatedClaim], dict[str, DocInfo]],
) -> None:
    group, docs = drawn
    assert list(rates(group).items()) == list(oracle_claims.rates(group).items())
    assert claim_conflicts(group, docs) == oracle_claims.claim_conflicts(group, docs)
