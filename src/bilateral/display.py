"""How values read to a person: "$5.8 bn", "108,000", "73.6%", "8th". Pure functions, shared
by the explanations reconciliation writes and every interface."""

from __future__ import annotations

import datetime as dt

SYMBOLS = {
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "JPY": "¥",
    "CNY": "¥",
    "KRW": "₩",
    "KZT": "₸",
    "RUB": "₽",
    "INR": "₹",
    "TRY": "₺",
    "UAH": "₴",
}
SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))
APPROX = {"over": "over ", "about": "about ", "nearly": "nearly ", "up to": "up to "}


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def number(value: float) -> str:
    for size, word in SCALES:
        if abs(value) >= size:
            return f"{value / size:,.2f}".rstrip("0").rstrip(".") + f" {word}"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def value(amount: float, unit: str, approx: str | None = None) -> str:
    lead = APPROX.get(approx or "", "")
    if unit == "percent":
        return f"{lead}{number(amount)}%"
    if unit == "rank":
        return f"{lead}{ordinal(int(amount))}"
    if unit in ("count", "times"):
        return f"{lead}{number(amount)}" + ("×" if unit == "times" else "")
    symbol = SYMBOLS.get(unit)
    return f"{lead}{symbol}{number(amount)}" if symbol else f"{lead}{unit} {number(amount)}"


def period(start: str | None, end: str | None) -> str:
    if not start and not end:
        return ""
    if start and end and start[:4] == end[:4] and start[5:] == "01-01" and end[5:] == "12-31":
        return start[:4]
    if start and end and start[:7] == end[:7]:
        return start[:7] if start[8:] == "01" else start
    if start and end and start[5:] == "01-01" and end[5:] == "12-31":
        return f"{start[:4]}–{end[:4]}"
    if start and end and start[8:] == "01" and _month_end(end):
        return f"{start[:7]}..{end[:7]}"
    return f"{start or '…'}..{end or '…'}"


def _month_end(day: str) -> bool:
    year, month, date = int(day[:4]), int(day[5:7]), int(day[8:10])
    following = (year + month // 12, month % 12 + 1)
    return (dt.date(*following, 1) - dt.timedelta(days=1)).day == date
