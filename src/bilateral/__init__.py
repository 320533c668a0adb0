"""bilateral: news about the relations between two countries, as a cited knowledge base.

import bilateral
settings = bilateral.Settings(db_url="sqlite:///kb.db")
report = bilateral.ingest(["articles/"], settings)
with bilateral.open_kb(settings.db_url) as kb:
    for record in kb.export_records():
        ...
"""

from bilateral.model import Document, Entity, Settings
from bilateral.pipeline import IngestReport, ingest
from bilateral.store import KnowledgeBase, StoreError, open_kb

__version__ = "0.1.0"

__all__ = [
    "Document",
    "Entity",
    "IngestReport",
    "KnowledgeBase",
    "Settings",
    "StoreError",
    "__version__",
    "ingest",
    "open_kb",
]
