"""Place-name keys (case, diacritics and region-kind words folded) and the Candidate type."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

PRECISIONS = ("site", "city", "admin2", "admin1", "country")
_TRANSLITERATE = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
     "Æ": "AE", "ı": "i", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d"}
)
# Apostrophes and ayn/hamza marks vary freely in transliterated names (Sana'a, Ma’rib, Sha`biyat).
_DROPPED = re.compile(r"[’‘'`´ʼʻʿʾ\".]")
_SEPARATORS = re.compile(r"[\s\-‐–—_/,]+")
# Latin letters with their diacritics (basic to Latin Extended-B, combining marks, Latin Extended
# Additional for "Ḩamāh") and the ayn/hamza marks; no digits.
_LATIN_NAME = re.compile(r"[ -/:-~\u00a0-\u024f\u0300-\u036f\u1e00-\u1eff’‘ʼʻʿʾ]+")
# Words that only say what kind of region a name is: "Idlib province" is the region "Idlib".
_REGION_PREFIXES = (
    "muhafazat ", "mayorality of ", "sha biyat ", "shabiyat ", "provincia de ", "province of ",
    "estado de ", "state of ", "departamento de ", "departamento del ", "region de ", "wilayat e ",
    "wilayat ", "governorate of ", "oblast ", "city of ",
)
_REGION_SUFFIXES = (
    " governorate", " province", " oblast", " region", " state", " prefecture",
    " district", " rayon", " rayonu", " sheng", " shi", " uygur zizhiqu", " zhuangzu zizhiqu",
    " huizu zizhiqu", " zizhiqu", " autonomous region", " city", " county", " department",
    " division", " municipality",
)


def normalize(name: str) -> str:
    """The lookup key of a place name: case, diacritics, punctuation and a leading 'the' folded."""
    text = _SEPARATORS.sub(" ", _DROPPED.sub("", name.translate(_TRANSLITERATE).lower()))
    if not text.isascii():
        # NFKD splits "ţ" into "t" + a combining mark, which the ASCII encoding then drops.
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = " ".join(text.split())
    if text.startswith("the "):
        text = text[4:]
    return text


def region_stems(key: str) -> list[str]:
    """Keys with a region-kind word removed ("idlib province" -> "idlib"), most specific first."""
    stems = []
    for prefix in _REGION_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix) + 2:
            stems.append(key[len(prefix):].strip())
    for suffix in _REGION_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            stems.append(key[: -len(suffix)].strip())
    return stems


# The Arabic article as transliterations write it: "al-", or assimilated before a sun letter
# ("as-Sanamayn", "ash-Shihr", "ar-Raqqa"), or Egyptian "el-".
_ARTICLE = re.compile(r"^(?:al|el|ad|adh|ar|as|ash|at|ath|az|an) (?=\w{3})")
_SUN_LETTERS = ("sh", "th", "dh", "t", "d", "r", "z", "s", "n")


def article_variants(key: str) -> list[str]:
    """The key with its Arabic article dropped, or with one added ("kut" -> "al kut", "raqqa" ->
    "ar raqqa"): transliterations keep or drop the article freely ("Amadiya", "Al Amadiya")."""
    match = _ARTICLE.match(key)
    if match:
        return [key[match.end():]]
    if len(key) < 3 or not key.isascii() or not key[0].isalpha():
        return []
    sun = next((letters for letters in _SUN_LETTERS if key.startswith(letters)), None)
    variants = [f"al {key}"]
    if sun:
        variants.append(f"a{sun} {key}")
    return variants


@dataclass(frozen=True)
class Candidate:
    """One place a name may refer to, with the prior that ranks it against same-named places."""

    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str
    population: int
    source: str
    prior: float
    # True when the name matched only one of the place's alternate names (e.g. "Kiev" for Kyiv).
    alternate: bool = False


def keep_alternate(name: str) -> bool:
    """Alternate names worth indexing: Latin-script spellings, not codes ("BGW") or fragments."""
    if len(name) < 4 or name.isupper():
        return False
    return _LATIN_NAME.fullmatch(name) is not None
