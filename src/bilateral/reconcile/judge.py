"""Whether two articles' figures for the same metric, countries and direction disagree, and why.

The rules are general: a tolerance from the precision the figure is written with ("$4.2
billion" is good to ±$0.05 billion), the hedge ("over", "about"), interval containment of
periods (a January-August total below a January-November one is consistent), cumulative
totals and rankings that move over time, and differing definitions ("gross inflow" against
"investment").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from bilateral.model import Claim, DocInfo

BALANCES = ("trade_surplus", "trade_deficit")
# Trade figures of one pair and period that differ by this share or less are what the two
# partners' customs statistics commonly differ by (valuation CIF/FOB, timing, origin rules).
MIRROR = {"trade_turnover", "exports", "imports"}
MIRROR_GAP = 0.05
CONVERTED_GAP = 0.03  # a rate worked out from two rounded figures is good to a few percent
ADDITIVE = {"trade_turnover", "exports", "imports", "investment_flow", "visitors", "students"}
MOVING = {"investment_total", "companies_count", "projects_count", "population", "rank"}
# Cue words that define what a figure measures: two figures named by different ones of these
# are not the same measure.
DEFINING = {
    "gross inflow",
    "capital inflow",
    "direct investment",
    "direct investments",
    "foreign direct investment",
    "fdi",
    "invested",
    "investments",
    "investment",
}
_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")


@dataclass(frozen=True)
class Verdict:
    verdict: str
    reason: str


def tolerance(c: Claim, value_text: str) -> float:
    """Half a unit of the last digit written: "$4.2 billion" -> 0.05e9, "550" -> 0.5."""
    found = _NUMBER.search(value_text)
    if not found or c.unit == "rank":
        return 0.0
    decimals = len(found.group(1) or "")
    written = float(found.group(0).replace(",", ""))
    scale = c.value / written if written else 1.0
    return 0.5 * scale * 10.0**-decimals


def bounds(c: Claim, value_text: str) -> tuple[float, float]:
    tol = tolerance(c, value_text)
    v = c.value
    if c.approx == "over":
        return v - tol, math.inf
    if c.approx == "about":
        return 0.9 * v - tol, 1.1 * v + tol
    if c.approx == "nearly":
        return 0.9 * v - tol, v + tol
    if c.approx == "up to":
        return 0.0, v + tol
    return v - tol, v + tol


def _contains(outer: Claim, inner: Claim) -> bool:
    return bool(
        outer.period_start
        and outer.period_end
        and inner.period_start
        and inner.period_end
        and outer.period_start <= inner.period_start
        and inner.period_end <= outer.period_end
    )


def _cut(coarse: Claim, coarse_text: str, fine: Claim, fine_text: str) -> bool:
    """Whether `coarse` is `fine` with its last digits cut off: 169 for 169.8."""
    step = 2 * tolerance(coarse, coarse_text)
    if not step or coarse.unit == "rank" or step <= 2 * tolerance(fine, fine_text):
        return False
    return abs(math.floor(fine.value / step + 1e-9) * step - coarse.value) <= 1e-6 * step


def judge(a: Claim, a_text: str, b: Claim, b_text: str, docs: dict[str, DocInfo]) -> Verdict:
    lo_a, hi_a = bounds(a, a_text)
    lo_b, hi_b = bounds(b, b_text)
    if lo_a <= hi_b and lo_b <= hi_a:
        if a.value == b.value:
            return Verdict("agree", "the figures agree")
        if a.approx or b.approx:
            return Verdict("agree", "the figures agree within their hedges")
        return Verdict("rounding", "the same figure, rounded differently")
    if _cut(a, a_text, b, b_text) or _cut(b, b_text, a, a_text):
        # "$169 billion" against "$169.8 billion": the coarser one cut rather than rounded
        return Verdict("rounding", "the same figure, one of them cut to fewer digits")
    if a.noun != b.noun and (a.noun in DEFINING or b.noun in DEFINING) and a.noun and b.noun:
        return Verdict(
            "different_definition", f"they measure different things ('{a.noun}' against '{b.noun}')"
        )
    known = a.period_start and a.period_end and b.period_start and b.period_end
    if known and (a.period_start, a.period_end) == (b.period_start, b.period_end):
        when_a, when_b = docs[a.doc_id].published, docs[b.doc_id].published
        if a.metric in MOVING and when_a != when_b:
            return Verdict("different_time", "the same period, but reported at different times")
        if a.metric in MIRROR and abs(a.value - b.value) <= MIRROR_GAP * max(a.value, b.value):
            return Verdict(
                "different_definition",
                "the same period, within the gap usual between two partners' trade statistics",
            )
        return Verdict("contradiction", "the same period, and the figures cannot both be right")
    if known and a.metric in ADDITIVE and (_contains(a, b) or _contains(b, a)):
        outer, inner = (a, b) if _contains(a, b) else (b, a)
        if inner.value <= outer.value:
            return Verdict(
                "different_period", "the shorter period has the smaller value, as it must"
            )
        return Verdict("contradiction", "the shorter period has the larger value")
    if known:
        return Verdict("different_period", "the figures cover different periods")
    if a.metric == "rank":
        return Verdict("different_time", "rankings move; the sources speak of different times")
    if a.metric in MOVING:
        return Verdict(
            "different_time", "a running total moves; the sources may be of different dates"
        )
    return Verdict(
        "different_period", "the periods are not both stated, so the figures need not disagree"
    )


def judge_converted(a: Claim, b: Claim, rate: float, docs: dict[str, DocInfo]) -> Verdict:
    """Two amounts in different currencies, `b` converted at a rate an article gives."""
    converted = b.value * rate
    if abs(a.value - converted) <= CONVERTED_GAP * max(abs(a.value), abs(converted)):
        return Verdict(
            "agree",
            f"the same figure in two currencies ({a.unit} and {b.unit}, at the articles' rate)",
        )
    known = a.period_start and a.period_end and b.period_start and b.period_end
    if known and (a.period_start, a.period_end) != (b.period_start, b.period_end):
        return Verdict("different_period", "the figures cover different periods")
    return Verdict(
        "different_definition",
        f"in {a.unit} and {b.unit}, and apart at the rate the articles give; checked by hand",
    )


def _signed(c: Claim, pair: tuple[str, ...]) -> float | None:
    """The balance as seen from the first country of the pair: a surplus of the first or a
    deficit of the second is positive. None when the text does not say whose balance it is."""
    if c.from_ is None:
        return None
    sign = 1.0 if c.metric == "trade_surplus" else -1.0
    return sign * c.value if c.from_ == pair[0] else -sign * c.value


def judge_balance(
    a: Claim, a_text: str, b: Claim, b_text: str, docs: dict[str, DocInfo]
) -> Verdict:
    """A surplus against a deficit of the same pair: opposite signs for the same period cannot
    both be right; the same side is judged as any two figures are."""
    pair = tuple(sorted(x for x in (a.from_, a.to) if x)) or tuple(sorted(a.countries))
    sa, sb = _signed(a, pair), _signed(b, pair)
    same_side = a.metric == b.metric and a.from_ == b.from_
    if same_side or sa is None or sb is None or (sa > 0) == (sb > 0):
        if a.metric != b.metric and a.from_ != b.from_:  # a surplus of one is the other's deficit
            b = replace(b, metric=a.metric, from_=a.from_, to=a.to)
        return judge(a, a_text, b, b_text, docs)
    known = a.period_start and a.period_end and b.period_start and b.period_end
    if known and (a.period_start, a.period_end) == (b.period_start, b.period_end):
        return Verdict(
            "contradiction",
            "a surplus in one and a deficit in the other, for the same pair and period",
        )
    if known:
        return Verdict("different_period", "a surplus and a deficit, for different periods")
    return Verdict(
        "different_period",
        "a surplus and a deficit, but the periods are not both stated, so they need not disagree",
    )
