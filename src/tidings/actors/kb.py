"""Actor knowledge base: countries, role cues and named actors with dated codes, loaded from data files."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from tidings.actors.imported import imported_tables, read_imported_actors, read_imported_agents
from tidings.actors.tables import Period, Row, check_code, parse_periods, read_table

NAMED_TABLES = ("people.tsv", "organisations.tsv", "groups.tsv")  # earlier tables win a shared name
NAMED_COLUMNS = ("name", "aliases", "kind", "code", "periods", "titles")
CAPITAL_LETTERS = re.compile(r"[A-Z]")
TOKEN_LIKE = re.compile(r"\w+|[^\w\s]")
HYPHEN_SPACE = re.compile(r"\s*-\s*")
# Common nouns some dictionary entries list as a one-word name (Phoenix: Tanzim = "Organization").
GENERIC_NOUNS = frozenset({"organization", "organisation", "movement", "front", "party", "group", "agency",
                           "office", "ministry", "committee", "council", "union", "league", "alliance",
                           "army", "resistance", "brigade", "brigades", "government", "state", "people"})


@dataclass(frozen=True)
class NamedActor:
    """A person or organisation with a fallback code and date-bounded codes (offices held)."""

    name: str
    aliases: tuple[str, ...]
    kind: str  # "person" | "org"
    code: str
    periods: tuple[Period, ...]
    titles: tuple[str, ...]  # offices the text may call the person by ("president"), for coreference
    source: str = ""  # the table row it came from ("people.tsv:14"), for `tidings actors lookup`
    curated: bool = True  # False: from an imported dictionary (no entity-ruler pattern: too many)

    @property
    def is_person(self) -> bool:
        return self.kind == "person"

    def period_on(self, day: date | None) -> Period | None:
        if day is None:
            return None
        return next((p for p in self.periods if p.covers(day)), None)

    def code_on(self, day: date | None) -> str:
        """The code on a date: the covering period's code, else the fallback code."""
        period = self.period_on(day)
        return period.code if period else self.code


@dataclass(frozen=True)
class RoleCue:
    """A title or noun that names an actor's role ("minister" → GOV, "militias" → REB)."""

    cue: str
    role: str | None  # None: a proxy without a role of its own ("group", "one")
    person: bool  # names one individual, so it can be the antecedent of "he"/"she"
    proxy: bool  # stands for the group in its "of"/"for" phrase ("a spokesman for Hamas")
    source: str = ""  # the table row it came from ("roles.tsv:12")
    means: bool = False  # a weapon standing for whoever used it: a doer, never a target
    in_names: bool = False  # a role only as the last word of a capitalised name ("the Iyi Party")


def normalise(text: str) -> str:
    """The lookup key of a name or cue: accents folded, lower case, one space, tight hyphens."""
    if text.isascii():  # most names: nothing to fold (a fast path, the KB normalises ~50k names on load)
        folded = text
    else:
        folded = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
        folded = "".join(c for c in folded if not unicodedata.combining(c))
    spaced = " ".join(folded.lower().split())
    return HYPHEN_SPACE.sub("-", spaced) if "-" in spaced else spaced


def _data_dir() -> Path:
    return Path(str(resources.files("tidings") / "data" / "actors"))


def cameo_type_codes() -> frozenset[str]:
    """CAMEO's actor type (role) codes: GOV, MIL, REB, … (data/cameo/cameo_type_codes.tsv)."""
    path = Path(str(resources.files("tidings") / "data" / "cameo" / "cameo_type_codes.tsv"))
    return frozenset(row["code"] for row in read_table(path, ("code", "label")))


_type_codes = cameo_type_codes


def agent_codes(folder: Path | None = None) -> frozenset[str]:
    """Role codes the Phoenix dictionaries add to CAMEO's type table (PTY), from agent_codes.tsv."""
    path = (folder or _data_dir()) / "agent_codes.tsv"
    if not path.is_file():
        return frozenset()
    return frozenset(row["code"] for row in read_table(path, ("code", "label")))


