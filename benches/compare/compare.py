"""The comparator benchmark's driver: indexes one corpus with depeche, SQLite FTS5, Xapian and
Lucene, replays one query file through each (and through ripgrep), and writes the comparison as
Markdown (also printed) and JSON. run.sh installs and builds what this needs, then calls it:

    compare.py CORPUS QUERIES --work DIR --out DIR --runs N --lucene-classpath CP

Every engine answers one query at a time on one thread, top 10. Latency is measured in-process
(depeche by `depeche bench`, Lucene inside the JVM, SQLite and Xapian in Python around the query
and the fetch) except ripgrep's, which is the wall time of its processes. Index time is the wall
time of the indexing process; index size the bytes of its files.
"""

import argparse
import datetime
import json
import math
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field

import harness
import querylang

HERE = os.path.dirname(os.path.realpath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
PYTHON = "/usr/bin/python3"  # Debian's python3-xapian loads only here
DEPECHE = "target/release/depeche"
JVM_WARMUP_QUERIES = 2000  # enough executions for the JIT to compile Lucene's hot paths
MODES = {"snippets": True, "plain": False}


@dataclass
class Engine:
    """One system under comparison. `index` and `bench` are command templates, split on spaces,
    whose `{placeholders}` Runner fills in; the no-snippet bench appends `--no-snippets`."""

    name: str
    analysis: str
    syntax: str | None  # querylang syntax; None: depeche reads the query file as is
    target: str  # index file or folder in the work folder; "" for none
    index: str
    bench: str
    snippets: bool = True  # whether it makes snippets at all
    result: dict = field(default_factory=dict)


PY_BENCH = "bench {target} {queries} --runs {runs} --warmup 1"
ENGINES = [
    Engine(
        "depeche", "elision, stop words, Snowball FR, accent folding", None, "depeche",
        index="{depeche} index {corpus} --index {target} --json",
        bench="{depeche} bench --index {target} --queries {queries} --runs {runs} --warmup 1 "
        "--limit 10 --json",
    ),
    Engine(
        "sqlite-fts5", "case and accent folding (unicode61)", "fts5", "fts5.db",
        index="{python} {here}/sqlite_fts5.py index {corpus} {target}",
        bench="{python} {here}/sqlite_fts5.py " + PY_BENCH,
    ),
    Engine(
        "xapian", "Snowball FR (elisions stripped beforehand)", "xapian", "xapian",
        index="{python} {here}/xapian_fr.py index {corpus} {target}",
        bench="{python} {here}/xapian_fr.py " + PY_BENCH,
    ),
    Engine(
        "lucene", "FrenchAnalyzer (elision, stop words, light stemmer)", "lucene", "lucene",
        index="java -Xmx2g -cp {classpath} LuceneBench index {corpus} {target}",
        bench="java -Xmx2g -cp {classpath} LuceneBench bench {target} {queries} {runs} "
        "{jvm_warmup}",
    ),
    Engine(
        "ripgrep", "none (case-insensitive literal substrings)", "ripgrep", "",
        index="",
        bench="{python} {here}/ripgrep_floor.py bench {corpus} {queries} --runs {rg_runs} "
        "--warmup 0",
        snippets=False,
    ),
]


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def tree_bytes(path: str) -> int:
    """Bytes of a file, or of every file under a folder."""
    if os.path.isfile(path):
        return os.path.getsize(path)
    return sum(
        os.path.getsize(os.path.join(folder, name))
        for folder, _, names in os.walk(path)
        for name in names
    )


def run(argv: list[str]) -> tuple[float, str]:
    """Runs a command to completion; returns its wall time in seconds and its stdout."""
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({done.returncode}):\n{done.stderr}")
    return elapsed, done.stdout


class Runner:
    """Fills in and runs the engines' commands for one corpus, query file and work folder."""

    def __init__(self, args: argparse.Namespace, query_count: int):
        self.work = args.work
        self.jvm_warmup = max(1, math.ceil(JVM_WARMUP_QUERIES / query_count))
        self.values = {
            "corpus": args.corpus, "runs": args.runs, "rg_runs": args.rg_runs,
            "jvm_warmup": self.jvm_warmup, "classpath": args.lucene_classpath, "here": HERE,
            "python": PYTHON, "depeche": DEPECHE,
        }

    def target(self, engine: Engine) -> str:
        """Where the engine's index lives."""
        return os.path.join(self.work, engine.target)

    def argv(self, template: str, **values: str) -> list[str]:
        """The command: the template split on spaces, then each word filled in."""
        return [word.format(**self.values, **values) for word in template.split()]

    def index(self, engine: Engine, target: str, extra: tuple[str, ...] = ()) -> dict:
        """Builds the engine's index at `target` from scratch; returns its time and size."""
        if os.path.isdir(target):
            shutil.rmtree(target)
        elif os.path.exists(target):
            os.remove(target)
        seconds, _ = run(self.argv(engine.index, target=target) + list(extra))
        return {"index_s": seconds, "index_bytes": tree_bytes(target)}

    def bench(self, engine: Engine, queries: str, snippets: bool) -> dict:
        """One bench run of the engine; returns its report."""
        argv = self.argv(engine.bench, target=self.target(engine), queries=queries)
        _, out = run(argv + ([] if snippets else ["--no-snippets"]))
        return json.loads(out)


def translate_queries(engine: Engine, queries, work: str) -> tuple[str, dict[str, list[str]]]:
    """Writes the engine's translated query file; returns its path and, per class, what was
    approximated. Queries with nothing left to search are left out (and said so)."""
    path = os.path.join(work, f"queries-{engine.name}.tsv")
    approximations: dict[str, set[str]] = {}
    with open(path, "w", encoding="utf-8") as out:
        for cls, query in queries:
            translation = querylang.translate(query, engine.syntax)
            if translation.approximations:
                approximations.setdefault(cls, set()).update(translation.approximations)
            if translation.text:
                out.write(f"{cls}\t{translation.text}\n")
    return path, {cls: sorted(notes) for cls, notes in approximations.items()}


def summary(report: dict) -> dict:
    """p50, p99 and queries with hits, overall and per class, from a bench report: depeche's
    own percentiles, or the raw latencies of the other harnesses."""
    if "latencies_ms" not in report:
        return {
            "p50_ms": report["p50_ms"], "p99_ms": report["p99_ms"],
            "with_hits": report["queries_with_hits"],
            "classes": {c: {"p50_ms": s["p50_ms"], "p99_ms": s["p99_ms"]}
                        for c, s in report["classes"].items()},
        }
    every = [ms for values in report["latencies_ms"].values() for ms in values]
    return {
        "p50_ms": percentile(every, 0.5), "p99_ms": percentile(every, 0.99),
        "with_hits": sum(report["with_hits"].values()),
        "classes": {c: {"p50_ms": percentile(v, 0.5), "p99_ms": percentile(v, 0.99)}
                    for c, v in report["latencies_ms"].items()},
    }


def measure(engine: Engine, runner: Runner, queries_file: str, queries) -> None:
    """Translates the queries, indexes (unless the engine has no index), then benches each mode
    the engine supports."""
    print(f"[compare] {engine.name}", file=sys.stderr, flush=True)
    queries_path, engine.result["approximations"] = (
        (queries_file, {}) if engine.syntax is None
        else translate_queries(engine, queries, runner.work))
    if engine.target:
        engine.result.update(runner.index(engine, runner.target(engine)))
    for mode, snippets in MODES.items():
        if snippets and not engine.snippets:
            continue
        report = runner.bench(engine, queries_path, snippets)
        engine.result[mode] = summary(report)
    engine.result["version"] = report["version"] if "version" in report else depeche_version()


def depeche_version() -> str:
    """`depeche --version` and the commit it was built from."""
    _, version = run([DEPECHE, "--version"])
    _, commit = run(["git", "rev-parse", "--short", "HEAD"])
    _, dirty = run(["git", "status", "--porcelain", "--", "src", "Cargo.toml", "Cargo.lock"])
    return f"{version.split()[-1]} ({commit.strip()}{'+dirty' if dirty.strip() else ''})"


def shown(path: str) -> str:
    """A path as the results page and JSON give it: relative to the repository root
    (`../shared/corpus`, `benches/queries/shared.tsv`), so that no machine's folders are
    committed."""
    return os.path.relpath(os.path.realpath(path), REPO)


def number(value: float) -> str:
    """Three significant digits, without exponents: 0.0123, 4.56, 789, 12,345."""
    return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"


def ratio(value: float | None, base: float | None) -> str:
    """`value (ratio to base×)` for a table cell; `–` when there is no value."""
    if value is None:
        return "–"
    return f"{number(value)} ({number(value / base)}×)" if base else number(value)


def markdown(context: dict, engines: list[Engine]) -> str:
    """The results page: context, main table, per-class p50s, translation notes."""
    return "\n".join(
        _context_lines(context) + _main_table(context, engines) + _after_table(context)
        + _class_table(context, engines) + _approximation_lines(engines)
    ) + "\n"


def _context_lines(c: dict) -> list[str]:
    return [
        f"# depeche against other engines, {c['date']}",
        "",
        f"Corpus `{c['corpus']}`: {c['articles']:,} articles, {c['corpus_mb']:.0f} MB. Queries "
        f"`{c['queries']}`: {c['query_count']} in {len(c['classes'])} classes. Top 10, one query "
        f"at a time on one thread; {c['runs']} timed runs after 1 warm-up round (Lucene: "
        f"{c['jvm_warmup']} warm-up rounds for the JIT; ripgrep: {c['rg_runs']} run, no warm-up). "
        f"{c['cpus']} cores, load average {c['load_before']:.1f} before and "
        f"{c['load_after']:.1f} after. Ratios are to depeche in the same mode (> 1: bigger or "
        f"slower). Command: `{c['command']}`.",
        "",
    ]


def _main_table(context: dict, engines: list[Engine]) -> list[str]:
    base = engines[0].result
    lines = [
        "| engine | version | French analysis | index time (s) | index size (MB) | p50 ms | "
        "p99 ms | p50 ms, no snippets | p99 ms, no snippets | queries with hits |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for e in engines:
        r, snip, plain = e.result, e.result.get("snippets", {}), e.result["plain"]
        size = r.get("index_bytes")
        cells = [
            e.name, r["version"], e.analysis,
            ratio(r.get("index_s"), base["index_s"]),
            ratio(size / 1e6 if size else None, base["index_bytes"] / 1e6),
            ratio(snip.get("p50_ms"), base["snippets"]["p50_ms"]),
            ratio(snip.get("p99_ms"), base["snippets"]["p99_ms"]),
            ratio(plain["p50_ms"], base["plain"]["p50_ms"]),
            ratio(plain["p99_ms"], base["plain"]["p99_ms"]),
            f"{plain['with_hits']} / {context['query_count']}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _after_table(c: dict) -> list[str]:
    return [
        "",
        f"depeche indexes on all cores ({c['cpus']}); with `--threads 1` it took "
        f"{c['depeche_index_1thread_s']:.1f} s. ripgrep has no index: it reads the "
        f"{c['corpus_mb']:.0f} MB corpus on every query, and neither ranks nor makes snippets. "
        "depeche counts a query with hits when it returns any, partial top-up hits included; "
        "the others only return documents that match every required term.",
        "",
    ]


def _class_table(context: dict, engines: list[Engine]) -> list[str]:
    lines = [
        "## p50 per query class (ms; with snippets, ripgrep without; ≈: translated approximately)",
        "",
        "| class | queries | " + " | ".join(e.name for e in engines) + " |",
        "| --- | --- | " + " | ".join("---" for _ in engines) + " |",
    ]
    for cls, count in context["classes"].items():
        cells = []
        for e in engines:
            stats = (e.result.get("snippets") or e.result["plain"])["classes"].get(cls)
            mark = "≈" if cls in e.result["approximations"] else ""
            cells.append(f"{mark}{number(stats['p50_ms'])}" if stats else "not run")
        lines.append(f"| {cls} | {count} | " + " | ".join(cells) + " |")
    return lines


def _approximation_lines(engines: list[Engine]) -> list[str]:
    notes = [
        f"- {e.name}, `{cls}`: {'; '.join(reasons)}"
        for e in engines for cls, reasons in e.result["approximations"].items()
    ]
    return ["", "## Approximate translations", ""] + (
        notes or ["None: every query translated exactly."]
    ) + ["", "What each translation can and cannot express: benches/compare/README.md."]


def corpus_facts(corpus: str) -> tuple[int, float]:
    """Articles and megabytes of the corpus; reading every file also warms the page cache, so
    that no engine pays for the first read."""
    paths = harness.article_paths(corpus)
    total = 0
    for path in paths:
        with open(path, "rb") as f:
            total += len(f.read())
    return len(paths), total / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("queries")
    parser.add_argument("--work", required=True, help="folder for indexes and query files")
    parser.add_argument("--out", required=True, help="folder for results-DATE.md and .json")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rg-runs", type=int, default=1)
    parser.add_argument("--lucene-classpath", required=True)
    parser.add_argument("--command", default="", help="the command line, for the report")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    queries = querylang.read_queries(args.queries)
    runner = Runner(args, len(queries))
    articles, corpus_mb = corpus_facts(args.corpus)
    load_before = os.getloadavg()[0]
    for engine in ENGINES:
        measure(engine, runner, args.queries, queries)
    one_thread = runner.index(
        ENGINES[0], os.path.join(args.work, "depeche-1thread"), ("--threads", "1"))
    context = {
        "date": datetime.date.today().isoformat(), "corpus": shown(args.corpus),
        "articles": articles, "corpus_mb": corpus_mb, "queries": shown(args.queries),
        "query_count": len(queries), "classes": dict(Counter(c for c, _ in queries)),
        "runs": args.runs,
        "rg_runs": args.rg_runs, "jvm_warmup": runner.jvm_warmup, "cpus": os.cpu_count(),
        "load_before": load_before, "load_after": os.getloadavg()[0],
        "depeche_index_1thread_s": one_thread["index_s"], "command": args.command,
    }
    page = markdown(context, ENGINES)
    stem = os.path.join(args.out, f"results-{context['date']}")
    with open(stem + ".md", "w", encoding="utf-8") as out:
        out.write(page)
    with open(stem + ".json", "w", encoding="utf-8") as out:
        json.dump({**context, "engines": {e.name: e.result for e in ENGINES}}, out, indent=1)
    print(page)


if __name__ == "__main__":
    main()
