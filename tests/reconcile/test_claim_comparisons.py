"""Which figures are compared at all, and the verdicts issue 10 asks for: a shared country, a
target never against an actual, currencies never compared raw, the same figure in two
currencies, a surplus against a deficit of one pair, an overall balance against a bilateral one,
and two partners' trade statistics."""

from __future__ import annotations

from dataclasses import replace

from bilateral.model import Claim, DocInfo
from bilateral.reconcile import StatedClaim, claim_conflicts, claim_key

DOCS = {
    "d1": DocInfo("d1", "Morning wire", "2023-05-02"),
    "d2": DocInfo("d2", "Evening paper", "2023-05-09"),
}
YEAR = ("2022-01-01", "2022-12-31")


def claim(
    doc: str,
    value: float,
    text: str,
    metric: str = "trade_turnover",
    unit: str = "USD",
    countries: tuple[str, ...] = ("NOR", "PRT"),
    from_: str | None = None,
    to: str | None = None,
    period: tuple[str | None, str | None] = YEAR,
    sentence: int = 0,
) -> StatedClaim:
    c = Claim(
        id=f"c-{doc}-{metric}-{value}-{unit}",
        doc_id=doc,
        start=sentence,
        end=sentence + 10,
        value_start=sentence,
        value_end=sentence + len(text),
        metric=metric,
        value=value,
        unit=unit,
        countries=countries,
        from_=from_,
        to=to,
        period_start=period[0],
        period_end=period[1],
    )
    return StatedClaim(c, text, None)


def compared(*claims: StatedClaim) -> list[str]:
    """The verdicts of every comparison, the claims grouped the way the pipeline groups them."""
    groups: dict[str, list[StatedClaim]] = {}
    for s in claims:
        groups.setdefault(claim_key(s.claim), []).append(s)
    return sorted(c.verdict for g in groups.values() for c in claim_conflicts(g, DOCS))


def test_figures_without_a_country_are_compared_with_nothing() -> None:
    two = claim("d1", 2, "2", metric="companies_count", unit="count", countries=())
    many = claim("d2", 500, "500", metric="companies_count", unit="count", countries=())
    assert compared(two, many) == []


def test_figures_of_different_countries_are_not_compared() -> None:
    a = claim("d1", 3.1e9, "$3.1 billion", countries=("NOR", "PRT"))
    b = claim("d2", 5.4e9, "$5.4 billion", countries=("NOR", "PER"))
    assert compared(a, b) == []
    c = claim("d2", 5.4e9, "$5.4 billion", countries=("NOR", "PRT"))
    assert compared(a, c) == ["contradiction"]


def test_a_target_is_never_compared_with_an_actual_flow() -> None:
    actual = claim("d1", 3.1e9, "$3.1 billion")
    goal = claim("d2", 10e9, "$10 billion", metric="trade_target")
    assert compared(actual, goal) == []


def test_different_currencies_are_never_compared_raw() -> None:
    kroner = claim("d1", 30e9, "30 billion crowns", unit="NOK")
    dollars = claim("d2", 3e9, "$3 billion")
    assert compared(kroner, dollars) == []


def test_the_same_figure_in_two_currencies_is_agreement() -> None:
    # the morning wire gives its figure in both currencies in one sentence: that is the rate
    kroner = claim("d1", 30e9, "30 billion crowns", unit="NOK", sentence=40)
    dollars_too = claim("d1", 2.9e9, "2.9 billion dollars", sentence=40)
    dollars = claim("d2", 2.9e9, "$2.9 billion")
    kroner_only = claim("d2", 30e9, "30 billion crowns", unit="NOK", sentence=90)
    verdicts = compared(kroner, dollars_too, dollars, kroner_only)
    assert verdicts and set(verdicts) == {"agree"}


def test_a_surplus_and_a_deficit_of_one_pair_and_year_with_one_value_contradict() -> None:
    surplus = claim("d1", 4.3e9, "4.3 billion", metric="trade_surplus", from_="NOR", to="PRT")
    deficit = claim("d2", 4.3e9, "4.3 billion", metric="trade_deficit", from_="NOR", to="PRT")
    assert claim_key(surplus.claim) == claim_key(deficit.claim)
    assert compared(surplus, deficit) == ["contradiction"]


