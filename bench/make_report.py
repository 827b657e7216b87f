#!/usr/bin/env python3
"""Turns benchmark output into docs/benchmarks.md (standard library only).

    make_report.py e2e bench/out/e2e            summarise bench/e2e.sh's runs: results.json + markdown table on stdout
    make_report.py report [options]             write docs/benchmarks.md from BenchmarkDotNet's brief JSON,
                                                bench/data/codec-sizes.json, bench/data/checks/ and the e2e results

The document is regenerated, never edited by hand: change this script instead.
"""
import argparse
import datetime
import glob
import json
import os
import platform
import re
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Area tables: BenchmarkDotNet type -> (section title, check prefix, [(operation, description)]).
AREAS = [
    ("ThresholdBenchmarks", "Global thresholds", "Threshold", [
        ("Binary127", "`threshold` 127, binary"),
        ("Otsu", "`threshold` Otsu"),
        ("Triangle", "`threshold` Triangle"),
    ]),
    ("AdaptiveBenchmarks", "Adaptive thresholds", "Adaptive", [
        ("Mean31", "`adaptiveThreshold` mean, block 31, C 5"),
        ("Gaussian31", "`adaptiveThreshold` Gaussian, block 31, C 5"),
    ]),
    ("BlurBenchmarks", "Smoothing filters", "Blur", [
        ("Gaussian7", "`GaussianBlur` 7×7, σ 0"),
        ("Box31", "`boxFilter` 31×31, normalized"),
    ]),
]
CODEC_OPS = [
    ("PngDecodeGray", "PNG decode → gray", "`imdecode(IMREAD_GRAYSCALE)` vs `ImageFile.DecodeGray`"),
    ("JpegDecodeGray", "JPEG decode → gray", "`imdecode(IMREAD_GRAYSCALE)` vs `ImageFile.DecodeGray`"),
    ("PngEncode", "PNG encode (defaults)", "`imencode(\".png\")` vs `ImageFile.Encode(Png)`"),
]
# Operations added later, measured in their own run (bench/out/bdn-wave2, bench/out/run-wave2.status):
# type -> (title, check prefix, [(operation, description[, OpenCV method's operation])], check text when none, intro).
# The third op element names a shared baseline when OpenCV has no equivalent of the method.
WAVE2_AREAS = [
    ("MorphologyBenchmarks", "Morphology", "Morphology", [
        ("ErodeRect3", "`erode` rect 3×3"),
        ("ErodeRect15", "`erode` rect 15×15"),
        ("ErodeEllipse7", "`erode` ellipse 7×7"),
        ("OpenRect5", "`morphologyEx` open, rect 5×5"),
        ("DilateRect3", "`dilate` rect 3×3"),
        ("DilateRect15", "`dilate` rect 15×15"),
        ("OpenEllipse5", "`morphologyEx` open, ellipse 5×5"),
    ], None, "On the Otsu-inverted 12 MP page (text = 255): `Morphology.Erode` / `Morphology.Apply(Open)` vs "
             "`cv::erode` / `cv::morphologyEx`, default anchor, one iteration, constant border."),
    ("ComponentsBenchmarks", "Connected components", "Components", [
        ("Eight", "`connectedComponentsWithStats` 8-connected"),
        ("Four", "`connectedComponentsWithStats` 4-connected"),
    ], None, "On the same mask: `ConnectedComponents.LabelWithStats` vs `cv::connectedComponentsWithStats(..., CV_32S)` "
             "(OpenCV's default algorithm). The output check compares the label image and the left/top/width/height/area "
             "row of every label."),
    ("EnhanceBenchmarks", "Median filter and CLAHE", "Enhance", [
        ("Median3", "`medianBlur` 3"),
        ("Median5", "`medianBlur` 5"),
        ("Median21", "`medianBlur` 21"),
        ("Clahe", "CLAHE, clip 40, 8×8 tiles"),
    ], None, "On the 12 MP gray page: `MedianBlur.Apply` vs `cv::medianBlur`; `Clahe.Apply` (defaults) vs "
             "`cv::createCLAHE(40, 8×8)->apply`."),
    ("LocalBenchmarks", "Local thresholds", "Local", [
        ("Niblack15", "Niblack, window 15", "AdaptiveMean15"),
        ("Sauvola15", "Sauvola, window 15", "AdaptiveMean15"),
        ("Wolf15", "Wolf, window 15", "AdaptiveMean15"),
        ("Nick15", "Nick, window 15", "AdaptiveMean15"),
        ("Bradley15", "Bradley, window 15", "AdaptiveMean15"),
        ("Phansalkar15", "Phansalkar, window 15", "AdaptiveMean15"),
        ("Bernsen15", "Bernsen, window 15", "AdaptiveMean15"),
        ("Contrast15", "Contrast, window 15", "AdaptiveMean15"),
        ("MidGrey15", "MidGrey, window 15", "AdaptiveMean15"),
        ("Niblack101", "Niblack, window 101", "AdaptiveMean101"),
        ("Sauvola101", "Sauvola, window 101", "AdaptiveMean101"),
        ("Wolf101", "Wolf, window 101", "AdaptiveMean101"),
        ("Nick101", "Nick, window 101", "AdaptiveMean101"),
        ("Bradley101", "Bradley, window 101", "AdaptiveMean101"),
        ("Phansalkar101", "Phansalkar, window 101", "AdaptiveMean101"),
        ("Bernsen101", "Bernsen, window 101", "AdaptiveMean101"),
        ("Contrast101", "Contrast, window 101", "AdaptiveMean101"),
        ("MidGrey101", "MidGrey, window 101", "AdaptiveMean101"),
    ], "n/a (no OpenCV equivalent)",
     "OpenCV has no local document thresholds, so the OpenCV column is the budget issue 3 sets: `cv::adaptiveThreshold` "
     "mean (C 5) at the same window, into a preallocated output. `LocalThreshold.*` at its defaults (scikit-image's k "
     "for Niblack/Sauvola) writes into a preallocated mask too (its `dst` overload). The time must not grow with the "
     "window: compare the window 15 and 101 rows of each method."),
    ("LocalExtraBenchmarks", "Local thresholds: median, local Otsu, Su, Gatos", "LocalExtra", [
        ("Median15", "Median, window 15", "AdaptiveMean15"),
        ("LocalOtsu15", "LocalOtsu, window 15", "AdaptiveMean15"),
        ("Su15", "Su, window 15", "AdaptiveMean15"),
        ("Gatos15", "Gatos, window 15", "AdaptiveMean15"),
        ("Median101", "Median, window 101", "AdaptiveMean101"),
        ("LocalOtsu101", "LocalOtsu, window 101", "AdaptiveMean101"),
        ("Su101", "Su, window 101", "AdaptiveMean101"),
        ("Gatos101", "Gatos, window 101", "AdaptiveMean101"),
    ], "n/a (no OpenCV equivalent)",
     "The histogram- and edge-based local methods, against the same budget (`cv::adaptiveThreshold` mean at the same "
     "window). Each does far more per pixel than one box filter: the median and local Otsu keep a 256-level "
     "histogram per window, Su and Gatos run several masked window sums, a Wiener filter and a Sauvola seed. "
     "Each returns a new 12 MB mask, which the allocation column includes."),
    ("MedianThresholdBenchmarks", "Local median threshold against OpenCV's median filter", "MedianThreshold", [
        ("Median15", "Median threshold vs `medianBlur`, window 15", "MedianBlur15"),
        ("Median101", "Median threshold vs `medianBlur`, window 101", "MedianBlur101"),
    ], "n/a (a mask against a filtered image)",
     "The closest OpenCV operation to the local median threshold is `cv::medianBlur` at the same window, which computes "
     "the same per-pixel statistic (with replicated instead of reflected borders) but not the comparison. "
     "`LocalThreshold.Median` into a preallocated mask against `cv::medianBlur` into a preallocated image."),
    ("DocumentBenchmarks", "Automatic document binarization", "Document", [
        ("Auto", "`--method auto` (vs adaptive Gaussian 31)", "AdaptiveGaussian31"),
    ], "n/a (no OpenCV equivalent)",
     "`DocumentBinarizer.Binarize` (stroke width, edges, background surface; see docs/quality.md) on the 12 MP page, "
     "against `cv::adaptiveThreshold` Gaussian, block 31, the seed script's method, for scale."),
    ("PreprocessBenchmarks", "Preprocessing", "Preprocess", [
        ("Invert", "invert (`cv::bitwise_not`)"),
        ("NormalizeBackground", "background normalization, window 101 (vs resize, dilate, blur, resize, divide)"),
        ("Despeckle", "despeckle < 10 px (vs `connectedComponentsWithStats` + mask)"),
    ], None, "On the 12 MP page (despeckle on its Otsu mask). Background normalization has no OpenCV function; the "
             "OpenCV column is the usual recipe built from OpenCV calls, so its output differs by design."),
    ("ContoursBenchmarks", "Contours", "Contours", [
        ("ExternalSimple", "`findContours` external, simple"),
        ("TreeNone", "`findContours` tree, none"),
    ], None, "On the Otsu-inverted 12 MP page (text = 255): `ContourFinder.Find` vs `cv::findContours`; the OpenCV time "
             "includes OpenCvSharp copying the points into `Point[][]`, which every .NET caller pays. The check compares "
             "every point and the hierarchy. Border following is sequential in both libraries."),
    ("DistanceBenchmarks", "Distance transform", "Distance", [
        ("L2Precise", "`distanceTransform` L2, precise"),
        ("L2Mask3", "`distanceTransform` L2, 3×3"),
    ], None, "On the same mask, into a preallocated float image. The official OpenCvSharp build computes these through "
             "Intel IPP, whose float sums differ in the last bits from OpenCV's own code (which we reproduce exactly), "
             "so the check is within 1e-5 relative."),
    ("WatershedBenchmarks", "Watershed", "Watershed", [
        ("Seeds48", "`watershed`, BGR page, a seed every 48 px"),
    ], None, "The 12 MP page as BGR with a marker every 48 pixels (background seeds in every other cell); each call "
             "restores the seeds first, on both sides. Both implementations are sequential."),
    ("ColorBenchmarks", "Colour conversions", "Color", [
        ("BgrToLab", "`cvtColor` BGR → Lab, 8-bit"),
        ("BgrToHsv", "`cvtColor` BGR → HSV, 8-bit"),
        ("LabToBgr", "`cvtColor` Lab → BGR, 8-bit"),
        ("BgrToLuv", "`cvtColor` BGR → Luv, 8-bit"),
        ("LuvToBgr", "`cvtColor` Luv → BGR, 8-bit"),
    ], None, "On a 2.4 MP colour photo (1920×1280): `ColorConversion.Convert` vs `cv::cvtColor`, into a preallocated "
             "image. Issue 5's reference: OpenCV 4.6 took 18.6 ms for BGR → Lab here."),
    ("KMeansBenchmarks", "k-means", "KMeans", [
        ("Lab4", "`kmeans` K 4 on 2.4 MP Lab pixels"),
    ], "n/a",
     "K = 4, 3 attempts, on the Lab pixels (3 floats each) of a 2.4 MP photo, same criteria and attempts on both sides: "
     "`KMeans.Cluster` vs `cv::kmeans`. Labels can differ after the identical seeding (OpenCV adds centres in float, we in double), so the check compares compactness: \"identical (within 0.5%)\" means within 0.5 % of OpenCV's. "
     "Issue 5's reference: OpenCV 4.6 took 1042 ms here."),
    ("GrabCutBenchmarks", "GrabCut", "GrabCut", [
        ("Rect5", "`grabCut` from a rectangle, 5 iterations, 640×427"),
    ], None, "A 640×427 photo, initialised from a rectangle, 5 iterations: `GrabCut.Apply` vs `cv::grabCut`. "
             "Issue 5's reference: OpenCV 4.6 took 1472 ms here."),
]
OURS, THEIRS = "SegmentSharp", "OpenCv"


