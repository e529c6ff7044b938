#!/usr/bin/env python3
"""Writes the generated parts of the language and standard library references
from the sources they describe, so that the manual cannot drift from them:

- docs/language.md, between the `keywords` markers: the reserved words, from
  the grammar's keyword tokens (grammar/ICP.g4);
- docs/language.md, between the `builtins` markers: the table of built-in
  functions, from compiler/sema/builtins.def (the registry the checker, the
  folder and both engines read);
- docs/stdlib.md, between the `stdlib` markers: every module of stdlib/std/
  with its enums (members, aliases, the `default` member, docs) and its
  functions, as `icp check --dump-ast` reads them (so the compiler's own
  reading of the modules, `///` docs included).

The text around the markers is written by hand.

    python3 scripts/gen_reference_docs.py                 # rewrite the generated parts
    python3 scripts/gen_reference_docs.py --check         # exit 1 if they are stale (ctest)
    ... --icp build/icp                                   # the compiler to read stdlib/ with
"""
import argparse
import glob
import os
import re
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
BUILTINS = os.path.join(ROOT, "compiler", "sema", "builtins.def")
STDLIB = os.path.join(ROOT, "stdlib", "std")

BEGIN = "<!-- BEGIN GENERATED {name}: scripts/gen_reference_docs.py from {src}; edit that, then run the script -->"
END = "<!-- END GENERATED {name} -->"

# sema::TypeKind of a result, as the language writes the type.
RESULT_TYPES = {"String": "string", "StringSet": "set<string>", "Int": "int", "Float": "float",
                "Bool": "bool", "Date": "date", "Duration": "duration"}


# --------------------------------------------------------------------------- built-ins

def _args(text):
    return [a.strip() for a in text.split(",") if a.strip()]


def read_builtins():
    """[(name, [param names], doc, [(param types, result, flags)])] in registry order."""
    with open(BUILTINS, encoding="utf-8") as f:
        text = f.read()
    # Only the entries after the macro defaults (lines that start with the macro).
    params = {m.group(1): m.group(2) for m in re.finditer(
        r'^ICP_PARAM\((\w+),\s*"([^"]*)"', text, re.M)}
    fns, order = {}, []
    for m in re.finditer(r'^ICP_BUILTIN\((\w+),\s*"(\w+)",\s*\(([^)]*)\),\s*"((?:[^"\\]|\\.)*)"\)', text, re.M):
        fns[m.group(1)] = (m.group(2), _args(m.group(3)), m.group(4).replace('\\"', '"'), [])
        order.append(m.group(1))
    for m in re.finditer(r'^ICP_OVERLOAD\((\w+),\s*\w+,\s*"[^"]*",\s*\(([^)]*)\),\s*(\w+),\s*(\w+),', text, re.M):
        fn, classes, result, flags = m.group(1), _args(m.group(2)), m.group(3), m.group(4)
        if fn not in fns:
            sys.exit(f"builtins.def: overload of unknown built-in {fn}")
        fns[fn][3].append(([params[c] for c in classes], RESULT_TYPES.get(result, result), flags))
    return [fns[k] for k in order]


def render_builtins():
    out = ["| function | signature | meaning |", "|---|---|---|"]
    for name, pnames, doc, overloads in read_builtins():
        sigs = []
        for types, result, _flags in overloads:
            ps = ", ".join(f"{p}: {t}" for p, t in zip(pnames, types))
            sigs.append(f"`{name}({ps}): {result}`")
        meaning = doc
        if any(flags == "AsOf" for _t, _r, flags in overloads):
            meaning += " Reads the scoring date."
        out.append(f"| `{name}` | {'<br>'.join(sigs)} | {meaning.replace('|', '&#124;')} |")
    return "\n".join(out)


# --------------------------------------------------------------------------- keywords

GRAMMAR = os.path.join(ROOT, "grammar", "ICP.g4")