def test_one_side_s_surplus_is_the_other_side_s_deficit() -> None:
    surplus = claim("d1", 4.3e9, "4.3 billion", metric="trade_surplus", from_="NOR", to="PRT")
    deficit = claim("d2", 4.3e9, "4.3 billion", metric="trade_deficit", from_="PRT", to="NOR")
    assert compared(surplus, deficit) == ["agree"]


def test_a_surplus_and_a_deficit_of_different_years_are_a_difference_of_period() -> None:
    surplus = claim("d1", 4.3e9, "4.3 billion", metric="trade_surplus", from_="NOR", to="PRT")
    deficit = claim(
        "d2",
        4.3e9,
        "4.3 billion",
        metric="trade_deficit",
        from_="NOR",
        to="PRT",
        period=("2021-01-01", "2021-12-31"),
    )
    assert compared(surplus, deficit) == ["different_period"]


def test_an_overall_surplus_is_not_a_surplus_with_one_partner() -> None:
    overall = claim("d1", 4.5e9, "4.5 billion", metric="trade_surplus", from_="NOR")
    with_one = claim("d2", 7.1e9, "7.1 billion", metric="trade_surplus", from_="NOR", to="PRT")
    assert compared(overall, with_one) == []


def test_two_partners_trade_statistics_a_few_percent_apart_are_not_a_contradiction() -> None:
    one_side = claim("d1", 80.7e9, "$80.7 billion")
    other_side = claim("d2", 78e9, "$78 billion")
    assert compared(one_side, other_side) == ["different_definition"]


def test_a_figure_cut_to_fewer_digits_is_rounding_not_a_contradiction() -> None:
    cut = claim("d1", 169e9, "169 billion dollars", metric="exports", from_="NOR", to="PRT")
    full = claim("d2", 169.8e9, "169.8 billion dollars", metric="exports", from_="NOR", to="PRT")
    assert compared(cut, full) == ["rounding"]
    apart = claim("d2", 191.2e9, "191.2 billion dollars", metric="exports", from_="NOR", to="PRT")
    assert compared(cut, apart) == ["contradiction"]


def test_two_figures_each_article_gives_are_not_a_dispute_between_them() -> None:
    # both articles give the year's investment and the year's dividends under one metric
    a_large = claim("d1", 1.6e12, "1.6 trillion yen", unit="JPY", sentence=0)
    a_small = claim("d1", 109e9, "109 billion yen", unit="JPY", sentence=50)
    b_large = claim("d2", 1.6e12, "1.6 trillion yen", unit="JPY", sentence=0)
    b_small = claim("d2", 109e9, "109 billion yen", unit="JPY", sentence=50)
    assert compared(a_large, a_small, b_large, b_small) == ["agree", "agree"]


def test_tonnes_of_different_goods_are_not_compared() -> None:
    def tonnes(doc: str, value: float, noun: str | None) -> StatedClaim:
        s = claim(doc, value, f"{value:,.0f}", metric="exports", unit="tonnes", from_="NOR")
        return StatedClaim(
            replace(s.claim, id=f"{s.claim.id}-{noun}", noun=noun), s.value_text, None
        )

    assert compared(tonnes("d1", 556_874, "rice"), tonnes("d2", 22_068, "coffee")) == []
    assert compared(tonnes("d1", 556_874, None), tonnes("d2", 22_068, None)) == []
    assert compared(tonnes("d1", 556_874, "rice"), tonnes("d2", 600_000, "rice")) == [
        "contradiction"
    ]


def test_a_balance_with_a_partner_that_is_no_country_is_not_an_overall_balance() -> None:
    overall = claim("d1", 83e9, "83 billion", metric="trade_surplus", from_="NOR")
    with_group = claim("d2", 16.7e9, "16.7 billion", metric="trade_surplus", from_="NOR")
    with_group = StatedClaim(
        replace(with_group.claim, noun="surplus with Nordic neighbours"), "16.7 billion", None
    )
    assert compared(overall, with_group) == []
