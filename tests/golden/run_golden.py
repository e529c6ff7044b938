#!/usr/bin/env python3
"""Golden tests for the icp compiler.

For every .icp file under the given paths (files or folders, recursively):

* Diagnostics. The file states what `icp check --format json FILE` must
  report, in comments beside the line they are about:

      // CHECK@+1:34 E0101 unknown field 'employes' in schema 'Account'
      // NOTE: did you mean 'employees'?
      // FIX@+1:34-42 "employees"
      signal "Typo" when employes > 100 => +10

  `@+N` is the N-th line below the comment, `@-N` the N-th line above it;
  expectation comments (CHECK, NOTE, FIX) do not count as lines, so every
  CHECK of a block above a line says `@+1`. The message is the whole message.
  NOTE and FIX lines belong to the CHECK above them, in the diagnostic's
  order: `// NOTE: text` is a note without a position (or at the diagnostic's
  own position), `// NOTE@+N:COL text` one elsewhere in the file,
  `// NOTE@path/to/other.icp:LINE:COL text` one in another file (the path
  relative to the golden's folder). `$ICP_STDLIB` in a message stands for
  the standard library's folder (the environment variable), `$GOLDEN_DIR`
  for the golden's own folder (symbolic links resolved), so that messages
  with absolute paths (the import root) do not depend on the checkout. A fix is `// FIX@+N:COL-ENDCOL "text"`
  (the replacement as a JSON string), or `FIX@+N:COL-+M:ENDCOL` when it ends
  on another line.

  The comparison is order-insensitive but complete: every CHECK must match a
  diagnostic (line, column, code, message, notes and fixes) and every
  diagnostic must match a CHECK. A file without CHECK lines must produce no
  diagnostic. The exit code must be 1 when there is an error and 0
  otherwise. `--only-codes E0001,E0002` restricts the comparison (not the
  exit-code check) to those codes. The old form (`// CHECK: LINE:COL CODE`
  at the end of the file) is refused: convert it with
  scripts/migrate_golden_checks.py.

* Syntax trees. When FILE.ast exists beside FILE.icp, the output of
  `icp check --dump-ast FILE` must equal it.

`--update` rewrites, in place, the expectations of the files that fail from
the actual output: each diagnostic's block goes right above its line;
.ast files are rewritten; `--create-ast` also creates missing .ast files.
Review the diff before committing.

`--coverage` checks instead that every kind `icp diagnostics --kinds` lists
is produced, and expected by a CHECK, in at least one of the given files.
"""
import argparse
import bisect
import difflib
import json
import os
import re
import subprocess
import sys

EXPECT_LINE_RE = re.compile(r"^\s*//\s*(CHECK|NOTE|FIX)(@|:)")
OLD_CHECK_RE = re.compile(r"//\s*CHECK:\s*\d+:\d+\s+[EW]\d{4}")
CHECK_RE = re.compile(r"^\s*//\s*CHECK@([+-]\d+):(\d+)\s+([EW]\d{4})(?:\s(.*))?$")
NOTE_RE = re.compile(r"^\s*//\s*NOTE(?:@([+-]\d+|[^\s:]+\.icp:\d+):(\d+))?:?\s(.*)$")
FIX_RE = re.compile(r"^\s*//\s*FIX@([+-]\d+):(\d+)-(?:([+-]\d+):)?(\d+)\s+(\".*\")\s*$")


class GoldenError(Exception):
    pass


