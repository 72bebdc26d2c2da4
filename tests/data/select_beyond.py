#!/usr/bin/env python3
"""Reproduce the article selection of the beyond blind set, ner_beyond.jsonl (see README.md): the
further set's rule (select_further.py) with random.seed(2069), the further, later, after and
onward sets left out as well.
Prints one `path category` line per article, the path relative to the shared corpus.
Run from anywhere: python3 tests/data/select_beyond.py
"""
import sys
sys.dont_write_bytecode = True                  # no __pycache__ beside the gold files
from select_heldout import select
from select_reserve import PLAN                 # the same plan as the reserve set
import select_further

if __name__ == "__main__":
    select(2069, PLAN, select_further.EARLIER + ["ner_further.jsonl", "ner_later.jsonl",
                                                 "ner_after.jsonl", "ner_onward.jsonl"])
