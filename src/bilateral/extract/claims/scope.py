"""Which countries a figure is about, and which way it runs (from, to): read from the words
around each country of the figure's clause, by the role the words give it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bilateral.extract.claims.cues import clause_of
from bilateral.extract.values import Value

BILATERAL = re.compile(  # the class up front turns away most words at their first letter
    r"\b(?=[tbm])(?:two countries|both countries|the two nations|two sides|both sides|bilateral|"
    r"mutual|between (?:our|the two) (?:countries|nations))\b",
    re.IGNORECASE,
)
FLOWS = (
    "investment_total",
    "investment_flow",
    "investment_target",
    "companies_count",
    "rank",
    "exports",
    "project_value",
    "deal_value",
)
# Metrics read by role: whose balance, who taxes whom, who owes whom.
BALANCES = ("trade_surplus", "trade_deficit")
MEASURES = ("tariff_rate", "sanctions_value")
CREDIT = ("debt", "loans")

_POSSESSIVE = re.compile(r"^['’]s\b")
_SUBJECT = re.compile(
    r"^(?:['’]s\s+\w+(?:\s+\w+)?\s+)?\s*(?:has|have|had|is|was|were|are|will|would|also|"
    r"posted|ran|recorded|reported|imposed|imposes|impose|levied|levies|announced|agreed|"
    r"slapped|set|owes|owed|lent|lends|provided|gave|granted|extended)\b",
    re.IGNORECASE,
)
# "a surplus with the U.S.", "and with EC nations, 16.7 billion": a balance's partner, named
# whether or not it is recognised as a country
ITS = re.compile(
    r"\b(?:its|their)\s+(?:[\w.,-]+\s+){0,6}?(?:surplus|surpluses|deficit|deficits|balance|shortfall)\b",
    re.IGNORECASE,
)
WITH = re.compile(r"\bwith\s+(?:the\s+)?(?=[A-Z])")
_FAVOUR = re.compile(r"^['’]s\s+favou?r\b", re.IGNORECASE)


@dataclass(frozen=True)
class CountryMention:
    start: int
    end: int
    code: str


def _role(text: str, rel_s: int, rel_e: int) -> str:
    """What the words around a country make of it in a clause about a figure."""
    before = text[max(0, rel_s - 20) : rel_s].lower()
    after = text[rel_e : rel_e + 40]
    if re.search(r"\bin\s+$", before) and _FAVOUR.match(after):
        return "favoured"
    if re.search(r"\bon\s+(?:the\s+)?(?:imports\s+(?:of|from)\s+)?$", before):
        return "on"
    if _POSSESSIVE.match(after):  # "a reduction of France's deficit": France's
        return "owner"
    if re.search(r"\bwith\s+(?:the\s+)?$", before) and re.match(r"^\s+\w+ing\b", after):
        return "subject"  # "with the Japanese selling us more than we sold them"
    if re.search(r"\bfrom\s+(?:the\s+)?$", before):
        return "from"
    if re.search(r"\bwith\s+(?:the\s+)?$", before):
        return "with"
    if re.search(r"\b(?:to|into|in|for|of|against)\s+(?:the\s+)?$", before):
        return "to"
    if _SUBJECT.match(after.lstrip()):
        return "subject"
    return "named"


def roles(
    sentence: str, offset: int, countries: list[CountryMention], v: Value
) -> list[tuple[str, str]]:
    """(code, role) of each country in the figure's clause, in text order."""
    c_start, c_end = clause_of(sentence, offset, v)
    return [
        (c.code, _role(sentence, c.start - offset, c.end - offset))
        for c in countries
        if c_start + offset <= c.start and c.end <= c_end + offset
    ]


def _first(
    found: list[tuple[str, str]], wanted: tuple[str, ...], but: str | None = None
) -> str | None:
    return next((code for code, role in found if role in wanted and code != but), None)


