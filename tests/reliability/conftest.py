"""A real store coded from the bundled sample, built once per session, and an API client on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.settings import Settings


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    from tidings.runners import run_demo

    path = tmp_path_factory.mktemp("reliability-store") / "sample.duckdb"
    run_demo(path, Settings())
    return path


@pytest.fixture(scope="session")
def client(sample_db):
    from fastapi.testclient import TestClient

    from tidings.api import create_app

    with TestClient(create_app(sample_db), raise_server_exceptions=False) as test_client:
        yield test_client
