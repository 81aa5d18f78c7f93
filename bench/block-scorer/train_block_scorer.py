#!/usr/bin/env python3
"""A learned block scorer for the HTML classifier, trained on extraction-dev's look pages only (issue 14, twelfth pass).

Reads a dump of every segment the HTML walker made and the label HtmlBlockClassifier gave it (apply diag.patch, build,
run `TRI_DIAG=FILE triangulate eval extraction DIR`), labels each block from the gold text (main when half its 4-token
shingles are in the gold; a line under 4 tokens when the shingles it makes with the 3 tokens before or after it are), and
fits an L2 logistic regression (Newton steps, no numpy) with 5-fold cross-validation grouped by page, inside the look
part, over the regularisation strength. Two modes:

  corrector  in-article blocks; the hand label and the neighbours' hand labels are features (their weights and the bias
             not penalised), and the model overrides the hand label only where it is sure (p >= hi or p <= lo);
  decider    every block (or --in-article); no hand label among the features; the model decides outright (p >= 0.5).

Features are general: length, link density, commas, tag (p, li, td, heading), ancestor flags (in.*), class-word kinds
(kind.*), a hint, sentence end, capital start, digit share, the neighbours' paragraph flag and length, and the own
element's class/id words only from a fixed generic vocabulary (comment, share, related, caption, ...), no site names.
Figures are the benchmark's rule (the CLI's ExtractionScorer), re-scored here from the dump: page means of 4-shingle
precision and recall. Held-back pages are scored only with --held, once, for the configuration given.

  python3 train_block_scorer.py DUMP GROUND_TRUTH [--mode corrector|decider] [--in-article] [--held LAMBDA] [--weights OUT]
"""
import argparse, collections, json, math, random, re

WORD = re.compile(r'\w+')
VOCAB = {'comment', 'share', 'social', 'related', 'caption', 'footer', 'nav', 'menu', 'promo', 'byline', 'author', 'date',
         'time', 'meta', 'tag', 'tags', 'ad', 'ads', 'advert', 'newsletter', 'subscribe', 'widget', 'credit', 'photo',
         'image', 'gallery', 'video', 'embed', 'title', 'headline', 'summary', 'intro', 'lead', 'body', 'content', 'text',
         'article', 'story', 'post', 'entry', 'quote', 'list', 'more', 'read', 'sidebar', 'box'}
KINDS = {'Body', 'Navigation', 'Related', 'Caption', 'Title', 'Other', 'Dateline', 'Credit', 'Advert', 'Comment', 'Byline', 'Teaser'}
FLAGS = ['in.list', 'in.nav', 'in.header', 'in.footer', 'in.aside', 'in.figure', 'in.blockquote', 'in.table', 'in.form',
         'in.link', 'in.article', 'in.main', 'kind.navigation', 'kind.other', 'kind.related', 'kind.advert', 'kind.teaser',
         'kind.byline', 'kind.comment', 'kind.caption']


def is_look(page_id):  # EvaluationSplit: FNV-1a over UTF-16 code units, even = look
    h = 2166136261
    for unit in page_id.encode('utf-16-le')[::2]:
        h = ((h ^ unit) * 16777619) & 0xffffffff
    return h & 1 == 0


def shingles(tokens):
    return collections.Counter(tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3))


def score(pages, truth, is_body, ids):
    """Page means of shingle precision and recall, and their harmonic mean, as ExtractionScorer computes them."""
    total_p = total_r = 0.0
    for pid in ids:
        guess = shingles([t for s in pages[pid] if is_body(s) for t in WORD.findall(s['text'])])
        gold = shingles(WORD.findall(truth[pid]))
        tp = sum(min(n, gold.get(k, 0)) for k, n in guess.items())
        fp = sum(guess.values()) - tp
        fn = sum(gold.values()) - tp
        total_p += 1 if tp + fp == 0 else tp / (tp + fp)
        total_r += 1 if tp + fn == 0 else tp / (tp + fn)
    p, r = total_p / len(ids), total_r / len(ids)
    return p, r, 2 * p * r / (p + r)


