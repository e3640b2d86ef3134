#!/usr/bin/env python3
"""Checks the size rules of the code's layout (docs/ARCHITECTURE.md, "Sizes"):

- no source file git tracks is over MAX_FILE_LINES lines;
- no Rust function, tests included, is over MAX_FN_LINES lines, from its `fn` line to its
  closing brace. A function whose body is one data literal (`json!({...})`, a raw string) is
  data, not logic, and is not counted.

Prints each file or function over its limit and exits 1 if there is any; with --list, prints
the longest ones as well. Reads files as text: one pass blanks comments, strings, raw strings
and char literals (see `mask`), then braces are matched on what is left.
"""
import re
import subprocess
import sys

MAX_FILE_LINES = 420  # "about 400"
MAX_FN_LINES = 80
SOURCE = re.compile(r"\.(rs|mjs|js|ts|css|html|sh|py)$")
FN = re.compile(r"\bfn\s+(\w+)")
IDENT = re.compile(r"[A-Za-z0-9_]")


def mask(text):
    """The text with the insides of comments, strings, raw strings and char literals blanked
    (newlines kept, so lines still count), read left to right in one pass the way Rust's lexer
    does: nested block comments, escapes, `r#"…"#` with any number of `#`, and a char literal
    told from a lifetime (`'{'` is a char, `'a` in `&'a str` a lifetime)."""
    out, i, n = [], 0, len(text)

    def blank(j, k):
        out.append(re.sub(r"[^\n]", " ", text[j:k]))

    while i < n:
        c = text[i]
        if text.startswith("//", i):
            k = text.find("\n", i)
            k = n if k < 0 else k
            blank(i, k)
            i = k
        elif text.startswith("/*", i):
            depth, k = 0, i
            while k < n:
                if text.startswith("/*", k):
                    depth, k = depth + 1, k + 2
                elif text.startswith("*/", k):
                    depth, k = depth - 1, k + 2
                    if depth == 0:
                        break
                else:
                    k += 1
            blank(i, k)
            i = k
        elif c == "r" and (i == 0 or not IDENT.match(text[i - 1]) or
                           (text[i - 1] == "b" and (i < 2 or not IDENT.match(text[i - 2])))) \
                and re.match(r'r#*"', text[i:i + 300]):
            hashes = re.match(r"r(#*)\"", text[i:]).group(1)
            start = i + 2 + len(hashes)
            end = text.find('"' + hashes, start)
            end = n if end < 0 else end
            out.append(text[i:start])
            blank(start, end)
            out.append(text[end:end + 1 + len(hashes)])
            i = end + 1 + len(hashes)
        elif c == '"':
            k = i + 1
            while k < n and text[k] != '"':
                k += 2 if text[k] == "\\" else 1
            out.append('"')
            blank(i + 1, k)
            i = k + 1
            out.append('"')
        elif c == "'":
            m = re.match(r"'(\\(u\{[0-9a-fA-F]+\}|x[0-9a-fA-F]{2}|.)|[^\\'])'", text[i:i + 12])
            if m:
                out.append("'")
                blank(i + 1, i + len(m.group(0)) - 1)
                out.append("'")
                i += len(m.group(0))
            else:  # a lifetime or a label
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def functions(text):
    """(name, first line, line count, whether it is data) of each Rust function with a body;
    a function whose braces never close is reported with count None. Data: the body is one
    `json!(…)` or raw string literal and nothing else."""
    code = mask(text)
    for m in FN.finditer(code):
        line = code.count("\n", 0, m.start()) + 1
        depth, k, open_at = 0, m.end(), None
        while k < len(code):
            ch = code[k]
            if open_at is None:
                if ch in "([":
                    depth += 1
                elif ch in ")]":
                    depth -= 1
                elif ch == ";" and depth == 0:
                    break  # a declaration without a body (a trait's method)
                elif ch == "{" and depth == 0:
                    open_at, depth = k, 1
            elif ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth == 0:
                    break
            k += 1
        if open_at is None and k < len(code):
            continue
        if k >= len(code):
            yield m.group(1), line, None, False
            continue
        body = code[open_at + 1:k].strip()
        data = bool(re.fullmatch(r'(serde_json::)?json!\(.*\);?|b?r#*"\s*"#*', body, re.S)) and (
            not body.startswith(("json", "serde_json")) or closes_at_end(body))
        yield m.group(1), line, code.count("\n", m.start(), k) + 1, data


def closes_at_end(body):
    """Whether the `json!(` at the start of `body` closes at its end (nothing after it)."""
    k, depth = body.index("("), 0
    for j in range(k, len(body)):
        depth += {"(": 1, ")": -1}.get(body[j], 0)
        if depth == 0:
            return body[j + 1:].strip() in ("", ";")
    return False


def self_test():
    """The cases a text-level reader gets wrong, checked at every run so the check can't rot."""
    def fns(t):
        return [(name, count, data) for name, _, count, data in functions(t)]
    assert fns("fn a(b: [f64; 4]) -> u8 {\n 1\n}\ntrait T { fn x(&self); }\n") == [("a", 3, False)]
    assert fns("fn a() { if c == '\"' { s.push_str(\"x{\"); }\n\n}\n") == [("a", 3, False)]
    assert fns("fn a<'a>(x: &'a str) {\n let t = r#\"}}\"{\"#;\n /* { /* } */ */ x\n}\n") == [("a", 4, False)]
    assert fns("fn m() -> V {\n json!({\"a\": [1, {}]})\n}\n") == [("m", 3, True)]
    assert fns("fn n() -> V {\n json!({}).to_string();\n more()\n}\n") == [("n", 4, False)]
    assert fns("fn o() -> &'static str {\n r#\"{ \"x\" }\"#\n}\n") == [("o", 3, True)]
    assert fns("fn broken() {\n let x = 1;\n") == [("broken", None, False)]


def main():
    self_test()
    files = subprocess.check_output(["git", "ls-files", "-z"], text=True).split("\0")
    over, longest = [], []
    for path in files:
        if not SOURCE.search(path):
            continue
        try:
            text = open(path, encoding="utf-8").read()
        except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
            continue
        lines = text.split("\n")
        count = len(lines) - (lines[-1] == "")
        if count > MAX_FILE_LINES:
            over.append(f"{path}: {count} lines (at most {MAX_FILE_LINES})")
        if path.endswith(".rs"):
            for name, start, n, data in functions(text):
                if n is None:
                    over.append(f"{path}:{start}: fn {name}: its braces never close")
                elif not data:
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
