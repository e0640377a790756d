"""The CAMEO event codebook: labels, hierarchy, QuadClass, Goldstein and PLOVER for every code."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from tidings.errors import DataFileError, TidingsError
from tidings.types import Cameo, Plover

EVENT_CODES_FILE = "cameo_event_codes.tsv"
GOLDSTEIN_FILE = "goldstein.tsv"
PLOVER_FILE = "cameo_to_plover.tsv"
EVENT_CODE_COLUMNS = (
    "code",
    "label",
    "root_code",
    "level",
    "parent_code",
    "quad_class",
    "description",
)
# GDELT QuadClass of roots 01–20: verbal coop, material coop, verbal conflict, material conflict.
QUAD_CLASS_BY_ROOT = {
    f"{root:02d}": quad
    for quad, roots in ((1, range(1, 6)), (2, range(6, 9)), (3, range(9, 14)), (4, range(14, 21)))
    for root in roots
}


class UnknownCodeError(TidingsError, KeyError):
    """A CAMEO code the codebook does not list (a KeyError, so `dict`-style callers still work)."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(f"unknown CAMEO event code {code!r}")

    def __str__(self) -> str:
        # KeyError would show the repr of the message; one readable line is what the CLI prints.
        return str(self.args[0])


def root_of(code: str) -> str:
    """The two-digit root of a CAMEO code ("0874" → "08"): the one place a code is cut."""
    if not (2 <= len(code) <= 4 and code.isdigit()):
        raise ValueError(f"not a CAMEO event code: {code!r}")
    return code[:2]


def quad_class_of(code: str) -> int:
    """GDELT QuadClass of a code, from its root (1 verbal coop … 4 material conflict)."""
    root = root_of(code)
    if root not in QUAD_CLASS_BY_ROOT:
        raise ValueError(f"CAMEO root {root!r} of {code!r} is outside 01–20")
    return QUAD_CLASS_BY_ROOT[root]


def parent_of(code: str) -> str | None:
    """The code one level up ("0874" → "087", "087" → "08", "08" → None)."""
    root_of(code)
    return None if len(code) == 2 else code[:-1]


@dataclass(frozen=True)
class CodeInfo:
    code: str
    label: str
    root: str
    level: int  # 0 root, 1 three-digit, 2 four-digit
    parent: str | None
    quad_class: int
    goldstein: float | None
    plover: Plover
    description: str


def _default_dir() -> Traversable:
    return resources.files("tidings") / "data" / "cameo"


