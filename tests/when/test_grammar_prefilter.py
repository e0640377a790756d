"""Skipping a pattern whose required part is absent from the text changes no mention."""

from __future__ import annotations

import copy
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tidings.when.expressions import packaged_grammar

# Every kind of expression, odd whitespace and case, leads glued to words, and near misses.
SENTENCES = [
    "The talks collapsed in the  beginning of\nJanuary 2020, weeks after the vote.",
    "Troops left on Tuesday, 3 March; by late last summer few remained.",
    "Officials said two weeks ago that the mid-October deadline would hold.",
    "LAST WEEK the envoy arrived; THIS COMING Monday night he leaves, in three days.",
    "Xlast week and earlier this month, prices rose over the weekend in 2019.",
    "The 1990s, the 2019-20 season and $2020 are not years; 12/03/2020 and 2020-03-12 are dates.",
    "He spoke of 5-Jan-2021, January of last year, and the day before yesterday.",
    "No time expression at all here, only words like weekly, monthly and seasonal.",
    "Early spring, this winter, a couple of years from now, next Sept. 4.",
]
WORDS = ["last", "this", "coming", "past", "next", "the", "beginning", "of", "mid", "late", "early",
         "week", "weekend", "month", "year", "summer", "winter", "ago", "from", "now", "in", "two",
         "a", "few", "days", "May", "Sept.", "January", "Tuesday", "monday", "night", "2019", "1998",
         "3", "12/03/2020", "yesterday", "over", "earlier", "x", "-", ",", "\n", "  "]


@cache
def _grammars():
    """The packaged grammar, and a copy that scans every pattern whatever the text holds."""
    grammar = packaged_grammar()
    unfiltered = copy.copy(grammar)
    unfiltered._required = [None] * len(grammar.patterns)
    return grammar, unfiltered


def test_most_patterns_have_a_required_part():
    grammar, _ = _grammars()
    assert sum(r is not None for r in grammar._required) >= len(grammar.patterns) // 2


@pytest.mark.parametrize("text", SENTENCES)
def test_prefiltered_grammar_finds_what_the_full_scan_finds(text):
    grammar, unfiltered = _grammars()
    assert grammar.find(text) == unfiltered.find(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14), st.lists(st.sampled_from([" ", "", "\n"]), max_size=14))
def test_prefilter_never_changes_the_mentions_of_a_word_salad(words, gaps):
    grammar, unfiltered = _grammars()
    text = "".join(w + (gaps[i] if i < len(gaps) else " ") for i, w in enumerate(words))
    assert grammar.find(text) == unfiltered.find(text)

