#!/usr/bin/env python3
"""Collects the seed corpora and dictionaries of the fuzz targets from the
repository (run by the build of an ICP_FUZZ=ON folder; README.md here).

  OUT/seeds/TARGET/   one file per seed (named after where it came from)
  OUT/dict/TARGET.dict  libFuzzer dictionaries

Sources:
  check, fmt      every .icp of examples/, stdlib/ and tests/ (goldens, cases,
                  conformance models, LSP test files without their markers)
  csv             the CSV files of tests/ and examples/ (the first 40 lines),
                  behind an options byte (reader_fuzz.cpp)
  ndjson          the NDJSON files of tests/, and the CSV seeds' rows as JSON
                  objects, behind an options byte
  score_json      the NDJSON seeds' records, one per file
  lsp_server      the sessions of tests/lsp/transcripts (positions resolved,
                  documents opened with their text), one body per line
  lsp_transport   the same sessions framed as a client sends them, with the
                  transcripts' raw (malformed) frames

usage: collect_seeds.py --source REPO --out DIR
"""
import argparse
import csv
import glob
import hashlib
import io
import json
import os
import re
import shutil
import sys

ap = argparse.ArgumentParser()
ap.add_argument("--source", required=True)
ap.add_argument("--out", required=True)
args = ap.parse_args()
SRC = os.path.abspath(args.source)
OUT = os.path.abspath(args.out)
LSP_ROOT_URI = "file:///tmp/icp-fuzz-lsp"  # lsp_server_fuzz.cpp's import root

seeds = {}  # target -> {name: bytes}


