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


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        (
            "date 2021-06-02 Ghana and Togo agreed on Tuesday to open two more border posts to "
            "cross-border traders.",
            "Ghana and Togo agreed on Tuesday to open two more border posts to cross-border "
            "traders.",
        ),
        (
            "Published: Jun 2, 2021 08:15 Peru lifted its ban on Chilean fruit imports after a "
            "year of talks.",
            "Peru lifted its ban on Chilean fruit imports after a year of talks.",
        ),
    ],
)
def test_a_paragraph_glued_to_a_date_label_keeps_its_text(line: str, kept: str) -> None:
    cleaned = strip_page(["A title of several words here", line, "The body sentence goes here."])
    assert cleaned.published is not None
    assert kept in [text for _, text in cleaned.paragraphs]


@pytest.mark.parametrize("line", ["date 2021-06-02 Ama Mensah By", "date 2021-06-02  Home"])
def test_a_date_label_with_a_byline_or_a_menu_is_dropped(line: str) -> None:
    cleaned = strip_page(["A title of several words here", line, "The body sentence goes here."])
    assert cleaned.published == "2021-06-02"
    assert [text for _, text in cleaned.paragraphs] == [
        "A title of several words here",
        "The body sentence goes here.",
    ]


@pytest.mark.parametrize("line", ["Home > World > Asia Pacific", "News » Business » Trade Policy"])
def test_a_trail_of_site_sections_is_navigation(line: str) -> None:
    cleaned = strip_page(["A title of several words here", line, "The body sentence goes here."])
    assert line not in [text for _, text in cleaned.paragraphs]


@pytest.mark.parametrize(
    "line",
    [
        "Exports to Chile > imports from Chile for the third year running, the ministry said.",
        "Growth > 3% in both countries",
    ],
)
def test_a_line_with_a_greater_than_sign_is_not_a_trail(line: str) -> None:
    cleaned = strip_page(["A title of several words here", line, "The body sentence goes here."])
    assert line in [text for _, text in cleaned.paragraphs]
