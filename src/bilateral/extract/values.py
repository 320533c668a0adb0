"""Figures in text: amounts of money, percentages, counts, ordinals and multipliers, with the
value in base units ("$5.8 billion" -> 5.8e9 USD). Symbols, names and scale words come from the
knowledge files; the grammar is ours."""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from bilateral import data
from bilateral.extract.matching import ODD_CASE, alternation, matches_at, tree

UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {
    w: 10 * i
    for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
    if w != "_"
}
WORD_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
ORDINALS = {
    w: i
    for i, w in enumerate(
        "_ first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
        "twentieth".split()
    )
    if w != "_"
}
MULTIPLIED = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "halved": 0.5}


@dataclass(frozen=True)
class Value:
    start: int
    end: int
    text: str
    value: float
    unit: str  # an ISO 4217 code, "percent", "count", "rank" or "times"
    kind: str  # money, percent, number, ordinal, multiplier
    approx: str | None = None
    note: str | None = None


def words_to_number(text: str) -> float | None:
    """ "one hundred and eight thousand" -> 108000; None if it is not a number in words."""
    tokens = [t for t in re.split(r"[\s-]+", text.lower().strip()) if t and t != "and"]
    if not tokens:
        return None
    total, current, seen = 0.0, 0.0, False
    for i, token in enumerate(tokens):
        if (
            token == "a"
            and i + 1 < len(tokens)
            and (tokens[i + 1] in UNITS or tokens[i + 1] in TENS)
        ):
            continue  # "a one billion dollar accord": the article adds nothing
        if token == "a":
            current = current or 1  # "a million"; in "half a million" the "a" adds nothing
        elif token == "half":
            current = (current or 1) * 0.5
        elif token in ("quarter", "quarters"):
            current = (current or 1) * 0.25
        elif token in UNITS:
            current += UNITS[token]
        elif token in TENS:
            current += TENS[token]
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in WORD_SCALES:
            total += (current or 1) * WORD_SCALES[token]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_digits(text: str) -> float:
    return float(text.replace(",", "").replace(" ", ""))


def _alt(forms: list[str]) -> str:
    return alternation(forms, ignorecase=True)


@dataclass(frozen=True)
class Grammar:
    money_prefix: re.Pattern[str]
    money_suffix: re.Pattern[str]
    percent: re.Pattern[str]
    number: re.Pattern[str]
    ordinal: re.Pattern[str]
    multiplier: re.Pattern[str]
    hedge: re.Pattern[str]
    # every place a money_suffix, percent or number reading can begin: a digit or a number
    # word after no letter, digit, point or comma (those three are tried only there)
    figure_start: re.Pattern[str]
    currency_of: dict[str, str]
    # Whether a text can hold money at all, as one scan instead of a `in` test per word:
    money_words: re.Pattern[str]  # any lower-case name or symbol, in the lower-cased text
    short_symbols: re.Pattern[str]  # a symbol of one or two characters, as written ("$", "RM")
    long_symbols: re.Pattern[str]  # a longer symbol or code, in the lower-cased text ("us$")
    symbol_scale: dict[str, float]
    scales: dict[str, tuple[float, bool]]
    hedges: dict[str, str]


