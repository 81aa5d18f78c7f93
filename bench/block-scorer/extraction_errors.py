#!/usr/bin/env python3
"""Per look page: the text the HTML classifier kept wrongly and the gold text it missed, with each block's path.

Reads the segment dump that diag.patch writes (`TRI_DIAG=FILE triangulate eval extraction DIR`: every segment's label,
path, features and text) and the set's ground-truth.json, and prints for every LOOK page only (EvaluationSplit: held
pages are never listed) its precision and recall by the benchmark's rule, then

  kept   body blocks whose 4-shingles are mostly not in the gold (body blocks take shingles from the gold's multiset in
         page order, so a repeated paragraph counts once): wrong shingles / all, kind, path, text;
  missed blocks of another kind whose shingles are mostly in what the body left of the gold (a block under 4 tokens
         when the shingles it makes with its neighbours' tokens are), and the gold shingles the page's text (every block, in order) does not hold;
  joins  wrongly kept shingles that span the join of two kept blocks (text dropped between them, or out of order).

  python3 extraction_errors.py DUMP GROUND_TRUTH [--page ID] [--width N] [--summary]
"""
import argparse, collections, json

from train_block_scorer import WORD, gold_labels, is_look, shingles


def grams(tokens):
    return [tuple(tokens[k:k + 4]) for k in range(len(tokens) - 3)]


def page_report(segs, gold_text):
    gold = shingles(WORD.findall(gold_text))
    left = collections.Counter(gold)
    toks = [WORD.findall(s['text']) for s in segs]
    kept, missed = [], []
    for s, t in zip(segs, toks):
        if s['kind'] != 'Body' or len(t) < 4:
            continue
        own = grams(t)
        wrong = 0
        for g in own:
            if left[g] > 0: left[g] -= 1
            else: wrong += 1
        if wrong * 2 > len(own):
            kept.append((wrong, len(own), s))
    # the scorer's own figures: shingles over the whole body token stream, across block joins
    stream = [x for s, t in zip(segs, toks) if s['kind'] == 'Body' for x in t]
    guess = shingles(stream)
    tp = sum(min(n, gold.get(k, 0)) for k, n in guess.items())
    fp, fn = sum(guess.values()) - tp, sum(gold.values()) - tp
    within = sum(w for w, _, _ in kept)
    labels = gold_labels(segs, gold_text)
    for j, (s, t) in enumerate(zip(segs, toks)):
        if s['kind'] == 'Body' or not t:
            continue
        own = grams(t)
        if own:
            hit = sum(1 for g in own if left[g] > 0)
            if hit * 2 >= len(own):
                missed.append((hit, len(own), s))
                for g in own:
                    if left[g] > 0: left[g] -= 1
        elif labels[j]:
            missed.append((len(t), 0, s))
    whole = shingles([x for t in toks for x in t])  # the page's text, blocks joined in order
    unplaced = sum(max(0, n - whole.get(g, 0)) for g, n in gold.items())
    p = 1 if tp + fp == 0 else tp / (tp + fp)
    r = 1 if tp + fn == 0 else tp / (tp + fn)
    return p, r, fp, fn, kept, missed, unplaced, max(0, fp - within)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('dump')
    ap.add_argument('truth')
    ap.add_argument('--page')
    ap.add_argument('--width', type=int, default=160)
    ap.add_argument('--summary', action='store_true', help='one line per page, no blocks')
    a = ap.parse_args()
    truth = {k: v['articleBody'] for k, v in json.load(open(a.truth, encoding='utf-8')).items()}
    pages = collections.defaultdict(list)
    for line in open(a.dump, encoding='utf-8'):
        s = json.loads(line)
        pid = s['id'].rsplit('/', 1)[-1].removesuffix('.gz').removesuffix('.html')
        pages[pid].append(s)
    ids = sorted(k for k in truth if is_look(k) and (a.page is None or k == a.page))
    total_p = total_r = 0.0
    for pid in ids:
        segs = sorted(pages.get(pid, []), key=lambda s: s['i'])
        p, r, fp, fn, kept, missed, unplaced, joins = page_report(segs, truth[pid])
        total_p += p
        total_r += r
        print(f'== {pid}  P {p:.3f}  R {r:.3f}  fp {fp}  fn {fn}  blocks {len(segs)}  joins {joins}  gold not in the page text {unplaced}')
        if a.summary:
            continue
        for wrong, n, s in kept:
            print(f'  kept   {wrong:4}/{n:<4} {"A" if s["inA"] else "-"} {s["path"]}\n         {s["text"][:a.width]!r}')
        for hit, n, s in missed:
            print(f'  missed {hit:4}/{n:<4} {s["kind"]:<10} {"A" if s["inA"] else "-"} {s["path"]}\n         {s["text"][:a.width]!r}')
    if ids:
        pm, rm = total_p / len(ids), total_r / len(ids)
        print(f"look pages {len(ids)}  P {pm:.4f}  R {rm:.4f}  F1 {0 if pm + rm == 0 else 2 * pm * rm / (pm + rm):.4f}")


if __name__ == '__main__':
    main()
