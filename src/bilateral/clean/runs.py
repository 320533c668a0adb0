"""Runs of the characters of one class in a text (its words), found without a pattern where the
text is ASCII (most articles): str.translate and str.split read it in C at a few bytes a step,
where the pattern's engine tests character after character."""

from __future__ import annotations

import re


class Runs:
    """What re.findall(f"[{chars}]+", text) finds. In ASCII text every ASCII character outside
    the class is made a space and the text split at spaces: what is left between them is made
    of the class's characters only, none of them a space (refused when one is), so each piece
    is one run. Text beyond ASCII goes to the pattern."""

    def __init__(self, chars: str) -> None:
        self.pattern = re.compile(f"[{chars}]+")
        one = re.compile(f"[{chars}]")
        inside = {chr(i) for i in range(128) if one.match(chr(i))}
        if any(c.isspace() for c in inside):
            raise ValueError("a class holding a space cannot be split at spaces")
        self._spaced = str.maketrans({i: " " for i in range(128) if chr(i) not in inside})

    def findall(self, text: str) -> list[str]:
        if text.isascii():
            return text.translate(self._spaced).split()
        return self.pattern.findall(text)
