"""Tests for tidings.ingest.clean: length preservation (properties) and what counts as noise."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tidings.errors import DataFileError
from tidings.ingest.clean import Boilerplate, clean_text

# Text with none of the characters that can start noise (<, &, [) and only ASCII letters,
# so neither typography mapping nor a boilerplate line can touch it.
PLAIN = st.text(alphabet=string.ascii_letters + string.digits + " .,;:!?()'\"-/\n", max_size=200)
NOISE = st.sampled_from(["[ad_1]", "<b>", "</p>", '<a href="x">', "<!-- c -->", "&amp;", "&nbsp;"])


@given(st.text())
def test_length_is_preserved_for_any_text(text):
    assert len(clean_text(text)) == len(text)


@given(PLAIN)
def test_text_without_noise_is_unchanged(text):
    # Boilerplate lines are whole lines, so keep every line from being e.g. just "AD".
    text = "\n".join(f"x {line} x" for line in text.split("\n"))
    assert clean_text(text) == text


WORDS = st.text(alphabet=string.ascii_letters + " .,", max_size=80)


@given(WORDS, NOISE, WORDS)
def test_characters_around_noise_keep_their_offsets(before, noise, after):
    text = f"x {before}{noise}{after} x"
    cleaned = clean_text(text)
    start, end = len(before) + 2, len(before) + 2 + len(noise)
    assert cleaned[:start] == text[:start]
    assert cleaned[end:] == text[end:]


@given(st.text())
def test_newlines_are_never_removed(text):
    cleaned = clean_text(text)
    assert all(cleaned[i] == "\n" for i, char in enumerate(text) if char == "\n")


def test_ad_marker_becomes_spaces():
    assert clean_text("[ad_1]\nUS troops left.") == "      \nUS troops left."


def test_html_tags_become_spaces():
    assert clean_text("Iran <b>warned</b> Iraq.") == "Iran    warned     Iraq."


def test_html_entity_becomes_character_and_padding():
    assert clean_text("AT&amp;T") == "AT&    T"


def test_unknown_entity_is_left_alone():
    assert clean_text("a &bogus; b") == "a &bogus; b"


def test_curly_quotes_and_dashes_become_ascii():
    text = "\u201ccrushing\u201d \u2018no\u2019 it\u2019s \u2013 \u2014"
    assert clean_text(text) == "\"crushing\" 'no' it's - -"


def test_odd_spaces_and_controls_become_spaces():
    assert clean_text("a\u00a0b\u200bc\x07d\te") == "a b c d\te"


@pytest.mark.parametrize(
    "line",
    [
        "Sign up for Daily Newsletters",
        "Read or Share this story: https://usat.ly/2sVlTpp",
        "CLOSE A trade expert says tariffs will hurt. USA TODAY",
        "Advertisement",
        "Mandel Ngan/AFP/Getty Images",
        "Image copyright Getty Images Image caption Talks in Geneva",
    ],
)
def test_boilerplate_line_is_blanked(line):
    text = f"Troops left.\n{line}\nTalks resumed."
    assert clean_text(text) == f"Troops left.\n{' ' * len(line)}\nTalks resumed."


def test_story_line_mentioning_getty_images_is_kept():
    text = "Getty Images said the photographer was detained in Cairo."
    assert clean_text(text) == text


def test_custom_boilerplate_file_is_used(tmp_path):
    path = tmp_path / "bp.txt"
    path.write_text("# comment\nNOISE LINE\n", encoding="utf-8")
    assert clean_text("a\nNOISE LINE\nb", Boilerplate.load(path)) == "a\n          \nb"


def test_bad_boilerplate_pattern_names_its_line(tmp_path):
    path = tmp_path / "bp.txt"
    path.write_text("fine\n(unclosed\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        Boilerplate.load(path)
    assert info.value.line == 2


def test_global_flag_in_boilerplate_is_refused(tmp_path):
    path = tmp_path / "bp.txt"
    path.write_text("(?i)advert\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="scoped flag"):
        Boilerplate.load(path)


def test_boilerplate_matching_empty_line_is_refused(tmp_path):
    path = tmp_path / "bp.txt"
    path.write_text("x*\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="empty line"):
        Boilerplate.load(path)


def test_packaged_boilerplate_loads():
    assert Boilerplate.load().matches("ADVERTISEMENT")
