#!/usr/bin/env python3
"""Reproduce the article selection of the last blind set, ner_last.jsonl (see README.md).

The held-out rule (select_heldout.py) with random.seed(2032), every article of the earlier gold
sets removed from the candidates (dev, held-out, test, blind, training and final), and a plan
of 63 articles with the one wikinews article left in the word range.
Prints one `path category` line per article, the path relative to the shared corpus.
Run from anywhere: python3 tests/data/select_last.py
"""
import sys
sys.dont_write_bytecode = True                  # no __pycache__ beside the gold files
from select_heldout import select

PLAN = [("france", 13), ("politique", 13), ("monde", 15), ("auto/news", 6),
        ("societe/fait-divers", 3), ("societe/people", 3), ("societe/culture", 3),
        ("societe/sante", 3), ("societe/environnement", 3), ("wikinews", 1)]


def main():
    select(2032, PLAN, ["ner_dev.jsonl", "ner_heldout.jsonl", "ner_test.jsonl",
                        "ner_blind.jsonl", "ner_train.jsonl", "ner_final.jsonl"])


if __name__ == "__main__":
    main()
