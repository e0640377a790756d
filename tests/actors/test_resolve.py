"""Actor resolution: compound phrases, proxies, appositions, metonymy, dated roles, coreference."""

from __future__ import annotations

from datetime import date

import pytest

from tidings.actors import ActorContext, ActorKB, resolve_actor
from tidings.errors import DataFileError
from tidings.nlp import build_nlp


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


@pytest.fixture(scope="module")
def nlp(kb, settings):
    return build_nlp(settings, kb.ruler_patterns())


def resolve_all(nlp, kb, text: str, when: date | None = date(2020, 6, 1)) -> dict[str, str | None]:
    """Resolve every subject/object head in order; map head text → code."""
    context = ActorContext(kb, when)
    found = {}
    for token in nlp(text):
        if token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
            actor = resolve_actor(token, context)
            found[token.text] = actor.code if actor else None
    return found


def test_title_and_demonym_make_country_and_role(nlp, kb):
    assert resolve_all(nlp, kb, "The Egyptian foreign minister met reporters.")["minister"] == "EGYGOV"


def test_plural_officials_with_country_are_government(nlp, kb):
    assert resolve_all(nlp, kb, "Turkish officials rejected the plan.")["officials"] == "TURGOV"


def test_group_of_resolves_to_its_members(nlp, kb):
    assert resolve_all(nlp, kb, "A group of Syrian rebels seized the town.")["group"] == "SYRREB"


def test_spokesman_for_a_named_group_speaks_as_the_group(nlp, kb):
    assert resolve_all(nlp, kb, "A spokesman for Hamas rejected the offer.")["spokesman"] == "PSEREB"


def test_apposition_gives_the_role(nlp, kb):
    codes = resolve_all(nlp, kb, "Ahmed Karimi, commander of the Iranian navy, visited Muscat.")
    assert codes["Karimi"] == "IRNMIL"


def test_capital_as_subject_is_the_government(nlp, kb):
    assert resolve_all(nlp, kb, "Moscow rejected the accusation.")["Moscow"] == "RUSGOV"


def test_dated_role_depends_on_the_event_date(nlp, kb):
    text = "Donald Trump criticized the deal."
    assert resolve_all(nlp, kb, text, date(2018, 5, 1))["Trump"] == "USAGOV"
    assert resolve_all(nlp, kb, text, date(2015, 5, 1))["Trump"] == "USAELI"


def test_surname_and_pronoun_corefer_to_the_earlier_person(nlp, kb):
    codes = resolve_all(nlp, kb, "Syrian General Omar Haddad arrived on Monday. Haddad said he would stay.")
    assert codes["Haddad"] == "SYRMIL" and codes["he"] == "SYRMIL"


def test_definite_description_corefers_by_role(nlp, kb):
    codes = resolve_all(nlp, kb, "Afghan police arrested a man. Later the police released him.")
    assert codes["police"] == "AFGCOP"


def test_phrase_without_actor_is_none(nlp, kb):
    assert resolve_all(nlp, kb, "Moderation is the best path.")["Moderation"] is None


def test_acronym_matches_only_in_capitals(kb):
    assert kb.named_actor("WHO") is not None and kb.named_actor("who") is None


def test_bad_roles_row_names_file_and_line(tmp_path, kb):
    for name in ("countries.tsv", "named.tsv"):
        (tmp_path / name).write_text((kb_dir() / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "roles.tsv").write_text("cue\trole\tperson\npresident\tGOV\tmaybe\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"roles.tsv:2"):
        ActorKB.load(tmp_path)


def kb_dir():
    from importlib import resources
    from pathlib import Path

    return Path(str(resources.files("tidings") / "data" / "actors"))
