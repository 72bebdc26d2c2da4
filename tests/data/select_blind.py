#!/usr/bin/env python3
"""Reproduce the article selection of the blind set, ner_blind.jsonl (see README.md).

The held-out rule (select_heldout.py) with random.seed(2028), a plan of 63 articles, and the
dev, held-out and test articles removed from the candidates. Prints one `path category` line per
article, the path relative to the shared corpus (as in the gold files' `file` field).
Run from anywhere: python3 tests/data/select_blind.py
"""
import sys
sys.dont_write_bytecode = True                  # no __pycache__ beside the gold files
from select_heldout import select

PLAN = [("france", 10), ("politique", 10), ("monde", 10), ("auto/news", 6),
        ("societe/fait-divers", 3), ("societe/people", 3), ("societe/culture", 3),
        ("societe/sante", 3), ("societe/environnement", 3), ("wikinews", 12)]


def main():
    select(2028, PLAN, ["ner_dev.jsonl", "ner_heldout.jsonl", "ner_test.jsonl"])


if __name__ == "__main__":
    main()
