"""Input parts: whole files and byte ranges of plain JSONL, read exactly as a local run reads them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from tidings import __version__
from tidings.errors import InputError
from tidings.ingest.readers import STDIN, input_kind
# Private on purpose: the same per-line, per-file and directory-walk functions read_records uses,
# so ids, error messages and file order are identical to a local run.
from tidings.ingest.readers import _article_from_json_line, _read_file, _walk
from tidings.settings import Settings
from tidings.types import Article, RecordError, stable_id

DEFAULT_PART_BYTES = 2 * 2**20  # ~500 news articles: small enough for a useful ETA and balance
MIN_PART_BYTES = 64 * 2**10  # ~15 articles: below this, per-part overhead outweighs balance


@dataclass(frozen=True)
class Slice:
    """Bytes [start, end) of one input file; `first_line` is the line number at `start`.

    `name` is the path as the user gave it (used in error locations, as a local run does),
    `path` the absolute path a worker opens. kind: 'jsonl' (plain JSONL, splittable), 'file'
    (read whole by the ingest readers: gzip, text, HTML) or 'missing'.
    """

    path: str
    name: str
    file_id: str
    kind: str
    start: int = 0
    end: int = 0
    first_line: int = 1
    size: int = 0
    mtime_ns: int = 0


@dataclass(frozen=True)
class Part:
    """One task: consecutive slices, coded by one worker into one Parquet file."""

    index: int
    slices: tuple[Slice, ...]
    coding_key: str

    @property
    def part_id(self) -> str:
        """Changes with any input byte range, file size or mtime, setting or tidings version."""
        return stable_id(self.coding_key, *(tuple(asdict(s).values()) for s in self.slices), length=20)

    @property
    def nbytes(self) -> int:
        return sum(max(s.end - s.start, 0) for s in self.slices) or 1

    def file_name(self) -> str:
        return f"part-{self.index:05d}-{self.part_id}.parquet"


def coding_key(settings: Settings, published: date | None) -> str:
    """What a part's content depends on besides its bytes: settings, default date, version."""
    return stable_id(repr(settings), published, __version__)


def plan_parts(
    inputs: Sequence[str], settings: Settings, published: date | None = None,
    part_bytes: int = DEFAULT_PART_BYTES, min_parts: int = 1,
) -> list[Part]:
    """Cut the inputs into parts of about part_bytes, in input order (stdin cannot be split).

    An input smaller than min_parts × part_bytes is cut finer (parts of at least MIN_PART_BYTES),
    so that a few large parts do not leave workers idle at the end of a run.
    """
    if STDIN in inputs:
        raise InputError(STDIN, "stdin cannot be coded in parallel; give files or use --workers 1")
    pieces = _all_slices(inputs, part_bytes)
    total = sum(piece.end - piece.start for piece in pieces)
    if min_parts > 1 and total < min_parts * part_bytes:
        finer = max(total // min_parts, MIN_PART_BYTES)
        if finer < part_bytes:
            part_bytes = finer
            pieces = _all_slices(inputs, part_bytes)
    key = coding_key(settings, published)
    parts: list[Part] = []
    pending: list[Slice] = []
    size = 0
    for piece in pieces:
        if pending and size + piece.end - piece.start > part_bytes:
            parts.append(Part(len(parts), tuple(pending), key))
            pending, size = [], 0
        pending.append(piece)
        size += piece.end - piece.start
    if pending:
        parts.append(Part(len(parts), tuple(pending), key))
    return parts


def _all_slices(inputs: Sequence[str], part_bytes: int) -> list[Slice]:
    return [piece for item in inputs for piece in _slices(item, part_bytes)]


def _slices(item: str, part_bytes: int) -> Iterator[Slice]:
    path = Path(item)
    if path.is_dir():
        for file, relative in _walk(path):
            yield from _file_slices(file, str(file), relative, part_bytes)
    elif path.exists():
        yield from _file_slices(path, item, path.name, part_bytes)
    else:
        yield Slice(str(path.absolute()), item, item, "missing")


def _file_slices(path: Path, name: str, file_id: str, part_bytes: int) -> Iterator[Slice]:
    stat = path.stat()
    common = {"path": str(path.resolve()), "name": name, "file_id": file_id,
              "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    plain_jsonl = input_kind(path) == "jsonl" and not path.name.lower().endswith(".gz")
    if not plain_jsonl or stat.st_size <= part_bytes:
        yield Slice(kind="jsonl" if plain_jsonl else "file", start=0, end=stat.st_size, **common)
        return
    # Cut at the first line start at or after each multiple of part_bytes, counting lines on the
    # way so error locations keep the file's own line numbers.
    with path.open("rb") as handle:
        start, line = 0, 1
        while start < stat.st_size:
            handle.seek(min(start + part_bytes, stat.st_size))
            if handle.tell() < stat.st_size:
                handle.readline()
            end = handle.tell()
            yield Slice(kind="jsonl", start=start, end=end, first_line=line, **common)
            line += _count_newlines(handle, start, end)
            start = end


def _count_newlines(handle, start: int, end: int) -> int:
    handle.seek(start)
    count, left = 0, end - start
    while left > 0:
        chunk = handle.read(min(left, 1 << 20))
        if not chunk:
            break
        count += chunk.count(b"\n")
        left -= len(chunk)
    return count


def read_slice(piece: Slice, published: date | None) -> Iterator[tuple[str, Article | RecordError]]:
    """(location, record) for one slice, as read_records reads them (without its duplicate check)."""
    if piece.kind == "missing":
        yield piece.name, RecordError(None, piece.name, "no such file or directory")
    elif piece.kind == "file":
        for location, record in _read_file(Path(piece.path), piece.file_id, published):
            if isinstance(record, RecordError):
                record = RecordError(record.record_id, _as_given(record.location, piece), record.reason)
            yield _as_given(location, piece), record
    else:
        yield from _read_jsonl_range(piece, published)


def _as_given(location: str, piece: Slice) -> str:
    # Workers open absolute paths; locations name the file as the user gave it.
    return piece.name + location[len(piece.path):] if location.startswith(piece.path) else location


def _read_jsonl_range(piece: Slice, published: date | None) -> Iterator[tuple[str, Article | RecordError]]:
    try:
        handle = open(piece.path, "rb")
    except OSError as exc:
        yield piece.name, RecordError(None, piece.name, f"cannot read file: {exc.strerror or exc}")
        return
    with handle:
        handle.seek(piece.start)
        position, lineno = piece.start, piece.first_line
        while position < piece.end:
            raw = handle.readline()
            if not raw:
                break
            location = f"{piece.name}:{lineno}"
            position += len(raw)
            lineno += 1
            try:
                article = _article_from_json_line(raw, location, published)
            except InputError as exc:
                yield location, RecordError(exc.record_id, exc.location, exc.reason)
            else:
                if article is not None:
                    yield location, article
