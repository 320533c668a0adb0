"""Ask: a question in plain English answered from the knowledge base, every statement cited.

`understand` reads the question (its kind, countries, people, metric, years, direction, events);
the answerer of its kind (`figures`: how much, change, is it true; `events`: when, where, what
was discussed; `people`: who) builds the statements from the claims, events, clusters and
conflicts; `refusal` says "not in the knowledge base", with what is known nearby, when nothing
answers. Offline and deterministic; no language model.
"""

from bilateral.ask.answer import answer
from bilateral.ask.understand import understand
from bilateral.model import Answer, Citation, Disagreement, Refusal, Statement, Understood

__all__ = [
    "Answer",
    "Citation",
    "Disagreement",
    "Refusal",
    "Statement",
    "Understood",
    "answer",
    "understand",
]
