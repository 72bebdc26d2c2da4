#!/usr/bin/env python3
"""spaCy reference measurement on the gold named-entity dev set.

Reads tests/data/ner_dev.jsonl, loads each article from the shared corpus
(title + body, without the orangesum byline on line 3), runs spaCy
fr_core_news_md (PER->per, LOC->loc, ORG->org, MISC dropped), and scores the
predictions with the dev set's rule (tests/data/README.md): typed micro
precision / recall / F1 over (article, kind, normalised name) triples.

Also measures throughput of nlp.pipe over the dev set, after one warm-up pass
(model load excluded): mean over --repeat timed passes (default 5). With
--ner-only, only the entity recogniser runs (it does not listen to the shared
tok2vec), which is what depeche's extraction replaces.

Usage (from the repo root, see benches/reference/README.md):
    .venv/bin/python benches/reference/spacy_ner.py [--json] \
        [--corpus ../shared/corpus] [--dev tests/data/ner_dev.jsonl] [--ner-only]
"""

import argparse
import json
import os
import re
import sys
import time
import unicodedata
from pathlib import Path

KINDS = ("per", "loc", "org")
LABEL_TO_KIND = {"PER": "per", "LOC": "loc", "ORG": "org"}  # MISC dropped

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DEV = REPO_ROOT / "tests" / "data" / "ner_dev.jsonl"
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus"

# Hyphen-like and apostrophe-like characters that become spaces.
_HYPHENS_APOSTROPHES = re.compile(
    "[\u002d\u2010\u2011\u2012\u2013\u2014\u2212\u0027\u2019\u2018\u02bc\u0060\u00b4]"
)
_SPACES = re.compile(r"\s+")


def shown(path: Path) -> str:
    """A path as messages give it: relative to the repo root (`tests/data/ner_dev.jsonl`,
    `../shared/corpus`), not this machine's absolute path."""
    return os.path.relpath(path.resolve(), REPO_ROOT)


def normalise(name: str) -> str:
    """lowercase, strip accents, hyphens/apostrophes -> spaces, collapse spaces."""
    s = name.lower()
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = _HYPHENS_APOSTROPHES.sub(" ", s)
    return _SPACES.sub(" ", s).strip()


def article_text(corpus: Path, rel: str) -> str:
    """Title + body. Orangesum files have a byline on line 3 ('AFP, publié le ...'),
    which is not part of the annotated text and is removed. Wikinews files have no
    byline: their line 3 is the first body paragraph and is kept."""
    raw = (corpus / rel).read_text(encoding="utf-8")
    lines = raw.split("\n")
    if rel.startswith("orangesum/") and len(lines) >= 3:
        lines = lines[:2] + lines[3:]
    return "\n".join(lines)


def load_dev(path: Path):
    recs = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            rec = json.loads(line)
            for k in ("file", "id", *KINDS):
                if k not in rec:
                    sys.exit(f"error: {shown(path)}:{n}: missing field {k!r}")
            recs.append(rec)
    return recs


