#!/usr/bin/env python3
"""End-to-end test of an installed icp (see CMakeLists.txt)."""
import argparse, json, os, shutil, subprocess, sys, tempfile

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, **kw)


def lsp_roundtrip(icp):
    """initialize + shutdown + exit; returns the initialize result."""
    def frame(msg):
        body = json.dumps(msg).encode()
        return b"Content-Length: %d\r\n\r\n" % len(body) + body
    data = (frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}) +
            frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}) +
            frame({"jsonrpc": "2.0", "method": "exit"}))
    p = subprocess.run([icp, "lsp"], input=data, capture_output=True, timeout=60)
    out = p.stdout
    msgs = []
    while out:
        head, _, rest = out.partition(b"\r\n\r\n")
        n = int(head.split(b":")[1])
        msgs.append(json.loads(rest[:n]))
        out = rest[n:]
    return p.returncode, msgs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build-dir", required=True)
    ap.add_argument("--source-dir", required=True)
    a = ap.parse_args()
    a.build_dir, a.source_dir = os.path.abspath(a.build_dir), os.path.abspath(a.source_dir)
    example = os.path.join(a.source_dir, "examples", "pond-map")
    model = os.path.join(example, "model.icp")
    data = os.path.join(example, "inc5000_2012.csv")
    env = {k: v for k, v in os.environ.items() if k not in ("ICP_STDLIB", "ICP_LLVM_PLUGIN")}

    with tempfile.TemporaryDirectory() as tmp:
        prefix = os.path.join(tmp, "prefix")
        r = run(["cmake", "--install", a.build_dir, "--prefix", prefix])
        check(r.returncode == 0, "cmake --install succeeds: " + r.stderr.strip()[-300:])
        icp = os.path.join(prefix, "bin", "icp")
        plugins = [os.path.join(d, f) for d, _, fs in os.walk(prefix) for f in fs if f == "libicp-llvm.so"]
        check(len(plugins) == 1 and os.path.basename(os.path.dirname(plugins[0])) == "icp",
              "the plug-in is installed in LIBDIR/icp/: %s" % plugins)
        check(os.path.isfile(os.path.join(prefix, "share", "icp", "stdlib", "std", "geo.icp")),
              "the standard library is installed in share/icp/stdlib/std/")
        check(os.path.isfile(os.path.join(prefix, "include", "icp", "icp.h")), "icp.h is installed")

        # The executable does not link LLVM: `check` must not pay for loading it.
        r = run(["readelf", "-d", icp])
        check(r.returncode == 0 and "libLLVM" not in r.stdout, "bin/icp has no libLLVM among its NEEDED libraries")

        # Installed icp: the standard library is the installed copy (a module
        # only that copy has proves it is not the source tree's).
        sentinel = os.path.join(prefix, "share", "icp", "stdlib", "std", "only_installed.icp")
        with open(sentinel, "w") as f:
            f.write("const INSTALLED = 1\n")
        probe = os.path.join(tmp, "probe.icp")
        with open(probe, "w") as f:
            f.write('import "std/only_installed"\nconst X = INSTALLED + 1\n')
        r = run([icp, "check", probe], env=env, cwd=tmp)
        check(r.returncode == 0, "installed icp reads the installed standard library: " + r.stderr[-300:])
        r = run([icp, "check", model], env=env, cwd=tmp)
        check(r.returncode == 0, "installed icp checks the example: " + r.stderr[-300:])
        out = os.path.join(tmp, "scores.csv")
        r = run([icp, "score", model, data, "--as-of", "2026-11-01", "-o", out], env=env, cwd=tmp)
        check(r.returncode == 0 and os.path.getsize(out) > 0, "installed icp scores with the JIT: " + r.stderr[-300:])
        r = run([icp, "build", model, "--emit", "llvm-ir"], env=env, cwd=tmp)
        check(r.returncode == 0 and "define" in r.stdout, "installed icp emits LLVM IR")
        rc, msgs = lsp_roundtrip(icp)
        check(rc == 0 and any(m.get("id") == 1 and "capabilities" in m.get("result", {}) for m in msgs),
              "installed icp serves LSP (initialize, shutdown, exit 0)")

        # Without the plug-in: check and the interpreter work; the JIT, build
        # and lsp fail with a message naming what is missing and the way out.
        lone = os.path.join(tmp, "lone")
        os.makedirs(os.path.join(lone, "bin"))
        shutil.copy2(icp, os.path.join(lone, "bin", "icp"))
        shutil.copytree(os.path.join(prefix, "share"), os.path.join(lone, "share"))
        os.remove(sentinel)
        icp2 = os.path.join(lone, "bin", "icp")
        r = run([icp2, "check", model], env=env, cwd=tmp)
        check(r.returncode == 0, "without the plug-in, check works")
        r = run([icp2, "score", model, data, "--as-of", "2026-11-01", "-o", out], env=env, cwd=tmp)
        check(r.returncode == 3 and "libicp-llvm.so" in r.stderr and "--engine interp" in r.stderr,
              "without the plug-in, scoring with the JIT exits 3 and says why: " + r.stderr.strip()[:200])
        r = run([icp2, "score", model, data, "--as-of", "2026-11-01", "--engine", "interp", "-o", out],
                env=env, cwd=tmp)
        check(r.returncode == 0 and os.path.getsize(out) > 0, "without the plug-in, --engine interp scores")
        for cmd in (["build", model, "--emit", "asm"], ["lsp"]):
            r = run([icp2] + cmd, env=env, cwd=tmp, input="")
            check(r.returncode == 3 and "libicp-llvm.so" in r.stderr, "without the plug-in, `icp %s` exits 3 and says why" % cmd[0])
        # A broken model is reported as such, not hidden behind the missing plug-in.
        broken = os.path.join(tmp, "broken.icp")
        with open(broken, "w") as f:
            f.write("schema A { n: int }\nprofile P on A { signal \"s\" when nn > 1 => 1 }\n")
        r = run([icp2, "score", broken, data, "-o", out], env=env, cwd=tmp)
        check(r.returncode == 1 and "E0101" in r.stderr and "libicp-llvm.so" not in r.stderr,
              "without the plug-in, a model with errors gets its diagnostics first")
        # ICP_LLVM_PLUGIN names the module explicitly (also a bare file name,
        # relative to the current directory).
        r = run([icp2, "score", model, data, "--as-of", "2026-11-01", "-o", out],
                env=dict(env, ICP_LLVM_PLUGIN=os.path.basename(plugins[0]) if plugins else ""),
                cwd=os.path.dirname(plugins[0]) if plugins else tmp)
        check(r.returncode == 0, "ICP_LLVM_PLUGIN may be a file name in the current directory: " + r.stderr[-200:])
        r = run([icp2, "score", model, data, "--as-of", "2026-11-01", "-o", out],
                env=dict(env, ICP_LLVM_PLUGIN=plugins[0] if plugins else ""), cwd=tmp)
        check(r.returncode == 0, "ICP_LLVM_PLUGIN points icp at the plug-in")
        bogus = os.path.join(tmp, "bogus.so")
        with open(bogus, "w") as f:
            f.write("not a library")
        r = run([icp2, "score", model, data, "-o", out], env=dict(env, ICP_LLVM_PLUGIN=bogus), cwd=tmp)
        check(r.returncode == 3 and "bogus.so" in r.stderr, "a bad ICP_LLVM_PLUGIN is reported with its path")

    print("%d failed" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