# ---------------------------------------------------------------- formatting

def fmt_ms(ns):
    if ns is None:
        return "—"
    ms = ns / 1e6
    if ms >= 100:
        return f"{ms:.0f} ms"
    if ms >= 10:
        return f"{ms:.1f} ms"
    if ms >= 1:
        return f"{ms:.2f} ms"
    return f"{ms:.3f} ms"


def fmt_seconds(s):
    return "—" if s is None else f"{s:.3f} s"


def fmt_bytes(n):
    if n is None:
        return "—"
    n = float(n)
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{int(n)} B"


def fmt_ratio(r):
    return "—" if r is None else f"{r:.2f}"


def run(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


# ---------------------------------------------------------------- e2e

def read_status(path):
    values = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if "=" in line:
                    k, v = line.rstrip("\n").split("=", 1)
                    values[k] = v
    return values


def e2e(out_dir):
    env = read_status(os.path.join(out_dir, "env.status"))
    rows = []
    for mode in ("global", "adaptive"):
        status = read_status(os.path.join(out_dir, f"{mode}.status"))
        timings = {}
        jpath = os.path.join(out_dir, f"{mode}.json")
        if os.path.exists(jpath):
            with open(jpath, encoding="utf-8") as f:
                for r in json.load(f)["results"]:
                    timings[r["command"]] = {k: r.get(k) for k in ("mean", "median", "stddev", "min", "max",
                                                                    "cpu", "peak_rss_bytes")}
        seed, ours = timings.get("seed"), timings.get("segment")
        rows.append({
            "mode": mode,
            "seed": seed,
            "ours": ours,
            "speedup": seed["median"] / ours["median"] if seed and ours else None,
            "cpu_ratio": seed["cpu"]["median"] / ours["cpu"]["median"] if seed and ours else None,
            "ours_status": status.get("ours", "not run"),
            "seed_status": status.get("seed", "not run"),
            "masks": status.get("masks"),
            "stdout": status.get("stdout"),
        })
    results = {"env": env, "rows": rows}
    with open(os.path.join(out_dir, "results.json"), "w", encoding="utf-8") as f:
        json.dump(results, f, indent=2)
        f.write("\n")
    print("\n".join(e2e_table(results)))


def e2e_table(results):
    env = results["env"]
    lines = [
        f"| mode | seed script (Python + OpenCV {env.get('python_opencv', '?')}) | `segment` (SegmentSharp) "
        "| speed-up, wall (seed / ours) | CPU time seed / ours | peak memory seed / ours | masks | stdout |",
        "|---|---:|---:|---:|---:|---:|---|---|",
    ]
    for r in results["rows"]:
        def cell(t, status):
            if t:
                return f"{fmt_seconds(t['median'])} ({t['min']:.3f}–{t['max']:.3f})"
            return status.replace("|", "/")

        def pair(key):
            s, o = r["seed"], r["ours"]
            if key == "cpu":
                return " / ".join(fmt_seconds(t["cpu"]["median"]) if t else "—" for t in (s, o))
            return " / ".join(fmt_bytes(t["peak_rss_bytes"]) if t else "—" for t in (s, o))

        speed = "—" if not r["speedup"] else (f"**{r['speedup']:.2f}×**" if r["speedup"] >= 1.5 else f"{r['speedup']:.2f}×")
        mode = {"global": "global (threshold 127)", "adaptive": "adaptive (Gaussian, block 31, C 5)"}[r["mode"]]
        lines.append(f"| {mode} | {cell(r['seed'], r['seed_status'])} | {cell(r['ours'], r['ours_status'])} | "
                     f"{speed} | {pair('cpu')} | {pair('rss')} | {r['masks'] or '—'} | {r['stdout'] or '—'} |")
    if env.get("seed_note"):
        lines.append("")
        lines.append(f"Note: {env['seed_note']}.")
    return lines


# ---------------------------------------------------------------- BenchmarkDotNet

def load_bdn(results_dir):
    """(type, method, threads) -> benchmark entry, plus the job description."""
    entries, job = {}, None
    for path in sorted(glob.glob(os.path.join(results_dir, "*-brief.json"))):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        for b in data.get("Benchmarks", []):
            m = re.search(r"Threads=(\d+)", b.get("Parameters") or "")
            threads = int(m.group(1)) if m else 0
            entries[(b["Type"], b["Method"], threads)] = b
            jm = re.search(r": (.*?) \[", b.get("DisplayInfo", ""))
            if jm and job is None:
                job = jm.group(1)
    return entries, job


def mean_ns(entry):
    """The median iteration: on a shared machine it resists the slow outliers other processes cause."""
    stats = entry and entry.get("Statistics")
    return stats["Median"] if stats else None


def sd_ns(entry):
    stats = entry and entry.get("Statistics")
    return stats["StandardDeviation"] if stats else None


def allocated(entry):
    if not entry or not entry.get("Statistics"):
        return None
    return (entry.get("Memory") or {}).get("BytesAllocatedPerOperation")


def read_checks(data_dir):
    checks = {}
    for path in glob.glob(os.path.join(data_dir, "checks", "*.txt")):
        with open(path, encoding="utf-8") as f:
            checks[os.path.basename(path)[:-4]] = f.read().strip()
    return checks


def thread_counts(entries):
    # 0 = a class without a Threads parameter (the pipeline's whole-run benchmark), not a thread count.
    return sorted({t for (_, _, t) in entries if t > 0}) or [1]


def time_cell(entry):
    m = mean_ns(entry)
    if m is None:
        return "not measured" if entry is None else "failed"
    return f"{fmt_ms(m)} ± {sd_ns(entry) / 1e6:.2f}"


def area_rows(entries, bdn_type, ops, checks, check_prefix, extra=None, no_check="—"):
    rows = []
    for op, desc, *baseline in ops:
        for t in thread_counts(entries):
            ours = entries.get((bdn_type, op + OURS, t))
            theirs = entries.get((bdn_type, (baseline[0] if baseline else op) + THEIRS, t))
            mo, mt = mean_ns(ours), mean_ns(theirs)
            ratio = mo / mt if mo and mt else None
            row = [desc, "1" if t == 1 else f"{t} (all)", time_cell(ours), time_cell(theirs),
                   f"**{fmt_ratio(ratio)}**" if ratio is not None and ratio <= 1.0 else fmt_ratio(ratio)]
            if extra:
                row += extra(mo, mt)
            row += [fmt_bytes(allocated(ours)), fmt_bytes(allocated(theirs)), check_status(checks, f"{check_prefix}.{op}", no_check)]
            rows.append((op, t, ratio, row))
    return rows


def check_status(checks, key, no_check):
    """A check named KEY, or KEY.QUALIFIER (e.g. Distance.L2Precise.within1e-5) shown with its qualifier."""
    if key in checks:
        return checks[key]
    for k, v in sorted(checks.items()):
        if k.startswith(key + "."):
            qualifier = k[len(key) + 1:].replace("within", "within ")
            return f"{v} ({qualifier})"
    return no_check


def table(header, rows):
    out = ["| " + " | ".join(header) + " |",
           "|" + "|".join("---:" if i >= 2 and "output" not in h else "---" for i, h in enumerate(header)) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return out


# ---------------------------------------------------------------- machine

def busy_note(load_before, cpus):
    """A shared box makes absolute times noisy; say so when the machine was busy before we started."""
    try:
        one_minute, ncpu = float(load_before.split()[0]), int(cpus)
    except (AttributeError, ValueError, TypeError, IndexError):
        return ""
    if one_minute >= 0.25 * ncpu:
        return ("Other processes were running on this shared machine during the run, so absolute times are noisy; "
                "each ratio compares two cases measured back to back in the same run.")
    return ("The load average was low when the run started (no other heavy job was visible then); the box is "
            "shared, so that was not guaranteed for the whole run.")


def machine():
    info = {}
    lscpu = run(["lscpu"])
    for key, name in (("Model name", "cpu"), ("CPU(s)", "cpus"), ("Thread(s) per core", "tpc"),
                      ("Core(s) per socket", "cores"), ("Hypervisor vendor", "hypervisor")):
        m = re.search(rf"^{re.escape(key)}:\s*(.+)$", lscpu, re.M)
        if m:
            info[name] = m.group(1).strip()
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            kb = int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1))
        info["ram"] = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        pass
    try:
        with open("/etc/os-release", encoding="utf-8") as f:
            m = re.search(r'^PRETTY_NAME="?([^"\n]+)', f.read(), re.M)
            info["os"] = m.group(1) if m else platform.platform()
    except OSError:
        info["os"] = platform.platform()
    info["kernel"] = platform.release()
    info["dotnet_sdk"] = run(["dotnet", "--version"])
    return info


