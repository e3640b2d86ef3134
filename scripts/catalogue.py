#!/usr/bin/env python3
"""Every user-facing sentence of Baft in both languages, in one place, for translators and for a
municipality's review: writes docs/catalogue.md from the source.

Sentences are written in the source one way, Persian and English side by side:
  - `say!(lang, "فارسی {x}", "English {x}")` for a sentence with values (core, CLI, app);
  - `lang.pick("فارسی", "English")` for a fixed phrase;
  - `pub const NAME: T = ("فارسی", "English");` in the app's `src/i18n.rs`;
  - older two-branch forms (`if fa { … } else { … }`, `match lang { Lang::Fa => …, Lang::En => … }`)
    that still take different arguments in each language.
This script finds them all and lists them by file, in source order, so that a reviewer reads
every sentence whole.

Usage: python3 scripts/catalogue.py          # writes docs/catalogue.md
       python3 scripts/catalogue.py --check  # exits 1 when docs/catalogue.md is out of date
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
S = r'"((?:\\.|[^"\\])*)"'
W = r'\s*'
PATTERNS = [
    ('say!', re.compile(r'say!\(' + W + r'[\w.()*&]+' + W + ',' + W + S + W + ',' + W + S)),
    ('pick', re.compile(r'\.pick\(' + W + S + W + ',' + W + S + W + r',?' + W + r'\)')),
    ('i18n', re.compile(r'pub const (\w+): T = \(' + W + S + W + ',' + W + S + W + r',?' + W + r'\);')),
    # Older two-branch forms, until they are all say!: `if fa { format!("…", …) } else { … }`
    # and `match lang { Lang::Fa => format!("…", …), Lang::En => … }`.
    ('branch', re.compile(r'if fa \{' + W + r'(?:format!\(' + W + r')?' + S + r'[^{}]*?\} else \{' + W + r'(?:format!\(' + W + r')?' + S)),
    ('match', re.compile(r'Lang::Fa =>' + W + r'(?:format!\(' + W + r')?' + S + r'[^;{}]*?Lang::En =>' + W + r'(?:format!\(' + W + r')?' + S)),
]


def sources():
    out = subprocess.run(['git', 'ls-files', '--cached', '--others', '--exclude-standard', '*.rs'], cwd=ROOT, capture_output=True, text=True)
    # Sorted, so that a new file not yet committed lands where it will be once it is.
    return sorted({p for p in out.stdout.split() if not p.startswith(('fuzz/', 'tests/'))
                   and '/tests/' not in p and not p.endswith('tests.rs')})


def cell(text):
    text = text.replace('\\n', ' ').replace('\\"', '"').replace('\\\\', '\\')
    return text.replace('|', '\\|').strip()


def entries(path):
    text = open(os.path.join(ROOT, path), encoding='utf-8').read()
    # Test modules are not user-facing.
    cut = text.find('#[cfg(test)]')
    if cut >= 0:
        text = text[:cut]
    found = []
    for kind, pat in PATTERNS:
        for m in pat.finditer(text):
            line = text.count('\n', 0, m.start()) + 1
            groups = m.groups()
            fa, en = groups[-2], groups[-1]
            if not re.search(r'[\u0600-\u06FF]', fa) and fa == en:
                continue  # not a sentence: the same symbol in both
            found.append((line, kind, fa, en))
    return sorted(found)


def render():
    rows = ['# Catalogue: every sentence in Persian and English',
            '',
            'Made by `python3 scripts/catalogue.py` from the source; do not edit by hand. Each row is',
            'one sentence as Baft shows it, Persian first; `{…}` are the values filled in. To change a',
            'sentence, edit it in the file named (both languages stand side by side there), then run',
            'the script again. The test command checks that this file is current.',
            '']
    total = 0
    for path in sources():
        items = entries(path)
        if not items:
            continue
        rows += [f'## `{path}`', '', '| فارسی | English |', '|---|---|']
        for _, _, fa, en in items:
            rows.append(f'| {cell(fa)} | {cell(en)} |')
        rows.append('')
        total += len(items)
    rows.insert(6, f'{total} sentences.')
    rows.insert(7, '')
    return '\n'.join(rows) + '\n'


def main():
    target = os.path.join(ROOT, 'docs', 'catalogue.md')
    text = render()
    if '--check' in sys.argv:
        current = open(target, encoding='utf-8').read() if os.path.exists(target) else ''
        if current != text:
            print('docs/catalogue.md is out of date: run python3 scripts/catalogue.py')
            sys.exit(1)
        print('docs/catalogue.md is current')
        return
    open(target, 'w', encoding='utf-8').write(text)
    print(f'wrote docs/catalogue.md ({text.count(chr(10))} lines)')


if __name__ == '__main__':
    main()
