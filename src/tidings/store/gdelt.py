"""Export the store as GDELT 2.0 Event (61 columns) and Mentions (16 columns) tables."""

from __future__ import annotations

import json
from datetime import date, datetime
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from tidings.actors.kb import agent_codes
from tidings.errors import DataFileError
from tidings.events.codebook import read_code_table

# The column order GDELT publishes for its 2.0 event files (its header file names them so).
EVENT_HEADER: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{field}" for n in (1, 2) for field in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
    )),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{field}" for who in ("Actor1", "Actor2", "Action") for field in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID",
    )),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
MENTION_HEADER: tuple[str, ...] = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
    "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
    "MentionDocTranslationInfo", "Extras",
)  # fmt: skip
EVENTS_FILE = "tidings.export.CSV"
MENTIONS_FILE = "tidings.mentions.CSV"
FIPS_FILE = "fips_country_codes.tsv"
# GDELT's geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1).
_GEO_TYPE = {"country": (1, 1), "admin1": (2, 5), "city": (3, 4), "site": (3, 4)}


@dataclass(frozen=True)
class CodeTables:
    """The code tables an export needs, read once per export (no module-level cache)."""

    types: frozenset[str]
    known_groups: frozenset[str]
    countries: dict[str, str]
    fips: dict[str, str]

    @classmethod
    def load(cls) -> CodeTables:
        return cls(
            # Phoenix's PTY is a role like CAMEO's types ("INDPTY" -> Type1Code PTY).
            types=frozenset(read_code_table("cameo_type_codes.tsv")) | agent_codes(),
            known_groups=frozenset(read_code_table("cameo_knowngroup_codes.tsv")),
            countries=read_code_table("cameo_country_codes.tsv"),
            fips=read_fips(),
        )


def global_event_id(event_id: str) -> int:
    """GDELT wants an integer id: the first 60 bits of tidings' hex event id (fits BIGINT)."""
    return int(event_id[:15], 16)


def write_gdelt(events: list[dict[str, Any]], mentions: list[dict[str, Any]], out: Path) -> dict:
    """Write the two tab-separated GDELT files (no header row, as GDELT ships them) into out.

    events: rows of the store's events table plus `url`, `coded_at` of the representative's
    article; mentions: mention rows plus `cluster_id`, `url`, `outlet`, `doc_len`,
    `published`, `coded_at`. Returns the paths and row counts.
    """
    out.mkdir(parents=True, exist_ok=True)
    tables = CodeTables.load()
    added: dict[str, str] = {}
    with open(out / EVENTS_FILE, "w", encoding="utf-8", newline="") as handle:
        # No quoting, as GDELT's files have none: _cell keeps tabs and newlines out of fields.
        for row in events:
            record = event_record(row, tables)
            added[row["event_id"]] = record["DATEADDED"]
            handle.write("\t".join(_cell(record[name]) for name in EVENT_HEADER) + "\n")
    with open(out / MENTIONS_FILE, "w", encoding="utf-8", newline="") as handle:
        for row in mentions:
            record = mention_record(row, added.get(row["cluster_id"], ""))
            handle.write("\t".join(_cell(record[name]) for name in MENTION_HEADER) + "\n")
    return {
        "events": (out / EVENTS_FILE, len(events)),
        "mentions": (out / MENTIONS_FILE, len(mentions)),
    }


def event_record(row: dict[str, Any], tables: CodeTables) -> dict[str, Any]:
    """One events-table row as GDELT Event fields (by header name)."""
    day: date | None = row["date_start"] or row["first_seen"]
    record: dict[str, Any] = {name: None for name in EVENT_HEADER}
    record["GLOBALEVENTID"] = global_event_id(row["event_id"])
    if day is not None:
        record.update(
            SQLDATE=day.strftime("%Y%m%d"),
            MonthYear=day.strftime("%Y%m"),
            Year=day.year,
            FractionDate=round(day.year + (day.month * 30 + day.day) / 365, 4),
        )
    for n, side in ((1, "source"), (2, "target")):
        record.update(_actor_fields(n, row[f"{side}_code"], row[f"{side}_country"],
                                    row[f"{side}_name"] or row[f"{side}_text"], tables))  # fmt: skip
    code = row["cameo_code"]
    record.update(
        # GDELT's root-event flag marks events of the lead paragraph: our first two sentences.
        IsRootEvent=1 if (row["sentence_index"] or 0) < 2 else 0,
        EventCode=code,
        EventBaseCode=code[:3] if len(code) > 3 else code,
        EventRootCode=row["cameo_root"],
        QuadClass=row["quad_class"],
        GoldsteinScale=row["goldstein"],
        NumMentions=row["num_mentions"],
        NumSources=row["num_sources"],
        NumArticles=row["num_articles"],
    )
    record.update(_action_geo(row, tables))
    seen = row["first_seen"] or (row["coded_at"].date() if row.get("coded_at") else None)
    record["DATEADDED"] = _stamp(seen)
    record["SOURCEURL"] = row.get("url") or row["article_id"]
    return record


