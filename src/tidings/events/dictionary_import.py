"""Convert a PETRARCH2 / TABARI verb dictionary (CAMEO.2.0.txt) into tidings verb patterns.

PETRARCH matches word sequences around a verb in a Treebank parse; tidings matches dependency
arcs. The conversion keeps what maps onto arcs and drops the rest (counted in the summary):
  - every verb of a `--- NAME [code] ---` block gets a bare pattern with the block's code
    (or its own `[code]`); `+CALL_OFF`-style phrasal verbs become particle or preposition patterns;
  - `- * WORDS (PREP WORDS) [code] # VERB` patterns become `complement` / `prep` conditions on
    the verb named in the comment (where the pattern was found), or on every block verb;
  - `&SYNSET` words expand to the synset's members; `{A B}` phrases keep their head (last) word;
  - dropped: patterns with words before the verb (subject conditions), `[---]` (no event),
    reversed-direction codes (`[:111]`), negated patterns (`NOT`), codes not in the codebook.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tidings.errors import DataFileError
from tidings.events.codebook import Codebook

PARTICLES = frozenset({"off", "up", "down", "out", "back", "over", "away", "in", "on", "through", "forward", "apart"})
PREPOSITIONS = frozenset({"with", "to", "for", "against", "at", "into", "from", "upon", "about", "of", "by",
                          "on", "in", "toward", "towards", "onto", "under", "between", "among", "across"})
# Pattern words that carry no lexical condition a dependency arc can check.
SKIP_WORDS = frozenset({"$", "+", "%", "^", "|", "*", "a", "an", "the", "to", "of", "and", "its", "their", "his", "her"})
HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---")
CODE = re.compile(r"\[([^\]]*)\]")


@dataclass(frozen=True)
class ImportedPattern:
    lemma: str
    code: str
    particle: str | None = None
    prep: str | None = None
    complement: tuple[str, ...] = ()
    line: int = 0
    origin: str = ""  # the dictionary verb the pattern was written for

    def key(self) -> tuple:
        return (self.lemma, self.particle, self.prep, self.complement)


@dataclass
class ImportSummary:
    blocks: int = 0
    verbs: int = 0
    patterns_read: int = 0
    written: int = 0
    dropped: dict[str, int] = field(default_factory=dict)

    def drop(self, reason: str) -> None:
        self.dropped[reason] = self.dropped.get(reason, 0) + 1


def _strip_comment(line: str) -> tuple[str, str]:
    body, _, comment = line.partition("#")
    return body.strip(), comment.strip()


def _word_forms(word: str) -> list[str]:
    """Lower-case lemma candidates of a dictionary word ("HOUSES" → houses, house)."""
    word = word.strip("_").lower()
    forms = [word]
    if len(word) > 4 and word.endswith("ies"):
        forms.append(word[:-3] + "y")
    elif len(word) > 4 and word.endswith(("ses", "xes", "ches", "shes")):
        forms.append(word[:-2])
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    return forms


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    """`&NAME` → member words (a multi-word member keeps its last word, the head)."""
    synsets: dict[str, list[str]] = {}
    current: str | None = None
    for raw in lines:
        body, _ = _strip_comment(raw)
        if body.startswith("&"):
            current = body.split()[0].rstrip("_")
            synsets[current] = []
        elif body.startswith("+") and current is not None:
            member = body[1:].split("{")[0].strip().rstrip("_")
            if member:
                synsets[current].append(member.split("_")[-1])
        elif not body:
            current = None
    return synsets


def _first_code(text: str) -> tuple[str | None, str]:
    """The primary code of `[a:b]` (None for `---` or a reversed-only `[:b]`), and why not."""
    primary = text.split(":")[0].strip()
    if not primary:
        return None, "reversed-direction code"
    if primary.startswith("-"):
        return None, "no-event code [---]"
    return primary, ""


def _tokens(phrase: str) -> list[str]:
    # Keep groups "(…)" and "{…}" as single tokens.
    return re.findall(r"\([^)]*\)|\{[^}]*\}|\S+", phrase)


def _content(word: str, synsets: dict[str, list[str]]) -> list[str]:
    if word.startswith("&"):
        return [form for member in synsets.get(word.rstrip("_"), []) for form in _word_forms(member)]
    if word.lower() in SKIP_WORDS or not re.search(r"[A-Za-z]", word):
        return []
    return _word_forms(word.split("_")[-1])


def _phrase_head(tokens: list[str], synsets: dict[str, list[str]]) -> list[str]:
    """Lemma candidates of the last content word of a pattern phrase."""
    for token in reversed(tokens):
        if token.startswith("{"):
            inner = token.strip("{}").split()
            found = _phrase_head(inner, synsets)
        else:
            found = _content(token, synsets)
        if found:
            return found
    return []


def _conditions(after: str, synsets: dict[str, list[str]]) -> tuple[str | None, tuple[str, ...], str]:
    """(prep, complement, problem) from the words after the verb's `*`."""
    tokens = _tokens(after)
    if any(t.upper() in ("NOT", "NO", "NEVER") for t in tokens):
        return None, (), "negated pattern"
    prep = None
    complement: list[str] = []
    outside = [t for t in tokens if not t.startswith("(")]
    groups = [_tokens(t[1:-1]) for t in tokens if t.startswith("(")]
    if groups and groups[0]:
        first = groups[0][0].lower().split("/")[0]
        if first in PREPOSITIONS:
            prep = first
            complement = _phrase_head(groups[0][1:], synsets)
        else:
            complement = _phrase_head(groups[0], synsets)
    if outside:
        # A direct object is the stronger cue ("WARRANT (FOR ARREST)": warrant).
        head = _phrase_head(outside, synsets)
        if head:
            complement = head
    if prep is None and not complement:
        return None, (), "no word condition"
    return prep, tuple(dict.fromkeys(complement)), ""


