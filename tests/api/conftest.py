"""A real DuckDB store coded from the bundled demo articles, built once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tidings.settings import Settings

ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    from tidings.runners import run_demo

    path = tmp_path_factory.mktemp("api-store") / "demo.duckdb"
    run_demo(path, Settings())
    return path


@pytest.fixture(scope="session")
def client(demo_db):
    from fastapi.testclient import TestClient

    from tidings.api import create_app

    with TestClient(create_app(demo_db)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def all_events(client) -> list[dict]:
    """Every event row of the demo store, through the API (the demo holds well under a page)."""
    body = client.get("/api/events", params={"limit": 1000}).json()
    assert body["total"] == len(body["events"]) > 50
    return body["events"]


@pytest.fixture
def writable_copy(demo_db, tmp_path) -> Path:
    """A copy of the demo store that a test may write to."""
    copy = tmp_path / "copy.duckdb"
    shutil.copy(demo_db, copy)
    return copy


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
