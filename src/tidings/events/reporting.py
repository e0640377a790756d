"""Reporting cues (say, quote, according to) loaded from data/cues/reporting.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from tidings.errors import DataFileError


@dataclass(frozen=True)
class ReportingCues:
    verbs: dict[str, str]  # lemma → cue name
    prepositions: dict[str, str]  # "according to" → cue name
    inner_source_verbs: dict[str, str]
    object_source_verbs: frozenset[str]

    def is_reporting_verb(self, lemma: str) -> bool:
        return lemma in self.verbs

    @classmethod
    def load(cls, path: Path | None = None) -> ReportingCues:
        source = path or resources.files("tidings") / "data" / "cues" / "reporting.yaml"
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        try:
            return cls(
                verbs={str(k): str(v) for k, v in data["verbs"].items()},
                prepositions={str(k): str(v) for k, v in data["prepositions"].items()},
                inner_source_verbs={str(k): str(v) for k, v in data["inner_source_verbs"].items()},
                object_source_verbs=frozenset(str(v) for v in data["object_source_verbs"]),
            )
        except (KeyError, AttributeError, TypeError) as exc:
            raise DataFileError(str(source), None, f"bad reporting cues: {exc!r}") from exc
