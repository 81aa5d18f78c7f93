#!/usr/bin/env python3
"""Whole-page extraction signals over a diag dump (bench/block-scorer/diag.patch), for pages without gold text.

Counts pages per part (the eval's FNV-1a split of the page id) showing each signal; --list names the look pages of
each signal (ids and word counts only, never text), to be read with `eval extraction DIR --show ID`. Held-back pages
are counted, never listed. Used by the fifteenth pass of issue 14 (docs/benchmarks.md) on dates-dev's 300 pages.

  TRI_DIAG=/tmp/dd.jsonl dotnet triangulate.dll eval extraction DD_FOLDER   # DD_FOLDER: dates-dev html/ + dummy gold
  python3 bench/block-scorer/page_signals.py /tmp/dd.jsonl [--list]
"""
import collections
import json
import re
import sys


def part(key):
    h = 2166136261
    for c in key:
        h ^= ord(c)
        h = (h * 16777619) & 0xFFFFFFFF
    return "look" if h % 2 == 0 else "held"


def words(text):
    return len(re.findall(r"\w+", text))


def prose(row):
    """A written paragraph: 150+ characters, under 10% link text, no heading, ending as a sentence ends."""
    f, t = row["f"], row["text"]
    return f.get("length", 0) >= 150 and f.get("linkDensity", 0) < 0.1 and not f.get("heading") and t.rstrip()[-1:] in '.!?"”»'


PICTURE_CREDIT = re.compile(r"^\s*(foto|fotos|fotó|photo|photos|image|images|picture|bild|bilder|beeld|фото)\s*:", re.I)
BAR_CREDIT = re.compile(r"\|\s*©")


def signals(rows):
    body = [r for r in rows if r["kind"] == "Body"]
    body_words = sum(words(r["text"]) for r in body)
    outside = sum(words(r["text"]) for r in rows if r["kind"] != "Body" and prose(r))
    found = {}
    if body_words == 0 and outside >= 100:
        found["empty body, prose outside"] = outside
    if body_words < 150 and outside >= 100:
        found["body under 150 words, prose outside"] = outside
    kept = [i for i, r in enumerate(rows) if r["kind"] == "Body"]
    if kept:
        gap = [r for r in rows[kept[0]:kept[-1]] if r["kind"] != "Body" and prose(r)]
        if gap:
            found["prose dropped between body lines"] = sum(words(r["text"]) for r in gap)
    credits = [r for r in body if (len(r["text"]) <= 80 and PICTURE_CREDIT.search(r["text"])) or BAR_CREDIT.search(r["text"])]
    if credits:
        found["picture credit kept as body"] = len(credits)
    return found


def main():
    pages = collections.OrderedDict()
    with open(sys.argv[1], encoding="utf-8") as dump:
        for line in dump:
            row = json.loads(line)
            pages.setdefault(row["id"], []).append(row)
    counts = {"look": collections.Counter(), "held": collections.Counter()}
    listed = collections.defaultdict(list)
    for key, rows in pages.items():
        p = part(key)
        counts[p]["pages"] += 1
        for name, size in signals(rows).items():
            counts[p][name] += 1
            if p == "look":
                listed[name].append((key, size))
    for p in ("look", "held"):
        print(p, dict(counts[p]))
    if "--list" in sys.argv:
        for name, keys in listed.items():
            print(name, keys)


if __name__ == "__main__":
    main()
