"""PLOVER events: cue words (patterns and the CAMEO dictionary), who acts on whom, when, and
their consolidation within an article."""

from bilateral.extract.events.classifier import EventClassifier
from bilateral.extract.events.cues import Cue, CueFinder
from bilateral.extract.events.finder import EventFinder
from bilateral.extract.events.merge import (
    consolidate,
    modality,
    reference_dates,
    undated_in_month,
)
from bilateral.extract.events.records import Article, Candidates, Draft, Named, Party

__all__ = [
    "Article",
    "Candidates",
    "Cue",
    "CueFinder",
    "Draft",
    "EventClassifier",
    "EventFinder",
    "Named",
    "Party",
    "consolidate",
    "modality",
    "reference_dates",
    "undated_in_month",
]
