#!/usr/bin/env bash
# Load over HTTP (BENCHMARKS.md, "Load over HTTP"): `depeche serve` on an index of the shared
# corpus with entities, asked by `depeche bench --url` on 127.0.0.1 only, every request count
# bounded. Prints Markdown:
#   - C = 1, 4, 16, 64 clients, with facets and without: p50, p99, queries per second, errors
#     (ROUNDS interleaved rounds of 10 x benches/queries/shared.tsv each; medians);
#   - the time of the facets of one query matching about 10,000 articles (QUERY): the median over
#     ROUNDS rounds of p50(facets=true) - p50(facets=false), 300 requests each at C = 1;
#   - the server's RSS when started, after the above, and after 100,092 requests (228 x 439) at
#     C = 16 with facets, then as many without.
#
#   benches/load/run.sh
#   env: DEPECHE (the binary, default target/release/depeche: build it first), INDEX (default
#        target/lidx, built with --entities when absent), ROUNDS (default 3), QUERY (default Etat),
#        WORK (the JSON of every run, default target/load)
set -euo pipefail

repo=$(realpath "$(dirname "$0")/../..")
cd "$repo"
depeche=${DEPECHE:-target/release/depeche}
index=${INDEX:-target/lidx}
rounds=${ROUNDS:-3}
query=${QUERY:-Etat}
work=${WORK:-target/load}
queries=benches/queries/shared.tsv
mkdir -p "$work"
rm -f "$work"/*.json

if [[ ! -d $index ]]; then
  echo "[load] indexing ../shared/corpus with entities into $index" >&2
  "$depeche" index ../shared/corpus --index "$index" --entities >&2
fi

"$depeche" serve --index "$index" --addr 127.0.0.1:0 >"$work/serve.out" &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null' EXIT
url=
for _ in $(seq 100); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve.out" || true)
  [[ -n $url ]] && break
  sleep 0.1
done
[[ -n $url ]] || { echo "[load] the server printed no URL" >&2; exit 2; }
rss() { ps -o rss= -p "$pid" | tr -d ' '; }
echo "started $(rss)" >"$work/rss.txt"

# bench NAME ARGS...: one run over HTTP, its JSON kept as NAME.json.
bench() {
  local name=$1
  shift
  "$depeche" bench --url "$url" --json "$@" >"$work/$name.json"
}

for round in $(seq "$rounds"); do
  for c in 1 4 16 64; do
    echo "[load] round $round, C = $c" >&2
    bench "c$c-facets-r$round" --queries "$queries" --runs 10 --warmup 1 --concurrency "$c"
    bench "c$c-nofacets-r$round" --queries "$queries" --runs 10 --warmup 1 --concurrency "$c" \
      --no-facets
  done
done

printf 'facets\t%s\n' "$query" >"$work/query.tsv"
for round in $(seq "$rounds"); do
  echo "[load] facets of $query, round $round" >&2
  bench "one-facets-r$round" --queries "$work/query.tsv" --runs 300 --warmup 20
  bench "one-nofacets-r$round" --queries "$work/query.tsv" --runs 300 --warmup 20 --no-facets
done

echo "before $(rss)" >>"$work/rss.txt"
echo "[load] 100,092 requests at C = 16 with facets" >&2
bench soak-facets --queries "$queries" --runs 228 --warmup 0 --concurrency 16
echo "after-facets $(rss)" >>"$work/rss.txt"
echo "[load] 100,092 requests at C = 16 without facets" >&2
bench soak-nofacets --queries "$queries" --runs 228 --warmup 0 --concurrency 16 --no-facets
echo "after-nofacets $(rss)" >>"$work/rss.txt"

/usr/bin/python3 - "$work" "$url" "$query" <<'PY'
import glob, json, statistics, sys, urllib.parse, urllib.request

work, url, query = sys.argv[1:4]
def load(name):
    with open(f"{work}/{name}.json") as f:
        return json.load(f)
def runs(prefix):
    return [load(p.rsplit("/", 1)[1][:-5]) for p in sorted(glob.glob(f"{work}/{prefix}-r*.json"))]
med = statistics.median

print("| C | facets | p50 ms | p99 ms | queries/s | errors |")
print("| --- | --- | --- | --- | --- | --- |")
for c in (1, 4, 16, 64):
    for facets in ("facets", "nofacets"):
        rs = runs(f"c{c}-{facets}")
        print(f"| {c} | {'yes' if facets == 'facets' else 'no'} | {med(r['p50_ms'] for r in rs):.2f} "
              f"| {med(r['p99_ms'] for r in rs):.2f} | {med(r['qps'] for r in rs):,.0f} "
              f"| {sum(r['errors'] for r in rs)} |")

with urllib.request.urlopen(f"{url}/api/search?q={urllib.parse.quote(query)}&limit=10&facets=false") as answer:
    total = json.load(answer)["total_hits"]
on, off = runs("one-facets"), runs("one-nofacets")
diffs = [a["p50_ms"] - b["p50_ms"] for a, b in zip(on, off)]
print(f"\nfacets of {query!r} ({total:,} articles): {med(diffs):.2f} ms "
      f"(rounds: {', '.join(f'{d:.2f}' for d in diffs)}; p50 with {med(r['p50_ms'] for r in on):.2f} ms, "
      f"without {med(r['p50_ms'] for r in off):.2f} ms; errors {sum(r['errors'] for r in on + off)})")

with open(f"{work}/rss.txt") as f:
    rss = dict(line.split() for line in f)
print("\nserver RSS, MB: " + ", ".join(f"{k} {int(v) / 1024:.0f}" for k, v in rss.items()))
for name in ("soak-facets", "soak-nofacets"):
    r = load(name)
    print(f"{name}: {r['count']:,} answered, {r['errors']} errors, p50 {r['p50_ms']:.2f} ms, "
          f"p99 {r['p99_ms']:.2f} ms, {r['qps']:,.0f} queries/s")
PY
