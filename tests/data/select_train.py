#!/usr/bin/env python3
"""Reproduce the article selection of the training set, ner_train.jsonl (see README.md).

The held-out rule (select_heldout.py) with random.seed(2029), a plan of 240 articles, and the
dev, held-out, test and blind articles removed from the candidates. Prints one `path category`
line per article, the path relative to the shared corpus (as in the gold files' `file` field).
Run from anywhere: python3 tests/data/select_train.py
"""
import sys
sys.dont_write_bytecode = True                  # no __pycache__ beside the gold files
from select_heldout import select

PLAN = [("france", 40), ("politique", 40), ("monde", 40), ("auto/news", 24),
        ("societe/fait-divers", 12), ("societe/people", 12), ("societe/culture", 12),
        ("societe/sante", 12), ("societe/environnement", 12), ("wikinews", 36)]


def main():
    select(2029, PLAN, ["ner_dev.jsonl", "ner_heldout.jsonl", "ner_test.jsonl",
                        "ner_blind.jsonl"])


if __name__ == "__main__":
    main()