def add(target, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    name = re.sub(r"[^A-Za-z0-9_.-]", "_", name)[:120]
    seeds.setdefault(target, {})[name] = data


def rel(p):
    return os.path.relpath(p, SRC)


def files(*patterns):
    out = []
    for pat in patterns:
        out += glob.glob(os.path.join(SRC, pat), recursive=True)
    return sorted(set(p for p in out if os.path.isfile(p)))


sys.path.insert(0, os.path.join(SRC, "tests", "lsp"))
from annotations import Annotations  # noqa: E402

# ---- .icp models --------------------------------------------------------
for p in files("examples/**/*.icp", "stdlib/**/*.icp", "tests/**/*.icp"):
    if os.path.getsize(p) > 64 * 1024:
        continue
    with open(p, "rb") as f:
        data = f.read()
    if "/tests/lsp/files/" in p:  # markers out
        data = Annotations(data.decode("utf-8"), rel(p)).code.encode("utf-8")
    add("check", rel(p), data)
    add("fmt", rel(p), data)

# ---- CSV and NDJSON -----------------------------------------------------
OPTIONS = [b"\x00", b"\x21"]  # defaults; --lenient with chunks of 3 rows
records = []
for p in files("tests/**/*.csv", "examples/**/*.csv", "tests/**/*.tsv"):
    with open(p, "rb") as f:
        head = b"".join(f.readlines()[:40])
    for o in OPTIONS:
        add("csv", "%s.%02x" % (rel(p), o[0]), o + head)
    try:
        rows = list(csv.DictReader(io.StringIO(head.decode("utf-8"))))
    except (UnicodeDecodeError, csv.Error):
        rows = []
    records += [json.dumps(r, ensure_ascii=False) for r in rows[:10]]
# A few records of the NDJSON target's own schema (reader_fuzz.cpp).
records += [
    json.dumps({"name": "Acme", "Employee Count": 120, "revenue": 1.5e6, "active": True, "founded": "2019-04-01",
                "age": "90d", "tags": ["saas", "b2b"], "region": "emea"}),
    json.dumps({"name": "Bolt", "Employee Count": "1,200", "tags": "a;b", "region": "North America", "active": None}),
]
ndjson_files = [p for p in files("tests/**/*.ndjson", "tests/**/*.jsonl") if "/tests/lsp/" not in p]
for p in ndjson_files:
    with open(p, "rb") as f:
        data = f.read()
    for o in OPTIONS:
        add("ndjson", "%s.%02x" % (rel(p), o[0]), o + data)
    records += [l for l in data.decode("utf-8", "replace").splitlines() if l.strip()][:50]
add("ndjson", "csv_rows.00", b"\x00" + "\n".join(records).encode("utf-8") + b"\n")
for r in records:
    add("score_json", "record_" + hashlib.sha1(r.encode()).hexdigest()[:12], r)

# ---- LSP sessions -------------------------------------------------------
marked = {}
for p in files("tests/lsp/files/*"):
    with open(p, encoding="utf-8", newline="") as f:
        marked[os.path.basename(p)] = Annotations(f.read(), rel(p))
POSITION = re.compile(r"^\$(pos|range):([^:]+):(\w+)(\.start|\.end)?$")


def expand(v):
    if isinstance(v, str):
        m = POSITION.match(v)
        if m:
            what, name, marker, end = m.groups()
            a = marked.get(name)
            if a is None:
                return {"line": 0, "character": 0}
            try:
                if what == "range":
                    return a.lsp_range(marker)
                if end:
                    return a.lsp_range(marker)[end[1:]]
                return a.lsp_position(a.point(marker))
            except Exception:  # a marker of a text sent inline
                return {"line": 0, "character": 0}
        return (v.replace("${FILES_URI}", LSP_ROOT_URI).replace("${TMP_URI}", LSP_ROOT_URI)
                 .replace("${FILES}", "/tmp/icp-fuzz-lsp").replace("${TMP}", "/tmp/icp-fuzz-lsp"))
    if isinstance(v, list):
        return [expand(x) for x in v]
    if isinstance(v, dict):
        return {expand(k): expand(x) for k, x in v.items()}
    return v


lsp_words = set()


def words(v):
    if isinstance(v, dict):
        for k, x in v.items():
            lsp_words.add(k)
            words(x)
    elif isinstance(v, list):
        for x in v:
            words(x)
    elif isinstance(v, str) and len(v) < 40 and "/" in v and not v.startswith("file:"):
        lsp_words.add(v)  # method names


for p in files("tests/lsp/transcripts/*.jsonl"):
    with open(p, encoding="utf-8") as f:
        steps = [json.loads(l) for l in f if l.strip() and not l.lstrip().startswith("//")]
    bodies, frames = [], []
    for step in steps:
        step = expand(step)
        msg = None
        if "send" in step:
            msg = step["send"]
            if "marked" in step:
                doc = msg["params"]["textDocument"]
                doc["text"] = Annotations(doc["text"], "inline").code
        elif "open" in step:
            name = step["open"]
            text = marked[name].code if name in marked else ""
            msg = {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
                "uri": LSP_ROOT_URI + "/" + name, "languageId": "icp", "version": 1, "text": text}}}
        elif "send_raw" in step:
            frames.append(step["send_raw"].encode("utf-8"))
        if msg is None:
            continue
        words(msg)
        body = json.dumps(msg, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        frames.append(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        if msg.get("method") not in ("initialize", "initialized"):  # lsp_server_fuzz sends these
            bodies.append(body)
    name = os.path.basename(p)
    add("lsp_server", name, b"\n".join(bodies) + b"\n")
    add("lsp_transport", name + ".raw", b"\x00" + b"".join(frames))
    add("lsp_transport", name + ".bodies", b"\x01" + b"\n".join(bodies))

# ---- Dictionaries -------------------------------------------------------
dicts = {}
with open(os.path.join(SRC, "grammar", "ICP.g4"), encoding="utf-8") as f:
    grammar = f.read()
icp_words = set(re.findall(r"^[A-Z_][A-Z0-9_]*\s*:\s*'([^']+)'\s*;", grammar, re.M))
with open(os.path.join(SRC, "compiler", "sema", "builtins.def"), encoding="utf-8") as f:
    icp_words |= set(re.findall(r'"([a-z_][a-z0-9_]*)"', f.read()))
icp_words |= {"std/" + os.path.splitext(os.path.basename(p))[0] for p in files("stdlib/std/*.icp")}
icp_words |= {"//", "/*", "*/", "\"", "\n", "1_000", "1.5k", "2M", "10%", "2026-01-31", "30d", "12w", "6mo", "1y"}
dicts["check"] = dicts["fmt"] = icp_words
table = ["true", "false", "null", "yes", "no", "N/A", "1,200", "1e3", "-0", "50%", "$1.5M", "2026-02-29", "02/29/2026",
         "90d", "\"\"", "\r\n", "\xef\xbb\xbf", ";", "[]", "{}", "\\u00e9", "\\ud800", "emea", "North America"]
dicts["csv"] = set(table) | {","}
dicts["ndjson"] = set(table) | {"\"name\"", "\"Employee Count\"", "\"revenue\"", "\"active\"", "\"founded\"", "\"age\"",
                                 "\"tags\"", "\"region\"", ":", ","}
dicts["score_json"] = dicts["ndjson"] | {'"%s"' % k for r in records[:200] for k in json.loads(r).keys()
                                         if isinstance(json.loads(r), dict)}
dicts["lsp_server"] = {'"%s"' % w for w in lsp_words} | {"\\n", "\\r\\n", "\\u0000", "null", "true", "-1",
                                                          "2147483648", "{}", "[]", "Content-Length: "}
dicts["lsp_transport"] = {"Content-Length: ", "Content-Length:", "content-length:", "Content-Type: ", "\r\n",
                          "\r\n\r\n", "\n", "\x00", "-1", "99999999999", "{}"}


def dict_line(w):
    b = w.encode("utf-8") if isinstance(w, str) else w
    return '"' + "".join(chr(c) if 32 <= c < 127 and chr(c) not in '"\\' else "\\x%02x" % c for c in b) + '"'


# ---- Write --------------------------------------------------------------
shutil.rmtree(os.path.join(OUT, "seeds"), ignore_errors=True)
for target, items in seeds.items():
    d = os.path.join(OUT, "seeds", target)
    os.makedirs(d)
    for name, data in items.items():
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
os.makedirs(os.path.join(OUT, "dict"), exist_ok=True)
for target, ws in dicts.items():
    with open(os.path.join(OUT, "dict", target + ".dict"), "w", encoding="ascii") as f:
        for w in sorted(ws):
            if w:
                f.write(dict_line(w) + "\n")
print("fuzz seeds: " + ", ".join("%s %d" % (t, len(s)) for t, s in sorted(seeds.items())))
