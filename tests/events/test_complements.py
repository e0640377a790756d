"""Complement rules: "said X must return" is a demand; a bare threat or demand takes its complement's code."""

from __future__ import annotations

import pytest

from tidings.errors import DataFileError
from tidings.events.codebook import Codebook
from tidings.events.complements import ComplementRules, refine_candidates
from tidings.events.derive import Derivations, derivation_kind
from tidings.events.extract import find_event_candidates
from tidings.events.patterns import load_patterns
from tidings.events.reporting import ReportingCues


@pytest.fixture(scope="module")
def coder(plain_nlp):
    codebook = Codebook.load()
    patterns, reporting = load_patterns(codebook), ReportingCues.load()
    rules, derivations = ComplementRules.load(codebook), Derivations.load(codebook)

    def code(text: str) -> dict[str, tuple[str, str | None]]:
        doc = plain_nlp(text)
        found = find_event_candidates(doc, patterns, reporting)
        refined = refine_candidates(doc, found, rules, derivations, frozenset(reporting.verbs))
        return {doc[c.trigger].text: (c.code, None if c.target is None else doc[c.target].text) for c in refined}

    return code


def test_must_under_a_reporting_verb_is_a_demand_coded_by_the_act(coder):
    events = coder("Russia said that Sudan must return the helicopter.")
    assert events["said"] == ("1053", "Sudan")  # return of property → demand its return
    assert "return" not in events  # the act is demanded, not done


def test_has_to_is_an_obligation_too(coder):
    assert coder("Russia said Sudan has to return the helicopter.")["said"][0] == "1053"


def test_an_uncoded_obliged_act_is_a_plain_demand(coder):
    assert coder("The minister said that the rebels must go home.")["said"] == ("100", "rebels")


def test_a_reported_act_without_a_modal_stays_as_it_was(coder):
    events = coder("Russia said that Sudan returned the helicopter.")
    assert events["said"][0] == "010"
    assert events["returned"][0] == "0842"


def test_a_bare_threat_takes_the_threatened_act(coder):
    events = coder("The rebels threatened to kidnap foreign workers.")
    assert events["threatened"][0] == "1383"  # kidnapping (18x) threatened → unconventional violence
    assert events["kidnap"][0] == "181"  # the planned act itself stays


def test_a_lexically_specific_code_is_not_overridden(coder):
    # "urged … to release" already names 0253 through its own pattern.
    assert coder("The opposition urged the army to release the detainees.")["urged"][0] == "0253"


def test_demanded_and_appealed_rows_code_what_is_asked():
    derivations = Derivations.load(Codebook.load())
    assert derivations.lookup("0842", "demanded") == "1053"
    assert derivations.lookup("063", "appealed") == "0213"
    assert derivations.lookup("042", "demanded") is None  # travelling is no meeting demanded


def test_refused_intent_is_a_rejection():
    derivations = Derivations.load(Codebook.load())
    assert derivations.lookup("0333", "refused") == "1223"


def test_conditional_consequent_is_a_stated_intent():
    assert derivation_kind("conditional", "if-consequent") == "planned"
    assert derivation_kind("conditional", "if-clause") is None


def test_bad_rules_file_names_file_and_line(tmp_path):
    path = tmp_path / "complements.yaml"
    path.write_text('refine:\n  "10": wished\nobligation:\n  modals: [must]\n  have_verbs: [have]\n'
                    '  verbs: [say]\n  nouns: [need]\n  default_code: "100"\n'
                    'purpose:\n  roots: ["14"]\n  digits: []\n', encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        ComplementRules.load(Codebook.load(), path)
    assert "complements.yaml:1" in str(info.value)


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        ("The mediators may halt their mediation efforts.", "halt", "165"),  # object is "efforts"
        ("Thousands of dock workers stopped work on Monday.", "stopped", "143"),
        ("The agency will withdraw its inspectors from the country.", "withdraw", "1662"),
        ("Government troops remained on alert along the border.", "remained", "152"),
        ("Thousands of refugees sought asylum in the neighbouring country.", "sought", "1033"),
    ],
)
def test_issue_6_verb_patterns(coder, text, trigger, code):
    assert coder(text)[trigger][0] == code


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        ("The militias announced the suspension of missile strikes.", "suspension", "087"),
        ("The donors announced the suspension of aid to the province.", "suspension", "162"),
        ("US officials say the number of soldiers will drop to 2,500.", "drop", "0874"),
    ],
)
def test_theme_and_subject_conditions(coder, text, trigger, code):
    assert coder(text)[trigger][0] == code


def test_suspension_needs_a_listed_theme(coder):
    assert "suspension" not in coder("The club announced the suspension of its coach.")


def test_prices_dropping_is_no_troop_reduction(coder):
    assert "dropped" not in coder("Oil prices dropped sharply on Monday.")


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        ("Gunmen killed the provincial governor on Sunday.", "killed", "186"),
        ("The rebels killed six soldiers on Sunday.", "killed", "190"),
        ("A mob attacked the villagers with machetes.", "attacked", "180"),
    ],
)
def test_who_is_killed_and_with_what_picks_the_violence_code(coder, text, trigger, code):
    assert coder(text)[trigger][0] == code


def test_an_obligation_noun_carries_the_demand(coder):
    events = coder("The conference stressed the obligation of the donor countries to take action to lift sanctions.")
    assert events["stressed"] == ("1054", "countries")  # lifting sanctions demanded of the donors
    assert "lift" not in events


@pytest.mark.parametrize(
    ("text", "trigger", "code"),
    [
        ("Thousands of students demonstrated in the capital to demand democratic reforms.", "demonstrated", "1414"),
        ("Farmers rioted over the new tax on fuel.", "rioted", "1452"),
        ("Protesters blocked the main road to demand the resignation of the mayor.", "blocked", "1441"),
        ("Thousands of students demonstrated in the capital on Sunday.", "demonstrated", "141"),
    ],
)
def test_a_protest_is_coded_by_what_it_is_for(coder, text, trigger, code):
    assert coder(text)[trigger][0] == code
