"""An undated article's own date, from its weekday-dates and the years it names."""

from __future__ import annotations

import calendar
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from bilateral.extract import Extractor
from bilateral.extract.periods import find_dates
from bilateral.extract.periods.anchor import anchor_date
from bilateral.model import Block, Document


def anchor(text: str) -> date | None:
    return anchor_date(text, find_dates(text, None))


def test_a_weekday_date_pins_the_year_among_the_articles_own_years() -> None:
    text = (
        "The two ministers met in the capital on Wednesday (12 March). "
        "Exports fell in 2024 and are to double by 2027."
    )
    # 12 March is a Wednesday in 2025 only, within 2024-2028
    assert anchor(text) == date(2025, 3, 12)


def test_month_first_and_weekday_comma_forms() -> None:
    text = "Talks ended on Friday, Oct. 4, officials said. In 2023 the pipeline was closed."
    assert anchor(text) == date(2024, 10, 4)


def test_several_fitting_years_are_narrowed_to_the_latest_past_one() -> None:
    # 6 June is a Thursday in 2013, 2019 and 2024, all within 2012-2030
    text = (
        "The accord of 2012 was signed in the old palace. "
        "The envoys met on Thursday, 6 June. Trade reached a record in 2023. "
        "Both aim to double it by 2030."
    )
    assert anchor(text) == date(2024, 6, 6)


def test_a_weekday_date_with_no_fitting_year_gives_no_anchor() -> None:
    # 12 March is a Wednesday in 2025, outside 2019-2021
    text = "They met on Wednesday, 12 March. Trade fell in 2019 and in 2020."
    assert anchor(text) is None


def test_without_written_years_there_is_no_anchor() -> None:
    assert anchor("They met on Wednesday, 12 March, and spoke again today.") is None


def test_conflicting_weekday_dates_give_no_anchor() -> None:
    # in 2025, 12 March is a Wednesday and 13 March a Thursday, not a Friday
    text = "They met on Wednesday, 12 March, and again on Friday, 13 March. Trade fell in 2024."
    assert anchor(text) is None


def test_a_weekday_that_does_not_fit_its_written_year_gives_no_anchor() -> None:
    assert anchor("The summit opened on Monday, 12 March 2025.") is None
    assert anchor("The summit opened on Wednesday, 12 March 2025.") == date(2025, 3, 12)


def test_relative_dates_are_resolved_against_the_anchor() -> None:
    text = "The leaders met on Wednesday (12 March). Trade fell last year, after 2024."
    day = anchor(text)
    assert day == date(2025, 3, 12)
    last_year = [m for m in find_dates(text, day) if m.text == "last year"]
    assert last_year and last_year[0].interval is not None
    assert last_year[0].interval.start == date(2024, 1, 1)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_a_weekday_date_with_its_year_mentioned_anchors_that_day(day: date) -> None:
    text = (
        f"The delegations met on {calendar.day_name[day.weekday()]}, {day.day} "
        f"{calendar.month_name[day.month]}. Trade grew in {day.year}."
    )
    assert anchor(text) == day


ARTICLE = (
    "Kenyan President Amina Odhiambo met Tanzanian President Juma Mrisho in Nairobi on "
    "Wednesday (12 March) and the two countries signed a trade agreement. Trade between "
    "Kenya and Tanzania fell in 2024."
)


def _events(extractor: Extractor, published: str | None) -> list[str | None]:
    document = Document(
        "danchor", "anchor.txt", ARTICLE, (Block(0, len(ARTICLE), "body"),), published=published
    )
    (found,) = extractor([document])
    return [e.date for e in found.events]


def test_an_undated_articles_events_take_its_anchor(extractor: Extractor) -> None:
    dates = _events(extractor, None)
    assert dates and set(dates) == {"2025-03-12"}


def test_a_publication_date_is_unaffected_by_the_anchor(extractor: Extractor) -> None:
    dates = _events(extractor, "2019-06-01")  # a Saturday: "on Wednesday" is 29 May
    assert dates and set(dates) == {"2019-05-29"}


def test_ordinal_day_of_month_form() -> None:
    text = "Talks resumed on Tuesday, the 4th of March. Output grew in 2024."
    assert anchor(text) == date(2025, 3, 4)
