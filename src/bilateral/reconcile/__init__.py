"""Reconcile: facts across articles. Pure functions over records; the runner stores the result.

Each kind of fact is reconciled in groups that cannot interact (claims of one metric, countries
and direction; events of one type between the same countries), so a new article touches only
its own groups and a group gives the same result however often it is reconciled.
"""

from bilateral.reconcile.claims import StatedClaim, claim_conflicts, claim_key
from bilateral.reconcile.entities import block_keys, entity_of_key, resolve_entities
from bilateral.reconcile.events import NamedEvent, event_clusters, event_key

__all__ = [
    "NamedEvent",
    "StatedClaim",
    "block_keys",
    "claim_conflicts",
    "claim_key",
    "entity_of_key",
    "event_clusters",
    "event_key",
    "resolve_entities",
]
