#!/usr/bin/env bash
# End-to-end comparison on the 37 MP scan: the published `segment threshold` CLI against the seed script
# (Python + Debian's OpenCV), global and adaptive modes, whole process wall time (start-up, decode,
# threshold, encode, write). Prints a markdown table and leaves bench/out/e2e/results.json for the report.
#
#   bench/e2e.sh                 # publish the CLI, then time 5 rounds after 1 warm-up
#   E2E_RUNS=10 bench/e2e.sh     # more runs
#   SKIP_PUBLISH=1 bench/e2e.sh  # reuse bench/out/cli
#   SEED_SCRIPT=/path/threshold_image.py bench/e2e.sh
#   SEGMENT_CLI=/path/to/segment bench/e2e.sh   # time another build of the CLI (no publish)
#
# Timing is bench/e2e_time.py: rounds that alternate the two commands (fairer than hyperfine's
# one-command-then-the-other on a shared machine), wall and CPU time, peak memory.
# Needs Debian's python3-opencv for the seed script (apt-get install -y python3-opencv); without the seed
# script or cv2 the seed row is skipped.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=$ROOT/bench/out/e2e
CLI_DIR=$ROOT/bench/out/cli
CLI=${SEGMENT_CLI:-$CLI_DIR/segment}
IMG=$ROOT/bench/data/scan-37mp.png
RUNS=${E2E_RUNS:-5}
PY=${SEED_PYTHON:-/usr/bin/python3}

mkdir -p "$OUT"
rm -f "$OUT"/*.json "$OUT"/*.status "$OUT"/*.png "$OUT"/*.txt

# The seed script lives in the shared folder next to the repository (../shared); worktrees sit one level deeper.
SEED=${SEED_SCRIPT:-}
if [[ -z $SEED ]]; then
  for candidate in "$ROOT/../shared/tools/threshold_image.py" "$ROOT/../../shared/tools/threshold_image.py"; do
    if [[ -f $candidate ]]; then SEED=$(cd "$(dirname "$candidate")" && pwd)/$(basename "$candidate"); break; fi
  done
fi
SEED_NOTE=""
if [[ -z $SEED || ! -f $SEED ]]; then
  SEED_NOTE="seed script not found (looked for ../shared/tools/threshold_image.py); seed row skipped"
  echo "e2e: $SEED_NOTE" >&2
  SEED=""
elif ! "$PY" -c 'import cv2' 2>/dev/null; then
  SEED_NOTE="$PY cannot import cv2 (apt-get install -y python3-opencv); seed row skipped"
  echo "e2e: $SEED_NOTE" >&2
  SEED=""
fi

if [[ ! -f $IMG ]]; then
  echo "e2e: generating benchmark data" >&2
  dotnet run -c Release --project "$ROOT/bench/SegmentSharp.Benchmarks" -- --generate-data >&2
fi

if [[ -z ${SEGMENT_CLI:-} && ( ${SKIP_PUBLISH:-0} != 1 || ! -x $CLI ) ]]; then
  echo "e2e: publishing the CLI to $CLI_DIR" >&2
  dotnet publish "$ROOT/src/SegmentSharp.Cli" -c Release -o "$CLI_DIR" --nologo -v quiet >&2
fi

{
  echo "image=$IMG"
  echo "runs=$RUNS"
  echo "seed=$SEED"
  echo "seed_note=$SEED_NOTE"
  echo "python=$PY"
  echo "python_opencv=$("$PY" -c 'import cv2; print(cv2.__version__)' 2>/dev/null || echo none)"
  echo "timer=bench/e2e_time.py (interleaved rounds)"
  echo "cli=$CLI"
} > "$OUT/env.status"

for mode in global adaptive; do
  ours=("$CLI" threshold "$IMG" "$OUT/ours-$mode.png" --method "$mode")
  seed=("$PY" "$SEED" "$IMG" "$OUT/seed-$mode.png" --method "$mode")
  status=$OUT/$mode.status
  : > "$status"

  # One probe run each: a failing command is reported, not timed.
  names=() cmds=()
  if "${ours[@]}" > "$OUT/ours-$mode.txt" 2>&1; then
    names+=(segment); cmds+=("$(printf '%q ' "${ours[@]}")")
    echo "ours=ok" >> "$status"
  else
    echo "ours=failed (exit $?): $(head -c 200 "$OUT/ours-$mode.txt" | tr '\n' ' ')" >> "$status"
  fi
  if [[ -n $SEED ]]; then
    if "${seed[@]}" > "$OUT/seed-$mode.txt" 2>&1; then
      names+=(seed); cmds+=("$(printf '%q ' "${seed[@]}")")
      echo "seed=ok" >> "$status"
    else
      echo "seed=failed (exit $?)" >> "$status"
    fi
  else
    echo "seed=skipped" >> "$status"
  fi

  if [[ -f $OUT/ours-$mode.png && -f $OUT/seed-$mode.png ]]; then
    same=$("$PY" - "$OUT/ours-$mode.png" "$OUT/seed-$mode.png" <<'PYEOF'
import sys, cv2, numpy as np
a, b = (cv2.imread(p, cv2.IMREAD_GRAYSCALE) for p in sys.argv[1:3])
if a is None or b is None: print("unreadable")
elif a.shape != b.shape: print("different size")
else:
    n = int(np.count_nonzero(a != b))
    print("identical" if n == 0 else f"{n} pixels differ")
PYEOF
)
    echo "masks=$same" >> "$status"
    # Same report lines apart from the output path, as the seed's stdout is part of the contract.
    if diff -q <(sed "s#$OUT/ours-$mode.png#OUT#" "$OUT/ours-$mode.txt") \
               <(sed "s#$OUT/seed-$mode.png#OUT#" "$OUT/seed-$mode.txt") >/dev/null; then
      echo "stdout=identical" >> "$status"
    else
      echo "stdout=different" >> "$status"
    fi
  fi

  if ((${#cmds[@]} > 0)); then
    echo "e2e: timing $mode (${names[*]}), $RUNS interleaved rounds after 1 warm-up" >&2
    specs=()
    for i in "${!cmds[@]}"; do specs+=("${names[$i]}=${cmds[$i]}"); done
    "$PY" "$ROOT/bench/e2e_time.py" --runs "$RUNS" --warmup 1 --json "$OUT/$mode.json" "${specs[@]}"
  fi
done

"$PY" "$ROOT/bench/make_report.py" e2e "$OUT"
