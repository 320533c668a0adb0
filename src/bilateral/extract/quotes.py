"""Direct quotations: curly or straight marks, split by "he said", running over paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bilateral.extract.attribution import Attributor, Speaker
from bilateral.model import Quote, content_id

OPENERS = '“"‘'
CLOSERS = '”"’'
# Which marks close which: curly and straight double quotes are mixed in the wild, single
# quotes only close single quotes (so ‘spiritual revival,’ inside a quote does not end it).
PAIRS = {"“": '”"', '"': '"”', "‘": "’"}
MARKS = re.compile(f"[{re.escape(OPENERS + CLOSERS)}]")
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
        for mark in MARKS.finditer(text, p_start, p_end):  # only a mark can open or close
            i, ch = mark.start(), mark.group()
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


def attribute(
    doc_id: str,
    text: str,
    spans: list[QuoteSpan],
    attributor: Attributor,
    paragraphs: list[tuple[int, int]],
) -> list[Quote]:
    """Each quote with its speaker. A quote that names none continues its speaker's previous
    one: the second half of “A,” he said. “B.”, and a paragraph that is all quotation after a
    paragraph that ended with an attributed one (successive quoted paragraphs of one speech)."""
    quotes: list[Quote] = []  # the parses they need were asked for by `Attributor.prepare`
    for q in spans:
        speaker = attributor.speaker_of_quote(q.start, q.end, q.para_start, q.para_end)
        previous = quotes[-1] if quotes else None
        if (
            speaker is None
            and previous is not None
            and previous.speaker_text is not None
            and _continues(previous, q, text, paragraphs)
        ):
            speaker = Speaker(previous.speaker_id, previous.speaker_text)
        quotes.append(
            Quote(
                id=content_id("q", doc_id, q.start, q.end),
                doc_id=doc_id,
                start=q.start,
                end=q.end,
                text=text[q.start : q.end],
                speaker_id=speaker.local_id if speaker else None,
                speaker_text=speaker.text if speaker else None,
            )
        )
    return quotes


def _continues(previous: Quote, q: QuoteSpan, text: str, paragraphs: list[tuple[int, int]]) -> bool:
    if any(p_start <= previous.start and q.end <= p_end for p_start, p_end in paragraphs):
        return True  # the same paragraph
    index = next((i for i, (s, e) in enumerate(paragraphs) if s <= q.start < e), None)
    if index is None or index == 0:
        return False
    p_start, p_end = paragraphs[index]
    prev_start, prev_end = paragraphs[index - 1]
    opens = not text[p_start : q.start].strip(OPENERS + " ")
    closes = not text[q.end : p_end].strip(CLOSERS + " .,")
    return opens and closes and prev_start <= previous.start < prev_end
