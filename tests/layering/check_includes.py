#!/usr/bin/env python3
"""Checks every #include of the project against the "may use" table of
docs/architecture.md.

The table has one row per piece: | piece | folder | holds | may use |. The
"may use" cell is a comma-separated list (", " or " and ") of piece names and
restricted external libraries (ANTLR, LLVM); text in parentheses is a comment;
"nothing" means no other piece. A piece may use itself, what it lists, and
what those may use in turn (layers are transitive); a restricted library only
where it is listed, and a header that includes one (directly or through other
headers) only from its own piece, so that the library stays sealed in.

Every source file under a piece's folder (the deepest folder that holds it) is
read. A quoted include is looked up beside the including file, then in the
project's include roots; an angle include in the roots only (so <fmt/format.h>
is the fmt library, not compiler/fmt/). An include found in the project
belongs to the piece whose folder holds it. A quoted include that names a
piece's folder ("sema/x.h") but is not found is an error too.

Exit 0 when every include is allowed, 1 otherwise (each violation on a line,
then "N violations"). --inject FILE=LINE adds a line to a file's text before
checking (the self-tests use it to prove a wrong-way include fails).
"""
import argparse
import os
import re
import sys

SOURCE_EXTS = (".h", ".hpp", ".cpp", ".c", ".cc", ".def", ".inc")
# Include roots, relative to the project (as the build's -I flags give them:
# each compiler/<phase> is reached as "<phase>/..." through its include dir).
INCLUDE_ROOTS = ["compiler", "runtime/include", "runtime/json/include", "compiler/capi/include"]
# Restricted external libraries: what their includes look like.
EXTERNAL = {
    "ANTLR": re.compile(r"^(antlr4-runtime\.h|antlr4-common\.h|ICP(Lexer|Parser|Visitor|BaseVisitor)\.h|atn/|dfa/|tree/|misc/|support/)"),
    "LLVM": re.compile(r"^(llvm|llvm-c)/"),
}
INCLUDE_RE = re.compile(r'^\s*#\s*include\s*([<"])([^">]+)[">]')


def parse_table(path):
    """Returns {piece: (folder, [may-use items])} from the markdown table."""
    pieces = {}
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    header = None
    for i, line in enumerate(lines):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if header is None:
            if [c.lower() for c in cells] == ["piece", "folder", "holds", "may use"]:
                header = i
            continue
        if not line.startswith("|"):
            break
        if set(line.replace("|", "").strip()) <= set("-: "):
            continue
        if len(cells) != 4:
            sys.exit(f"{path}:{i + 1}: a row of the layering table needs 4 cells, has {len(cells)}")
        piece, folder, _, may_use = cells
        folder = folder.strip("`").rstrip("/") or "."
        text = re.sub(r"\([^()]*\)", "", may_use)
        while re.search(r"\([^()]*\)", text):
            text = re.sub(r"\([^()]*\)", "", text)
        items = [w.strip() for w in re.split(r",|;|\band\b", text) if w.strip()]
        pieces[piece] = (folder, items, i + 1)
    if not pieces:
        sys.exit(f"{path}: no table with the header | piece | folder | holds | may use |")
    for piece, (folder, items, line) in pieces.items():
        for it in items:
            if it != "nothing" and it not in pieces and it not in EXTERNAL:
                sys.exit(f"{path}:{line}: '{piece}' may use '{it}', which is neither a piece of the table "
                         f"nor one of {', '.join(sorted(EXTERNAL))} (write remarks in parentheses)")
    return pieces