def by_role(
    metric: str,
    found: list[tuple[str, str]],
    dyad: tuple[str, ...],
    partner: bool = False,
    with_code: str | None = None,
    its: bool = False,
) -> tuple[str | None, str | None]:
    """(from, to) of a balance, a tariff or sanction, a debt or loan, from the roles. For a
    balance, `with_code` is the country of the "with ..." nearest the figure, and `partner`
    says a partner is named there that is not recognised as a country; `its` that the balance
    is "its": a country merely named in the clause is then not taken for its owner."""
    if metric in BALANCES:  # whose balance it is, against which partner
        to = with_code
        source = _first(found, ("favoured", "owner", "subject"), to)
        if source is None and its:  # "its surplus": whose, the clause does not say
            return None, to
        source = source or _first(found, ("named", "from", "to"), to)
        if not to and not partner and not any(role == "with" for _, role in found):
            to = _first(found, ("owner", "subject", "named", "from"), source)
    elif metric in MEASURES:  # who imposes it, on whose goods
        to = _first(found, ("on", "to", "with"))
        source = _first(found, ("subject", "owner", "named", "from"), to)
        if to is None and source is None and len(found) == 1:
            source = found[0][0]
    elif metric == "debt":  # who lends, who owes
        to = _first(found, ("owner", "subject", "named", "to", "with"))
        source = _first(found, ("from", "to", "with", "named"), to)
    else:  # loans
        source = _first(found, ("from", "subject", "owner", "named"))
        to = _first(found, ("to", "on", "with"), source)
    pool = [c for c in dyad if c not in (source, to)]
    if source and not to and pool and (partner or metric not in BALANCES):
        to = pool[0]  # a balance with no partner named is an overall balance
    elif to and not source and pool:
        source = pool[0]
    elif not source and not to and metric == "debt" and dyad:
        to = dyad[0]  # "its foreign debt": the country the article is most about
    return source, to


def flow_direction(
    metric: str,
    sentence: str,
    offset: int,
    countries: list[CountryMention],
    dyad: tuple[str, ...],
    value: Value,
) -> tuple[str | None, str | None]:
    """(from, to) of an investment, a trade flow, a rank, a deal."""
    c_start, c_end = clause_of(sentence, offset, value)
    countries = [c for c in countries if c_start + offset <= c.start and c.end <= c_end + offset]
    text = sentence
    codes = {c.code for c in countries}

    def code_at(span_start: int, span_end: int) -> str | None:
        for c in countries:
            if c.start >= span_start + offset and c.end <= span_end + offset:
                return c.code
        return None

    explicit = re.search(
        r"\bfrom\s+(?:the\s+)?(?P<a>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)\s+(?:to|into)\s+(?:the\s+)?(?P<b>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)",
        text,
    )
    if explicit:
        a, b = code_at(*explicit.span("a")), code_at(*explicit.span("b"))
        if a and b:
            return a, b
    source = target = None
    for c in countries:
        rel_s, rel_e = c.start - offset, c.end - offset
        before = text[max(0, rel_s - 16) : rel_s].lower()
        after = text[rel_e : rel_e + 40]
        if (
            (
                re.match(
                    r"^['’]s\s+(?:\w+\s+){0,2}(?:largest|biggest|\d+\w\w|major|main|top)\b",
                    after,
                )
                and metric == "rank"
            )
            or re.search(r"\b(?:in|into|to)\s+(?:the\s+)?$", before)
            or (metric == "rank" and re.search(r"\b(?:of|for)\s+(?:the\s+)?$", before))
            or re.match(r"^['’]s\s+economy|^\s+economy", after)
        ):
            target = target or c.code
        elif re.match(
            r"^(?:['’]s)?\s+(?:\w+\s+)?(?:direct\s+)?(?:investments?|investors?|capital|companies|"
            r"enterprises|firms|businesses|exports?|products|goods|shipments)\b",
            after,
            re.IGNORECASE,
        ) or (
            re.match(
                r"^\s+(?:has|have|had)?\s*(?:invested|ranks?|ranked|exports?|exported|is|was|"
                r"remains|remained|also|aims)\b",
                after,
            )
            and c.start < value.start
        ):
            source = source or c.code
    if source == target:  # "in Canadian-U.S. trade, Canadian shipments": not to itself
        target = None
    if metric == "exports" and not source and not target:  # "Chile ... exported 4.2 mln"
        first = next((c for c in countries if c.end <= value.start), None)
        source = first.code if first else None
    if metric == "rank" and target and not source:
        before_value = [c for c in countries if c.end <= value.start and c.code != target]
        source = before_value[-1].code if before_value else None
    pool = [c for c in dyad if c not in (source, target)] or [
        c for c in codes if c not in (source, target)
    ]
    if source and not target and pool:
        target = pool[0]
    elif target and not source and pool:
        source = pool[0]
    return source, target


