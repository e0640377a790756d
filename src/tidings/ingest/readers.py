"""Read inputs (JSONL, JSONL.gz, text, HTML, directories, stdin) into Articles or RecordErrors."""

from __future__ import annotations

import codecs
import gzip
import json
import re
import sys
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from itertools import chain
from pathlib import Path
from typing import Any, BinaryIO

from tidings.errors import InputError
from tidings.settings import Settings
from tidings.types import Article, RecordError, stable_id

STDIN = "-"
STDIN_LOCATION = "<stdin>"
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
STRING_FIELDS = ("title", "url", "source", "language")
# Binary junk shows up as NUL bytes or a flood of control characters; real text, even
# mojibake, has neither. Tab, newline, vertical tab, form feed and CR are ordinary layout.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.30
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

Record = Article | RecordError


def read_records(
    inputs: Sequence[str],
    published: date | None = None,
    settings: Settings | None = None,
    *,
    stdin: BinaryIO | None = None,
) -> Iterator[Record]:
    """Yield one Article or RecordError per input record, in input order; bad input never stops it.

    `inputs` are paths (JSONL, JSONL.gz, .txt, .html/.htm, or directories of them, read
    recursively in sorted order) or "-" for stdin. `published` is the date of records that
    carry none (all .txt input, JSONL records without `published`, HTML without a date).
    A record whose id was already read with the same text is skipped; with a different text
    it becomes a RecordError. Long texts pass through whole: the pipeline cuts them at
    `settings.max_chars`, because Article.text must stay exactly as given for offsets.
    `settings` is accepted so every stage has the same call shape; no reader knob needs it yet.
    """
    seen: dict[str, str] = {}  # id -> hash of its text; holds hashes, not texts, to stay small
    for item in inputs:
        for location, record in _read_input(item, published, stdin):
            if isinstance(record, RecordError):
                yield record
                continue
            digest = stable_id(record.text, length=40)
            first = seen.get(record.id)
            if first is None:
                seen[record.id] = digest
                yield record
            elif first != digest:
                yield RecordError(record.id, location, "duplicate id with different text")
            # else: the same record read twice (e.g. a file given twice); once is enough


def article_from_record(
    record: Mapping[str, Any], location: str, published: date | None = None
) -> Article:
    """Build an Article from one JSON object (fields as in the JSONL input); raises InputError.

    `text` is required; `id` defaults to a hash of the text; `published` may be an ISO date
    or date-time (its date is kept); unknown fields are ignored.
    """
    record_id = _record_id(record.get("id"), location)
    text = record.get("text")
    if text is None:
        raise InputError(location, "missing text", record_id)
    if not isinstance(text, str):
        raise InputError(location, f"text must be a string, not {_json_type(text)}", record_id)
    if not text.strip():
        raise InputError(location, "empty text", record_id)
    if looks_binary(text):
        raise InputError(location, "text looks binary (NUL or control characters)", record_id)
    record_id = record_id or stable_id(text)
    fields: dict[str, str | None] = {}
    for name in STRING_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            reason = f"{name} must be a string, not {_json_type(value)}"
            raise InputError(location, reason, record_id)
        fields[name] = value
    own_date = _parse_published(record.get("published"), location, record_id)
    return Article(id=record_id, text=text, published=own_date or published, **fields)