def find_files(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            for root, _dirs, files in os.walk(p):
                out.extend(os.path.join(root, f) for f in files if f.endswith(".icp"))
        elif p.endswith(".icp"):
            out.append(p)
        else:
            sys.exit(f"run_golden: not an .icp file or folder: {p}")
    return sorted(out)


def read_lines(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read().split("\n")


def is_expectation(line):
    return bool(EXPECT_LINE_RE.match(line))


class LineMap:
    """Resolves `@+N`/`@-N` from an expectation line: other expectation
    lines do not count."""

    def __init__(self, lines):
        self.code = [i + 1 for i, l in enumerate(lines) if not is_expectation(l)]

    def resolve(self, at, rel, where):
        n = int(rel)
        pos = bisect.bisect_left(self.code, at)  # code lines before `at`
        idx = pos + n - 1 if n > 0 else pos + n
        if n == 0 or idx < 0 or idx >= len(self.code):
            raise GoldenError(f"line {where}: `@{rel}` points outside the file")
        return self.code[idx]


def read_expectations(path):
    """The expected diagnostics of a file: a list of dicts with line, column,
    code, message, notes [(file or None, line, col, message)], fixes
    [(line, col, end_line, end_col, replacement)]."""
    lines = read_lines(path)
    lm = LineMap(lines)
    base = os.path.dirname(os.path.abspath(path))
    out = []
    for i, text in enumerate(lines, 1):
        if OLD_CHECK_RE.search(text):
            raise GoldenError(
                f"line {i}: old-form expectation `{text.strip()}`: write `// CHECK@+1:COL CODE message` "
                f"above the line it is about (convert with scripts/migrate_golden_checks.py)")
        if not is_expectation(text):
            continue
        m = CHECK_RE.match(text)
        if m:
            out.append({"line": lm.resolve(i, m.group(1), i), "column": int(m.group(2)),
                        "code": m.group(3), "message": (m.group(4) or "").strip(),
                        "notes": [], "fixes": [], "at": i})
            continue
        if not out or not (NOTE_RE.match(text) or FIX_RE.match(text)):
            if not out and (NOTE_RE.match(text) or FIX_RE.match(text)):
                raise GoldenError(f"line {i}: a NOTE or FIX must follow the CHECK it belongs to")
            raise GoldenError(f"line {i}: malformed expectation `{text.strip()}`")
        m = NOTE_RE.match(text)
        if m:
            where, col, msg = m.group(1), m.group(2), m.group(3).strip()
            if where is None:
                out[-1]["notes"].append((None, 0, 0, msg))
            elif where[0] in "+-":
                out[-1]["notes"].append((os.path.abspath(path), lm.resolve(i, where, i), int(col), msg))
            else:
                f, line = where.rsplit(":", 1)
                out[-1]["notes"].append((os.path.normpath(os.path.join(base, f)), int(line), int(col), msg))
            continue
        m = FIX_RE.match(text)
        line = lm.resolve(i, m.group(1), i)
        end_line = lm.resolve(i, m.group(3), i) if m.group(3) else line
        try:
            repl = json.loads(m.group(5))
        except json.JSONDecodeError as e:
            raise GoldenError(f"line {i}: the replacement is not a JSON string ({e})")
        out[-1]["fixes"].append((line, int(m.group(2)), end_line, int(m.group(4)), repl))
    return out


def run_icp(icp, args, cwd=None):
    p = subprocess.run([os.path.abspath(icp) if os.sep in icp else icp] + args, capture_output=True,
                       text=True, encoding="utf-8", errors="replace", cwd=cwd)
    return p.returncode, p.stdout, p.stderr


def actual_diagnostics(icp, path):
    """icp's diagnostics for path. icp runs in the file's folder, so that the
    paths in messages do not depend on where the tests run; "file" fields
    are made absolute."""
    folder = os.path.dirname(os.path.abspath(path))
    rc, out, err = run_icp(icp, ["check", "--format", "json", os.path.basename(path)], cwd=folder)
    if rc not in (0, 1):
        raise GoldenError(f"icp exited with {rc}\n{err}")
    try:
        diags = json.loads(out)
    except json.JSONDecodeError as e:
        raise GoldenError(f"output is not JSON ({e}):\n{out}")
    if not isinstance(diags, list):
        raise GoldenError("output is not a JSON array")
    stdlib = os.environ.get("ICP_STDLIB", "").rstrip("/")
    # (expectations say $ICP_STDLIB and $GOLDEN_DIR for those folders, wherever they are; the
    # longer path first, in case one holds the other)
    places = sorted([(p, name) for p, name in ((stdlib, "$ICP_STDLIB"), (os.path.realpath(folder), "$GOLDEN_DIR"))
                     if p], key=lambda x: -len(x[0]))
    for d in [*diags, *(n for d in diags for n in d.get("notes", []))]:
        if d.get("file"):
            d["file"] = os.path.normpath(os.path.join(folder, d["file"]))
        for p, name in places:
            d["message"] = re.sub(re.escape(p) + r"(?![\w.-])", lambda _m, n=name: n, d["message"])
    return rc, diags


def normalized(d, path):
    """An actual diagnostic in the form read_expectations gives."""
    notes = []
    for n in d.get("notes", []):
        if "line" not in n or (os.path.abspath(n.get("file", "")) == os.path.abspath(path)
                               and n["line"] == d["line"] and n["column"] == d["column"]):
            notes.append((None, 0, 0, n["message"]))
        else:
            notes.append((os.path.abspath(n["file"]), n["line"], n["column"], n["message"]))
    fixes = [(f["line"], f["column"], f["end_line"], f["end_column"], f["replacement"])
             for f in d.get("fixes", [])]
    return {"line": d["line"], "column": d["column"], "code": d["code"], "message": d["message"],
            "notes": notes, "fixes": fixes, "kind": d.get("kind", "")}


def key(d):
    return (d["line"], d["column"], d["code"], d["message"], tuple(d["notes"]), tuple(d["fixes"]))


def compare(expected, actual):
    """Returns (missing expectations, unexpected diagnostics, matched diagnostics)."""
    unmatched = list(actual)
    missing, matched = [], []
    for e in expected:
        hit = next((d for d in unmatched if key(d) == key(e)), None)
        if hit is None:
            missing.append(e)
        else:
            unmatched.remove(hit)
            matched.append(hit)
    return missing, unmatched, matched


def describe(d, path):
    """A diagnostic as text, with absolute lines (for failure messages)."""
    out = f"{d['line']}:{d['column']} {d['code']} {d['message']}"
    for f, line, col, msg in d["notes"]:
        where = "" if f is None else (f"@{line}:{col}" if f == os.path.abspath(path)
                                      else f"@{os.path.relpath(f, os.path.dirname(os.path.abspath(path)))}:{line}:{col}")
        out += f"\n    NOTE{where}: {msg}"
    for line, col, el, ec, repl in d["fixes"]:
        out += f"\n    FIX@{line}:{col}-{'' if el == line else str(el) + ':'}{ec} {json.dumps(repl)}"
    return out


def relevant(d, path, only):
    if os.path.abspath(d.get("file", "")) != os.path.abspath(path):
        return False
    return not only or d["code"] in only


def rel(target, anchor):
    """`@+N`/`@-N` for code line `target` from a block right above code line `anchor`."""
    n = target - anchor + 1 if target >= anchor else target - anchor
    return f"{n:+d}"


def expectation_block(d, path, code_line_of, indent):
    """Expectation lines for diagnostic d (lines numbered in the stripped file)."""
    anchor = d["line"]
    out = [f"{indent}// CHECK@+1:{d['column']} {d['code']} {d['message']}"]
    me = os.path.abspath(path)
    for f, line, col, msg in d["notes"]:
        if f is None:
            out.append(f"{indent}// NOTE: {msg}")
        elif f == me:
            out.append(f"{indent}// NOTE@{rel(line, anchor)}:{col} {msg}")
        else:
            out.append(f"{indent}// NOTE@{os.path.relpath(f, os.path.dirname(me))}:{line}:{col} {msg}")
    for line, col, el, ec, repl in d["fixes"]:
        end = f"{ec}" if el == line else f"{rel(el, anchor)}:{ec}"
        out.append(f"{indent}// FIX@{rel(line, anchor)}:{col}-{end} {json.dumps(repl, ensure_ascii=False)}")
    return out


def write_expectations(icp, path, only):
    """Rewrites path's expectations from icp's output: strips every
    expectation line (and old-form CHECK line), runs icp on the rest, and
    puts each diagnostic's block right above its line."""
    lines = read_lines(path)
    body = [l for l in lines if not is_expectation(l) and not OLD_CHECK_RE.search(l)]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(body))
    _rc, diags = actual_diagnostics(icp, path)
    diags = [normalized(d, path) for d in diags if relevant(d, path, only)]
    diags.sort(key=lambda d: (d["line"], d["column"], d["code"], d["message"]))
    blocks = {}
    for d in diags:
        if not 1 <= d["line"] <= len(body):
            raise GoldenError(f"a diagnostic at line {d['line']} is outside the file")
        target = body[d["line"] - 1]
        indent = target[:len(target) - len(target.lstrip())] if target.strip() else ""
        blocks.setdefault(d["line"], []).extend(expectation_block(d, path, None, indent))
    out = []
    for i, l in enumerate(body, 1):
        out.extend(blocks.get(i, []))
        out.append(l)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    return diags


def check_file(icp, path, only, update, create_ast, kinds=None):
    """Returns (problems, updated). Adds the kinds of matched diagnostics to
    `kinds` when given."""
    problems = []
    updated = False
    try:
        expected = read_expectations(path)
    except GoldenError as e:
        if not update:
            return [str(e)], False
        expected = None
    rc, diags = actual_diagnostics(icp, path)
    has_error = any(d.get("severity") == "error" for d in diags)
    if rc != (1 if has_error else 0):
        problems.append(f"exit code {rc}, but the diagnostics {'have' if has_error else 'have no'} errors")
    actual = [normalized(d, path) for d in diags if relevant(d, path, only)]
    if expected is None:
        missing, unexpected, matched = [], actual, []
    else:
        missing, unexpected, matched = compare(expected, actual)
    if kinds is not None:
        kinds.update(d["kind"] for d in matched)
    if (missing or unexpected) and update:
        write_expectations(icp, path, only)
        updated = True
    else:
        for e in missing:
            problems.append(f"missing diagnostic (CHECK at line {e['at']}): {describe(e, path)}")
        for d in unexpected:
            problems.append(f"unexpected diagnostic: {describe(d, path)}")

    ast_path = path[:-4] + ".ast"
    if os.path.exists(ast_path) or create_ast:
        rc2, out, err = run_icp(icp, ["check", "--dump-ast", path])
        if rc2 not in (0, 1):
            problems.append(f"--dump-ast exited with {rc2}: {err}")
        else:
            expected_ast = None
            if os.path.exists(ast_path):
                with open(ast_path, encoding="utf-8") as f:
                    expected_ast = f.read()
            if expected_ast != out:
                if update or expected_ast is None:
                    with open(ast_path, "w", encoding="utf-8") as f:
                        f.write(out)
                    updated = True
                else:
                    diff = "".join(difflib.unified_diff(
                        expected_ast.splitlines(True), out.splitlines(True), ast_path, "actual --dump-ast"))
                    problems.append("syntax tree differs:\n" + diff)
    return problems, updated


OUTSIDE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "kinds_outside_goldens.txt")


