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

# Regions: a GrabCut cutout (composited on a checkerboard), k-means colours in Lab and a superpixel overlay.
$seg grabcut samples/astronaut.png "$tmp/gc.png" --rect 60,20,400,490 --cutout "$tmp/cutout.png" >/dev/null
$seg kmeans samples/coffee.png "$tmp/kmeans.png" --k 4 --space lab >/dev/null
$seg superpixels samples/chelsea.png "$tmp/sp.png" --method slic --n-segments 150 --overlay "$tmp/superpixels.png" >/dev/null
/usr/bin/python3 - "$tmp" <<'PY'
import sys, cv2, numpy as np
t = sys.argv[1]
rgba = cv2.imread(f"{t}/cutout.png", cv2.IMREAD_UNCHANGED)
h, w = rgba.shape[:2]
yy, xx = np.mgrid[0:h, 0:w]
board = np.where(((yy // 16 + xx // 16) % 2 == 0)[..., None], 205, 245).astype(np.float32) * np.ones(3, np.float32)
a = rgba[..., 3:4].astype(np.float32) / 255
cutout = (rgba[..., :3] * a + board * (1 - a)).astype(np.uint8)
imgs = [cutout, cv2.imread(f"{t}/kmeans.png"), cv2.imread(f"{t}/superpixels.png")]
height = 300
imgs = [cv2.resize(i, (round(i.shape[1] * height / i.shape[0]), height), interpolation=cv2.INTER_AREA) for i in imgs]
gap = np.full((height, 8, 3), 255, np.uint8)
cv2.imwrite("docs/images/regions.png", np.hstack([imgs[0], gap, imgs[1], gap, imgs[2]]))
PY
echo "wrote docs/images/regions.png"
