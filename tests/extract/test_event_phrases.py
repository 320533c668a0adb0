"""The verb phrases of the CAMEO dictionary, on sentences we wrote (none from any corpus): a
word form listed in several verb blocks takes the phrases of each, and where a sentence is
parsed anyway a phrase's object words are looked for in the verb's object, not in the words
that happen to follow it."""

from __future__ import annotations

import pytest

from bilateral import data
from bilateral.extract import Extractor
from bilateral.extract.events.cues import PHRASE_ONLY, CueFinder
from bilateral.model import Event
from tests.extract.written import events_of_text


def events(extractor: Extractor, text: str) -> list[Event]:
    return events_of_text(extractor, text, "2024-03-14")


@pytest.fixture(scope="module")
def cues() -> CueFinder:
    return CueFinder()


def test_a_form_of_two_blocks_keeps_both_and_its_first_blocks_category() -> None:
    retracted = data.event_verbs()["retracted"]  # CAMEO: under "back down" and under "annul"
    assert retracted.blocks == ("back down", "annul")
    assert retracted.type == "CONCEDE"  # the first block's: a retraction of a claim concedes


@pytest.mark.parametrize(
    ("sentence", "category"),
    [
        ("Peru retracted the landing licence of a Chilean airline.", "SANCTION"),  # annul
        ("Peru retracted its recognition of the new government in Chile.", "SANCTION"),
        ("Peru retracted its claim to the islands off Chile.", "CONCEDE"),  # no phrase holds
    ],
)
def test_the_phrases_of_every_block_of_a_form_are_tried(
    cues: CueFinder, sentence: str, category: str
) -> None:
    found = [c for c in cues.find(sentence) if sentence[c.start : c.end] == "retracted"]
    assert [c.type for c in found] == [category]


def test_a_phrase_is_read_on_the_object_the_parse_gives(cues: CueFinder) -> None:
    text = "The ambassador of Peru was recalled by Lima."
    (waiting,) = [c for c in cues.find(text) if text[c.start : c.end] == "recalled"]
    assert waiting.type == PHRASE_ONLY  # the next words name nothing: it waits for the parse
    recalled = cues.on_object(waiting, text, ["the", "ambassador", "of", "peru"])
    assert recalled is not None and recalled.type == "SANCTION"
    assert cues.on_object(waiting, text, ["by", "lima"]) is None  # no phrase: no event


def test_a_passive_subject_is_the_object_of_a_phrase(extractor: Extractor) -> None:
    text = (
        "Peru condemned the raids by Chilean boats, and Peru's ambassador to Chile was"
        " recalled by Lima."
    )
    found = [v for v in events(extractor, text) if v.type == "SANCTION"]
    assert [(v.actors, v.targets) for v in found] == [(("PER",), ("CHL",))]


def test_the_object_beyond_the_next_words_names_the_phrase(extractor: Extractor) -> None:
    text = (
        "Peru imposed, after months of talks with its neighbours, a visa requirement on"
        " Chilean visitors."
    )
    found = [v for v in events(extractor, text) if text[v.cue_start : v.cue_end] == "imposed"]
    assert [v.type for v in found] == ["SANCTION"]  # "impose * visa requirement", not COERCE


def test_a_verb_waiting_for_its_phrase_alone_has_no_sentence_parsed(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    want = extractor.parser.want
    monkeypatch.setattr(extractor.parser, "want", lambda texts: (asked.extend(texts), want(texts)))
    events(extractor, "Observers were sent to the vote in Peru by Chile.")
    assert not [t for t in asked if "sent" in t]


def test_a_phrase_of_prepositions_alone_holds_only_where_they_open_the_object(
    cues: CueFinder,
) -> None:
    text = "Ghana phoned Togo's leader on Sunday."
    (phoned,) = [c for c in cues.find(text) if text[c.start : c.end] == "phoned"]
    late = cues.on_object(phoned, text, ["togo", "'s", "leader", "on", "sunday"])
    assert late is not None and late.type == "CONSULT"  # a call on Sunday, not "call on"
    called_on = cues.on_object(phoned, text, ["on", "togo", "'s", "leader"])
    assert called_on is not None and called_on.type == "REQUEST"


def test_the_marker_of_a_condition_stays_in_reach_of_a_phrase(extractor: Extractor) -> None:
    text = "Ghana's minister said Accra would strike rebel bases inside Togo if the raids went on."
    found = [v for v in events(extractor, text) if text[v.cue_start : v.cue_end] == "strike"]
    assert [v.type for v in found] == ["THREATEN"]  # "strike * if": a threat, not an assault


def test_a_verb_the_manual_codes_itself_takes_no_phrase_of_its_block() -> None:
    # CAMEO lists "ratify" among its verbs of yielding, whose "* treaty" is an agreement; the
    # PLOVER manual codes ratifying a treaty as SUPPORT
    ratified = data.event_verbs()["ratified"]
    assert ratified.type == "SUPPORT" and ratified.blocks == ("ratify",)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Thai parliament ratified the border treaty with Laos.",
        "The border treaty with Laos was ratified by the Thai parliament.",
    ],
)
def test_ratifying_a_treaty_is_support(extractor: Extractor, sentence: str) -> None:
    assert [(v.type, v.actors, v.targets) for v in events(extractor, sentence)] == [
        ("SUPPORT", ("THA",), ("LAO",))
    ]
