#!/usr/bin/env python3
"""Reproduce the article selection of the further blind set, ner_further.jsonl (see README.md).

The held-out rule (select_heldout.py) with random.seed(2041), every article of the earlier gold
sets removed from the candidates (those select_extra.py removes, and the extra set), and the
reserve set's plan of 63 OrangeSum articles.
Prints one `path category` line per article, the path relative to the shared corpus.
Run from anywhere: python3 tests/data/select_further.py
"""
import sys
sys.dont_write_bytecode = True                  # no __pycache__ beside the gold files
from select_heldout import select
from select_reserve import PLAN                 # the same plan as the reserve set
import select_spare


# The gold sets drawn before this one, whose articles it leaves out.
EARLIER = select_spare.EARLIER + ["ner_spare.jsonl", "ner_extra.jsonl"]


def main():
    select(2041, PLAN, EARLIER)


if __name__ == "__main__":
    main()
