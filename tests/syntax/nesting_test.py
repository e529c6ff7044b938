#!/usr/bin/env python3
"""E0003: how deeply an expression may nest (compiler/syntax/nesting.h).

For every way of nesting (chains of `or`s and `+`s, parentheses, `not`s,
signs, `else if`s, calls):
- at 1000 levels a model goes through `icp check` (clean), `icp test` and
  `icp score` with both engines, and `icp fmt` (whose output checks clean
  and formats to itself);
- at 1001 levels `icp check` reports one E0003 there, and nothing else;
- at 100,000 levels (parentheses, braces, `not`s, signs, `if`s, calls, a
  mix, a chain of 100,000 operators) nothing crashes: one E0003, and the
  next item is still checked (its typo is reported). `icp fmt` refuses the
  file and `icp lsp` publishes the E0003.

The inputs are generated here rather than committed (they are megabytes).

usage: nesting_test.py --icp build/icp
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ap = argparse.ArgumentParser()
ap.add_argument("--icp", required=True)
args = ap.parse_args()
failures = []
LIMIT = 1000


def check(what, ok, detail=""):
    if not ok:
        failures.append(f"{what}: {detail}"[:2000])


def run(cmd, **kw):
    p = subprocess.run([args.icp] + cmd, capture_output=True, text=True, errors="replace", **kw)
    if p.returncode < 0 or p.returncode == 3:
        failures.append(f"icp {' '.join(cmd)} crashed (rc {p.returncode}): {p.stderr[-500:]}")
    return p


def model(cond="n >= 0", points="1", score=1):
    return f'''schema A {{
  a: string
  n: int
  tags: set<string>
}}

profile P on A {{
  signal "s" when {cond} => {points}
  signal "typo" when nn > 0 => 1
  tier top when score >= 1
}}

test "t" {{
  profile P
  as_of 2026-01-01
  given {{ a: "v1", n: 1 }}
  expect score == {score}
}}
'''


# Line 8 holds the deep expression; column 19 is where a condition starts,
# 29 where the points start.
def cases(levels):
    """name -> (condition, points) nested exactly `levels` deep."""
    return {
        # 999 `or`s over 1000 comparisons: 1000 levels
        "or": (" or ".join(f'a == "v{i}"' for i in range(levels)), "1"),
        "add": (" + ".join("n" for _ in range(levels)) + " > 0", "1"),
        "paren": ("(" * (levels - 1) + 'a == "v1"' + ")" * (levels - 1), "1"),
        "not": ("not " * (levels - 2) + '(a == "v1")', "1"),
        "sign": ("n >= 0", "- " * levels + "1"),
        "else_if": ("n >= 0", "".join(f"if n == {i + 2} then 0 else " for i in range(levels - 1)) + "1"),
        "call": ("n >= 0", "abs(" * levels + "n" + ")" * levels),
    }


def diagnostics(path):
    p = run(["check", "--format", "json", path])
    try:
        return p.returncode, json.loads(p.stdout)
    except json.JSONDecodeError:
        return p.returncode, None


def fixed(model_text):
    return model_text.replace('signal "typo" when nn > 0', 'signal "typo" when n > 0')


with tempfile.TemporaryDirectory() as tmp:
    csv = os.path.join(tmp, "in.csv")
    with open(csv, "w") as f:
        f.write("a,n,tags\nv1,1,x\nv2,3,\n")

    # At the limit: every tool goes through.
    for name, (cond, points) in cases(LIMIT).items():
        score = 2  # both signals fire for the record of the test
        path = os.path.join(tmp, f"{name}_{LIMIT}.icp")
        with open(path, "w") as f:
            f.write(fixed(model(cond, points, score)))
        rc, diags = diagnostics(path)
        check(f"{name} at {LIMIT} levels checks clean", rc == 0 and diags == [], diags)
        for engine in ("interp", "jit"):
            p = run(["test", "--engine", engine, path])
            check(f"{name} at {LIMIT} levels: icp test --engine {engine}",
                  p.returncode == 0 and "1 passed, 0 failed" in p.stdout + p.stderr, p.stdout + p.stderr)
            p = run(["score", path, csv, "--engine", engine, "--format", "ndjson"])
            rows = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
            check(f"{name} at {LIMIT} levels: icp score --engine {engine}",
                  p.returncode == 0 and len(rows) == 2, p.stdout + p.stderr)
        p = run(["fmt", path])
        check(f"{name} at {LIMIT} levels: icp fmt", p.returncode == 0, p.stderr)
        if p.returncode == 0 and name != "sign":  # (fmt writes `- -1` as `-(-1)`: deeper)
            formatted = os.path.join(tmp, f"{name}_{LIMIT}_fmt.icp")
            with open(formatted, "w") as f:
                f.write(p.stdout)
            rc, diags = diagnostics(formatted)
            check(f"{name} at {LIMIT} levels: fmt's output checks clean", rc == 0 and diags == [], diags)
            again = run(["fmt", formatted])
            check(f"{name} at {LIMIT} levels: fmt is idempotent", again.stdout == p.stdout)

    # One level more: one E0003, where the limit is crossed, and nothing else
    # (the checker says nothing about the expression).
    where = {"or": (8, 19), "add": (8, 19), "paren": (8, 19 + LIMIT), "not": (8, 19 + 4 * (LIMIT - 1) + 1),
             "sign": (8, 29 + 2 * LIMIT), "call": (8, 29 + 4 * LIMIT + 3)}
    for name, (cond, points) in cases(LIMIT + 1).items():
        path = os.path.join(tmp, f"{name}_{LIMIT + 1}.icp")
        with open(path, "w") as f:
            f.write(fixed(model(cond, points)))
        rc, diags = diagnostics(path)
        got = [(d["line"], d["column"], d["code"]) for d in diags or []]
        check(f"{name} at {LIMIT + 1} levels: one E0003", rc == 1 and len(got) == 1 and got[0][2] == "E0003", got)
        if name in where and got:
            check(f"{name} at {LIMIT + 1} levels: E0003 position", got[0][:2] == where[name], got)
        if diags:
            check("the message says what to do", "split it with `let`s" in diags[0]["message"], diags[0]["message"])

    # Far beyond: the parser is never asked to recurse that deep.
    N = 100_000
    huge = {
        "parens": model('(' * N + 'a == "v1"' + ')' * N),
        "braces": model('tags has any ' + '{' * N + '"x"' + '}' * N),
        "nots": model('not ' * N + '(a == "v1")'),
        "signs": model(points='- ' * N + '1'),
        "else_ifs": model(points="".join(f"if n == {i} then 0 else " for i in range(N)) + "1"),
        "if_conditions": model(points="if " * N + "true" + " then 1 else 2" * N),
        "calls": model(points="abs(" * N + "n" + ")" * N),
        "mixed": model(points="".join("-(" if i % 2 else "abs(if true then " for i in range(N)) + "n" +
                       "".join(")" if i % 2 else " else 1)" for i in reversed(range(N)))),
        "chain": model(points=" + ".join("n" for _ in range(N))),
        "given": model().replace('given { a: "v1", n: 1 }', 'given { a: "v1", n: 1, tags: ' + '{' * N + '}' * N + ' }'),
    }
    for name, text in huge.items():
        path = os.path.join(tmp, f"huge_{name}.icp")
        with open(path, "w") as f:
            f.write(text)
        rc, diags = diagnostics(path)
        got = sorted((d["line"], d["code"], d["message"]) for d in diags or [])
        deep = [g for g in got if g[1] == "E0003"]
        check(f"{N} {name}: one E0003", rc == 1 and len(deep) == 1, got[:5])
        check(f"{N} {name}: the next item is still checked",
              any(g[1] == "E0101" and "'nn'" in g[2] for g in got), got[:5])
        check(f"{N} {name}: nothing else", len(got) == 2, got[:5])

    path = os.path.join(tmp, "huge_parens.icp")
    p = run(["fmt", path])
    check("fmt refuses a file nested too deeply", p.returncode == 1 and "E0003" in p.stderr, p.stderr[-500:])
    p = run(["test", "--engine", "jit", path])
    check("icp test reports it", p.returncode == 1 and "E0003" in p.stderr, p.stderr[-500:])

    # The language server publishes the E0003 and goes on.
    def frame(msg):
        body = json.dumps(msg).encode()
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    uri = "file://" + path
    with open(path) as f:
        text = f.read()
    msgs = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None,
                                                                        "capabilities": {}}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen",
         "params": {"textDocument": {"uri": uri, "languageId": "icp", "version": 1, "text": text}}},
        {"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover",
         "params": {"textDocument": {"uri": uri}, "position": {"line": 7, "character": 1030}}},
        {"jsonrpc": "2.0", "id": 3, "method": "textDocument/formatting",
         "params": {"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": True}}},
        {"jsonrpc": "2.0", "id": 4, "method": "shutdown"},
        {"jsonrpc": "2.0", "method": "exit"},
    ]
    lsp = subprocess.run([args.icp, "lsp"], input=b"".join(frame(m) for m in msgs), capture_output=True,
                         timeout=120)
    check("icp lsp exits cleanly", lsp.returncode == 0, lsp.stderr[-500:])
    replies, data = [], lsp.stdout
    while data:
        head, _, rest = data.partition(b"\r\n\r\n")
        n = int(head.split(b":")[1])
        replies.append(json.loads(rest[:n]))
        data = rest[n:]
    published = [d for r in replies if r.get("method") == "textDocument/publishDiagnostics"
                 for d in r["params"]["diagnostics"]]
    check("icp lsp publishes the E0003", any(d.get("code") == "E0003" for d in published), published[:3])
    check("icp lsp answers every request", {r.get("id") for r in replies if "result" in r} >= {1, 2, 3, 4},
          [r for r in replies if "error" in r])

for f in failures:
    print("FAIL:", f)
print(f"nesting_test: {len(failures)} failures")
sys.exit(1 if failures else 0)
