#!/usr/bin/env python3
"""Helpers for bench/batch_throughput.sh.

generate: N gray 2-megapixel PNGs (1600x1250) of discs on a shaded, noisy background; UNIQUE of them are drawn and
          the rest are copies under other names (same bytes, so the same work per image).
opencv:   the seed 004 recipe as an OpenCV-Python loop over a multiprocessing Pool: GaussianBlur 5x5, Otsu inverse,
          open with a 5x5 ellipse, connectedComponentsWithStats, findContours (external, simple); writes the mask (PNG),
          the contours (JSON) and the component stats (CSV) per image, like the pipeline file of the shell script.
          BATCH_BENCH_STATS=0 skips the stats CSV. Prints the peak resident memory of the parent plus all workers, sampled every 20 ms.
report:   images/s and peak memory of both runs from their /usr/bin/time -v logs.
"""
import argparse
import csv
import json
import os
import re
import shutil
import sys
import threading
import time
from multiprocessing import Pool


def generate(args):
    import cv2
    import numpy as np
    os.makedirs(args.out, exist_ok=True)
    rng = np.random.default_rng(4)
    h, w = 1250, 1600
    yy, xx = np.mgrid[0:h, 0:w]
    names = []
    for i in range(args.count):
        name = os.path.join(args.out, f"img{i:05d}.png")
        names.append(name)
        if os.path.exists(name):
            continue
        if i >= args.unique:
            shutil.copyfile(names[i % args.unique], name)
            continue
        img = (150 + 40 * (xx / w) + 20 * (yy / h)).astype(np.float32)
        for _ in range(40):
            cx, cy, r = rng.integers(0, w), rng.integers(0, h), rng.integers(15, 70)
            cv2.circle(img, (int(cx), int(cy)), int(r), float(rng.integers(20, 90)), -1)
        img += rng.normal(0, 6, img.shape).astype(np.float32)
        cv2.imwrite(name, np.clip(img, 0, 255).astype(np.uint8))


def process(job):
    import cv2
    src, out_dir = job
    stem = os.path.join(out_dir, os.path.splitext(os.path.basename(src))[0])
    gray = cv2.imread(src, cv2.IMREAD_GRAYSCALE)
    blur = cv2.GaussianBlur(gray, (5, 5), 0)
    t, bw = cv2.threshold(blur, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    k = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (5, 5))
    bw = cv2.morphologyEx(bw, cv2.MORPH_OPEN, k, iterations=1)
    n, labels, stats, centroids = cv2.connectedComponentsWithStats(bw, connectivity=8)
    cnts, hier = cv2.findContours(bw, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    cv2.imwrite(stem + ".png", bw)
    with open(stem + ".contours.json", "w") as f:
        json.dump({"contours": [{"points": c.reshape(-1, 2).tolist(), "area": cv2.contourArea(c)} for c in cnts]}, f)
    if os.environ.get("BATCH_BENCH_STATS", "1") == "0":
        return t
    with open(stem + ".stats.csv", "w", newline="") as f:
        wr = csv.writer(f)
        wr.writerow(["label", "x", "y", "width", "height", "area", "cx", "cy"])
        for i in range(1, n):
            wr.writerow([i, *stats[i].tolist(), *centroids[i].tolist()])
    return t


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def opencv(args):
    os.makedirs(args.out, exist_ok=True)
    files = sorted(os.path.join(args.input, f) for f in os.listdir(args.input) if f.endswith(".png"))
    peak = [0]
    done = threading.Event()

    def sample():
        me = os.getpid()
        while not done.is_set():
            kids = []
            try:
                with open(f"/proc/{me}/task/{me}/children") as f:
                    kids = [int(p) for p in f.read().split()]
            except OSError:
                pass
            peak[0] = max(peak[0], rss_kib(me) + sum(rss_kib(k) for k in kids))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    start = time.perf_counter()
    with Pool(args.jobs) as pool:
        for _ in pool.imap_unordered(process, [(f, args.out) for f in files], chunksize=4):
            pass
    secs = time.perf_counter() - start
    done.set()
    sampler.join()
    print(f"opencv: {len(files)} images in {secs:.2f} s, {len(files) / secs:.2f} images/s, "
          f"peak RSS of all processes {peak[0] / 1024:.0f} MiB")


def parse_time(path):
    text = open(path).read()
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", text)
    wall = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return wall, rss


def report(args):
    ss_wall, ss_rss = parse_time(args.segment_time)
    cv_wall, cv_rss = parse_time(args.opencv_time)
    ss_rate, cv_rate = args.count / ss_wall, args.count / cv_wall
    print(f"images: {args.count}, jobs: {args.jobs}")
    print(f"segment batch : {ss_wall:7.2f} s wall, {ss_rate:6.2f} images/s, peak RSS {ss_rss / 1024:.0f} MiB")
    print(f"opencv Pool   : {cv_wall:7.2f} s wall, {cv_rate:6.2f} images/s, peak RSS {cv_rss / 1024:.0f} MiB "
          f"(largest single process; the all-process peak is printed by the opencv run above)")
    print(f"throughput ratio segment/opencv: {ss_rate / cv_rate:.2f}x (goal >= 2x)")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--count", type=int, default=1000)
    g.add_argument("--unique", type=int, default=100)
    g.add_argument("--out", required=True)
    o = sub.add_parser("opencv")
    o.add_argument("--jobs", type=int, default=2)
    o.add_argument("input")
    o.add_argument("out")
    r = sub.add_parser("report")
    r.add_argument("--count", type=int, required=True)
    r.add_argument("--jobs", type=int, required=True)
    r.add_argument("segment_time")
    r.add_argument("opencv_time")
    a = ap.parse_args()
    {"generate": generate, "opencv": opencv, "report": report}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
