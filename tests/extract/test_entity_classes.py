"""Entity error classes of issue 10, each on sentences we wrote: names cut or run on,
facilities, awards, honorifics, headline capitals, acronyms, glued countries, capitals after
"U.S.", institutions with their field."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from bilateral.clean import clean_article
from bilateral.extract import Extractor
from bilateral.extract.candidates import _TRAILING, _TRAILING_LAST, _head_starts
from bilateral.extract.matching import matches_at
from bilateral.model import ArticleEntities, Document, RawArticle


def _entities(extractor: Extractor, text: str) -> tuple[Document, ArticleEntities]:
    raw = RawArticle(source="written.txt", content=text, fmt="text", published="2024-05-01")
    doc = clean_article(raw)
    assert isinstance(doc, Document)
    (found,) = extractor([doc])
    for m in found.mentions:
        assert doc.text[m.start : m.end] == m.text
    return doc, found


def _types(extractor: Extractor, text: str) -> dict[str, str]:
    _, found = _entities(extractor, text)
    return {e.name: e.type for e in found.entities}


def test_a_company_with_and_and_its_legal_form_is_one_name(extractor: Extractor) -> None:
    types = _types(
        extractor,
        "Fishing deal signed\n\nThe trawler operator Boreal and Sons Ltd bought two vessels "
        "from a yard in Bergen. Later Boreal and Sons said the ships would sail in June. "
        "The broker Fjordline Holdings Pty. Ltd arranged the sale.",
    )
    assert types.get("Boreal and Sons Ltd") == "ORG"
    assert "Boreal" not in types and "Sons Ltd" not in types and "Sons" not in types
    assert types.get("Fjordline Holdings Pty. Ltd") == "ORG"


def test_the_short_form_of_a_company_is_the_company(extractor: Extractor) -> None:
    _, found = _entities(
        extractor,
        "Contract won\n\nNordkabel and Fibre Plc won a contract in Oslo. Analysts said "
        "Nordkabel and Fibre would gain.",
    )
    (company,) = [e for e in found.entities if e.type == "ORG"]
    assert company.name == "Nordkabel and Fibre Plc"
    assert "Nordkabel and Fibre" in company.forms


def test_facilities_are_named_by_their_head(extractor: Extractor) -> None:
    types = _types(
        extractor,
        "Energy ties grow\n\nEngineers from Oslo visited the Atacama Solar Power Plant and the "
        "Quintero Petrochemical Complex, then the Mejillones Port on Friday.",
    )
    assert types.get("Atacama Solar Power Plant") == "FAC"
    assert types.get("Quintero Petrochemical Complex") == "FAC"


def test_orders_and_awards_are_no_people(extractor: Extractor) -> None:
    types = _types(
        extractor,
        "Honours for an envoy\n\nPresident Gabriel Boric awarded the Order of Bernardo "
        "O'Higgins to the envoy Lars Hansen, who also holds the Fridtjof Peace Prize.",
    )
    assert types.get("Gabriel Boric") == "PERSON"
    assert not any("Order" in name or "Prize" in name for name in types)


def test_honorifics_of_envoys_are_no_people(extractor: Extractor) -> None:
    _, found = _entities(
        extractor,
        "New envoy arrives\n\nAmbassador Extraordinary and Plenipotentiary Lars Hansen "
        "presented his credentials in Santiago on Monday.",
    )
    people = {e.name: e for e in found.entities if e.type == "PERSON"}
    assert set(people) == {"Lars Hansen"}
    assert "Ambassador" in people["Lars Hansen"].roles


def test_a_country_glued_after_a_name_becomes_its_country(extractor: Extractor) -> None:
    _, found = _entities(
        extractor,
        "Talks in Santiago\n\nForeign Minister Anniken Huitfeldt Norway met the Chilean "
        "delegation in Santiago.",
    )
    people = {e.name: e for e in found.entities if e.type == "PERSON"}
    assert set(people) == {"Anniken Huitfeldt"}
    assert people["Anniken Huitfeldt"].country == "NOR"


def test_headline_capitals_make_no_entities(extractor: Extractor) -> None:
    types = _types(
        extractor,
        "LARSEN URGES NORWAY TO OPEN SALMON MARKET TALKS\n\nNorwegian trade minister Erik "
        "Larsen urged Chile to open talks on salmon, officials in Oslo said.",
    )
    assert not [n for n in types if n.isupper() and len(n) > 3]
    assert types.get("Erik Larsen") == "PERSON"


def test_an_acronym_joins_its_expansion(extractor: Extractor) -> None:
    _, found = _entities(
        extractor,
        "Fisheries body meets\n\nThe Nordic Fisheries Research Council (NFRC) met in Bergen. "
        "Later the NFRC said quotas would rise.",
    )
    council = [e for e in found.entities if "NFRC" in e.forms]
    assert len(council) == 1
    assert council[0].name == "Nordic Fisheries Research Council"


def test_a_common_word_capitalised_after_an_abbreviation_is_no_name(
    extractor: Extractor,
) -> None:
    types = _types(
        extractor,
        "Steel duties\n\nWashington weighs sanctions on imports. The U.S. Sanctions would hit "
        "mills in Brazil, and U.S. Officials said officials in Brasilia were told.",
    )
    assert not any(name.startswith(("U.S. ", "United States ")) for name in types)
    assert types.get("United States") == "GPE"


def test_a_state_institution_keeps_its_field(extractor: Extractor) -> None:
    _, found = _entities(
        extractor,
        "Duties imposed\n\nNorway's Ministry of Trade and Industry said on Monday it would "
        "review the duties.",
    )
    orgs = {e.name: e for e in found.entities if e.type == "ORG"}
    assert "Ministry of Trade and Industry" in orgs
    assert orgs["Ministry of Trade and Industry"].country == "NOR"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The Oslo-based Arctic Policy Council said it would publish a study.",
            "Arctic Policy Council",
        ),
        ("The General Agreement on Fisheries and Trade covers both states.", None),
    ],
)
def test_names_are_not_run_on(extractor: Extractor, text: str, name: str | None) -> None:
    types = _types(extractor, "Study\n\n" + text)
    if name:
        assert types.get(name) == "ORG"
    assert not any(t == "PERSON" for t in types.values())


def test_a_title_scope_does_not_eat_a_name_the_tagger_saw(extractor: Extractor) -> None:
    _, found = _entities(
        extractor,
        "Greetings exchanged\n\nOn this occasion, Minister of Foreign Affairs Tran Van Hoa "
        "exchanged greetings with his counterpart.",
    )
    people = {e.name: e for e in found.entities if e.type == "PERSON"}
    assert "Tran Van Hoa" in people


def test_a_known_person_gets_a_country_and_beats_a_guessed_type(extractor: Extractor) -> None:
    from bilateral.extract.candidates import Candidate
    from bilateral.extract.known import known_person, retype

    assert known_person("George Shultz") is not None
    assert known_person("George Shultz").country == "USA"  # type: ignore[union-attr]
    assert known_person("Shultz") is None  # a surname alone names nobody for sure
    text = "Talks with George Shultz ended."
    guessed = Candidate(text.index("George"), text.index(" ended"), "ORG")
    retype([guessed], text)
    assert (guessed.label, guessed.country) == ("PERSON", "USA")
    _, found = _entities(
        extractor, "Visit\n\nYasuhiro Nakasone met the delegation in Oslo on Monday."
    )
    people = {e.name: e for e in found.entities if e.type == "PERSON"}
    assert people["Yasuhiro Nakasone"].country == "JPN"


def test_a_portfolio_before_an_office_title_is_no_organisation(extractor: Extractor) -> None:
    _, found = _entities(
        extractor,
        "Visit\n\nChile's Fisheries Minister Ana Ruiz met Norway's Trade and Industry "
        "Secretary Erik Larsen in Oslo.",
    )
    names = {e.name: e.type for e in found.entities}
    assert names.get("Ana Ruiz") == "PERSON" and names.get("Erik Larsen") == "PERSON"
    assert not [n for n, t in names.items() if t == "ORG"]


def test_wire_copy_capitalising_after_abbreviations_makes_no_names(
    extractor: Extractor,
) -> None:
    types = _types(
        extractor,
        "Surplus grows\n\nChile's surplus with the U.S. Rose to two billion dlrs, and exports "
        "of U.S. Machinery to Chile fell. The U.S. Chamber of Commerce said little.",
    )
    assert not any(n in types for n in ("U.S. Rose", "U.S. Machinery"))
    assert types.get("U.S. Chamber of Commerce") == "ORG"


def test_regions_and_territories_come_from_the_knowledge_file(extractor: Extractor) -> None:
    types = _types(
        extractor,
        "Security talks\n\nThe Nagorno Karabakh issue and shipping in the Indo-Pacific were "
        "discussed by Chile and Norway.",
    )
    assert types.get("Nagorno Karabakh") == "GPE"
    assert types.get("Indo-Pacific") == "LOC"


def test_a_name_head_of_two_words_is_read_whole(extractor: Extractor) -> None:
    # "Consulate General" once raised KeyError: 'General' (the head was looked up by its last
    # word)
    _, found = _entities(
        extractor, "Visit\n\nStaff of the Chilean Consulate General met exporters in Busan."
    )
    orgs = {e.name: e for e in found.entities if e.type == "ORG"}
    assert orgs["Chilean Consulate General"].country == "CHL"


# pieces of text where names ending in a head begin, break off and run on (none from a corpus)
_PIECES = [
    "Bank",
    "Central Bank",
    "Ministry",
    "Acme",
    "Sons",
    "Ltd",
    "Co.",
    "U.S.",
    "and",
    "&",
    "of",
    "the",
    "Zuma",
    "Rock",
    "Monument",
    " ",
    "  ",
    "\n",
    ",",
    ".",
    "-",
    "'s",
    "’",
    "(",
    "5%",
    "é",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
@example("Acme and Sons Ltd, U.S. Central Bank of the Zuma Rock Monument")
@example("Central Bank Bank, Zuma-Rock Monument (Acme Bank)")
def test_names_ending_in_a_head_tried_where_they_can_begin_are_all_found(
    extractor: Extractor, text: str
) -> None:
    """The capitals tried for a name ending in a head hold every place one begins: the same
    names as the pattern tried at every capital."""
    heads = extractor.lexicon.head_pattern
    expected = [(m.span(), m.groups()) for m in heads.pattern.finditer(text)]
    found = matches_at(heads.pattern, text, _head_starts(text, extractor.lexicon))
    assert [(m.span(), m.groups()) for m in found] == expected


_ANNOUNCED = [
    "boxer",
    "writer",
    "Writer",
    "company",
    "Minister",
    "minister",
    "Prime",
    "of",
    "to",
    "Brazil",
    "Trade",
    "Gennady",
    "Golovkin",
    "WEG",
    "Mr.",
    "Gen.",
    "sub",
    " ",
    "  ",
    "\n",
    ",",
    "-",
    "'s",
    "é",
]


@given(st.lists(st.sampled_from(_ANNOUNCED), max_size=30).map("".join))
@example("the Brazilian company WEG Equipamentos and boxer Gennady Golovkin")
@example("Minister of Trade of Brazil Ana Ruiz, subwriter Ana, writer of Gennady")
def test_titled_and_described_names_tried_where_one_scan_finds_their_words(
    extractor: Extractor, text: str
) -> None:
    """Both patterns tried only where the scan for the words of either list finds one: what
    each finds trying every place."""
    lex = extractor.lexicon
    starts = [m.start() for m in lex.name_announcer.finditer(text)]
    for pattern in (lex.titled_name, lex.described_name):
        expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groups()) for m in matches_at(pattern, text, starts)] == expected


_TITLED = ["Minister", "PRIME", "minister", "Chargé", "CHARGÉ", "d'Affaires", "D'AFFAIRES", "x"]
_ODD = [" ", "-", "é", "ſ", "İ", "ı", "K", "Σ", "ς", "ǅ", "ⅻ", "Ⓐ", "secretary", "Ambassador"]


@given(st.lists(st.sampled_from(_TITLED + _ODD), max_size=12).map("".join))
@example("a PRIME MINISTER x")
@example("the CHARGÉ D'AFFAIRES Ana")
@example("ſecretary")
@example("the PRIME MINISTER- x")
def test_a_title_is_found_lower_cased_where_ignoring_case_finds_one(
    extractor: Extractor, text: str
) -> None:
    lex = extractor.lexicon
    assert lex.writes_a_title(text) == bool(lex.title_word.search(text))


@given(st.text(alphabet="aAs'’,.;:!?\"“”()-–— \n\t\u00a0x", max_size=8))
def test_what_trim_strips_ends_in_a_character_it_looks_for(span: str) -> None:
    """trim runs its search only where the span ends in one of these: it never misses one."""
    if _TRAILING.search(span):
        assert span[-1] in _TRAILING_LAST or span[-1].isspace()