@cache
def grammar() -> Grammar:
    currency_of: dict[str, str] = {}
    for c in data.currencies():
        for form in (*c.symbols, *c.names):
            currency_of.setdefault(re.sub(r"\s+", "", form.lower()), c.code)
    scales = {k.lower(): v for k, v in data.scales().items()}
    # Every ISO code also reads with a dollar sign ("AUD$") and, in finance, with an M for
    # millions ("30 MUSD", "MEUR 120").
    symbol_scale: dict[str, float] = {}
    for c in data.currencies():
        for extra in (f"{c.code}$", f"M{c.code}"):
            currency_of.setdefault(extra.lower(), c.code)
        symbol_scale[f"m{c.code.lower()}"] = 1e6
    all_symbols = {s for c in data.currencies() for s in c.symbols}
    all_symbols |= {f"{c.code}$" for c in data.currencies()} | {
        f"M{c.code}" for c in data.currencies()
    }
    # "HK$" is also written "hk $" and "C$" "c $": a space may stand before the dollar sign,
    # except after a lone "A" ("a $5 loan" is no Australian dollar).
    symbols = tree(
        [
            [r"\s?\$" if ch == "$" and _spaced_dollar(s) else re.escape(ch) for ch in s]
            for s in sorted(all_symbols, key=len, reverse=True)
        ],
        ignorecase=True,
    )
    names = _alt([n for c in data.currencies() for n in c.names])
    spaced = _alt([k for k, (_, glued) in scales.items() if not glued])
    # after a number and before a currency name, an abbreviation stands apart too ("300 mln
    # dlrs"), and a compound adjective joins all three with hyphens ("a 169-billion-dlr deficit")
    named_scale = _alt([k for k in scales if not glued_only(k, scales)])
    glued = _alt([k for k, (_, g) in scales.items() if g])
    word_numbers = _alt([*UNITS, *TENS, *WORD_SCALES, "a", "half", "quarter", "quarters"])
    # Thousands grouped by three, or by two above the thousands as in India ("12,34,567").
    digits = r"\d{1,3}(?:,\d{2,3})*,\d{3}(?:\.\d+)?|\d+(?:\.\d+)?"
    in_words = rf"(?:{word_numbers})(?:[\s-]+(?:and[\s-]+)?(?:{word_numbers}))*"
    amount = rf"(?P<num>{digits})"
    scale = rf"(?:\s?(?P<scale>{spaced})\b|(?P<glued>{glued})\b)"
    cents = rf"(?:,?\s(?:and\s)?(?P<cents>\d{{1,2}}|{in_words})\s?(?:cents?|pence)\b)?"
    hedges = data.hedges()
    return Grammar(
        money_prefix=re.compile(
            # the lookaheads (a letter that begins a symbol, a digit within a few characters)
            # rule out most positions cheaply
            rf"(?<![\w$])(?=[{re.escape(''.join(sorted({s[0] for s in all_symbols})))}])"
            rf"(?=[^\n]{{1,7}}?\d)(?P<sym>{symbols})\s?{amount}{scale}?"
            rf"(?:\s(?P<name>{names})\b)?",
            re.IGNORECASE,
        ),
        money_suffix=re.compile(
            rf"(?<![\w.,])(?:{amount}|(?P<words>{in_words}))(?:[\s-](?P<scale>{named_scale})\b)?[\s-]?"
            rf"(?P<name>{names}|{symbols})(?!\w){cents}",
            re.IGNORECASE,
        ),
        percent=re.compile(
            rf"(?<![\w.,])(?:{amount}|(?P<words>{in_words}))\s?(?:%|percent\b|per cent\b|pct\b)",
            re.IGNORECASE,
        ),
        number=re.compile(
            rf"(?<![\w.,$])(?:{amount}|(?P<words>{in_words}))"
            rf"(?:\s(?P<scale>{spaced})\b|\s?(?P<glued>(?-i:k|K|M|bn|mln|bln|tn))\b)?(?![\w%])",
            re.IGNORECASE,
        ),
        ordinal=re.compile(
            rf"\b(?:(?P<nth>\d+)(?:st|nd|rd|th)|(?P<word>{_alt(list(ORDINALS))}))\b", re.IGNORECASE
        ),
        multiplier=re.compile(
            rf"\b(?:(?P<fold>\d+|{_alt(list(UNITS))})[\s-]fold|(?P<verb>{_alt(list(MULTIPLIED))}))\b",
            re.IGNORECASE,
        ),
        hedge=re.compile(rf"\b(?P<hedge>{_alt(list(hedges))})\s+(?:the\s+)?$", re.IGNORECASE),
        figure_start=re.compile(rf"(?<![\w.,])(?=\d|{word_numbers})", re.IGNORECASE),
        currency_of=currency_of,
        short_symbols=_anywhere(sym for sym in all_symbols if len(sym) <= 2),
        long_symbols=_anywhere(sym.lower() for sym in all_symbols if len(sym) > 2),
        money_words=_anywhere(f.lower() for c in data.currencies() for f in (*c.symbols, *c.names)),
        symbol_scale=symbol_scale,
        scales=scales,
        hedges=hedges,
    )


