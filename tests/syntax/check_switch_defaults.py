#!/usr/bin/env python3
"""No `default:` in a switch over an AST kind.

A switch whose case labels name a kind of the AST (syntax/ast.h, and the
roles of syntax/ast_visit.h) lists every kind and has no `default:`, so that
a new kind is a -Wswitch error at every place that must handle it, not a
silent fall into a default. This reads every .cpp and .h under the given
folders (comments and strings removed), finds each switch, and reports one
that has both a case label of such an enum and a `default:` of its own
(nested switches are judged on their own).

usage: check_switch_defaults.py FOLDER_OR_FILE...
"""
import pathlib
import re
import sys

AST_ENUMS = {"ExprKind", "ItemKind", "DeclKind", "ExpectKind", "BinaryOp", "UnaryOp", "CmpOp",
             "HasMode", "SpecialName", "NameRole", "NodeKind"}


def strip(text):
    """Comments and string/char literals blanked, line breaks kept."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            end = text.find(")" + m.group(1) + '"', i) if m else -1
            j = n if end < 0 else end + len(m.group(1)) + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(" " * (j + 1 - i))
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def matching(text, open_at):
    depth = 0
    for j in range(open_at, len(text)):
        if text[j] == "{":
            depth += 1
        elif text[j] == "}":
            depth -= 1
            if depth == 0:
                return j
    return len(text)


SWITCH = re.compile(r"\bswitch\s*\(")


def switches(text):
    """(offset, line, body) of every switch, where body has nested switches blanked."""
    found = []
    for m in SWITCH.finditer(text):
        # The condition's parentheses, then the body's braces.
        depth, j = 0, m.end() - 1
        while j < len(text):
            if text[j] == "(":
                depth += 1
            elif text[j] == ")":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        open_at = text.find("{", j)
        if open_at < 0:
            continue
        close_at = matching(text, open_at)
        body = text[open_at + 1:close_at]
        for inner in SWITCH.finditer(body):  # blank nested switches
            o = body.find("{", inner.end())
            if o >= 0:
                c = matching(body, o)
                body = body[:inner.start()] + " " * (c + 1 - inner.start()) + body[c + 1:]
        found.append((m.start(), text.count("\n", 0, m.start()) + 1, body))
    return found


def check(path):
    text = strip(path.read_text(encoding="utf-8", errors="replace"))
    usings = [(m.start(), m.group(1), m.group(2))
              for m in re.finditer(r"\busing\s+(\w+)\s*=\s*(?:[\w:]*::)?(\w+)\s*;", text)]
    problems = []
    for at, line, body in switches(text):
        aliases = {a: e for pos, a, e in usings if pos < at}  # the latest before the switch
        enums = {aliases.get(q, q) for q in re.findall(r"\bcase\s+(?:[\w:]*::)?(\w+)::\w+\s*:", body)}
        hit = sorted(enums & AST_ENUMS)
        if hit and re.search(r"\bdefault\s*:", body):
            problems.append("%s:%d: `default:` in a switch over %s: list every kind instead"
                            % (path, line, ", ".join(hit)))
    return problems


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    files = []
    for a in map(pathlib.Path, sys.argv[1:]):
        files += [a] if a.is_file() else [p for p in sorted(a.rglob("*")) if p.suffix in (".cpp", ".h")]
    if not files:
        print("error: no .cpp or .h files under %s" % " ".join(sys.argv[1:]))
        return 1
    problems = [p for f in files for p in check(f)]
    for p in problems:
        print(p)
    if problems:
        return 1
    print("%d files, no `default:` in a switch over an AST kind" % len(files))
    return 0


if __name__ == "__main__":
    sys.exit(main())
