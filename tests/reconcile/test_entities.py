"""Cross-article resolution on entities we made up: variants merge, namesakes do not."""

from __future__ import annotations

from bilateral.model import LocalEntity
from bilateral.reconcile import resolve_entities


def local(
    doc: str,
    type_: str,
    name: str,
    country: str | None = None,
    roles: tuple[str, ...] = (),
    n: int = 1,
) -> tuple[LocalEntity, int]:
    return LocalEntity(f"l-{doc}-{name}", doc, type_, name, country, roles, (name,)), n


def by_name(found: list) -> dict[str, object]:  # type: ignore[type-arg]
    return {e.name: e for e in found}


def test_transliterations_and_broken_hyphens_are_one_person() -> None:
    found = resolve_entities(
        [
            local("d1", "PERSON", "Shavkat Mirziyoyev", "UZB", ("President of Uzbekistan",), n=3),
            local("d2", "PERSON", "Shavkat Mirziyoev", None, n=1),
            local("d3", "PERSON", "Shavkat Mir- ziyoyev", None, n=1),
        ]
    )
    (person,) = found
    assert person.name == "Shavkat Mirziyoyev"
    assert person.country == "UZB" and person.roles == ("President of Uzbekistan",)
    assert {"Shavkat Mirziyoev", "Shavkat Mir- ziyoyev"} <= set(person.aliases)


def test_a_surname_alone_joins_the_only_person_who_bears_it() -> None:
    found = resolve_entities(
        [
            local("d1", "PERSON", "Emmanuel Macron", "FRA", n=2),
            local("d2", "PERSON", "Macron", n=4),
        ]
    )
    assert [e.name for e in found] == ["Emmanuel Macron"]


def test_an_ambiguous_surname_is_left_alone() -> None:
    found = resolve_entities(
        [
            local("d1", "PERSON", "Kim Jong-un", "PRK"),
            local("d2", "PERSON", "Kim Dae-jung", "KOR"),
            local("d3", "PERSON", "Kim"),
        ]
    )
    assert sorted(e.name for e in found) == ["Kim", "Kim Dae-jung", "Kim Jong-un"]


def test_different_people_with_similar_names_stay_apart() -> None:
    found = resolve_entities(
        [
            local("d1", "PERSON", "Moon Jae-in", "KOR"),
            local("d2", "PERSON", "Kim Jong-un", "PRK"),
        ]
    )
    assert len(found) == 2


def test_countries_get_their_canonical_name_and_a_stable_id() -> None:
    first = resolve_entities(
        [local("d1", "GPE", "Ukraine", "UKR"), local("d2", "GPE", "Ukraine", "UKR")]
    )
    again = resolve_entities(
        [local("d2", "GPE", "Ukraine", "UKR"), local("d1", "GPE", "Ukraine", "UKR")]
    )
    assert [e.id for e in first] == [e.id for e in again] and first[0].country == "UKR"


def test_the_majority_type_wins_across_articles() -> None:
    found = resolve_entities(
        [
            local("d1", "ORG", "Almaty"),
            local("d2", "GPE", "Almaty", n=3),
            local("d3", "GPE", "Almaty"),
        ]
    )
    (place,) = found
    assert place.type == "GPE" and len(place.members) == 3
