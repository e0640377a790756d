"""Document coreference through ActorContext: later mentions take earlier mentions' codes."""

from __future__ import annotations

from datetime import date

from tidings.actors import ActorContext, resolve_actor


def test_surname_refers_to_the_earlier_full_name(resolve):
    text = "Syrian General Omar Haddad arrived on Monday. Haddad said the army was ready."
    actor = resolve(text, "Haddad", occurrence=1)
    assert (actor.code, actor.name, actor.text) == ("SYRMIL", "Omar Haddad", "Haddad")


def test_surname_of_a_kb_person_repeats_the_earlier_mention(resolve):
    text = "President Trump spoke on Monday. Trump said talks would go on."
    assert resolve(text, "Trump", when=None, occurrence=1).code == "USAGOV"


def test_definite_title_refers_to_the_latest_holder_of_that_title(resolve):
    text = ("Lebanese Prime Minister Saad Hariri met President Michel Aoun. "
            "The prime minister later left for Paris.")
    actor = resolve(text, "The prime minister")
    assert (actor.code, actor.name) == ("LBNGOV", "Saad Hariri")


def test_kb_title_lets_a_title_refer_to_a_named_leader(resolve):
    text = "Donald Trump met Angela Merkel in Berlin. The chancellor praised the visit."
    actor = resolve(text, "The chancellor", date(2018, 6, 1))
    assert (actor.code, actor.name) == ("DEUGOV", "Angela Merkel")


def test_pronoun_refers_to_the_latest_person_preferring_the_subject(resolve):
    text = "Trump met Putin in Helsinki, and he said the talks went well."
    actor = resolve(text, "he", date(2018, 7, 16))
    assert (actor.code, actor.name) == ("USAGOV", "Donald Trump")


def test_pronoun_keeps_its_own_span(resolve):
    text = "Ismail Qaani visited Baghdad. He met militia leaders."
    actor = resolve(text, "He")
    assert (actor.text, actor.start, actor.code) == ("He", text.index("He met"), "IRNMIL")


def test_plain_person_noun_is_what_a_later_pronoun_means(resolve):
    text = "Qaani visited Baghdad. Later police arrested a man and released him."
    assert resolve(text, "him") is None


def test_the_newspaper_refers_to_the_latest_outlet(resolve):
    text = "The New York Times quoted officials. The newspaper said talks had failed."
    actor = resolve(text, "The newspaper")
    assert (actor.code, actor.name) == ("USAMED", "The New York Times")


def test_the_militias_refer_to_the_latest_rebel_actor(resolve):
    text = "Fighters from Kataib Hezbollah attacked the base. The militias later withdrew."
    assert resolve(text, "The militias").code == "IRQREB"


def test_the_group_refers_to_the_latest_named_organisation(resolve):
    text = "Hamas rejected the proposal. The group said it wanted guarantees."
    assert resolve(text, "The group").code == "PSEREBHMS"


def test_its_refers_to_the_latest_group_actor(resolve):
    text = "Washington said it was reducing its forces in Iraq."
    assert resolve(text, "its forces").code == "USAMIL"


def test_codes_do_not_depend_on_the_order_of_calls(actor_nlp, actor_kb, resolve):
    text = "Syrian General Omar Haddad arrived. He met Russian officers."
    doc = actor_nlp(text)
    context = ActorContext(actor_kb, date(2019, 6, 1))
    later_first = resolve_actor(resolve.head_of(doc, "He"), context)
    assert later_first.code == "SYRMIL"


def test_context_forgets_the_previous_document(actor_nlp, actor_kb, resolve):
    context = ActorContext(actor_kb, date(2019, 6, 1))
    first = actor_nlp("Syrian General Omar Haddad arrived.")
    resolve_actor(resolve.head_of(first, "Haddad"), context)
    second = actor_nlp("Haddad said the talks failed.")
    assert resolve_actor(resolve.head_of(second, "Haddad"), context) is None


def test_subject_it_refers_to_the_country_that_said_so(resolve):
    actors = resolve.all("Norway said on Monday it had suspended aid to Mali.", ["Norway", "it"])
    assert actors[1].code == "NOR" and actors[1].text == "it"


def test_expletive_it_is_no_actor(resolve):
    assert resolve("Norway said it is likely that talks resume.", "it") is None


def test_they_refers_to_the_group_of_the_previous_sentence(resolve):
    text = "Kenyan farmers blocked the road. They demanded lower taxes."
    assert resolve(text, "They").code == "KENAGR"
