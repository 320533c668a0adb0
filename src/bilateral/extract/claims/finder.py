"""Claims of one article: its figures, each with what it measures, for whom and for when."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from urllib.parse import urlparse

from bilateral import data
from bilateral.extract.claims.cues import Vocabulary, clause_of, segment_of
from bilateral.extract.claims.scope import (
    BALANCES,
    CountryMention,
    countries_of,
    direction,
    other_partner,
)
from bilateral.extract.claims.validity import MEASURES, measure_period, start_of
from bilateral.extract.matching import ODD_CASE
from bilateral.extract.periods import DateMention, Interval, retense, tense_of
from bilateral.extract.values import Value, find_values, words_to_number

CURRENT = re.compile(r"\b(?:to date|so far|currently|now|at present)\b", re.IGNORECASE)
TOP_N = re.compile(
    r"\bone of the (?:top|largest|biggest|leading) (?P<n>\d{1,3}|[a-z]+)\b", re.IGNORECASE
)
# "tripled from $1.5 billion in 2017 to $4.2 billion": the change joins two stated levels
TRIPLED_FROM = re.compile(r"\bfrom\b[^;]{0,40}?\d[^;]{0,60}?\bto\b[^;]{0,20}?\d", re.IGNORECASE)
RECORD = re.compile(r"\brecord(?:\s+high)?\s+(?:of\s+)?$", re.IGNORECASE)
NOT_PHYSICAL = ("count", "percent", "rank", "times")
COMMODITY = re.compile(r"^[\s\w.-]{0,30}?\bof\s+(?:the\s+)?(?P<what>[a-z][\w-]+)")
# "against 5.1 billion for 1985" after "7.6 billion francs": the currency goes without saying
# "a year earlier": the period of the figure it is set against, a year back
YEAR_EARLIER = re.compile(
    r"\b(?:a|one)\s+year\s+(?:earlier|before|ago)\b|\bthe\s+year\s+before\b", re.IGNORECASE
)
# An initialism ends a sentence only in the sentence recogniser's eyes: "with the U.S. Of 7.1"
INITIALISM_END = re.compile(r"\b(?:[A-Z]\.){2,}\s*$")
SCALED = re.compile(r"\b(?:thousand|million|billion|trillion|mln|bln|bn|billon)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Draft:
    """A claim before it gets its id and speaker."""

    start: int
    end: int
    value: Value
    metric: str
    countries: tuple[str, ...]
    from_: str | None
    to: str | None
    period: Interval | None
    qualifier: str | None
    noun: str | None


@cache
def _dollar_of_domain() -> dict[str, str]:
    return data.dollar_domains()


def local_dollar(url: str | None) -> str | None:
    """The currency a bare "$" means in an outlet of a country that writes its own currency so
    ("$1.5 billion" on an Australian site is Australian dollars), from the URL's country domain."""
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return _dollar_of_domain().get(host.rsplit(".", 1)[-1].lower())


def implied_currency(
    values: list[Value], text: str, bounds: tuple[int, int], counts: re.Pattern[str]
) -> list[Value]:
    """A scaled amount with no unit after an amount of money in the same sentence is in that
    money's currency: "7.6 billion francs in 1986 against 5.1 billion in 1985"; one followed by
    what it counts (`counts`: "5 million tourists", "2 mln tonnes") is not money."""
    sentence_start, sentence_end = bounds
    out: list[Value] = []
    last_money: Value | None = None
    for v in values:
        if v.kind == "money" and sentence_start <= v.start < sentence_end:
            last_money = v
        elif (
            v.kind == "number"
            and last_money is not None
            and sentence_start <= v.start < sentence_end
            and SCALED.search(v.text)
            and not counts.match(text[v.end : v.end + 40])
        ):
            v = replace(v, unit=last_money.unit, kind="money")
        out.append(v)
    return out


