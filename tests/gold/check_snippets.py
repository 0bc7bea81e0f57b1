#!/usr/bin/env python3
"""Validates blame snippet files (format: header of tests/gold/snippets/blame_a.toml).

Usage: check_snippets.py FILE.toml [FILE.toml ...]

Checks: ids unique across the files given; text present and 1-3 sentences
(bullets and unpunctuated dictation count by line); every `blame` and
`optional` phrase occurs exactly once in its text and the two lists do not
overlap. Prints the count and the share of snippets with blame, then the
errors; exit status 1 on any error.
"""
import re
import sys
import tomllib


def sentences(text):
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", text.strip()) if s.strip()]


def spans(text, phrase):
    return [m.start() for m in re.finditer(re.escape(phrase), text)]


def check(path, seen, errors):
    snippets = tomllib.load(open(path, "rb")).get("snippet", [])
    with_blame = 0
    for s in snippets:
        sid = s.get("id", "?")
        where = f"{path}: {sid}"
        if sid in seen:
            errors.append(f"{where}: duplicate id")
        seen.add(sid)
        text = s.get("text", "")
        if not text.strip():
            errors.append(f"{where}: empty text")
            continue
        if len(sentences(text)) > 4:
            errors.append(f"{where}: {len(sentences(text))} sentences (at most 3)")
        blame, optional = s.get("blame"), s.get("optional", [])
        if blame is None:
            errors.append(f"{where}: no `blame` list")
            continue
        with_blame += bool(blame)
        placed = []
        for phrase in blame + optional:
            found = spans(text, phrase)
            if len(found) != 1:
                errors.append(f"{where}: {phrase!r} occurs {len(found)} times")
                continue
            start, end = found[0], found[0] + len(phrase)
            if any(start < e and b < end for b, e in placed):
                errors.append(f"{where}: {phrase!r} overlaps another label")
            placed.append((start, end))
    return len(snippets), with_blame


def main():
    seen, errors, total, blamed = set(), [], 0, 0
    for path in sys.argv[1:]:
        count, with_blame = check(path, seen, errors)
        total, blamed = total + count, blamed + with_blame
    print(f"{total} snippets, {blamed} with blame ({blamed / max(total, 1):.0%})")
    for e in errors:
        print("ERROR", e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
