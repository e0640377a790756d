"""Gold files: detect their format from the first record's fields, read and validate every line."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tidings.errors import InputError

# Checked in this order: the first format whose marker fields the first record has wins. The
# markers are fields no other format carries (ACLED records have no list of events, say).
FORMAT_MARKERS: dict[str, tuple[str, ...]] = {
    "petrarch": ("expected_events",),
    "events": ("events",),
    "acled": ("event_date", "latitude", "longitude", "country_iso3"),
    "toponyms": ("toponyms",),
    "timex": ("timexes",),
    "attribution": ("attributions",),
}

# Fields every record of a format must have (they may be null where the scorer allows it).
REQUIRED: dict[str, tuple[str, ...]] = {
    "petrarch": ("id", "text", "expected_events"),
    "events": ("id", "text", "events"),
    "acled": ("id", "text", "published", "event_date", "latitude", "longitude", "country_iso3"),
    "toponyms": ("id", "text", "toponyms"),
    "timex": ("id", "text", "timexes"),
    "attribution": ("id", "text", "attributions"),
    "article": ("id", "evidence", "cameo"),
}

# Fields of each item of a record's list (the list's name, then the item's required keys).
REQUIRED_ITEMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "petrarch": ("expected_events", ("code",)),
    "events": ("events", ("cameo", "source", "target", "plover")),
    "toponyms": ("toponyms", ("start", "end", "type", "latitude", "longitude")),
    "timex": ("timexes", ("start", "end", "value")),
    "attribution": ("attributions", ("evidence", "chain")),
}


@dataclass(frozen=True)
class GoldRecord:
    """One gold record and the line it came from (for error messages and misses)."""

    line: int
    data: dict[str, Any]
    path: str = ""

    @property
    def id(self) -> str:
        return str(self.data["id"])

    @property
    def location(self) -> str:
        """`file:line`, as InputError names it."""
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class GoldFile:
    path: Path
    format: str
    records: tuple[GoldRecord, ...]

    @property
    def name(self) -> str:
        """The dataset name used as metric prefix: the file name up to its first dot."""
        return self.path.name.split(".", 1)[0]


def detect_format(record: dict[str, Any]) -> str | None:
    """The gold format a record's fields announce, or None if it matches none."""
    for name, markers in FORMAT_MARKERS.items():
        if all(key in record for key in markers):
            return name
    return None


def read_gold(path: Path) -> GoldFile:
    """Read a gold file (JSONL, JSONL.gz, or the article YAML) and validate every record."""
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "no such gold file")
    if path.suffix in (".yaml", ".yml"):
        return _read_article_yaml(path)
    records = list(_json_lines(path))
    if not records:
        raise InputError(str(path), "no records")
    fmt = detect_format(records[0].data)
    if fmt is None:
        fields = ", ".join(sorted(records[0].data)) or "none"
        raise InputError(f"{path}:{records[0].line}", f"unknown gold format (fields: {fields})")
    for record in records:
        _validate(path, record, fmt)
    return GoldFile(path, fmt, tuple(records))


def _json_lines(path: Path) -> Iterator[GoldRecord]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number}", f"not valid JSON ({exc.msg})") from exc
            if not isinstance(data, dict):
                raise InputError(f"{path}:{number}", "a gold record must be a JSON object")
            yield GoldRecord(number, data, str(path))


def _validate(path: Path, record: GoldRecord, fmt: str) -> None:
    location = f"{path}:{record.line}"
    record_id = str(record.data.get("id")) if record.data.get("id") is not None else None
    missing = [key for key in REQUIRED[fmt] if key not in record.data]
    if missing:
        raise InputError(location, f"{fmt} record lacks {', '.join(missing)}", record_id)
    if fmt not in REQUIRED_ITEMS:
        return
    list_name, keys = REQUIRED_ITEMS[fmt]
    items = record.data[list_name]
    if not isinstance(items, list):
        raise InputError(location, f"{list_name} must be a list", record_id)
    for index, item in enumerate(items):
        lacking = [key for key in keys if not isinstance(item, dict) or key not in item]
        if lacking:
            raise InputError(location, f"{list_name}[{index}] lacks {', '.join(lacking)}", record_id)


def _read_article_yaml(path: Path) -> GoldFile:
    """The hand annotation of one article: a YAML mapping whose `events` list the annotated events."""
    text = path.read_text(encoding="utf-8")
    try:
        document = yaml.safe_load(text)
        # The node tree keeps each event's line, so errors and misses can name file:line.
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise InputError(where, f"not valid YAML ({getattr(exc, 'problem', exc)})") from exc
    if not isinstance(document, dict) or not isinstance(document.get("events"), list):
        raise InputError(str(path), "an article annotation needs a top-level `events` list")
    events_node = next(value for key, value in root.value if key.value == "events")
    records = []
    for item, node in zip(document["events"], events_node.value):
        line = node.start_mark.line + 1
        if not isinstance(item, dict):
            raise InputError(f"{path}:{line}", "an annotated event must be a mapping")
        missing = [key for key in REQUIRED["article"] if key not in item]
        if missing:
            raise InputError(f"{path}:{line}", f"annotated event lacks {', '.join(missing)}", str(item.get("id")))
        codes = item["cameo"]
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            # Unquoted YAML numbers lose CAMEO's leading zeros (020 even reads as octal 16).
            raise InputError(f"{path}:{line}", "cameo must be a list of quoted codes (\"020\", not 020)",
                             str(item.get("id")))
        records.append(GoldRecord(line, item, str(path)))
    return GoldFile(path, "article", tuple(records))


def sample_records(records: tuple[GoldRecord, ...], size: int | None) -> tuple[GoldRecord, ...]:
    """A deterministic sample: the `size` records with the smallest SHA-1 of their id, in file order.

    Hashing ids (not taking the first lines) spreads the sample over the file's countries and dates,
    and a record stays in or out of the sample however the file is reordered.
    """
    if size is None or len(records) <= size:
        return records
    ranked = sorted(records, key=lambda r: hashlib.sha1(r.id.encode("utf-8")).hexdigest())
    keep = {id(r) for r in ranked[:size]}
    return tuple(r for r in records if id(r) in keep)