class ActorKB:
    """Names and cues → codes. Every lookup goes through `normalise`; proper names need a capital."""

    def __init__(self, *, countries: dict[str, str], demonyms: dict[str, str], seats: dict[str, str],
                 roles: dict[str, RoleCue], named: dict[str, tuple[NamedActor, ...]],
                 capitals_only: frozenset[str], country_codes: frozenset[str], type_codes: frozenset[str],
                 multiword_countries: tuple[tuple[str, str], ...] = (),
                 sources: dict[str, str] | None = None) -> None:
        self.countries = countries  # "iraq" → IRQ
        self.demonyms = demonyms  # "iraqi" → IRQ
        self.seats = seats  # "washington", "kremlin" → USA, RUS (metonymy for the government)
        self.roles = roles
        self.named = named  # name or alias → the actors it may mean, in table order
        self.capitals_only = capitals_only  # keys written only in capitals ("us", "who"): "us" is a pronoun
        self.country_codes = country_codes
        self.type_codes = type_codes
        self.multiword_countries = multiword_countries  # (text, label) for the entity ruler
        self.sources = sources or {}  # place key → the row that named it ("countries.tsv:120")
        keys = [*countries, *demonyms, *seats, *roles, *named]
        self.max_tokens = max(len(TOKEN_LIKE.findall(key)) for key in keys)

    @classmethod
    def load(cls, data_dir: Path | None = None, extra_dirs: Iterable[Path] = ()) -> ActorKB:
        """Read and validate every table under `data_dir` (default: the packaged data/actors).

        Then the imported dictionaries (`imported/*.tsv`) of `extra_dirs` (user KBs) and of
        `data_dir`, in that order. Curated tables win every name they hold; an imported entry only
        fills names nothing earlier has, so a stale dictionary date never overrides a curated office.
        """
        folder = data_dir or _data_dir()
        type_codes = _type_codes() | agent_codes(folder)
        forms: dict[str, list[str]] = {}  # key → every spelling registered under it

        sources: dict[str, str] = {}

        def register(table: dict[str, Any], text: str, value: Any, source: str = "") -> None:
            key = normalise(text)
            forms.setdefault(key, []).append(text)
            table.setdefault(key, value)
            sources.setdefault(key, source)

        countries: dict[str, str] = {}
        demonyms: dict[str, str] = {}
        seats: dict[str, str] = {}
        multiword: list[tuple[str, str]] = []
        country_rows = list(read_table(folder / "countries.tsv", ("code", "kind", "names", "demonyms", "seats")))
        country_codes = frozenset(row["code"] for row in country_rows)
        for row in country_rows:
            if not re.fullmatch(r"[A-Z]{3}", row["code"]) or row["kind"] not in ("country", "region"):
                raise row.fail(f"bad country row: code {row['code']!r}, kind {row['kind']!r}")
            where = f"{row.path.name}:{row.line}"
            for name in row.items("names"):
                register(countries, name, row["code"], where)
                if " " in name and not name.lower().startswith("the "):
                    multiword.append((name, "GPE"))
            for demonym in row.items("demonyms"):
                register(demonyms, demonym, row["code"], where)
                # Every demonym, not only multi-word ones: the small model tags "Ugandan" PERSON
                # before a name ("Ugandan opposition candidates"), which hides the country.
                if demonym[:1].isupper() and "-" not in demonym:
                    multiword.append((demonym, "NORP"))
            for seat in row.items("seats"):
                register(seats, seat, row["code"], where)
        # A capital is a seat of government, not the country, even where it shares a name.
        for key in seats:
            countries.pop(key, None)

        roles: dict[str, RoleCue] = {}
        for row in read_table(folder / "roles.tsv", ("cue", "role", "kind", "proxy")):
            roles[normalise(row["cue"])] = _role_cue(row, type_codes)
        kb_dirs = [*extra_dirs, folder]
        curated_roles = frozenset(roles)
        for path in (p for d in kb_dirs for p in imported_tables(d, "agents")):
            for row in read_imported_agents(path, type_codes):
                key = normalise(row["cue"])
                # A plural the curated table has in the singular stays curated ("militias").
                if key not in roles and not any(k in curated_roles for k in _singulars(key)):
                    roles[key] = RoleCue(key, row["code"][:3], row["kind"] == "person", False,
                                         f"{row['origin']} via {row.path.name}:{row.line}")

        first_groups = country_codes | type_codes
        actors: dict[str, NamedActor] = {}
        for table in NAMED_TABLES:
            for row in read_table(folder / table, NAMED_COLUMNS):
                actor = _named_actor(row, first_groups)
                actors.setdefault(normalise(actor.name), actor)
        extra = _phoenix_aliases(folder / "phoenix_aliases.tsv", actors)
        named: dict[str, tuple[NamedActor, ...]] = {}
        for actor in actors.values():
            actor = replace(actor, aliases=tuple(dict.fromkeys((*actor.aliases, *extra.get(actor.name, ())))))
            for text in (actor.name, *actor.aliases):
                key = normalise(text)
                forms.setdefault(key, []).append(text)
                if actor not in named.get(key, ()):
                    named[key] = (*named.get(key, ()), actor)
        curated = frozenset(named)
        places = (countries, demonyms, seats)
        for path in (p for d in kb_dirs for p in imported_tables(d, "actors")):
            for entry in read_imported_actors(path, first_groups):
                if entry.kind == "place":
                    for text in entry.names:
                        key = normalise(text)
                        if key not in curated and not any(key in table for table in places):
                            register(countries, text, entry.code, entry.origin)
                    continue
                # A dictionary entry for someone the curated tables know adds spellings to the curated
                # actor, whose offices are the maintained ones (Phoenix's end in 2014-2016).
                same = named.get(normalise(entry.names[0])) if normalise(entry.names[0]) in curated else None
                actor = same[0] if same and len(same) == 1 else NamedActor(
                    entry.names[0], entry.names[1:], entry.kind, entry.code, entry.periods, (), entry.origin,
                    curated=False)
                for text in entry.names:
                    key = normalise(text)
                    if key in curated or key in countries or key in demonyms or key in seats:
                        continue  # curated names and places win
                    if " " not in key and (key in roles or key in GENERIC_NOUNS):
                        continue  # a translation such as Tanzim's "Organization" is no name in English text
                    forms.setdefault(key, []).append(text)
                    named[key] = (*named.get(key, ()), actor)
        capitals_only = frozenset(
            key for key, texts in forms.items()
            if all(CAPITAL_LETTERS.search(t) and t.upper() == t for t in texts)
        )
        return cls(countries=countries, demonyms=demonyms, seats=seats, roles=roles, named=named,
                   capitals_only=capitals_only, country_codes=country_codes, type_codes=type_codes,
                   multiword_countries=tuple(multiword), sources=sources)

    # -- lookups -----------------------------------------------------------------------------

    def _proper_key(self, text: str) -> str | None:
        """The key of a proper name as written, or None when its case rules it out ("us", "china")."""
        if not CAPITAL_LETTERS.search(text):
            return None
        key = normalise(text)
        if key in self.capitals_only and text.upper() != text:
            return None
        return key

    def named_actor(self, text: str, when: date | None = None) -> NamedActor | None:
        """The named actor a name means: the one in office on `when` if several share it."""
        key = self._proper_key(text)
        candidates = self.named.get(key, ()) if key else ()
        if not candidates:
            return None
        in_office = [a for a in candidates if a.period_on(when) is not None]
        return (in_office or list(candidates))[0]

    def place(self, text: str) -> tuple[str, str] | None:
        """("country" | "demonym" | "seat", code) for a country name, demonym or seat of government."""
        key = self._proper_key(text)
        if key is None:
            return None
        for kind, table in (("country", self.countries), ("demonym", self.demonyms), ("seat", self.seats)):
            if key in table:
                return kind, table[key]
        return None

    def place_source(self, text: str) -> str:
        """The table row that registered a place name ("countries.tsv:120"), or ""."""
        key = normalise(re.sub(r"^[Tt]he\s+", "", text.strip()))
        return self.sources.get(key) or self.sources.get(normalise(text), "")

    def country_of(self, text: str) -> str | None:
        """The country code of a name, demonym or seat: "Iraqi", "Iraq", "Baghdad" → "IRQ"."""
        found = self.place(text.strip()) or self.place(re.sub(r"^[Tt]he\s+", "", text.strip()))
        return found[1] if found else None

    def role_cue(self, *texts: str) -> RoleCue | None:
        """The role cue of the first of `texts` (the words as written, then their lemmas) that is one."""
        for text in texts:
            cue = self.roles.get(normalise(text))
            if cue is not None:
                return cue
        return None

    def split_code(self, code: str) -> tuple[str | None, str | None]:
        """(country, role) of a code: "IRQREB" → ("IRQ", "REB"), "IGOUNO" → (None, "IGO")."""
        groups = [code[i:i + 3] for i in range(0, len(code), 3)]
        country = groups[0] if groups and groups[0] in self.country_codes else None
        rest = groups[1:] if country else groups
        role = next((g for g in rest if g in self.type_codes), None)
        return country, role

    # -- spaCy ---------------------------------------------------------------------------------

    def ruler_patterns(self) -> list[dict]:
        """EntityRuler patterns: named actors (PERSON/ORG) and multi-word countries (GPE/NORP)."""
        patterns: list[dict] = []
        seen: set[tuple[str, str]] = set()

        def add(label: str, text: str, ident: str) -> None:
            # Phrase patterns match exact spelling; a sentence-initial capital is the common variant.
            for variant in dict.fromkeys((text, text[:1].upper() + text[1:])):
                if len(variant) > 1 and (label, variant) not in seen:
                    seen.add((label, variant))
                    patterns.append({"label": label, "pattern": variant, "id": ident})

        for actors in self.named.values():
            # Imported dictionaries hold ~30k names: as ruler patterns they would take ~30 s to build.
            for actor in (a for a in actors if a.curated):
                label = "PERSON" if actor.is_person else "ORG"
                for text in (actor.name, *actor.aliases):
                    add(label, text, actor.name)
        for text, label in self.multiword_countries:
            add(label, text, text)
        return patterns

    def all_named(self) -> Iterable[NamedActor]:
        """Every named actor once, in table order."""
        return dict.fromkeys(a for actors in self.named.values() for a in actors)


