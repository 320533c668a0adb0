"""The event-category classifier: the shipped model classifies sentences written for this test
(none of them in its training file), the extractor uses it where its lexicon finds no event
and, when it is sure of another category, to correct the category of the lexicon's first event
in a sentence; and the training script writes the same model byte for byte on every run."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bilateral.clean import clean_article
from bilateral.extract import Extractor
from bilateral.extract.events.classifier import NONE, SentenceClassifier, masked, model_dir
from bilateral.extract.events.training import read_rows
from bilateral.model import Document, RawArticle

ROOT = Path(__file__).resolve().parents[2]

WRITTEN_FOR_THIS_TEST = [
    ("AGREE", "Senegal and Mauritania signed an accord on sharing the offshore gas field."),
    ("CONSULT", "The Kenyan foreign minister held talks with his Ethiopian counterpart in Addis."),
    ("ACCUSE", "Chile condemned Argentina for the arrest of its fishermen."),
    ("AID", "Japan sent emergency relief supplies to Nepal after the earthquake."),
    ("PROTEST", "Thousands of Bolivians marched outside the Peruvian embassy in La Paz."),
    (NONE, "Exports from Malaysia to Thailand rose by 3 percent last year."),
]


@pytest.fixture(scope="module")
def classifier() -> SentenceClassifier:
    return SentenceClassifier()


def test_sentences_written_for_the_test_are_not_training_sentences() -> None:
    trained = {sentence for _, sentence in read_rows()}
    assert not trained & {sentence for _, sentence in WRITTEN_FOR_THIS_TEST}


@pytest.mark.parametrize(("category", "sentence"), WRITTEN_FOR_THIS_TEST)
def test_shipped_model_classifies_a_new_sentence(
    classifier: SentenceClassifier, category: str, sentence: str
) -> None:
    ((label, score),) = classifier.best([sentence])
    assert label == category, (label, score)


def test_countries_are_masked_before_classifying() -> None:
    assert masked("Kenya's envoy met Tanzanian officials in  Dodoma.") == (
        "ctry's envoy met ctry officials in ctry."
    )


def _events(extractor: Extractor, sentence: str, classify: bool) -> list[tuple[str, set[str]]]:
    raw = RawArticle(source="s.txt", content=sentence, fmt="text", published="2024-03-14")
    doc = clean_article(raw)
    assert isinstance(doc, Document)
    held = extractor.events.classify
    extractor.events.classify = held if classify else None
    try:
        (facts,) = extractor([doc])
    finally:
        extractor.events.classify = held
    return [(e.type, {*e.actors, *e.targets}) for e in facts.events]


def test_extractor_asks_the_classifier_where_its_lexicon_finds_nothing(
    extractor: Extractor,
) -> None:
    # (the lexicon now reads "gathered outside the embassy" as a protest of its own)
    sentence = (
        "Thousands of Bolivians crowded outside the Peruvian embassy in La Paz, waving banners."
    )
    assert _events(extractor, sentence, classify=False) == []
    assert _events(extractor, sentence, classify=True) == [("PROTEST", {"BOL", "PER"})]


def test_extractor_keeps_its_lexicon_where_it_finds_an_event(extractor: Extractor) -> None:
    sentence = "Kenya pulled back its soldiers from the Somali border towns."
    with_it = _events(extractor, sentence, classify=True)
    assert with_it == _events(extractor, sentence, classify=False)
    assert [t for t, _ in with_it] == ["RETREAT"]


def test_a_sure_classifier_corrects_the_lexicons_first_event_off_the_main_verb(
    extractor: Extractor,
) -> None:
    # the lexicon reads the subject's noun ("request"); the sentence's event is its main verb
    sentence = "Spain's request for extradition was rejected by Belgium."
    without = _events(extractor, sentence, classify=False)
    with_it = _events(extractor, sentence, classify=True)
    assert [t for t, _ in without] == ["REQUEST"]
    assert with_it == [("REJECT", sides) for _, sides in without]


def test_the_lexicon_keeps_its_category_where_it_reads_the_main_verb(
    extractor: Extractor,
) -> None:
    # the classifier is sure of SANCTION here (the words of sanctions), but the lexicon read
    # the main verb itself: easing sanctions is a concession by the PLOVER manual
    sentence = "China eased its sanctions on Australian coal."
    assert _events(extractor, sentence, classify=True) == [("CONCEDE", {"CHN", "AUS"})]


def test_a_classifier_event_where_the_lexicon_has_no_word_for_it(extractor: Extractor) -> None:
    sentence = (
        "Uruguay and Argentina began running a joint customs post on the bridge at Fray Bentos."
    )
    assert _events(extractor, sentence, classify=False) == []
    assert _events(extractor, sentence, classify=True) == [("COOPERATE", {"URY", "ARG"})]


def test_no_event_from_the_classifier_in_a_sentence_of_figures(extractor: Extractor) -> None:
    sentence = "Nepal and Bangladesh have a combined population of 200 million."
    assert _events(extractor, sentence, classify=True) == []


def _train(out: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    script = ROOT / "scripts" / "train_event_classifier.py"
    done = subprocess.run(
        [sys.executable, str(script), "--out", str(out)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return done.stdout


def _same_files(a: Path, b: Path) -> bool:
    names = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    if names != sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file()):
        return False
    return all(filecmp.cmp(a / n, b / n, shallow=False) for n in names)


@pytest.mark.slow
def test_training_script_is_deterministic_and_wrote_the_shipped_model(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    printed = _train(first), _train(second)
    digests = [line for out in printed for line in out.splitlines() if line.startswith("digest")]
    assert len(digests) == 2 and digests[0].split()[1] == digests[1].split()[1]
    assert _same_files(first, second)
    # the shipped model is what the script makes of the training file as it is now
    assert _same_files(first, model_dir())


def test_the_classifier_speaks_where_the_parse_refuses_the_only_dictionary_word(
    extractor: Extractor,
) -> None:
    # the parse finds no party as the agent of "consented" and another as its object: the
    # dictionary word names no event, and the sentence is the classifier's to judge
    sentence = "The Kenyan and Ugandan governments have consented to build a new railway together."
    assert _events(extractor, sentence, classify=False) == []
    assert _events(extractor, sentence, classify=True) == [("AGREE", {"KEN", "UGA"})]
