#!/usr/bin/env python3
"""Scores one gold file against another over the articles both hold, by the scoring rule of
README.md (benches/reference/spacy_ner.py's `normalise` and `score`): with two annotations of the
same articles, the agreement between annotators, the ceiling an extractor can be measured to.
Run from the repository root: python3 tests/data/agreement.py tests/data/ner_fresh.jsonl
tests/data/ner_fresh_second.jsonl
"""
import sys
from pathlib import Path

sys.dont_write_bytecode = True                  # no __pycache__ beside the gold files
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benches" / "reference"))
from spacy_ner import KINDS, load_dev, normalise, score  # noqa: E402


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: agreement.py FIRST.jsonl SECOND.jsonl")
    first, second = ({r["file"]: r for r in load_dev(Path(p))} for p in sys.argv[1:])
    files = [f for f in first if f in second]
    names = lambda records: [{k: {normalise(n) for n in records[f][k]} for k in KINDS}
                             for f in files]
    print(f"{len(files)} articles in both; the first file as gold")
    for kind, s in score(names(first), names(second)).items():
        print(f"{kind:8} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}"
              f"  ({s['gold']} / {s['pred']} names)")


if __name__ == "__main__":
    main()
