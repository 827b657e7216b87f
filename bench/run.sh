#!/usr/bin/env bash
# Runs the whole benchmark suite and regenerates docs/benchmarks.md:
#   1. generates the deterministic inputs in bench/data/ (cached) and the codec size facts,
#   2. bench/e2e.sh (published CLI vs the seed script on the 37 MP scan),
#   3. BenchmarkDotNet over every class (--filter '*'), artifacts in bench/out/bdn/,
#   4. bench/make_report.py report -> docs/benchmarks.md.
#
#   bench/run.sh                      # full run (~10-15 min on a 2-core box)
#   bench/run.sh --job Dry            # smoke test: extra arguments go to BenchmarkDotNet
#   BENCH_FILTER='*Codec*' bench/run.sh
#   SKIP_E2E=1 bench/run.sh
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
OUT=bench/out
PROJECT=bench/SegmentSharp.Benchmarks
FILTER=${BENCH_FILTER:-*}
PY=${REPORT_PYTHON:-python3}
mkdir -p "$OUT"

COMMAND="bench/run.sh${*:+ $*}"
[[ $FILTER != '*' ]] && COMMAND="BENCH_FILTER='$FILTER' $COMMAND"
{
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "command=$COMMAND"
  echo "commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src bench 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "cpus=$(nproc)"
} > "$OUT/run.status"

echo "== building and generating data" >&2
dotnet build -c Release "$PROJECT" --nologo -v quiet >&2
dotnet run -c Release --no-build --project "$PROJECT" -- --generate-data >&2

if [[ ${SKIP_E2E:-0} != 1 ]]; then
  echo "== end to end" >&2
  bench/e2e.sh >&2
fi

echo "== BenchmarkDotNet (filter $FILTER)" >&2
rm -rf "$OUT/bdn" bench/data/checks
dotnet run -c Release --no-build --project "$PROJECT" -- --filter "$FILTER" --artifacts "$OUT/bdn" "$@" >&2

echo "== peak memory of Sauvola on a 20000 x 20000 scan" >&2
dotnet run -c Release --no-build --project "$PROJECT" -- --memory 20000 25 > "$OUT/memory.txt"

echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/run.status"
"$PY" bench/make_report.py report
