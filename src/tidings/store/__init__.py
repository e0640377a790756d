"""Store: the DuckDB event store (the only SQL in tidings) and event exports."""

from tidings.store.duck import EventStore
from tidings.store.export import EXPORT_FORMATS, write_events

__all__ = ["EXPORT_FORMATS", "EventStore", "write_events"]