def closure(pieces):
    """piece -> set of pieces it may use (transitively), without externals."""
    out = {}
    for p in pieces:
        seen, todo = set(), [p]
        while todo:
            q = todo.pop()
            for it in pieces[q][1]:
                if it in pieces and it not in seen:
                    seen.add(it)
                    todo.append(it)
        seen.discard(p)
        out[p] = seen
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", required=True, help="the project's source directory")
    ap.add_argument("--table", help="default: ROOT/docs/architecture.md")
    ap.add_argument("--inject", action="append", default=[], metavar="FILE=LINE",
                    help="add LINE to FILE (relative to ROOT) before checking")
    args = ap.parse_args()
    root = os.path.abspath(args.root)
    pieces = parse_table(args.table or os.path.join(root, "docs", "architecture.md"))
    may = closure(pieces)
    folders = sorted(((folder, p) for p, (folder, _, _) in pieces.items()), key=lambda x: -len(x[0]))
    violations = []

    for p, (folder, _, line) in pieces.items():
        if not os.path.isdir(os.path.join(root, folder)):
            violations.append(f"docs/architecture.md:{line}: the folder of '{p}', {folder}, does not exist")
    # Every phase folder has a row: a new phase cannot escape the table.
    compiler = os.path.join(root, "compiler")
    for d in sorted(os.listdir(compiler)):
        if os.path.isdir(os.path.join(compiler, d)) and not any(f == f"compiler/{d}" for f, _ in folders):
            violations.append(f"compiler/{d}: no row in the layering table of docs/architecture.md")

    def piece_of(rel):
        for folder, p in folders:
            if rel == folder or rel.startswith(folder + "/"):
                return p
        return None

    injected = {}
    for spec in args.inject:
        f, _, text = spec.partition("=")
        injected.setdefault(os.path.normpath(f), []).append(text)

    files = {}  # rel path -> [(line number, kind, name)]
    for folder, _ in folders:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, folder)):
            dirnames.sort()
            for name in sorted(filenames):
                if not name.endswith(SOURCE_EXTS):
                    continue
                rel = os.path.relpath(os.path.join(dirpath, name), root)
                if rel in files:
                    continue
                with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as f:
                    text = f.read().splitlines()
                text += injected.pop(rel, [])
                incs = []
                for n, l in enumerate(text, 1):
                    m = INCLUDE_RE.match(l)
                    if m:
                        incs.append((n, m.group(1), m.group(2)))
                files[rel] = incs
    for f in injected:
        sys.exit(f"--inject: {f} is not a source file of a piece")

    def resolve(rel, kind, name):
        cands = [os.path.join(os.path.dirname(rel), name)] if kind == '"' else []
        cands += [os.path.join(r, name) for r in INCLUDE_ROOTS]
        for c in cands:
            c = os.path.normpath(c)
            if os.path.isfile(os.path.join(root, c)):
                return c
        return None

    # Which restricted libraries each file reaches (through project headers).
    reach_cache = {}

    def reaches(rel, stack=()):
        if rel in reach_cache:
            return reach_cache[rel]
        if rel in stack or rel not in files:
            return set()
        out = set()
        for _, kind, name in files[rel]:
            target = resolve(rel, kind, name)
            if target is None:
                out |= {lib for lib, rx in EXTERNAL.items() if rx.match(name)}
            else:
                out |= reaches(target, stack + (rel,))
        reach_cache[rel] = out
        return out

    top_dirs = {f.split("/")[1] for f, _ in folders if f.startswith("compiler/")}
    for rel, incs in files.items():
        me = piece_of(rel)
        for n, kind, name in incs:
            where = f"{rel}:{n}: {me} includes {kind}{name}{'>' if kind == '<' else kind}"
            target = resolve(rel, kind, name)
            if target is None:
                libs = [lib for lib, rx in EXTERNAL.items() if rx.match(name)]
                for lib in libs:
                    if lib not in pieces[me][1]:
                        allowed = [p for p in pieces if lib in pieces[p][1]]
                        violations.append(f"{where}: {lib} is only for {', '.join(allowed)}")
                if kind == '"' and not libs and name.split("/")[0] in top_dirs:
                    violations.append(f"{where}: not found in the project")
                continue
            other = piece_of(target)
            if other is None or other == me:
                continue
            if other not in may[me]:
                uses = ", ".join(sorted(may[me])) or "nothing"
                violations.append(f"{where}: {me} may not use {other} (it may use: {uses})")
                continue
            for lib in sorted(reaches(target) - set(pieces[me][1])):
                violations.append(f"{where}: {target} brings in {lib}, which must not leave {other}")

    for v in violations:
        print(v)
    print(f"{len(files)} files, {sum(len(i) for i in files.values())} includes, {len(violations)} violations")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
