"""A server keeps answering while another process writes the same store (no lock errors shown)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

# Another process opens the store writable, as `tidings code --db` does for each batch, and holds
# it a while each time (a slow batch write), six times over.
WRITER = """
import sys, time
from tidings.store import EventStore
for _ in range(6):
    with EventStore.open(sys.argv[1]) as store:
        store._con.execute("UPDATE tidings_meta SET value = value")
        time.sleep(0.4)
    time.sleep(0.3)
print("writer done")
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(sample_db, tmp_path):
    db = tmp_path / "served.duckdb"
    shutil.copy(sample_db, db)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "tidings.cli", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            httpx.get(base + "/api/summary", timeout=2)
            break
        except httpx.TransportError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("server did not start: " + process.stderr.read().decode()[-2000:])
    yield db, port, base
    process.terminate()
    process.wait(timeout=30)


def listening_addresses(port: int) -> set[str]:
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def test_server_listens_on_loopback_only_by_default(server):
    _, port, _ = server
    assert listening_addresses(port) == {"0100007F"}  # 127.0.0.1


def test_reads_go_on_while_another_process_writes_the_store(server):
    db, _, base = server
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)  # fmt: skip
    statuses: list[int] = []
    with httpx.Client(base_url=base, timeout=30) as client:
        while writer.poll() is None:
            response = client.get("/api/events", params={"limit": 5})
            statuses.append(response.status_code)
            assert "lock" not in response.text.lower(), response.text
    out, err = writer.communicate()
    assert writer.returncode == 0 and "writer done" in out, err[-2000:]
    assert len(statuses) > 5 and set(statuses) == {200}
