#!/usr/bin/env python3
"""Robustness: feeds `icp lsp` truncated and mutated versions of the test
files (random deletions, insertions and splices, fixed seed) and asks hover,
definition, completion, symbols, formatting, semantic tokens and code
actions at many positions. Passes if every request is answered without a
JSON-RPC InternalError, formatting any text it accepts is idempotent, and
the server exits cleanly.

usage: fuzz_requests.py --icp build/icp [--stdlib DIR] [--rounds N] [--seed S]
"""
import argparse
import glob
import json
import os
import random
import subprocess
import sys
import threading
import queue

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from annotations import Annotations  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--icp", required=True)
ap.add_argument("--stdlib", default="")
ap.add_argument("--rounds", type=int, default=60)
ap.add_argument("--seed", type=int, default=1)
args = ap.parse_args()
rng = random.Random(args.seed)

cmd = [args.icp, "lsp"] + (["--stdlib", args.stdlib] if args.stdlib else [])
p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
inbox = queue.Queue()


def reader():
    while True:
        n = None
        while True:
            line = p.stdout.readline()
            if not line:
                inbox.put(None)
                return
            line = line.strip()
            if not line:
                break
            if line.lower().startswith(b"content-length:"):
                n = int(line.split(b":")[1])
        inbox.put(json.loads(p.stdout.read(n)))


threading.Thread(target=reader, daemon=True).start()
next_id = [1]
formatted_rounds = [0]


def send(msg):
    body = json.dumps(msg).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    p.stdin.flush()


def request(method, params):
    i = next_id[0]
    next_id[0] += 1
    send({"jsonrpc": "2.0", "id": i, "method": method, "params": params})
    while True:
        m = inbox.get(timeout=20)
        if m is None:
            sys.exit("FAIL: the server died during %s %s" % (method, json.dumps(params)[:300]))
        if m.get("id") == i:
            if "error" in m and m["error"]["code"] == -32603:
                sys.exit("FAIL: internal error for %s: %s" % (method, m["error"]["message"]))
            return m


sources = [Annotations(open(f, encoding="utf-8").read(), f).code  # without the transcripts' markers
           for f in sorted(glob.glob(os.path.join(HERE, "files", "*.icp")))]
sources += [open(f, encoding="utf-8").read() for f in sorted(glob.glob(os.path.join(HERE, "..", "fmt", "cases", "*.icp")))]
request("initialize", {"capabilities": {}})
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
uri = "file://" + os.path.join(HERE, "files", "fuzz.icp")
version = 1
send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": {"textDocument": {"uri": uri, "languageId": "icp", "version": 1, "text": ""}}})
for r in range(args.rounds):
    text = rng.choice(sources)
    for _ in range(rng.randint(1, 4)):
        a = rng.randrange(len(text) + 1)
        b = min(len(text), a + rng.randint(0, 40))
        op = rng.random()
        if op < 0.4:
            text = text[:a] + text[b:]
        elif op < 0.7:
            text = text[:a] + rng.choice(["{", "}", "(", ")", "\"", " when ", " => ", "\n", "signal", ".", ",",
                                          "if", "\U0001F600", "/*", "//", "r#\"", "2026-13-45"]) + text[a:]
        else:
            other = rng.choice(sources)
            c = rng.randrange(len(other) + 1)
            text = text[:a] + other[c:c + rng.randint(0, 80)] + text[b:]
    version += 1
    send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}})
    lines = text.split("\n")
    doc = {"uri": uri}
    for _ in range(12):
        line = rng.randrange(len(lines) + 2)
        ch = rng.randrange(len(lines[line]) + 3) if line < len(lines) else rng.randrange(5)
        pos = {"line": line, "character": ch}
        method = rng.choice(["textDocument/hover", "textDocument/definition", "textDocument/completion"])
        request(method, {"textDocument": doc, "position": pos})
    request("textDocument/documentSymbol", {"textDocument": doc})
    fmt = request("textDocument/formatting", {"textDocument": doc, "options": {"tabSize": 2, "insertSpaces": True}})
    if fmt.get("result"):
        # Formatting is idempotent: the formatted text formats to itself.
        formatted = fmt["result"][0]["newText"]
        version += 1
        send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": formatted}]}})
        again = request("textDocument/formatting", {"textDocument": doc, "options": {"tabSize": 2, "insertSpaces": True}})
        if again.get("result") != []:
            sys.exit("FAIL: formatting is not idempotent on:\n%s\n---- second pass:\n%s" % (
                formatted, json.dumps(again.get("result"))[:2000]))
        formatted_rounds[0] += 1
    request("textDocument/semanticTokens/full", {"textDocument": doc})
    request("textDocument/codeAction", {"textDocument": doc, "range": {
        "start": {"line": 0, "character": 0}, "end": {"line": len(lines), "character": 0}}, "context": {"diagnostics": []}})
request("shutdown", None)
send({"jsonrpc": "2.0", "method": "exit"})
code = p.wait(timeout=20)
if code != 0:
    sys.exit("FAIL: exit status %d" % code)
print("ok: %d rounds, %d of them formatted twice" % (args.rounds, formatted_rounds[0]))
