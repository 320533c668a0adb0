"""Split raw text into paragraphs, undoing hard line wraps and Markdown markup."""

from __future__ import annotations

import re
import statistics

_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_EMPHASIS = re.compile(r"(\*\*|__|(?<!\w)\*(?!\s)|(?<!\w)_(?!\s))")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")


def unmark(line: str) -> str:
    """Markdown down to its words: images dropped, links to their text, emphasis removed."""
    line = _MD_IMAGE.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_HEADING.sub("", line)
    line = re.sub(r"^\s*(?:[-*+]|>)\s+", "", line)
    return _MD_EMPHASIS.sub("", line)


def _hard_wrapped(lines: list[str]) -> bool:
    """Text broken at a fixed width (wire copy): most lines of similar, moderate length."""
    lengths = [n for n in map(len, map(str.strip, lines)) if n]
    if len(lengths) < 6:
        return False
    median = statistics.median(lengths)
    near = sum(1 for n in lengths if 0.6 * median <= n <= 1.15 * median)
    return 40 <= median <= 100 and near >= 0.7 * len(lengths)


_BLOCK_START = re.compile(r"^\s{0,3}(?:#{1,6}\s|[-*+]\s|>\s|\d+[.)]\s)")


def _markdown_blocks(lines: list[str]) -> list[str]:
    """Markdown paragraphs: runs of lines between blank lines; headings and items stand alone."""
    out: list[str] = []
    current: list[str] = []
    for line in lines:
        if (not line.strip() or _BLOCK_START.match(line)) and current:
            out.append(" ".join(current))
            current = []
        if line.strip():
            current.append(line.strip())
            if _BLOCK_START.match(line):
                out.append(" ".join(current))
                current = []
    if current:
        out.append(" ".join(current))
    return out


def _soft_wrapped(lines: list[str]) -> list[str]:
    """Lines are paragraphs, except that a line ending mid-sentence continues on the next line
    when that one starts in lower case."""
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        if out and stripped[:1].islower() and out[-1] and out[-1][-1:] not in '.!?:;"”’)':
            out[-1] = out[-1] + " " + stripped
        else:
            out.append(stripped)
    return out


def split_paragraphs(text: str, markdown: bool = False) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    paragraphs: list[str] = []
    if markdown:
        paragraphs = [unmark(block) for block in _markdown_blocks(lines)]
    elif _hard_wrapped(lines):
        current: list[str] = []
        for line in lines:
            stripped = line.strip()
            if (not stripped or line.startswith(("  ", "\t"))) and current:
                paragraphs.append(" ".join(current))
                current = []
            if stripped:
                current.append(stripped)
        if current:
            paragraphs.append(" ".join(current))
    else:
        paragraphs = _soft_wrapped(lines)
    out = []
    for paragraph in paragraphs:
        cleaned = _single_spaced(paragraph).strip()
        if cleaned:
            out.append(cleaned)
    return out


def _single_spaced(text: str) -> str:
    """Every run of spaces as one space; the text as it is where it has none to change (most
    paragraphs): a few substring tests instead of a substitution."""
    if "  " in text or any(c in text for c in "\t\u00a0\u2009\u202f"):
        return _SPACES.sub(" ", text)
    return text
