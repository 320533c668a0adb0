"""Pure functions over names, shared by extraction and reconciliation. No I/O, no state."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_BROKEN_HYPHEN = re.compile(r"(\w)-\s+(?=\w)")
_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "‑": "-", "–": "-"})
# Latin letters that Unicode does not decompose into a base letter and a mark.
_LETTERS = str.maketrans(
    {
        "ı": "i",
        "İ": "I",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "Þ": "TH",
        "ð": "d",
        "Ð": "D",
    }
)
_POSSESSIVE = re.compile(r"['’]s?$")
_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_DOUBLED = re.compile(r"(.)\1+")
_WORD_BREAK = re.compile(r"[\s,]+")


def tidy(name: str) -> str:
    """A name as it should be displayed: one space between words, broken hyphens mended
    ("Abdul- Qasim" becomes "Abdul-Qasim"), typographic apostrophes kept."""
    if _is_tidy(name):
        return name  # most names are tidy already: one test instead of two substitutions
    name = _SPACES.sub(" ", name).strip()
    return _BROKEN_HYPHEN.sub(r"\1-", name)


def _is_tidy(name: str) -> bool:
    """A name tidy() leaves as it is: words of no white space at all, one space between them,
    no hyphen before a space. Read by string methods (str.split breaks at the characters \\s
    matches), quicker than a pattern that tests each character."""
    return bool(name) and " ".join(name.split()) == name and "- " not in name


@lru_cache(maxsize=65536)
def strip_decoration(name: str) -> str:
    """Without a leading "the" or a trailing possessive: "the Jakarta Post's" -> "Jakarta Post".
    Kept for each name: an article's names are also those of the articles before it."""
    name = _ARTICLE.sub("", tidy(name))
    return _POSSESSIVE.sub("", name).strip()


# the ASCII characters the two tables replace (the backquote)
_ASCII_REPLACED = tuple(chr(k) for k in (*_APOSTROPHES, *_LETTERS) if k < 128)


def ascii_fold(name: str) -> str:
    if name.isascii() and not any(c in name for c in _ASCII_REPLACED):
        return name  # most names: nothing to replace, decompose (ASCII is its own NFKD) or drop
    return _unicode_fold(name)


def _unicode_fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES).translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _caseless(name: str) -> str:
    """Case removed the way Unicode defines it for comparison: casefold() also maps the
    letters whose case forms differ in length ("ẞ" and "ß" both give "ss", "ﬁ" gives "fi"),
    so a name and its upper- or lower-case form always share a key."""
    if name.isascii():
        return name.lower()  # ASCII: its own NFKC form, casefold() is lower()
    return _unicode_caseless(name)


def _unicode_caseless(name: str) -> str:
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """A key that transliteration variants share: case, accents, spaces, hyphens and doubled
    letters are ignored and q is read as k, so "Abdul Kassim Rahman" and "Abdul- Qasim
    Rahman" both give "abdulkasimrahman"."""
    plain = _caseless(strip_decoration(name))
    key = _NOT_WORD.sub("", ascii_fold(plain).lower().replace("&", "and")).replace("q", "k")
    if not key:  # a name in another script: its own letters, case-folded, are the key
        key = "".join(c for c in unicodedata.normalize("NFKD", plain) if c.isalnum())
    return _DOUBLED.sub(r"\1", key)


def words(name: str) -> list[str]:
    """The words of a name, hyphenated parts kept together: "Lee Hsien-loong" is two words."""
    return list(_words(name))


@lru_cache(maxsize=65536)
def _words(name: str) -> tuple[str, ...]:
    # a name is split as often as it is mentioned and compared: once is enough
    return tuple(w for w in _WORD_BREAK.split(tidy(name)) if w)


_SOUNDS = (("sch", "sh"), ("ph", "f"), ("ck", "k"), ("kh", "k"), ("c", "k"), ("z", "s"), ("y", "i"))


def sound_key(name: str) -> str:
    """A coarser key for bucketing look-alike spellings before a fuzzy comparison: letters
    written differently for one sound are made one ("Schultz" and "Shultz" both give
    "shults")."""
    key = fold(name)
    for written, sound in _SOUNDS:
        key = key.replace(written, sound)
    return key
