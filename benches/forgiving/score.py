#!/usr/bin/env python3
"""Scores tests/data/forgiving_queries.tsv: for each query, whether its intended article is in
the top 10 of `depeche search --json`, with typo tolerance and with `--exact`; prints the table
of BENCHMARKS.md and, with --misses, the queries that miss. With --same QUERIES (a bench query
file such as benches/queries/shared.tsv), counts instead the queries whose top 10 is the same
with and without `--exact`, and lists the others.

    python3 benches/forgiving/score.py --index target/bidx [--misses]
    python3 benches/forgiving/score.py --index target/bidx --same benches/queries/shared.tsv
"""
import argparse
import collections
import json
import pathlib
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]


def top10(binary, index, query, exact):
    args = [binary, "search", "--index", index, "--json", "-n", "10"]
    args += ["--exact"] if exact else []
    out = subprocess.run(args + ["--", query], capture_output=True, text=True).stdout
    if not out.strip():
        return [], None
    page = json.loads(out)
    return [hit["path"] for hit in page.get("hits", [])], page.get("did_you_mean")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--index", required=True)
    parser.add_argument("--binary", default=str(ROOT / "target/release/depeche"))
    parser.add_argument("--queries", default=str(ROOT / "tests/data/forgiving_queries.tsv"))
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--same")
    args = parser.parse_args()
    if args.same:
        return same(args)
    found = collections.Counter()
    total = collections.Counter()
    for line in open(args.queries, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        kind, query, path = line.rstrip("\n").split("\t")
        total[kind] += 1
        for exact in (False, True):
            paths, meant = top10(args.binary, args.index, query, exact)
            hit = any(p.endswith(path) for p in paths)
            found[(kind, exact)] += hit
            if args.misses and not hit and not exact:
                print(f"miss\t{kind}\t{query}\t-> {meant}")
    print("| class | tolerant | `--exact` |\n| --- | --- | --- |")
    for kind in total:
        print(f"| {kind} | {found[(kind, False)]} / {total[kind]} | {found[(kind, True)]} / {total[kind]} |")
    all_t = sum(found[(k, False)] for k in total)
    all_e = sum(found[(k, True)] for k in total)
    n = sum(total.values())
    print(f"| **all** | **{all_t} / {n} ({all_t / n:.2f})** | {all_e} / {n} ({all_e / n:.2f}) |")


def same(args):
    kept = total = 0
    for line in open(args.same, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        query = line.rstrip("\n").split("\t")[1]
        tolerant, meant = top10(args.binary, args.index, query, False)
        exact, _ = top10(args.binary, args.index, query, True)
        total += 1
        kept += tolerant == exact
        if tolerant != exact or meant:
            print(f"changed\t{query}\t-> {meant}")
    print(f"same top 10 with and without --exact: {kept} / {total} ({kept / total:.3f})")


if __name__ == "__main__":
    main()
