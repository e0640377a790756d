"""Exception types of tidings: each carries the record id (or file and line) and the reason."""

from __future__ import annotations


class TidingsError(Exception):
    """Base class: the CLI turns any of these into one readable line and a non-zero exit."""


class InputError(TidingsError):
    """A record or file that cannot be read."""

    def __init__(self, location: str, reason: str, record_id: str | None = None) -> None:
        self.location = location
        self.reason = reason
        self.record_id = record_id
        where = f"{location} (id {record_id})" if record_id else location
        super().__init__(f"{where}: {reason}")


class DataFileError(TidingsError):
    """A packaged or imported data file (patterns, dictionaries) is malformed."""

    def __init__(self, path: str, line: int | None, reason: str) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


class StoreError(TidingsError):
    """The event store refused an operation (e.g. a write through --sql)."""


class StoreBusyError(StoreError):
    """Another process holds the store file (DuckDB allows one writer or many readers)."""
