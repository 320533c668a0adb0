"""Verdicts on claim sets we made up: nested periods, growing totals, moved ranks, hedged
values, a true contradiction, and three sources of which two agree."""

from __future__ import annotations

from bilateral.model import Claim, DocInfo
from bilateral.reconcile import StatedClaim, claim_conflicts

DOCS = {
    "d1": DocInfo("d1", "Early report", "2023-05-02"),
    "d2": DocInfo("d2", "Later report", "2023-12-20"),
    "d3": DocInfo("d3", "Third report", "2023-12-21"),
    "d4": DocInfo("d4", "Copy of the early report", "2023-05-03", duplicate_of="d1"),
}


def claim(
    doc: str,
    value: float,
    text: str,
    metric: str = "trade_turnover",
    unit: str = "USD",
    period: tuple[str | None, str | None] = (None, None),
    approx: str | None = None,
    noun: str | None = None,
    from_: str | None = None,
    to: str | None = None,
) -> StatedClaim:
    c = Claim(
        id=f"c-{doc}-{value}",
        doc_id=doc,
        start=0,
        end=10,
        value_start=0,
        value_end=len(text),
        metric=metric,
        value=value,
        unit=unit,
        countries=("CHL", "PER"),
        from_=from_,
        to=to,
        period_start=period[0],
        period_end=period[1],
        approx=approx,
        noun=noun,
    )
    return StatedClaim(c, text, None)


def verdicts(*claims: StatedClaim) -> list[str]:
    return sorted(c.verdict for c in claim_conflicts(list(claims), DOCS))


def test_nested_periods_with_the_smaller_total_first_are_consistent() -> None:
    jan_aug = claim("d1", 4.2e9, "$4.2 billion", period=("2023-01-01", "2023-08-31"))
    jan_nov = claim("d2", 5.8e9, "$5.8 billion", period=("2023-01-01", "2023-11-30"))
    assert verdicts(jan_aug, jan_nov) == ["different_period"]


def test_a_shorter_period_with_a_larger_total_is_a_contradiction() -> None:
    jan_aug = claim("d1", 6.1e9, "$6.1 billion", period=("2023-01-01", "2023-08-31"))
    jan_nov = claim("d2", 5.8e9, "$5.8 billion", period=("2023-01-01", "2023-11-30"))
    assert verdicts(jan_aug, jan_nov) == ["contradiction"]


def test_a_growing_cumulative_total_is_a_difference_of_time() -> None:
    earlier = claim(
        "d1",
        4.2e9,
        "$4.2 billion",
        metric="investment_total",
        noun="invested",
        from_="CHL",
        to="PER",
    )
    later = claim(
        "d2", 5.0e9, "$5 billion", metric="investment_total", noun="invested", from_="CHL", to="PER"
    )
    assert verdicts(earlier, later) == ["different_time"]


def test_a_rank_that_moved() -> None:
    tenth = claim("d1", 10, "10th", metric="rank", unit="rank", from_="CHL", to="PER")
    eighth = claim("d2", 8, "eighth", metric="rank", unit="rank", from_="CHL", to="PER")
    assert verdicts(tenth, eighth) == ["different_time"]


def test_hedged_values_that_fit_each_other_agree() -> None:
    over = claim(
        "d1", 6e9, "US$6 billion", metric="investment_total", approx="over", noun="invested"
    )
    exact = claim("d2", 6.5e9, "$6.5 billion", metric="investment_total", noun="invested")
    assert verdicts(over, exact) == ["agree"]


def test_rounding_is_not_a_conflict() -> None:
    rounded = claim("d1", 4e9, "USD 4 billion", period=("2023-01-01", "2023-12-31"))
    precise = claim("d2", 4.2e9, "$4.2 billion", period=("2023-01-01", "2023-12-31"))
    assert verdicts(rounded, precise) == ["rounding"]


def test_the_same_period_with_different_values_is_a_contradiction() -> None:
    a = claim("d1", 3.1e9, "$3.1 billion", period=("2022-01-01", "2022-12-31"))
    b = claim("d2", 5.4e9, "$5.4 billion", period=("2022-01-01", "2022-12-31"))
    (conflict,) = claim_conflicts([a, b], DOCS)
    assert conflict.verdict == "contradiction"
    assert "Early report" in conflict.explanation and "Later report" in conflict.explanation
    assert "2022" in conflict.explanation


def test_different_definitions() -> None:
    gross = claim("d1", 7.5e9, "$7.5 billion", metric="investment_total", noun="gross inflow")
    direct = claim("d2", 4.2e9, "$4.2 billion", metric="investment_total", noun="invested")
    assert verdicts(gross, direct) == ["different_definition"]


def test_three_sources_of_which_two_agree() -> None:
    a = claim("d1", 550, "550", metric="companies_count", unit="count")
    b = claim("d2", 550, "550", metric="companies_count", unit="count")
    c = claim("d3", 740, "740", metric="companies_count", unit="count")
    assert verdicts(a, b, c) == ["agree", "different_time", "different_time"]


def test_copies_of_one_article_are_not_independent_sources() -> None:
    a = claim("d1", 3.1e9, "$3.1 billion", period=("2022-01-01", "2022-12-31"))
    copy = claim("d4", 5.4e9, "$5.4 billion", period=("2022-01-01", "2022-12-31"))
    assert verdicts(a, copy) == []


def test_the_order_of_the_claims_does_not_matter() -> None:
    claims = [
        claim("d1", 4.2e9, "$4.2 billion"),
        claim("d2", 5.8e9, "$5.8 billion"),
        claim("d3", 4.0e9, "$4 billion"),
    ]
    assert claim_conflicts(claims, DOCS) == claim_conflicts(list(reversed(claims)), DOCS)
