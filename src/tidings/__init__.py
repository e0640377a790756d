"""tidings: raw news text in, structured political event data (CAMEO, PLOVER) out."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["code_text", "code_articles", "__version__"]

if TYPE_CHECKING:  # pragma: no cover
    from tidings.pipeline import code_articles, code_text


def __getattr__(name: str) -> Any:
    # The pipeline imports spaCy; load it only when the coding functions are asked for.
    if name in ("code_text", "code_articles"):
        from tidings import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'tidings' has no attribute {name!r}")
