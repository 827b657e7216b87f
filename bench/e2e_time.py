#!/usr/bin/env python3
"""Times whole commands, interleaved, for bench/e2e.sh (standard library only).

    e2e_time.py --runs 5 --warmup 1 --json out.json NAME=COMMAND [NAME=COMMAND ...]

Each round runs every command once, alternating which goes first, so a burst of load from other
processes on a shared machine hits all commands alike instead of whichever one a sequential tool
(hyperfine runs all of one command, then all of the next) happened to be timing. Besides wall time it
records each child's CPU time (user + system, summed over its threads) and peak resident memory from
wait4(), which vary much less with load than wall time does.
"""
import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import time


def run_once(argv):
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, proc.returncode


def summary(values):
    return {
        "mean": statistics.mean(values),
        "median": statistics.median(values),
        "stddev": statistics.stdev(values) if len(values) > 1 else 0.0,
        "min": min(values),
        "max": max(values),
    }


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--json", required=True)
    p.add_argument("commands", nargs="+", metavar="NAME=COMMAND")
    args = p.parse_args()

    cmds = []
    for spec in args.commands:
        name, _, command = spec.partition("=")
        cmds.append((name, shlex.split(command)))

    for _ in range(args.warmup):
        for _, argv in cmds:
            run_once(argv)

    samples = {name: {"wall": [], "cpu": [], "rss": []} for name, _ in cmds}
    for r in range(args.runs):
        order = cmds if r % 2 == 0 else list(reversed(cmds))
        for name, argv in order:
            wall, cpu, rss, code = run_once(argv)
            if code != 0:
                sys.exit(f"e2e_time: {name} exited with {code} on run {r + 1}")
            samples[name]["wall"].append(wall)
            samples[name]["cpu"].append(cpu)
            samples[name]["rss"].append(rss)

    results = []
    for name, argv in cmds:
        s = samples[name]
        entry = {"command": name, "argv": argv, "times": s["wall"]}
        entry.update(summary(s["wall"]))
        entry["cpu"] = summary(s["cpu"])
        entry["peak_rss_bytes"] = max(s["rss"])
        results.append(entry)
        print(f"{name:>8}: wall median {entry['median']:.3f} s (min {entry['min']:.3f}, max {entry['max']:.3f}), "
              f"CPU median {entry['cpu']['median']:.3f} s, peak RSS {entry['peak_rss_bytes'] / 2**20:.0f} MiB",
              file=sys.stderr)
    with open(args.json, "w", encoding="utf-8") as f:
        json.dump({"runs": args.runs, "warmup": args.warmup, "results": results}, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
