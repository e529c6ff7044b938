#!/usr/bin/env python3
"""Tests of the icp command line (TOOLS.md): exit codes, where output goes,
messages of usage errors, --version, --help, colour."""
import argparse
import json
import os
import pty
import subprocess
import sys
import tempfile

failures = []


def run(icp, args, env=None, cwd=None):
    e = dict(os.environ)
    e.pop("NO_COLOR", None)
    if env:
        e.update(env)
    p = subprocess.run([icp] + args, capture_output=True, text=True, env=e, cwd=cwd)
    return p.returncode, p.stdout, p.stderr


def expect(name, cond, detail=""):
    if not cond:
        failures.append(f"{name}: {detail}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--icp", required=True)
    icp = os.path.abspath(ap.parse_args().icp)
    tmp = tempfile.mkdtemp(prefix="icp_cli_")
    good = os.path.join(tmp, "good.icp")
    bad = os.path.join(tmp, "bad.icp")
    with open(good, "w") as f:
        f.write("enum E { a, b }\nconst C = {\"x\", \"y\"}\n")
    with open(bad, "w") as f:
        f.write("const A = (1 +\nconst B = 2026-13-01\nconst C = 2 3\n")

    rc, out, err = run(icp, ["--version"])
    expect("--version", rc == 0 and out == "icp 0.1.0\n", f"rc={rc} out={out!r}")

    rc, out, err = run(icp, ["--help"])
    expect("--help", rc == 0 and "check" in out, f"rc={rc}")
    expect("--help hides diagnostics", "diagnostics" not in out, out)

    for sub in ["check", "diagnostics"]:
        rc, out, err = run(icp, [sub, "--help"])
        expect(f"{sub} --help", rc == 0 and "Usage" in out, f"rc={rc} out={out!r}")
    rc, out, err = run(icp, ["check", "--help"])
    expect("check --help lists options", all(o in out for o in ["--format", "--werror", "--dump-ast"]), out)

    rc, out, err = run(icp, [])
    expect("no subcommand is a usage error", rc == 2, f"rc={rc}")

    rc, out, err = run(icp, ["frobnicate"])
    expect("unknown subcommand", rc == 2 and "icp: error:" in err, f"rc={rc} err={err!r}")

    rc, out, err = run(icp, ["check", "--bogus", good])
    expect("unknown flag", rc == 2 and err.startswith("icp: error:") and "--bogus" in err,
           f"rc={rc} err={err!r}")

    rc, out, err = run(icp, ["check"])
    expect("check without files", rc == 2 and "icp: error:" in err, f"rc={rc} err={err!r}")

    rc, out, err = run(icp, ["check", "--format", "xml", good])
    expect("bad --format value", rc == 2 and "icp: error:" in err, f"rc={rc} err={err!r}")

    rc, out, err = run(icp, ["check", "nope.icp"], cwd=tmp)
    expect("missing file", rc == 2 and
           err == "icp: error: cannot read 'nope.icp': No such file or directory\n",
           f"rc={rc} err={err!r}")

    rc, out, err = run(icp, ["check", tmp])
    expect("directory", rc == 2 and "Is a directory" in err, f"rc={rc} err={err!r}")

    rc, out, err = run(icp, ["check", good])
    expect("good file", rc == 0 and out == "" and "error" not in err, f"rc={rc} out={out!r} err={err!r}")

    rc, out, err = run(icp, ["check", bad])
    expect("bad file exits 1", rc == 1, f"rc={rc}")
    expect("text diagnostics on stderr", out == "" and f"{bad}:2:11: error[E0002]:" in err, err)
    expect("text shows the source line and caret", " 2 | const B = 2026-13-01" in err and "^~~~" in err, err)
    expect("no colour when not a terminal", "\x1b[" not in err, repr(err))

    rc, out, err = run(icp, ["check", "--format", "json", bad])
    expect("json exits 1", rc == 1, f"rc={rc}")
    try:
        diags = json.loads(out)
    except json.JSONDecodeError:
        diags = None
    expect("json is one array on stdout", isinstance(diags, list) and err == "", f"out={out!r} err={err!r}")
    if isinstance(diags, list):
        syntax = [d for d in diags if d["code"] in ("E0001", "E0002")]
        expect("json lists every syntax error", len(syntax) == 3, json.dumps(diags, indent=1))
        keys = {"file", "line", "column", "end_line", "end_column", "severity", "code", "message", "notes"}
        expect("json objects have the documented keys", all(keys <= set(d) for d in diags), diags)
        lines = sorted(d["line"] for d in syntax)
        expect("json errors are on lines 1-3", lines == [1, 2, 3], lines)

    rc, out, err = run(icp, ["check", "--format", "json", good, bad])
    d2 = json.loads(out) if rc in (0, 1) else []
    expect("several files: one array, errors of the bad one", rc == 1 and d2 and
           all(d["file"] == bad for d in d2), out)

    rc, out, err = run(icp, ["check", "--dump-ast", good])
    expect("--dump-ast", rc == 0 and out.startswith("Module") and "Enum E@1:6" in out, out)

    rc, out, err = run(icp, ["diagnostics"])
    lines = out.splitlines()
    expect("diagnostics exits 0", rc == 0, f"rc={rc}")
    expect("diagnostics lists E0001 and E0002",
           "E0001 error syntax error" in lines and "E0002 error invalid literal" in lines, out)
    expect("diagnostics lists warnings", any(l.startswith("W") and l.split()[1] == "warning" for l in lines), out)
    codes = [l.split()[0] for l in lines]
    expect("diagnostics codes are unique", len(codes) == len(set(codes)), out)
    expect("diagnostics lines are `CODE severity meaning`",
           all(len(l.split()) >= 3 and l.split()[1] in ("error", "warning") for l in lines), out)
    rc, out, err = run(icp, ["diagnostics", "--explain", "E0101"])
    expect("--explain prints the explanation", rc == 0 and out.startswith("E0101: unknown name\n")
           and "```icp" in out, out + err)
    rc, out, err = run(icp, ["diagnostics", "--explain", "E9999"])
    expect("--explain of an unknown code is a usage error", rc == 2 and "'E9999' is not a diagnostic code" in err,
           f"rc={rc} {err}")

    # Colour on a terminal, unless NO_COLOR is set.
    for no_color, want in [(None, True), ("1", False)]:
        master, slave = pty.openpty()
        e = dict(os.environ)
        e.pop("NO_COLOR", None)
        if no_color:
            e["NO_COLOR"] = no_color
        p = subprocess.run([icp, "check", bad], stdout=subprocess.PIPE, stderr=slave, env=e)
        os.close(slave)
        data = b""
        try:
            while True:
                chunk = os.read(master, 65536)
                if not chunk:
                    break
                data += chunk
        except OSError:
            pass
        os.close(master)
        expect(f"colour on a terminal (NO_COLOR={no_color})", (b"\x1b[" in data) == want and p.returncode == 1,
               repr(data[:200]))

    # A diagnostic on a very long line shows a window around it, caret aligned.
    long_model = os.path.join(tmp, "long.icp")
    terms = " or ".join(f'a == "v{i}"' for i in range(300))
    with open(long_model, "w") as f:
        f.write(f'schema S {{ a: string }}\nprofile P on S {{ signal "x" when {terms} or bb == 1 or {terms} => 1 }}\n')
    rc, out, err = run(icp, ["check", long_model], env={"NO_COLOR": "1"})
    lines = err.splitlines()
    snippet = [l for l in lines if l.startswith(" 2 | ")]
    caret = [l for l in lines if l.strip().startswith("| ") and "^" in l]
    expect("long line: clipped around the error", rc == 1 and len(snippet) == 1 and
           snippet[0].startswith(" 2 | ...") and snippet[0].endswith("...") and len(snippet[0]) < 200 and
           "bb == 1" in snippet[0], err[:600])
    expect("long line: caret under the name", len(caret) == 1 and
           snippet and snippet[0][caret[0].index("^"):].startswith("bb "), err[:600])

    for f in failures:
        print("FAIL " + f)
    print(f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
