"""Write the hostile-input corpus in fuzz/ (run by hand; the files are committed as data).

Each file is one kind of input scraped text arrives as; fuzz/expected.tsv says what tidings
must make of each record: an article, or a per-record error whose reason contains a phrase.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

HERE = Path(__file__).parent / "fuzz"
STORY = "Iraqi militias attacked the US embassy in Baghdad on Tuesday, officials said."


def main() -> None:
    HERE.mkdir(exist_ok=True)
    files: dict[str, bytes] = {
        "empty.txt": b"",
        "whitespace.txt": b" \t\r\n\n   \n",
        "binary.txt": bytes(range(256)) * 8,
        "png_header.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64),
        "latin1.txt": "Le pr\u00e9sident fran\u00e7ais a rencontr\u00e9 les minist\u00e8res \u00e0 Bagdad.".encode("cp1252"),
        # UTF-8 with one stray cp1252 byte: the whole file falls back to cp1252 (documented).
        "mixed_encoding.txt": f"{STORY} Caf\u00e9 ".encode() + b"\x93quoted\x94 " + "\u00fcber".encode(),
        "invalid_utf8.txt": b"The minister \xff\xfe\xfd said \xc3\x28 nothing \x81\x8d\x8f\x90\x9d.",
        "utf16.txt": STORY.encode("utf-16"),
        "bom_utf8.txt": b"\xef\xbb\xbf" + STORY.encode(),
        "page.html": (
            "<html><head><title>Attack</title><script>var x='<p>'; alert(1)</script></head><body>"
            f"<nav>Home | World</nav><article><h1>Attack</h1><p>{STORY}</p>"
            "<p>The US condemned the attack &amp; vowed to respond.</p></article>"
            "<footer>Subscribe to our newsletter</footer></body></html>"
        ).encode(),
        "empty_page.html": b"<html><body><script>alert(1)</script></body></html>",
        "not_html.html": bytes(range(1, 9)) * 100,
        "notes.pdf": b"%PDF-1.4 not a supported file type",
        "long_sentence.txt": (("the minister met the delegation and " * 600) + "left").encode(),
        "nested_quotes.txt": (
            "The spokesman said " + "\"he said 'she said \u201c" * 200 + "Iran attacked Iraq"
            + "\u201d' \"" * 200 + " on Monday."
        ).encode(),
        "html_in_text.txt": (
            f"<div class='ad'>[ad_1]</div><p>{STORY}</p><!-- tracking --><script>x()</script>"
            "&nbsp;&lt;&#x41;&#99999999;&bogus;"
        ).encode(),
    }
    jsonl = [
        json.dumps({"id": "ok-1", "text": STORY, "published": "2020-12-01"}),
        json.dumps({"id": "no-text", "title": "a title only"}),
        json.dumps({"id": "text-number", "text": 42}),
        json.dumps({"id": "text-list", "text": ["a", "b"]}),
        json.dumps({"id": "text-null", "text": None}),
        json.dumps({"id": "text-empty", "text": ""}),
        json.dumps({"id": "text-blank", "text": "  \n\t "}),
        json.dumps({"id": ["id", "list"], "text": STORY}),
        json.dumps({"id": True, "text": STORY}),
        json.dumps({"id": "bad-date", "text": STORY, "published": "last Tuesday"}),
        json.dumps({"id": "date-number", "text": STORY, "published": 20201201}),
        json.dumps({"id": "title-object", "text": STORY, "title": {"a": 1}}),
        json.dumps({"id": "extra-fields", "text": STORY + " Again.", "lang_guess": [1, 2], "x": {"y": None}}),
        json.dumps({"id": "nul", "text": "abc\u0000def"}),
        json.dumps({"id": "controls", "text": "\u0001\u0002\u0003\u0004" * 50}),
        json.dumps({"id": "dup", "text": "Iran criticised Israel."}),
        json.dumps({"id": "dup", "text": "Israel criticised Iran."}),
        json.dumps({"id": "dup", "text": "Iran criticised Israel."}),  # same again: read once
        json.dumps({"id": 7, "text": "A numeric id becomes a string id."}),
        json.dumps(["not", "an", "object"]),
        json.dumps("just a string"),
        "{not json at all",
        "{\"id\": \"trailing\", \"text\": \"cut off",
        "[" * 100_000 + "]" * 100_000,  # deep nesting: RecursionError inside json
        "",
        "   ",
        json.dumps({"id": "unicode", "text": "Zełenski \U0001f600 met \u202eErdoğan\u202c in Kyiv\u2028today."}),
        json.dumps({"id": "html-record", "text": f"<p>{STORY}</p><script>evil()</script>"}),
    ]
    records = "\n".join(jsonl).encode() + b"\n"
    records += b"\xff\xfe{\"id\": \"latin\"}\n"  # undecodable in UTF-8, cp1252 fallback, no text
    records += b"{\"id\": \"cp1252-record\", \"text\": \"Caf\xe9 owners protested.\"}\n"
    records += b"\x00\x01\x02 binary line\n"
    files["records.jsonl"] = records
    files["truncated.jsonl.gz"] = gzip.compress(
        (json.dumps({"id": "gz-ok", "text": STORY + " Gz."}) + "\n").encode() * 3
    )[:-12]
    for name, data in files.items():
        (HERE / name).write_bytes(data)


if __name__ == "__main__":
    main()
