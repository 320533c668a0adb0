"""Publication dates: common written forms, URLs, dateline lines; unknown stays None."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilateral.clean.published import date_from_line, date_from_url, dated_line, parse_date

MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2021-08-17", "2021-08-17"),
        ("2021-08-17T09:30:00+09:00", "2021-08-17"),
        ("2021/8/7", "2021-08-07"),
        ("17.08.2021", "2021-08-17"),
        ("Aug 17, 2021", "2021-08-17"),
        ("Aug. 17, 2021", "2021-08-17"),
        ("Tuesday, August 17, 2021", "2021-08-17"),
        ("17 August 2021", "2021-08-17"),
        ("17th August, 2021", "2021-08-17"),
        ("Tue, 17 Aug 2021 09:30:00 +0900", "2021-08-17"),
        ("2021-02-30", None),
        ("Smarch 3, 2021", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_parse_date(written: str, expected: str | None) -> None:
    assert parse_date(written) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/2021/08/25/visit-story", "2021-08-25"),
        ("https://news.example/world/2021-08-25-visit", "2021-08-25"),
        ("https://news.example/20210825/visit", "2021-08-25"),
        ("https://news.example/2021/13/45/bad", None),
        ("https://news.example/story/12345", None),
        (None, None),
    ],
)
def test_date_from_url(url: str | None, expected: str | None) -> None:
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published : Mar 3, 2020 - 10:12       Updated : Mar 4, 2020 - 08:00", "2020-03-03"),
        ("date 2019-11-02  Home", "2019-11-02"),
        ("Posted on 5 June 2018", "2018-06-05"),
        ("Published by the ministry", None),
        ("The talks were held on Mar 3, 2020.", None),
    ],
)
def test_date_from_line(line: str, expected: str | None) -> None:
    assert date_from_line(line) == expected


@given(st.text(max_size=60))
def test_parse_date_never_raises_and_answers_a_real_date_or_none(written: str) -> None:
    found = parse_date(written)
    assert found is None or date.fromisoformat(found).isoformat() == found


@given(st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 12, 31)), st.integers(0, 4))
def test_every_written_form_of_a_date_reads_back_as_that_date(day: date, style: int) -> None:
    month = MONTH_NAMES[day.month - 1]
    written = [
        day.isoformat(),
        f"{month} {day.day}, {day.year}",
        f"{day.day} {month} {day.year}",
        f"{month[:3]}. {day.day}, {day.year}",
        f"{day.day:02d}.{day.month:02d}.{day.year}",
    ][style]
    assert parse_date(written) == day.isoformat()


@given(st.text(max_size=120))
def test_dated_line_never_raises_and_keeps_the_lines_own_words(line: str) -> None:
    found, after = dated_line(line)
    assert found is None or parse_date(found) == found
    assert after == "" or after in line
