#!/usr/bin/env python3
"""Reproduce the article selection of ner_test.jsonl (see README.md).

The held-out rule (select_heldout.py) with random.seed(2027), a larger plan,
and both the dev-set and the held-out-set articles removed from the candidates.
Prints one `path category` line per article.
Run from anywhere: python3 tests/data/select_test.py
"""
import json, random, sys
sys.dont_write_bytecode = True                  # no __pycache__ beside the gold files
from select_heldout import HERE, META, words

PLAN = [("france", 7), ("politique", 7), ("monde", 7), ("auto/news", 5),
        ("societe/fait-divers", 1), ("societe/people", 1), ("societe/culture", 1),
        ("societe/sante", 1), ("societe/environnement", 1), ("wikinews", 9)]


def main():
    by_cat = {}
    for name in ("orangesum", "wikinews"):
        for line in open(META / f"{name}.jsonl", encoding="utf-8"):
            rec = json.loads(line)
            cat = rec.get("category", "wikinews")      # wikinews records have none
            by_cat.setdefault(cat, []).append(rec["file"].removeprefix("corpus/"))
    seen = {json.loads(l)["file"] for gold in ("ner_dev.jsonl", "ner_heldout.jsonl")
            for l in open(HERE / gold, encoding="utf-8")}
    random.seed(2027)
    for cat, k in PLAN:
        cands = sorted(p for p in by_cat[cat] if p not in seen and 150 <= words(p) <= 500)
        for path in random.sample(cands, k):
            print(path, cat)


if __name__ == "__main__":
    main()
