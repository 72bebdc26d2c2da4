#!/usr/bin/env python3
"""Reproduce the article selection of the spare blind set, ner_spare.jsonl (see README.md).

The held-out rule (select_heldout.py) with random.seed(2039), every article of the earlier gold
sets removed from the candidates (dev, held-out, test, blind, training, final, last, next,
fresh, unseen, reserve and the second and third training sets), and a plan of 63 OrangeSum
articles: the wikinews articles in the word range are all in earlier sets.
Prints one `path category` line per article, the path relative to the shared corpus.
Run from anywhere: python3 tests/data/select_spare.py
"""
import sys
sys.dont_write_bytecode = True                  # no __pycache__ beside the gold files
from select_heldout import select
from select_reserve import PLAN                 # the same plan as the reserve set


# The sets drawn before this one, whose articles it leaves out.
EARLIER = ["ner_dev.jsonl", "ner_heldout.jsonl", "ner_test.jsonl", "ner_blind.jsonl",
           "ner_train.jsonl", "ner_final.jsonl", "ner_last.jsonl", "ner_next.jsonl",
           "ner_fresh.jsonl", "ner_unseen.jsonl", "ner_train2.jsonl", "ner_train3.jsonl",
           "ner_reserve.jsonl"]


def main():
    select(2039, PLAN, EARLIER)


if __name__ == "__main__":
    main()
