"""The words and patterns that mark place names: locative cues, kind nouns, container gaps."""

from __future__ import annotations

import re

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# The small NER model often tags a town as ORG or PERSON ("protested in Macerata"); such an entity
# is read as a place only with a locative cue: one of these words before it...
LOCATIVE_WORDS = frozenset({
    "in", "at", "near", "outside", "around", "into", "across", "toward", "towards", "inside",
    "from", "through", "between",
})
# ...or a place-kind noun after it ("Srinagar city", "Aleppo governorate").
PLACE_NOUNS = frozenset({
    "city", "town", "village", "district", "province", "region", "state", "county", "governorate",
    "township", "area", "countryside", "municipality", "regency", "oblast", "prefecture",
    "neighbourhood", "neighborhood", "suburb", "outskirts", "locality", "department", "island",
    "territory", "woreda", "tehsil", "kebele", "upazila", "commune", "subdistrict", "lga", "raion",
    "suburbs", "vicinity",
})
# A kind word after a name that says it is a settlement or a district ("Kanii village", "Dhanusha
# district"): as good a licence for the village and district tiers as "in" before it.
KIND_NOUNS = frozenset({
    "town", "village", "district", "township", "county", "municipality", "territory", "woreda",
    "tehsil", "kebele", "upazila", "commune", "subdistrict", "locality", "city", "regency", "lga",
    "raion",
})
# Lowercase words inside place names ("Santa Cruz do Capibaribe", "Castello de la Plana",
# "Newcastle upon Tyne").
NAME_CONNECTORS = frozenset({
    "de", "del", "della", "di", "do", "da", "dos", "das", "du", "des", "la", "le", "les", "los",
    "las", "el", "sur", "sous", "en", "y", "am", "an", "im", "upon", "on", "of",
})
# What may stand between a name and its containers: separators, capitalised names the gazetteer
# does not know, and region-kind words ("Yinmarbin township, Yinmarbin district, Sagaing").
# The name's run is possessive (*+): with a plain * an all-caps run of n letters can be split
# 2^n ways, and a failing match over a long capitalised gap ran for minutes.
CONTAINER_GAP = re.compile(
    r"(?:[\s,()\-–]|[A-Z][\w'’.\-]*+|(?:coded|as|to|of|de|del|the|"
    r"district|region|province|state|county|township|village|town|city|governorate|oblast|"
    r"municipality|department|division|locality|area|woreda|zone|tehsil|upazila|lga|raion|rayon|regency|territory))*"
)
