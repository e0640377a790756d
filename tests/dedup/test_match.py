"""The pair rule: what vetoes a pair and what makes it the same event."""

from __future__ import annotations

from datetime import date

from tidings.dedup import assign_clusters, cluster_id_for, pair_score, summarize
from tidings.dedup.mention import ActorKey, MentionKey


def key(mid="m1", code="190", src=("IRQMIL", "IRQ", "MIL"), tgt=("USA", "USA", None),
        day=date(2020, 1, 8), precision="day", place=("IRQ", 33.3, 44.4), outlet="a",
        article=None, quantities=(), modality="asserted") -> MentionKey:  # fmt: skip
    return MentionKey(
        mention_id=mid, article_id=article or mid, outlet=outlet, published=day, code=code,
        root=code[:2], family="violence" if code[:2] in ("18", "19", "20") else code[:2],
        source=ActorKey(*src) if src else None, target=ActorKey(*tgt) if tgt else None,
        date_start=day, date_end=day, date_precision=precision,
        place_country=place[0] if place else None, place_admin1=None,
        lat=place[1] if place else None, lon=place[2] if place else None,
        place_precision="city" if place else None, quantities=quantities, modality=modality,
        evidence_start=0,
    )  # fmt: skip


def test_same_dyad_code_day_and_place_is_the_same_event():
    assert pair_score(key("m1"), key("m2")) >= 0.9


def test_fight_and_mass_violence_reports_can_match():
    assert pair_score(key("m1", code="190"), key("m2", code="200")) >= 0.66


def test_different_countries_on_one_side_veto():
    assert pair_score(key("m1"), key("m2", tgt=("IRN", "IRN", None))) is None


def test_dates_two_days_apart_veto():
    assert pair_score(key("m1"), key("m2", day=date(2020, 1, 10))) is None


def test_places_far_apart_veto():
    assert pair_score(key("m1"), key("m2", place=("IRQ", 36.3, 43.1))) is None  # Mosul


def test_different_families_never_match():
    assert pair_score(key("m1", code="190"), key("m2", code="040")) is None


def test_fight_is_symmetric_so_a_swapped_dyad_matches():
    a = key("m1")
    b = key("m2", src=("USA", "USA", None), tgt=("IRQMIL", "IRQ", "MIL"))
    assert pair_score(a, b) >= 0.66


def test_chain_across_days_is_cut_by_the_complete_link_veto():
    days = [date(2020, 1, d) for d in (1, 2, 3)]
    keys = [key(f"m{i}", day=d) for i, d in enumerate(days)]
    assigned = assign_clusters(keys)
    assert assigned["m0"] == assigned["m1"] != assigned["m2"]


def test_new_cluster_id_is_the_hash_of_its_founder_and_input_order_does_not_matter():
    keys = [key("m1"), key("m2"), key("m3", code="040", src=None)]
    forward, backward = assign_clusters(keys), assign_clusters(keys[::-1])
    assert forward == backward
    assert forward["m1"] == forward["m2"] == cluster_id_for("m1")


def test_confidence_grows_with_independent_outlets():
    one = summarize("e", [key("m1", outlet="a"), key("m2", outlet="a")])
    two = summarize("e", [key("m1", outlet="a"), key("m2", outlet="b")])
    assert one.num_sources == 1 and two.num_sources == 2
    assert two.confidence > one.confidence
