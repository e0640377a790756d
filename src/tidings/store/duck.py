"""EventStore: coded articles and their events in one DuckDB file (idempotent upserts, queries)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from tidings.dedup import DEFAULT_RULE, family_of
from tidings.errors import StoreError
from tidings.store import access
from tidings.store.clusters import (
    assign_new,
    key_of,
    move_mentions,
    refresh_events,
    removed_mentions,
)
from tidings.store.queries import StoreQueries
from tidings.store.schema import (
    ARTICLE_TABLE_SCHEMA,
    MENTION_TABLE_SCHEMA,
    READABLE_VERSIONS,
    SCHEMA_VERSION,
    article_table_row,
    coding_hash,
    ddl,
    mention_table_row,
)
from tidings.store.textindex import rebuild_words, refresh_words
from tidings.types import CodedArticle, Event

log = logging.getLogger(__name__)

READ_ONLY_MESSAGE = "the store is read-only here"
# A read-only connection can touch no other file either (no read_csv, COPY TO, ATTACH), so
# sql() can be handed to users of the API or the CLI without opening the file system to them.
READ_ONLY_CONFIG = {"enable_external_access": False}


class EventStore(StoreQueries):
    """A DuckDB event store; open with EventStore.open(path) and use as a context manager."""

    def __init__(self, path: Path, connection: duckdb.DuckDBPyConnection, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only
        self._con = connection
        self.rule = DEFAULT_RULE  # the dedup rule; one per store so every write agrees

    @classmethod
    def open(cls, path: Path | str, read_only: bool = False) -> EventStore:
        """Open (or, when writable, create) the store at path; StoreError if it cannot be used."""
        path = Path(path)
        if read_only and not path.exists():
            raise StoreError(f"{path}: no event store here")
        marker = None
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Readers (tidings serve) let go of the file when a writer announces itself.
            marker = access.announce_writer(path)
        try:
            store = cls(path, _connect(path, read_only), read_only)
        except BaseException:
            access.withdraw_writer(marker)
            raise
        store._marker = marker
        try:
            store._prepare()
        except BaseException:
            store.close()
            raise
        return store

    def __enter__(self) -> EventStore:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._con.close()
        access.withdraw_writer(getattr(self, "_marker", None))

    def upsert(self, coded: CodedArticle) -> bool:
        """Replace the article's row and all its mentions in one transaction, and re-cluster.

        Each coded Event is stored as a mention and joins the event (cluster) it reports, or
        founds one (tidings.dedup); events touched by the change are recounted.

        Returns False when the store already holds exactly this coding (nothing is written,
        so re-running leaves the store identical, coded_at included).
        """
        return self.upsert_many([coded]) == 1

    def upsert_many(self, coded: Iterable[CodedArticle], batch_size: int = 1000) -> int:
        """upsert() for many articles, one transaction per batch; returns how many were written."""
        self._require_writable()
        written = 0
        items = iter(coded)
        while batch := list(islice(items, batch_size)):
            written += self._write_batch(batch)
        return written

    def sql(self, query: str) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Run user SQL on a read-only connection: (column names, rows). Writes raise StoreError.

        DuckDB will not open one file twice in a process with different settings, so a
        writable store closes its connection for the query and reopens it afterwards.
        """
        if self.read_only:
            return _read_only_query(self._con.cursor(), query)
        self._con.close()
        try:
            with _connect(self.path, read_only=True) as connection:
                return _read_only_query(connection, query)
        finally:
            self._con = _connect(self.path, read_only=False)

    def _write_batch(self, batch: list[CodedArticle]) -> int:
        latest = {coded.article.id: coded for coded in batch}  # a later coding in a batch wins
        rows = {
            aid: [
                mention_table_row(e, e.to_dict(), family_of(e.cameo.root))
                for e in _checked_events(coded)
            ]
            for aid, coded in latest.items()
        }
        hashes = {
            aid: coding_hash(coded.article, (row["event_json"] for row in rows[aid]))
            for aid, coded in latest.items()
        }
        con = self._con
        con.begin()
        try:
            # A list parameter costs less than registering a table for a batch's few ids.
            stored = dict(
                con.execute(
                    "SELECT article_id, coding_hash FROM articles"
                    " WHERE list_contains(?, article_id)",
                    [list(latest)],
                ).fetchall()
            )
            changed = [aid for aid in latest if stored.get(aid) != hashes[aid]]
            if changed:
                self._replace(changed, latest, rows, hashes)
            con.commit()
        except duckdb.Error as exc:
            con.rollback()
            raise StoreError(f"{self.path}: could not store the batch: {exc}") from exc
        except BaseException:
            con.rollback()
            raise
        return len(changed)

    def _replace(
        self,
        changed: list[str],
        latest: dict[str, CodedArticle],
        rows: dict[str, list[dict[str, Any]]],
        hashes: dict[str, str],
    ) -> None:
        con = self._con
        coded_at = datetime.now(UTC).replace(tzinfo=None)  # UTC, as the TIMESTAMP has no zone
        article_rows = [
            article_table_row(latest[aid].article, len(rows[aid]), hashes[aid], coded_at)
            for aid in changed
        ]
        mention_rows = [row for aid in changed for row in rows[aid]]
        # Events the replaced mentions belonged to are re-clustered and recounted (or dropped).
        removed = removed_mentions(con, changed, self.rule)
        touched = {cid for cid, _ in removed if cid is not None}
        for table in ("mentions", "articles"):
            con.execute(f"DELETE FROM {table} WHERE list_contains(?, article_id)", [changed])
        keys = [
            key_of(event, latest[aid].article, self.rule)
            for aid in changed
            for event in _checked_events(latest[aid])
        ]
        assigned, moved, involved = assign_new(con, keys, self.rule, removed)
        move_mentions(con, moved)
        for row in mention_rows:
            row["cluster_id"] = assigned[row["event_id"]]
        con.register(
            "tidings_new_articles", pa.Table.from_pylist(article_rows, ARTICLE_TABLE_SCHEMA)
        )
        con.register(
            "tidings_new_mentions", pa.Table.from_pylist(mention_rows, MENTION_TABLE_SCHEMA)
        )
        try:
            con.execute("INSERT INTO articles BY NAME SELECT * FROM tidings_new_articles")
            con.execute("INSERT INTO mentions BY NAME SELECT * FROM tidings_new_mentions")
        finally:
            for name in ("tidings_new_articles", "tidings_new_mentions"):
                con.unregister(name)
        refreshed = touched | involved | set(assigned.values()) | set(moved.values())
        refresh_events(con, refreshed, self.rule)
        refresh_words(con, sorted(refreshed))  # the evidence word index follows the events rows

    def _prepare(self) -> None:
        if self.read_only:
            tables = {
                row[0] for row in self._run("SELECT table_name FROM duckdb_tables()").fetchall()
            }
            if not {"tidings_meta", "articles", "mentions", "events"} <= tables:
                if "tidings_meta" in tables and "mentions" not in tables:
                    raise StoreError(
                        f"{self.path}: store schema version 1 (no mentions table), this tidings"
                        f" reads {SCHEMA_VERSION}; code into a new store"
                    )
                raise StoreError(f"{self.path}: not a tidings event store")
        else:
            for statement in ddl():
                self._run(statement)
            self._run(
                "INSERT INTO tidings_meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
                [SCHEMA_VERSION],
            )
            self._upgrade()
        row = self._run("SELECT value FROM tidings_meta WHERE key = 'schema_version'").fetchone()
        readable = READABLE_VERSIONS if self.read_only else (SCHEMA_VERSION,)
        if row is None or row[0] not in readable:
            found = row[0] if row else "none"
            raise StoreError(
                f"{self.path}: store schema version {found}, this tidings writes {SCHEMA_VERSION};"
                " code into a new store"
            )

    def _upgrade(self) -> None:
        """Schema 2 -> 3 in place: index the stored events' evidence words (one transaction)."""
        row = self._run("SELECT value FROM tidings_meta WHERE key = 'schema_version'").fetchone()
        if row is None or row[0] != "2":
            return
        self._con.begin()
        try:
            words = rebuild_words(self._con)
            self._run("UPDATE tidings_meta SET value = ? WHERE key = 'schema_version'",
                      [SCHEMA_VERSION])  # fmt: skip
            self._con.commit()
        except BaseException:
            self._con.rollback()
            raise
        log.warning("%s: upgraded the store from schema 2 to %s (indexed %d evidence words)",
                    self.path, SCHEMA_VERSION, words)  # fmt: skip

    def _require_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: {READ_ONLY_MESSAGE}")

    def _run(self, sql: str, params: list[Any] | None = None) -> duckdb.DuckDBPyConnection:
        try:
            return self._con.execute(sql, params or [])
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: {exc}") from exc


