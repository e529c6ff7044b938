#!/usr/bin/env python3
"""Benchmark of `icp check`: generates a ~5,000-line model with 200 profiles
and prints how long checking it takes (target: under 100 ms). Not a timed test.

usage: bench/check_speed.py [--icp PATH] [--runs N] [--keep FILE]
"""
import argparse, os, statistics, subprocess, sys, tempfile, time

HEADER = '''/// Generated benchmark model.
import "std/geo"
import "std/firmo"

enum Segment { smb, mid_market, enterprise }
enum Motion { plg, sales_led, hybrid default }

const CORE = {"kubernetes", "terraform", "aws"}
const LEGACY = {"mainframe", "cobol", "as400"}
const BIG = 5_000

schema Account {
  name:         string
  domain:       string            from "Website"
  industry:     Industry?         from "Industry"
  employees:    int?              from "Employee Count"
  revenue:      float?            from "Annual Revenue"
  country:      Country?
  tech:         set<string>       from "Technologies"
  stage:        FundingStage?
  motion:       Motion?
  last_funding: date?
  founded:      date?
  sre_openings: int = 0
}

def segment(n: int): Segment =
  if n < 200 then smb else if n < BIG then mid_market else enterprise

def size_points(n: int, scale: float): float = min(log(n + 1) * scale, 30.0)
'''

PROFILE = '''
profile P{i} on Account {{
  let mm = segment(employees ?? 0) == mid_market
  let big = employees ?? 0 >= {big}
  exclude "Public sector"      when industry in {{public_administration}}
  exclude "Competitor {i}"     when domain(domain) == "rival{i}.com"
  group "Fit" cap 60 {{
    let heavy = tech has all CORE
    signal "Software"          when industry in {{information, finance_insurance}} => +{a}
    signal "Mid-market"        when mm                                           => +20
    signal "Cloud native"      when heavy                                        => +15
    signal "Legacy"            when tech has any LEGACY                          => -10
    signal "Big"               when big and country in {{US, DE, GB}}              => size_points(employees ?? 1, 2.5)
    signal "Named"             when lower(name) matches r"^(acme|globex)\\b"      => 5
  }}
  group "Urgency" {{
    trigger "Fresh funding" on last_funding within 180d when stage >= series_b => +20 halflife 60d
    signal  "Hiring SREs"   when sre_openings between 3 and 50                 => sre_openings * 2
    signal  "Young"         when founded is present and year(founded) >= 2015  => 5
  }}
  tier bullseye when score >= {t1}
  tier inner    when score >= {t2}
  tier outer    when score >= 20
}}
'''

TEST = '''
test "P{i} smoke" {{
  profile P{i}
  as_of 2026-11-01
  given {{ name: "Acme", domain: "acme.io", employees: 800, tech: {{"kubernetes"}} }}
  expect tier == outer
  expect not fired "Hiring SREs"
}}
'''

def generate(n_profiles=200):
    parts = [HEADER]
    for i in range(n_profiles):
        parts.append(PROFILE.format(i=i, big=500 + i, a=10 + i % 20, t1=60 + i % 10, t2=40))
        if i % 10 == 0:
            parts.append(TEST.format(i=i))
    return "".join(parts)

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--icp", default=os.path.join(here, "..", "build", "icp"))
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--keep", help="also write the generated model here")
    args = ap.parse_args()
    text = generate()
    if args.keep:
        open(args.keep, "w").write(text)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.icp")
        open(path, "w").write(text)
        lines = text.count("\n")
        first = subprocess.run([args.icp, "check", path], capture_output=True, text=True)
        if first.returncode not in (0, 1):
            sys.exit(f"icp check failed ({first.returncode}): {first.stderr[:500]}")
        errors = first.stdout.count("error[") + first.stderr.count("error[")
        tiny = os.path.join(tmp, "tiny.icp")
        open(tiny, "w").write("schema A { n: int }\n")

        def timed(p):
            """Median and minimum wall time, and median CPU time (user + system,
            which a busy or oversubscribed machine inflates less), in ms."""
            walls, cpus = [], []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                proc = subprocess.Popen([args.icp, "check", p], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
                _, _, usage = os.wait4(proc.pid, 0)
                walls.append((time.perf_counter() - t0) * 1000)
                cpus.append((usage.ru_utime + usage.ru_stime) * 1000)
            return statistics.median(walls), min(walls), statistics.median(cpus)

        med, best, cpu = timed(path)
        base, _, base_cpu = timed(tiny)
        print(f"icp check: {lines} lines, 200 profiles: median {med:.1f} ms, "
              f"min {best:.1f} ms over {args.runs} runs (target < 100 ms); CPU time median {cpu:.1f} ms; "
              f"a one-line file takes {base:.1f} ms (start-up; CPU {base_cpu:.1f} ms); "
              f"{errors} errors in the model")

if __name__ == "__main__":
    main()
