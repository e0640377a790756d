"""Read PETRARCH2/TABARI actor and agent dictionaries into plain entries the KB tables can hold."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from tidings.actors.tables import Period

# Control characters (the Phoenix country file has stray 0x1A bytes) are dropped before parsing.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
BRACKET = re.compile(r"\[([^\]]*)\]")
RAW_CODE = re.compile(r"^[A-Za-z]{3}(?:[A-Za-z]{3})*$")
# Function words a re-cased dictionary name writes in lower case; short words otherwise keep
# their capitals ("US", "UN"; a one-word name of up to four letters: "NATO", "IAEA").
LOWER_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "to", "de", "du", "la", "le", "al", "el",
                         "bin", "ibn", "van", "von", "der", "da", "di", "des", "a", "an", "at", "by"})
PERSON_ENDINGS = ("man", "woman", "person", "er", "ist", "or", "ian", "ant", "ent", "ee", "chief",
                  "leader", "head", "official", "envoy", "king", "queen", "prince")
# Endings PERSON_ENDINGS would take for a person but that name a body or a thing: "government" and
# "parliament" (-ent), "committee" (-ee), "labor" and "interior" (-or), "newspaper" (-er).
COLLECTIVE_ENDINGS = ("ment", "committee", "labor", "labour", "interior", "paper", "water", "center",
                      "centre", "chamber", "sector", "order", "corridor", "border", "council")


@dataclass(frozen=True)
class Problem:
    """A dictionary line the import skipped, and why."""

    line: int
    reason: str


@dataclass(frozen=True)
class ActorEntry:
    """One actor entry: its names (the first is the primary phrase), default code and dated codes."""

    names: tuple[str, ...]
    code: str | None
    periods: tuple[Period, ...]
    line: int
    person: bool  # has dated offices or comes from a rulers list: one individual


@dataclass(frozen=True)
class AgentEntry:
    """One agent noun: phrase → role code; `suffix` ("[~GOV]") means it follows a country code."""

    phrase: str
    code: str
    suffix: bool
    line: int


def _lines(path: Path) -> list[tuple[int, str]]:
    """(line number, text) of the lines that are not comments: `#` to end of line, `<…>` lines,
    and multi-line `<!-- … -->` blocks."""
    out: list[tuple[int, str]] = []
    in_comment = False
    text = path.read_bytes().decode("utf-8", errors="replace")
    for number, raw in enumerate(text.splitlines(), start=1):
        line = CONTROL.sub("", raw)  # tabs survive: they mark date-restriction lines
        stripped = line.strip()
        if in_comment:
            in_comment = "-->" not in stripped
            continue
        if stripped.startswith("<"):
            in_comment = stripped.startswith("<!--") and "-->" not in stripped
            continue
        if "---STOP---" in stripped:
            break
        line = line.split("#", 1)[0]
        if line.strip():
            out.append((number, line.rstrip()))
    return out


def petrarch_date(text: str) -> date:
    """A PETRARCH date: YYYYMMDD, or YYMMDD with 00–30 read as 20YY (as KEDS/TABARI/PETRARCH do)."""
    if not text.isdigit() or len(text) not in (6, 8):
        raise ValueError(f"date {text!r} is neither YYMMDD nor YYYYMMDD")
    if len(text) == 8:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    year = int(text[:2])
    return date(year + (2000 if year <= 30 else 1900), int(text[2:4]), int(text[4:6]))


def parse_code_restriction(inner: str) -> tuple[str, Period | None]:
    """`USAGOV >20170120` → (USAGOV, period from that day); `X 900101-951231` (both days included);
    `X <20010120` (before that day); `X` alone → (X, None), the default code."""
    code, _, rest = inner.strip().partition(" ")
    rest = rest.strip()
    if not rest:
        return code, None
    if rest[0] in "<>":
        day = petrarch_date(rest[1:].strip())
        return code, Period(code, day, None) if rest[0] == ">" else Period(code, None, day)
    start_text, dash, end_text = rest.partition("-")
    if not dash:
        raise ValueError(f"bad date restriction {rest!r}")
    start, end = petrarch_date(start_text.strip()), petrarch_date(end_text.strip())
    if end < start:
        raise ValueError(f"date restriction {rest!r} ends before it starts")
    return code, Period(code, start, end + timedelta(days=1))


def phrase_text(raw: str) -> str:
    """A dictionary phrase as news writes it: `PRESIDENT_BARACK_OBAMA_` → `President Barack Obama`."""
    words = [w for w in re.split(r"[_\s]+", raw.strip().strip("+").strip()) if w]
    out = []
    for i, word in enumerate(words):
        letters = re.sub(r"[^A-Za-z]", "", word)
        if word.lower() in LOWER_WORDS:
            out.append(word.lower() if i > 0 else word.capitalize())
        elif "." in word or not word.isupper() or len(letters) <= (4 if len(words) == 1 else 2):
            out.append(word)  # acronyms ("U.S.", "UN", "NATO") and names already in mixed case
        else:
            out.append("-".join(part.capitalize() for part in word.split("-")))
    return " ".join(out)


def read_actor_dictionary(path: Path) -> tuple[list[ActorEntry], list[Problem]]:
    """The entries of a PETRARCH `.actors` file.

    A line without indentation starts an entry (its `[CODE]` on the same line is the default
    code); `+NAME` adds a synonym; an indented `[CODE …]` line adds a default or date-restricted
    code. Primary phrases with no code of their own share the codes that follow them, as in PETRARCH.
    """
    entries: list[ActorEntry] = []
    problems: list[Problem] = []
    names: list[str] = []
    codes: list[tuple[str, Period | None]] = []
    start = 0
    person = False

    def close() -> None:
        nonlocal names, codes, person
        if names and codes:
            default = next((c for c, p in codes if p is None), None)
            periods = tuple(p for _, p in codes if p is not None)
            entries.append(ActorEntry(tuple(dict.fromkeys(names)), default, periods, start,
                                      person or bool(periods)))
        names, codes, person = [], [], False

    def add_codes(number: int, text: str) -> None:
        for inner in BRACKET.findall(text):
            try:
                codes.append(parse_code_restriction(inner))
            except ValueError as exc:
                problems.append(Problem(number, str(exc)))

    raw_lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
    for number, line in _lines(path):
        if line[0] in " \t" and line.strip().startswith("["):
            add_codes(number, line)
            continue
        if line.lstrip().startswith("+"):
            name = phrase_text(BRACKET.sub("", line.strip()[1:]))
            if name:
                names.append(name)
            add_codes(number, line)
            continue
        if codes:  # a new primary phrase after codes: the previous entry is complete
            close()
        if not names:
            start = number
        name = phrase_text(BRACKET.sub("", line))
        if name:
            names.append(name)
        person = person or "CountryInfo" in raw_lines[number - 1] or "rulers" in raw_lines[number - 1]
        add_codes(number, line)
    close()
    return entries, problems


def read_agent_dictionary(path: Path) -> tuple[list[AgentEntry], list[Problem]]:
    """The entries of a PETRARCH `.agents` file, with `!MARKER!` sets expanded and plurals added
    (`{PLURAL}` as given, `{}` for none, else the regular English plural, as PETRARCH forms it)."""
    entries: list[AgentEntry] = []
    problems: list[Problem] = []
    markers: dict[str, list[str]] = {}
    for number, line in _lines(path):
        if "!" in line and "=" in line and "[" not in line:
            name, _, values = line.partition("=")
            markers[name.strip().strip("!")] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        found = BRACKET.search(line)
        if found is None:
            problems.append(Problem(number, "an agent needs a [code]"))
            continue
        raw_code = found.group(1).strip()
        suffix = raw_code.startswith("~")
        code = raw_code.strip("~")
        if not RAW_CODE.match(code):
            problems.append(Problem(number, f"bad agent code {raw_code!r}"))
            continue
        phrase = line[:found.start()].strip()
        plural: str | None = None
        if "{" in phrase:
            phrase, _, braces = phrase.partition("{")
            if "}" not in braces:
                problems.append(Problem(number, "missing '}'"))
                continue
            plural = braces.partition("}")[0].strip()
        phrases = _expand_markers(phrase.strip(), markers)
        if phrases is None:
            problems.append(Problem(number, f"unknown substitution marker in {phrase.strip()!r}"))
            continue
        for one in phrases:
            forms = [one]
            if plural is None and "!" not in phrase:
                forms.append(_plural(one))
            elif plural:
                forms.append(plural)
            for form in forms:
                text = phrase_text(form).lower()
                if text:
                    entries.append(AgentEntry(text, code.upper(), suffix, number))
    return entries, problems


def _expand_markers(phrase: str, markers: dict[str, list[str]]) -> list[str] | None:
    if "!" not in phrase:
        return [phrase]
    before, _, rest = phrase.partition("!")
    marker, _, after = rest.partition("!")
    if marker not in markers:
        return None
    return [f"{before}{value}{after}" for value in markers[marker]]


def _plural(phrase: str) -> str:
    """PETRARCH's regular plural of an agent phrase (…Y → …IES, …S → …SES, else …S)."""
    if phrase.endswith("Y"):
        return phrase[:-1] + "IES"
    if phrase.endswith("S"):
        return phrase + "ES"
    return phrase + "S"


def agent_is_person(phrase: str) -> bool:
    """Whether an agent noun names one individual (so it can be the antecedent of "he"/"she")."""
    last = phrase.split()[-1] if phrase.split() else ""
    if last.endswith(COLLECTIVE_ENDINGS):
        return False
    return not last.endswith("s") and last.endswith(PERSON_ENDINGS)
