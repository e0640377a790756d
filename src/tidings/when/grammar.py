"""Regular-expression grammar of English time expressions, built from the cue tables; finds only."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tidings.when.cues import Count, Season, Unit, WhenCues

DATE = "date"  # a day: explicit ("3 December 2020", "12/03/2020") or without a year ("Dec. 3")
MONTH = "month"  # "January", "last October", "mid-January", "January 2020", "October last year"
YEAR = "year"  # "2019", "early 2020"
WEEKDAY = "weekday"  # "Tuesday", "last Tuesday", "Tuesday night"
RELATIVE_DAY = "relative_day"  # "yesterday", "last night"
AGO = "ago"  # "two weeks ago", "a few days ago", "three days from now"
IN_UNITS = "in_units"  # "in two weeks": a point only when the verb is future
RELATIVE_UNIT = "relative_unit"  # "last week", "this month", "late last year", "over the weekend"
SEASON = "season"  # "last summer", "this winter"


@dataclass(frozen=True)
class Mention:
    """A time expression as written: its span and the calendar fields the grammar read off it."""

    start: int
    end: int
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    # -1 last/past, 0 this, +1 next/coming; None when the text gives no direction.
    direction: int | None = None
    # A part_of_month cue's value: "month" or a day of the month.
    part: str | int | None = None
    count: Count | None = None
    unit: Unit | None = None
    season: Season | None = None
    # Days from publication (relative_day); +1/-1 for ago ("from now" is +1).
    offset: int | None = None
    # "October last year" -> -1: the year relative to publication.
    relative_year: int | None = None
    # For numeric dates: the separator and the two numbers in written order.
    numeric: tuple[str, int, int] | None = None
    # A bare month or year ("May", "2019") is a date only with a cue before it or inside a
    # spaCy DATE entity: the finder checks that.
    needs_context: bool = False


def _words(words: Iterable[str]) -> str:
    """An alternation of cue words, longest first, spaces matching any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in ordered)


def _names(names: Iterable[str], full: Iterable[str]) -> str:
    """Title and UPPER case variants of calendar names; abbreviations take an optional period."""
    full_names = set(full)
    variants = []
    for name in names:
        for variant in {name, name.upper()}:
            variants.append(re.escape(variant) + ("" if name in full_names else r"\.?"))
    return "|".join(sorted(variants, key=len, reverse=True))


