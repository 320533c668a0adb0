"""Bodies of states the knowledge files know (data/bodies.tsv, built from PETRARCH2's country
actors): an organisation named without its country gets its state's, on sentences we wrote."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from bilateral import data
from bilateral.extract import Extractor
from bilateral.model import ArticleEntities
from tests.extract.written import extract_text

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


def facts(extractor: Extractor, text: str) -> ArticleEntities:
    return extract_text(extractor, text)


def country_of(found: ArticleEntities, name: str) -> str | None:
    return next(e.country for e in found.entities if e.name == name)


def test_a_one_word_body_is_its_states_and_acts_for_it(extractor: Extractor) -> None:
    found = facts(extractor, "The Kremlin warned Estonia against closing the border crossing.")
    assert country_of(found, "Kremlin") == "RUS"
    assert [(v.type, v.actors, v.targets) for v in found.events] == [
        ("THREATEN", ("RUS",), ("EST",))
    ]


def test_a_longer_name_needs_its_state_named_in_the_article(extractor: Extractor) -> None:
    alone = facts(extractor, "The Federal Reserve held rates while Mexico cut its own.")
    named = facts(
        extractor,
        "The Federal Reserve held rates while Mexico cut its own. The United States economy "
        "grew faster than expected.",
    )
    assert country_of(alone, "Federal Reserve") is None
    assert country_of(named, "Federal Reserve") == "USA"


def test_a_name_every_state_has_says_no_state() -> None:
    names = {name.lower() for name, _, _ in data.bodies()}
    assert "senate" not in names and "cabinet" not in names and "kremlin" in names


@pytest.mark.skipif(not (SHARED / "third_party").exists(), reason="no ../shared/third_party")
def test_the_committed_bodies_are_what_the_script_builds() -> None:
    spec = importlib.util.spec_from_file_location(
        "actors", ROOT / "scripts" / "build_actor_knowledge.py"
    )
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    petrarch = SHARED / "third_party" / "petrarch2"
    generic = build.generic_agents(petrarch / "Phoenix.agents.txt")
    rows = build.bodies(petrarch / "Phoenix.Countries.actors.txt", generic)
    assert tuple(rows) == data.bodies()


def test_an_acronym_needs_its_state_named_in_the_article(extractor: Extractor) -> None:
    ticker = facts(extractor, "Piedmont received an offer from Harbour Rail Corp <NSC> on Monday.")
    assert all(e.country is None for e in ticker.entities if e.type == "ORG")


def test_a_body_in_its_time_is_the_historical_states(extractor: Extractor) -> None:
    found = extract_text(
        extractor, "The Kremlin warned Finland against joining the trade bloc.", "1987-03-02"
    )
    assert country_of(found, "Kremlin") == "SUN"
    assert [(v.actors, v.targets) for v in found.events] == [(("SUN",), ("FIN",))]
