"""The store's invariants, and the normalisation that brings extraction output to them."""

from __future__ import annotations

from bilateral.model import ArticleEntities, Claim, Event, LocalEntity, Mention, Quote
from bilateral.model.invariants import normalise

TEXT = 'Ghana and Togo signed a deal worth $2 billion. "We agree," Ama Owusu said.'


def _facts(**kinds: tuple[object, ...]) -> ArticleEntities:
    local = (
        LocalEntity("l1", "d", "GPE", "Ghana", "GHA"),
        LocalEntity("l2", "d", "PERSON", "Ama Owusu"),
    )
    mentions = (Mention("d", 0, 5, "Ghana", "GPE", "l1"),)
    return ArticleEntities("d", local, mentions, **kinds)  # type: ignore[arg-type]


def test_valid_facts_pass_unchanged() -> None:
    facts = _facts(quotes=(Quote("q", "d", 48, 57, TEXT[48:57], "l2", "Ama Owusu"),))
    found = normalise(TEXT, facts)
    assert not found.changed and found.facts == facts


def test_repeated_spans_and_ids_keep_the_first() -> None:
    facts = _facts()
    twice = ArticleEntities(
        "d",
        facts.entities + facts.entities[:1],
        (*facts.mentions, Mention("d", 0, 5, "Ghana", "GPE", "l2")),
    )
    found = normalise(TEXT, twice)
    assert len(found.facts.entities) == 2 and len(found.facts.mentions) == 1
    assert found.facts.mentions[0].local_entity_id == "l1"
    assert len(found.dropped) == 2


def test_spans_outside_the_text_or_off_their_words_are_dropped() -> None:
    bad = (
        Mention("d", 10, 14, "Ghana", "GPE", "l1"),  # the words there are "Togo"
        Mention("d", 70, 90, "x", "GPE", "l1"),
        Mention("d", 5, 5, "", "GPE", "l1"),
        Mention("d", 10, 14, "Togo", "GPE", "l9"),  # no such entity
    )
    facts = ArticleEntities("d", _facts().entities, bad)
    assert normalise(TEXT, facts).facts.mentions == ()


def test_dangling_references_are_cleared_not_kept() -> None:
    claim = Claim("c", "d", 0, 46, 35, 45, "deal_value", 2e9, "USD", speaker_id="l7")
    event = Event(
        "v", "d", 0, 46, 15, 21, "AGREE", "agreement_signed", people=("l2", "l8"), place="l9"
    )
    quote = Quote("q", "d", 48, 57, TEXT[48:57], "l5", "Kofi")
    found = normalise(TEXT, _facts(claims=(claim,), events=(event,), quotes=(quote,))).facts
    assert found.claims[0].speaker_id is None
    assert found.events[0].people == ("l2",) and found.events[0].place is None
    assert found.quotes[0].speaker_id is None


def test_facts_beyond_the_text_are_dropped() -> None:
    claim = Claim("c", "d", 0, 300, 35, 45, "deal_value", 2e9, "USD")
    event = Event("v", "d", 0, 46, 40, 400, "AGREE", "agreement_signed")
    quote = Quote("q", "d", 48, 57, "not these words", None, None)
    found = normalise(TEXT, _facts(claims=(claim,), events=(event,), quotes=(quote,)))
    assert (found.facts.claims, found.facts.events, found.facts.quotes) == ((), (), ())
    assert len(found.dropped) == 3


def test_mentions_out_of_order_are_sorted_and_kept() -> None:
    """Valid facts whose mentions are not in order come back with them sorted."""
    togo = Mention("d", 10, 14, "Togo", "GPE", "l1")
    facts = ArticleEntities("d", _facts().entities, (togo, *_facts().mentions))
    found = normalise(TEXT, facts)
    assert not found.changed
    assert [m.start for m in found.facts.mentions] == [0, 10]
