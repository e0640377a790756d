"""Latency of the HTTP API's /api/events (with filters) over a synthetic store of 1M events.

Writes benchmarks/results/<YYYY-MM-DD>-api_latency.json (runs of the day are appended).
The store is built once (--store, default a temp dir) with the real schema (EventStore creates
the tables and indexes), then filled by one INSERT ... SELECT over range(N): rows are
deterministic pseudo-random events over 40 countries, 20 CAMEO roots, 600 places and 10 years.
The server is the real app under uvicorn on 127.0.0.1, queried over loopback with httpx.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import statistics
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

import duckdb
import httpx

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"

COUNTRIES = ["USA", "IRQ", "IRN", "SYR", "TUR", "RUS", "UKR", "CHN", "ISR", "PSE", "LBN", "EGY",
             "SAU", "YEM", "AFG", "PAK", "IND", "GBR", "FRA", "DEU", "NGA", "ETH", "SDN", "SOM",
             "MLI", "LBY", "VEN", "COL", "MEX", "BRA", "PRK", "KOR", "JPN", "MMR", "PHL", "IDN",
             "KEN", "COD", "ZAF", "GRC"]  # fmt: skip
ROLES = ["", "GOV", "MIL", "REB", "OPP", "COP", "BUS", "MED", "CVL", "LEG"]
PLOVER = ["AGREE", "ASSAULT", "ACCUSE", "CONSULT", "COOPERATE", "DEMAND", "PROTEST", "THREATEN",
          "SUPPORT", "REQUEST", "MOBILIZE", "SANCTION", "AID", "RETREAT", "REJECT", "COERCE",
          "SEIZE", "INVESTIGATE", "DISAPPROVE", "NEGOTIATE"]  # fmt: skip

# Each column of the events table: a SQL expression over i (the row number) and helper columns.
COLUMN_SQL = {
    "event_id": "md5(i::VARCHAR)[1:16]",
    "representative_id": "md5(i::VARCHAR)[1:16]",
    "article_id": "'synth-' || (i // 4)::VARCHAR",
    "published": "day + (i % 3)::INTEGER",
    "sentence_index": "(i % 12)::INTEGER",
    "evidence_start": "(i % 40 * 60)::INTEGER",
    "evidence_end": "(i % 40 * 60 + 80)::INTEGER",
    "evidence_text": "src || ' ' || plover || ' against ' || tgt || ' in place ' || place::VARCHAR"
                     " || ' (synthetic event ' || i::VARCHAR || ')'",
    "source_code": "src || srole", "source_country": "src", "source_role": "nullif(srole, '')",
    "source_text": "src || ' actor'", "source_name": "NULL",
    "target_code": "CASE WHEN h3 % 10 = 0 THEN NULL ELSE tgt || trole END",
    "target_country": "CASE WHEN h3 % 10 = 0 THEN NULL ELSE tgt END",
    "target_role": "nullif(trole, '')", "target_text": "tgt || ' actor'", "target_name": "NULL",
    "cameo_code": "root || (h2 % 10)::VARCHAR", "cameo_root": "root",
    "cameo_label": "'Synthetic code ' || root",
    "quad_class": "(CASE WHEN root <= '05' THEN 1 WHEN root <= '08' THEN 2"
                  " WHEN root <= '13' THEN 3 ELSE 4 END)::INTEGER",
    "goldstein": "round((h2 % 200) / 10.0 - 10, 1)",
    "plover_type": "plover", "plover_mode": "NULL",
    "modality": "['asserted','asserted','asserted','asserted','asserted','asserted','negated',"
                "'planned','conditional','hypothetical'][1 + h3 % 10]",
    "date_value": "strftime(day, '%Y-%m-%d')", "date_precision": "'day'",
    "location_name": "CASE WHEN place < 540 THEN 'Place ' || place::VARCHAR END",
    "location_country": "CASE WHEN place < 540 THEN countries[1 + place % 40] END",
    "location_admin1": "NULL",
    "lat": "CASE WHEN place < 540 THEN ((place * 7919) % 1400) / 10.0 - 60 END",
    "lon": "CASE WHEN place < 540 THEN ((place * 104729) % 3500) / 10.0 - 175 END",
    "attribution_json": "'[]'", "quantities_json": "'[]'",
    "event_json": "to_json({event_id: md5(i::VARCHAR)[1:16], cameo: {code: root || '0'},"
                  " evidence: {\"start\": 0, \"end\": 80, \"text\": 'synthetic'}})::VARCHAR",
    "date_start": "day", "date_end": "day",
    "num_mentions": "(1 + h3 % 5)::INTEGER", "num_articles": "(1 + h3 % 3)::INTEGER",
    "num_sources": "(1 + h3 % 2)::INTEGER", "first_seen": "day", "last_seen": "day + 1",
    "confidence": "(h3 % 100) / 100.0",
}

# The mix of requests timed: filters an analyst (or the dashboard) combines.
QUERIES = {
    "no filter": {},
    "actor": {"actor": "IRQ"},
    "actor as source + root": {"actor": "USAMIL", "side": "source", "root": "19"},
    "quad class + date range": {"quad_class": "4", "since": "2019-01-01", "until": "2019-12-31"},
    "cameo code + modality": {"code": "14", "modality": "asserted"},
    "plover list": {"plover": "ASSAULT,THREATEN"},
    "place": {"place": "Place 17"},
    "country + week": {"country": "SYR", "since": "2020-03-02", "until": "2020-03-08"},
    "bbox": {"bbox": "30,25,50,40"},
    "text search": {"q": "against irq in place 42"},
    "dashboard combo": {"actor": "IRN", "quad_class": "3,4", "since": "2018-01-01",
                        "until": "2020-12-31", "bbox": "20,10,70,45"},
    "deep page": {"actor": "USA", "offset": "5000"},
    "csv page": {"actor": "TUR", "format": "csv", "limit": "500"},
}
OTHER = {  # aggregates the dashboard also loads, reported but not the target
    "timeline (auto)": ("/api/stats/timeline", {}),
    "dyads": ("/api/stats/dyads", {"limit": "120"}),
    "places": ("/api/stats/places", {"limit": "1000"}),
}


def build_store(path: Path, n: int) -> float:
    """Create the store with the real schema and fill its events table with n synthetic rows."""
    from tidings.store import EventStore
    from tidings.store.textindex import rebuild_words

    started = time.perf_counter()
    EventStore.open(path).close()  # the real DDL: tables, primary keys, indexes
    con = duckdb.connect(str(path))
    con.execute("SET enable_progress_bar = false")
    columns = [r[0] for r in con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE table_name = 'events' ORDER BY column_index"
    ).fetchall()]  # fmt: skip
    select = ", ".join(f"{COLUMN_SQL.get(c, 'NULL')} AS {c}" for c in columns)
    con.execute(
        f"""INSERT INTO events ({', '.join(columns)})
        WITH base AS (
          SELECT i, (hash(i) % 1000000007)::BIGINT AS h1, (hash(i * 31 + 7) % 1000000007)::BIGINT AS h2,
                 (hash(i * 17 + 3) % 1000000007)::BIGINT AS h3,
                 ? AS countries, ? AS roles, ? AS plovers
          FROM range(?) r(i)
        ), rows AS (
          SELECT *, countries[1 + (h1 % 40)::INTEGER] AS src,
                 roles[1 + (h1 // 40 % 10)::INTEGER] AS srole,
                 countries[1 + (h2 // 7 % 40)::INTEGER] AS tgt,
                 roles[1 + (h3 // 11 % 10)::INTEGER] AS trole,
                 lpad((1 + h2 // 3 % 20)::VARCHAR, 2, '0') AS root,
                 plovers[1 + (h3 // 5 % 20)::INTEGER] AS plover,
                 (h1 // 400 % 600)::INTEGER AS place,
                 DATE '2013-01-01' + (h2 // 13 % 3650)::INTEGER AS day
          FROM base
        )
        SELECT {select} FROM rows""",
        [COUNTRIES, ROLES, PLOVER, n],
    )
    con.execute(
        "INSERT INTO articles (article_id, title, published, text, n_events)"
        " SELECT article_id, 'Synthetic ' || article_id, min(published), 'synthetic', 4"
        " FROM events WHERE article_id < 'synth-1000' GROUP BY article_id"
    )
    # The rows bypassed EventStore.upsert, so index their evidence words as an upgrade would.
    rebuild_words(con)
    con.close()
    return time.perf_counter() - started


def start_server(path: Path):
    import uvicorn

    from tidings.api import create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{port}"


def time_requests(client: httpx.Client, path: str, params: dict, repeat: int, warmup: int) -> dict:
    seconds = []
    for attempt in range(warmup + repeat):
        started = time.perf_counter()
        response = client.get(path, params=params)
        elapsed = time.perf_counter() - started
        response.raise_for_status()
        if attempt >= warmup:
            seconds.append(elapsed)
    total = response.headers.get("x-total-count") or (
        response.json().get("total") if path == "/api/events" else None
    )
    return {"params": params, "total": int(total) if total is not None else None,
            **summarize(seconds)}  # fmt: skip


def summarize(seconds: list[float]) -> dict:
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[min(len(ms) - 1, max(0, round(0.95 * len(ms)) - 1))]
    return {"n": len(ms), "p50_ms": round(statistics.median(ms), 2), "p95_ms": round(p95, 2),
            "max_ms": round(ms[-1], 2)}  # fmt: skip


def _has_text_index(path: Path) -> bool:
    with duckdb.connect(str(path), read_only=True) as con:
        return bool(con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'event_words'"
        ).fetchone()[0])  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="synthetic events (default 1M)")
    parser.add_argument("--repeat", type=int, default=40, help="timed requests per query")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--store", type=Path, help="reuse/keep the store here (built if missing)")
    parser.add_argument("--no-write", action="store_true", help="print only, do not write results/")
    parser.add_argument("--note", help="a remark stored with the run (e.g. which code or store)")
    args = parser.parse_args()

    tmp = None
    if args.store is None:
        tmp = tempfile.TemporaryDirectory()
        args.store = Path(tmp.name) / "synthetic.duckdb"
    build_seconds = None
    if not args.store.exists():
        build_seconds = round(build_store(args.store, args.n), 1)
        print(f"built {args.n:,} synthetic events in {build_seconds} s -> {args.store}")
    text_index = _has_text_index(args.store)  # before the server opens the file its own way
    server, thread, base = start_server(args.store)
    load_before = os.getloadavg()
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            stored = client.get("/api/summary").json()["events"]
            events = {}
            for name, params in QUERIES.items():
                events[name] = time_requests(client, "/api/events", params, args.repeat, args.warmup)
                print(f"/api/events {name:28s} p50 {events[name]['p50_ms']:7.1f} ms"
                      f"  p95 {events[name]['p95_ms']:7.1f} ms  total {events[name]['total']}")
            all_ms = [q["p95_ms"] for q in events.values()]
            other = {}
            for name, (path, params) in OTHER.items():
                other[name] = time_requests(client, path, params, max(5, args.repeat // 4), 1)
                print(f"{path:30s} {name:16s} p50 {other[name]['p50_ms']:7.1f} ms"
                      f"  p95 {other[name]['p95_ms']:7.1f} ms")
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    result = {
        "date": date.today().isoformat(),
        "events_in_store": stored,
        "store_bytes": args.store.stat().st_size,
        "build_seconds": build_seconds,
        "repeat": args.repeat,
        "events_endpoint": events,
        "worst_query_p95_ms": max(all_ms),
        "target_p95_ms": 100,
        "other_endpoints": other,
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(),
                    "duckdb": duckdb.__version__},  # fmt: skip
        # Other jobs share the cores: the 1-minute load average before and after the run.
        "load_average": [round(load_before[0], 2), round(os.getloadavg()[0], 2)],
        "text_index": text_index,
    }
    if args.note:
        result["note"] = args.note
    print(f"worst /api/events p95 over the query mix: {result['worst_query_p95_ms']} ms (target < 100);"
          f" load average {result['load_average']}")
    if not args.no_write:
        RESULTS.mkdir(exist_ok=True)
        out = RESULTS / f"{result['date']}-api_latency.json"
        runs = json.loads(out.read_text(encoding="utf-8"))["runs"] if out.exists() else []
        out.write_text(json.dumps({"runs": runs + [result]}, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {out}")
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
