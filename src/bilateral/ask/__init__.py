"""Ask: a question in plain English answered from the knowledge base, every statement cited.

The question is read for what it asks about (a metric by its words in data/metrics.tsv, an
event by the cues in data/events.tsv, countries, people, years); matching claims and events
come first, with disagreement between sources shown, then the best sentences (BM25). Nothing
found: the answer says it is not in the knowledge base. Offline; no language model.
"""

from bilateral.ask.answer import Answer, Statement, answer
from bilateral.ask.question import Question, read_question

__all__ = ["Answer", "Question", "Statement", "answer", "read_question"]