def imports_direction(
    found: list[tuple[str, str]], dyad: tuple[str, ...]
) -> tuple[str | None, str | None]:
    """Imports run from the country of origin ("imports from X") to the importer."""
    origin = _first(found, ("from",))
    importer = _first(found, ("owner", "subject", "named", "to", "with"), origin)
    pool = [c for c in dyad if c not in (origin, importer)]
    if origin and not importer and pool:
        importer = pool[0]
    elif importer and not origin and pool:
        origin = pool[0]
    return origin, importer


def direction(
    metric: str,
    sentence: str,
    offset: int,
    countries: list[CountryMention],
    dyad: tuple[str, ...],
    value: Value,
) -> tuple[str | None, str | None]:
    if metric in BALANCES or metric in MEASURES or metric in CREDIT:
        found = roles(sentence, offset, countries, value)
        if metric not in BALANCES:
            return by_role(metric, found, dyad)
        c_start, c_end = clause_of(sentence, offset, value)
        near_figure = sentence[max(c_start, value.start - offset - 60) : value.end - offset + 30]
        its = bool(ITS.search(near_figure))
        withs = [m.end() + c_start for m in WITH.finditer(sentence[c_start:c_end])]
        if not withs:
            return by_role(metric, found, dyad, its=its)
        at = value.start - offset  # the nearest, one after the figure counting half again
        near = min(withs, key=lambda w: at - w if w <= at else 1.5 * (w - at))
        code = next((c.code for c in countries if c.start - offset <= near < c.end - offset), None)
        partner = code is None and not any(role == "with" for _, role in found)
        return by_role(metric, found, dyad, partner, code, its)
    if metric == "imports":
        return imports_direction(roles(sentence, offset, countries, value), dyad)
    if metric in FLOWS:
        return flow_direction(metric, sentence, offset, countries, dyad, value)
    return None, None


def other_partner(
    sentence: str, offset: int, countries: list[CountryMention], value: Value
) -> str | None:
    """The words of a balance's partner that is no country ("with EC nations"), when the
    "with ..." nearest the figure names one."""
    c_start, c_end = clause_of(sentence, offset, value)
    found = [(m.end() + c_start, m) for m in WITH.finditer(sentence[c_start:c_end])]
    if not found:
        return None
    at = value.start - offset
    near, _ = min(found, key=lambda f: at - f[0] if f[0] <= at else 1.5 * (f[0] - at))
    if any(c.start - offset <= near < c.end - offset for c in countries):
        return None
    words = re.match(r"[A-Z][\w.-]*(?:\s+[A-Za-z][\w-]*){0,2}", sentence[near:])
    return words.group(0) if words else None


def countries_of(
    sentence: str, countries: list[CountryMention], dyad: tuple[str, ...], metric: str
) -> tuple[str, ...]:
    found = list(dict.fromkeys(c.code for c in countries))
    if len(found) < 2 and (BILATERAL.search(sentence) or metric != "other"):
        found += [c for c in dyad if c not in found]
    if len(found) > 2 and all(c in found for c in dyad):
        found = list(dyad) + [c for c in found if c not in dyad]
    return tuple(sorted(found[:2])) if len(found) >= 2 else tuple(found)
