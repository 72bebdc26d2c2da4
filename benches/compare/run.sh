#!/usr/bin/env bash
# Comparator benchmark entry point: installs the comparators that are missing (apt), builds depeche
# and the Lucene harness, then runs compare.py, which prints the Markdown table and writes
# benches/compare/results-DATE.{md,json}. See benches/compare/README.md.
#
#   benches/compare/run.sh [CORPUS] [QUERIES]     (defaults ../shared/corpus, benches/queries/shared.tsv)
#   env: RUNS (timed rounds, default 5), RG_RUNS (ripgrep rounds, default 1),
#        WORK (indexes and translated queries, default target/compare, git-ignored)
# The results record paths relative to the repository root, never this machine's folders.
set -euo pipefail

repo=$(realpath "$(dirname "$0")/../..")
corpus=$(realpath -m "${1:-$repo/../shared/corpus}")
queries=$(realpath -m "${2:-$repo/benches/queries/shared.tsv}")
work=$(realpath -m "${WORK:-$repo/target/compare}")
relative() { realpath -m --relative-to="$repo" "$1"; }
# The command as run from the repository root, for the results page.
command="benches/compare/run.sh"
if (($# >= 1)); then command+=" $(relative "$corpus")"; fi
if (($# >= 2)); then command+=" $(relative "$queries")"; fi
[[ -d $corpus ]] || { echo "run.sh: no corpus folder $(relative "$corpus")" >&2; exit 2; }
[[ -f $queries ]] || { echo "run.sh: no query file $(relative "$queries")" >&2; exit 2; }
cd "$repo"

missing=()
for package in python3-xapian liblucene8-java ripgrep openjdk-17-jdk-headless; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "[compare] installing ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
fi

echo "[compare] building depeche (release)" >&2
cargo build --release -q

echo "[compare] compiling LuceneBench" >&2
jars=(/usr/share/java/lucene-{core,analyzers-common,queryparser,highlighter,memory,queries}-8*.jar)
classpath=$(IFS=:; echo "${jars[*]}"):$work/classes
mkdir -p "$work/classes"
javac -d "$work/classes" -cp "$classpath" benches/compare/LuceneBench.java

/usr/bin/python3 benches/compare/compare.py "$corpus" "$queries" \
  --work "$work" --out benches/compare --runs "${RUNS:-5}" --rg-runs "${RG_RUNS:-1}" \
  --lucene-classpath "$classpath" --command "$command"
