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
    lengths = [len(line.strip()) for line in lines if line.strip()]
    if len(lengths) < 6:
        return False
    median = statistics.median(lengths)
    near = sum(1 for n in lengths if 0.6 * median <= n <= 1.15 * median)
    return 40 <= median <= 100 and near >= 0.7 * len(lengths)


def split_paragraphs(text: str, markdown: bool = False) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if markdown:
        lines = [unmark(line) for line in lines]
    paragraphs: list[str] = []
    if _hard_wrapped(lines):
        current: list[str] = []
        for line in lines:
            indented = line.startswith(("  ", "\t"))
            if (not line.strip() or indented) and current:
                paragraphs.append(" ".join(current))
                current = []
            if line.strip():
                current.append(line.strip())
        if current:
            paragraphs.append(" ".join(current))
    else:
        paragraphs = lines
    out = []
    for paragraph in paragraphs:
        cleaned = _SPACES.sub(" ", paragraph).strip()
        if cleaned:
            out.append(cleaned)
    return out
