"""Verb and noun pattern files: the packaged ones load, cover every root, and bad ones are named."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.errors import DataFileError
from tidings.events.codebook import Codebook, root_of
from tidings.events.patterns import PatternSet, VerbPattern, load_patterns


@pytest.fixture(scope="module")
def codebook() -> Codebook:
    return Codebook.load()


@pytest.fixture(scope="module")
def patterns(codebook) -> PatternSet:
    return load_patterns(codebook)


@pytest.fixture()
def empty_nouns(tmp_path: Path) -> Path:
    path = tmp_path / "nouns.yaml"
    path.write_text("[]\n", encoding="utf-8")
    return path


def load_verbs(codebook, tmp_path: Path, nouns: Path, text: str) -> PatternSet:
    path = tmp_path / "verbs.yaml"
    path.write_text(text, encoding="utf-8")
    return load_patterns(codebook, verbs_path=path, nouns_path=nouns)


def test_packaged_files_load_with_many_patterns(patterns):
    assert len(patterns.verbs) >= 400
    assert len(patterns.nouns) >= 80


def test_every_root_has_a_verb_pattern(patterns):
    roots = {root_of(p.code) for p in patterns.verbs}
    assert roots == {f"{r:02d}" for r in range(1, 21)}


def test_every_pattern_code_is_in_the_codebook(patterns, codebook):
    assert all(code in codebook for code in patterns.codes())


def test_lemmas_are_lower_case_single_words(patterns):
    for pattern in (*patterns.verbs, *patterns.nouns):
        assert pattern.lemma == pattern.lemma.lower() and " " not in pattern.lemma


def test_verbs_for_puts_more_specific_patterns_first(patterns):
    # Within one file (hand-written first, then imports) the most specific pattern comes first.
    specificity = [p.specificity for p in patterns.verbs_for("call") if p.rank == 0]
    assert specificity == sorted(specificity, reverse=True)
    hand_written = [p for p in patterns.verbs_for("call") if p.rank == 0]
    assert hand_written[0].prep == "for"


def test_threaten_to_attack_codes_1384_before_bare_130(patterns):
    codes = [(p.code, p.complement) for p in patterns.verbs_for("threaten")]
    assert ("130", ()) == codes[-1]
    assert any(code == "1384" and "attack" in comp for code, comp in codes)


def test_unknown_lemma_has_no_patterns(patterns):
    assert patterns.verbs_for("frobnicate") == []


def test_on_and_off_read_as_words_not_booleans(codebook, tmp_path, empty_nouns):
    loaded = load_verbs(
        codebook,
        tmp_path,
        empty_nouns,
        '- {lemma: call, code: "0251", particle: off}\n- {lemma: fire, code: "193", prep: on}\n',
    )
    assert loaded.verbs_for("call")[0].particle == "off"
    assert loaded.verbs_for("fire")[0].prep == "on"


def test_single_string_list_value_becomes_a_tuple(codebook, tmp_path, empty_nouns):
    loaded = load_verbs(
        codebook, tmp_path, empty_nouns, '- {lemma: sign, code: "057", object: deal}\n'
    )
    assert loaded.verbs_for("sign") == [VerbPattern("sign", "057", object=("deal",))]


def test_unquoted_code_is_rejected_with_its_line(codebook, tmp_path, empty_nouns):
    with pytest.raises(DataFileError) as caught:
        load_verbs(
            codebook,
            tmp_path,
            empty_nouns,
            '- lemma: say\n  code: "010"\n- lemma: attack\n  code: 190\n',
        )
    assert caught.value.line == 4 and "quoted" in caught.value.reason


def test_code_missing_from_codebook_names_the_line(codebook, tmp_path, empty_nouns):
    with pytest.raises(DataFileError) as caught:
        load_verbs(
            codebook,
            tmp_path,
            empty_nouns,
            '# header\n- {lemma: say, code: "010"}\n- {lemma: x, code: "999"}\n',
        )
    assert caught.value.line == 3 and "999" in caught.value.reason


def test_unknown_key_names_its_line(codebook, tmp_path, empty_nouns):
    with pytest.raises(DataFileError) as caught:
        load_verbs(codebook, tmp_path, empty_nouns, '- lemma: say\n  code: "010"\n  objekt: [x]\n')
    assert caught.value.line == 3 and "objekt" in caught.value.reason


def test_missing_code_is_rejected(codebook, tmp_path, empty_nouns):
    with pytest.raises(DataFileError) as caught:
        load_verbs(codebook, tmp_path, empty_nouns, "- {lemma: say}\n")
    assert caught.value.line == 1 and "code" in caught.value.reason


def test_list_of_mappings_is_wrong_type_for_object(codebook, tmp_path, empty_nouns):
    with pytest.raises(DataFileError) as caught:
        load_verbs(
            codebook,
            tmp_path,
            empty_nouns,
            '- lemma: sign\n  code: "057"\n  object:\n    - {a: b}\n',
        )
    assert caught.value.line == 4


def test_invalid_yaml_names_the_line(codebook, tmp_path, empty_nouns):
    with pytest.raises(DataFileError) as caught:
        load_verbs(
            codebook, tmp_path, empty_nouns, '- {lemma: say, code: "010"}\n- {lemma: [unclosed\n'
        )
    assert caught.value.line is not None and caught.value.line >= 2


def test_patterns_with_the_same_conditions_conflict(codebook, tmp_path, empty_nouns):
    with pytest.raises(DataFileError) as caught:
        load_verbs(
            codebook,
            tmp_path,
            empty_nouns,
            '- {lemma: say, code: "010"}\n- {lemma: say, code: "012"}\n',
        )
    assert caught.value.line == 2 and "line 1" in caught.value.reason


def test_noun_theme_is_source_must_be_boolean(codebook, tmp_path):
    verbs = tmp_path / "verbs.yaml"
    verbs.write_text("[]\n", encoding="utf-8")
    nouns = tmp_path / "nouns.yaml"
    nouns.write_text(
        '- {lemma: withdrawal, code: "0874", theme_is_source: maybe}\n', encoding="utf-8"
    )
    with pytest.raises(DataFileError) as caught:
        load_patterns(codebook, verbs_path=verbs, nouns_path=nouns)
    assert caught.value.line == 1 and "theme_is_source" in caught.value.reason


def test_noun_with_modifier_comes_before_bare_noun(patterns):
    strikes = patterns.nouns_for("strike")
    assert strikes[0].modifier and not strikes[-1].modifier and strikes[-1].code == "190"


def test_withdrawal_takes_its_of_object_as_source(patterns):
    assert patterns.nouns_for("withdrawal")[0].theme_is_source is True
