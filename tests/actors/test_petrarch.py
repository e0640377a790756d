"""Reading PETRARCH actor/agent dictionaries and importing them into a KB (hand-made dictionaries)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tidings.actors import ActorKB
from tidings.actors.imported import import_dictionary
from tidings.actors.petrarch import (parse_code_restriction, petrarch_date, phrase_text, read_actor_dictionary,
                                     read_agent_dictionary)
from tidings.actors.tables import Period
from tidings.errors import DataFileError

ACTORS = """\
# a comment line
<!-- a one-line XML comment -->
<!--
# a block comment PETRARCH skips
-->
FREEDONIA_  [USA]  # trailing comment
+FREEDONIAN_
RUFUS_T._FIREFLY_  # CountryInfo.txt
+PRESIDENT_FIREFLY
\t[USAELI]
\t[USAGOV 330101-341231]
\t[USAGOV >20200120]
FIRST_NAME_
SECOND_NAME_
\t[GBRMIL]
BAD_DATE_PERSON_
\t[IRQGOV 9001011-910101]
\t[IRQELI]
NOBODY_ [---]
"""

AGENTS = """\
!PERSON! = MAN, WOMAN
TRADES!PERSON! [~LAB]
MILITIA [~REB]
POLICE {} [~COP]
PARTY_CADRE {PARTY_CADRES} [~GOV]
COUNTRY_WORKER [~XXX]
"""


@pytest.fixture
def actor_file(tmp_path: Path) -> Path:
    path = tmp_path / "Test.actors.txt"
    path.write_text(ACTORS, encoding="utf-8")
    return path


@pytest.fixture
def agent_file(tmp_path: Path) -> Path:
    path = tmp_path / "Test.agents.txt"
    path.write_text(AGENTS, encoding="utf-8")
    return path


def test_six_digit_years_up_to_30_are_this_century():
    assert petrarch_date("090120") == date(2009, 1, 20)
    assert petrarch_date("510724") == date(1951, 7, 24)


def test_eight_digit_dates_are_read_whole():
    assert petrarch_date("19411207") == date(1941, 12, 7)


@given(st.dates(min_value=date(1931, 1, 1), max_value=date(2030, 12, 31)))
def test_six_digit_dates_round_trip(day):
    assert petrarch_date(day.strftime("%y%m%d")) == day


def test_after_restriction_opens_a_period_on_that_day():
    assert parse_code_restriction("USAGOV >20170120") == ("USAGOV", Period("USAGOV", date(2017, 1, 20), None))


def test_before_restriction_ends_the_period_on_that_day():
    assert parse_code_restriction("USAGOV <20170120") == ("USAGOV", Period("USAGOV", None, date(2017, 1, 20)))


def test_range_restriction_includes_its_last_day():
    code, period = parse_code_restriction("USAGOV 20090120-20170119")
    assert period.covers(date(2017, 1, 19)) and not period.covers(date(2017, 1, 20))


def test_undated_code_is_the_default():
    assert parse_code_restriction("USAELI") == ("USAELI", None)


def test_phrase_text_recases_names_and_keeps_acronyms():
    assert phrase_text("US_PRESIDENT_BARACK_OBAMA_") == "US President Barack Obama"
    assert phrase_text("THE_UNITED_NATIONS_") == "The United Nations"
    assert phrase_text("NATO") == "NATO"


def test_synonyms_join_their_entry(actor_file):
    entries, _ = read_actor_dictionary(actor_file)
    assert entries[0].names == ("Freedonia", "Freedonian") and entries[0].code == "USA"


def test_indented_codes_give_default_and_dated_codes(actor_file):
    firefly = read_actor_dictionary(actor_file)[0][1]
    assert firefly.code == "USAELI" and firefly.person
    assert [p.code for p in firefly.periods] == ["USAGOV", "USAGOV"]
    assert firefly.periods[1] == Period("USAGOV", date(2020, 1, 20), None)


def test_primary_phrases_without_codes_share_the_codes_that_follow(actor_file):
    shared = read_actor_dictionary(actor_file)[0][2]
    assert shared.names == ("First Name", "Second Name") and shared.code == "GBRMIL"


def test_bad_date_is_reported_with_its_line_and_the_entry_kept(actor_file):
    entries, problems = read_actor_dictionary(actor_file)
    assert [p.line for p in problems] == [ACTORS.splitlines().index("\t[IRQGOV 9001011-910101]") + 1]
    assert any(e.names == ("Bad Date Person",) and e.code == "IRQELI" for e in entries)


def test_agents_get_regular_plurals_markers_and_braces(agent_file):
    entries, problems = read_agent_dictionary(agent_file)
    phrases = {e.phrase: e.code for e in entries}
    assert phrases["militias"] == "REB" and phrases["tradesman"] == "LAB" and phrases["tradeswoman"] == "LAB"
    assert "polices" not in phrases and phrases["party cadres"] == "GOV"
    assert all(e.suffix for e in entries)


def test_import_writes_tables_the_kb_loads(actor_file, agent_file, tmp_path, actor_kb):
    kb_dir = tmp_path / "kb"
    report = import_dictionary(actor_file, kb_dir, actor_kb.country_codes, actor_kb.type_codes)
    agents = import_dictionary(agent_file, kb_dir, actor_kb.country_codes, actor_kb.type_codes)
    assert report.kind == "actors" and agents.kind == "agents"
    assert any("XXX" in p.reason for p in agents.problems)  # not a CAMEO type: skipped, reported
    kb = ActorKB.load(extra_dirs=[kb_dir])
    assert kb.country_of("Freedonia") == "USA"
    firefly = kb.named_actor("President Firefly", date(2021, 5, 1))
    assert firefly is not None and firefly.code_on(date(2021, 5, 1)) == "USAGOV"
    assert firefly.code_on(date(2019, 5, 1)) == "USAELI"
    assert "Test.actors.txt" in firefly.source and not firefly.curated
    assert kb.role_cue("tradesman").role == "LAB"


def test_imported_name_never_overrides_a_curated_one(tmp_path, actor_kb):
    path = tmp_path / "Stale.actors.txt"
    path.write_text("DONALD_TRUMP_\n\t[USAGOV >20170120]\n", encoding="utf-8")
    kb_dir = tmp_path / "kb"
    import_dictionary(path, kb_dir, actor_kb.country_codes, actor_kb.type_codes)
    kb = ActorKB.load(extra_dirs=[kb_dir])
    assert kb.named_actor("Donald Trump", date(2022, 1, 1)).code_on(date(2022, 1, 1)) == "USAELI"


def test_bad_row_in_an_imported_table_names_file_and_line(tmp_path, actor_file, actor_kb):
    kb_dir = tmp_path / "kb"
    report = import_dictionary(actor_file, kb_dir, actor_kb.country_codes, actor_kb.type_codes)
    lines = report.table.read_text(encoding="utf-8").splitlines()
    lines[4] = lines[4].replace("\tUSA", "\tQQQ", 1)
    report.table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        ActorKB.load(extra_dirs=[kb_dir])
    assert str(error.value).startswith(f"{report.table}:5:")


def test_packaged_phoenix_dictionaries_are_loaded(actor_kb):
    assert actor_kb.country_of("Kandahar") == "AFG"  # a Phoenix place name, not in the curated tables
    preval = actor_kb.named_actor("Rene Preval", date(1997, 1, 1))
    assert preval is not None and preval.code_on(date(1997, 1, 1)) == "HTIGOV"
