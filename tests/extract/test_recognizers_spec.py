"""Our value grammar against the English cases of Microsoft Recognizers-Text (MIT licence),
read from ../shared/eval/recognizers-text. Cases in scope are single amounts as news writes
them: digits or number words, scale words, a currency symbol, code or name, a percentage.
Fractions, negatives, sub-units ("15 dollars 50"), spoken decimals and arithmetic are out of
scope; the share of all cases is reported too."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bilateral.extract.values import find_values

SPEC_UNITS = {
    "Dollar": "USD",
    "United States dollar": "USD",
    "Euro": "EUR",
    "Chinese yuan": "CNY",
    "Pound": "GBP",
    "British pound": "GBP",
    "Canadian dollar": "CAD",
    "Japanese yen": "JPY",
    "Australian dollar": "AUD",
    "Turkish lira": "TRY",
    "Mexican peso": "MXN",
    "Hong Kong dollar": "HKD",
    "Swiss franc": "CHF",
    "New Zealand dollar": "NZD",
    "Netherlands guilder": "NLG",
    "Finnish markka": "FIM",
    "Peseta": "ESP",
    "Franc": "FRF",
    "Rupee": "INR",
    "Sri Lankan rupee": "LKR",
    "Georgian lari": "GEL",
    "Lao kip": "LAK",
    "Costa Rican colón": "CRC",
    "Bitcoin": "BTC",
}
NUMBER_WORDS = set(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety hundred thousand million billion trillion and a".split()
)
SIMPLE_DIGITS = re.compile(
    r"\d{1,3}(,\d{3})*(\.\d+)?|\d+(\.\d+)?"
    r"|(\d{1,3}(,\d{3})*|\d+)(\.\d+)? ?(thousand|million|billion|trillion|k|m|bn|mln)"
)
OUT_OF_SCOPE = re.compile(r"\band\b|cent|pence|point|mao|kuai|[/^]|-\s*\d|\b\d+e\d", re.IGNORECASE)


def _simple_number(text: str) -> bool:
    t = text.lower().strip()
    if SIMPLE_DIGITS.fullmatch(t):
        return True
    words = [w for w in re.split(r"[\s-]+", t) if w]
    return bool(words) and all(w in NUMBER_WORDS for w in words)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a))


def _load(shared: Path, name: str) -> list[dict]:  # type: ignore[type-arg]
    return json.loads((shared / "eval" / "recognizers-text" / name).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _currency_cases(shared: Path) -> tuple[list[bool], list[bool]]:
    in_scope, every = [], []
    for case in _load(shared, "CurrencyModel.json"):
        results = [r for r in case["Results"] if r["Resolution"].get("value")]
        if not results:
            continue
        wanted = [
            (float(r["Resolution"]["value"]), SPEC_UNITS.get(r["Resolution"]["unit"]))
            for r in results
        ]
        got = [(v.value, v.unit) for v in find_values(case["Input"]) if v.kind == "money"]
        ok = all(any(_close(a, b) and u == w for b, w in got) for a, u in wanted)
        every.append(ok)
        amounts = [
            re.sub(r"[^\w\s.,]|[a-z]{2,}\s*$", "", r["Text"].lower()).strip() for r in results
        ]
        if (
            all(u for _, u in wanted)
            and not OUT_OF_SCOPE.search(case["Input"])
            and all(_simple_number(re.sub(r"^[a-z.]*\s*", "", a)) for a in amounts)
        ):
            in_scope.append(ok)
    return in_scope, every


def _number_cases(shared: Path, name: str, kinds: tuple[str, ...]) -> tuple[list[bool], list[bool]]:
    in_scope, every = [], []
    for case in _load(shared, name):
        results = [r for r in case["Results"] if r["Resolution"].get("value") not in (None, "null")]
        wanted = [float(r["Resolution"]["value"].rstrip("%")) for r in results]
        got = [v.value for v in find_values(case["Input"]) if v.kind in kinds]
        ok = len(got) == len(wanted) and all(any(_close(a, b) for b in got) for a in wanted)
        every.append(ok)
        texts = [
            re.sub(r"%|per ?cent|percentage", "", r["Text"], flags=re.IGNORECASE) for r in results
        ]
        if (
            results
            and not OUT_OF_SCOPE.search(case["Input"])
            and all(_simple_number(t) for t in texts)
        ):
            in_scope.append(ok)
    return in_scope, every


def _report(name: str, in_scope: list[bool], every: list[bool]) -> float:
    share = sum(in_scope) / len(in_scope)
    print(
        f"{name}: {sum(in_scope)}/{len(in_scope)} in scope ({share:.1%}); "
        f"{sum(every)}/{len(every)} of all cases ({sum(every) / len(every):.1%})"
    )
    return share


def test_currency_cases(shared: Path) -> None:
    assert _report("currency", *_currency_cases(shared)) >= 0.9


@pytest.mark.parametrize(
    ("name", "kinds"),
    [("NumberModel.json", ("number", "money", "percent")), ("PercentModel.json", ("percent",))],
)
def test_number_and_percent_cases(shared: Path, name: str, kinds: tuple[str, ...]) -> None:
    assert _report(name, *_number_cases(shared, name, kinds)) >= 0.9
