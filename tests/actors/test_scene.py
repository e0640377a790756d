"""Country from the sentence, people nouns, collective agent nouns: hand-made sentences, none from gold."""

from __future__ import annotations

from tidings.actors import ActorContext, resolve_target
from tidings.actors.petrarch import agent_is_person

from tests.actors.conftest import head_of


def test_role_without_country_takes_the_country_the_sentence_names(resolve):
    actor = resolve("Parliament voted on Tuesday to reject the Peruvian budget.", "Parliament")
    assert actor.code == "PERLEG"


def test_the_country_named_most_often_wins(resolve):
    text = "Police detained two Ghanaian students and a Togolese trader near the Ghanaian border."
    assert resolve(text, "Police").code == "GHACOP"


def test_a_transnational_role_gets_no_country_from_the_sentence(resolve):
    actor = resolve("An aid agency delivered food to Somali villages on Monday.", "An aid agency")
    assert actor is not None and actor.country is None


def test_a_sentence_without_a_country_leaves_the_role_alone(resolve):
    actor = resolve("The judge adjourned the trial until next week.", "The judge")
    assert actor.code == "JUD"


def test_civilians_belong_to_the_place_of_the_act_not_the_attackers(resolve):
    text = "Malian gunmen from Mali killed 12 people in a market in Niger on Friday."
    assert resolve(text, "12 people").code == "NERCVL"


def test_prisoners_and_elders_are_role_nouns(resolve):
    assert resolve("Hundreds of prisoners rioted in a jail in Ecuador.", "Hundreds of prisoners").code == "ECUCRM"
    assert resolve("Tribal elders in Afghanistan met the governor.", "Tribal elders").code == "AFGELI"


def test_serb_is_a_demonym(resolve):
    assert resolve("Serb police closed the road on Monday.", "Serb police").code == "SRBCOP"


def test_described_plural_nationality_is_civilians(resolve):
    assert resolve("Young Peruvians marched through the capital.", "Young Peruvians").code == "PERCVL"


def test_counted_ethnic_group_with_a_country_is_civilians(resolve):
    assert resolve("Some 3,000 Syrian Kurds crossed into Turkey.", "Some 3,000 Syrian Kurds").code == "SYRCVL"


def test_named_organisation_on_an_unlisted_noun_speaks_as_it(resolve):
    actor = resolve("The Mercosur summit agreed to cut tariffs.", "The Mercosur summit")
    assert actor.code == "IGOSAM"


def test_it_refers_to_the_whole_interim_government_not_its_possessor(resolve):
    actors = resolve.all("Peru's interim government said it would hold elections in May.",
                         ["Peru's interim government", "it"])
    assert [a.code for a in actors] == ["PERGOV", "PERGOV"]


def test_collective_agent_nouns_are_not_people():
    assert not agent_is_person("interim government")
    assert not agent_is_person("election committee")
    assert not agent_is_person("prisons department")
    assert agent_is_person("deputy minister")
    assert agent_is_person("student")


def test_a_thing_done_by_someone_targets_the_doer(actor_nlp, actor_kb):
    doc = actor_nlp("Kenyan police broke up the march organised by Ugandan traders on Monday.")
    actor = resolve_target(head_of(doc, "march"), ActorContext(actor_kb, None))
    assert actor is not None and actor.code == "UGABUS"


def test_an_ethnic_demonym_names_a_people_not_a_state(resolve):
    assert resolve("Ethnic Hungarians in Romania protested on Sunday.", "Ethnic Hungarians").code == "ROUCVL"
    assert resolve("Some 2,000 Hungarians protested on Sunday.", "Some 2,000 Hungarians").code == "HUNCVL"

