#!/usr/bin/env python3
"""End-to-end benchmark of `icp score` (not a test; see bench/README.md).

Generates N account rows (bench/gen_accounts.py, 1,000,000 by default) once,
then runs `icp score bench/score_bench.icp` on them with each engine and
prints, per run: rows/s and MB/s end to end, the share of the pipeline's
time spent reading (parse + convert), scoring, formatting and writing (from
the hidden `--stats` flag), and the peak RSS of the process.

usage: score_bench.py [--icp build/icp] [--rows N] [--threads T] [--format csv|ndjson]
                      [--engines jit,interp] [--keep-data DIR]
"""
import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run_once(icp, model, inp, engine, threads, out_path):
    cmd = [icp, "score", model, inp, "--as-of", "2026-06-01", "--engine", engine, "-o", out_path,
           "--rejects", out_path + ".rejects.csv", "--stats"]
    if threads:
        cmd += ["--threads", str(threads)]
    # Peak RSS of this child alone: run it under a fresh python that waits on it.
    probe = ("import resource,subprocess,sys,time\n"
             "t=time.perf_counter(); p=subprocess.run(sys.argv[1:],capture_output=True)\n"
             "w=time.perf_counter()-t\n"
             "sys.stderr.buffer.write(p.stderr)\n"
             "print(p.returncode, w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    p = subprocess.run([sys.executable, "-c", probe] + cmd, capture_output=True, text=True)
    code, wall, rss_kb = p.stdout.split()
    return int(code), float(wall), int(rss_kb), p.stderr


def parse_stats(stderr):
    m = re.search(r"^stats: (.*)$", stderr, re.M)
    if not m:
        return {}
    return {k: float(v) for k, v in (kv.split("=") for kv in m.group(1).split())}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--icp", default=os.path.join(ROOT, "build", "icp"))
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--threads", type=int, default=0, help="worker threads (default: all cores)")
    ap.add_argument("--format", choices=["csv", "ndjson"], default="csv")
    ap.add_argument("--engines", default="jit,interp")
    ap.add_argument("--keep-data", help="directory to keep (and reuse) the generated input in")
    a = ap.parse_args()

    model = os.path.join(HERE, "score_bench.icp")
    tmp = tempfile.TemporaryDirectory()
    data_dir = a.keep_data or tmp.name
    os.makedirs(data_dir, exist_ok=True)
    inp = os.path.join(data_dir, f"accounts_{a.rows}.{a.format}")
    if not os.path.exists(inp):
        t = time.perf_counter()
        subprocess.run([sys.executable, os.path.join(HERE, "gen_accounts.py"), str(a.rows), "-o", inp,
                        "--format", a.format], check=True)
        print(f"generated {a.rows} rows in {time.perf_counter() - t:.1f} s: {inp}")
    size_mb = os.path.getsize(inp) / 1e6
    print(f"input: {a.rows} rows, {size_mb:.1f} MB ({a.format}); cores: {os.cpu_count()}; "
          f"threads: {a.threads or 'all'}")

    for engine in a.engines.split(","):
        out = os.path.join(tmp.name, "out." + a.format)
        code, wall, rss_kb, err = run_once(a.icp, model, inp, engine, a.threads, out)
        if code not in (0, 1):
            print(f"{engine}: icp score failed with exit {code}:\n{err}")
            continue
        s = parse_stats(err)
        summary = err.splitlines()[0] if err else ""
        phases = {k: s.get(k + "_s", 0.0) for k in ("read", "score", "format", "write")}
        busy = sum(phases.values()) or 1.0
        share = ", ".join(f"{k} {100 * v / busy:.0f}% ({v:.2f} s)" for k, v in phases.items())
        print(f"\n[{engine}] {summary}")
        print(f"  end to end: {wall:.2f} s, {a.rows / wall:,.0f} rows/s, {size_mb / wall:.1f} MB/s "
              f"(setup incl. compile {s.get('setup_s', 0):.2f} s)")
        print(f"  time per phase (CPU seconds summed over threads): {share}")
        print(f"  stalls: reader waited {s.get('reader_stall_s', 0):.2f} s for a free chunk, "
              f"writer waited {s.get('writer_stall_s', 0):.2f} s for the next chunk")
        print(f"  peak RSS: {rss_kb / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
