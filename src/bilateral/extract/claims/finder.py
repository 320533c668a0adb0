"""Numeric claims: each figure of an article's body with its metric, countries, direction,
period, hedge and speaker. Vocabulary in data/metrics.tsv; the rules here are general."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from bilateral import data
from bilateral.extract.periods import DateMention, Interval
from bilateral.extract.values import Value, find_values, words_to_number

BILATERAL = re.compile(
    r"\b(?:two countries|both countries|the two nations|two sides|both sides|bilateral|mutual|"
    r"between (?:our|the two) (?:countries|nations))\b",
    re.IGNORECASE,
)
CLAUSE_BREAK = re.compile(
    r";|,\s+(?:and|while|with|but|whereas|adding|noting|saying|stressing)\b|\.\s+(?=[A-Z])|[”\"]"
)
CURRENT = re.compile(r"\b(?:to date|so far|currently|now|at present)\b", re.IGNORECASE)
TOP_N = re.compile(
    r"\bone of the (?:top|largest|biggest|leading) (?P<n>\d{1,3}|[a-z]+)\b", re.IGNORECASE
)
# "tripled from $1.5 billion in 2017 to $4.2 billion": the change joins two stated levels
TRIPLED_FROM = re.compile(r"\bfrom\b[^;]{0,40}?\d[^;]{0,60}?\bto\b[^;]{0,20}?\d", re.IGNORECASE)
RECORD = re.compile(r"\brecord(?:\s+high)?\s+(?:of\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class CountryMention:
    start: int
    end: int
    code: str


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


def _alt(phrases: Sequence[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))


class ClaimFinder:
    def __init__(self) -> None:
        words = data.metric_words()
        self.cues = [
            (w.metric, re.compile(rf"\b{re.escape(w.phrase)}\b", re.IGNORECASE))
            for w in words
            if w.kind == "cue"
        ]
        self.nouns = {w.phrase.lower(): w.metric for w in words if w.kind == "noun"}
        self.noun_after = re.compile(
            rf"^\s*(?:more\s+|new\s+|additional\s+|[A-Z][a-z]+\s+|ethnic\s+){{0,2}}(?P<noun>{_alt(list(self.nouns))})\b",
            re.IGNORECASE,
        )
        rank_nouns = _alt([w.phrase for w in words if w.kind == "rank"])
        self.rank_after = re.compile(
            rf"^[\s-]*(?:(?:largest|biggest|top|leading|major|main)\s+)?(?:[a-z]+\s+){{0,2}}?"
            rf"(?:among\s+(?:the\s+)?(?:\w+\s+){{0,2}})?(?P<noun>{rank_nouns})\b",
            re.IGNORECASE,
        )
        self.superlative_rank = re.compile(
            rf"\b(?:the\s+)?(?P<sup>largest|biggest)\s+(?:(?:\w+)\s+)?(?P<noun>{rank_nouns})\b",
            re.IGNORECASE,
        )
        self.cumulative = re.compile(
            rf"\b(?:{_alt([w.phrase for w in words if w.kind == 'cumulative'])})\b", re.IGNORECASE
        )
        self.demonyms = data.gazetteer().demonyms

    # ---------------------------------------------------------------- metric
    def metric_of(self, v: Value, sentence: str, offset: int) -> tuple[str | None, str | None]:
        """(metric, noun) for a figure, or (None, None) when it measures nothing we record."""
        after = sentence[v.end - offset :]
        if v.kind == "ordinal" and v.approx == "up to":
            found = self.rank_after.match(after)
            return ("rank", found.group("noun")) if found else (None, None)
        if v.kind == "ordinal":
            found = self.rank_after.match(after)
            return ("rank", found.group("noun")) if found else (None, None)
        if v.kind == "number":
            found = self.noun_after.match(after)
            if not found:
                return None, None
            noun = found.group("noun").lower()
            return self.nouns[noun], noun
        best: tuple[float, str, str] | None = None
        for metric, pattern in self.cues:
            for cue in pattern.finditer(sentence):
                c_start, c_end = cue.start() + offset, cue.end() + offset
                distance = v.start - c_end if c_end <= v.start else 1.5 * (c_start - v.end)
                if distance < 0:
                    continue
                if best is None or distance < best[0]:
                    best = (distance, metric, cue.group(0).lower())
        # the cue is kept: "gross inflow" and "invested" measure different things
        return (best[1], best[2]) if best else ("other", None)

    # ---------------------------------------------------------------- scope
    def direction(
        self,
        metric: str,
        sentence: str,
        offset: int,
        countries: list[CountryMention],
        dyad: tuple[str, ...],
        value: Value,
    ) -> tuple[str | None, str | None]:
        c_start, c_end = clause_of(sentence, offset, value)
        countries = [
            c for c in countries if c_start + offset <= c.start and c.end <= c_end + offset
        ]
        if metric not in (
            "investment_total",
            "investment_flow",
            "companies_count",
            "rank",
            "exports",
            "imports",
            "project_value",
            "deal_value",
        ):
            return None, None
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
                return (b, a) if metric == "imports" else (a, b)
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
                or re.match(r"^['’]s\s+economy|^\s+economy", after)
            ):
                target = target or c.code
            elif re.match(
                r"^(?:['’]s)?\s+(?:\w+\s+)?(?:direct\s+)?(?:investments?|investors?|capital|companies|enterprises|firms|businesses|exports?)\b",
                after,
                re.IGNORECASE,
            ) or (
                re.match(
                    r"^\s+(?:has|have|had)?\s*(?:invested|ranks?|ranked|exports?|exported|is|was|remains|also)\b",
                    after,
                )
                and c.start < value.start
            ):
                source = source or c.code
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
        if metric == "imports":
            return target, source
        return source, target

    def countries_of(
        self, sentence: str, countries: list[CountryMention], dyad: tuple[str, ...], metric: str
    ) -> tuple[str, ...]:
        found = list(dict.fromkeys(c.code for c in countries))
        if len(found) < 2 and (BILATERAL.search(sentence) or metric != "other"):
            found += [c for c in dyad if c not in found]
        if len(found) > 2 and all(c in found for c in dyad):
            found = list(dyad) + [c for c in found if c not in dyad]
        return tuple(sorted(found[:2])) if len(found) >= 2 else tuple(found)

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
        clause_start, clause_end = clause_of(sentence, offset, v)
        near = [
            d for d in dates if clause_start + offset <= d.start and d.end <= clause_end + offset
        ]
        if metric in ("project_value", "deal_value"):
            near = dates  # "launched in 2014 and completed in 2020, with a contract value of ..."
        if metric in ("project_value", "deal_value") and len(near) > 1:
            spans = [d.interval for d in near if d.interval]
            starts = [s.start for s in spans if s.start]
            ends = [s.end for s in spans if s.end]
            return Interval(min(starts) if starts else None, max(ends) if ends else None)
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
    ) -> list[Draft]:
        drafts: list[Draft] = []
        # Figures are found once over the whole text (one pass of each pattern is much cheaper
        # than one per sentence), then shared out to the sentences; so are the dates, by the
        # caller, who shares them with the events.
        all_values = find_values(text)
        for s_start, s_end in sentences:
            if not any(b_start <= s_start < b_end for b_start, b_end in body):
                continue
            sentence = text[s_start:s_end]
            values = [v for v in all_values if s_start <= v.start and v.end <= s_end]
            if not values and not self.superlative_rank.search(sentence):
                continue
            dates = [d for d in all_dates if s_start <= d.start and d.end <= s_end]
            here = [c for c in countries if s_start <= c.start and c.end <= s_end]
            values = [
                v for v in values if not any(d.start < v.end and v.start < d.end for d in dates)
            ]
            values += self._superlatives(sentence, s_start, values)
            for v in values:
                draft = self._draft(v, text, s_start, s_end, here, dyad, dates, published)
                if draft:
                    drafts.append(draft)
        return drafts

    def _superlatives(self, sentence: str, offset: int, values: list[Value]) -> list[Value]:
        """ "Chile's largest trading partner": rank 1, where no ordinal says otherwise; "one of
        the top 10 investors": rank 10 at most."""
        out = []
        for m in TOP_N.finditer(sentence):
            if self.rank_after.match(sentence[m.end() :]):
                n = m.group("n")
                rank = float(n) if n.isdigit() else float(words_to_number(n) or 0)
                start, end = m.start() + offset, m.end() + offset
                values[:] = [v for v in values if not (start <= v.start and v.end <= end)]
                out.append(Value(start, end, m.group(0), rank, "rank", "ordinal", "up to"))
        for m in self.superlative_rank.finditer(sentence):
            start, end = m.start("sup") + offset, m.end("sup") + offset
            if not any(v.kind == "ordinal" and 0 <= start - v.end <= 3 for v in values):
                out.append(Value(start, end, m.group("sup"), 1.0, "rank", "ordinal"))
        return out

    def _draft(
        self,
        v: Value,
        text: str,
        s_start: int,
        s_end: int,
        here: list[CountryMention],
        dyad: tuple[str, ...],
        dates: list[DateMention],
        published: date | None,
    ) -> Draft | None:
        sentence = text[s_start:s_end]
        metric, noun = self.metric_of(v, sentence, s_start)
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
            and not self.cumulative.search(sentence)
        ) and (period.end - period.start).days <= 366:
            metric = "investment_flow"
        if v.kind == "percent":  # a share or a change of something: kept, but not as a level
            metric, noun = "other", _noun_phrase(sentence, v.end - s_start) or metric
        elif metric == "other" and v.kind == "money":
            noun = _noun_phrase(sentence, v.end - s_start)
        from_, to = self.direction(metric, sentence, s_start, here, dyad, v)
        qualifier = "change" if v.kind == "multiplier" else None
        if RECORD.search(text[max(s_start, v.start - 20) : v.start]):
            qualifier = "record"
        return Draft(
            start=s_start,
            end=s_end,
            value=Value(v.start, v.end, v.text, v.value, unit, v.kind, v.approx, v.note),
            metric=metric,
            countries=self.countries_of(sentence, here, dyad, metric),
            from_=from_,
            to=to,
            period=period,
            qualifier=qualifier,
            noun=noun,
        )


def clause_of(sentence: str, offset: int, v: Value) -> tuple[int, int]:
    """The bounds, within the sentence, of the clause that holds the figure."""
    start, end = 0, len(sentence)
    for brk in CLAUSE_BREAK.finditer(sentence):
        if brk.end() + offset <= v.start:
            start = brk.end()
        elif brk.start() + offset >= v.end:
            end = brk.start()
            break
    return start, end


def _noun_phrase(sentence: str, after: int) -> str | None:
    found = re.match(r"^\s*(?:of|in|for|on)\s+((?:[\w’'-]+\s*){1,5})", sentence[after:])
    return found.group(1).strip() if found else None
