"""Verb and noun event patterns from data/patterns/*.yaml, checked against the codebook."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from tidings.errors import DataFileError
from tidings.events.codebook import Codebook

STR_TAG = "tag:yaml.org,2002:str"
BOOL_TAG = "tag:yaml.org,2002:bool"
# Key → kind of value: "str", "list" (of str; a lone string is accepted as a one-item list), "bool".
VERB_KEYS = {
    "lemma": "str",
    "code": "str",
    "particle": "str",
    "prep": "str",
    "object": "list",
    "complement": "list",
    "target_prep": "list",
    "subject": "list",
}
NOUN_KEYS = {
    "lemma": "str",
    "code": "str",
    "modifier": "list",
    "target_prep": "list",
    "source_prep": "list",
    "theme_is_source": "bool",
    "theme": "list",
    "reaction": "bool",
}
REQUIRED_KEYS = ("lemma", "code")


@dataclass(frozen=True)
class VerbPattern:
    """A verb whose lemma and (optional) particle, preposition, object or complement name a code."""

    lemma: str
    code: str
    particle: str | None = None
    prep: str | None = None
    object: tuple[str, ...] = ()
    complement: tuple[str, ...] = ()
    target_prep: tuple[str, ...] = ()
    # The subject's lemma (through "the number of …") must be in the list: "troops will drop".
    subject: tuple[str, ...] = ()
    line: int | None = field(default=None, compare=False)  # where it is written, for debugging
    # Which file: 0 the hand-written verbs.yaml, 1 an imported dictionary. A lemma's hand-written
    # patterns are all tried before its imported ones (measured: letting specific imported
    # patterns go first lost full-code accuracy), so imports add verbs, not override reviewed cues.
    rank: int = field(default=0, compare=False)
    source: str = field(default="verbs.yaml", compare=False)

    @property
    def specificity(self) -> int:
        """How many conditions must hold: the extractor tries the most demanding pattern first."""
        return sum(bool(c) for c in (self.particle, self.prep, self.object, self.complement, self.subject))


@dataclass(frozen=True)
class NounPattern:
    """An event noun ("strike", "withdrawal") with the prepositions that name its actors."""

    lemma: str
    code: str
    modifier: tuple[str, ...] = ()
    target_prep: tuple[str, ...] = ()
    source_prep: tuple[str, ...] = ()
    theme_is_source: bool = False
    # The of-object's lemma must be in the list: "suspension of strikes" is not "suspension of aid".
    theme: tuple[str, ...] = ()
    # A promised reaction ("a crushing response"): only counts when unrealized (would/will/if), its
    # source is who states it or the party provoked, its target the provoker (events/framing.py).
    reaction: bool = False
    line: int | None = field(default=None, compare=False)

    @property
    def specificity(self) -> int:
        return int(bool(self.modifier)) + int(bool(self.theme))


class PatternSet:
    """All patterns, looked up by lemma, each lemma's list ordered most specific first."""

    def __init__(self, verbs: list[VerbPattern], nouns: list[NounPattern]) -> None:
        self.verbs: tuple[VerbPattern, ...] = tuple(verbs)
        self.nouns: tuple[NounPattern, ...] = tuple(nouns)
        self._verbs = _by_lemma(verbs)
        self._nouns = _by_lemma(nouns)

    def verbs_for(self, lemma: str) -> list[VerbPattern]:
        return list(self._verbs.get(lemma, ()))

    def nouns_for(self, lemma: str) -> list[NounPattern]:
        return list(self._nouns.get(lemma, ()))

    def codes(self) -> set[str]:
        """Every CAMEO code some pattern can produce."""
        return {p.code for p in self.verbs} | {p.code for p in self.nouns}


def _by_lemma(patterns: list[Any]) -> dict[str, tuple[Any, ...]]:
    grouped: dict[str, list[Any]] = defaultdict(list)
    for pattern in patterns:
        grouped[pattern.lemma].append(pattern)
    # sorted() is stable, so equally specific patterns keep the file's order.
    return {
        lemma: tuple(sorted(group, key=lambda p: (getattr(p, "rank", 0), -p.specificity)))
        for lemma, group in grouped.items()
    }


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _word(value: str, where: str, path: str, line: int) -> str:
    """A lower-case lemma or preposition, as the extractor compares them."""
    if not value or value != value.strip().lower():
        raise DataFileError(
            path, line, f"{where} {value!r} must be lower case without spaces around"
        )
    return value


