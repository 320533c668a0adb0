"""Tell an article's own paragraphs from the page around it: navigation, bylines, captions, teasers.

Every rule is a general heuristic over the shape of a line and the phrase lists in
bilateral/data/boilerplate.tsv; nothing here knows any particular site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bilateral import data
from bilateral.clean.published import date_from_line, dated_line, parse_date
from bilateral.clean.runs import Runs

_BYLINE = re.compile(
    r"^(?:by|written by|reporting by)\s+(?P<names>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})*)\s*(?:\(.*)?$",
    re.IGNORECASE,
)
_AUTHOR_BOX = re.compile(r"^About\s+(?P<names>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})$")
_CODE = re.compile(
    r"^(?:return|def|var|let|const|function|import|from|if|for|while|class)\b.*[(){}\[\];=]"
    r"|\\n|[{};]\s*$|^\s*[})\]]"
)
_CREDIT_TAIL = re.compile(r"\((?:photo[^)]*|[^()]{2,80})\)\s*$", re.IGNORECASE)
_PHOTO = re.compile(r"\bphoto(?:\s*credit)?\s*:|^\s*(?:photo|image|picture)\b", re.IGNORECASE)
# what _PHOTO needs to match, tested first because it is cheaper: "photo" in the line, or its
# second branch (no other letter folds to p, h, o or t, so lower() keeps every "photo" it matches)
_PHOTO_START = re.compile(r"^\s*(?:photo|image|picture)\b", re.IGNORECASE)
# a character every branch of _CODE needs: a line without any cannot be code
_CODE_CHARS = re.compile(r"[(){}\[\];=\\]")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")
_WORDS = Runs(r"\w'’-")
# a trail of site sections ("Home > World > Asia"): short labels joined by arrows, no sentence
_BREADCRUMB = re.compile(r"^\s*[^\s.!?>›»][^.!?>›»]{0,40}(?:\s+[>›»]\s+[^.!?>›»]{1,40}){1,6}\s*$")
_ARROW = re.compile(r"[>›»]")
# where a line of navigation breaks into items; a line with no double space and none of the
# bullets has a single item, found without running the split
_ITEM_BREAK = re.compile(r"\s{2,}|\s*[|•·]\s*")
_DOUBLE_SPACE = re.compile(r"\s\s")
# the most words a line of dates can have ("Thu, 29 Dec 2022 17:24:00 +0900 GMT"): a longer
# one that begins with a date ("On March 3, 2021, the two ...") is a sentence, not navigation
DATE_WORDS = 7


def _key(line: str) -> str:
    return " ".join(_WORDS.findall(line.lower()))


@dataclass
class Cleaned:
    paragraphs: list[tuple[str, str]] = field(default_factory=list)  # (kind, text)
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None


def _items(line: str) -> list[str]:
    """The non-blank items of a line split at double spaces and bullets."""
    if "|" in line or "•" in line or "·" in line or _DOUBLE_SPACE.search(line):
        return [s for s in _ITEM_BREAK.split(line) if s.strip()]
    return [line] if line.strip() else []


def _is_nav(line: str, phrases: dict[str, str], line_key: str | None = None) -> bool:
    """A line made only of navigation phrases, social network names and dates, or a trail of
    site sections. `line_key` is the line's _key, when the caller has it already."""
    # labels of sections, not figures: "Growth > 3% in both" is a comparison
    if (
        ("›" in line or ">" in line or "»" in line)
        and _BREADCRUMB.match(line)
        and all(len(s.split()) <= 4 for s in _ARROW.split(line))
        and not any(c.isdigit() for c in line)
    ):
        return True
    segments = _items(line)
    if not segments:
        return True
    for segment in segments:
        key = line_key if line_key is not None and segment == line else _key(segment)
        if phrases.get(key) in ("line", "tail", "social"):
            continue
        if len(segment.split()) <= DATE_WORDS and (date_from_line(segment) or parse_date(segment)):
            continue
        return False
    return True


def _glued_paragraph(text: str) -> bool:
    """Whether what follows a date label on its line is a paragraph of the article (a sentence
    longer than any line of dates), not a byline or a menu ("date 2022-03-20 A. Writer By")."""
    return len(text.split()) > DATE_WORDS and bool(_SENTENCE_END.search(text))


def _is_social(key: str, phrases: dict[str, str]) -> bool:
    """Whether a line of this _key is a social network's name among a few words."""
    words = key.split()
    return len(words) <= 5 and any(phrases.get(w) == "social" for w in words)


def _names(group: str) -> list[str]:
    return [n.strip() for n in re.split(r",|\band\b|&", group) if n.strip()]


def strip_page(paragraphs: list[str], known_title: str | None = None) -> Cleaned:
    phrases = data.boilerplate()
    out = Cleaned(title=known_title)
    seen: set[str] = set()
    total = len(paragraphs)
    for index, line in enumerate(paragraphs):
        late = index >= max(3, int(total * 0.6))
        key = _key(line)
        if phrases.get(key) == "tail" and late:
            break
        published, after = dated_line(line)
        if published:
            out.published = out.published or published
            if not _glued_paragraph(after):
                continue
            line, key = after, _key(after)
        byline = _BYLINE.match(line) if len(line) < 120 else None
        if byline:
            out.authors.extend(n for n in _names(byline.group("names")) if n not in out.authors)
            continue
        box = _AUTHOR_BOX.match(line) if late else None
        if box:
            out.authors.extend(n for n in _names(box.group("names")) if n not in out.authors)
            continue
        if (
            not key
            or _is_nav(line, phrases, key)
            or _is_social(key, phrases)
            or (_CODE_CHARS.search(line) and _CODE.search(line))
        ):
            continue
        if key in seen:  # a repeated caption or teaser: keep the first copy only
            continue
        seen.add(key)
        out.paragraphs.append((classify(line, key, out), line))
    _drop_leading_labels(out)
    return out


def classify(line: str, key: str, state: Cleaned) -> str:
    words = key.split()
    # the cheap tests first: the paragraphs are scanned, and the title's key made, only when
    # the rest of the condition holds
    if (
        state.title is None
        and len(words) >= 3
        and len(line) <= 250
        and not line.endswith(".")
        and all(kind != "body" for kind, _ in state.paragraphs)
    ):
        state.title = line
        return "title"
    if state.title is not None and not state.paragraphs and key == _key(state.title):
        return "title"
    photo = ("photo" in line.lower() or _PHOTO_START.match(line)) and _PHOTO.search(line)
    if photo or (_CREDIT_TAIL.search(line) and len(words) > 6):
        return "caption"
    if len(words) <= 12 and not _SENTENCE_END.search(line):
        return "heading"
    return "body"


def _drop_leading_labels(cleaned: Cleaned) -> None:
    """Section labels ("National", "World") standing alone before the title are navigation."""
    kept: list[tuple[str, str]] = []
    reached_title = False
    for kind, text in cleaned.paragraphs:
        if kind == "title":
            reached_title = True
        if not reached_title and kind == "heading" and len(text.split()) <= 2:
            continue
        kept.append((kind, text))
    cleaned.paragraphs = kept
