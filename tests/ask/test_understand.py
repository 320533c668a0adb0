"""Questions read for what they ask: kind, countries, people, metric, years, direction, role,
the figure of a claim to check, and names the knowledge base does not hold. Our own wording."""

from __future__ import annotations

import pytest

from bilateral.ask import understand
from bilateral.store import KnowledgeBase


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How much did the two countries trade last year?", "how_much"),
        ("What is the value of the pipeline contract?", "how_much"),
        ("Where does Korea rank among investors in Kazakhstan?", "how_much"),
        ("When did the two presidents first meet?", "when"),
        ("In which year was the embassy opened?", "when"),
        ("Where was the treaty signed?", "where"),
        ("Who is the foreign minister of Peru?", "who"),
        ("What did the two leaders talk about in Lima?", "discuss"),
        ("How has bilateral trade changed between 2018 and 2020?", "change"),
        ("Is it true that exports topped $3 billion?", "verify"),
    ],
)
def test_the_kind_of_a_question(question: str, kind: str, ask_kb: KnowledgeBase) -> None:
    assert understand(question, ask_kb.names_matching).kind == kind


def test_countries_by_name_demonym_and_capital(ask_kb: KnowledgeBase) -> None:
    u = understand(
        "Did Seoul and the Kazakh government sign a pact in 2021?", ask_kb.names_matching
    )
    assert set(u.countries) == {"KOR", "KAZ"} and u.years == ("2021",)
    longest = understand("What do South Korea and India trade?", ask_kb.names_matching)
    assert longest.countries == ("KOR", "IND")


def test_direction_metric_and_family(ask_kb: KnowledgeBase) -> None:
    u = understand("How much has Vietnam invested in Chile?", ask_kb.names_matching)
    assert (u.from_, u.to, u.metric) == ("VNM", "CHL", "investment_total")
    both = understand("What was the trade between Chile and Peru?", ask_kb.names_matching)
    assert (both.from_, both.to, both.metric) == (None, None, "trade_turnover")


def test_people_by_name_and_surname_and_unknown_names(ask_kb: KnowledgeBase) -> None:
    u = understand("What did Tokayev and Moon Jae-in talk about?", ask_kb.names_matching)
    assert set(u.people) == {"Kassym-Jomart Tokayev", "Moon Jae-in"} and not u.unknown_names
    stranger = understand("Where did Ingrid Halvorsen meet Tokayev?", ask_kb.names_matching)
    assert stranger.unknown_names == ("Ingrid Halvorsen",)


def test_a_role_and_the_words_it_must_hold(ask_kb: KnowledgeBase) -> None:
    u = understand("Who is the Fisheries Minister of Peru?", ask_kb.names_matching)
    assert u.role == "Minister" and u.role_words == ("Fisheries",) and u.countries == ("PER",)
    ambassador = understand("Who is Chile's ambassador to Peru?", ask_kb.names_matching)
    assert (ambassador.role, ambassador.from_, ambassador.to) == ("Ambassador", "CHL", "PER")


def test_the_figure_of_a_claim_to_check(ask_kb: KnowledgeBase) -> None:
    u = understand("Is it true that trade exceeded $2.5 billion in 2020?", ask_kb.names_matching)
    assert (u.value, u.comparison) == (2.5e9, "more")
    under = understand("Is it correct that fewer than 300 firms work there?", ask_kb.names_matching)
    assert (under.value, under.comparison) == (300, "less")