def kinds_outside_goldens():
    """Kinds no golden file can produce, each with the test that covers it
    (`Kind: test`, kinds_outside_goldens.txt)."""
    out = {}
    with open(OUTSIDE, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                k, _, why = line.partition(":")
                out[k.strip()] = why.strip()
    return out


def coverage(icp, files):
    rc, out, err = run_icp(icp, ["diagnostics", "--kinds"])
    if rc != 0:
        print(f"icp diagnostics --kinds exited with {rc}: {err}")
        return 1
    wanted = [l.split()[0] for l in out.splitlines() if l.strip()]
    if not wanted:
        print("icp diagnostics --kinds listed no kind")
        return 1
    seen = set()
    for f in files:
        try:
            check_file(icp, f, set(), False, False, seen)
        except GoldenError:
            pass
    bad = 0
    outside = kinds_outside_goldens()
    for k in outside:
        if k not in wanted:
            print(f"{os.path.basename(OUTSIDE)} lists '{k}', which is not a registered kind")
            bad += 1
        elif k in seen:
            print(f"{os.path.basename(OUTSIDE)} lists '{k}', but a golden covers it: remove the line")
            bad += 1
    missing = [k for k in wanted if k not in seen and k not in outside]
    for k in missing:
        print(f"no golden test produces and expects kind {k}")
    print(f"{len(wanted) - len(missing)} of {len(wanted)} kinds covered "
          f"({len([k for k in outside if k in wanted])} by the tests named in {os.path.basename(OUTSIDE)})")
    return 1 if missing or bad else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--icp", required=True, help="the icp executable")
    ap.add_argument("--update", action="store_true", help="rewrite failing expectations in place")
    ap.add_argument("--create-ast", action="store_true", help="also create missing .ast files")
    ap.add_argument("--only-codes", default="", help="compare only these codes (comma-separated)")
    ap.add_argument("--coverage", action="store_true",
                    help="check that every diagnostic kind is expected by some golden")
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()

    files = find_files(args.paths)
    if not files:
        print("run_golden: no .icp files found")
        return 1
    if args.coverage:
        return coverage(args.icp, files)

    only = set(c for c in args.only_codes.split(",") if c)
    failed = 0
    for path in files:
        try:
            problems, updated = check_file(args.icp, path, only, args.update, args.create_ast)
        except GoldenError as e:
            problems, updated = [str(e)], False
        if updated:
            print(f"updated {path}")
        if problems:
            failed += 1
            print(f"FAIL {path}")
            for p in problems:
                print("  " + p.replace("\n", "\n  "))
    print(f"{len(files)} files, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