def render_keywords():
    """The reserved words, in the grammar's order, wrapped as a text block."""
    with open(GRAMMAR, encoding="utf-8") as f:
        words = re.findall(r"^K_\w+\s*:\s*'([a-z_]+)'\s*;", f.read(), re.M)
    lines, line = [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > 80:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    lines.append(line)
    return "```text\n" + "\n".join(lines) + "\n```"


# --------------------------------------------------------------------------- stdlib

STR = r'"((?:[^"\\]|\\.)*)"'


def unquote(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            n = s[i + 1]
            out.append({"n": "\n", "t": "\t", "r": "\r"}.get(n, n))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def read_module(icp, path):
    """{'doc': str, 'items': [...]} from `icp check --dump-ast`."""
    r = subprocess.run([icp, "check", "--dump-ast", path], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"icp check --dump-ast {path} failed:\n{r.stderr}")
    module = {"doc": "", "items": []}
    item = None
    for line in r.stdout.split("\n"):
        depth = (len(line) - len(line.lstrip(" "))) // 2
        body = line.strip()
        doc = re.search(r'doc=' + STR, body)
        doc = unquote(doc.group(1)) if doc else ""
        if depth == 0 and body.startswith("Module"):
            module["doc"] = doc
        elif depth == 1:
            m = re.match(r"(Enum|Def|Const) (\w+)@", body)
            item = None
            if m:
                item = {"kind": m.group(1), "name": m.group(2), "doc": doc, "members": [], "params": [],
                        "result": ""}
                module["items"].append(item)
        elif item is not None and depth == 2:
            m = re.match(r"Member (\w+)@\S+( aliases=\[(.*?)\])?( default)?( doc=|\s*\[)", body)
            if item["kind"] == "Enum" and m:
                aliases = [unquote(a) for a in re.findall(STR + r"@\d+:\d+", m.group(3) or "")]
                item["members"].append((m.group(1), aliases, bool(m.group(4)), doc))
            m = re.match(r"Param (\w+)@", body)
            if m:
                item["params"].append([m.group(1), ""])
            m = re.match(r"result: Type (\S+)", body)
            if m:
                item["result"] = m.group(1)
        elif item is not None and depth == 3 and item["params"]:
            m = re.match(r"type: Type (\S+)", body)
            if m and not item["params"][-1][1]:
                item["params"][-1][1] = m.group(1)
    return module


def md_cell(text):
    return text.replace("|", "&#124;").replace("\n", " ")


def paragraph(doc):
    """The first paragraph of a doc comment, joined into one line."""
    return " ".join(doc.split("\n\n")[0].split("\n")).strip()


def render_stdlib(icp):
    out = []
    for path in sorted(glob.glob(os.path.join(STDLIB, "*.icp"))):
        name = "std/" + os.path.splitext(os.path.basename(path))[0]
        module = read_module(icp, path)
        out += [f"## {name}", "", paragraph(module["doc"]), "", "```text", f'import "{name}"', "```", ""]
        enums = [i for i in module["items"] if i["kind"] == "Enum"]
        defs = [i for i in module["items"] if i["kind"] == "Def"]
        consts = [i for i in module["items"] if i["kind"] == "Const"]
        summary = ", ".join([f"enum `{e['name']}` ({len(e['members'])} members)" for e in enums] +
                            [f"def `{d['name']}`" for d in defs] + [f"const `{c['name']}`" for c in consts])
        out += [f"Declares: {summary}.", ""]
        for e in enums:
            default = [m[0] for m in e["members"] if m[2]]
            out += [f"### enum {e['name']}", "", " ".join(e["doc"].split("\n")), ""]
            out.append(f"Default member: `{default[0]}`." if default else
                       "No `default` member: a value that reads as none of these is unreadable.")
            out += ["", "| member | also reads | meaning |", "|---|---|---|"]
            for member, aliases, is_default, doc in e["members"]:
                reads = ", ".join(f"`{a}`" for a in aliases)
                mark = " (default)" if is_default else ""
                out.append(f"| `{member}`{mark} | {md_cell(reads)} | {md_cell(doc)} |")
            out.append("")
        for d in defs:
            ps = ", ".join(f"{p}: {t}" for p, t in d["params"])
            out += [f"### def {d['name']}", "", f"`def {d['name']}({ps}): {d['result']}`", "",
                    " ".join(d["doc"].split("\n")), ""]
        for c in consts:
            out += [f"### const {c['name']}", "", " ".join(c["doc"].split("\n")), ""]
    return "\n".join(out).rstrip("\n")


# --------------------------------------------------------------------------- splicing

def splice(text, name, src, generated, doc_name):
    begin, end = BEGIN.format(name=name, src=src), END.format(name=name)
    b, e = text.find(begin), text.find(end)
    if b < 0 or e < b:
        sys.exit(f"{doc_name}: the markers of the generated part '{name}' are missing:\n  {begin}\n  {end}")
    return text[:b + len(begin)] + "\n" + generated + "\n" + text[e:]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="fail if a generated part is not up to date")
    ap.add_argument("--icp", default=os.path.join(ROOT, "build", "icp"), help="the icp binary")
    ap.add_argument("--docs", default=os.path.join(ROOT, "docs"), help="the docs folder (tests use a copy)")
    args = ap.parse_args()
    jobs = [("language.md", "keywords", "grammar/ICP.g4", render_keywords()),
            ("language.md", "builtins", "compiler/sema/builtins.def", render_builtins()),
            ("stdlib.md", "stdlib", "stdlib/std/*.icp", render_stdlib(args.icp))]
    stale = []
    for doc, name, src, generated in jobs:
        path = os.path.join(args.docs, doc)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        new = splice(text, name, src, generated, doc)
        if new == text:
            continue
        if args.check:
            stale.append(f"docs/{doc} ({name})")
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(new)
            print(f"wrote docs/{doc} ({name})")
    if stale:
        print("stale generated documentation: " + ", ".join(stale) +
              "; run python3 scripts/gen_reference_docs.py")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
