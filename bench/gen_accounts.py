#!/usr/bin/env python3
"""Writes N synthetic CRM account rows (deterministic for a seed) as CSV or
NDJSON, for bench/score_bench.py and tests/cli_score.

10 columns: Name, Website, Industry, Employee Count, Country, Technologies
(a ;-list, a JSON array in NDJSON), Funding Stage, Last Funding, SRE Openings,
Founded. Values look like enrichment data: optional columns are blank for a
realistic share of rows, numbers come as "1,200", "2.5k" or "$" forms,
names contain commas and quotes (so CSV quoting is exercised), and about one
row in `--bad-every` (default 2000; 0 for none) has an unreadable employee
count ("12 people"), which `icp score` rejects.

usage: gen_accounts.py N [-o FILE] [--seed S] [--format csv|ndjson] [--bad-every K]
"""
import argparse
import json
import random
import sys

INDUSTRIES = ["Software", "SaaS", "Financial Services", "Fintech", "Manufacturing", "Retail", "Health Care",
              "Public Administration", "Government", "Consulting", "Logistics", "Telecommunications",
              "Insurance", "Education", "Real Estate", "Media"]
COUNTRIES = ["US", "United States", "USA", "Germany", "DE", "United Kingdom", "UK", "France", "India", "Canada",
             "Brazil", "Japan", "Netherlands", "Australia"]
TECH = ["kubernetes", "terraform", "aws", "gcp", "azure", "datadog", "new relic", "prometheus", "grafana",
        "snowflake", "postgres", "mysql", "kafka", "react", "salesforce", "hubspot", "mainframe", "cobol",
        "docker", "jenkins", "github actions", "okta"]
STAGES = ["Bootstrapped", "Seed", "Series A", "Series B", "Series C", "Series D+", "Private Equity", "Public", "Angel"]
WORDS = ["Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay", "Soylent", "Cyberdyne",
         "Tyrell", "Wonka", "Aperture", "Massive", "Dynamics", "Nimbus", "Quantum", "Blue", "North", "Peak"]
SUFFIX = ["Inc.", "LLC", "GmbH", "Ltd", "Labs", "Systems", "Group", "Technologies", "& Co", "AG"]
HEADER = ["Name", "Website", "Industry", "Employee Count", "Country", "Technologies", "Funding Stage",
          "Last Funding", "SRE Openings", "Founded"]


def employees_text(rng, n):
    form = rng.random()
    if form < 0.6:
        return str(n)
    if form < 0.85:
        return f"{n:,}"
    if n >= 1000 and n % 100 == 0:
        return f"{n / 1000:g}k"
    return str(n)


def date_text(rng, year_lo, year_hi):
    return f"{rng.randint(year_lo, year_hi)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def account(rng, i, bad_every):
    """One row as a dict of column -> text ("" for no value) and the tech list."""
    a, b = rng.choice(WORDS), rng.choice(WORDS)
    name = f"{a} {b} {rng.choice(SUFFIX)}"
    if rng.random() < 0.05:
        name = f'{a}, {b} "{rng.choice(SUFFIX)}"'
    n = int(rng.lognormvariate(5.0, 1.6)) + 1
    if n >= 1000 and rng.random() < 0.3:
        n = round(n, -2)
    emp = employees_text(rng, n) if rng.random() > 0.12 else ""
    if bad_every and i % bad_every == bad_every - 1:
        emp = f"{n} people"
    tech = rng.sample(TECH, rng.randint(0, 7)) if rng.random() > 0.1 else []
    return {
        "Name": name,
        "Website": f"https://www.{a.lower()}{b.lower()}{i}.com",
        "Industry": rng.choice(INDUSTRIES) if rng.random() > 0.15 else "",
        "Employee Count": emp,
        "Country": rng.choice(COUNTRIES) if rng.random() > 0.2 else "",
        "Technologies": tech,
        "Funding Stage": rng.choice(STAGES) if rng.random() > 0.35 else "",
        "Last Funding": date_text(rng, 2021, 2026) if rng.random() > 0.5 else "",
        "SRE Openings": str(rng.choice([0, 0, 0, 1, 2, 3, 5, 8])) if rng.random() > 0.3 else "",
        "Founded": date_text(rng, 1950, 2025) if rng.random() > 0.25 else "",
    }


def csv_field(s):
    if any(c in s for c in ',"\n\r') or s != s.strip():
        return '"' + s.replace('"', '""') + '"'
    return s


def write(n, seed, fmt, out, bad_every):
    rng = random.Random(seed)
    if fmt == "csv":
        out.write(",".join(HEADER) + "\n")
    for i in range(n):
        row = account(rng, i, bad_every)
        if fmt == "csv":
            cells = [";".join(row[h]) if h == "Technologies" else row[h] for h in HEADER]
            out.write(",".join(csv_field(c) for c in cells) + "\n")
        else:
            obj = {h: v for h, v in row.items() if v != ""}
            if "SRE Openings" in obj:
                obj["SRE Openings"] = int(obj["SRE Openings"])
            out.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("rows", type=int)
    ap.add_argument("-o", "--output", help="output file (default stdout)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--format", choices=["csv", "ndjson"], default="csv")
    ap.add_argument("--bad-every", type=int, default=2000)
    a = ap.parse_args()
    out = open(a.output, "w", encoding="utf-8", newline="") if a.output else sys.stdout
    with out:
        write(a.rows, a.seed, a.format, out, a.bad_every)


if __name__ == "__main__":
    main()