def _anywhere(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern that finds any of the words, as written, wherever it stands."""
    return re.compile(alternation(words, ignorecase=False, guard=False))


def _spaced_dollar(symbol: str) -> bool:
    return len(symbol) > 1 and symbol.endswith("$") and symbol.upper() != "A$"


def glued_only(word: str, scales: dict[str, tuple[float, bool]]) -> bool:
    """A scale word that is only ever written glued to digits: a single letter ("5m") or "MM"."""
    return scales[word][1] and (len(word) == 1 or word == "mm")


def _amount(match: re.Match[str], g: Grammar) -> float | None:
    groups = match.groupdict()
    if groups.get("num"):
        base = parse_digits(groups["num"])
    elif groups.get("words"):
        lone = groups["words"].strip().lower() in ("a", "half", "quarter", "quarters")
        if lone and not groups.get("scale"):
            return None  # "a $300 million contract": the article is no amount
        found = words_to_number(groups["words"])
        if found is None:
            return None
        base = found
    else:
        return None
    scale = groups.get("scale") or groups.get("glued")
    return base * g.scales[scale.lower()][0] if scale else base


def _currency(g: Grammar, written: str) -> str:
    return g.currency_of[re.sub(r"\s+", "", written.lower())]


def _symbol_unit(match: re.Match[str], g: Grammar) -> tuple[str, str | None]:
    unit = _currency(g, match.group("sym"))
    if not match.group("name"):
        return unit, None
    named = _currency(g, match.group("name"))
    if named == unit:
        return unit, None
    # "$4.2 billion won": the symbol is kept and the slip is said, not silently resolved.
    sym, name = match.group("sym"), match.group("name")
    return unit, f"written with two currencies ({sym} and {name}); {unit} kept"


def _hedge(text: str, start: int, g: Grammar) -> str | None:
    found = g.hedge.search(text[max(0, start - 25) : start])
    return g.hedges[found.group("hedge").lower()] if found else None


def find_values(text: str) -> list[Value]:
    """Every figure in `text`, the longest reading first where readings overlap."""
    g = grammar()
    found: list[Value] = []
    taken: list[tuple[int, int]] = []  # the spans read so far: sorted, none overlapping

    def add(
        start: int, end: int, value: float, unit: str, kind: str, note: str | None = None
    ) -> None:
        # of the spans that begin before this one ends, the last ends latest: if it does not
        # reach into this one, none does
        before = bisect_left(taken, (end,))
        if before and taken[before - 1][1] > start:
            return
        insort(taken, (start, end))
        found.append(
            Value(start, end, text[start:end], value, unit, kind, _hedge(text, start, g), note)
        )

    lowered = text.lower()
    starts = [m.start() for m in g.figure_start.finditer(text)]
    # The long patterns run only where a word they need is in the text at all.
    named = g.money_words.search(lowered) is not None
    suffix = list(matches_at(g.money_suffix, text, starts)) if named else []
    symbol = bool(g.short_symbols.search(text) or g.long_symbols.search(lowered))
    prefix = list(g.money_prefix.finditer(text)) if symbol else []
    money = sorted([*prefix, *suffix], key=lambda m: (m.start(), -m.end()))
    for match in money:  # the leftmost reading wins: "10 rmb 20 usd" is 10 CNY and 20 USD
        amount = _amount(match, g)
        if amount is None:
            continue
        groups = match.groupdict()
        written = groups.get("sym") or groups["name"]
        if groups.get("sym"):
            unit, note = _symbol_unit(match, g)
        else:
            unit, note = _currency(g, written), None
        amount *= g.symbol_scale.get(re.sub(r"\s+", "", written.lower()), 1.0)
        if groups.get("cents"):
            cents = groups["cents"]
            amount += (float(cents) if cents.isdigit() else words_to_number(cents) or 0) / 100
        add(match.start(), match.end(), amount, unit, "money", note)
    percent = "%" in text or "per" in lowered or "pct" in lowered
    for match in matches_at(g.percent, text, starts) if percent else ():
        amount = _amount(match, g)
        if amount is not None:
            add(match.start(), match.end(), amount, "percent", "percent")
    # a multiplier needs "fold" or one of the verbs, whole: "led" alone is in too many words
    # ("called"), and stands in for the verbs only where case folds oddly
    several = "fold" in lowered or any(verb in lowered for verb in MULTIPLIED)
    if ODD_CASE.search(text):
        several = "fold" in lowered or "led" in lowered or "halved" in lowered
    for match in g.multiplier.finditer(text) if several else ():
        if match.group("fold"):
            times = (
                words_to_number(match.group("fold"))
                if not match.group("fold").isdigit()
                else float(match.group("fold"))
            )
        else:
            times = MULTIPLIED[match.group("verb").lower()]
        if times is not None:
            add(match.start(), match.end(), float(times), "times", "multiplier")
    for match in g.ordinal.finditer(text):
        rank = (
            int(match.group("nth")) if match.group("nth") else ORDINALS[match.group("word").lower()]
        )
        add(match.start(), match.end(), float(rank), "rank", "ordinal")
    for match in matches_at(g.number, text, starts):
        amount = _amount(match, g)
        if amount is None:
            continue
        add(match.start(), match.end(), amount, "count", "number")
    return sorted(found, key=lambda v: v.start)
