"""Countries the extractor used to lose or misname, on sentences we wrote: a country's
abbreviation opening an organisation's name ("the U.K. Government"), official abbreviations
written in mixed case ("RoK") or missing from the gazetteer ("KSA", "U.A.E."), and the Soviet
Union, which must not become Russia ("USSR" as the tagger spans it, "Moscow" before 1992, the
Soviet leaders of the actors file)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from bilateral import data
from bilateral.clean import clean_article
from bilateral.extract import Extractor
from bilateral.model import ArticleEntities, Document, LocalEntity, RawArticle

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location(
    "build_actors", ROOT / "scripts" / "build_actor_knowledge.py"
)
assert spec and spec.loader
build_actors = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_actors)


def _facts(extractor: Extractor, text: str, published: str = "2024-05-01") -> ArticleEntities:
    raw = RawArticle(source="written.txt", content=text, fmt="text", published=published)
    doc = clean_article(raw)
    assert isinstance(doc, Document)
    (found,) = extractor([doc])
    for m in found.mentions:
        assert doc.text[m.start : m.end] == m.text
    return found


def _entity(found: ArticleEntities, name: str) -> LocalEntity | None:
    return next((e for e in found.entities if e.name == name), None)


def _forms(found: ArticleEntities, code: str) -> set[str]:
    """What the article writes for the country `code` as a place of its own."""
    by_id = {e.id: e for e in found.entities}
    return {
        m.text
        for m in found.mentions
        if m.type == "GPE" and by_id[m.local_entity_id].country == code
    }


def test_a_country_abbreviation_opening_an_organisation_is_a_mention_of_it(
    extractor: Extractor,
) -> None:
    found = _facts(
        extractor,
        "Wheat sale\n\nThe U.K. Government said on Monday it would buy more wheat from "
        "Canada. The U.A.E. Ministry of Economy welcomed the tender.",
    )
    government = _entity(found, "U.K. Government")
    assert government is not None and government.type == "ORG" and government.country == "GBR"
    assert "U.K." in _forms(found, "GBR")  # the United Kingdom is named, inside the name
    assert _entity(found, "United Kingdom") is not None
    assert "U.A.E." in _forms(found, "ARE")
    assert "Canada" in _forms(found, "CAN")  # "Canada. The U.A.E. Ministry" is two names


def test_a_company_named_after_a_country_carries_it_but_does_not_name_it(
    extractor: Extractor,
) -> None:
    found = _facts(
        extractor,
        "Earnings\n\nMaple Freight said on Tuesday that the RoK Coast Guard had boarded a ship. "
        "Separately, Korea Tinplate Ltd said its profit rose.",
    )
    guard = _entity(found, "RoK Coast Guard")
    assert guard is not None and guard.country == "KOR"
    assert _forms(found, "KOR") == {"RoK"}  # the company's "Korea" is no mention of the country
    company = _entity(found, "Korea Tinplate Ltd")
    assert company is not None and company.country == "KOR"


def test_a_city_named_like_its_country_is_no_mention_of_the_country(
    extractor: Extractor,
) -> None:
    found = _facts(
        extractor,
        "Transit\n\nThe Panama City Port Authority and the U.S. Maritime Commission signed a pact.",
    )
    assert not _forms(found, "PAN")
    assert "U.S." in _forms(found, "USA")


def test_a_country_before_an_office_stays_when_the_office_is_dropped(
    extractor: Extractor,
) -> None:
    found = _facts(
        extractor,
        "Talks\n\nThe minister will meet U.S. Treasury Secretary Tom Hale in Lima on Monday.",
    )
    assert "U.S." in _forms(found, "USA")
    assert _entity(found, "Tom Hale") is not None


def test_official_abbreviations_in_mixed_case_are_countries(extractor: Extractor) -> None:
    found = _facts(
        extractor,
        "Gulf ties\n\nThe RoK remained the largest investor in Laos last year. Officials of the "
        "KSA and the U.A.E. met in Cairo, while the DPRK fired a missile.",
    )
    assert "RoK" in _forms(found, "KOR")
    assert "KSA" in _forms(found, "SAU")
    assert "U.A.E." in _forms(found, "ARE")
    assert "DPRK" in _forms(found, "PRK")  # the tagger's span, looked up as written


def test_a_person_named_rok_and_longer_acronyms_are_no_countries(extractor: Extractor) -> None:
    found = _facts(
        extractor,
        "Chess\n\nRok Zupan won the final in Ljubljana. The PRCB index and the ROKIT fund rose.",
    )
    assert not _forms(found, "KOR")
    assert not _forms(found, "CHN")


def test_the_speaker_after_an_institution_of_a_country_is_a_person(
    extractor: Extractor,
) -> None:
    for country in ("RoK", "Korea"):
        found = _facts(
            extractor,
            f"Greetings\n\nThe chairman sent his greetings to Speaker of the {country} National "
            "Assembly Park Sung Ho on Monday.",
        )
        person = _entity(found, "Park Sung Ho")
        assert person is not None and person.type == "PERSON"


def test_the_ussr_as_the_tagger_spans_it_is_the_soviet_union(extractor: Extractor) -> None:
    found = _facts(
        extractor,
        "Grain\n\nExports of wheat to the USSR, Japan and China rose in March, traders said.",
        published="1987-04-02",
    )
    union = _entity(found, "Soviet Union")
    assert union is not None and union.country == "SUN"
    assert "RUS" not in {e.country for e in found.entities}


def test_moscow_is_the_soviet_capital_before_1992_and_russia_s_after(
    extractor: Extractor,
) -> None:
    text = "Grain\n\nMoscow agreed on Monday to buy two million tonnes of wheat from Canada."
    then = _facts(extractor, text, published="1987-04-02")
    now = _facts(extractor, text, published="2016-04-02")
    moscow_then, moscow_now = _entity(then, "Moscow"), _entity(now, "Moscow")
    assert moscow_then is not None and moscow_then.country == "SUN"
    assert moscow_now is not None and moscow_now.country == "RUS"
    assert all("RUS" not in v.actors + v.targets for v in then.events)


def test_the_capital_of_a_historical_state_on_a_date() -> None:
    gaz = data.gazetteer()
    assert gaz.capital_of_then("Moscow", "1987-03-01") == "SUN"
    assert gaz.capital_of_then("Moscow", "1987") == "SUN"  # a partial date
    assert gaz.capital_of_then("Moscow", "1991-12-25") == "SUN"
    assert gaz.capital_of_then("Moscow", "1991-12-26") is None  # from then on, Russia's
    assert gaz.capital_of_then("Moscow", "1991-12") is None  # undecided: the current state
    assert gaz.capital_of_then("Moscow", None) is None
    assert gaz.capital_of_then("Prague", "1980-01-01") == "CSK"
    assert gaz.capital_of_then("Paris", "1980-01-01") is None
    assert gaz.places["Moscow"].country == "RUS"


def test_a_leader_who_served_only_the_soviet_union_is_filed_under_it() -> None:
    soviet = [("RUSGOV", "1964-10-14", "1982-11-10"), ("RUSELI", "", "")]
    assert build_actors.served("RUS", soviet) == "SUN"
    spanning = [("RUSGOV", "1985-03-11", "1991-08-24"), ("RUSGOV", "1991-07-10", "1999-12-31")]
    assert build_actors.served("RUS", spanning) == "RUS"
    assert build_actors.served("FRA", [("FRAGOV", "1981-05-21", "1995-05-17")]) == "FRA"
    assert build_actors.served("RUS", [("RUSELI", "", "")]) == "RUS"  # no dated role
    known = {p.name: p.country for p in data.people()}
    assert known["Yury Andropov"] == "SUN"


def test_a_country_inside_a_dropped_headline_name_stays(extractor: Extractor) -> None:
    found = _facts(
        extractor,
        "KEY U.S. TAX WRITERS SEEK ESTATE CURBS\n\nTwo senators proposed new limits on "
        "Tuesday, aides said.",
    )
    assert _forms(found, "USA") == {"U.S."}
