"""The doer's own unnamed forces are its means; the party a purpose phrase names is the target (issue 5).

Hand-made sentences, none from the gold files or the seed article.
"""

from __future__ import annotations

from tidings.events.arguments import clause_targets

from tests.actors.conftest import fallback_target, token_of


def test_unnamed_forces_of_the_doers_country_yield_to_the_named_enemy(actor_nlp, actor_kb):
    text = "Kenya deployed army reservists for a long campaign against Somalia."
    actor = fallback_target(actor_nlp, actor_kb, text, "deployed", "Kenya", "reservists")
    assert actor is not None and actor.country == "SOM"


def test_forces_named_as_anothers_stay_the_target(actor_nlp, actor_kb):
    text = "Kenya attacked Somali troops for a week."
    actor = fallback_target(actor_nlp, actor_kb, text, "attacked", "Kenya", "troops")
    assert actor is not None and actor.code == "SOMMIL"


def test_the_subject_of_a_content_clause_is_still_a_party(actor_nlp):
    doc = actor_nlp("Kenya pressed hard for Uganda to withdraw its troops.")
    names = {t.text for t in clause_targets(token_of(doc, "pressed"))}
    assert "Uganda" in names
