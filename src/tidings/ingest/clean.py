"""Blank out scrape noise and normalise typography without changing the text's length.

clean_text is length-preserving on purpose: every character of the cleaned text sits at the
same offset as in the original, so the offset map between them is the identity. The NLP runs
on the cleaned text, and every span it finds is a valid span into Article.text, the text the
user gave us, with no map to keep, invert or get wrong. Noise therefore becomes spaces (and
a decoded entity is padded with spaces), never shorter text.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from tidings.errors import DataFileError

# One character in, one character out: curly quotes and dashes to ASCII, odd spaces to " ".
_TYPOGRAPHY = {
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4", "'"),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    # Non-breaking, typographic and zero-width spaces, word joiner, BOM, bidi marks.
    **dict.fromkeys(
        "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
        "\u2009\u200a\u202f\u205f\u3000",
        " ",
    ),
    **dict.fromkeys(
        "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
        "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
        " ",
    ),
    # Unicode line and paragraph separators still end a line.
    "\u2028": "\n",
    "\u2029": "\n",
}
# Control characters become spaces; tab, newline and carriage return are layout and stay.
_CONTROLS = {
    chr(c): " " for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)] if chr(c) not in "\t\n\r"
}
TRANSLATION = str.maketrans({**_CONTROLS, **_TYPOGRAPHY})

# Markup that scrapers leave in body text. Bounded repeats keep a stray "<" from scanning
# a 5 MB text.
_INLINE_NOISE = re.compile(
    r"<(script|style)\b[^>]{0,500}>.{0,20000}?</\1\s*>"  # script/style bodies are never prose
    r"|<!--.{0,20000}?-->"
    r"|</?[A-Za-z][A-Za-z0-9:-]{0,30}(?:\s[^<>]{0,1000})?/?>"  # a tag, with any attributes
    r"|\[ad_\d{1,3}\]|\[/?pullquote\]",  # WordPress shortcodes left by ad plugins
    re.DOTALL | re.IGNORECASE,
)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Boilerplate is short; longer lines are never tested, which also bounds the regex work.
MAX_BOILERPLATE_LINE = 1000
BOILERPLATE_PATH = ("data", "ingest", "boilerplate.txt")


@dataclass(frozen=True)
class Boilerplate:
    """Whole-line boilerplate patterns (data/ingest/boilerplate.txt), joined into one regex."""

    pattern: re.Pattern[str]
    source: str

    def matches(self, line: str) -> bool:
        stripped = line.strip()
        return 0 < len(stripped) <= MAX_BOILERPLATE_LINE and bool(self.pattern.fullmatch(stripped))

    @classmethod
    def load(cls, path: Path | None = None) -> Boilerplate:
        """Read and validate a pattern file; a bad line raises DataFileError naming it."""
        source = path or resources.files("tidings").joinpath(*BOILERPLATE_PATH)
        name = str(source)
        parts = []
        for lineno, raw in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            try:
                # Compiled wrapped, as it will be joined: a global flag like (?i) fails here.
                compiled = re.compile(f"(?:{line})")
            except re.error as exc:
                hint = "; use a scoped flag such as (?i:...)" if "global flags" in str(exc) else ""
                raise DataFileError(name, lineno, f"bad pattern {line!r}: {exc}{hint}") from None
            if compiled.fullmatch(""):
                raise DataFileError(name, lineno, f"pattern {line!r} matches an empty line")
            parts.append(f"(?:{line})")
        if not parts:
            raise DataFileError(name, None, "no boilerplate patterns")
        return cls(pattern=re.compile("|".join(parts)), source=name)


@functools.cache
def default_boilerplate() -> Boilerplate:
    """The packaged patterns, read once per process (immutable, so sharing is safe)."""
    return Boilerplate.load()


def clean_text(text: str, boilerplate: Boilerplate | None = None) -> str:
    """The text with scrape noise blanked and typography normalised; same length, same offsets.

    Blanked: ad markers ([ad_1]), HTML tags, comments and script/style blocks, and whole
    boilerplate lines (newsletter prompts, "CLOSE" video captions, photo credits, ...).
    An HTML entity becomes its character followed by spaces ("&amp;" -> "&    ").
    Curly quotes, primes and dashes become ' " -; odd and zero-width spaces and control
    characters become a space. Newlines are never removed, so line structure is kept.
    """
    patterns = boilerplate or default_boilerplate()
    cleaned = text.translate(TRANSLATION)
    cleaned = _INLINE_NOISE.sub(_blank, cleaned)
    cleaned = _ENTITY.sub(_decode_entity, cleaned)
    lines = cleaned.split("\n")
    return "\n".join(_blank_text(line) if patterns.matches(line) else line for line in lines)


def _blank(match: re.Match[str]) -> str:
    return _blank_text(match.group())


def _blank_text(text: str) -> str:
    # Line breaks survive blanking so sentence and line positions stay where they were.
    return re.sub(r"[^\n\r]", " ", text)


def _decode_entity(match: re.Match[str]) -> str:
    entity = match.group()
    decoded = html.unescape(entity).translate(TRANSLATION)
    if decoded == entity or len(decoded) > len(entity):
        return entity  # not an entity html knows: it is text, leave it alone
    return decoded.ljust(len(entity))
