"""Who acts on whom, read from the grammar of sentences we wrote (none from any corpus):
passive voice, control verbs, reported speech, nominalisations, coordination, and events inside
one country, which are kept but are not dyadic."""

from __future__ import annotations

import pytest

from bilateral.extract import Extractor
from bilateral.model import Event
from tests.extract.written import events_of_text

CASES = [
    # sentence, category, actors, targets
    ("Venezuela's ambassador was expelled by Colombia after the clash.", "SANCTION", "COL", "VEN"),
    ("New sanctions on Russia were announced by Britain.", "SANCTION", "GBR", "RUS"),
    ("Chile and Argentina condemned Bolivia's decision.", "ACCUSE", "CHL ARG", "BOL"),
    ("Japan said it would impose tariffs on South Korean steel.", "SANCTION", "JPN", "KOR"),
    ("The imposition of tariffs by Canada on Mexican avocados hurt growers.", "SANCTION", "CAN",
     "MEX"),
    ("Egypt refused to sign the water accord with Ethiopia.", "REJECT", "EGY", "ETH"),
    ("Kenya's foreign ministry accused Somalia of meddling.", "ACCUSE", "KEN", "SOM"),
    ("Pakistani troops shelled Indian positions along the frontier.", "ASSAULT", "PAK", "IND"),
    ("Mexico's president turned down a request from Guatemala for troops.", "REQUEST", "GTM",
     "MEX"),
    ("China imposed an embargo on Lithuanian goods, officials in Vilnius said.", "SANCTION",
     "CHN", "LTU"),
]  # fmt: skip


def events(extractor: Extractor, text: str) -> list[Event]:
    return events_of_text(extractor, text, "2024-03-14")


@pytest.mark.parametrize(("sentence", "category", "actors", "targets"), CASES)
def test_the_agent_acts_on_the_object(
    extractor: Extractor, sentence: str, category: str, actors: str, targets: str
) -> None:
    found = [v for v in events(extractor, sentence) if v.type == category]
    assert found, sentence
    assert set(found[0].actors) == set(actors.split()), (sentence, found[0])
    assert set(found[0].targets) == set(targets.split()), (sentence, found[0])
    assert found[0].dyadic


def test_an_event_inside_one_country_is_kept_and_not_dyadic(extractor: Extractor) -> None:
    found = events(extractor, "Kenyan police arrested Kenyan protesters in Nairobi.")
    assert [(v.type, v.actors, v.targets, v.dyadic) for v in found] == [
        ("COERCE", ("KEN",), ("KEN",), False)
    ]


def test_a_domestic_event_beside_a_bilateral_one(extractor: Extractor) -> None:
    found = events(
        extractor,
        "China and Japan held talks in Beijing, while Chinese police detained Chinese activists.",
    )
    assert {(v.type, v.dyadic) for v in found} == {("CONSULT", True), ("COERCE", False)}