def gold_labels(segs, gold_text):
    gold = set(shingles(WORD.findall(gold_text)))
    toks = [WORD.findall(s['text']) for s in segs]
    def mostly_gold(t):
        sh = [tuple(t[k:k + 4]) for k in range(len(t) - 3)]
        return bool(sh) and sum(x in gold for x in sh) * 2 >= len(sh)
    labels = []
    for j, t in enumerate(toks):
        if not t: labels.append(None)
        elif len(t) >= 4: labels.append(mostly_gold(t))
        else:
            before = [x for tt in toks[max(0, j - 3):j] for x in tt][-3:]
            after = [x for tt in toks[j + 1:j + 4] for x in tt][:3]
            labels.append(mostly_gold(before + t) or mostly_gold(t + after))
    return labels


def class_words(path):
    last = (path or '').rsplit('/', 1)[-1]
    names = last[last.find(']') + 1:] if ']' in last else ''
    return {w.lower() for part in re.split(r'[#.]', names) for w in re.findall(r'[A-Z]?[a-z]+|[A-Z]+(?![a-z])', part)}


def features(segs, j, hand):
    s, f, text = segs[j], segs[j]['f'], segs[j]['text']
    length = max(1, f.get('length', len(text)))
    x = {'bias': 1, 'loglen': math.log1p(length) / 5, 'ld': f.get('linkDensity', 0),
         'commas': min(3, f.get('commas', 0) * 100 / length) / 3, 'p': f.get('p', 0), 'li': f.get('li', 0),
         'td': f.get('td', 0), 'h': 1 if f.get('heading') else 0, 'hint': 1 if s['hint'] else 0,
         'endsent': 1 if text.rstrip()[-1:] in ('.', '!', '?', '"', '\u201d') else 0, 'upper': 1 if text[:1].isupper() else 0,
         'digits': sum(c.isdigit() for c in text) / len(text), 'short': 1 if length < 70 else 0, 'inA': 1 if s['inA'] else 0}
    for k in FLAGS: x[k] = f.get(k, 0)
    for w in class_words(s['path']) & VOCAB: x['c.' + w] = 1
    if hand: x['k.' + (s['kind'] if s['kind'] in KINDS else 'misc')] = 1
    for name, k in (('prev', j - 1), ('next', j + 1)):
        if not 0 <= k < len(segs): x[name + '.none'] = 1; continue
        n = segs[k]
        x[name + '.p'] = n['f'].get('p', 0)
        x[name + '.loglen'] = math.log1p(n['f'].get('length', 0)) / 5
        if hand:
            x[name + '.body'] = 1 if n['kind'] == 'Body' else 0
            x[name + '.longbody'] = 1 if n['kind'] == 'Body' and n['f'].get('length', 0) >= 70 else 0
    return {k: v for k, v in x.items() if v}


def fit(rows, lam, free):
    """L2-penalised logistic regression by Newton steps; the features in `free` are not penalised."""
    names = sorted({k for _, _, x, _ in rows for k in x})
    at = {n: i for i, n in enumerate(names)}
    d, w = len(names), [0.0] * len(names)
    data = [([(at[k], v) for k, v in x.items()], y) for _, _, x, y in rows]
    for _ in range(30):
        g, h = [0.0] * d, [[0.0] * d for _ in range(d)]
        for xi, y in data:
            p = 1 / (1 + math.exp(-max(-30, min(30, sum(w[i] * v for i, v in xi)))))
            for i, v in xi:
                g[i] += (p - y) * v
                for k, u in xi: h[i][k] += p * (1 - p) * v * u
        for i in range(d):
            reg = 1e-6 if names[i] in free else lam
            g[i] += (0 if names[i] in free else lam * w[i]); h[i][i] += reg
        a = [h[i] + [g[i]] for i in range(d)]  # Gauss-Jordan on [H | g]
        for c in range(d):
            piv = max(range(c, d), key=lambda r: abs(a[r][c])); a[c], a[piv] = a[piv], a[c]
            for r in range(d):
                if r != c and a[r][c]:
                    m = a[r][c] / a[c][c]
                    a[r] = [x - m * y for x, y in zip(a[r], a[c])]
        step = [a[i][d] / a[i][i] for i in range(d)]
        w = [x - y for x, y in zip(w, step)]
        if max(map(abs, step)) < 1e-6: break
    return dict(zip(names, w))