def _verb_entry(body: str) -> tuple[str, str | None, str | None, list[str], str | None]:
    """(lemma, particle, prep, extra complement words, own code) of a verb line of a block."""
    own = CODE.search(body)
    own_code = own.group(1) if own else None
    word = body.split("{")[0].split("[")[0].strip()
    phrasal = word.startswith("+")
    parts = [p for p in word.lstrip("+").lower().split("_") if p]
    if not parts:
        return "", None, None, [], own_code
    lemma, rest = parts[0], parts[1:]
    particle = prep = None
    extra: list[str] = []
    if phrasal and rest:
        # "on"/"in" are both; as the last word of a phrasal verb they are nearly always a
        # preposition ("crack down on"), so the preposition reading wins.
        if rest[0] in PREPOSITIONS:
            prep = rest[0]
        elif rest[0] in PARTICLES:
            particle = rest[0]
        else:
            extra = [w for w in rest if w not in SKIP_WORDS]
    return lemma, particle, prep, extra, own_code


def convert_dictionary(text: str, codebook: Codebook, source: str = "<dictionary>") -> tuple[list[ImportedPattern], ImportSummary]:
    """Every pattern of a PETRARCH verb dictionary that maps onto tidings' verb patterns."""
    lines = text.splitlines()
    try:
        verbs_at = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    except StopIteration:
        raise DataFileError(source, None, "no '####### VERB PATTERNS #######' section") from None
    synsets = read_synsets(lines[:verbs_at])
    summary = ImportSummary()
    found: list[ImportedPattern] = []

    def emit(pattern: ImportedPattern) -> None:
        if pattern.code not in codebook:
            summary.drop("code not in codebook")
            return
        if not re.fullmatch(r"[a-z][a-z'-]*", pattern.lemma):
            summary.drop("not a single-word verb")
            return
        found.append(pattern)

    block_code: str | None = None
    block_name, block_id = "", 0
    block_verbs: list[tuple[str, str | None, str | None, list[str]]] = []
    bare: list[tuple[ImportedPattern, bool, int]] = []
    origins: dict[int, set[str]] = {}
    for number, raw in enumerate(lines[verbs_at + 1 :], start=verbs_at + 2):
        body, comment = _strip_comment(raw)
        if not body or body.startswith("####"):
            continue
        header = HEADER.match(body)
        if header:
            summary.blocks += 1
            block_code, _ = _first_code(header.group(2))
            block_name, block_id = header.group(1).lower(), block_id + 1
            block_verbs = []
            continue
        if body.startswith("-"):
            summary.patterns_read += 1
            pattern_body = body[1:]
            codes = CODE.findall(pattern_body)
            if not codes or "*" not in pattern_body:
                summary.drop("unreadable pattern")
                continue
            code, problem = _first_code(codes[-1])
            words = CODE.sub("", pattern_body)
            before, _, after = words.partition("*")
            if code is None:
                summary.drop(problem)
                continue
            if before.strip():
                summary.drop("words before the verb")
                continue
            prep, complement, problem = _conditions(after, synsets)
            if problem:
                summary.drop(problem)
                continue
            origin = comment.split()[0].lower() if comment.split() else ""
            origins.setdefault(block_id, set()).add(origin)
            targets = [v for v in block_verbs if v[0] == origin] or block_verbs
            for lemma, particle, verb_prep, extra in targets:
                if verb_prep and prep and verb_prep != prep:
                    summary.drop("two prepositions")
                    continue
                emit(ImportedPattern(lemma, code, particle, prep or verb_prep, complement, number, origin))
            continue
        lemma, particle, prep, extra, own_code = _verb_entry(body)
        if not lemma:
            continue
        summary.verbs += 1
        block_verbs.append((lemma, particle, prep, extra))
        code = _first_code(own_code)[0] if own_code else block_code
        if code is None:
            summary.drop("verb without a code")
            continue
        bare.append((ImportedPattern(lemma, code, particle, prep, tuple(extra), number, lemma),
                     own_code is not None or lemma == block_name or bool(particle or prep or extra), block_id))
    # A bare verb fires on every use, so only verbs the dictionary attests keep one: a verb with
    # its own code, the block's name, a phrasal verb, or a verb some pattern was written for
    # (named in the pattern comments). The other block members are WordNet synonyms added
    # wholesale (CAMEO.2.0.txt header), and coding every use of them invents events.
    for pattern, attested, block in bare:
        if attested or pattern.lemma in origins.get(block, set()):
            emit(pattern)
        else:
            summary.drop("unattested synonym without conditions")
    unique: dict[tuple, ImportedPattern] = {}
    for pattern in found:
        if pattern.key() in unique:
            summary.drop("duplicate conditions")
            continue
        unique[pattern.key()] = pattern
    summary.written = len(unique)
    return list(unique.values()), summary


