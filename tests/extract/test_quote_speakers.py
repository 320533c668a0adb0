"""Quote speakers under each error class of issue 10, on sentences we wrote: the speaker in
the sentence before or after, by role, by an organisation, over successive quoted paragraphs,
and an unnamed source that must stay unattributed."""

from __future__ import annotations

from bilateral.clean import clean_article
from bilateral.extract import Extractor
from bilateral.model import ArticleEntities, Document, RawArticle


def _facts(extractor: Extractor, text: str) -> ArticleEntities:
    raw = RawArticle(source="written.txt", content=text, fmt="text", published="2024-05-01")
    doc = clean_article(raw)
    assert isinstance(doc, Document)
    (facts,) = extractor([doc])
    return facts


def _said(extractor: Extractor, text: str) -> list[tuple[str, str | None]]:
    facts = _facts(extractor, text)
    names = {e.id: e.name for e in facts.entities}
    return [(q.text.split()[0], names.get(q.speaker_id or "")) for q in facts.quotes]


def test_a_speaker_after_an_appositive_or_a_relative_clause(extractor: Extractor) -> None:
    said = _said(
        extractor,
        "Salmon talks\n\n"
        '"We expect a deal before winter," Sen. Maria Olsen, a Bergen Liberal, told reporters.'
        "\n\nLarsen, who gave few details of the talks, said that while the talks were hard, "
        '"a shape of the deal is now visible."\n\n'
        "Erik Larsen is the Norwegian trade minister.",
    )
    assert said == [("We", "Maria Olsen"), ("a", "Erik Larsen")]


def test_an_inverted_speaker_after_the_verb(extractor: Extractor) -> None:
    said = _said(
        extractor,
        "Provinces\n\nPremier Ana Ruiz met the delegation.\n\n"
        '"It is my view that the provinces must be heard," commented Bio-Bio Governor Pablo '
        "Soto, who has criticised the talks.",
    )
    assert said == [("It", "Pablo Soto")]


def test_a_pronoun_goes_to_the_latest_subject_not_the_last_speaker(
    extractor: Extractor,
) -> None:
    said = _said(
        extractor,
        "Fertiliser dispute\n\n"
        '"We want a better system," Foreign Minister Ana Ruiz said.\n\n'
        "Meanwhile, Trade Minister Pablo Soto expressed confidence that Chile would win.\n\n"
        '"The injury is caused by prices worldwide," he said.',
    )
    assert said == [("We", "Ana Ruiz"), ("The", "Pablo Soto")]


def test_a_subject_is_not_taken_for_the_object_of_a_preposition(
    extractor: Extractor,
) -> None:
    said = _said(
        extractor,
        "Trade visit\n\n"
        "Norwegian Trade and Industry Secretary Erik Larsen said Chile must open its market.\n\n"
        '"I recognise that the strong krone has hurt our exporters," he told businessmen.',
    )
    assert said == [("I", "Erik Larsen")]


def test_a_role_goes_to_the_holder_of_that_office(extractor: Extractor) -> None:
    said = _said(
        extractor,
        "Currency row\n\n"
        "Deputy prime minister Kim Sung-ho told a meeting that the won would stay firm. "
        "Korean trade minister Lee Jae-won was in Oslo.\n\n"
        'The trade minister said the country would run "a deficit that nobody in Seoul '
        'wants."',
    )
    assert said == [("a", "Lee Jae-won")]


def test_an_organisation_can_speak(extractor: Extractor) -> None:
    said = _said(
        extractor,
        "Free trade study\n\nThe Nordic Policy Council published a study on Monday.\n\n"
        'The council said "most Norwegians have long doubted a free-trade pact with Chile."',
    )
    assert said == [("most", "Nordic Policy Council")]


def test_successive_quoted_paragraphs_carry_their_speaker(extractor: Extractor) -> None:
    said = _said(
        extractor,
        "Speech in Oslo\n\n"
        "Foreign Minister Ana Ruiz spoke to exporters in Oslo.\n\n"
        '"The strong peso hurts our farmers," she told them.\n\n'
        '"But these difficulties must not stop the reforms," she said.\n\n'
        '"They may well succeed in winning protection from governments, which would hurt '
        'trading nations like Chile and Norway."',
    )
    assert said == [("The", "Ana Ruiz"), ("But", "Ana Ruiz"), ("They", "Ana Ruiz")]


def test_an_unnamed_source_stays_unattributed(extractor: Extractor) -> None:
    facts = _facts(
        extractor,
        "Barley duties\n\nTrade Minister Ana Ruiz said the decision was disappointing.\n\n"
        '"There are few other markets for our barley," a government source told Reuters.\n\n'
        '"We hope the dispute stays small," a Ministry of Agriculture official said.\n\n'
        '"The spokesman will not comment," officials said.\n\n'
        '"We will appeal," the spokesman added.',
    )
    names = {e.id: e.name for e in facts.entities}
    assert [names.get(q.speaker_id or "") for q in facts.quotes] == [None, None, None, None]


def test_a_phrase_quoted_mid_sentence_is_its_subjects(extractor: Extractor) -> None:
    said = _said(
        extractor,
        "Summit\n\nPresident Ana Ruiz met Norway's prime minister in Oslo.\n\n"
        'In praising the talks, Ruiz heralded "a new era of partnership" between the states.',
    )
    assert said == [("a", "Ana Ruiz")]


def test_a_claim_takes_its_speaker_from_the_parse(extractor: Extractor) -> None:
    facts = _facts(
        extractor,
        "Trade grows\n\nErik Larsen, who heads the Norwegian export council, said trade "
        "between Norway and Chile rose to $2.5 billion in 2023.",
    )
    names = {e.id: e.name for e in facts.entities}
    speakers = {names.get(c.speaker_id or "") or c.source for c in facts.claims}
    assert speakers == {"Erik Larsen"}


def test_a_person_noun_refers_back_unless_an_unnamed_one_was_introduced(
    extractor: Extractor,
) -> None:
    said = _said(
        extractor,
        "Chip dispute\n\n"
        '"We want action now," Sen. Ana Ruiz, a Valparaiso Liberal, told reporters.\n\n'
        "Asked about sanctions, Sen. Pablo Soto told reporters there would be some.\n\n"
        '"Norway cannot just say it will comply," the Valdivia Republican said.\n\n'
        'A fisherman from Bergen spoke too. "We need the quota," the fisherman said.',
    )
    assert said == [("We", "Ana Ruiz"), ("Norway", "Pablo Soto"), ("We", None)]


def test_a_figure_after_a_speakers_sentence_is_the_speakers(extractor: Extractor) -> None:
    facts = _facts(
        extractor,
        "Trade grows\n\nAmbassador Erik Larsen said on Monday that ties between Norway and "
        "Chile had deepened. Trade between the two countries rose to $2.5 billion in 2023.\n\n"
        "Salmon exports reached $900 million last year.",
    )
    names = {e.id: e.name for e in facts.entities}
    by_value = {c.value: names.get(c.speaker_id or "") for c in facts.claims}
    assert by_value[2_500_000_000] == "Erik Larsen"
    assert by_value[900_000_000] is None  # another paragraph: nobody said it