class ClaimFinder:
    def __init__(self) -> None:
        self.words = Vocabulary()
        self.demonyms = data.gazetteer().demonyms

    # ---------------------------------------------------------------- period
    def period_of(
        self,
        v: Value,
        metric: str,
        sentence: str,
        offset: int,
        dates: list[DateMention],
        published: date | None,
    ) -> Interval | None:
        clause_start, clause_end = segment_of(sentence, offset, v)
        near = [
            d for d in dates if clause_start + offset <= d.start and d.end <= clause_end + offset
        ]
        earlier = YEAR_EARLIER.search(sentence[clause_start:clause_end])
        if not near:  # the clause's dates, but not those of a later figure set against it
            segment_end = clause_end
            clause_start, clause_end = clause_of(sentence, offset, v)
            near = [
                d
                for d in dates
                if clause_start + offset <= d.start and d.end <= segment_end + offset
            ]
        if metric in ("project_value", "deal_value"):
            near = dates  # "launched in 2014 and completed in 2020, with a contract value of ..."
        if metric in ("project_value", "deal_value") and len(near) > 1:
            spans = [d.interval for d in near if d.interval]
            starts = [s.start for s in spans if s.start]
            ends = [s.end for s in spans if s.end]
            return Interval(min(starts) if starts else None, max(ends) if ends else None)
        if earlier and near and near[0].interval:  # "from 2.02 billion a year earlier"
            return _year_back(near[0].interval)
        if near and metric in MEASURES:  # "a duty of 15 pct from May 19": from that day on;
            # the day it was announced ("said on Monday it would impose") is not its period
            opened = [day for d in near if (day := start_of(sentence, _local(d, offset)))]
            if opened:
                return Interval(opened[0], None)
            near = [d for d in near if d.precision == "span"]
        if near:

            def distance(d: DateMention) -> float:
                return (d.start - v.end) * 0.5 if d.start >= v.end else v.start - d.end

            return min(near, key=distance).interval
        if CURRENT.search(sentence[clause_start:clause_end]) and published:
            return Interval(None, published)
        return None

    # ---------------------------------------------------------------- all
    def find(
        self,
        text: str,
        sentences: list[tuple[int, int]],
        body: list[tuple[int, int]],
        countries: list[CountryMention],
        dyad: tuple[str, ...],
        published: date | None,
        all_dates: list[DateMention],
        url: str | None = None,
    ) -> list[Draft]:
        drafts: list[Draft] = []
        # Figures are found once over the whole text (one pass of each pattern is much cheaper
        # than one per sentence), then shared out to the sentences; so are the dates, by the
        # caller, who shares them with the events.
        all_values = find_values(text)
        dollar = local_dollar(url)
        if dollar:
            all_values = [
                replace(v, unit=dollar) if v.unit == "USD" and v.text.startswith("$") else v
                for v in all_values
            ]
        joined = _rejoined(text, sentences)
        # a sentence is searched for a superlative rank ("the largest investor", "one of the
        # top 10") only in a text that holds the words such a rank needs at all
        lowered, odd = text.lower(), ODD_CASE.search(text) is not None
        superlative = "largest" in lowered or "biggest" in lowered or odd
        top_n = "one of the " in lowered or odd
        # a sentence's figures and dates (those that begin and end in it), found by halving:
        # both lists are in text order (find_values, find_dates)
        value_starts, date_starts = [v.start for v in all_values], [d.start for d in all_dates]
        for index, (s_start, s_end) in enumerate(joined):
            if not any(b_start <= s_start < b_end for b_start, b_end in body):
                continue
            previous = text[joined[index - 1][0] : joined[index - 1][1]] if index else ""
            sentence = text[s_start:s_end]
            lo, hi = bisect_left(value_starts, s_start), bisect_right(value_starts, s_end)
            values = [v for v in all_values[lo:hi] if v.end <= s_end]
            if not values and not (superlative and self.words.superlative_rank.search(sentence)):
                continue
            lo, hi = bisect_left(date_starts, s_start), bisect_right(date_starts, s_end)
            dates = [
                retense(d, published, tense_of(text[max(s_start, d.start - 80) : d.end]))
                for d in all_dates[lo:hi]
                if d.end <= s_end
            ]
            here = [
                c
                for c in countries
                if s_start <= c.start
                and c.end <= s_end
                and not any(v.start <= c.start < v.end for v in values)  # "U.S. dlrs"
            ]
            values = [
                v for v in values if not any(d.start < v.end and v.start < d.end for d in dates)
            ]
            values = implied_currency(values, text, (s_start, s_end), self.words.counted)
            values += self._superlatives(sentence, s_start, values, top_n, superlative)
            first = len(drafts)
            for v in values:
                draft = self._draft(
                    v, text, (s_start, s_end), previous, here, dyad, dates, published
                )
                if draft:
                    drafts.append(_carried(draft, drafts, here, sentence, s_start))
            _rank_periods(drafts, first)
        validity = measure_period(text, sentences, all_dates, published) if published else None
        if validity is not None:
            drafts = [_valid(d, validity) for d in drafts]
        return drafts

    def _superlatives(
        self,
        sentence: str,
        offset: int,
        values: list[Value],
        top_n: bool = True,
        superlative: bool = True,
    ) -> list[Value]:
        """ "Chile's largest trading partner": rank 1, where no ordinal says otherwise; "one of
        the top 10 investors": rank 10 at most; "one of the largest investors": no rank.
        `top_n`, `superlative`: whether the text can hold either at all."""
        out = []
        for m in TOP_N.finditer(sentence) if top_n else ():
            if self.words.rank_after.match(sentence[m.end() :]):
                n = m.group("n")
                rank = float(n) if n.isdigit() else float(words_to_number(n) or 0)
                start, end = m.start() + offset, m.end() + offset
                values[:] = [v for v in values if not (start <= v.start and v.end <= end)]
                out.append(Value(start, end, m.group(0), rank, "rank", "ordinal", "up to"))
        for m in self.words.superlative_rank.finditer(sentence) if superlative else ():
            if re.search(r"\bone\s+of\s+$", sentence[: m.start()]):
                continue
            start, end = m.start("sup") + offset, m.end("sup") + offset
            if not any(v.kind == "ordinal" and 0 <= start - v.end <= 3 for v in values):
                out.append(Value(start, end, m.group("sup"), 1.0, "rank", "ordinal"))
        return out

    def _draft(
        self,
        v: Value,
        text: str,
        bounds: tuple[int, int],
        previous: str,
        here: list[CountryMention],
        dyad: tuple[str, ...],
        dates: list[DateMention],
        published: date | None,
    ) -> Draft | None:
        s_start, s_end = bounds
        sentence = text[s_start:s_end]
        v = self.words.quantity(v, sentence, s_start)
        metric, noun = self.words.metric_of(v, sentence, s_start, previous)
        # "a two-fold increase": a change, kept in its own unit ("times") so it is never compared
        # with a level; "tripled from $1.5 bn to $4.2 bn": the two levels say it all
        unnamed = metric in (None, "other") or TRIPLED_FROM.search(sentence)
        if v.kind == "multiplier" and unnamed:
            return None
        if metric is None:
            return None
        unit = "rank" if v.kind == "ordinal" else v.unit
        period = self.period_of(v, metric, sentence, s_start, dates, published)
        if (
            metric == "investment_total"
            and period
            and period.start
            and period.end
            and not self.words.cumulative.search(sentence)
        ) and (period.end - period.start).days <= 366:
            metric = "investment_flow"
        if v.kind == "percent" and metric == "other":  # a share or a change: not a level
            noun = _noun_phrase(sentence, v.end - s_start) or noun
        elif metric == "other" and v.kind == "money":
            noun = noun or _noun_phrase(sentence, v.end - s_start)
        from_, to = direction(metric, sentence, s_start, here, dyad, v)
        if metric in BALANCES and to is None:
            partner = other_partner(sentence, s_start, here, v)
            noun = f"{noun or metric} with {partner}" if partner else noun
        elif v.unit not in NOT_PHYSICAL and v.kind == "number":  # what the tonnes are of
            found = COMMODITY.match(sentence[v.end - s_start :])
            noun = found.group("what").lower() if found else None
        qualifier = "change" if v.kind == "multiplier" else None
        if RECORD.search(text[max(s_start, v.start - 20) : v.start]):
            qualifier = "record"
        countries = countries_of(sentence, here, dyad, metric)
        for code in (from_, to):
            if code and code not in countries:
                countries = tuple(sorted({*countries, code}))
        return Draft(
            start=s_start,
            end=s_end,
            value=Value(v.start, v.end, v.text, v.value, unit, v.kind, v.approx, v.note),
            metric=metric,
            countries=countries,
            from_=from_,
            to=to,
            period=period,
            qualifier=qualifier,
            noun=noun,
        )