def score(gold_sets, pred_sets):
    """gold_sets / pred_sets: list (per article) of dict kind -> set(normalised names).
    Returns dict with per-kind and overall tp/fp/fn/precision/recall/f1."""
    counts = {k: {"tp": 0, "fp": 0, "fn": 0} for k in KINDS}
    for gold, pred in zip(gold_sets, pred_sets):
        for k in KINDS:
            g, p = gold[k], pred[k]
            counts[k]["tp"] += len(g & p)
            counts[k]["fp"] += len(p - g)
            counts[k]["fn"] += len(g - p)
    overall = {m: sum(counts[k][m] for k in KINDS) for m in ("tp", "fp", "fn")}
    out = {}
    for name, c in list(counts.items()) + [("overall", overall)]:
        tp, fp, fn = c["tp"], c["fp"], c["fn"]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[name] = {"tp": tp, "fp": fp, "fn": fn, "gold": tp + fn, "pred": tp + fp,
                     "precision": p, "recall": r, "f1": f}
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dev", type=Path, default=DEFAULT_DEV,
                    help=f"gold dev set (default: {DEFAULT_DEV.relative_to(REPO_ROOT)})")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                    help="directory holding orangesum/ and wikinews/ "
                         "(default: ../shared/corpus relative to the repo root)")
    ap.add_argument("--model", default="fr_core_news_md", help="spaCy pipeline name")
    ap.add_argument("--ner-only", action="store_true",
                    help="run the entity recogniser alone, not the whole model; it has its "
                         "own tok2vec, so it finds nearly the same entities (sentence bounds "
                         "from the parser are gone) and the throughput is its own")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--repeat", type=int, default=5,
                    help="timed passes of nlp.pipe after the warm-up pass; throughput is "
                         "the mean over them (default: 5)")
    ap.add_argument("--errors", action="store_true",
                    help="also list false positives / false negatives per article (stderr)")
    args = ap.parse_args()

    if not args.dev.is_file():
        sys.exit(f"error: dev set not found: {shown(args.dev)}")
    if not args.corpus.is_dir():
        sys.exit(f"error: corpus directory not found: {shown(args.corpus)}\n"
                 f"       expected the shared corpus (orangesum/, wikinews/) at "
                 f"../shared/corpus beside the repo; pass --corpus PATH")

    recs = load_dev(args.dev)
    texts = []
    for rec in recs:
        p = args.corpus / rec["file"]
        if not p.is_file():
            sys.exit(f"error: article {rec['file']} not found under {shown(args.corpus)} "
                     f"(wrong --corpus?)")
        texts.append(article_text(args.corpus, rec["file"]))
    n_bytes = sum(len(t.encode("utf-8")) for t in texts)

    try:
        import spacy
    except ImportError as e:
        sys.exit(f"error: cannot import spacy ({e}); install benches/reference/requirements.txt "
                 f"in a venv (see benches/reference/README.md)")
    try:
        nlp = spacy.load(args.model)
        if args.ner_only:
            others = [name for name in nlp.pipe_names if name != "ner"]
            nlp = spacy.load(args.model, exclude=others)
    except OSError as e:
        sys.exit(f"error: cannot load spaCy model {args.model!r} ({e}); "
                 f"pip install -r benches/reference/requirements.txt")

    # Warm-up pass (not timed), then --repeat timed passes; the first timed pass's
    # output is scored (spaCy is deterministic at inference, so every pass agrees).
    for _ in nlp.pipe(texts):
        pass
    repeat = max(1, args.repeat)
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts))
    for _ in range(repeat - 1):
        for _ in nlp.pipe(texts):
            pass
    elapsed = (time.perf_counter() - t0) / repeat

    gold_sets, pred_sets = [], []
    for rec, doc in zip(recs, docs):
        gold = {k: {normalise(x) for x in rec[k]} for k in KINDS}
        pred = {k: set() for k in KINDS}
        for ent in doc.ents:
            kind = LABEL_TO_KIND.get(ent.label_)
            if kind:
                name = normalise(ent.text)
                if name:
                    pred[kind].add(name)
        gold_sets.append(gold)
        pred_sets.append(pred)
        if args.errors:
            for k in KINDS:
                fp = sorted(pred[k] - gold[k])
                fn = sorted(gold[k] - pred[k])
                if fp or fn:
                    print(f"{rec['file']} {k}: FP {fp} FN {fn}", file=sys.stderr)

    result = {
        "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}",
        "spacy": spacy.__version__,
        "articles": len(recs),
        "scores": score(gold_sets, pred_sets),
        "throughput": {
            "seconds_per_pass": elapsed,
            "timed_passes": repeat,
            "bytes": n_bytes,
            "articles_per_s": len(recs) / elapsed,
            "mb_per_s": n_bytes / 1e6 / elapsed,
        },
    }

    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"model {result['model']} (spaCy {result['spacy']}), "
          f"{result['articles']} articles, dev set {shown(args.dev)}")
    print(f"{'kind':8} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>7} {'R':>7} {'F1':>7}")
    for name in (*KINDS, "overall"):
        s = result["scores"][name]
        print(f"{name:8} {s['gold']:5d} {s['pred']:5d} {s['tp']:5d} "
              f"{s['precision']:7.3f} {s['recall']:7.3f} {s['f1']:7.3f}")
    t = result["throughput"]
    print(f"throughput: {t['articles_per_s']:.1f} articles/s, {t['mb_per_s']:.3f} MB/s "
          f"({t['bytes']} bytes, {t['seconds_per_pass']:.3f} s per pass, mean of "
          f"{t['timed_passes']} passes after one warm-up pass, model load excluded)")


if __name__ == "__main__":
    main()