def _yaml_word(word: str) -> str:
    # Quote every scalar: YAML 1.1 would read on/off/no as booleans and 010 as a number.
    return '"' + word.replace('"', '\\"') + '"'


def render_patterns(patterns: Iterable[ImportedPattern], source_name: str, attribution: str) -> str:
    """The patterns as a verbs YAML file with an attribution header."""
    out = [
        f"# Verb patterns imported from {source_name} by `tidings patterns import` (generated: do not",
        "# edit by hand; fix the converter in events/dictionary_import.py or add hand-written patterns",
        "# to verbs.yaml, which take precedence over these at equal specificity).",
        *(f"# {line}" if line else "#" for line in attribution.splitlines()),
        "",
    ]
    for p in patterns:
        fields = [f"lemma: {_yaml_word(p.lemma)}", f"code: {_yaml_word(p.code)}"]
        if p.particle:
            fields.append(f"particle: {_yaml_word(p.particle)}")
        if p.prep:
            fields.append(f"prep: {_yaml_word(p.prep)}")
        if p.complement:
            fields.append("complement: [" + ", ".join(_yaml_word(w) for w in p.complement) + "]")
        out.append("- {" + ", ".join(fields) + "}" + f"  # line {p.line} ({p.origin})")
    return "\n".join(out) + "\n"


PETRARCH_ATTRIBUTION = """Source: CAMEO.2.0.txt of openeventdata/petrarch2 (petrarch2/data/dictionaries,
commit 676801cd9cb2924bbbad09f86d15c9323e7097bf), the CAMEO verb pattern dictionary of PETRARCH2,
composed from the TABARI CAMEO dictionaries and WordNet synonym sets.
License: MIT. Copyright (c) 2015 Open Event Data Alliance; Copyright (c) 2014 Open Event Data.
Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
subject to the condition that the copyright notice and this permission notice be included in all
copies or substantial portions of the Software (full text: data/patterns/LICENSE.petrarch2)."""


def import_dictionary(path: Path, out_path: Path, codebook: Codebook | None = None) -> ImportSummary:
    """Convert the dictionary at `path` and write the YAML pattern file `out_path`."""
    codebook = codebook or Codebook.load()
    text = path.read_text(encoding="utf-8", errors="replace")
    patterns, summary = convert_dictionary(text, codebook, str(path))
    out_path.write_text(render_patterns(patterns, path.name, PETRARCH_ATTRIBUTION), encoding="utf-8")
    return summary


def packaged_import_path() -> Path:
    """Where the shipped import lives (loaded by events.patterns.load_patterns)."""
    from importlib import resources

    return Path(str(resources.files("tidings") / "data" / "patterns" / "petrarch2_verbs.yaml"))