def _carried(
    draft: Draft, before: list[Draft], here: list[CountryMention], sentence: str, offset: int
) -> Draft:
    """A figure whose clause names no country ("It would also impose a duty of 6.9 per cent")
    runs the way the figure before it in the sentence ran, or else the last one of its metric;
    one whose clause gives no period shares that of the figure before it in the sentence."""
    same_sentence = [d for d in before if d.start == draft.start]
    if draft.period is None and same_sentence and same_sentence[-1].period:
        draft = replace(draft, period=same_sentence[-1].period)
    if draft.from_ and draft.to:
        return draft
    c_start, c_end = clause_of(sentence, offset, draft.value)
    if any(c_start + offset <= c.start and c.end <= c_end + offset for c in here):
        return draft
    previous = next((d for d in reversed(same_sentence) if d.from_ or d.to), None) or next(
        (d for d in reversed(before) if d.metric == draft.metric), None
    )
    if previous is None or not (previous.from_ or previous.to):
        return draft
    return replace(draft, from_=previous.from_, to=previous.to, countries=previous.countries)


def _local(d: DateMention, offset: int) -> DateMention:
    return replace(d, start=d.start - offset, end=d.end - offset)


def _valid(d: Draft, validity: Interval) -> Draft:
    """A tariff or sanction without a period, or with only its first day, holds for as long as
    the article says its measure holds."""
    own = d.period
    if d.metric in MEASURES and (own is None or (own.start == validity.start and own.end is None)):
        return replace(d, period=validity)
    return d


