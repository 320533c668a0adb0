"""Date expressions to intervals: the cases analysts meet, and properties that always hold."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilateral.extract.periods import (
    MONTHS,
    DateMention,
    find_dates,
    resolve,
    retense,
    tense_of,
)

PUBLISHED = date(2022, 12, 29)  # a Thursday


@pytest.mark.parametrize(
    ("expression", "start", "end"),
    [
        ("on Dec. 22", "2022-12-22", "2022-12-22"),
        ("Thursday", "2022-12-29", "2022-12-29"),
        ("on Monday", "2022-12-26", "2022-12-26"),
        ("last August", "2022-08-01", "2022-08-31"),
        ("this year", "2022-01-01", "2022-12-31"),
        ("last year", "2021-01-01", "2021-12-31"),
        ("the last eleven months of 2022", "2022-01-01", "2022-11-30"),
        ("the first 6 months of 2021", "2021-01-01", "2021-06-30"),
        ("between January and August", "2022-01-01", "2022-08-31"),
        ("between November and February", "2021-11-01", "2022-02-28"),
        ("since 1992", "1992-01-01", "2022-12-29"),
        ("in the first quarter", "2022-01-01", "2022-03-31"),
        ("the third quarter of 2020", "2020-07-01", "2020-09-30"),
        ("by the end of 2022", None, "2022-12-31"),
        ("over the past 18 years", "2004-12-29", "2022-12-29"),
        ("first half of next year", "2023-01-01", "2023-06-30"),
        ("in 2019", "2019-01-01", "2019-12-31"),
        ("May 16, 1995", "1995-05-16", "1995-05-16"),
        ("16 May 1995", "1995-05-16", "1995-05-16"),
        ("in February 1992", "1992-02-01", "1992-02-29"),
        ("from 2014 to 2020", "2014-01-01", "2020-12-31"),
        ("two years ago", "2020-01-01", "2020-12-31"),
        ("in July", "2022-07-01", "2022-07-31"),
        ("last month", "2022-11-01", "2022-11-30"),
        ("this week", "2022-12-26", "2023-01-01"),
        ("yesterday", "2022-12-28", "2022-12-28"),
    ],
)
def test_expressions(expression: str, start: str | None, end: str | None) -> None:
    interval = resolve(expression, PUBLISHED)
    assert interval is not None and interval.iso() == (start, end)


@pytest.mark.parametrize(
    "expression",
    ["Thursday", "last August", "this year", "in July", "between January and August", "last month"],
)
def test_relative_expressions_stay_unresolved_without_a_publication_date(expression: str) -> None:
    assert resolve(expression, None) is None


def test_absolute_expressions_need_no_publication_date() -> None:
    assert resolve("the last eleven months of 2022", None).iso() == ("2022-01-01", "2022-11-30")  # type: ignore[union-attr]
    assert resolve("since 1992", None).iso() == ("1992-01-01", None)  # type: ignore[union-attr]


def test_last_month_in_january_is_december_of_the_year_before() -> None:
    assert resolve("last month", date(2023, 1, 10)).iso() == ("2022-12-01", "2022-12-31")  # type: ignore[union-attr]


def test_find_dates_reports_spans_and_prefers_the_longest() -> None:
    text = "Trade hit $5.8 billion in the last eleven months of 2022, up from 2021."
    found = find_dates(text, PUBLISHED)
    assert [text[m.start : m.end] for m in found] == ["the last eleven months of 2022", "2021"]


days = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))
expressions = st.sampled_from(
    [
        "Thursday",
        "last August",
        "this year",
        "last year",
        "next year",
        "in the first quarter",
        "the second half of this year",
        "over the past 3 years",
        "in the past 14 months",
        "last month",
        "this week",
        "between March and May",
        "between October and February",
        "on Jan. 5",
        "since 1999",
        "two years ago",
        "in December",
        "yesterday",
    ]
)


@given(expressions, days)
def test_every_interval_starts_before_it_ends(expression: str, published: date) -> None:
    interval = resolve(expression, published)
    assert interval is not None
    if interval.start and interval.end:
        assert interval.start <= interval.end


@given(expressions, days)
def test_resolving_twice_gives_the_same_answer(expression: str, published: date) -> None:
    assert resolve(expression, published) == resolve(expression, published)


@given(st.sampled_from(sorted(MONTHS)), days)
def test_last_month_name_is_before_the_publication_month(month: str, published: date) -> None:
    interval = resolve(f"last {month}", published)
    assert interval is not None and interval.end is not None
    assert interval.end < published.replace(day=1)


@given(days)
def test_a_weekday_is_within_the_week_before_publication(published: date) -> None:
    interval = resolve("on Wednesday", published)
    assert interval is not None and interval.start is not None
    assert 0 <= (published - interval.start).days < 7 and interval.start.weekday() == 2


@given(st.text(max_size=80), st.one_of(st.none(), days))
def test_any_text_is_safe(text: str, published: date | None) -> None:
    for mention in find_dates(text, published):
        assert text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize(
    ("expression", "tense", "start", "end"),
    [
        ("on Wednesday", "future", "2023-01-04", "2023-01-04"),
        ("on Wednesday", "past", "2022-12-28", "2022-12-28"),
        ("on January 17", "future", "2023-01-17", "2023-01-17"),
        ("on December 17", "past", "2022-12-17", "2022-12-17"),
        ("in the first quarter", "future", "2023-01-01", "2023-03-31"),
        ("in the first quarter", "past", "2022-01-01", "2022-03-31"),
        ("in the third quarter", None, "2022-07-01", "2022-09-30"),
        ("so far this year", None, "2022-01-01", "2022-12-29"),
        ("at the end of 1986", None, None, "1986-12-31"),
        ("by end-year", None, None, "2022-12-31"),
        ("between April 2000 and December 2021", None, "2000-04-01", "2021-12-31"),
        ("in the first two months", None, "2022-01-01", "2022-02-28"),
        ("in the year to October", None, "2021-11-01", "2022-10-31"),
        ("the year ended March 31, 2021", None, "2020-04-01", "2021-03-31"),
    ],
)
def test_relative_expressions_follow_the_tense(
    expression: str, tense: str | None, start: str | None, end: str | None
) -> None:
    interval = resolve(expression, PUBLISHED, tense)
    assert interval is not None and interval.iso() == (start, end)


@pytest.mark.parametrize(
    ("sentence", "tense"),
    [
        ("The duties are to take effect on Wednesday.", "future"),
        ("Ministers will meet again in April.", "future"),
        ("The minister said on Wednesday that exports grew.", "past"),
        ("Exports to the region", None),
    ],
)
def test_the_tense_of_a_sentence(sentence: str, tense: str | None) -> None:
    assert tense_of(sentence) == tense


def test_a_quarter_not_yet_begun_is_last_year_s_unless_the_future_is_spoken_of() -> None:
    early = date(2023, 3, 3)
    assert resolve("in the third quarter", early).iso() == ("2022-07-01", "2022-09-30")
    assert resolve("in the third quarter", early, "future").iso() == ("2023-07-01", "2023-09-30")


def test_a_mention_read_again_in_another_tense() -> None:
    (mention,) = find_dates("on Wednesday", PUBLISHED)
    assert retense(mention, PUBLISHED, "future").interval == resolve(
        "on Wednesday", PUBLISHED, "future"
    )
    assert retense(mention, PUBLISHED, None) == mention


# Phrases every rule reads, and words they are made of, for texts that put them together.
_PHRASES = [
    "the last eleven months of 2022",
    "The year ended March 31, 1987",
    "the 12 months to June",
    "between May 2019 and June 2020",
    "between January and August",
    "from 2014 to 2020",
    "1987-1990",
    "since May 1992",
    "by the end of next year",
    "end-1987",
    "over the past 18 years",
    "In the third quarter",
    "the 2nd quarter of 2020",
    "the first half of 2021",
    "May 16, 1995",
    "16th May 1995",
    "in February 1992",
    "on Dec. 22",
    "last August",
    "In August",
    "so far this year",
    "since the start of the year",
    "the first two months",
    "this week",
    "Next month",
    "seventeen years ago",
    "3 months ago",
    "on Thursday",
    "Yesterday",
    "in 2019",
]
_PIECES = [*_PHRASES, *"the of in on since 1987 12 May may ago months".split()]


def _without_shortcut(text: str) -> list[DateMention]:
    import bilateral.extract.periods as periods

    shortcut = periods._rule_starts
    try:
        periods._rule_starts = lambda _text: None  # type: ignore[assignment]
        return find_dates(text, PUBLISHED)
    finally:
        periods._rule_starts = shortcut


@pytest.mark.parametrize("phrase", _PHRASES)
def test_each_rule_is_tried_where_its_start_words_stand(phrase: str) -> None:
    """A rule is tried only where one of its start words stands (STARTS): what it finds is
    what it finds running over the whole text."""
    text = f"Trade rose {phrase}, officials said {phrase.lower()}."
    assert find_dates(text, PUBLISHED) == _without_shortcut(text)
    assert find_dates(text, PUBLISHED)


@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.sampled_from([" ", ", ", "-", "  "]))
def test_start_words_find_what_the_whole_text_finds(pieces: list[str], glue: str) -> None:
    text = glue.join(pieces)
    assert find_dates(text, PUBLISHED) == _without_shortcut(text)


@pytest.mark.parametrize(
    "phrase",
    ["first quarter of 2020", "last Thursday", "the past three years", "3 Sept 2020", "next month"],
)
def test_a_long_s_in_a_date_never_raises(phrase: str) -> None:
    # IGNORECASE lets "ſ" (long s) match "s", and "ſ".lower() is still "ſ": every word a rule
    # matched is looked up case-folded, which maps it to "s"
    for written in (phrase.replace("s", "ſ"), phrase.upper().replace("S", "ſ")):
        find_dates(f"Trade grew {written}, officials said.", date(2021, 3, 1), "past")
