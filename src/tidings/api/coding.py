"""POST handlers that run the coder: /api/code (optionally stored) and /api/explain."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
from datetime import date
from pathlib import Path
from typing import Any, Optional

from fastapi import HTTPException
from pydantic import BaseModel, Field

from tidings.settings import Settings
from tidings.store.views import StoreViews
from tidings.types import Article, stable_id

MAX_TEXT_CHARS = Settings().max_chars  # the pipeline would truncate beyond it anyway
MAX_SENTENCE_CHARS = 2_000


class CodeRequest(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS, description="The article text.")
    published: Optional[date] = Field(None, description="Publication date (dates are resolved against it).")
    id: Optional[str] = Field(None, max_length=200, description="Article id (default: a hash of the text).")
    title: Optional[str] = Field(None, max_length=1000)
    source: Optional[str] = Field(None, max_length=200, description="The outlet.")
    url: Optional[str] = Field(None, max_length=2000)
    store: bool = Field(False, description="Also upsert into the store (the server must allow it).")


class ExplainRequest(BaseModel):
    sentence: str = Field(min_length=1, max_length=MAX_SENTENCE_CHARS)
    published: Optional[date] = None


def code_request(
    body: CodeRequest, settings: Settings, views: StoreViews | None, db_path: Path
) -> dict[str, Any]:
    """Code the posted article; store it when asked and the server was started to allow it."""
    from tidings.pipeline import code_articles

    if body.store and views is None:
        raise HTTPException(403, "this server is read-only (start it with --allow-store to store)")
    article = Article(
        id=body.id or stable_id(body.text), text=body.text, published=body.published,
        title=body.title, url=body.url, source=body.source,
    )  # fmt: skip
    coded = next(code_articles([article], settings))
    stored = False
    if body.store and views is not None:
        from tidings.store import EventStore

        # DuckDB lets one process hold a file either read-only or writable: hand it over.
        with views.released(), EventStore.open(db_path) as store:
            stored = store.upsert(coded)
    return {
        "article_id": article.id,
        "stored": stored,
        "events": [event.to_dict() for event in coded.events],
    }


def explain_request(body: ExplainRequest, settings: Settings) -> dict[str, Any]:
    """The coded events of one sentence plus, where tidings has one, its explain() trace."""
    from tidings.pipeline import code_text

    events = code_text(body.sentence, published=body.published, settings=settings)
    result: dict[str, Any] = {
        "sentence": body.sentence,
        "events": [event.to_dict() for event in events],
        "explanation": None,
    }
    explain = _explain_function()
    if explain is not None:
        kwargs = {}
        parameters = inspect.signature(explain).parameters
        if "settings" in parameters:
            kwargs["settings"] = settings
        if "published" in parameters and body.published is not None:
            kwargs["published"] = body.published
        result["explanation"] = _plain(explain(body.sentence, **kwargs))
    return result


def _explain_function():
    # `tidings explain` lives in the events stage; the panel shows only coded events without it.
    try:
        module = importlib.import_module("tidings.events.explain")
    except ImportError:
        return None
    for name in ("explain", "explain_sentence", "explain_text"):
        function = getattr(module, name, None)
        if callable(function):
            return function
    return None


def _plain(value: Any) -> Any:
    """A JSON-able form of whatever explain() returns (dataclass, to_dict(), list, text)."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (dict, str, int, float, bool)) or value is None:
        return value
    return str(value)
