"""Read and validate the actor KB's TSV tables; a bad row raises DataFileError naming file and line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tidings.errors import DataFileError

CODE_SHAPE = re.compile(r"^(?:[A-Z]{3})+$")


@dataclass(frozen=True)
class Period:
    """A span of days during which a named actor carries `code` (end exclusive, either end open)."""

    code: str
    start: date | None
    end: date | None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Row:
    """One data row: its cells by column name, and where it came from (for error messages)."""

    path: Path
    line: int
    cells: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.cells[column]

    def fail(self, reason: str) -> DataFileError:
        return DataFileError(str(self.path), self.line, reason)

    def items(self, column: str) -> list[str]:
        """The ";"-separated values of a cell, stripped, empties dropped."""
        return [v.strip() for v in self.cells[column].split(";") if v.strip()]


def read_table(path: Path, columns: tuple[str, ...]) -> Iterator[Row]:
    """The rows of a tab-separated table with `#` comments and a header row naming `columns`."""
    if not path.is_file():
        raise DataFileError(str(path), None, "missing actor table")
    header_seen = False
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            if not header_seen:
                if tuple(cells) != columns:
                    raise DataFileError(str(path), number, f"header must be {' '.join(columns)}")
                header_seen = True
                continue
            if len(cells) != len(columns):
                raise DataFileError(
                    str(path), number, f"expected {len(columns)} tab-separated columns, got {len(cells)}"
                )
            yield Row(path, number, dict(zip(columns, cells)))
    if not header_seen:
        raise DataFileError(str(path), None, "no header row")


def check_code(row: Row, code: str, first_groups: frozenset[str]) -> str:
    """A CAMEO actor code: 3-letter groups, the first a country/region or a type ("IGO", "MED")."""
    if not CODE_SHAPE.match(code) or code[:3] not in first_groups:
        raise row.fail(f"bad actor code {code!r} (want 3-letter groups starting with a country or type)")
    return code


def parse_periods(row: Row, first_groups: frozenset[str]) -> tuple[Period, ...]:
    """The `periods` cell: CODE@START..END entries (ISO dates, open ends allowed)."""
    periods = []
    for raw in row.items("periods"):
        code, at, span = raw.partition("@")
        start_text, dots, end_text = span.partition("..")
        if not at or not dots:
            raise row.fail(f"bad period {raw!r} (want CODE@YYYY-MM-DD..YYYY-MM-DD)")
        try:
            start = date.fromisoformat(start_text) if start_text else None
            end = date.fromisoformat(end_text) if end_text else None
        except ValueError as exc:
            raise row.fail(f"bad date in period {raw!r}: {exc}") from exc
        if start and end and end <= start:
            raise row.fail(f"period {raw!r} ends before it starts")
        periods.append(Period(check_code(row, code, first_groups), start, end))
    return tuple(periods)
