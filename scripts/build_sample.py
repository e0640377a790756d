"""Build the bundled sample (src/tidings/data/sample/): the seed article plus WMT news stories.

Run from the repository root:  python scripts/build_sample.py [--shared ../shared] [--count 24]

Only the WMT newstest file may be copied into the package (CC BY 4.0; see the corpus README).
Its stories are ranked by a politics/conflict/diplomacy keyword score and the top ones kept,
with their fields as they are (published stays null: WMT gives no dates, we invent none).
The output is deterministic: same input, same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE_DIR = REPO / "src" / "tidings" / "data" / "sample"
WMT_FILE = "wmt_newstest_en_2016_2017.jsonl.gz"
SEED_FILE = "seed_article.jsonl"
# Words that mark international politics, conflict and diplomacy: the stories CAMEO codes.
KEYWORDS = tuple(
    word.strip()
    for word in """
    military, troops, soldiers, army, forces, war, attack, attacks, killed, bomb, strike,
    strikes, rebels, militants, islamic state, isis, isil, ceasefire, weapons, police,
    protest, protesters, protesting, tear gas, arrested, detained, border, refugees,
    migrants, sanctions, sanctioned, talks, summit, visit, diplomatic, diplomat, embassy,
    ambassador, treaty, agreement, alliance, ally, minister, president, prime minister,
    government, parliament, opposition, united nations, un, nato, kremlin, putin, xi,
    syria, iraq, iran, russia, turkey, china, israel, ethiopia, nepal, hungary, accused,
    condemned, threatened, warned, urged, demanded, negotiations, election, vote, refugee,
    asylum, court
""".split(",")
)
KEYWORD_PATTERN = re.compile(
    r"\b(?:" + "|".join(re.escape(k) for k in sorted(KEYWORDS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
# Phrases where a keyword is not about politics ("heart attack"); removed before counting.
FALSE_FRIENDS = re.compile(r"\bheart attacks?\b", re.IGNORECASE)
TITLE_WEIGHT = 1.0


def score(record: dict) -> float:
    """Keyword hits per sqrt(words) in the body, plus weighted hits in the headline.

    The square root keeps long stories from winning on length alone while still preferring a
    story with many event sentences over a short brief.
    """
    text = FALSE_FRIENDS.sub(" ", record.get("text") or "")
    title = FALSE_FRIENDS.sub(" ", record.get("title") or "")
    words = max(1, len(text.split()))
    body_hits = len(KEYWORD_PATTERN.findall(text))
    title_hits = len(KEYWORD_PATTERN.findall(title))
    return body_hits / math.sqrt(words) + TITLE_WEIGHT * title_hits


def select(records: list[dict], count: int) -> list[dict]:
    ranked = sorted(records, key=lambda r: (-score(r), r["id"]))
    return sorted(ranked[:count], key=lambda r: r["id"])


def license_text(chosen: list[dict]) -> str:
    lines = [
        "# License and attribution of the bundled sample",
        "",
        "`articles.jsonl` holds two kinds of records.",
        "",
        "## seed-000",
        "",
        "A real news article as a scraper delivered it: scraped from the web and",
        "machine-translated into English by an unknown party, with its `[ad_1]` marker and",
        "translation slips kept. It is the project's worked example (see",
        "`shared/examples/README.md` in the development material): the text tidings exists for.",
        "Its outlet and translator are unknown; it is included, unchanged, as a short quotation",
        "for the purpose of illustration. Its `published` date (2020-12-01) is the date assumed",
        "for the example, not a date given by the source.",
        "",
        "## newstest2016-* and newstest2017-*",
        "",
        f"{len(chosen)} English-original news stories from the WMT 2016 and WMT 2017 news",
        "translation test sets (newstest2016 and newstest2017, English-Finnish), as packaged by",
        "Helsinki-NLP:",
        "",
        "- `Helsinki-NLP/WMT16-test-enfi`, `sgm/newstest2016-enfi-src.en.sgm`",
        "  (commit dddba1837f2b7151052a935b2dd12caa3e194353)",
        "- `Helsinki-NLP/WMT17-test-enfi`, `sgm/newstest2017-enfi-src.en.sgm`",
        "  (commit 066374d65bb3070ff3089dcd96381e9982fd1dc3)",
        "",
        "License: Creative Commons Attribution 4.0 International (CC BY 4.0),",
        "https://creativecommons.org/licenses/by/4.0/ . The packages' README states \"The package",
        'is distribute with the Creative Commons Attribution 4.0 license". The material is',
        "provided as is, without warranties of any kind (see the license's disclaimer).",
        "Credit: the WMT shared task organisers (Conference on Machine Translation, WMT 2016 and",
        "WMT 2017), the Helsinki-NLP packagers, and the news outlets that first published each",
        "story, named below. The copyright in each story stays with its outlet.",
        "",
        "Changes made: only documents originally written in English were kept; the first segment",
        "became `title`; the other segments were joined with spaces within a paragraph and blank",
        "lines between paragraphs; stories were selected by a keyword score for politics,",
        "conflict and diplomacy (`scripts/build_sample.py`). The WMT sets hold sentence-segmented",
        "documents, some of which were shortened by WMT. No text was otherwise edited.",
        "`published` and `url` are null because WMT gives neither.",
        "",
        "| id | outlet | headline |",
        "|---|---|---|",
    ]
    for record in chosen:
        title = (record.get("title") or "").replace("|", "\\|")
        lines.append(f"| {record['id']} | {record.get('source') or 'unknown'} | {title} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--count", type=int, default=24)
    parser.add_argument("--out", type=Path, default=SAMPLE_DIR)
    args = parser.parse_args()

    seed = [
        json.loads(line)
        for line in (args.shared / "examples" / SEED_FILE).open(encoding="utf-8")
        if line.strip()
    ]
    with gzip.open(args.shared / "corpus" / WMT_FILE, "rt", encoding="utf-8") as handle:
        wmt = [json.loads(line) for line in handle if line.strip()]
    chosen = select(wmt, args.count)
    for record in chosen:
        record["published"] = None  # WMT gives no date; the sample invents none

    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "articles.jsonl").open("w", encoding="utf-8", newline="\n") as out:
        for record in seed + chosen:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    (args.out / "LICENSE.md").write_text(license_text(chosen), encoding="utf-8", newline="\n")
    for record in chosen:
        print(f"{score(record):6.2f}  {record['id']}  {record.get('title')}")
    print(f"wrote {len(seed) + len(chosen)} articles to {args.out / 'articles.jsonl'}")


if __name__ == "__main__":
    main()
