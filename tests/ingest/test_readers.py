"""Tests for tidings.ingest.readers: every input kind, every kind of bad input."""

from __future__ import annotations

import gzip
import io
import json
from datetime import date
from pathlib import Path

from tidings.ingest.readers import article_from_record, read_records
from tidings.types import Article, RecordError, stable_id

TEXT = "The Iraqi prime minister met the US envoy in Baghdad on Monday."


def write_jsonl(path: Path, *lines: object) -> Path:
    rows = [line if isinstance(line, (str, bytes)) else json.dumps(line) for line in lines]
    data = b"\n".join(r if isinstance(r, bytes) else r.encode("utf-8") for r in rows) + b"\n"
    path.write_bytes(data)
    return path


def read(*inputs: Path | str, **kwargs) -> list[Article | RecordError]:
    return list(read_records([str(i) for i in inputs], **kwargs))


def test_jsonl_record_keeps_all_fields(tmp_path):
    path = write_jsonl(
        tmp_path / "in.jsonl",
        {
            "id": "a1",
            "text": TEXT,
            "title": "Talks",
            "published": "2020-12-01",
            "url": "https://example.org/a1",
            "source": "Example",
            "language": "en",
            "extra": 1,
        },
    )
    assert read(path) == [
        Article(
            id="a1",
            text=TEXT,
            published=date(2020, 12, 1),
            title="Talks",
            url="https://example.org/a1",
            source="Example",
            language="en",
        )
    ]


