#!/usr/bin/env python3
"""Where the text we keep and the reference drops comes from, by structure, not wording (issue 14, session 33).

Three reports, each from files the CLI writes (no page text is needed beyond what they hold):

  errors  ERRORS.txt WRITE.json
      The look pages' wrongly kept body blocks (`eval extraction DIR --errors`), grouped by the block's tag, its
      length and its position in our body (trailing = among the body's last three lines, leading = first three).
  hosts   GOLD.json WRITE.json [GOLD2.json WRITE2.json ...] [--min-words N] [--strip OUT_PREFIX]
      Body lines (N+ words, default 10) that occur on two or more pages of one host across the given sets (a page's URL
      from its gold file); with --strip, writes each set's predictions without them (OUT_PREFIX-0.json, -1.json, ...)
      so that `eval extraction DIR --predictions` scores the rule before anyone writes it into the classifier.
  silver  WRITE.json PEER.json
      Tokens of our body lines that a peer's text (Readability.js, bench/peers/readability-js, written as
      {"key": {"text": ...}}) does not hold (under half of a line's 4-shingles, or of its tokens when it has no
      shingle), by position and length: the precision side of a silver standard on pages without gold.

Look/held parts follow EvaluationSplit (FNV-1a over UTF-16 code units, even = look); held pages are only counted.
"""
import collections
import json
import re
import sys
import urllib.parse

TOKEN = re.compile(r"\w+")


def tokens(text):
    return TOKEN.findall(text)


def part(key):
    h = 2166136261
    for unit in key.encode("utf-16-le").decode("utf-16-le"):
        code = ord(unit)
        units = [code] if code < 0x10000 else [0xD800 + ((code - 0x10000) >> 10), 0xDC00 + ((code - 0x10000) & 0x3FF)]
        for u in units:
            h ^= u
            h = (h * 16777619) & 0xFFFFFFFF
    return "look" if h & 1 == 0 else "held"


def lines_of(body):
    return [line for line in body.split("\n\n") if tokens(line)]


def shingles(toks):
    return collections.Counter(tuple(toks[i:i + 4]) for i in range(len(toks) - 3))


def position(index, count):
    if index >= count - 3:
        return "trailing"
    return "leading" if index < 3 else "inside"


def report_errors(errors_path, write_path):
    written = json.load(open(write_path))
    rows = open(errors_path, encoding="utf-8").read().split("\n")
    by_class = collections.Counter()
    blocks = collections.Counter()
    for i, row in enumerate(rows):
        fields = row.split("\t")
        if len(fields) < 5 or fields[1] != "KEPT":
            continue
        key = next((k for k in written if k.startswith(fields[0])), None)
        text = rows[i + 1].strip() if i + 1 < len(rows) else ""
        count = int(fields[3])  # the block's tokens (its text is cut at 160 characters)
        body = lines_of(written.get(key, ""))
        index = next((j for j, line in enumerate(body) if line.strip().startswith(text[:60])), -1)
        tag = re.sub(r"\[\d+\].*", "", fields[4].split("/")[-1])
        length = "<10 words" if count < 10 else "<20 words" if count < 20 else "20+ words"
        where = position(index, len(body)) if index >= 0 else "?"
        by_class[(where, tag, length)] += count
        blocks[(where, tag, length)] += 1
    print("position\ttag\tlength\tblocks\ttokens")
    for (where, tag, length), count in by_class.most_common():
        print(f"{where}\t{tag}\t{length}\t{blocks[(where, tag, length)]}\t{count}")


def report_hosts(args):
    min_words = 10
    strip = None
    if "--min-words" in args:
        i = args.index("--min-words")
        min_words = int(args[i + 1])
        del args[i:i + 2]
    if "--strip" in args:
        i = args.index("--strip")
        strip = args[i + 1]
        del args[i:i + 2]
    sets = [(json.load(open(args[i])), json.load(open(args[i + 1]))) for i in range(0, len(args), 2)]
    norm = lambda line: " ".join(tokens(line.lower()))
    pages = {}
    for n, (gold, written) in enumerate(sets):
        for key, body in written.items():
            host = urllib.parse.urlparse(gold.get(key, {}).get("url", "")).netloc.removeprefix("www.")
            pages[(n, key)] = (host, body)
    seen = collections.defaultdict(collections.Counter)
    for (host, body) in pages.values():
        if host:
            for line in {norm(x) for x in lines_of(body)}:
                if len(line.split()) >= min_words:
                    seen[host][line] += 1
    outputs = [dict() for _ in sets]
    fired = collections.Counter()
    for (n, key), (host, body) in sorted(pages.items()):
        kept = []
        for line in lines_of(body):
            if host and len(tokens(line)) >= min_words and seen[host][norm(line)] >= 2:
                fired[(n, part(key))] += len(tokens(line))
                print(f"set {n}\t{part(key)}\t{key[:10]}\t{host}\t{len(tokens(line))} tokens")
                continue
            kept.append(line)
        outputs[n][key] = "\n\n".join(kept)
    print("tokens on repeated lines (set, part):", dict(fired))
    if strip:
        for n, output in enumerate(outputs):
            json.dump(output, open(f"{strip}-{n}.json", "w"))


def report_silver(write_path, peer_path):
    written = json.load(open(write_path))
    peer = json.load(open(peer_path))
    totals = collections.Counter()
    pages = collections.Counter()
    for key, value in peer.items():
        peer_tokens = tokens(value["text"])
        if not peer_tokens:
            continue  # the peer gave nothing: no silver for this page
        peer_shingles = shingles(peer_tokens)
        peer_set = set(peer_tokens)
        body = lines_of(written.get(key, ""))
        dropped = 0
        for index, line in enumerate(body):
            toks = tokens(line)
            own = shingles(toks)
            share = (sum(1 for s in own if s in peer_shingles) / len(own)) if own else sum(1 for t in toks if t in peer_set) / len(toks)
            if share < 0.5:
                dropped += len(toks)
                length = "<10 words" if len(toks) < 10 else "<20 words" if len(toks) < 20 else "20+ words"
                totals[(part(key), position(index, len(body)), length)] += len(toks)
        if dropped:
            pages[part(key)] += 1
    for p in ("look", "held"):
        rows = {k[1:]: v for k, v in totals.items() if k[0] == p}
        if rows:
            print(f"{p}: {pages[p]} pages, {sum(rows.values())} tokens we keep that the peer drops")
            for (where, length), count in sorted(rows.items(), key=lambda r: -r[1]):
                print(f"  {where}\t{length}\t{count}")


if __name__ == "__main__":
    command, rest = sys.argv[1], sys.argv[2:]
    if command == "errors":
        report_errors(*rest)
    elif command == "hosts":
        report_hosts(rest)
    elif command == "silver":
        report_silver(*rest)
    else:
        sys.exit(__doc__)
