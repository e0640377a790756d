"""The actor KB's tables: what they contain, how lookups behave, and how bad rows are reported."""

from __future__ import annotations

import shutil
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from tidings.actors import ActorKB
from tidings.errors import DataFileError

PACKAGED = Path(str(resources.files("tidings") / "data" / "actors"))
CAMEO_COUNTRIES = Path(str(resources.files("tidings") / "data" / "cameo" / "cameo_country_codes.tsv"))


# CAMEO 1.1b3 codes the KB writes as Phoenix and the PLOVER gold do (ISO 3166).
WRITTEN_AS = {"ROM": "ROU", "MTN": "MNE"}


def test_every_cameo_country_code_has_a_row(actor_kb):
    codes = {line.split("\t")[0] for line in CAMEO_COUNTRIES.read_text(encoding="utf-8").splitlines()[1:]}
    assert {WRITTEN_AS.get(c, c) for c in codes} <= actor_kb.country_codes


def test_romania_is_written_with_its_iso_code(actor_kb):
    assert actor_kb.country_of("Romania") == "ROU"


@pytest.mark.parametrize("text", ["Iraq", "Iraqi", "Iraqis", "Baghdad"])
def test_country_of_reads_names_demonyms_and_capitals(actor_kb, text):
    assert actor_kb.country_of(text) == "IRQ"


@pytest.mark.parametrize("text, code", [("the Kremlin", "RUS"), ("the White House", "USA"),
                                        ("Downing Street", "GBR"), ("Beijing", "CHN"), ("Tehran", "IRN")])
def test_country_of_reads_seats_of_government(actor_kb, text, code):
    assert actor_kb.country_of(text) == code


@pytest.mark.parametrize("text, code", [("US", "USA"), ("U.S.", "USA"), ("United States", "USA"),
                                        ("America", "USA"), ("Britain", "GBR"), ("UK", "GBR"),
                                        ("American", "USA"), ("Iranian", "IRN")])
def test_country_of_reads_alternate_names(actor_kb, text, code):
    assert actor_kb.country_of(text) == code


def test_name_written_in_capitals_matches_only_in_capitals(actor_kb):
    assert actor_kb.country_of("us") is None
    assert actor_kb.named_actor("who") is None and actor_kb.named_actor("WHO") is not None


def test_lower_case_common_word_is_no_name(actor_kb):
    assert actor_kb.named_actor("trump") is None and actor_kb.country_of("turkey") is None


def test_shared_surname_means_the_one_in_office(actor_kb):
    assert actor_kb.named_actor("Bush", date(1990, 6, 1)).name == "George H. W. Bush"
    assert actor_kb.named_actor("Bush", date(2005, 6, 1)).name == "George W. Bush"


def test_code_on_a_date_inside_a_period_is_the_periods_code(actor_kb):
    assert actor_kb.named_actor("Donald Trump").code_on(date(2018, 5, 1)) == "USAGOV"


def test_code_on_a_date_outside_every_period_is_the_fallback(actor_kb):
    assert actor_kb.named_actor("Donald Trump").code_on(date(2015, 5, 1)) == "USAELI"


@pytest.mark.parametrize("code, parts", [("IRQREB", ("IRQ", "REB")), ("IGOUNO", (None, "IGO")),
                                         ("MED", (None, "MED")), ("USA", ("USA", None)),
                                         ("PSEREBHMS", ("PSE", "REB"))])
def test_split_code_gives_country_and_role(actor_kb, code, parts):
    assert actor_kb.split_code(code) == parts


def test_role_cue_matches_a_lemma(actor_kb):
    assert actor_kb.role_cue("officials", "official").role == "GOV"


def test_ruler_patterns_label_people_groups_and_multiword_countries(actor_kb):
    patterns = {(p["label"], p["pattern"]) for p in actor_kb.ruler_patterns()}
    assert {("PERSON", "Ismail Qaani"), ("ORG", "Kataib Hezbollah"), ("ORG", "NATO"),
            ("GPE", "Saudi Arabia"), ("NORP", "North Korean")} <= patterns


def test_seed_article_actors_have_codes(actor_kb):
    expected = {"Donald Trump": "USAELI", "Mustafa Al-Kazemi": "IRQELI", "Ismail Qaani": "IRNMIL",
                "Qassem Soleimani": "IRNMIL", "Kataib Hezbollah": "IRQREB", "Washington Post": "USAMED",
                "Reuters": "MED", "UN": "IGOUNO", "IAEA": "IGOUNOIAE", "Hezbollah": "LBNREBHEZ"}
    assert {name: actor_kb.named_actor(name).code for name in expected} == expected


# -- validation -------------------------------------------------------------------------------


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the packaged tables, for corrupting one row."""
    folder = tmp_path / "actors"
    shutil.copytree(PACKAGED, folder)
    return folder


def append(path: Path, row: str) -> int:
    """Append a row; return its line number."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text + row + "\n", encoding="utf-8")
    return text.count("\n") + 1


def test_copied_tables_load(data_copy):
    assert ActorKB.load(data_copy).named_actor("Hamas") is not None


def test_role_that_is_no_cameo_type_names_file_and_line(data_copy):
    line = append(data_copy / "roles.tsv", "warlord\tWAR\tperson\tno")
    with pytest.raises(DataFileError, match=rf"roles.tsv:{line}: role 'WAR'"):
        ActorKB.load(data_copy)


def test_bad_period_names_file_and_line(data_copy):
    line = append(data_copy / "people.tsv", "Jane Doe\t\tperson\tUSAELI\tUSAGOV@2020-13-01..\t")
    with pytest.raises(DataFileError, match=rf"people.tsv:{line}: bad date"):
        ActorKB.load(data_copy)


def test_bad_actor_code_names_file_and_line(data_copy):
    line = append(data_copy / "organisations.tsv", "Daily Planet\t\torg\tMetropolis\t\t")
    with pytest.raises(DataFileError, match=rf"organisations.tsv:{line}: bad actor code"):
        ActorKB.load(data_copy)


def test_missing_column_names_file_and_line(data_copy):
    line = append(data_copy / "countries.tsv", "XYZ\tcountry\tXyzland")
    with pytest.raises(DataFileError, match=rf"countries.tsv:{line}: expected 5 tab-separated columns"):
        ActorKB.load(data_copy)


def test_spellings_of_an_unknown_actor_name_file_and_line(data_copy):
    line = append(data_copy / "phoenix_aliases.tsv", "Nobody Known\tN. Known")
    with pytest.raises(DataFileError, match=rf"phoenix_aliases.tsv:{line}: no named actor"):
        ActorKB.load(data_copy)


@pytest.mark.parametrize("text", ["Northern Ireland", "Scotland", "Welsh"])
def test_the_uks_nations_are_the_uk(actor_kb, text):
    assert actor_kb.country_of(text) == "GBR"
