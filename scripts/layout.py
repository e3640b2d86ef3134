#!/usr/bin/env python3
"""Checks the size rules of the code's layout (docs/contributing.md, "Layout"):

- no source file git tracks is over MAX_FILE_LINES lines;
- no Rust function, tests included, is over MAX_FN_LINES lines, from its `fn` line to its
  closing brace. A function whose body is one data literal (`json!({...})`, a raw string) is
  data, not logic, and is not counted.

Prints each file or function over its limit and exits 1 if there is any; with --list, prints
the longest ones as well. Reads files as text: the brace matching skips strings, chars and
comments, which is all Rust's syntax needs here.
"""
import re
import subprocess
import sys

MAX_FILE_LINES = 420  # "about 400"
MAX_FN_LINES = 80
SOURCE = re.compile(r"\.(rs|mjs|js|ts|css|html|sh|py)$")
FN = re.compile(r"^\s*(pub(\([^)]*\))?\s+)?((async|const|unsafe|extern \"C\")\s+)*fn\s+(\w+)")
DATA_BODY = re.compile(r"^\s*(serde_json::)?json!\(|^\s*r#*\"")


def code_only(line):
    """The line without string and char literals and `//` comments (block comments are rare
    enough in this code to be read as code: their braces balance)."""
    line = re.sub(r'r#+"[^"]*"#+', '""', line)
    line = re.sub(r'"(\\.|[^"\\])*"', '""', line)
    line = re.sub(r"'(\\.|[^'\\])'", "''", line)
    return re.sub(r"//.*", "", line)


def functions(lines):
    """(name, first line, line count, whether it is a data literal) of each Rust function."""
    for i, line in enumerate(lines):
        m = FN.match(line)
        if not m:
            continue
        depth, opened, body_start = 0, False, None
        for j in range(i, len(lines)):
            code = code_only(lines[j])
            if not opened and ";" in code and "{" not in code:
                break  # a declaration without a body (a trait's method)
            for ch in code:
                if ch == "{":
                    depth += 1
                    if not opened:
                        opened, body_start = True, j
                elif ch == "}":
                    depth -= 1
            if opened and depth == 0:
                body = "\n".join(lines[body_start:j + 1])
                first = body[body.index("{") + 1:]
                yield m.group(5), i + 1, j - i + 1, bool(DATA_BODY.match(first.lstrip("\n")))
                break


def main():
    files = subprocess.check_output(["git", "ls-files"], text=True).split()
    over, longest = [], []
    for path in files:
        if not SOURCE.search(path):
            continue
        try:
            lines = open(path, encoding="utf-8").read().split("\n")
        except (UnicodeDecodeError, FileNotFoundError):
            continue
        count = len(lines) - (lines[-1] == "")
        if count > MAX_FILE_LINES:
            over.append(f"{path}: {count} lines (at most {MAX_FILE_LINES})")
        if path.endswith(".rs"):
            for name, start, n, data in functions(lines):
                if not data:
                    longest.append((n, f"{path}:{start} fn {name}"))
                    if n > MAX_FN_LINES:
                        over.append(f"{path}:{start}: fn {name} is {n} lines (at most {MAX_FN_LINES})")
    if "--list" in sys.argv:
        for n, where in sorted(longest, reverse=True)[:15]:
            print(f"{n:4} {where}")
    for o in over:
        print(o)
    if over:
        sys.exit(1)
    print(f"layout: no source file over {MAX_FILE_LINES} lines, no function over {MAX_FN_LINES}")


if __name__ == "__main__":
    main()