def _connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    # Another process may hold the file for a moment (a server reading, a run writing a
    # batch): wait for it (tidings.store.access) instead of failing on the lock at once.
    if read_only:
        wait = access.READ_WAIT_SECONDS
        access.wait_for_writer(path, wait)
        open_ = lambda: duckdb.connect(str(path), read_only=True, config=READ_ONLY_CONFIG)  # noqa: E731
    else:
        wait = access.WRITE_WAIT_SECONDS
        open_ = lambda: duckdb.connect(str(path))  # noqa: E731
    try:
        return access.retry_on_lock(open_, wait, str(path))
    except duckdb.IOException as exc:
        # DuckDB allows one writing process per file; the lock error names the holder.
        raise StoreError(f"{path}: cannot open the event store ({exc})") from exc
    except duckdb.Error as exc:
        raise StoreError(f"{path}: cannot open the event store ({exc})") from exc


def _read_only_query(
    connection: duckdb.DuckDBPyConnection, query: str
) -> tuple[list[str], list[tuple[Any, ...]]]:
    try:
        result = connection.execute(query)
        columns = [d[0] for d in result.description] if result.description else []
        return columns, result.fetchall()
    except (duckdb.PermissionException, duckdb.InvalidInputException) as exc:
        if "read-only" in str(exc) or isinstance(exc, duckdb.PermissionException):
            raise StoreError(f"{READ_ONLY_MESSAGE}: {exc}") from exc
        raise StoreError(f"query failed: {exc}") from exc
    except duckdb.Error as exc:
        raise StoreError(f"query failed: {exc}") from exc


def _checked_events(coded: CodedArticle) -> list[Event]:
    """The article's events, each once; StoreError for events of another article or id clashes."""
    article_id = coded.article.id
    unique: dict[str, Event] = {}
    for event in coded.events:
        if event.article_id != article_id:
            raise StoreError(
                f"event {event.event_id} belongs to article {event.article_id}, not {article_id}"
            )
        first = unique.setdefault(event.event_id, event)
        if first != event:
            raise StoreError(f"article {article_id}: two different events with id {event.event_id}")
    return list(unique.values())
