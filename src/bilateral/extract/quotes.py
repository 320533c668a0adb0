"""Direct quotations: curly or straight marks, split by "he said", running over paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = '“"‘'
CLOSERS = '”"’'
# Which marks close which: curly and straight double quotes are mixed in the wild, single
# quotes only close single quotes (so ‘spiritual revival,’ inside a quote does not end it).
PAIRS = {"“": '”"', '"': '"”', "‘": "’"}
MIN_WORDS = 3  # "bridge", "Fresh Wind": a quoted word or name is no quotation


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # offsets of the words inside the marks
    end: int
    para_start: int
    para_end: int


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] == "’" or (text[i] == "‘" and after == "s"):
        return False
    return (before.isspace() or before in "([—–-:") and not after.isspace()


def _closes(text: str, i: int) -> bool:
    if text[i] == "’":  # an apostrophe unless it ends a single-quoted stretch
        after = text[i + 1] if i + 1 < len(text) else " "
        return not after.isalpha()
    return text[i] in CLOSERS


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[QuoteSpan]:
    found: list[QuoteSpan] = []
    open_at: int | None = None
    open_para: tuple[int, int] | None = None
    opener = ""
    for index, (p_start, p_end) in enumerate(paragraphs):
        i = p_start
        while i < p_end:
            ch = text[i]
            if open_at is None and ch in OPENERS and _opens(text, i):
                open_at, open_para, opener = i + 1, (p_start, p_end), ch
            elif (
                open_at is not None
                and ch in PAIRS[opener]
                and _closes(text, i)
                and not (ch == '"' and _opens(text, i) and i == open_at)  # "" is no quotation
            ):
                _add(found, text, open_at, i, open_para or (p_start, p_end))
                open_at = None
            i += 1
        if open_at is not None:
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            continues = nxt is not None and text[nxt[0] : nxt[0] + 1] in OPENERS
            if not continues:  # the quote ends with its paragraph, its closing mark forgotten
                _add(found, text, open_at, p_end, open_para or (p_start, p_end))
                open_at = None
            else:  # a quotation over paragraphs reopens each one: skip the reopening mark
                paragraphs[index + 1] = (nxt[0] + 1, nxt[1])  # type: ignore[index]
    return found


def _add(found: list[QuoteSpan], text: str, start: int, end: int, para: tuple[int, int]) -> None:
    inside = text[start:end]
    lead = len(inside) - len(inside.lstrip())
    trail = len(inside.rstrip(" ,"))
    start, end = start + lead, start + trail
    if len(re.findall(r"\w+", text[start:end])) >= MIN_WORDS:
        found.append(QuoteSpan(start, end, para[0], para[1]))
