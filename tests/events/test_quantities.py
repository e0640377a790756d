"""Casualty, arrest and troop counts found in hand-made sentences."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tidings.events.quantities import find_quantities, number_value
from tidings.types import Quantity


@pytest.fixture(scope="module")
def quantities(plain_nlp):
    def run(text: str) -> tuple[Quantity, ...]:
        return find_quantities(plain_nlp(text)[:])

    return run


def test_killing_and_wounding_objects(quantities):
    assert quantities("Jets struck the town, killing 12 people and wounding 30.") == (
        Quantity("killed", 12, "12"),
        Quantity("wounded", 30, "30"),
    )


def test_passive_subject_with_number_word(quantities):
    assert quantities("Twenty-five people were killed.") == (Quantity("killed", 25, "Twenty-five"),)


def test_at_least_three_dead(quantities):
    assert quantities("At least three were dead after the attack.") == (
        Quantity("killed", 3, "three"),
    )


def test_commas_in_troop_numbers(quantities):
    assert quantities("Russia deployed 100,000 troops near the border.") == (
        Quantity("troops", 100000, "100,000"),
    )


def test_troop_reduction_keeps_the_final_number(quantities):
    assert quantities("The US will cut troops from 3,000 to 2,500.") == (
        Quantity("troops", 2500, "2,500"),
    )


def test_arrests_counted(quantities):
    assert quantities("Police arrested 40 protesters.") == (Quantity("arrested", 40, "40"),)


def test_killed_soldiers_count_as_killed_not_troops(quantities):
    assert quantities("Gunmen killed 3 soldiers.") == (Quantity("killed", 3, "3"),)


def test_active_subject_of_kill_is_not_a_casualty(quantities):
    assert quantities("Five militants killed two policemen.") == (Quantity("killed", 2, "two"),)


def test_dozens_is_too_vague_to_count(quantities):
    assert quantities("The blast left dozens dead.") == ()


def test_death_toll_rising_to_a_number(quantities):
    assert quantities("The death toll rose to 45.") == (Quantity("killed", 45, "45"),)


def test_subset_after_including_is_not_counted_again(quantities):
    assert quantities("The strike killed six, including four children.") == (
        Quantity("killed", 6, "six"),
    )


def test_money_and_years_are_not_counts(quantities):
    assert quantities(
        "The bombing wounded 30 people, officials said in 2021, and $5 million was sent."
    ) == (Quantity("wounded", 30, "30"),)


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["3,000"], 3000),
        (["two", "hundred", "and", "fifty"], 250),
        (["1.5", "million"], 1500000),
        (["a", "dozen"], 12),
        (["twenty-five"], 25),
        (["dozens"], None),
        (["2.5"], 2.5),
    ],
)
def test_number_value(words, value):
    assert number_value(words) == value


@given(st.integers(min_value=0, max_value=10**9))
def test_number_value_reads_digits_with_and_without_commas(n):
    assert number_value([f"{n:,}"]) == n
    assert number_value([str(n)]) == n


def test_two_counts_joined_by_and_stay_apart(quantities):
    assert quantities("The attack killed 12 and wounded 30.") == (
        Quantity("killed", 12, "12"),
        Quantity("wounded", 30, "30"),
    )


def test_two_hundred_and_fifty_is_one_number(quantities):
    assert quantities("Two hundred and fifty people were arrested.") == (
        Quantity("arrested", 250, "Two hundred and fifty"),
    )
