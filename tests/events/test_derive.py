"""Derived events: a planned act is also an intent/threat, a refused act also a rejection."""

from __future__ import annotations

import pytest

from tidings.events.codebook import Codebook
from tidings.events.derive import Derivations, derivation_kind


@pytest.fixture(scope="module")
def derivations() -> Derivations:
    return Derivations.load(Codebook.load())


def test_planned_visit_is_intent_to_meet(derivations):
    assert derivations.lookup("042", "planned") == "036"


def test_planned_attack_is_a_threat(derivations):
    # CAMEO 1384 "threaten conventional attack" mirrors 19 "use conventional military force".
    assert derivations.lookup("190", "planned") == "1384"
    assert derivations.lookup("191", "planned") == "1381"


def test_refused_release_is_a_rejection(derivations):
    assert derivations.lookup("0841", "refused") == "1243"


def test_asserted_and_plain_negated_acts_imply_nothing():
    assert derivation_kind("asserted", "") is None
    assert derivation_kind("negated", "not") is None  # "did not attack" is no refusal
    assert derivation_kind("negated", "refuse") == "refused"
    assert derivation_kind("negated", "not+will") == "refused"


def test_bad_row_names_file_and_line(tmp_path):
    from tidings.errors import DataFileError

    path = tmp_path / "derived.tsv"
    path.write_text("code\twhen\tderived\n04\tsoon\t036\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        Derivations.load(Codebook.load(), path)
    assert ":2" in str(info.value) or "2" in str(info.value)


def test_a_rejection_the_text_states_is_not_derived_again():
    from tidings import code_text

    # The negated "meet" clause has its own evidence span, so its derived rejection got its own id.
    events = code_text("The Iraqi prime minister refused to meet the Kuwaiti foreign minister in Baghdad, "
                       "saying he would only receive him in Basra.")
    rejections = [e for e in events if e.cameo.root == "12"]
    assert len(rejections) == 1
    assert any(e.modality == "negated" and e.cameo.root == "04" for e in events)  # the act itself stays
