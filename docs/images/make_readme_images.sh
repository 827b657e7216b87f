#!/usr/bin/env bash
# Regenerates the README's picture: samples/page.png, its global threshold at 127 and its adaptive mask,
# side by side. The masks come from our own `segment` tool; Debian's python3-opencv only lays them out.
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
dotnet build -c Release src/SegmentSharp.Cli >/dev/null
seg="dotnet src/SegmentSharp.Cli/bin/Release/net10.0/segment.dll"
$seg threshold samples/page.png "$tmp/global.png" >/dev/null
$seg threshold samples/page.png "$tmp/adaptive.png" --method adaptive >/dev/null
/usr/bin/python3 - "$tmp" <<'PY'
import sys, cv2, numpy as np
t = sys.argv[1]
imgs = [cv2.imread(p, cv2.IMREAD_GRAYSCALE) for p in ("samples/page.png", f"{t}/global.png", f"{t}/adaptive.png")]
gap = np.full((imgs[0].shape[0], 8), 255, np.uint8)
row = np.hstack([imgs[0], gap, imgs[1], gap, imgs[2]])
cv2.imwrite("docs/images/page-adaptive.png", row)
PY
echo "wrote docs/images/page-adaptive.png"

# Shapes: components, contours and watershed overlays of samples/coins.png, side by side.
$seg components samples/coins.png --blur 5 --method otsu --open ellipse:5x5 --min-area 100 --overlay "$tmp/components.png" >/dev/null
$seg contours samples/coins.png --out "$tmp/c.json" --blur 5 --method otsu --open ellipse:5x5 --min-area 50 --overlay "$tmp/contours.png" --thickness 2 >/dev/null
$seg watershed samples/coins.png "$tmp/w.png" --objects bright --fg-fraction 0.3 --overlay "$tmp/watershed.png" >/dev/null
/usr/bin/python3 - "$tmp" <<'PY'
import sys, cv2, numpy as np
t = sys.argv[1]
imgs = [cv2.imread(f"{t}/{n}.png", cv2.IMREAD_COLOR) for n in ("components", "contours", "watershed")]
gap = np.full((imgs[0].shape[0], 8, 3), 255, np.uint8)
cv2.imwrite("docs/images/coins-shapes.png", np.hstack([imgs[0], gap, imgs[1], gap, imgs[2]]))
PY
echo "wrote docs/images/coins-shapes.png"

# try-all: every local method at its defaults on samples/page.png (the global sheet is written beside it).
$seg try-all samples/page.png "$tmp/try-all.png" --tile-width 200 --local-out docs/images/try-all-local.png >/dev/null
echo "wrote docs/images/try-all-local.png"
