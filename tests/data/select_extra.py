#!/usr/bin/env python3
"""Reproduce the article selection of the extra blind set, ner_extra.jsonl (see README.md).

The held-out rule (select_heldout.py) with random.seed(2040), every article of the earlier gold
sets removed from the candidates (dev, held-out, test, blind, training, final, last, next,
fresh, unseen, reserve, spare and the second and third training sets), and a plan of 63 OrangeSum
articles: the wikinews articles in the word range are all in earlier sets.
Prints one `path category` line per article, the path relative to the shared corpus.
Run from anywhere: python3 tests/data/select_extra.py
"""
import sys
sys.dont_write_bytecode = True                  # no __pycache__ beside the gold files
from select_heldout import select
from select_reserve import PLAN                 # the same plan as the reserve set
import select_spare


def main():
    select(2040, PLAN, select_spare.EARLIER + ["ner_spare.jsonl"])


if __name__ == "__main__":
    main()
