"""Figures on sentences we wrote, one for each figure error class of issue 10: what the noun
says it measures, surpluses, deficits, tariffs, sanctions, targets, loans and debt, written
amounts, directions, the currency an outlet implies, and the periods of relative dates."""

from __future__ import annotations

import pytest

from bilateral.clean import clean_article
from bilateral.extract import Extractor
from bilateral.model import Claim, Document, RawArticle


def figures(
    extractor: Extractor,
    body: str,
    published: str = "2021-06-16",
    url: str | None = None,
) -> dict[str, Claim]:
    raw = RawArticle(
        source="written.txt",
        content=f"Two partners count their trade\n\n{body}\n",
        fmt="text",
        published=published,
        url=url,
    )
    doc = clean_article(raw)
    assert isinstance(doc, Document)
    (facts,) = extractor([doc])
    return {doc.text[c.value_start : c.value_end]: c for c in facts.claims}


def test_surplus_and_deficit_with_whose_balance_and_partner(extractor: Extractor) -> None:
    found = figures(
        extractor,
        "Norway's trade surplus with Portugal rose to 3.2 billion dollars last year "
        "from 2.8 billion in 2019.",
    )
    surplus, earlier = found["3.2 billion dollars"], found["2.8 billion"]
    assert (surplus.metric, surplus.from_, surplus.to) == ("trade_surplus", "NOR", "PRT")
    assert (surplus.period_start, surplus.period_end) == ("2020-01-01", "2020-12-31")
    # the second figure shares the noun and the currency, not the period
    assert (earlier.metric, earlier.unit, earlier.value) == ("trade_surplus", "USD", 2.8e9)
    assert (earlier.period_start, earlier.period_end) == ("2019-01-01", "2019-12-31")


def test_a_shortfall_is_a_deficit_and_a_current_account_is_not_trade(
    extractor: Extractor,
) -> None:
    found = figures(
        extractor,
        "Portugal ran a trade shortfall of 900 million euros with Norway in 2020. "
        "Its current account surplus could reach 2 billion euros this year.",
    )
    assert found["900 million euros"].metric == "trade_deficit"
    assert found["2 billion euros"].metric == "other"


def test_tariff_rate_and_sanctions_value(extractor: Extractor) -> None:
    found = figures(
        extractor,
        "Portugal imposed a 25 pct duty on Norwegian salmon. Norway answered with as much as "
        "400 mln dlrs in tariffs on Portuguese wine.",
    )
    rate, sanctions = found["25 pct"], found["400 mln dlrs"]
    assert (rate.metric, rate.value, rate.from_, rate.to) == ("tariff_rate", 25, "PRT", "NOR")
    assert (sanctions.metric, sanctions.value, sanctions.approx) == (
        "sanctions_value",
        4e8,
        "up to",
    )
    assert (sanctions.from_, sanctions.to) == ("NOR", "PRT")


def test_a_target_is_not_an_actual_flow(extractor: Extractor) -> None:
    found = figures(
        extractor,
        "Trade between Norway and Portugal was $1.1 billion in 2020. The two countries aim to "
        "raise bilateral trade to $5 billion by 2025.",
    )
    assert found["$1.1 billion"].metric == "trade_turnover"
    target = found["$5 billion"]
    assert target.metric == "trade_target"
    assert (target.period_start, target.period_end) == ("2025-01-01", "2025-12-31")


def test_loans_and_debt(extractor: Extractor) -> None:
    found = figures(
        extractor,
        "Norway granted 300 million dollars in soft loans to Portugal. Portugal's foreign debt "
        "stood at 40 billion dollars at the end of 2020.",
    )
    loans, debt = found["300 million dollars"], found["40 billion dollars"]
    assert (loans.metric, loans.from_, loans.to) == ("loans", "NOR", "PRT")
    assert (debt.metric, debt.to, debt.period_end) == ("debt", "PRT", "2020-12-31")


def test_counts_of_agreements(extractor: Extractor) -> None:
    found = figures(extractor, "Norway and Portugal signed nine agreements on fisheries.")
    assert found["nine"].metric == "agreements_count"


@pytest.mark.parametrize(
    ("sentence", "written", "value"),
    [
        ("Norway had a 12-billion-dlr surplus with Portugal in 2020.", "12-billion-dlr", 12e9),
        ("Trade between Norway and Portugal stood at $4.6 billon in 2020.", "$4.6 billon", 4.6e9),
        ("Trade between Norway and Portugal hit 700 mln dlrs in 2020.", "700 mln dlrs", 7e8),
        (
            "Norway and Portugal signed a one billion dollar accord in 2020.",
            "a one billion dollar",
            1e9,
        ),
    ],
)
def test_written_amounts(extractor: Extractor, sentence: str, written: str, value: float) -> None:
    assert figures(extractor, sentence)[written].value == value