# ---------------------------------------------------------------- report

def report(args):
    bdn_dir = args.bdn
    entries, job = load_bdn(os.path.join(bdn_dir, "results"))
    # A later full bench/run.sh measures these classes itself; the separate run only fills what it lacks.
    main_types = {k[0] for k in entries}
    wave2_entries, _ = load_bdn(os.path.join(args.bdn2, "results"))
    wave2_entries = {k: v for k, v in wave2_entries.items() if k[0] not in main_types}
    entries.update(wave2_entries)
    wave2_types = {k[0] for k in wave2_entries}
    runinfo2 = read_status(args.runinfo2) if args.runinfo2 else {}
    checks = read_checks(args.data)
    facts = {}
    facts_path = os.path.join(args.data, "codec-sizes.json")
    if os.path.exists(facts_path):
        with open(facts_path, encoding="utf-8") as f:
            facts = json.load(f)
    e2e_results = None
    e2e_path = os.path.join(args.e2e, "results.json")
    if os.path.exists(e2e_path):
        with open(e2e_path, encoding="utf-8") as f:
            e2e_results = json.load(f)
    runinfo = read_status(args.runinfo) if args.runinfo else {}
    runtime = None
    for path in glob.glob(os.path.join(bdn_dir, "results", "*-brief.json")):
        with open(path, encoding="utf-8") as f:
            runtime = json.load(f).get("HostEnvironmentInfo", {}).get("RuntimeVersion") or runtime
    intrinsics = next((e.get("HardwareIntrinsics") for e in entries.values() if e.get("HardwareIntrinsics")), None)

    mach = machine()
    date = runinfo.get("date") or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    L = []
    L.append("# Benchmarks")
    L.append("")
    L.append("<!-- Generated by bench/make_report.py from bench/run.sh output. Do not edit by hand. -->")
    L.append("")
    L.append("SegmentSharp against OpenCV on the same pixels: each operation below runs both libraries in the same "
             "BenchmarkDotNet process, single-threaded and on all cores. **Ratio = SegmentSharp time / OpenCV time** "
             "(goal ≤ 1.00; bold when met). The end-to-end table times the `segment threshold` CLI against the seed "
             "Python script on a 37 MP scan (goal: at least 1.5× faster).")
    L.append("")
    if args.note:
        L.append(f"> **{args.note}**")
        L.append("")
    L.append(f"- Date: {date}")
    L.append(f"- Command: `{runinfo.get('command') or args.command or 'bench/run.sh'}`")
    if runinfo.get("commit"):
        L.append(f"- Commit: `{runinfo['commit']}`")
    L.append(f"- Machine: {mach.get('cpu', '?')}, {mach.get('cpus', '?')} logical CPUs "
             f"({mach.get('cores', '?')} cores × {mach.get('tpc', '?')} threads)"
             + (f", {mach['hypervisor']} VM" if mach.get("hypervisor") else "") + f", {mach.get('ram', '?')} RAM")
    L.append(f"- OS: {mach.get('os')} (kernel {mach.get('kernel')})")
    L.append(f"- .NET: {runtime or '?'} (SDK {mach.get('dotnet_sdk') or '?'}), BenchmarkDotNet 0.15.8")
    if intrinsics:
        L.append(f"- Vector ISA seen by .NET: {intrinsics}")
    L.append(f"- OpenCV: {facts.get('opencvsharp_opencv_version', '?')} through OpenCvSharp4 4.13 (official linux-x64 runtime)"
             + (f"; the seed script uses Python OpenCV {e2e_results['env'].get('python_opencv')}"
                if e2e_results and e2e_results.get("env", {}).get("python_opencv") else ""))
    L.append(f"- Job: {job or '?'}; times are the median per operation ± the standard deviation of the iterations, and ratios are ratios of medians. "
             "Allocated = managed bytes per operation (OpenCV's native buffers are not counted).")
    load_before, load_after = runinfo.get("load_before"), runinfo.get("load_after")
    if load_before or load_after:
        L.append(f"- Load average (1/5/15 min) before the run: {load_before or '?'}, after: {load_after or '?'}. "
                 + busy_note(load_before, runinfo.get("cpus")))
    L.append("")
    L.append("Input: a deterministic synthetic document page (tiles of `samples/page.png` and `samples/text.png`, "
             "scaled up, with an illumination falloff and mild noise from a fixed seed), generated by "
             "`SegmentSharp.Benchmarks --generate-data` into the git-ignored `bench/data/`: "
             f"{facts.get('image', '4000x3000 gray')} ({facts.get('pixels', 12_000_000) / 1e6:.0f} MP) for the operation "
             f"benchmarks, {facts.get('scan37_size', '7000x5300 gray')} for the end-to-end runs. Every timed output goes "
             "into a preallocated image for both libraries. The last column says whether SegmentSharp's output was "
             "byte-identical to OpenCV's on this input (checked once per run, in `[GlobalSetup]`).")
    L.append("")

    # Summary
    summary = []
    all_rows = {}
    for bdn_type, title, prefix, ops in AREAS:
        all_rows[bdn_type] = area_rows(entries, bdn_type, ops, checks, prefix)
    codec_rows = codec_table_rows(entries, checks, facts)
    measured = [(r[0], r[1], r[2]) for rows in list(all_rows.values()) + [codec_rows] for r in rows]
    wave2_rows = {}
    for bdn_type, title, prefix, ops, no_check, _ in WAVE2_AREAS:
        wave2_rows[bdn_type] = area_rows(entries, bdn_type, ops, checks, prefix, no_check=no_check or "—")
    wave2_measured = [(r[0], r[1], r[2]) for bdn_type, rows in wave2_rows.items() if bdn_type not in ("LocalBenchmarks", "LocalExtraBenchmarks", "DocumentBenchmarks")
                      for r in rows]
    local_measured = [(r[0], r[1], r[2]) for t in ("LocalBenchmarks", "LocalExtraBenchmarks") for r in wave2_rows.get(t, [])]

    def summarise(prefix, what, rows):
        for t in thread_counts(entries):
            label = "Single-threaded" if t == 1 else f"All {t} cores"
            rs = sorted(r for (_, tt, r) in rows if tt == t and r is not None)
            total = sum(1 for (_, tt, _) in rows if tt == t)
            if rs:
                met = sum(1 for r in rs if r <= 1.0)
                missing = f"; {total - len(rs)} not measured" if len(rs) < total else ""
                summary.append(f"- {prefix}{label}: ratio ≤ 1.00 in {met} of {len(rs)} measured {what} "
                               f"(median ratio {statistics.median(rs):.2f}, best {rs[0]:.2f}, worst {rs[-1]:.2f}{missing}).")
            elif total:
                summary.append(f"- {prefix}{label}: no SegmentSharp measurement yet.")

    summarise("", "operations", measured)
    when = f" ({runinfo2.get('date', 'separate run')})" if wave2_types else ""
    summarise(f"Morphology, components, median, CLAHE, preprocessing, contours, distance, watershed, colour, k-means, GrabCut{when}, ",
              "operations", wave2_measured)
    summarise(f"Local thresholds vs adaptive mean at the same window{when}, ", "cases", local_measured)
    if e2e_results:
        for r in e2e_results["rows"]:
            if r.get("speedup"):
                verdict = "goal met" if r["speedup"] >= 1.5 else "goal ≥ 1.5× not met"
                summary.append(f"- End to end, `segment threshold --method {r['mode']}` on the 37 MP scan: "
                               f"speed-up {r['speedup']:.2f}× over the seed script (wall, seed / ours; {verdict}; "
                               f"CPU time {r['cpu_ratio']:.2f}×), "
                               f"masks {r.get('masks') or '?'}.")
            else:
                summary.append(f"- End to end, `--method {r['mode']}`: not measured (ours: {r['ours_status']}; "
                               f"seed: {r['seed_status']}).")
    L.append("## Summary")
    L.append("")
    L += summary
    L.append("")

    header = ["operation", "threads", "SegmentSharp", "OpenCV", "ratio", "alloc. ours", "alloc. OpenCV", "output vs OpenCV"]
    for bdn_type, title, prefix, ops in AREAS:
        L.append(f"## {title}")
        L.append("")
        L += table(header, [r[3] for r in all_rows[bdn_type]])
        L.append("")

    if wave2_types or any(k in main_types for k in wave2_rows):
        load_before, load_after = runinfo2.get("load_before"), runinfo2.get("load_after")
        run_line = (f"Measured in a separate run: {runinfo2.get('date', '?')}, commit `{runinfo2.get('commit', '?')}`, "
                    f"`{runinfo2.get('command', '?')}`; same machine and job; load average (1/5/15 min) before "
                    f"{load_before or '?'}, after {load_after or '?'}. " + busy_note(load_before, runinfo2.get("cpus")))
        for bdn_type, title, prefix, ops, no_check, intro in WAVE2_AREAS:
            L.append(f"## {title}")
            L.append("")
            L.append(intro + (" " + run_line if bdn_type in wave2_types else ""))
            L.append("")
            L += table(header, [r[3] for r in wave2_rows[bdn_type]])
            L.append("")

    memory_path = os.path.join(ROOT, "bench", "out", "memory.txt")
    if os.path.exists(memory_path):
        with open(memory_path, encoding="utf-8") as f:
            memory = f.read().rstrip()
        L.append("## Memory: Sauvola on a 20000 × 20000 scan")
        L.append("")
        L.append("Issue 3 asks that a 20000 × 20000 scan binarize within 1 GB of managed heap. Measured in the same run "
                 "with `dotnet run -c Release --project bench/SegmentSharp.Benchmarks -- --memory 20000 25` (a synthetic "
                 "400 MP page; the input and the 400 MB mask are both counted in the heap):")
        L.append("")
        L.append("```")
        L.append(memory)
        L.append("```")
        L.append("")

    pipe = next((v for k, v in entries.items() if k[0] == "PipelineBenchmarks" and k[1] == "Seed004Recipe"), None)
    if pipe:
        L.append("## Pipeline: time and allocations per image")
        L.append("")
        L.append("Issue 6: one warm `Pipeline.Run` of seed 004's recipe (blur 5, Otsu inverse, open ellipse 5×5, components, "
                 "contours; mask, contours JSON and stats CSV written) on a 2 MP PNG, from the file to the outputs, on one "
                 "thread. Buffers are rented from a pool and returned after each image, so steady-state allocation is what "
                 "remains per image (the decoded 2 MP image alone is 2.0 MB).")
        L.append("")
        L += table(["operation", "time per image", "allocated per image"],
                   [["`Pipeline.Run`, seed 004 recipe, 2 MP PNG", time_cell(pipe), fmt_bytes(allocated(pipe))]])
        L.append("")

    # Whole-program measurements that are not BenchmarkDotNet pairs (batch throughput, model overhead, pipeline
    # allocations): each script writes one markdown section into bench/out/extra/, included here in name order.
    for path in sorted(glob.glob(os.path.join(ROOT, "bench", "out", "extra", "*.md"))):
        with open(path, encoding="utf-8") as f:
            L.append(f.read().rstrip())
        L.append("")

    L.append("## Codecs")
    L.append("")
    L.append("In memory (no file I/O), on the 12 MP page. MB/s = decoded pixel bytes (12.0 MB) per second. "
             + "; ".join(f"{name}: {how}" for _, name, how in CODEC_OPS) + ".")
    L.append("")
    L += table(["operation", "threads", "SegmentSharp", "OpenCV", "ratio", "MB/s ours", "MB/s OpenCV",
                "alloc. ours", "alloc. OpenCV", "output vs OpenCV"], [r[3] for r in codec_rows])
    L.append("")
    L.append("File sizes:")
    L.append("")
    L.append("| file | size |")
    L.append("|---|---:|")
    L.append(f"| input PNG (OpenCV, zlib level {facts.get('input_png_level', 6)}) | {fmt_bytes(facts.get('input_png_bytes'))} |")
    L.append(f"| input JPEG (OpenCV, quality {facts.get('input_jpeg_quality', 90)}) | {fmt_bytes(facts.get('input_jpeg_bytes'))} |")
    L.append(f"| PNG written by OpenCV `imencode` defaults | {fmt_bytes(facts.get('opencv_png_bytes'))} |")
    ours_png = facts.get("segmentsharp_png_bytes")
    L.append(f"| PNG written by SegmentSharp `ImageFile.Encode` defaults | "
             f"{fmt_bytes(ours_png) if ours_png else 'not available: ' + str(facts.get('segmentsharp_png_error'))} |")
    L.append("")

    L.append("## End to end: `segment threshold` vs the seed script")
    L.append("")
    if e2e_results:
        env = e2e_results["env"]
        L.append(f"Whole-process wall time on the {facts.get('scan37_size', '7000x5300')} scan "
                 f"({fmt_bytes(facts.get('scan37_png_bytes'))} PNG): start-up, PNG decode, threshold, PNG encode, "
                 f"write. Median wall time (min–max) of {env.get('runs', '?')} rounds after 1 warm-up round, timed by "
                 f"{env.get('timer', '?')}: each round runs both commands, alternating which goes first, so load "
                 "from other processes hits both alike; CPU time (user + system over all threads) and peak resident "
                 "memory come from `wait4`. "
                 "The seed is `/usr/bin/python3 threshold_image.py IN OUT --method M`; ours is the published "
                 "`bench/out/cli/segment threshold IN OUT --method M` (framework-dependent .NET app). Both use "
                 "their defaults otherwise; SegmentSharp writes the bilevel mask as a 1-bit PNG, OpenCV as 8-bit, and "
                 "the masks column compares decoded pixels.")
        L.append("")
        L += e2e_table(e2e_results)
    else:
        L.append("Not run (bench/out/e2e/results.json is missing).")
    L.append("")

    L.append("## Reproduce")
    L.append("")
    L.append("```bash")
    L.append("apt-get install -y python3-opencv             # the seed script's OpenCV (Debian's /usr/bin/python3)")
    L.append("bench/run.sh                                  # data, e2e, BenchmarkDotNet (--filter '*'), this page")
    L.append("```")
    L.append("")
    L.append("Pieces: `dotnet run -c Release --project bench/SegmentSharp.Benchmarks -- --generate-data` (inputs and "
             "codec sizes), `dotnet run -c Release --project bench/SegmentSharp.Benchmarks -- --filter '*Threshold*'` "
             "(one area; `--job Dry` for a smoke test), `bench/e2e.sh` (end to end), `python3 bench/make_report.py "
             "report` (this page). BenchmarkDotNet's own tables are in `bench/out/bdn/results/`.")
    L.append("")

    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as f:
        f.write("\n".join(L))
    print(f"wrote {args.output}")