def _rank_periods(drafts: list[Draft], first: int) -> None:
    """ "the fifth-largest investor, with investments of $36.4 billion between April 2000 and
    December 2021": a rank without a period of its own holds for the period of the figure that
    follows it in the sentence."""
    for i in range(first, len(drafts)):
        d = drafts[i]
        if d.metric == "rank" and d.period is None:
            later = next((x.period for x in drafts[i + 1 :] if x.period), None)
            if later:
                drafts[i] = replace(d, period=later)


def _rejoined(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences the recogniser cut after an initialism ("the U.S. Rose to"), joined again."""
    out: list[tuple[int, int]] = []
    for start, end in sentences:
        if (
            out
            and _initialism_end(text[out[-1][0] : out[-1][1]])
            and "\n" not in text[out[-1][1] : start]
        ):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _initialism_end(sentence: str) -> bool:
    # INITIALISM_END is tried only on a sentence that ends in a capital and a period (before
    # any spaces), as every one it matches does: searching the whole sentence for an anchored
    # pattern costs a step at each of its characters
    last = sentence.rstrip()
    return last[-2:-1].isupper() and last.endswith(".") and bool(INITIALISM_END.search(sentence))


def _year_back(interval: Interval) -> Interval:
    def back(day: date | None) -> date | None:
        if day is None:
            return None
        try:
            return day.replace(year=day.year - 1)
        except ValueError:  # 29 February
            return day.replace(year=day.year - 1, day=28)

    return Interval(back(interval.start), back(interval.end))


def _noun_phrase(sentence: str, after: int) -> str | None:
    found = re.match(r"^\s*(?:of|in|for|on)\s+((?:[\w’'-]+\s*){1,5})", sentence[after:])
    return found.group(1).strip() if found else None