def _value(key: str, kind: str, node: yaml.Node, path: str) -> Any:
    line = _line(node)
    if kind == "bool":
        if not (isinstance(node, yaml.ScalarNode) and node.tag == BOOL_TAG):
            raise DataFileError(path, line, f"{key} must be true or false")
        return node.value.lower() in ("true", "yes", "on")
    if kind == "list" and isinstance(node, yaml.SequenceNode):
        items = node.value
    else:
        items = [node]
    # YAML 1.1 reads on/off/no as booleans; as words ("call off", "fire on") their text counts.
    # A code must be a string: unquoted, 010 would be an octal number to other YAML readers.
    allowed = (STR_TAG,) if key == "code" else (STR_TAG, BOOL_TAG)
    words = []
    for item in items:
        if not (isinstance(item, yaml.ScalarNode) and item.tag in allowed):
            expected = "a list of words" if kind == "list" else "a word"
            if key == "code":
                expected = 'a quoted string ("010")'
            raise DataFileError(path, _line(item), f"{key} must be {expected}")
        words.append(_word(item.value, key, path, _line(item)) if key != "code" else item.value)
    if kind == "list":
        if not words:
            raise DataFileError(path, line, f"{key} must not be empty")
        return tuple(words)
    return words[0]


def _mappings(path: str, text: str) -> list[yaml.MappingNode]:
    try:
        document = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise DataFileError(
            path, None if mark is None else mark.line + 1, f"invalid YAML: {exc}"
        ) from None
    if document is None:
        return []
    if not isinstance(document, yaml.SequenceNode):
        raise DataFileError(path, _line(document), "expected a list of patterns")
    for node in document.value:
        if not isinstance(node, yaml.MappingNode):
            raise DataFileError(path, _line(node), "each pattern must be a mapping (key: value)")
    return list(document.value)


def _read(
    source: Traversable, keys: dict[str, str], codebook: Codebook
) -> list[tuple[int, dict[str, Any]]]:
    """(line, fields) of every pattern in a file, each field checked for name and type."""
    path = str(source)
    entries = []
    for node in _mappings(path, source.read_text(encoding="utf-8")):
        fields: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key not in keys:
                raise DataFileError(
                    path, _line(key_node), f"unknown key {key!r} (known: {', '.join(keys)})"
                )
            if key in fields:
                raise DataFileError(path, _line(key_node), f"key {key!r} given twice")
            fields[key] = _value(key, keys[key], value_node, path)
        for key in REQUIRED_KEYS:
            if key not in fields:
                raise DataFileError(path, _line(node), f"pattern lacks {key!r}")
        if fields["code"] not in codebook:
            raise DataFileError(
                path, _line(node), f"code {fields['code']!r} is not in the CAMEO codebook"
            )
        entries.append((_line(node), fields))
    return entries


def _no_conflicts(path: str, patterns: list[Any]) -> None:
    """Two patterns with the same conditions would let the first win silently: refuse them."""
    seen: dict[Any, Any] = {}
    for pattern in patterns:
        key = pattern.__class__(**{**pattern.__dict__, "code": "", "line": None})
        # (rank and source are compare=False, so they do not make two patterns differ)
        if key in seen:
            raise DataFileError(
                path, pattern.line, f"same conditions as the pattern at line {seen[key].line}"
            )
        seen[key] = pattern


def _file(path: Path | None, name: str) -> Traversable:
    return path if path is not None else resources.files("tidings") / "data" / "patterns" / name


IMPORTED_VERB_FILES = ("petrarch2_verbs.yaml",)


def load_patterns(
    codebook: Codebook,
    verbs_path: Path | None = None,
    nouns_path: Path | None = None,
    imported_paths: list[Path] | None = None,
) -> PatternSet:
    """Read and validate the verb and noun patterns (the packaged ones unless paths are given).

    Imported verb files (`tidings patterns import`) load after verbs.yaml and rank below it; the
    packaged imports are used when `verbs_path` is not given and `imported_paths` is None.
    """
    verb_file, noun_file = _file(verbs_path, "verbs.yaml"), _file(nouns_path, "nouns.yaml")
    verbs = [
        VerbPattern(**fields, line=line) for line, fields in _read(verb_file, VERB_KEYS, codebook)
    ]
    _no_conflicts(str(verb_file), verbs)
    if imported_paths is None:
        imported: list[Traversable] = [] if verbs_path is not None else [
            f for f in (_file(None, name) for name in IMPORTED_VERB_FILES) if f.is_file()
        ]
    else:
        imported = list(imported_paths)
    for extra in imported:
        more = [
            VerbPattern(**fields, line=line, rank=1, source=Path(str(extra)).name)
            for line, fields in _read(extra, VERB_KEYS, codebook)
        ]
        _no_conflicts(str(extra), more)
        verbs.extend(more)
    nouns = [
        NounPattern(**fields, line=line) for line, fields in _read(noun_file, NOUN_KEYS, codebook)
    ]
    _no_conflicts(str(noun_file), nouns)
    return PatternSet(verbs, nouns)
