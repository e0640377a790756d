"""Actor knowledge base: countries, role cues and named actors with dated roles, from data files."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from tidings.errors import DataFileError


@dataclass(frozen=True)
class Period:
    code: str
    start: date | None
    end: date | None

    def covers(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


@dataclass(frozen=True)
class NamedActor:
    name: str
    aliases: tuple[str, ...]
    code: str  # fallback code, used outside every period
    periods: tuple[Period, ...]
    kind: str  # "person" or "org"

    def code_on(self, when: date | None) -> str:
        """The actor's code on a date: the covering period's code, else the fallback."""
        if when is not None:
            for period in self.periods:
                if period.covers(when):
                    return period.code
        return self.code


def _norm(text: str) -> str:
    words = text.lower().replace("’", "'").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _parse_period(raw: str, path: str, line: int) -> Period:
    try:
        code, span = raw.split("@")
        start, end = span.split("..")
        return Period(code, date.fromisoformat(start) if start else None, date.fromisoformat(end) if end else None)
    except ValueError as exc:
        raise DataFileError(path, line, f"bad period {raw!r} (want CODE@YYYY-MM-DD..YYYY-MM-DD)") from exc


def _rows(path: Path, expected: list[str]) -> list[tuple[int, list[str]]]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            if cells == expected:
                continue
            if len(cells) != len(expected):
                raise DataFileError(str(path), number, f"expected {len(expected)} tab-separated columns, got {len(cells)}")
            rows.append((number, cells))
    return rows


class ActorKB:
    """Names → codes. Lookups are by normalised lower-case phrase ("the kremlin" → "kremlin")."""

    def __init__(self, countries: dict[str, str], adjectives: dict[str, str], seats: dict[str, str],
                 roles: dict[str, tuple[str, bool]], named: dict[str, NamedActor]) -> None:
        self.countries = countries  # name → country code
        self.adjectives = adjectives  # "iraqi" → IRQ
        self.seats = seats  # "washington" → USA (capital metonymy)
        self.roles = roles  # "prime minister" → ("GOV", person?)
        self.named = named  # name or alias → NamedActor
        # Acronyms ("WHO", "UN") match only when written in capitals: "who" is a pronoun.
        self.acronyms = {key for actor in named.values() for alias in (actor.name, *actor.aliases)
                         if alias.isupper() for key in [_norm(alias)]}
        self.max_words = max(len(k.split()) for k in [*countries, *roles, *named, *seats])

    @classmethod
    def load(cls, data_dir: Path | None = None) -> ActorKB:
        folder = data_dir or Path(str(resources.files("tidings") / "data" / "actors"))
        countries: dict[str, str] = {}
        adjectives: dict[str, str] = {}
        seats: dict[str, str] = {}
        for _, (code, names, adjs, seat_names) in _rows(folder / "countries.tsv", ["code", "names", "adjectives", "seats"]):
            for name in filter(None, names.split(";")):
                countries.setdefault(_norm(name), code)
            for adj in filter(None, adjs.split(";")):
                adjectives.setdefault(_norm(adj), code)
            for seat in filter(None, seat_names.split(";")):
                seats.setdefault(_norm(seat), code)
        # A capital is a seat of government, not a country, even where CAMEO has a region code for it.
        for seat in seats:
            countries.pop(seat, None)
        roles: dict[str, tuple[str, bool]] = {}
        for number, (cue, role, person) in _rows(folder / "roles.tsv", ["cue", "role", "person"]):
            if person not in ("yes", "no"):
                raise DataFileError(str(folder / "roles.tsv"), number, f"person must be yes or no, got {person!r}")
            roles[_norm(cue)] = (role, person == "yes")
        named: dict[str, NamedActor] = {}
        path = folder / "named.tsv"
        for number, (name, aliases, code, periods, kind) in _rows(path, ["name", "aliases", "code", "periods", "kind"]):
            if kind not in ("person", "org"):
                raise DataFileError(str(path), number, f"kind must be person or org, got {kind!r}")
            actor = NamedActor(
                name, tuple(filter(None, aliases.split(";"))), code,
                tuple(_parse_period(p, str(path), number) for p in filter(None, periods.split(";"))), kind,
            )
            for key in (name, *actor.aliases):
                named.setdefault(_norm(key), actor)
        return cls(countries, adjectives, seats, roles, named)

    def named_actor(self, text: str) -> NamedActor | None:
        key = _norm(text)
        if key in self.acronyms and not text.strip().isupper():
            return None
        return self.named.get(key)

    def country_of(self, text: str) -> str | None:
        key = _norm(text)
        return self.countries.get(key) or self.adjectives.get(key) or self.seats.get(key)

    def ruler_patterns(self) -> list[dict]:
        """EntityRuler patterns for multi-word named actors and country names the model may split."""
        patterns = []
        seen: set[str] = set()
        for actor in self.named.values():
            for name in (actor.name, *actor.aliases):
                if name in seen or len(name) < 3:
                    continue
                seen.add(name)
                label = "PERSON" if actor.kind == "person" else "ORG"
                patterns.append({"label": label, "pattern": name, "id": actor.code})
        return patterns


def normalise(text: str) -> str:
    """The KB's lookup key for a phrase."""
    return _norm(text)
