"""Load test: N concurrent clients against a real `tidings serve` on loopback for S seconds.

Reports requests, errors (non-2xx or transport failures), throughput and latency percentiles.
The server runs in its own process (uvicorn, as `tidings serve` starts it); the clients are
asyncio tasks in this process, each sending its next request as soon as the last one answers.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

import httpx

RESULTS = Path(__file__).parent / "results"
# The dashboard's requests: a page of events, the aggregates, one event's detail.
PATHS = [
    "/api/events?limit=50", "/api/events?limit=50&root=19", "/api/summary",
    "/api/stats/timeline", "/api/stats/dyads", "/api/stats/places", "/api/events?q=attack",
]  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_store(folder: Path) -> Path:
    from tidings.runners import run_demo
    from tidings.settings import Settings

    db = folder / "sample.duckdb"
    run_demo(db, Settings())
    return db


def start_server(db: Path, port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "tidings.cli", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/summary", timeout=2).raise_for_status()
            return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("server did not start")


async def client_loop(client: httpx.AsyncClient, paths: list[str], stop: float, seed: int,
                      latencies: list[float], errors: Counter) -> None:  # fmt: skip
    rng = random.Random(seed)
    while time.monotonic() < stop:
        path = rng.choice(paths)
        started = time.monotonic()
        try:
            response = await client.get(path)
            if response.status_code >= 400:
                errors[f"HTTP {response.status_code}"] += 1
                continue
        except httpx.HTTPError as exc:
            errors[type(exc).__name__] += 1
            continue
        latencies.append(time.monotonic() - started)


async def load(base: str, clients: int, seconds: float) -> tuple[list[float], Counter, float]:
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        ids = (await client.get("/api/events", params={"limit": 20})).json()["events"]
        paths = PATHS + [f"/api/events/{e['event_id']}" for e in ids]
        latencies: list[float] = []
        errors: Counter = Counter()
        started = time.monotonic()
        stop = started + seconds
        await asyncio.gather(*(client_loop(client, paths, stop, i, latencies, errors) for i in range(clients)))
        return latencies, errors, time.monotonic() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--db", type=Path, help="Store to serve (default: the bundled sample, coded first).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or build_store(Path(folder))
        port = free_port()
        server = start_server(db, port)
        try:
            latencies, errors, elapsed = asyncio.run(load(f"http://127.0.0.1:{port}", args.clients, args.seconds))
        finally:
            server.terminate()
            server.wait(timeout=30)
    ok = len(latencies)
    report = {
        "date": date.today().isoformat(), "clients": args.clients, "seconds": round(elapsed, 1),
        "requests": ok + sum(errors.values()), "ok": ok, "errors": sum(errors.values()),
        "error_kinds": dict(errors), "requests_per_second": round(ok / elapsed, 1),
        "latency_ms": {name: round(1000 * percentile(latencies, q), 1)
                       for name, q in (("p50", 0.5), ("p95", 0.95), ("p99", 0.99), ("max", 1.0))},
        "machine": {"cores": os.cpu_count(), "load_average": os.getloadavg(), "python": platform.python_version()},
    }  # fmt: skip
    print(json.dumps(report, indent=1))
    RESULTS.mkdir(exist_ok=True)
    with (RESULTS / f"{report['date']}-load.json").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(report) + "\n")


if __name__ == "__main__":
    main()
