#!/usr/bin/env python3
"""Reproduce the article selection of ner_test.jsonl (see README.md).

The held-out rule (select_heldout.py) with random.seed(2027), a larger plan,
and both the dev-set and the held-out-set articles removed from the candidates.
Prints one `path category` line per article, the path relative to the shared
corpus (as in the gold files' `file` field).
Run from anywhere: python3 tests/data/select_test.py
"""
import sys
sys.dont_write_bytecode = True                  # no __pycache__ beside the gold files
from select_heldout import select

PLAN = [("france", 7), ("politique", 7), ("monde", 7), ("auto/news", 5),
        ("societe/fait-divers", 1), ("societe/people", 1), ("societe/culture", 1),
        ("societe/sante", 1), ("societe/environnement", 1), ("wikinews", 9)]


def main():
    select(2027, PLAN, ["ner_dev.jsonl", "ner_heldout.jsonl"])


if __name__ == "__main__":
    main()
