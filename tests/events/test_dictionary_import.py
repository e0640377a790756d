"""PETRARCH verb dictionary import: blocks, phrasal verbs, synsets and prepositions become patterns."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.errors import DataFileError
from tidings.events.codebook import Codebook
from tidings.events.dictionary_import import convert_dictionary, import_dictionary
from tidings.events.patterns import load_patterns

SAMPLE = """\
####### SYNONYM SETS #######

&WEAPON
+MISSILE
+ROCKET_

####### VERB PATTERNS #######

---  VISIT   [042:043]  ---
VISIT
TOUR
- * (FOR TALKS)                                       [046:046]     # VISIT
- INSPECTOR *                                         [090]         # VISIT

---  CANCEL   [---]  ---
+CALL_OFF [160]
HALT
- * &WEAPON                                           [---]         # HALT
- * AID                                               [1621]        # HALT
- * CRITICISM                                         [:111]        # HALT

---  MEET   [040]  ---
+MEET_WITH {+MET_WITH}
- * {SHARP REBUKE}                                    [111]         # MEET
"""


@pytest.fixture(scope="module")
def codebook() -> Codebook:
    return Codebook.load()


@pytest.fixture(scope="module")
def converted(codebook):
    return convert_dictionary(SAMPLE, codebook)


def find(patterns, **want):
    return [p for p in patterns if all(getattr(p, k) == v for k, v in want.items())]


def test_block_verb_gets_the_block_code(converted):
    patterns, _ = converted
    assert find(patterns, lemma="visit", code="042", complement=())


def test_unattested_synonym_gets_no_bare_pattern(converted):
    patterns, summary = converted
    assert not find(patterns, lemma="tour", complement=())
    assert summary.dropped["unattested synonym without conditions"] == 1


def test_prepositional_pattern_keeps_preposition_and_noun(converted):
    patterns, _ = converted
    assert find(patterns, lemma="visit", code="046", prep="for", complement=("talks", "talk"))


def test_subject_side_patterns_are_dropped(converted):
    patterns, summary = converted
    assert not find(patterns, code="090")
    assert summary.dropped["words before the verb"] == 1


def test_phrasal_verb_becomes_particle_or_preposition(converted):
    patterns, _ = converted
    assert find(patterns, lemma="call", particle="off", code="160")
    assert find(patterns, lemma="meet", prep="with", code="040")


def test_no_event_and_reversed_codes_are_dropped(converted):
    patterns, summary = converted
    assert not find(patterns, lemma="halt", complement=("missile",))
    assert summary.dropped["no-event code [---]"] == 1
    assert summary.dropped["reversed-direction code"] == 1


def test_object_noun_becomes_a_complement(converted):
    patterns, _ = converted
    assert find(patterns, lemma="halt", code="1621", complement=("aid",))
    assert find(patterns, lemma="meet", code="111", complement=("rebuke",))


def test_written_file_loads_and_ranks_below_hand_written(codebook, tmp_path: Path):
    source = tmp_path / "dict.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "imported.yaml"
    import_dictionary(source, out, codebook)
    verbs = tmp_path / "verbs.yaml"
    verbs.write_text('- {lemma: visit, code: "043"}\n', encoding="utf-8")
    nouns = tmp_path / "nouns.yaml"
    nouns.write_text("[]\n", encoding="utf-8")
    patterns = load_patterns(codebook, verbs_path=verbs, nouns_path=nouns, imported_paths=[out])
    assert [p.code for p in patterns.verbs_for("visit")][:1] == ["043"]  # hand-written first
    assert {p.code for p in patterns.verbs_for("visit")} == {"043", "042", "046"}
    assert "Open Event Data" in out.read_text(encoding="utf-8")


def test_file_without_verb_section_is_refused(codebook):
    with pytest.raises(DataFileError):
        convert_dictionary("&SYN\n+A\n", codebook)


def test_packaged_import_is_loaded(codebook):
    patterns = load_patterns(codebook)
    assert any(p.rank == 1 for p in patterns.verbs)
    assert len(patterns.verbs) > 5000
