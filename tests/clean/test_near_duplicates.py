"""The same wire story on two sites is a near-duplicate; two different stories are not."""

from __future__ import annotations

from bilateral.clean import NearDuplicateIndex
from bilateral.clean.near_duplicates import signature, similarity

STORY = (
    "The finance ministers of the two countries met in the capital on Monday to discuss a new "
    "agreement on double taxation, which officials said could be signed before the end of the "
    "year. The talks covered customs procedures, a joint investment fund and direct flights "
    "between the two largest cities, according to a statement released after the meeting. "
    "Both delegations described the atmosphere as constructive and agreed to meet again in spring."
)
OTHER = (
    "Heavy rain flooded several villages in the north of the province overnight, and rescue teams "
    "evacuated more than two hundred residents to schools and sports halls. The regional "
    "governor said damage to roads and bridges would be assessed once the water receded, and "
    "farmers warned that the harvest of early vegetables was likely to be lost this season."
)


def test_signature_is_stable_and_sized() -> None:
    assert signature(STORY) == signature(STORY)
    assert len(signature(STORY)) == 64
    assert signature("") == ()


def test_a_lightly_edited_copy_is_a_near_duplicate() -> None:
    copy = "By Staff Writer\n\n" + STORY.replace("on Monday", "on Monday afternoon") + " (Agency)"
    index = NearDuplicateIndex(threshold=0.8)
    index.add("first", signature(STORY))
    assert similarity(signature(STORY), signature(copy)) > 0.8
    assert index.original_of("second", signature(copy)) == "first"


def test_a_different_story_is_not() -> None:
    index = NearDuplicateIndex(threshold=0.8)
    index.add("first", signature(STORY))
    assert similarity(signature(STORY), signature(OTHER)) < 0.2
    assert index.original_of("second", signature(OTHER)) is None
