"""POST handlers that run the coder: /api/code (optionally stored) and /api/explain."""

from __future__ import annotations

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
    """What `tidings explain` shows for one sentence: its events (contract JSON) and the trace.

    The same steps as the CLI command (one parse, code_document, explain_doc), so the panel and
    the terminal agree. explain_doc offers text lines only; they are also split into their
    titled sections (parse, candidates, events) so the dashboard can lay them out.
    """
    from tidings.events.explain import explain_doc
    from tidings.pipeline import Resources, code_document

    resources = Resources.cached(settings)
    article = Article(id=stable_id(body.sentence), text=body.sentence, published=body.published)
    doc = resources.nlp(body.sentence)
    events = code_document(article, doc, resources)
    lines = explain_doc(doc, resources, events, article.published)
    return {
        "sentence": body.sentence,
        "published": body.published,
        "events": [event.to_dict() for event in events],
        "explanation": {"text": "\n".join(lines), "sections": explain_sections(lines)},
    }


def explain_sections(lines: list[str]) -> list[dict[str, Any]]:
    """explain_doc's lines grouped under their unindented titles ("parse:", "events (2):")."""
    sections: list[dict[str, Any]] = []
    for line in lines:
        if line and not line[0].isspace():
            sections.append({"title": line.rstrip().rstrip(":"), "lines": []})
        elif line.strip():
            if not sections:
                sections.append({"title": "", "lines": []})
            sections[-1]["lines"].append(line)
    return sections
