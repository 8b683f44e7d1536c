import json, sys, collections
sys.path.insert(0, '.')
from quotes.sentences import split_paragraphs
from quotes.quote_spans import find_quote_spans
sys.path.insert(0, '../shared/tools')
from quote_score import match_quotes
split = sys.argv[1] if len(sys.argv) > 1 else 'train'
arts = [json.loads(l) for l in open(f'../shared/corpora/polnear/{split}.jsonl')]
G = P = M = 0
miss = []
for a in arts:
    t = a['text']
    spans = find_quote_spans(t, split_paragraphs(t))
    preds = [{'start': s.start, 'end': s.end} for s in spans]
    g2p, _ = match_quotes(t, a['quotes'], preds)
    G += len(a['quotes']); P += len(preds); M += len(g2p)
    for gi, q in enumerate(a['quotes']):
        if gi not in g2p:
            miss.append((a['id'], t[max(0, q['start'] - 60):q['end'] + 30]))
print('gold', G, 'spans', P, 'matched', M, 'recall %.4f' % (M / G))
for m in miss[:int(sys.argv[2]) if len(sys.argv) > 2 else 15]:
    print(repr(m[1]))