def mention_record(row: dict[str, Any], event_added: str) -> dict[str, Any]:
    """One mention row as GDELT Mentions fields (by header name)."""
    seen = row["published"] or (row["coded_at"].date() if row.get("coded_at") else None)
    return {
        "GLOBALEVENTID": global_event_id(row["cluster_id"]),
        "EventTimeDate": event_added,
        "MentionTimeDate": _stamp(seen),
        "MentionType": 1 if row.get("url") else 2,  # 1 web URL, 2 citation only
        "MentionSourceName": row["outlet"],
        "MentionIdentifier": row.get("url") or row["article_id"],
        "SentenceID": row["sentence_index"] + 1,  # GDELT counts sentences from 1
        "Actor1CharOffset": row["source_start"] if row["source_start"] is not None else -1,
        "Actor2CharOffset": row["target_start"] if row["target_start"] is not None else -1,
        "ActionCharOffset": row["evidence_start"],
        "InRawText": 1,  # offsets point into the text exactly as given
        # Percent confidence in the extraction: a report of what happened vs one of a plan,
        # denial or condition.
        "Confidence": 100 if row["modality"] == "asserted" else 50,
        "MentionDocLen": row["doc_len"],
        "MentionDocTone": None,
        "MentionDocTranslationInfo": None,
        "Extras": json.dumps({"tidings_mention_id": row["event_id"],
                              "tidings_event_id": row["cluster_id"]}),  # fmt: skip
    }


def _actor_fields(
    n: int, code: str | None, country: str | None, name: str | None, tables: CodeTables
) -> dict:
    fields: dict[str, Any] = {}
    if not code and not country:
        return fields
    groups = [code[i : i + 3] for i in range(0, len(code or ""), 3)]
    types, known = tables.types, tables.known_groups
    roles = [g for g in groups if g in types and g != country]
    group = next((g for g in groups if g in known and g not in types), None)
    fields[f"Actor{n}Code"] = code
    fields[f"Actor{n}Name"] = (name or "").upper() or None
    fields[f"Actor{n}CountryCode"] = country
    fields[f"Actor{n}KnownGroupCode"] = group
    for i, role in enumerate(roles[:3], start=1):
        fields[f"Actor{n}Type{i}Code"] = role
    return fields


def _action_geo(row: dict[str, Any], tables: CodeTables) -> dict[str, Any]:
    precision, iso = row.get("location_precision"), row["location_country"]
    if not row["location_name"] or not iso:
        return {}
    us, world = _GEO_TYPE.get(precision or "city", (3, 4))
    fips = tables.fips.get(iso)
    parts = [row["location_name"], row["location_admin1"], tables.countries.get(iso)]
    full = ", ".join(dict.fromkeys(p for p in parts if p))
    return {
        "ActionGeo_Type": us if iso == "USA" else world,
        "ActionGeo_FullName": full,
        "ActionGeo_CountryCode": fips,
        # GDELT's ADM1 code is FIPS country + admin code; we know the admin code only for a
        # country-level place, where GDELT repeats the country code.
        "ActionGeo_ADM1Code": fips if precision == "country" else None,
        "ActionGeo_Lat": row["lat"],
        "ActionGeo_Long": row["lon"],
    }


def _stamp(day: date | datetime | None) -> str:
    return day.strftime("%Y%m%d000000") if day else ""


def _cell(value: Any) -> str:
    if value is None:
        return ""
    # Tabs and line breaks would split a record: GDELT's files have none inside fields.
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def read_fips() -> dict[str, str]:
    """ISO alpha-3 -> FIPS 10-4 (data/cameo/fips_country_codes.tsv), validated on load."""
    path = resources.files("tidings") / "data" / "cameo" / FIPS_FILE
    table: dict[str, str] = {}
    with path.open("r", encoding="utf-8") as handle:
        lines = [(n, line) for n, line in enumerate(handle, 1) if not line.startswith("#")]
    header = lines[0][1].rstrip("\n").split("\t")
    if header[:2] != ["iso3", "fips"]:
        raise DataFileError(str(path), lines[0][0], "header must start with iso3, fips")
    for number, line in lines[1:]:
        fields = line.rstrip("\n").split("\t")
        if len(fields) != len(header) or len(fields[0]) != 3 or len(fields[1]) != 2:
            raise DataFileError(str(path), number, f"bad row {line.strip()!r}")
        table[fields[0]] = fields[1]
    return table
