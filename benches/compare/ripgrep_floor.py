"""ripgrep comparator, the brute-force floor: no index, every query scans the corpus.

    ripgrep_floor.py bench CORPUS QUERIES --runs N --warmup N

Each translated query (querylang.to_ripgrep) is a plan: per required clause, one single-threaded
`rg -l -i -F` process listing the files that contain any of the clause's patterns; the lists are
intersected, then the files listed by each excluded clause are removed. The latency of a query is
the wall time of all its processes. No ranking and no snippets: `--no-snippets` is implied.
"""

import json
import subprocess

import harness

RG = ["rg", "--files-with-matches", "--ignore-case", "--fixed-strings", "--threads", "1",
      "--no-messages", "--glob", "*.txt", "--glob", "!README*", "--glob", "!.*"]


def matching_files(corpus: str, patterns: list[str]) -> set[str]:
    """The files of `corpus` containing any of `patterns` (one rg process)."""
    argv = RG + [arg for p in patterns for arg in ("-e", p)] + ["--", corpus]
    found = subprocess.run(argv, capture_output=True, text=True, check=False)
    if found.returncode > 1:
        raise RuntimeError(f"{' '.join(argv)}: exit {found.returncode}")
    return set(found.stdout.splitlines())


def version() -> str:
    """`rg --version`'s number."""
    return subprocess.run(["rg", "--version"], capture_output=True, text=True).stdout.split()[1]


def bench(corpus: str, queries_path: str, runs: int, warmup: int, _snippets: bool) -> None:
    """Replays the plans one at a time; the timing covers every rg process of a query."""

    def search(plan_json: str) -> int:
        plan = json.loads(plan_json)
        files = matching_files(corpus, plan["all"][0])
        for patterns in plan["all"][1:]:
            files &= matching_files(corpus, patterns)
        for patterns in plan["none"]:
            files -= matching_files(corpus, patterns)
        return len(files)

    queries = harness.read_translated(queries_path)
    latencies, with_hits = harness.replay(queries, search, runs, warmup)
    harness.emit("ripgrep", version(), latencies, with_hits)


if __name__ == "__main__":
    harness.command_line(__doc__, None, bench)
