"""What the Python comparators (SQLite FTS5, Xapian, ripgrep) share: walking the corpus the way
depeche does, reading a translated query file, the timed replay loop and its JSON report.

A bench report is one JSON object on stdout:
{"engine", "version", "latencies_ms": {class: [ms, ...]}, "with_hits": {class: n}}
where `with_hits` counts the queries of a class that found at least one document (first round).
"""

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Article:
    """One article file: title on the first line, body the rest."""

    path: str
    title: str
    body: str


def article_paths(corpus: str) -> list[str]:
    """The `.txt` files under `corpus`, sorted, without READMEs and hidden files or folders."""
    paths = []
    for folder, subfolders, files in os.walk(corpus):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(".txt") and not name.lower().startswith(("readme", ".")):
                paths.append(os.path.join(folder, name))
    return paths


def articles(corpus: str) -> Iterator[Article]:
    """Every article of `corpus`, read as UTF-8 (undecodable bytes replaced)."""
    for path in article_paths(corpus):
        with open(path, encoding="utf-8", errors="replace") as f:
            title, _, body = f.read().partition("\n")
        yield Article(path, title.strip(), body.strip())


def read_translated(path: str) -> list[tuple[str, str]]:
    """A translated query file: `class<TAB>query` lines, as written by compare.py."""
    with open(path, encoding="utf-8") as lines:
        return [tuple(line.rstrip("\n").split("\t", 1)) for line in lines if line.strip()]


def replay(
    queries: list[tuple[str, str]], search: Callable[[str], int], runs: int, warmup: int
) -> tuple[dict[str, list[float]], dict[str, int]]:
    """Runs every query `warmup` times untimed, then `runs` times timed, one at a time.

    `search` runs one query to completion (top 10 fetched) and returns how many hits it fetched.
    Returns the latencies per class in milliseconds and the queries with hits per class.
    """
    for _ in range(warmup):
        for _, query in queries:
            search(query)
    latencies: dict[str, list[float]] = {}
    with_hits: dict[str, int] = {}
    for run in range(runs):
        for cls, query in queries:
            started = time.perf_counter()
            hits = search(query)
            latencies.setdefault(cls, []).append((time.perf_counter() - started) * 1e3)
            if run == 0:
                with_hits[cls] = with_hits.get(cls, 0) + (hits > 0)
    return latencies, with_hits


def emit(engine: str, version: str, latencies: dict, with_hits: dict) -> None:
    """Prints a bench report (see the module docstring) on stdout."""
    report = {"engine": engine, "version": version}
    json.dump(report | {"latencies_ms": latencies, "with_hits": with_hits}, sys.stdout)
    print()


def command_line(doc: str, index: Callable | None, bench: Callable) -> None:
    """The comparators' command line, dispatched to `index` and `bench`:
    `index CORPUS TARGET` and `bench TARGET QUERIES --runs N --warmup N [--no-snippets]`."""
    parser = argparse.ArgumentParser(description=doc.strip().splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    if index:
        index_args = commands.add_parser("index")
        index_args.add_argument("corpus")
        index_args.add_argument("target")
    bench_args = commands.add_parser("bench")
    bench_args.add_argument("target")
    bench_args.add_argument("queries")
    bench_args.add_argument("--runs", type=int, default=5)
    bench_args.add_argument("--warmup", type=int, default=1)
    bench_args.add_argument("--no-snippets", action="store_true")
    args = parser.parse_args()
    if args.command == "index":
        index(args.corpus, args.target)
    else:
        bench(args.target, args.queries, args.runs, args.warmup, not args.no_snippets)