def test_jsonl_id_defaults_to_hash_of_text(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", {"text": TEXT})
    assert read(path)[0].id == stable_id(TEXT)


def test_jsonl_datetime_published_keeps_the_date(tmp_path):
    path = write_jsonl(
        tmp_path / "in.jsonl", {"id": "r", "text": TEXT, "published": "1987-03-02T10:15:00"}
    )
    assert read(path)[0].published == date(1987, 3, 2)


def test_published_argument_fills_records_without_a_date(tmp_path):
    path = write_jsonl(
        tmp_path / "in.jsonl",
        {"id": "a", "text": TEXT},
        {"id": "b", "text": TEXT + "!", "published": "2019-01-02"},
    )
    records = read(path, published=date(2020, 12, 1))
    assert [r.published for r in records] == [date(2020, 12, 1), date(2019, 1, 2)]


def test_gzipped_jsonl_is_read(tmp_path):
    path = tmp_path / "in.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "g", "text": TEXT}) + "\n")
    assert read(path)[0].id == "g"


def test_text_file_id_is_file_name_and_date_is_argument(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert read(path, published=date(2020, 12, 1)) == [
        Article(id="story.txt", text=TEXT, published=date(2020, 12, 1))
    ]


def test_text_file_in_cp1252_is_decoded(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("Caf\u00e9 talks \u201cended\u201d.".encode("cp1252"))
    assert read(path)[0].text == "Caf\u00e9 talks \u201cended\u201d."


def test_html_main_text_becomes_article_text(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Talks in Baghdad</title></head><body><nav>Home | World</nav>"
        f"<article><h1>Talks in Baghdad</h1><p>{TEXT}</p><p>Officials said the talks were"
        " productive and that a new round would follow next month in Washington.</p>"
        "</article><footer>Copyright 2020</footer></body></html>",
        encoding="utf-8",
    )
    [article] = read(path)
    assert article.id == "page.html"
    assert article.title == "Talks in Baghdad"
    assert TEXT in article.text and "Home | World" not in article.text


def test_directory_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zeta text.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Alpha text.", encoding="utf-8")
    write_jsonl(tmp_path / "b" / "m.jsonl", {"id": "m", "text": "Mu text."})
    (tmp_path / "notes.csv").write_text("ignored", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    assert [r.id for r in read(tmp_path)] == ["a.txt", "m", "b/z.txt"]


def test_stdin_jsonl(tmp_path):
    data = (
        json.dumps({"id": "s1", "text": TEXT})
        + "\n"
        + json.dumps({"id": "s2", "text": "Other."})
        + "\n"
    ).encode()
    assert [r.id for r in read("-", stdin=io.BytesIO(data))] == ["s1", "s2"]


def test_stdin_plain_text_is_one_article(tmp_path):
    data = f"\n{TEXT}\nSecond line.\n".encode()
    [article] = read("-", stdin=io.BytesIO(data), published=date(2020, 1, 1))
    assert article.text == f"\n{TEXT}\nSecond line.\n"
    assert article.id == stable_id(article.text)
    assert article.published == date(2020, 1, 1)


def test_stdin_error_names_stdin_line():
    data = b'{"id": "ok", "text": "Fine."}\n{broken\n'
    records = read("-", stdin=io.BytesIO(data))
    assert records[1] == RecordError(None, "<stdin>:2", records[1].reason)


def test_five_megabyte_text_passes_whole(tmp_path):
    text = ("Troops withdrew from the border. " * 160_000)[:5_000_000]
    path = write_jsonl(tmp_path / "big.jsonl", {"id": "big", "text": text})
    [article] = read(path)
    assert article.text == text


def error_for(tmp_path: Path, bad: object) -> RecordError:
    """Read a file of good / bad / good lines; the bad one's error, checking the rest survive."""
    path = write_jsonl(
        tmp_path / "in.jsonl", {"id": "first", "text": "One."}, bad, {"id": "last", "text": "Two."}
    )
    records = read(path)
    assert [r.id for r in records if isinstance(r, Article)] == ["first", "last"]
    [error] = [r for r in records if isinstance(r, RecordError)]
    assert error.location == f"{path}:2"
    return error


def test_invalid_json_line_is_an_error(tmp_path):
    assert "invalid JSON" in error_for(tmp_path, '{"id": "x", "text": ').reason


def test_non_object_json_is_an_error(tmp_path):
    assert "expected a JSON object" in error_for(tmp_path, "[1, 2]").reason


def test_missing_text_is_an_error(tmp_path):
    error = error_for(tmp_path, {"id": "x"})
    assert (error.record_id, error.reason) == ("x", "missing text")


def test_empty_text_is_an_error(tmp_path):
    assert error_for(tmp_path, {"id": "x", "text": ""}).reason == "empty text"


def test_whitespace_text_is_an_error(tmp_path):
    assert error_for(tmp_path, {"id": "x", "text": " \n\t "}).reason == "empty text"


def test_non_string_text_is_an_error(tmp_path):
    assert "text must be a string" in error_for(tmp_path, {"id": "x", "text": 42}).reason


def test_invalid_published_is_an_error(tmp_path):
    assert (
        "published is not an ISO date"
        in error_for(tmp_path, {"id": "x", "text": "T.", "published": "yesterday"}).reason
    )


def test_binary_junk_line_is_an_error(tmp_path):
    assert "binary" in error_for(tmp_path, bytes(b for b in range(256) if b != 0x0A)).reason


def test_bytes_undefined_in_cp1252_fall_back_to_latin1(tmp_path):
    # 0x81 is undefined in cp1252 and invalid alone in UTF-8: read as Latin-1, never an error.
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": "x", "text": "Caf\xe9 \x81 talks"}\n')
    assert read(path)[0].text == "Caf\u00e9 \x81 talks"


def test_mixed_utf8_and_cp1252_keeps_the_utf8_text(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes("Zełenski in Kyiv ".encode() + b"\x93quoted\x94 caf\xe9")
    assert read(path)[0].text == "Zełenski in Kyiv \u201cquoted\u201d caf\u00e9"


def test_nul_in_text_is_an_error(tmp_path):
    assert "binary" in error_for(tmp_path, {"id": "x", "text": "a\u0000b"}).reason


def test_binary_text_file_is_an_error_and_reading_goes_on(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x00\x01\x02\x03junk")
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    records = read(tmp_path)
    assert isinstance(records[0], RecordError) and records[0].location == str(tmp_path / "a.txt")
    assert records[1].id == "b.txt"


def test_truncated_gzip_is_an_error_after_its_good_records(tmp_path):
    path = tmp_path / "cut.jsonl.gz"
    lines = "".join(
        json.dumps({"id": f"r{i}", "text": f"Story {i} " * 50}) + "\n" for i in range(200)
    )
    data = gzip.compress(lines.encode())
    path.write_bytes(data[: len(data) // 2])
    records = read(path)
    assert isinstance(records[-1], RecordError)
    assert all(isinstance(r, Article) for r in records[:-1]) and records


def test_missing_path_is_an_error_and_reading_goes_on(tmp_path):
    good = write_jsonl(tmp_path / "in.jsonl", {"id": "a", "text": TEXT})
    records = read(tmp_path / "nope.jsonl", good)
    assert records[0] == RecordError(
        None, str(tmp_path / "nope.jsonl"), "no such file or directory"
    )
    assert records[1].id == "a"


def test_duplicate_id_with_different_text_is_an_error(tmp_path):
    path = write_jsonl(
        tmp_path / "in.jsonl", {"id": "d", "text": "First."}, {"id": "d", "text": "Second."}
    )
    records = read(path)
    assert records[1] == RecordError("d", f"{path}:2", "duplicate id with different text")


def test_same_record_twice_is_read_once(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", {"id": "d", "text": "Same."})
    assert [r.id for r in read(path, path)] == ["d"]


def test_blank_lines_are_skipped(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", "", {"id": "a", "text": TEXT}, "   ")
    assert [r.id for r in read(path)] == ["a"]


def test_article_from_record_builds_an_article():
    assert article_from_record({"text": TEXT, "id": 7}, "api").id == "7"


def test_control_character_flood_is_binary(tmp_path):
    path = tmp_path / "ctl.txt"
    path.write_bytes(b"\x01\x02\x03\x04\x05ab")
    assert "binary" in read(path)[0].reason


def test_utf16_text_file_with_bom_is_decoded(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("Talks resumed.".encode("utf-16"))  # encode() writes the BOM
    assert read(path)[0].text == "Talks resumed."
