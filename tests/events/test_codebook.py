"""The CAMEO codebook: hierarchy, QuadClass, Goldstein and PLOVER lookups, and load validation."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest

from tidings.errors import DataFileError, TidingsError
from tidings.events.codebook import (
    Codebook,
    UnknownCodeError,
    quad_class_of,
    read_code_table,
    root_of,
)
from tidings.types import Cameo, Plover


@pytest.fixture(scope="module")
def codebook() -> Codebook:
    return Codebook.load()


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the packaged tables, for breaking one of them."""
    source = resources.files("tidings") / "data" / "cameo"
    for name in ("cameo_event_codes.tsv", "goldstein.tsv", "cameo_to_plover.tsv"):
        with resources.as_file(source / name) as path:
            shutil.copy(path, tmp_path / name)
    return tmp_path


def test_packaged_codebook_lists_all_318_codes(codebook):
    assert len(codebook.codes()) == 318


def test_every_code_has_its_root_and_quad_class(codebook):
    for code in codebook.codes():
        info = codebook.info(code)
        assert info.root == root_of(code) == code[:2]
        assert info.quad_class in (1, 2, 3, 4)


def test_138_is_root_13_quad_3_goldstein_minus_7(codebook):
    assert codebook.root("138") == "13"
    assert codebook.quad_class("138") == 3
    assert codebook.goldstein("138") == -7.0


def test_cameo_builds_the_contract_type(codebook):
    assert codebook.cameo("0874") == Cameo("0874", "08", "Retreat or surrender militarily")


def test_010_and_10_are_different_codes(codebook):
    assert codebook.cameo("010").root == "01"
    assert codebook.cameo("10").root == "10"
    assert codebook.label("010") != codebook.label("10")


@pytest.mark.parametrize(
    ("code", "quad"),
    [("01", 1), ("057", 1), ("06", 2), ("0874", 2), ("09", 3), ("1384", 3), ("14", 4), ("2042", 4)],
)
def test_quad_class_follows_the_root(code, quad):
    assert quad_class_of(code) == quad


def test_plover_of_1712_is_assault(codebook):
    assert codebook.plover("1712").event_type == "ASSAULT"


def test_1951_falls_back_to_195_for_goldstein_and_plover(codebook):
    assert "1951" in codebook
    assert codebook.goldstein("1951") == codebook.goldstein("195")
    assert codebook.plover("1951") == codebook.plover("195") == Plover("ASSAULT", "heavy-weapons")


def test_roots_01_and_02_have_no_plover_type(codebook):
    assert codebook.plover("010") == Plover(None, None)
    assert codebook.plover("0214") == Plover(None, None)


def test_unknown_code_raises_a_tidings_key_error(codebook):
    with pytest.raises(UnknownCodeError) as caught:
        codebook.info("999")
    assert isinstance(caught.value, TidingsError) and isinstance(caught.value, KeyError)
    assert "999" in str(caught.value)


def test_an_integer_is_not_a_code(codebook):
    assert 10 not in codebook


def test_root_of_rejects_what_is_not_a_code():
    with pytest.raises(ValueError):
        root_of("1a")


def test_malformed_row_names_file_and_line(data_copy):
    path = data_copy / "cameo_event_codes.tsv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    fields = lines[3].split("\t")
    fields[4] = "02"  # root_code of a 01x code
    lines[3] = "\t".join(fields)
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        Codebook.load(data_copy)
    assert caught.value.line == 4 and "root_code" in caught.value.reason


def test_non_numeric_goldstein_is_rejected(data_copy):
    path = data_copy / "goldstein.tsv"
    path.write_text("code\tgoldstein\n01\tzero\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        Codebook.load(data_copy)
    assert caught.value.line == 2


def test_actor_code_tables_read_as_code_to_label():
    countries = read_code_table("cameo_country_codes.tsv")
    assert countries["AFG"] == "Afghanistan"
    assert "GOV" in read_code_table("cameo_type_codes.tsv")