def codec_table_rows(entries, checks, facts):
    pixel_bytes = facts.get("pixels", 12_000_000)

    def mbps(mo, mt):
        return [f"{pixel_bytes / (m / 1e9) / 1e6:.0f}" if m else "—" for m in (mo, mt)]

    ops = [(op, name) for op, name, _ in CODEC_OPS]
    return area_rows(entries, "CodecBenchmarks", ops, checks, "Codec", extra=mbps)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    pe = sub.add_parser("e2e", help="summarise bench/e2e.sh output")
    pe.add_argument("dir")
    pr = sub.add_parser("report", help="write docs/benchmarks.md")
    pr.add_argument("--bdn", default=os.path.join(ROOT, "bench", "out", "bdn"), help="BenchmarkDotNet artifacts folder")
    pr.add_argument("--bdn2", default=os.path.join(ROOT, "bench", "out", "bdn-wave2"),
                    help="BenchmarkDotNet artifacts of the later run (morphology, components, median/CLAHE, local)")
    pr.add_argument("--runinfo2", default=os.path.join(ROOT, "bench", "out", "run-wave2.status"))
    pr.add_argument("--e2e", default=os.path.join(ROOT, "bench", "out", "e2e"))
    pr.add_argument("--data", default=os.path.join(ROOT, "bench", "data"))
    pr.add_argument("--runinfo", default=os.path.join(ROOT, "bench", "out", "run.status"),
                    help="key=value file from bench/run.sh (date, command, commit, load)")
    pr.add_argument("--command", help="command line to print when there is no run info")
    pr.add_argument("--note", help="a highlighted note under the introduction")
    pr.add_argument("-o", "--output", default=os.path.join(ROOT, "docs", "benchmarks.md"))
    args = p.parse_args()
    if args.cmd == "e2e":
        e2e(args.dir)
    else:
        report(args)


if __name__ == "__main__":
    sys.exit(main())
