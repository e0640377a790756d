"""Events implied by another event's modality: "will visit" is also an intent, "refused to" a rejection."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from tidings.errors import DataFileError
from tidings.events.codebook import Codebook, parent_of
from tidings.types import Event, make_event_id

# "demanded" / "appealed" rows are read by events.complements to code what a demand asks for.
WHEN = ("planned", "refused", "demanded", "appealed")
# Negation cues that make a negated act a refusal (an act the actor declines to do).
STATED_INTENT_CUES = frozenset({"would", "may"})
REFUSAL_CUES = frozenset({"refuse", "decline", "reject", "not+will", "not+would", "not+shall", "not+'ll"})


@dataclass(frozen=True)
class Derivations:
    """(code, when) → derived code, read from data/patterns/derived.tsv."""

    table: dict[tuple[str, str], str]

    @classmethod
    def load(cls, codebook: Codebook, path: Path | None = None) -> Derivations:
        source = path or resources.files("tidings") / "data" / "patterns" / "derived.tsv"
        lines = source.read_text(encoding="utf-8").splitlines()
        rows = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
        table: dict[tuple[str, str], str] = {}
        header = rows[0][1].split("\t") if rows else []
        if header != ["code", "when", "derived"]:
            raise DataFileError(str(source), rows[0][0] if rows else None, "header must be code, when, derived")
        for number, line in rows[1:]:
            fields = line.split("\t")
            if len(fields) != 3:
                raise DataFileError(str(source), number, "expected 3 tab-separated fields")
            code, when, derived = fields
            if when not in WHEN:
                raise DataFileError(str(source), number, f"'when' must be one of {WHEN}, not {when!r}")
            for value in (code, derived):
                if value not in codebook:
                    raise DataFileError(str(source), number, f"{value!r} is not in the CAMEO codebook")
            if (code, when) in table:
                raise DataFileError(str(source), number, f"duplicate row for {code} {when}")
            table[(code, when)] = derived
        return cls(table)

    def lookup(self, code: str, when: str) -> str | None:
        current: str | None = code
        while current is not None:
            if (current, when) in self.table:
                return self.table[(current, when)]
            current = parent_of(current)
        return None


def derivation_kind(modality: str, cue: str) -> str | None:
    """'planned' or 'refused' when the event's modality implies a second event, else None."""
    if modality == "planned":
        return "planned"
    # "said it would tighten the blockade", "may halt mediation": a stated intent or threat.
    if modality == "hypothetical" and cue in STATED_INTENT_CUES:
        return "planned"
    # "may halt mediation if cooperation founders": an act made to hang on a condition is a stated
    # (conditional) intent or threat, which CAMEO codes as 03x / 13x.
    if modality == "conditional" and cue == "if-consequent":
        return "planned"
    if modality == "negated" and cue in REFUSAL_CUES:
        return "refused"
    return None


def derived_event(event: Event, cue: str, derivations: Derivations, codebook: Codebook) -> Event | None:
    """The asserted intent / threat / rejection event that a planned or refused act implies."""
    kind = derivation_kind(event.modality, cue)
    if kind is None:
        return None
    code = derivations.lookup(event.cameo.code, kind)
    if code is None or code == event.cameo.code:
        return None
    return dataclasses.replace(
        event,
        event_id=make_event_id(event.article_id, event.evidence, code),
        cameo=codebook.cameo(code),
        quad_class=codebook.quad_class(code),
        goldstein=codebook.goldstein(code),
        plover=codebook.plover(code),
        modality="asserted",
    )


def without_restated(events: list[Event], derived_ids: set[str]) -> list[Event]:
    """The events less each derived one that the text already states in the same sentence.

    "refused to meet the king" codes the rejection from "refused" itself; the rejection derived
    from the negated "meet" would count it twice. Same sentence, code and source is the same event.
    """
    def key(event: Event) -> tuple:
        return (event.sentence_index, event.cameo.code, event.source.code if event.source else None)

    stated = {key(e) for e in events if e.event_id not in derived_ids}
    return [e for e in events if e.event_id not in derived_ids or key(e) not in stated]
