"""The calendar and cue word tables of the when/ stage, loaded and validated from data/when/."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from tidings.errors import DataFileError

# Every kind a table may hold, and whether its value column is required.
CALENDAR_KINDS = {"month": True, "weekday": True, "number": True, "unit": True, "season": True}
CUE_KINDS = {
    "relative_day": True,
    "part_of_day": False,
    "direction": True,
    "part_of_month": True,
    "month_preposition": False,
    "year_preposition": False,
    "duration_marker": False,
    "future_auxiliary": False,
    "future_head": False,
    "reporting_verb": False,
    "subordinator": False,
}
UNIT_KINDS = ("days", "months", "years")
PACKAGED_DIRECTORY = Path(str(resources.files("tidings") / "data" / "when"))


@dataclass(frozen=True)
class Count:
    """A spelled or vague count: "two" is 2..2, "a few" is 2..5."""

    low: int
    high: int


@dataclass(frozen=True)
class Unit:
    """One calendar unit as a multiple of days, months or years ("fortnight" = 14 days)."""

    kind: str
    size: int


@dataclass(frozen=True)
class Season:
    """A season as its first and last month; winter wraps the year (12 to 2)."""

    first: int
    last: int


@dataclass(frozen=True)
class WhenCues:
    """Every word list the when/ stage reads; built by `load_cues`, never mutated."""

    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, Count]
    units: dict[str, Unit]
    seasons: dict[str, Season]
    relative_days: dict[str, int]
    parts_of_day: frozenset[str]
    directions: dict[str, int]
    # "month" or a day of the month, by cue ("mid" -> "month").
    parts_of_month: dict[str, str | int]
    month_prepositions: frozenset[str]
    year_prepositions: frozenset[str]
    duration_markers: frozenset[str]
    future_auxiliaries: frozenset[str]
    future_heads: frozenset[str]
    reporting_verbs: frozenset[str]
    subordinators: frozenset[str]


def _rows(path: Path, kinds: dict[str, bool]) -> Iterator[tuple[int, str, str, str]]:
    """(line number, kind, word, value) of a kind/word/value TSV, comments and header skipped."""
    text = path.read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("kind\t"):
            continue
        cells = line.split("\t")
        if len(cells) < 2 or len(cells) > 3:
            reason = f"expected kind<TAB>word<TAB>value, got {line!r}"
            raise DataFileError(str(path), number, reason)
        kind, word = cells[0].strip(), cells[1].strip()
        value = cells[2].strip() if len(cells) == 3 else ""
        if kind not in kinds:
            raise DataFileError(str(path), number, f"unknown kind {kind!r}")
        if not word:
            raise DataFileError(str(path), number, "empty word")
        if kinds[kind] and not value:
            raise DataFileError(str(path), number, f"kind {kind!r} needs a value")
        yield number, kind, word, value


def _integer(path: Path, line: int, value: str, low: int, high: int) -> int:
    try:
        result = int(value)
    except ValueError:
        raise DataFileError(str(path), line, f"{value!r} is not an integer") from None
    if not low <= result <= high:
        raise DataFileError(str(path), line, f"{result} is outside {low}..{high}")
    return result


def _count(path: Path, line: int, value: str) -> Count:
    low, _, high = value.partition("-")
    first = _integer(path, line, low, 1, 1000)
    return Count(first, _integer(path, line, high, first, 1000) if high else first)


def _unit(path: Path, line: int, value: str) -> Unit:
    kind, _, size = value.partition(":")
    if kind not in UNIT_KINDS:
        raise DataFileError(str(path), line, f"unit {value!r} must be days:N, months:N or years:N")
    return Unit(kind, _integer(path, line, size, 1, 100))


def _season(path: Path, line: int, value: str) -> Season:
    first, _, last = value.partition("-")
    return Season(_integer(path, line, first, 1, 12), _integer(path, line, last or first, 1, 12))


def _part_of_month(path: Path, line: int, value: str) -> str | int:
    return "month" if value == "month" else _integer(path, line, value, 1, 28)


def load_cues(directory: Path | None = None) -> WhenCues:
    """Read calendar.tsv and cues.tsv (the packaged ones unless `directory` is given)."""
    base = directory or PACKAGED_DIRECTORY
    calendar, cues = base / "calendar.tsv", base / "cues.tsv"
    tables: dict[str, dict[str, object]] = {kind: {} for kind in CALENDAR_KINDS | CUE_KINDS}
    for number, kind, word, value in _rows(calendar, CALENDAR_KINDS):
        if kind == "month":
            parsed: object = _integer(calendar, number, value, 1, 12)
        elif kind == "weekday":
            parsed = _integer(calendar, number, value, 0, 6)
        elif kind == "number":
            parsed = _count(calendar, number, value)
        elif kind == "season":
            parsed = _season(calendar, number, value)
        else:
            parsed = _unit(calendar, number, value)
        # Month and weekday names keep their case (matched Title/UPPER); the rest is lowercase.
        tables[kind][word if kind in ("month", "weekday") else word.lower()] = parsed
    for number, kind, word, value in _rows(cues, CUE_KINDS):
        if kind in ("relative_day", "direction"):
            parsed = _integer(cues, number, value, -7, 7)
        elif kind == "part_of_month":
            parsed = _part_of_month(cues, number, value)
        else:
            parsed = True
        tables[kind][" ".join(word.lower().split())] = parsed
    for kind, table in tables.items():
        if not table:
            raise DataFileError(str(base), None, f"no {kind!r} rows")
    return WhenCues(
        months=dict(tables["month"]),  # type: ignore[arg-type]
        weekdays=dict(tables["weekday"]),  # type: ignore[arg-type]
        numbers=dict(tables["number"]),  # type: ignore[arg-type]
        units=dict(tables["unit"]),  # type: ignore[arg-type]
        seasons=dict(tables["season"]),  # type: ignore[arg-type]
        relative_days=dict(tables["relative_day"]),  # type: ignore[arg-type]
        parts_of_day=frozenset(tables["part_of_day"]),
        directions=dict(tables["direction"]),  # type: ignore[arg-type]
        parts_of_month=dict(tables["part_of_month"]),  # type: ignore[arg-type]
        month_prepositions=frozenset(tables["month_preposition"]),
        year_prepositions=frozenset(tables["year_preposition"]),
        duration_markers=frozenset(tables["duration_marker"]),
        future_auxiliaries=frozenset(tables["future_auxiliary"]),
        future_heads=frozenset(tables["future_head"]),
        reporting_verbs=frozenset(tables["reporting_verb"]),
        subordinators=frozenset(tables["subordinator"]),
    )
