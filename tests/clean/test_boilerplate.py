"""Lines of navigation against the article's own sentences."""

from __future__ import annotations

import pytest

from bilateral.clean.boilerplate import strip_page


@pytest.mark.parametrize(
    "line",
    [
        "On March 3, 2021, the two governments signed an agreement on fisheries in the strait.",
        "Monday, 4 May 2020 was the day the border reopened to trucks and buses after six weeks.",
    ],
)
def test_a_sentence_that_begins_with_a_date_is_kept(line: str) -> None:
    cleaned = strip_page(["A title of several words here", line, "A closing sentence here."])
    assert line in [text for _, text in cleaned.paragraphs]


@pytest.mark.parametrize("line", ["Thu, 29 Dec 2022 17:24:00 +0900", "March 3, 2021"])
def test_a_line_of_dates_alone_is_navigation(line: str) -> None:
    cleaned = strip_page(["A title of several words here", line, "The body sentence goes here."])
    assert line not in [text for _, text in cleaned.paragraphs]
