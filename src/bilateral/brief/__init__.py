"""Briefings: what happened between two countries in a period, the figures, who matters, where
the sources disagree, every line cited. Built only from the knowledge base's facts (no model, no
new words); rendered as HTML and PDF by serve, as Markdown here."""

from bilateral.brief.build import build_briefing, country_name
from bilateral.brief.markdown import to_markdown
from bilateral.brief.records import Briefing, Citation, Source, Statement

__all__ = [
    "Briefing",
    "Citation",
    "Source",
    "Statement",
    "build_briefing",
    "country_name",
    "to_markdown",
]