def prob(model, x):
    return 1 / (1 + math.exp(-max(-30, min(30, sum(model.get(k, 0) * v for k, v in x.items())))))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('dump'); ap.add_argument('truth')
    ap.add_argument('--mode', choices=['corrector', 'decider'], default='corrector')
    ap.add_argument('--in-article', action='store_true', help='decider: train and decide on in-article blocks only')
    ap.add_argument('--lambdas', default='0.3,1,3,10,30,100')
    ap.add_argument('--held', type=float, metavar='LAMBDA', help='fit on all look pages and score the held-back part once')
    ap.add_argument('--weights', metavar='OUT', help='write the weights fitted on all look pages (with --held) as JSON')
    args = ap.parse_args()
    truth = {k: v['articleBody'] for k, v in json.load(open(args.truth, encoding='utf-8')).items()}
    pages = collections.OrderedDict()
    for line in open(args.dump, encoding='utf-8'):
        s = json.loads(line); pages.setdefault(s['id'], []).append(s)
    look = sorted(p for p in pages if is_look(p)); held = sorted(p for p in pages if not is_look(p))
    hand = args.mode == 'corrector'
    in_article = hand or args.in_article
    free = {'bias', 'k.Body'} if hand else {'bias'}

    def rows_of(ids):
        out = []
        for pid in ids:
            segs, labels = pages[pid], gold_labels(pages[pid], truth[pid])
            out += [(pid, j, features(segs, j, hand), int(labels[j])) for j, s in enumerate(segs)
                    if labels[j] is not None and (s['inA'] or not in_article)]
        return out

    def decide(pred, lo, hi):
        def is_body(s):
            p = pred(s)
            if p is None or lo < p < hi: return s['kind'] == 'Body'
            return p >= hi
        return is_body

    rows = rows_of(look)
    hand_acc = sum((pages[pid][j]['kind'] == 'Body') == y for pid, j, _, y in rows) / len(rows)
    print(f'mode {args.mode}: {len(rows)} look blocks, {sum(r[3] for r in rows)} main; hand rules\' block accuracy {hand_acc:.4f}')
    print('look, hand rules: P/R/F1 %.4f/%.4f/%.4f' % score(pages, truth, lambda s: s['kind'] == 'Body', look))
    cuts = [(0.5, 0.5), (0.3, 0.7), (0.2, 0.8)] if hand else [(0.5, 0.5)]
    if args.held is None:
        order = sorted(look); random.Random(1).shuffle(order)
        fold = {p: i % 5 for i, p in enumerate(order)}
        for lam in map(float, args.lambdas.split(',')):
            oof = {}
            for k in range(5):
                model = fit([r for r in rows if fold[r[0]] != k], lam, free)
                oof.update({(pid, j): prob(model, x) for pid, j, x, _ in rows if fold[pid] == k})
            acc = sum((oof[(pid, j)] >= 0.5) == y for pid, j, _, y in rows) / len(rows)
            figures = ['p<=%.1f|>=%.1f %.4f/%.4f/%.4f' % ((lo, hi) + score(pages, truth, decide(lambda s: oof.get((s['id'], s['i'])), lo, hi), look))
                       for lo, hi in cuts]
            print(f'lambda {lam:g}: cross-validated block accuracy {acc:.4f}; look P/R/F1', '; '.join(figures))
        return
    model = fit(rows, args.held, free)
    def pred(s):
        return prob(model, features(pages[s['id']], s['i'], hand)) if s['inA'] or not in_article else None
    for lo, hi in cuts:
        is_body = decide(pred, lo, hi)
        moved = sum(is_body(s) != (s['kind'] == 'Body') for p in pages.values() for s in p)
        print('p<=%.1f|>=%.1f look in-sample %.4f/%.4f/%.4f' % ((lo, hi) + score(pages, truth, is_body, look)),
              'held-back %.4f/%.4f/%.4f' % score(pages, truth, is_body, held), f'(lines relabelled: {moved})')
    print('weights, largest first:', ', '.join(f'{k} {v:+.2f}' for k, v in sorted(model.items(), key=lambda kv: -abs(kv[1]))[:20]))
    if args.weights: json.dump(model, open(args.weights, 'w'), indent=1, sort_keys=True)


if __name__ == '__main__':
    main()
