#!/usr/bin/env bash
# Images per second of `segment batch` against an OpenCV-Python multiprocessing loop running the same recipe
# (seed 004: blur 5, Otsu inverse, open with a 5x5 ellipse, components with stats, external contours), on
# generated 2-megapixel PNGs, plus the peak memory of both (/usr/bin/time -v). The stats CSV holds OpenCV's columns on
# both sides (connectedComponentsWithStats: boxes, areas, centroids), so both do the same work.
#   usage: bench/batch_throughput.sh [IMAGES=1000] [JOBS=2]
# BATCH_BENCH_STATS=0 leaves the per-component stats table out on both sides (components are still labelled).
# Data goes to $BATCH_BENCH_DIR (default /tmp/segment-batch-bench), never into the repository.
set -euo pipefail
count=${1:-1000}
jobs=${2:-2}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${BATCH_BENCH_DIR:-/tmp/segment-batch-bench}
py=/usr/bin/python3
mkdir -p "$work"

dotnet build "$root/src/SegmentSharp.Cli" -c Release -v q -nologo >/dev/null
dll="$root/src/SegmentSharp.Cli/bin/Release/net10.0/segment.dll"

input="$work/in-$count"
"$py" "$root/bench/batch_throughput.py" generate --count "$count" --out "$input"

cat > "$work/seed004.json" <<'JSON'
{
  "version": 1,
  "steps": [
    { "step": "blur", "size": 5 },
    { "step": "binarize", "method": "otsu", "invert": true },
    { "step": "open", "kernel": "ellipse:5x5" },
    { "step": "components", "connectivity": 8 },
    { "step": "contours", "mode": "external", "approx": "simple" },
    { "step": "write-mask", "format": "png" },
    { "step": "write-contours", "format": "json" },
    { "step": "write-stats", "format": "csv", "columns": "opencv" }
  ]
}
JSON
if [ "${BATCH_BENCH_STATS:-1}" = 0 ]; then
  sed -i -e '/write-stats/d' -e 's/"format": "json" },/"format": "json" }/' "$work/seed004.json"
  export BATCH_BENCH_STATS
fi

# Warm the page cache so neither side pays for the first read from disk.
cat "$input"/*.png > /dev/null

rm -rf "$work/out-segment" "$work/out-opencv"
/usr/bin/time -v -o "$work/time-segment.txt" \
  dotnet "$dll" batch --pipeline "$work/seed004.json" "$input" --out "$work/out-segment" --jobs "$jobs" --progress none
/usr/bin/time -v -o "$work/time-opencv.txt" \
  "$py" "$root/bench/batch_throughput.py" opencv --jobs "$jobs" "$input" "$work/out-opencv"
"$py" "$root/bench/batch_throughput.py" report --count "$count" --jobs "$jobs" "$work/time-segment.txt" "$work/time-opencv.txt"
