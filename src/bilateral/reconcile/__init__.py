"""Reconcile: facts across articles. Pure functions over records; the runner stores the result."""

from bilateral.reconcile.entities import resolve_entities

__all__ = ["resolve_entities"]