class Grammar:
    """Compiled patterns for one cue table. Build once (packaged_grammar) and reuse."""

    def __init__(self, cues: WhenCues) -> None:
        self.cues = cues
        # A month's longest name is its full name; shorter ones are abbreviations ("Sept.").
        full_months = [max((n for n, v in cues.months.items() if v == i), key=len)
                       for i in range(1, 13)]
        weekday_names = _names(cues.weekdays, cues.weekdays)
        end = r"(?![A-Za-z])"
        month = rf"(?<![A-Za-z])(?P<month>{_names(cues.months, full_months)}){end}"
        weekday = rf"(?<![A-Za-z])(?P<weekday>{weekday_names}){end}"
        lead_weekday = rf"(?:(?P<lead>{weekday_names}),?\s+)?"
        part = rf"(?:(?P<part>(?i:{_words(cues.parts_of_month)}))(?:\s*-\s*|\s+))?"
        direction = rf"(?:(?P<direction>(?i:{_words(cues.directions)}))\s+)"
        vague_lead = r"(?:(?i:earlier|later)\s+)?"
        day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?![\d])"
        year = r"(?P<year>\d{4})(?![\d])(?![,.]\d)"
        # A year stands alone: not inside an amount, a decade ("1990s") or a range ("2019-20").
        lone_year = (r"(?<![\d$£€.,/])(?<!\d-)(?<!\d–)(?P<year>(?:19|20)\d\d)"
                     r"(?![\d]|s\b|\s*[-–]\s*\d|[,.]\d)")
        pod = rf"(?:\s+(?i:{_words(cues.parts_of_day)}))?{end}"
        count = rf"(?P<count>(?i:{_words(cues.numbers)})|\d{{1,3}})"
        unit = rf"(?P<unit>(?i:{_words(cues.units)}))"
        relative_year = rf"(?P<relyear>(?i:last|this|next))\s+(?i:year){end}"
        relative_units = rf"(?P<unit>(?i:week|month|year|weekend)){end}"
        seasons = rf"(?P<season>(?i:{_words(cues.seasons)})){end}"
        ago_core = rf"{unit}\s+(?P<sign>(?i:ago|from\s+now)){end}"
        dated_unit = rf"{direction}{relative_units}"
        dated_season = rf"{direction}{seasons}"
        # (kind, pattern, a part every match contains or None): a text without that part cannot
        # match, and one search for it costs far less than scanning the pattern's optional leads
        # ("the beginning of", "last") at every character (issue 9).
        sources = [
            (DATE, r"(?<![\d/.-])(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?![\d])", None),
            (DATE, r"(?<![\d/.-])(?P<first>\d{1,2})(?P<sep>[/.])(?P<second>\d{1,2})(?P=sep)"
                   r"(?P<year>\d{4}|\d{2})(?!\d)(?![/.]\d)", None),
            (DATE, rf"{lead_weekday}{month}\s*{day}(?![,.]\d)(?:,?\s+{year})?", month),
            (DATE, rf"{lead_weekday}(?:(?i:the)\s+)?(?<![\d,.]){day}\s+(?:(?i:of)\s+)?{month}"
                   rf"(?:,?\s+{year})?", month),
            (DATE, rf"(?<![\d-]){day}-{month}-{year}", month),
            (MONTH, rf"{part}{month}(?:,?\s+|\s+(?i:of)\s+){year}", month),
            (MONTH, rf"{part}{month}\s+(?:(?i:of)\s+)?{relative_year}", month),
            (MONTH, rf"{direction}?{part}{month}", month),
            (YEAR, rf"{part}{lone_year}", lone_year),
            (WEEKDAY, rf"{direction}?{weekday}{pod}", weekday),
            (RELATIVE_DAY, rf"(?<![A-Za-z])(?P<relday>(?i:{_words(cues.relative_days)})){pod}", None),
            (AGO, rf"(?<![A-Za-z]){count}\s+{ago_core}", ago_core),
            (IN_UNITS, rf"\b(?i:in)\s+(?P<core>{count}\s+{unit}){end}(?!\s+(?i:ago|time))", None),
            (RELATIVE_UNIT, rf"{part}{vague_lead}{dated_unit}", dated_unit),
            (SEASON, rf"{part}{vague_lead}{dated_season}", dated_season),
            (RELATIVE_UNIT, r"\b(?i:over|at|during)\s+the\s+(?P<core>(?P<unit>(?i:weekend)))", None),
        ]
        self.patterns: list[tuple[str, re.Pattern[str]]] = [
            (kind, re.compile(source)) for kind, source, _ in sources]
        self._required: list[re.Pattern[str] | None] = [
            re.compile(required) if required else None for _, _, required in sources]

    def find(self, text: str) -> list[Mention]:
        """Every expression in `text`, overlaps resolved to the longest (then leftmost) match."""
        found = [self._mention(kind, match)
                 for (kind, pattern), required in zip(self.patterns, self._required)
                 if required is None or required.search(text)
                 for match in pattern.finditer(text)]
        found.sort(key=lambda m: (-(m.end - m.start), m.start))
        chosen: list[Mention] = []
        for mention in found:
            if all(mention.end <= c.start or mention.start >= c.end for c in chosen):
                chosen.append(mention)
        return sorted(chosen, key=lambda m: m.start)

    def _mention(self, kind: str, match: re.Match[str]) -> Mention:
        groups = {k: v for k, v in match.groupdict().items() if v is not None}
        cues = self.cues

        def lookup(table: dict, key: str) -> object:
            return table[" ".join(key.lower().split())]

        fields: dict[str, object] = {}
        if "month" in groups:
            name = groups["month"].rstrip(".")
            fields["month"] = int(groups["month"]) if name.isdigit() else cues.months[name.title()]
        if "day" in groups:
            fields["day"] = int(groups["day"])
        if "year" in groups:
            fields["year"] = int(groups["year"])
        if "weekday" in groups:
            fields["weekday"] = cues.weekdays[groups["weekday"].title()]
        if "direction" in groups:
            fields["direction"] = lookup(cues.directions, groups["direction"])
        if "part" in groups:
            fields["part"] = lookup(cues.parts_of_month, groups["part"])
        if "relyear" in groups:
            fields["relative_year"] = lookup(cues.directions, groups["relyear"])
        if "relday" in groups:
            fields["offset"] = lookup(cues.relative_days, groups["relday"])
        if "count" in groups:
            written = groups["count"]
            fields["count"] = Count(int(written), int(written)) if written.isdigit() else lookup(
                cues.numbers, written)
        if "unit" in groups:
            word = groups["unit"].lower()
            fields["unit"] = Unit("weekend", 1) if word == "weekend" else lookup(cues.units, word)
        if "season" in groups:
            fields["season"] = lookup(cues.seasons, groups["season"])
        if "sign" in groups:
            fields["offset"] = -1 if groups["sign"].lower() == "ago" else 1
        if "sep" in groups:
            fields["numeric"] = (groups["sep"], int(groups["first"]), int(groups["second"]))
            fields.pop("month", None)
        if kind in (MONTH, YEAR) and not {"direction", "part", "relyear"} & groups.keys():
            fields["needs_context"] = kind == YEAR or "year" not in groups
        # Leading context a pattern must see ("in", "over the") stays outside the span.
        start, end = match.span("core") if "core" in groups else match.span()
        return Mention(start=start, end=end, kind=kind, **fields)  # type: ignore[arg-type]
