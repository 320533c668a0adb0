"""Numeric claims: each figure of an article's body with its metric, countries, direction,
period, hedge and speaker. Vocabulary in data/metrics.tsv; the rules here are general."""

from bilateral.extract.claims.finder import ClaimFinder, Draft
from bilateral.extract.claims.scope import CountryMention

__all__ = ["ClaimFinder", "CountryMention", "Draft"]