def test_exports_and_imports_of_one_sentence_keep_their_sides(extractor: Extractor) -> None:
    found = figures(
        extractor,
        "In 2020 Norway's exports to Portugal reached $900 million, while its imports from "
        "Portugal hit $250 million.",
    )
    exports, imports = found["$900 million"], found["$250 million"]
    assert (exports.metric, exports.from_, exports.to) == ("exports", "NOR", "PRT")
    assert (imports.metric, imports.from_, imports.to) == ("imports", "PRT", "NOR")
    assert imports.period_start == "2020-01-01"  # the period of the sentence's first figure


def test_a_bare_dollar_sign_is_the_outlet_country_s_dollar(extractor: Extractor) -> None:
    body = "Canada's exports to Portugal were worth $2 billion in 2020."
    assert figures(extractor, body, url="https://news.example.ca/trade")["$2 billion"].unit == "CAD"
    assert (
        figures(extractor, body, url="https://news.example.com/trade")["$2 billion"].unit == "USD"
    )


def test_a_relative_date_in_the_future_tense_points_forward(extractor: Extractor) -> None:
    # published on Wednesday 16 June 2021
    ahead = figures(
        extractor, "Portugal will impose a 10 pct tariff on Norwegian fish from Monday."
    )
    assert ahead["10 pct"].period_start == "2021-06-21"
    back = figures(extractor, "Norway imposed a 5 pct duty on Portuguese cork from Monday.")
    assert back["5 pct"].period_start == "2021-06-14"


def test_a_measure_holds_from_its_first_day_for_as_long_as_the_article_says(
    extractor: Extractor,
) -> None:
    found = figures(
        extractor,
        "Portugal said on Monday it would impose a 20 pct duty on Norwegian salmon from July 1. "
        "The duties will remain in place for three years. Portugal also set an anti-subsidy "
        "duty of 4 pct on Norwegian salmon.",
    )
    for written in ("20 pct", "4 pct"):
        rate = found[written]
        assert rate.metric == "tariff_rate"
        assert (rate.period_start, rate.period_end) == ("2021-07-01", "2024-06-30")


def test_the_day_a_measure_was_announced_is_not_its_period(extractor: Extractor) -> None:
    found = figures(
        extractor, "Portugal said on Monday it would impose a 12 pct tariff on Norwegian fish."
    )
    assert (found["12 pct"].period_start, found["12 pct"].period_end) == (None, None)


def test_people_counted_are_a_population_only_where_they_live(extractor: Extractor) -> None:
    found = figures(
        extractor,
        "About 40,000 Portuguese people live in Norway. The storm in Portugal left 25 people "
        "injured on Monday.",
    )
    assert found["40,000"].metric == "population"
    assert found["25"].metric == "other"


def test_a_bare_balance_word_refers_to_the_balance_named_before(extractor: Extractor) -> None:
    found = figures(
        extractor,
        "Norway's current account deficit widened to 3.1 billion dollars in 2020. "
        "The shortfall was 2.4 billion dollars in 2019.",
    )
    assert found["3.1 billion dollars"].metric == "other"
    assert found["2.4 billion dollars"].metric == "other"  # the current account's, not trade's


def test_a_balance_with_two_partners_in_one_sentence(extractor: Extractor) -> None:
    found = figures(
        extractor,
        "Norway's surplus with Portugal last year was 4.5 billion dollars and with Nordic "
        "neighbours, 1.2 billion dollars.",
    )
    assert (found["4.5 billion dollars"].from_, found["4.5 billion dollars"].to) == ("NOR", "PRT")
    assert found["1.2 billion dollars"].to is None  # a partner that is no country


def test_a_physical_quantity_keeps_its_unit(extractor: Extractor) -> None:
    found = figures(extractor, "Norway exported 1.2 mln metric tonnes of fish to Portugal in 2020.")
    fish = found["1.2 mln"]
    assert (fish.metric, fish.value, fish.unit, fish.from_) == ("exports", 1.2e6, "tonnes", "NOR")


def test_an_amount_without_a_unit_is_in_the_currency_of_its_sentence_unless_it_counts(
    extractor: Extractor,
) -> None:
    found = figures(
        extractor,
        "Norway's exports to Portugal rose to 2.1 billion euros in 2020 from 1.8 billion in "
        "2019, while 1.5 million tourists visited Portugal.",
    )
    assert (found["1.8 billion"].unit, found["1.8 billion"].metric) == ("EUR", "exports")
    assert found["1.5 million"].unit == "count"


def test_its_surplus_is_not_the_surplus_of_a_country_merely_named(extractor: Extractor) -> None:
    found = figures(
        extractor,
        "Under Portuguese pressure, it agreed to cut its record 3.3 billion dollar trade surplus "
        "in 2020.",
    )
    assert found["3.3 billion dollar"].from_ is None


def test_the_commodity_of_a_quantity(extractor: Extractor) -> None:
    found = figures(extractor, "Norway exported 40,000 tonnes of salmon to Portugal in 2020.")
    assert (found["40,000"].unit, found["40,000"].noun) == ("tonnes", "salmon")
