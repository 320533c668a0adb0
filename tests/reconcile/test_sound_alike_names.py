"""Spelling variants across articles that differ in how one sound is written."""

from __future__ import annotations

from bilateral.model import LocalEntity
from bilateral.naming import sound_key
from bilateral.reconcile import resolve_entities


def _local(doc: str, name: str, n: int = 1) -> tuple[LocalEntity, int]:
    return LocalEntity(f"l-{doc}-{name}", doc, "PERSON", name, None, (), (name,)), n


def test_sound_key_writes_one_sound_one_way() -> None:
    assert sound_key("Schultz") == sound_key("Shultz")
    assert sound_key("Filip") == sound_key("Philip")
    assert sound_key("Larsen") != sound_key("Hansen")


def test_a_surname_spelt_two_ways_is_one_person() -> None:
    found = resolve_entities(
        [_local("d1", "George Shultz", 3), _local("d2", "George Schultz"), _local("d3", "Schultz")]
    )
    (person,) = found
    assert person.name == "George Shultz"
    assert {"George Schultz", "Schultz"} <= set(person.aliases)


def test_different_people_stay_apart() -> None:
    found = resolve_entities([_local("d1", "Erik Larsen"), _local("d2", "Erik Hansen")])
    assert len(found) == 2
