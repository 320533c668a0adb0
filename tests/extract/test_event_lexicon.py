"""The event knowledge built from PETRARCH2 and the CAMEO-to-PLOVER table: the committed files
are what scripts/build_event_lexicon.py makes of the third-party sources, and the conversion
follows the table."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from bilateral import data

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
spec = importlib.util.spec_from_file_location("build", ROOT / "scripts" / "build_event_lexicon.py")
assert spec and spec.loader
build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build)


@pytest.mark.skipif(not (SHARED / "third_party").exists(), reason="no ../shared/third_party")
def test_the_committed_lexicon_is_what_the_script_builds() -> None:
    verbs, phrases = build.build(SHARED)
    assert {row[0] for row in verbs} == set(data.event_verbs())
    also = {row[0]: tuple(b for b in row[6].split("|") if b) for row in verbs}
    assert also == {form: v.also for form, v in data.event_verbs().items()}
    assert len(phrases) == sum(len(p) for p in data.event_phrases().values())
    assert len(build.agents(SHARED)) == len(data.event_agents())


def test_cameo_codes_convert_through_the_plover_table() -> None:
    table = {"173": ("COERCE", "arrest"), "101": ("REQUEST", "assist"), "031": ("AGREE", "")}
    assert build.convert("173", table) == ("COERCE", "arrest")
    assert build.convert("0312", table) == ("AGREE", "")  # a missing code takes its parent's
    assert build.convert("021", table) == ("REQUEST", "assist")  # appeal mirrors demand
    assert build.convert("010", table) is None  # a public statement is no event
    assert build.convert("---", table) is None


def test_regular_forms_of_a_verb() -> None:
    assert build.inflect("stop") >= {"stop", "stops", "stopped", "stopping"}
    assert build.inflect("deny") >= {"denies", "denied", "denying"}
    assert build.inflect("seize") >= {"seizes", "seized", "seizing"}


def test_every_plover_category_has_verbs() -> None:
    categories = {v.type for v in data.event_verbs().values()} - {build.PHRASE_ONLY}
    assert len(categories) == 16


def test_a_verb_of_a_block_without_a_code_names_events_only_through_its_phrases() -> None:
    verbs = data.event_verbs()
    assert verbs["shipped"].type == build.PHRASE_ONLY  # "ship * &WEAPON": military aid
    assert "said" not in verbs  # a public statement (01x) is no event, nor are its phrases


def test_every_event_noun_names_a_verb_of_the_lexicon() -> None:
    verbs = data.event_verbs()
    assert all(verb in verbs for verb in data.event_nouns().values())
