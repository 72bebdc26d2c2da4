#!/usr/bin/env python3
"""Reproduce the article selection of ner_heldout.jsonl (see README.md).

Same rule as ner_dev.jsonl, with random.seed(2026) and the dev-set articles
removed from the candidates. Prints one `path category` line per article,
the path relative to the shared corpus (as in the gold files' `file` field).
Run from anywhere: python3 tests/data/select_heldout.py
"""
import json, os, random, sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[2] / "shared"             # shared/ beside the clone
CORPUS, META = SHARED / "corpus", SHARED / "corpus-meta"
PLAN = [("france", 5), ("politique", 5), ("monde", 5), ("auto/news", 4),
        ("societe/fait-divers", 1), ("societe/people", 1), ("societe/culture", 1),
        ("societe/sante", 1), ("societe/environnement", 1), ("wikinews", 6)]


def words(rel):
    """Whitespace-separated words of title + body (orangesum byline, line 3, excluded)."""
    lines = (CORPUS / rel).read_text(encoding="utf-8").split("\n")
    if rel.startswith("orangesum/"):
        lines = lines[:2] + lines[3:]
    return len(" ".join(lines).split())


def select(seed, plan, excluded):
    """Prints the sample of `plan` drawn with `seed`, leaving out the files of the gold sets
    named in `excluded`."""
    for folder in (CORPUS, META):
        if not folder.is_dir():     # said relative to the repo root, like the README
            sys.exit(f"error: {os.path.relpath(folder, HERE.parents[1])} not found: the shared "
                     "corpus and corpus-meta/ must sit beside the clone")
    by_cat = {}
    for name in ("orangesum", "wikinews"):
        for line in open(META / f"{name}.jsonl", encoding="utf-8"):
            rec = json.loads(line)
            cat = rec.get("category", "wikinews")      # wikinews records have none
            by_cat.setdefault(cat, []).append(rec["file"].removeprefix("corpus/"))
    seen = {json.loads(l)["file"] for gold in excluded
            for l in open(HERE / gold, encoding="utf-8")}
    random.seed(seed)
    for cat, k in plan:
        cands = sorted(p for p in by_cat[cat] if p not in seen and 150 <= words(p) <= 500)
        for path in random.sample(cands, k):
            print(path, cat)


def main():
    select(2026, PLAN, ["ner_dev.jsonl"])

if __name__ == "__main__":
    main()
