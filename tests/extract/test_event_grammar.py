"""The grammar around event words, on sentences we wrote: negation, complements, conditions,
passive agents, recalled background, dates ahead of a planned event, domestic meetings."""

from __future__ import annotations

from bilateral.clean import clean_article
from bilateral.extract import Extractor
from bilateral.model import Document, Event, RawArticle
from tests.extract.written import events_of_text

PUBLISHED = "2024-03-14"  # a Thursday


def events(extractor: Extractor, text: str) -> list[Event]:
    return events_of_text(extractor, text, PUBLISHED)


def test_a_denied_agreement_is_no_agreement(extractor: Extractor) -> None:
    found = events(extractor, "Slovakia did not agree to Hungary's proposal on the dam.")
    assert "AGREE" not in {v.type for v in found}


def test_the_content_of_a_threat_is_not_an_event_of_its_own(extractor: Extractor) -> None:
    found = events(extractor, "Brazil threatened to impose tariffs on Argentine wheat.")
    assert [v.type for v in found] == ["THREATEN"]


def test_a_conditional_event_says_so(extractor: Extractor) -> None:
    found = events(
        extractor, "Officials said that if Bolivia expelled the ambassador, Peru would respond."
    )
    assert found and found[0].type == "SANCTION" and found[0].modality == "conditional"


def test_the_agent_after_by_is_the_actor(extractor: Extractor) -> None:
    (visit,) = events(extractor, "Talks followed a visit to Ecuador by the Colombian president.")
    assert visit.actors == ("COL",) and visit.targets == ("ECU",)


def test_a_planned_meeting_on_a_weekday_lies_ahead(extractor: Extractor) -> None:
    (meeting,) = events(
        extractor, "The Chilean minister will hold talks with Peru's foreign minister on Monday."
    )
    assert meeting.modality == "planned" and meeting.date == "2024-03-18"


def test_a_cabinet_meeting_is_not_a_bilateral_event(extractor: Extractor) -> None:
    found = events(
        extractor,
        "Kenya and Uganda disagree on the pipeline. The Kenyan president met his cabinet to "
        "discuss the budget on Tuesday.",
    )
    assert not [v for v in found if v.type == "CONSULT"]


def test_recalled_background_takes_neither_date_nor_tense(extractor: Extractor) -> None:
    found = events(
        extractor,
        "Mexico said on Monday it would impose duties on Canadian steel following an inquiry "
        "into dumping.",
    )
    inquiry = next(v for v in found if v.type == "ACCUSE")
    assert inquiry.date is None and inquiry.modality == "actual"


def test_protesters_are_a_sector_of_their_country(extractor: Extractor) -> None:
    (protest,) = events(extractor, "Protesters in Quito rallied against the Peruvian decision.")
    assert protest.type == "PROTEST" and protest.actor_sector == "OPP"


def test_a_nominalised_sanction_with_its_agent_and_target(extractor: Extractor) -> None:
    (sanction,) = events(
        extractor, "The imposition of tariffs by Mexico on Guatemalan sugar angered farmers."
    )
    assert sanction.type == "SANCTION"
    assert sanction.actors == ("MEX",) and sanction.targets == ("GTM",)


def test_reported_speech_keeps_the_reported_event_planned(extractor: Extractor) -> None:
    (sanction,) = events(extractor, "Chile said it would impose sanctions on Bolivian officials.")
    assert sanction.type == "SANCTION" and sanction.modality == "planned"
    assert sanction.actors == ("CHL",) and sanction.targets == ("BOL",)


def test_an_undated_article_dates_relative_days_from_its_latest_written_day(
    extractor: Extractor,
) -> None:
    text = (
        "The ministers of Chile and Peru signed a water accord in Lima on May 6, 2023.\n\n"
        "The Chilean president met Peru's president in Lima earlier this month."
    )
    raw = RawArticle(source="t.txt", content=text, fmt="text", published=None)
    doc = clean_article(raw)
    assert isinstance(doc, Document)
    (facts,) = extractor([doc])
    meeting = next(v for v in facts.events if v.type == "CONSULT")
    assert meeting.date == "2023-05"


def test_a_planned_event_in_an_earlier_month_lies_in_the_next_year(extractor: Extractor) -> None:
    # published in March of a leap year: next February has 28 days
    found = events(extractor, "Chile and Peru will sign a trade accord in February.")
    assert [(v.type, v.modality, v.date) for v in found] == [("AGREE", "planned", "2025-02")]
    found = events(extractor, "Chile and Peru signed a trade accord in February.")
    assert [(v.type, v.date) for v in found] == [("AGREE", "2024-02")]


def test_a_verb_of_no_event_of_its_own_names_one_through_its_object(extractor: Extractor) -> None:
    (aid,) = events(extractor, "India shipped weapons to Sri Lanka on Monday.")
    assert (aid.type, aid.actors, aid.targets) == ("AID", ("IND",), ("LKA",))
    assert not events(extractor, "India shipped its first cargo to Sri Lanka on Monday.")


def test_a_phrasal_verb_is_judged_whole(extractor: Extractor) -> None:
    # "crack" and "give" are everyday verbs; "crack down" and "give up" are CAMEO's 170 and 080
    (coerce,) = events(extractor, "Russia cracked down on Georgian migrants on Monday.")
    assert (coerce.type, coerce.actors, coerce.targets) == ("COERCE", ("RUS",), ("GEO",))
    (concede,) = events(extractor, "Turkey gave up its claim to the Iraqi province of Mosul.")
    assert (concede.type, concede.actors, concede.targets) == ("CONCEDE", ("TUR",), ("IRQ",))


def test_a_noun_of_a_verbs_act_is_that_verb_with_its_own_agent(extractor: Extractor) -> None:
    (coerce,) = events(extractor, "Venezuela's seizure of a Colombian-owned cement plant began.")
    assert (coerce.type, coerce.actors, coerce.targets) == ("COERCE", ("VEN",), ("COL",))
    # a noun with no agent of its own names no event by itself
    assert not events(extractor, "The seizure of a Colombian cement plant in Venezuela began.")


def test_a_condition_after_a_planned_act_makes_it_conditional(extractor: Extractor) -> None:
    found = events(
        extractor, "Ghana will close its border with Togo if Lome does not stop the smuggling."
    )
    assert found and found[0].modality == "conditional"


def test_an_act_told_by_others_in_the_past_perfect_is_reported(extractor: Extractor) -> None:
    (told,) = events(
        extractor, "Officials in Lima said Bolivian soldiers had crossed into Peru on Sunday."
    )
    (opening,) = events(
        extractor, "According to the ministry in Quito, Colombia began exporting power to Ecuador."
    )
    assert (told.modality, opening.modality) == ("reported", "reported")


def test_a_speakers_own_words_are_the_act_not_a_report(extractor: Extractor) -> None:
    (accusation,) = events(extractor, "Peru's foreign minister said Bolivia was smuggling arms.")
    assert accusation.type == "ACCUSE" and accusation.modality == "actual"


def test_asking_not_to_be_named_is_no_request(extractor: Extractor) -> None:
    anonymous = events(
        extractor,
        '"Nothing is decided," said a Chilean official in Lima, who asked not to be identified.',
    )
    request = events(extractor, "Chile asked Peru not to deploy troops near the border.")
    assert anonymous == [] and [v.type for v in request] == ["REQUEST"]