def _singulars(cue: str) -> tuple[str, ...]:
    """The singulars a plural cue may have ("militias" → "militia", "parties" → "party")."""
    if cue.endswith("ies"):
        return cue[:-3] + "y", cue[:-1]
    if cue.endswith("es"):
        return cue[:-2], cue[:-1]
    return (cue[:-1],) if cue.endswith("s") else ()


def _role_cue(row: Row, type_codes: frozenset[str]) -> RoleCue:
    role, kind, proxy = row["role"], row["kind"], row["proxy"]
    if role != "-" and role not in type_codes:
        raise row.fail(f"role {role!r} is not a CAMEO type code")
    if kind not in ("person", "group", "means", "name"):
        raise row.fail(f"kind must be person, group, means or name, got {kind!r}")
    if proxy not in ("yes", "no"):
        raise row.fail(f"proxy must be yes or no, got {proxy!r}")
    if role == "-" and proxy != "yes":
        raise row.fail("only a proxy cue may have no role (-)")
    return RoleCue(normalise(row["cue"]), None if role == "-" else role, kind == "person", proxy == "yes",
                   f"{row.path.name}:{row.line}", means=kind == "means", in_names=kind == "name")


def _named_actor(row: Row, first_groups: frozenset[str]) -> NamedActor:
    if not row["name"].strip():
        raise row.fail("empty name")
    if row["kind"] not in ("person", "org"):
        raise row.fail(f"kind must be person or org, got {row['kind']!r}")
    return NamedActor(
        name=row["name"].strip(),
        aliases=tuple(row.items("aliases")),
        kind=row["kind"],
        code=check_code(row, row["code"], first_groups),
        periods=parse_periods(row, first_groups),
        titles=tuple(normalise(t) for t in row.items("titles")),
        source=f"{row.path.name}:{row.line}",
    )


def _phoenix_aliases(path: Path, actors: dict[str, NamedActor]) -> dict[str, tuple[str, ...]]:
    """Extra spellings by actor name; a row for an actor the KB does not have is an error."""
    extra: dict[str, tuple[str, ...]] = {}
    if not path.is_file():
        return extra
    for row in read_table(path, ("name", "aliases")):
        actor = actors.get(normalise(row["name"]))
        if actor is None:
            raise row.fail(f"no named actor {row['name']!r} for these spellings")
        extra[actor.name] = tuple(row.items("aliases"))
    return extra
