"""Find a publication date in metadata, a URL or the first lines of a text. Unknown stays None."""

from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate_tz

from bilateral import data

MONTHS = data.months()
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_PATTERNS = [
    re.compile(r"^(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})(?:[T\s].*)?$"),
    re.compile(r"^(?P<year>\d{4})/(?P<mon>\d{1,2})/(?P<day>\d{1,2})$"),
    re.compile(r"^(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>\d{4})$"),
    re.compile(
        rf"^(?:[A-Za-z]+,?\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b"
    ),
    re.compile(
        rf"^(?:[A-Za-z]+,?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})\b"
    ),
]
# a time after a date, and the separators around it: "T10:00:00+09:00", " 17:24 GMT -"
_LEADING_TIME = re.compile(
    r"^[T\s]*(?:\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*(?:[AaPp]\.?[Mm]\.?)?"
    r"\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,4}\b)?)?[\s,;:|–—-]*"
)
_URL_PATTERNS = [
    re.compile(r"/(?P<year>(?:19|20)\d{2})/(?P<mon>\d{1,2})/(?P<day>\d{1,2})(?:/|$)"),
    re.compile(r"/(?P<year>(?:19|20)\d{2})-(?P<mon>\d{2})-(?P<day>\d{2})(?:[/_-]|$)"),
    re.compile(r"/(?P<year>(?:19|20)\d{2})(?P<mon>\d{2})(?P<day>\d{2})(?:/|$)"),
]
_DATE_LINE = re.compile(
    r"^\s*(?:published|posted|date|first published|publication date)\b\s*(?:on)?\s*[:\-]?\s*(.+)$",
    re.IGNORECASE,
)


def _valid(year: int, month: int, day: int) -> str | None:
    if not 1800 <= year <= 2200:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _from_match(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    if groups.get("month"):
        month = MONTHS.get(groups["month"].lower())
        if month is None:
            return None
    else:
        month = int(groups["mon"])
    return _valid(int(groups["year"]), month, int(groups["day"]))


def parse_date(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD) from a date written in one of the common ways, else None."""
    if not value:
        return None
    text = " ".join(value.split())[:80]
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            return _from_match(match)
    parsed = parsedate_tz(text)  # RFC 2822, as in RSS: "Thu, 29 Dec 2022 17:24:00 +0900"
    if parsed:
        return _valid(parsed[0], parsed[1], parsed[2])
    return None


def date_from_url(url: str | None) -> str | None:
    if not url:
        return None
    for pattern in _URL_PATTERNS:
        match = pattern.search(url)
        if match:
            found = _from_match(match)
            if found:
                return found
    return None


def date_from_line(line: str) -> str | None:
    """The date of a "Published : Dec 29, 2022 - 17:24" or "date 2022-12-29" line."""
    return dated_line(line)[0]


def dated_line(line: str) -> tuple[str | None, str]:
    """The date a "Published : Dec 29, 2022" or "date 2022-12-29" label gives, and the text the
    line goes on with after the date and its time ("date 2020-05-19 China added ..." where an
    export glued the label to the first paragraph): empty where nothing follows."""
    match = _DATE_LINE.match(line)
    if not match:
        return None, ""
    # "Published : Dec 29, 2022 - 17:24   Updated : ..." - the first date is the publication.
    rest = re.split(r"\s{2,}|\s+[|–—]\s+|\s+-\s+\d", match.group(1))[0]
    found = parse_date(rest)
    if found is None:
        return None, ""
    written = match.group(1)
    for pattern in _PATTERNS:
        at = pattern.match(written)
        if at:
            after = written[max(at.end("day"), at.end("year")) :]  # the date's last figure
            return found, _LEADING_TIME.sub("", after).strip()
    return found, ""
