#!/usr/bin/env python3
"""Reproduce the article selection of the training set, ner_train.jsonl (see README.md).

The held-out rule (select_heldout.py) with random.seed(2029), a plan of 240 articles, and the
dev, held-out, test and blind articles removed from the candidates; with --second, 216 more
(random.seed(2030), the first 240 removed too). Prints one `path category`
line per article, the path relative to the shared corpus (as in the gold files' `file` field).
Run from anywhere: python3 tests/data/select_train.py
"""
import sys
sys.dont_write_bytecode = True                  # no __pycache__ beside the gold files
from select_heldout import select

PLAN = [("france", 40), ("politique", 40), ("monde", 40), ("auto/news", 24),
        ("societe/fait-divers", 12), ("societe/people", 12), ("societe/culture", 12),
        ("societe/sante", 12), ("societe/environnement", 12), ("wikinews", 36)]

# Fewer wikinews articles are left in the word range for the second draw.
SECOND_PLAN = PLAN[:-1] + [("wikinews", 12)]


def main():
    """The first 240 articles (seed 2029), then 240 more (seed 2030) drawn without them."""
    earlier = ["ner_dev.jsonl", "ner_heldout.jsonl", "ner_test.jsonl", "ner_blind.jsonl"]
    if sys.argv[1:] == ["--second"]:
        select(2030, SECOND_PLAN, earlier + ["ner_train.jsonl"])
    else:
        select(2029, PLAN, earlier)


if __name__ == "__main__":
    main()
