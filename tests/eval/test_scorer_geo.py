"""Great-circle distance."""

from __future__ import annotations

import pytest

from tidings.eval.geo import haversine_km


def test_haversine_of_a_point_to_itself_is_zero():
    assert haversine_km(33.34, 44.40, 33.34, 44.40) == 0.0


def test_haversine_london_to_paris_is_about_344_km():
    assert haversine_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(343.6, abs=1.0)


def test_haversine_is_symmetric():
    assert haversine_km(10, 20, -30, 40) == pytest.approx(haversine_km(-30, 40, 10, 20))
