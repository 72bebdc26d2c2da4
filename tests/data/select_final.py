#!/usr/bin/env python3
"""Reproduce the article selection of the final blind set, ner_final.jsonl (see README.md).

The held-out rule (select_heldout.py) with random.seed(2031), the plan of the first blind set
with 6 wikinews (only 7 are left in the word range) and 12 each of france, politique and
monde, 63 articles in all, and every article of the
earlier gold sets removed from the candidates: dev, held-out, test, blind and training.
Prints one `path category` line per article, the path relative to the shared corpus.
Run from anywhere: python3 tests/data/select_final.py
"""
import sys
sys.dont_write_bytecode = True                  # no __pycache__ beside the gold files
from select_heldout import select

PLAN = [("france", 12), ("politique", 12), ("monde", 12), ("auto/news", 6),
        ("societe/fait-divers", 3), ("societe/people", 3), ("societe/culture", 3),
        ("societe/sante", 3), ("societe/environnement", 3), ("wikinews", 6)]


def main():
    select(2031, PLAN, ["ner_dev.jsonl", "ner_heldout.jsonl", "ner_test.jsonl",
                        "ner_blind.jsonl", "ner_train.jsonl"])


if __name__ == "__main__":
    main()
