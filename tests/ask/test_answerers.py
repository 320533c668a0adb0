"""What each answerer puts in an answer: rival values side by side, a change with both ends
cited, a refusal that names what is not there and what is near it. Questions of our own."""

from __future__ import annotations

from bilateral.ask import answer, understand
from bilateral.store import KnowledgeBase


def test_rival_values_of_one_period_stand_side_by_side(ask_kb: KnowledgeBase) -> None:
    found = answer(ask_kb, "What was the two-way trade between South Korea and Vietnam in 2021?")
    rivals = [s for s in found.statements if s.kind == "rivals"]
    assert rivals and rivals[0].period == "2021" and len(rivals[0].citations) >= 2
    assert len({c.doc for c in rivals[0].citations}) >= 2


def test_a_change_cites_both_ends(ask_kb: KnowledgeBase) -> None:
    found = answer(ask_kb, "How has South Korea–Vietnam trade changed between 2019 and 2021?")
    change = next(s for s in found.statements if s.kind == "change")
    assert change.value and change.value > 0 and len(change.citations) == 2
    assert change.period == "2019–2021"


def test_a_refusal_names_the_unknown_and_what_is_near(ask_kb: KnowledgeBase) -> None:
    stranger = answer(ask_kb, "What did Ingrid Halvorsen tell Tokayev?")
    assert not stranger.found and stranger.refusal and "Ingrid Halvorsen" in stranger.refusal.reason
    pair = answer(ask_kb, "How much timber does Japan sell to Peru?")
    assert not pair.found and pair.refusal
    assert any("Japan" in near for near in pair.refusal.nearby)
    assert pair.statements[0].kind == "none" and not pair.statements[0].citations


def test_lower_case_questions_name_their_countries(ask_kb: KnowledgeBase) -> None:
    u = understand("how much did japan invest in india", ask_kb.names_matching)
    assert u.countries == ("JPN", "IND") and u.metric == "investment_total"
    assert understand("what did us officials say", ask_kb.names_matching).countries == ()


def test_who_by_role_never_answers_with_other_people(ask_kb: KnowledgeBase) -> None:
    found = answer(ask_kb, "Who is the Fisheries Minister of Vietnam?")
    assert not found.found


def test_what_someone_said_is_their_quotes(ask_kb: KnowledgeBase) -> None:
    found = answer(ask_kb, "What did Tokayev say about investment?")
    quotes = [s for s in found.statements if s.kind == "quote"]
    assert quotes and all(s.name == "Kassym-Jomart Tokayev" for s in quotes)
    for s in quotes:
        page = ask_kb.document_page(s.citations[0].doc)
        c = s.citations[0]
        assert page and page["text"][c.start : c.end] == c.sentence and "invest" in c.sentence
