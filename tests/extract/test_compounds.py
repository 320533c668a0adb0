"""Countries inside hyphenated words, on sentences we wrote (none from any corpus): a country's
abbreviation before a participle ("U.S.-made"), combining forms in front of another country
("Sino-Soviet", "Franco-German", "Anglo-Dutch"), and what must stay no country: a region
("Indo-Pacific"), a people or a language family ("Anglo-Saxon", "Indo-European"), the surname
Franco, "Anglo" alone, a hyphenated word that names no country. A country that only backs or
made what a noun names ("U.S.-backed rebels") is no side of that noun's acts."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from bilateral.extract import Extractor
from bilateral.extract.compounds import _COMPOUND, _word_starts
from bilateral.extract.matching import matches_at
from bilateral.model import ArticleEntities
from tests.extract.written import events_of_text, extract_text


def _countries(found: ArticleEntities) -> list[tuple[str, str, str | None]]:
    """(text, type, country) of each mention, in the order of the text."""
    by_id = {e.id: e for e in found.entities}
    return [
        (m.text, m.type, by_id[m.local_entity_id].country)
        for m in sorted(found.mentions, key=lambda m: m.start)
    ]


def _codes(extractor: Extractor, text: str) -> set[str]:
    found = extract_text(extractor, text, "2024-05-01")
    return {code for _, kind, code in _countries(found) if code and kind in ("GPE", "NORP")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The guerrillas fired a U.S.-made rocket at the depot.",
            [("U.S.", "GPE", "USA")],
        ),
        (
            "Diplomats said Sino-Soviet relations had thawed by then.",
            [("Sino", "NORP", "CHN"), ("Soviet", "NORP", "SUN")],
        ),
        (
            "A Franco-German battalion will join the exercise.",
            [("Franco", "NORP", "FRA"), ("German", "NORP", "DEU")],
        ),
        (
            "The U.K.-based charity delivered blankets.",
            [("U.K.", "GPE", "GBR")],
        ),
        (
            "Sino-U.S. dialogue on climate resumed.",
            [("Sino", "NORP", "CHN"), ("U.S.", "GPE", "USA")],
        ),
        (
            "The Anglo-Dutch treaty of 1824 divided the straits.",
            [("Anglo", "NORP", "GBR"), ("Dutch", "NORP", "NLD")],
        ),
        (
            "Historians revisited the Russo-Japanese conflict.",
            [("Russo", "NORP", "RUS"), ("Japanese", "NORP", "JPN")],
        ),
    ],
)
def test_each_country_part_of_a_hyphenated_word_is_a_mention_of_its_own(
    extractor: Extractor, text: str, expected: list[tuple[str, str, str]]
) -> None:
    found = extract_text(extractor, text, "2024-05-01")
    assert _countries(found) == expected
    for m in found.mentions:  # the part's own characters
        assert text[m.start : m.end] == m.text


def test_compounds_that_already_worked_keep_working(extractor: Extractor) -> None:
    found = extract_text(extractor, "The U.S.-Japan tariff talks resumed on Monday.")
    assert _countries(found) == [("U.S.", "GPE", "USA"), ("Japan", "GPE", "JPN")]
    found = extract_text(extractor, "Brazilian-U.S. ties were strained then.")
    assert _countries(found) == [("Brazilian", "NORP", "BRA"), ("U.S.", "GPE", "USA")]
    found = extract_text(extractor, "The South Korea-Japan meeting ended early.")
    assert _countries(found) == [("South Korea", "GPE", "KOR"), ("Japan", "GPE", "JPN")]


def test_a_part_that_names_no_country_keeps_what_it_was(extractor: Extractor) -> None:
    found = extract_text(extractor, "Oil firms met Iraqi-Kurdish officials in Erbil.")
    assert ("Iraqi", "NORP", "IRQ") in _countries(found)
    assert any(text == "Kurdish" for text, _, _ in _countries(found))


@pytest.mark.parametrize(
    "text",
    [
        "Ministers discussed the Indo-Pacific strategy at length.",  # a region, not India
        "Scholars compared Anglo-Saxon charters with Indo-European roots.",  # peoples, languages
        "The Anglo tradition of common law persists.",  # "Anglo" alone
        "General Franco ruled for decades; Francisco Franco died in 1975.",  # the surname
        "A well-known cross-border route reopened after a long-term closure.",  # no country
        "Linguists study Sino-Tibetan tones.",  # a language family
    ],
)
def test_no_country_where_no_country_is_meant(extractor: Extractor, text: str) -> None:
    assert not _codes(extractor, text) - {"ESP"}  # Franco was Spain's ruler, not France


def test_the_surname_franco_and_franco_in_a_compound_are_told_apart(
    extractor: Extractor,
) -> None:
    found = extract_text(
        extractor,
        "Francisco Franco ruled Spain. Decades later the Franco-Spanish border was redrawn.",
        "2024-05-01",
    )
    assert ("Francisco Franco", "PERSON", "ESP") in _countries(found)
    assert ("Franco", "NORP", "FRA") in _countries(found)


def test_a_patron_of_the_actor_is_no_side_of_its_act(extractor: Extractor) -> None:
    (backing, attack) = events_of_text(
        extractor, "U.S.-backed rebels attacked a Syrian army post.", "2024-05-01"
    )
    assert attack.type == "ASSAULT"
    assert "USA" not in attack.actors and "USA" not in attack.targets
    assert "USA" not in backing.actors
    events = events_of_text(
        extractor, "Iranian-backed militias attacked a base in Iraq.", "2024-05-01"
    )
    assert all("IRN" not in v.actors for v in events)


def test_a_patron_after_by_is_no_side_of_the_nouns_act(extractor: Extractor) -> None:
    events = events_of_text(
        extractor, "Guerrillas funded by Venezuela ambushed a Colombian patrol.", "2024-05-01"
    )
    ambush = next(v for v in events if v.type == "ASSAULT")
    assert "VEN" not in ambush.actors and ambush.targets == ("COL",)
    # after a passive auxiliary the country acts: it is the agent of the backing
    (backing,) = events_of_text(
        extractor, "The guerrillas were backed by Venezuela, Colombia said.", "2024-05-01"
    )
    assert backing.type == "SUPPORT" and backing.actors == ("VEN",)
    # the participle that is the event's own word keeps its agent
    events = events_of_text(
        extractor, "Rebels armed by Rwanda shelled Congolese villages.", "2024-05-01"
    )
    assert any(v.actors == ("RWA",) for v in events if v.cue_start < 15)
    assert all("RWA" not in v.actors for v in events if v.type == "ASSAULT")


def test_a_patron_opening_the_sentence_or_in_a_relative_clause_does_not_act(
    extractor: Extractor,
) -> None:
    for text in (
        "Financed by Qatar, the militants attacked a Libyan oil terminal on Monday.",
        "The militants, who were financed by Qatar, shelled a Libyan oil terminal on Monday.",
        "The militants, which have long been financed by Qatar, attacked a Libyan oil terminal.",
    ):
        events = events_of_text(extractor, text, "2024-05-01")
        storming = next(v for v in events if v.type == "ASSAULT")
        assert "QAT" not in storming.actors and storming.targets == ("LBY",), text
    # a passive in the clause of the event itself keeps its agent acting
    (funding,) = events_of_text(
        extractor, "The militants were financed by Qatar, Libya said on Monday.", "2024-05-01"
    )
    assert funding.type == "AID" and funding.actors == ("QAT",)


def test_a_language_is_no_side(extractor: Extractor) -> None:
    events = events_of_text(
        extractor,
        "Portuguese-speaking traders protested against the Angolan government in Luanda.",
        "2024-05-01",
    )
    protest = next(v for v in events if v.type == "PROTEST")
    assert "PRT" not in protest.actors and protest.targets == ("AGO",)


def test_patrons_in_a_list_are_all_patrons(extractor: Extractor) -> None:
    events = events_of_text(
        extractor,
        "Gunmen funded by Sudan and Chad raided a village in the Central African Republic.",
        "2024-05-01",
    )
    (funding,) = [v for v in events if v.type == "AID"]
    (raid,) = [v for v in events if v.type != "AID"]
    assert not {"SDN", "TCD"} & set(raid.actors) and raid.targets == ("CAF",)
    assert set(funding.actors) == {"SDN", "TCD"}  # the funding's own agents all act


def test_a_leader_of_the_actor_stays_its_side(extractor: Extractor) -> None:
    (attack,) = events_of_text(
        extractor, "The Saudi-led coalition struck a port in Yemen.", "2024-05-01"
    )
    assert attack.type == "ASSAULT" and attack.actors == ("SAU",) and attack.targets == ("YEM",)


def test_forms_count_beside_the_words_that_must_not(extractor: Extractor) -> None:
    text = (
        "Francisco Franco kept Spain out of the war. Today the Anglo-Irish talks and a "
        "Franco-German plan for the Indo-Pacific region were welcomed by Anglo farmers."
    )
    found = extract_text(extractor, text, "2024-05-01")
    forms = {(t, code) for t, kind, code in _countries(found) if kind in ("GPE", "NORP")}
    assert {("Anglo", "GBR"), ("Irish", "IRL"), ("Franco", "FRA"), ("German", "DEU")} <= forms
    assert ("Francisco Franco", "PERSON", "ESP") in _countries(found)
    assert "IND" not in _codes(extractor, text)
    assert sum(t == "Anglo" for t, _, code in _countries(found) if code) == 1  # not the farmers


def test_a_maker_can_still_be_acted_on(extractor: Extractor) -> None:
    events = events_of_text(
        extractor, "Mexico imposed a steep tariff on Korean-made washing machines.", "2024-05-01"
    )
    sanction = next(v for v in events if v.type == "SANCTION")
    assert sanction.actors == ("MEX",) and sanction.targets == ("KOR",)


def test_a_name_the_tagger_gave_a_word_not_all_countries_stays(extractor: Extractor) -> None:
    found = extract_text(extractor, "Senators spoke of the Iran-contra affair at length.")
    assert "IRN" not in {code for _, _, code in _countries(found)}


@given(st.text(alphabet="aA1_.-- é\n", max_size=40))
@example("U.S.-made and Sino-Soviet-U.S. -a a-- b-.c _a-b")
def test_hyphenated_words_tried_where_they_can_begin_are_all_found(text: str) -> None:
    """The places tried hold every place a hyphenated word begins: the same words as the
    pattern's own search over the whole text."""
    expected = [m.span() for m in _COMPOUND.finditer(text)]
    assert [m.span() for m in matches_at(_COMPOUND, text, _word_starts(text))] == expected
