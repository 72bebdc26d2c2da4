#!/usr/bin/env bash
# Runs one cargo-fuzz target as fuzz/README.md describes, from any folder of a fresh clone.
# libFuzzer stops at once if its working-corpus folder is missing ("The required directory ...
# does not exist"), and fuzz/corpus/ is not committed, so this creates fuzz/corpus/TARGET first.
#
#   fuzz/run.sh TARGET [SECONDS] [LIBFUZZER_FLAG...]
#     TARGET   parse_article or query_search
#     SECONDS  -max_total_time, default 600; 0 runs until a crash
#     LIBFUZZER_FLAG...  passed on after the defaults, e.g. -jobs=2 -workers=2
set -euo pipefail

usage="usage: fuzz/run.sh parse_article|query_search [SECONDS] [LIBFUZZER_FLAG...]"
target=${1:-}
seconds=${2:-600}
case $target in
  parse_article) seeds=(fuzz/seeds/parse_article corpus) extra=(-max_len=65536) ;;
  query_search) seeds=(fuzz/seeds/query_search) extra=() ;;
  *) echo "$usage" >&2; exit 2 ;;
esac
[[ $seconds =~ ^[0-9]+$ ]] || { echo "fuzz/run.sh: SECONDS must be a whole number" >&2; exit 2; }

cd "$(dirname "$0")/.."
mkdir -p "fuzz/corpus/$target"
set -x
exec cargo +nightly fuzz run "$target" "fuzz/corpus/$target" "${seeds[@]}" -- \
  -max_total_time="$seconds" -timeout=20 "${extra[@]}" -print_final_stats=1 "${@:3}"