def decode_bytes(data: bytes, location: str, record_id: str | None = None) -> str:
    """Decode input bytes; never fails on encoding, refuses binary content (InputError).

    The fallback, in order: UTF-16 when the bytes start with its byte-order mark; else UTF-8
    (a UTF-8 BOM is dropped) where every byte that is not valid UTF-8 is read as cp1252, the
    usual other encoding of scraped pages, and the five bytes cp1252 leaves undefined as
    Latin-1. So a pure cp1252 file reads as cp1252, and a UTF-8 page with a few pasted
    Windows quotes (mixed encodings) keeps its UTF-8 text intact around them.
    """
    binary = InputError(location, "binary content (NUL bytes or control characters)", record_id)
    utf16 = data.startswith(UTF16_BOMS)
    if not utf16 and b"\x00" in data:
        raise binary  # NUL never occurs in 8-bit text, whatever the encoding
    try:
        text = data.decode("utf-16") if utf16 else data.decode("utf-8-sig", CP1252_FALLBACK)
    except UnicodeDecodeError:  # only UTF-16 can still fail (an odd byte count)
        raise InputError(location, "undecodable bytes (bad UTF-16)", record_id) from None
    if looks_binary(text):
        raise binary
    return text


def _cp1252_bytes(error: UnicodeError) -> tuple[str, int]:
    """codecs error handler: the bytes UTF-8 could not decode, read one by one as cp1252."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    chars = []
    for byte in bad:
        try:
            chars.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(byte))  # 0x81 0x8D 0x8F 0x90 0x9D: Latin-1, a C1 control
    return "".join(chars), error.end


CP1252_FALLBACK = "tidings-cp1252"
codecs.register_error(CP1252_FALLBACK, _cp1252_bytes)


def looks_binary(text: str) -> bool:
    """True for NUL bytes or more than 30 % control characters: not text a person wrote."""
    if "\x00" in text:
        return True
    limit = MAX_CONTROL_SHARE * len(text)
    # Counted lazily so a long clean text costs one scan and a junk file stops early.
    return any(count > limit for count, _ in enumerate(CONTROL_CHARS.finditer(text), start=1))


def input_kind(path: Path) -> str | None:
    """'jsonl', 'text' or 'html' from the file name; None for files tidings does not read."""
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    return None


def _read_input(
    item: str, published: date | None, stdin: BinaryIO | None
) -> Iterator[tuple[str, Record]]:
    if item == STDIN:
        yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, published)
        return
    path = Path(item)
    if path.is_dir():
        for file, relative in _walk(path):
            yield from _read_file(file, relative, published)
    elif path.exists():
        yield from _read_file(path, path.name, published)
    else:
        yield item, RecordError(None, item, "no such file or directory")


def _walk(root: Path) -> Iterator[tuple[Path, str]]:
    """Readable files under root, sorted by relative path so every run reads the same order.

    Hidden files and directories (.git, .DS_Store) are skipped. The relative path is the id
    of a text or HTML file, so two `a.txt` in different folders stay distinct.
    """
    found = []
    for path in root.rglob("*"):
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and input_kind(path) is not None:
            found.append((relative.as_posix(), path))
    for relative, path in sorted(found):
        yield path, relative


def _read_file(path: Path, file_id: str, published: date | None) -> Iterator[tuple[str, Record]]:
    location = str(path)
    kind = input_kind(path)
    if kind is None:
        expected = ", ".join(JSONL_SUFFIXES + TEXT_SUFFIXES + HTML_SUFFIXES)
        yield location, RecordError(None, location, f"unsupported file type (expected {expected})")
        return
    if kind == "jsonl":
        yield from _read_jsonl_file(path, published)
        return
    try:
        data = path.read_bytes()
        text = decode_bytes(data, location, file_id)
        if kind == "text":
            article = _article_from_text(text, file_id, location, published)
        else:
            article = _article_from_html(text, file_id, location, published)
    except OSError as exc:
        yield location, RecordError(file_id, location, f"cannot read file: {exc.strerror or exc}")
    except InputError as exc:
        yield location, RecordError(exc.record_id, exc.location, exc.reason)
    else:
        yield location, article


def _read_jsonl_file(path: Path, published: date | None) -> Iterator[tuple[str, Record]]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        handle = opener(path, "rb")
    except OSError as exc:
        yield str(path), RecordError(None, str(path), f"cannot read file: {exc.strerror or exc}")
        return
    with handle:
        yield from _read_jsonl_lines(handle, str(path), published)


def _read_jsonl_lines(
    lines: Iterable[bytes], name: str, published: date | None
) -> Iterator[tuple[str, Record]]:
    lineno = 0
    try:
        for lineno, raw in enumerate(lines, start=1):
            location = f"{name}:{lineno}"
            try:
                article = _article_from_json_line(raw, location, published)
            except InputError as exc:
                yield location, RecordError(exc.record_id, exc.location, exc.reason)
            else:
                if article is not None:
                    yield location, article
    except (OSError, EOFError, zlib.error) as exc:
        # A truncated or corrupt gzip stream ends this file only; the records before it stand.
        location = f"{name}:{lineno + 1}"
        yield location, RecordError(None, location, f"cannot read further: {exc}")


def _article_from_json_line(raw: bytes, location: str, published: date | None) -> Article | None:
    line = decode_bytes(raw, location).strip()
    if not line:
        return None  # blank lines (often a trailing one) are layout, not records
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(location, f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    except (ValueError, RecursionError) as exc:
        raise InputError(location, f"invalid JSON: {exc}") from None
    if not isinstance(value, dict):
        raise InputError(location, f"expected a JSON object, got {_json_type(value)}")
    return article_from_record(value, location, published)


def _read_stdin(stream: BinaryIO, published: date | None) -> Iterator[tuple[str, Record]]:
    """JSONL if the first non-blank line starts with "{"; otherwise all of stdin is one text."""
    lines = iter(stream)
    head: list[bytes] = []
    for raw in lines:
        head.append(raw)
        if raw.strip():
            break
    first = head[-1].lstrip().removeprefix(codecs.BOM_UTF8) if head else b""
    if first.startswith(b"{"):
        yield from _read_jsonl_lines(chain(head, lines), STDIN_LOCATION, published)
        return
    try:
        text = decode_bytes(b"".join(chain(head, lines)), STDIN_LOCATION)
        article = _article_from_text(text, None, STDIN_LOCATION, published)
    except InputError as exc:
        yield STDIN_LOCATION, RecordError(exc.record_id, exc.location, exc.reason)
    else:
        yield STDIN_LOCATION, article


def _article_from_text(
    text: str, text_id: str | None, location: str, published: date | None
) -> Article:
    if not text.strip():
        raise InputError(location, "empty text", text_id)
    return Article(id=text_id or stable_id(text), text=text, published=published)


def _article_from_html(html: str, file_id: str, location: str, published: date | None) -> Article:
    """The page's main text (trafilatura.extract) becomes Article.text; offsets point into it."""
    # Imported here: trafilatura pulls in lxml and htmldate, which JSONL-only runs never need.
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not text or not text.strip():
        raise InputError(location, "no article text found in the HTML", file_id)
    # No extensive date search: guessing a date from free text is worse than having none.
    meta = trafilatura.extract_metadata(
        html, date_config={"extensive_search": False, "original_date": True}
    )
    page_date = None
    if meta is not None and meta.date:
        try:
            page_date = date.fromisoformat(meta.date[:10])
        except ValueError:
            page_date = None
    return Article(
        id=file_id,
        text=text,
        published=page_date or published,
        title=meta.title if meta is not None else None,
        url=meta.url if meta is not None else None,
        source=meta.sitename if meta is not None else None,
    )


def _record_id(value: Any, location: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InputError(location, f"id must be a string, not {_json_type(value)}")
    return str(value)


def _parse_published(value: Any, location: str, record_id: str) -> date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(
            location, f"published must be an ISO date, not {_json_type(value)}", record_id
        )
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        shown = value if len(value) <= 40 else value[:40] + "…"
        raise InputError(location, f"published is not an ISO date: {shown!r}", record_id) from None


def _json_type(value: Any) -> str:
    """The JSON name of a parsed value's type, for error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):  # before int: bool is an int subclass
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    names = {dict: "an object", list: "an array", str: "a string"}
    return names.get(type(value), type(value).__name__)
