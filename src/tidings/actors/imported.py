"""Imported dictionary tables: write PETRARCH dictionaries as KB tables, and read those tables back."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from tidings.actors.petrarch import (ActorEntry, AgentEntry, Problem, agent_is_person, read_actor_dictionary,
                                     read_agent_dictionary)
from tidings.actors.tables import Period, Row, check_code, parse_periods, read_table
from tidings.errors import DataFileError

# A KB folder keeps imported dictionaries under imported/: <name>.actors.tsv and <name>.agents.tsv.
IMPORTED_DIR = "imported"
ACTOR_COLUMNS = ("name", "aliases", "kind", "code", "periods", "origin")
AGENT_COLUMNS = ("cue", "code", "kind", "origin")


@dataclass(frozen=True)
class ImportReport:
    """What one import wrote and what it skipped."""

    source: Path
    table: Path
    kind: str  # "actors" | "agents"
    entries: int
    names: int
    problems: tuple[Problem, ...]


def dictionary_kind(path: Path) -> str:
    """"agents" for a PETRARCH agents file (codes written `[~GOV]`), else "actors"."""
    if "agent" in path.name.lower():
        return "agents"
    with path.open(encoding="utf-8", errors="replace") as handle:
        head = handle.read(200_000)
    return "agents" if head.count("[~") > 5 else "actors"


def table_stem(path: Path) -> str:
    """`Phoenix.Countries.actors.txt` → `phoenix_countries`."""
    parts = [p for p in path.name.split(".") if p.lower() not in ("txt", "actors", "agents", "tsv")]
    return "_".join(p.lower().replace("-", "_") for p in parts) or "dictionary"


def import_dictionary(path: Path, kb_dir: Path, country_codes: frozenset[str], type_codes: frozenset[str],
                      name: str | None = None) -> ImportReport:
    """Convert a PETRARCH actors or agents file into `<kb_dir>/imported/<name>.<kind>.tsv`.

    Entries whose code is not a CAMEO actor code this KB knows are skipped and reported, as are
    malformed dates; everything written is valid, so loading the table never fails on it.
    """
    kind = dictionary_kind(path)
    out_dir = kb_dir / IMPORTED_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    table = out_dir / f"{name or table_stem(path)}.{kind}.tsv"
    header = [f"# Imported by `tidings actors import` from {path.name} (PETRARCH {kind} format).",
              "# Regenerate rather than edit: the import overwrites this file."]
    if kind == "agents":
        agents, problems = read_agent_dictionary(path)
        rows, skipped = _agent_rows(agents, type_codes, path.name)
        names = len(rows)
        entries = len({r[0] for r in rows})
        columns = AGENT_COLUMNS
    else:
        actors, problems = read_actor_dictionary(path)
        rows, skipped = _actor_rows(actors, country_codes | type_codes, country_codes, path.name)
        entries = len(rows)
        names = sum(1 + len([a for a in r[1].split(";") if a]) for r in rows)
        columns = ACTOR_COLUMNS
    with table.open("w", encoding="utf-8", newline="") as handle:
        handle.write("\n".join(header) + "\n")
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                            escapechar=None, quotechar=None)
        writer.writerow(columns)
        writer.writerows(rows)
    return ImportReport(path, table, kind, entries, names, tuple(problems) + tuple(skipped))


def _clean(text: str) -> str:
    return " ".join(text.replace(";", ",").split())


def _period_text(period: Period) -> str:
    start = period.start.isoformat() if period.start else ""
    end = period.end.isoformat() if period.end else ""
    return f"{period.code}@{start}..{end}"


def _actor_rows(entries: list[ActorEntry], first_groups: frozenset[str], country_codes: frozenset[str],
                origin: str) -> tuple[list[list[str]], list[Problem]]:
    rows: list[list[str]] = []
    problems: list[Problem] = []
    for entry in entries:
        known = [p for p in entry.periods if _valid(p.code, first_groups)]
        default = entry.code.upper() if entry.code and _valid(entry.code, first_groups) else None
        if entry.code and default is None and entry.code != "---":
            problems.append(Problem(entry.line, f"unknown actor code {entry.code!r}"))
        problems.extend(Problem(entry.line, f"unknown actor code {p.code!r}")
                        for p in entry.periods if not _valid(p.code, first_groups))
        periods = [Period(p.code.upper(), p.start, p.end) for p in known]
        if default is None and periods:
            # No undated code: outside its periods the actor keeps the latest one's country as an elite.
            latest = max(periods, key=lambda p: (p.start or p.end).toordinal() if (p.start or p.end) else 0)
            default = latest.code[:3] + "ELI" if latest.code[:3] in country_codes else latest.code
        if default is None:
            continue
        if default in country_codes and not periods:
            kind = "place"  # a country's names, its towns and regions: PETRARCH codes them as the country
        else:
            kind = "person" if entry.person else "org"
        names = [_clean(n) for n in entry.names if _clean(n)]
        if not names:
            continue
        rows.append([names[0], ";".join(names[1:]), kind, default, ";".join(_period_text(p) for p in periods),
                     f"{origin}:{entry.line}"])
    return rows, problems


def _valid(code: str, first_groups: frozenset[str]) -> bool:
    code = code.upper()
    return len(code) % 3 == 0 and code.isalpha() and code[:3] in first_groups


def _agent_rows(entries: list[AgentEntry], type_codes: frozenset[str],
                origin: str) -> tuple[list[list[str]], list[Problem]]:
    rows: list[list[str]] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for entry in entries:
        role = entry.code[:3]
        if role not in type_codes:
            problems.append(Problem(entry.line, f"agent code {entry.code!r} does not start with a CAMEO type"))
            continue
        cue = _clean(entry.phrase)
        if not cue or cue in seen:
            continue
        seen.add(cue)
        rows.append([cue, entry.code, "person" if agent_is_person(cue) else "group", f"{origin}:{entry.line}"])
    return rows, problems


# -- reading the tables back ---------------------------------------------------------------------


def imported_tables(kb_dir: Path, kind: str) -> list[Path]:
    """The imported tables of one kind in a KB folder, in name order."""
    folder = kb_dir / IMPORTED_DIR
    return sorted(folder.glob(f"*.{kind}.tsv")) if folder.is_dir() else []


@dataclass(frozen=True)
class ImportedActor:
    """One row of an imported actors table, validated."""

    names: tuple[str, ...]  # the primary name first
    kind: str  # person | org | place
    code: str
    periods: tuple[Period, ...]
    origin: str  # the dictionary line it came from, and the table line ("X.txt:12 via x.tsv:3")


def read_imported_actors(path: Path, first_groups: frozenset[str]) -> list[ImportedActor]:
    """Validated rows of an imported actors table (a DataFileError names file and line).

    Hand-rolled rather than `read_table`: the packaged tables hold ~28k rows and this is on the
    path of every `Resources` load, so the common, valid row must cost little.
    """
    out: list[ImportedActor] = []
    good_codes: set[str] = set()  # codes repeat thousands of times: check each once
    header_seen = False
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            row = _LazyRow(path, number, cells)
            if not header_seen:
                if tuple(cells) != ACTOR_COLUMNS:
                    raise row.fail(f"header must be {' '.join(ACTOR_COLUMNS)}")
                header_seen = True
                continue
            if len(cells) != len(ACTOR_COLUMNS):
                raise row.fail(f"expected {len(ACTOR_COLUMNS)} tab-separated columns, got {len(cells)}")
            name, aliases, kind, code, periods, origin = cells
            if kind not in ("person", "org", "place"):
                raise row.fail(f"kind must be person, org or place, got {kind!r}")
            if not name.strip():
                raise row.fail("empty name")
            if code not in good_codes:
                good_codes.add(check_code(row.full(), code, first_groups))
            names = (name.strip(), *(a.strip() for a in aliases.split(";") if a.strip()))
            out.append(ImportedActor(names, kind, code, parse_periods(row.full(), first_groups) if periods else (),
                                     f"{origin} via {path.name}:{number}"))
    if not header_seen:
        raise DataFileError(str(path), None, "no header row")
    return out


class _LazyRow:
    """A table line that builds its `Row` only when something needs one (a check or an error)."""

    def __init__(self, path: Path, line: int, cells: list[str]) -> None:
        self.path, self.line, self.cells = path, line, cells

    def full(self) -> Row:
        return Row(self.path, self.line, dict(zip(ACTOR_COLUMNS, self.cells)))

    def fail(self, reason: str) -> DataFileError:
        return self.full().fail(reason)


def read_imported_agents(path: Path, type_codes: frozenset[str]) -> list[Row]:
    """Validated rows of an imported agents table."""
    rows = []
    for row in read_table(path, AGENT_COLUMNS):
        if row["code"][:3] not in type_codes:
            raise row.fail(f"agent code {row['code']!r} does not start with a CAMEO type")
        if row["kind"] not in ("person", "group"):
            raise row.fail(f"kind must be person or group, got {row['kind']!r}")
        rows.append(row)
    return rows


__all__ = ["ImportReport", "import_dictionary", "imported_tables", "read_imported_actors",
           "read_imported_agents"]
