#!/usr/bin/env python3
"""Reproduce the article selection of the third training set, ner_train3.jsonl (see README.md).

The held-out rule (select_heldout.py) with random.seed(2037), every article of the earlier gold
sets removed from the candidates (the unseen blind set and the second training set among them),
and six times the plan of the blind sets: 378 OrangeSum articles (the wikinews articles in the
word range are all in earlier sets). Prints one `path category` line per article, the path relative to the shared corpus.
Run from anywhere: python3 tests/data/select_train3.py
"""
import sys
sys.dont_write_bytecode = True                  # no __pycache__ beside the gold files
from select_heldout import select

PLAN = [("france", 78), ("politique", 78), ("monde", 96), ("auto/news", 36),
        ("societe/fait-divers", 18), ("societe/people", 18), ("societe/culture", 18),
        ("societe/sante", 18), ("societe/environnement", 18)]


def main():
    select(2037, PLAN, ["ner_dev.jsonl", "ner_heldout.jsonl", "ner_test.jsonl",
                        "ner_blind.jsonl", "ner_train.jsonl", "ner_final.jsonl",
                        "ner_last.jsonl", "ner_next.jsonl", "ner_fresh.jsonl",
                        "ner_unseen.jsonl", "ner_train2.jsonl"])


if __name__ == "__main__":
    main()