def _rows(path: Traversable, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) of a TSV table, checking the header names the required columns."""
    with path.open("r", encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        missing = [c for c in required if c not in (reader.fieldnames or ())]
        if missing:
            raise DataFileError(str(path), 1, f"missing column(s) {', '.join(missing)}")
        for row in reader:
            if None in row or any(row.get(c) is None for c in required):
                raise DataFileError(str(path), reader.line_num, "wrong number of fields")
            yield reader.line_num, row


def _checked_code(path: Traversable, line: int, code: str) -> str:
    try:
        quad_class_of(code)
    except ValueError as exc:
        raise DataFileError(str(path), line, str(exc)) from None
    return code


def read_code_table(name: str, data_dir: Path | None = None) -> dict[str, str]:
    """A two-column code → label table of data/cameo ("cameo_country_codes.tsv", …)."""
    path = (data_dir or _default_dir()) / name
    table: dict[str, str] = {}
    for line, row in _rows(path, ("code", "label")):
        if not row["code"] or row["code"] in table:
            raise DataFileError(str(path), line, f"empty or duplicate code {row['code']!r}")
        table[row["code"]] = row["label"]
    return table


def _read_goldstein(path: Traversable) -> dict[str, float]:
    scores: dict[str, float] = {}
    for line, row in _rows(path, ("code", "goldstein")):
        code = _checked_code(path, line, row["code"])
        try:
            score = float(row["goldstein"])
        except ValueError:
            raise DataFileError(
                str(path), line, f"Goldstein score {row['goldstein']!r} is not a number"
            ) from None
        if not -10.0 <= score <= 10.0 or code in scores:
            raise DataFileError(str(path), line, f"score out of −10…10 or duplicate code {code!r}")
        scores[code] = score
    return scores


def _read_plover(path: Traversable) -> dict[str, Plover]:
    mapping: dict[str, Plover] = {}
    for line, row in _rows(path, ("cameo_code", "plover_event_type", "plover_mode")):
        code = _checked_code(path, line, row["cameo_code"])
        # Root 08 opens two blocks (CONCEDE, RETREAT); its own code keeps the first, and every
        # 08x code has a line of its own, so nothing below the root depends on the choice.
        if code in mapping:
            if len(code) == 2:
                continue
            raise DataFileError(str(path), line, f"duplicate CAMEO code {code!r}")
        mapping[code] = Plover(row["plover_event_type"] or None, row["plover_mode"] or None)
    return mapping


def _nearest(code: str, table: dict[str, object]) -> str | None:
    """The code itself, else its parent, else its root: the first one the table lists."""
    current: str | None = code
    while current is not None:
        if current in table:
            return current
        current = parent_of(current)
    return None


class Codebook:
    """Every CAMEO event code with what the pipeline needs to know about it; read-only."""

    def __init__(self, infos: dict[str, CodeInfo]) -> None:
        self._infos = dict(infos)

    @classmethod
    def load(cls, data_dir: Path | None = None) -> Codebook:
        """Read and validate the packaged tables (or those in `data_dir`)."""
        base = data_dir or _default_dir()
        goldstein = _read_goldstein(base / GOLDSTEIN_FILE)
        plover = _read_plover(base / PLOVER_FILE)
        path = base / EVENT_CODES_FILE
        infos: dict[str, CodeInfo] = {}
        for line, row in _rows(path, EVENT_CODE_COLUMNS):
            code = _checked_code(path, line, row["code"])
            parent = parent_of(code)
            problem = None
            if code in infos:
                problem = f"duplicate code {code!r}"
            elif row["root_code"] != root_of(code):
                problem = f"root_code {row['root_code']!r} is not the root of {code!r}"
            elif row["level"] != str(len(code) - 2):
                problem = f"level {row['level']!r} does not fit a {len(code)}-digit code"
            elif (row["parent_code"] or None) != parent:
                problem = f"parent_code {row['parent_code']!r} should be {parent!r}"
            elif parent is not None and parent not in infos:
                problem = f"parent {parent!r} must be listed before {code!r}"
            elif row["quad_class"] != str(quad_class_of(code)):
                problem = f"quad_class {row['quad_class']!r} should be {quad_class_of(code)}"
            elif not row["label"].strip():
                problem = "empty label"
            if problem:
                raise DataFileError(str(path), line, problem)
            infos[code] = CodeInfo(
                code=code,
                label=row["label"].strip(),
                root=root_of(code),
                level=len(code) - 2,
                parent=parent,
                quad_class=quad_class_of(code),
                goldstein=None,
                plover=Plover(None, None),
                description=row["description"],
            )
        for table, name in ((goldstein, GOLDSTEIN_FILE), (plover, PLOVER_FILE)):
            stray = sorted(set(table) - set(infos))
            if stray:
                raise DataFileError(
                    str(base / name), None, f"codes not in {EVENT_CODES_FILE}: {stray}"
                )
        for code, info in infos.items():
            scored = _nearest(code, goldstein)
            mapped = _nearest(code, plover)
            infos[code] = CodeInfo(
                **{
                    **info.__dict__,
                    "goldstein": None if scored is None else goldstein[scored],
                    "plover": Plover(None, None) if mapped is None else plover[mapped],
                },
            )
        return cls(infos)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._infos

    def __len__(self) -> int:
        return len(self._infos)

    def info(self, code: str) -> CodeInfo:
        try:
            return self._infos[code]
        except (KeyError, TypeError):
            raise UnknownCodeError(str(code)) from None

    def cameo(self, code: str) -> Cameo:
        info = self.info(code)
        return Cameo(code=info.code, root=info.root, label=info.label)

    def label(self, code: str) -> str:
        return self.info(code).label

    def root(self, code: str) -> str:
        return self.info(code).root

    def quad_class(self, code: str) -> int:
        return self.info(code).quad_class

    def goldstein(self, code: str) -> float | None:
        """GDELT's score; a code GDELT lacks (1951, 155, …) takes its parent's, then its root's."""
        return self.info(code).goldstein

    def plover(self, code: str) -> Plover:
        """PLOVER type and mode; post-1.1b3 codes take the parent's; roots 01/02 have none."""
        return self.info(code).plover

    def codes(self) -> list[str]:
        """Every code, in codebook order (root, then its three- and four-digit codes)."""
        return list(self._infos)
