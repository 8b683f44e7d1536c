"""Five-fold cross-validation of the speaker ranker and the speech classifier on PolNeAR train.

    python -m quotes.training.crossval [--thresholds 0.5,0.6,0.7,0.8,0.9]

The ranker and the speech classifier are retrained on four fifths of train and
scored on the fifth, five times.  Prints quote P/R/F1, speaker accuracy on
matched quotes, end-to-end P/R/F1 (the reference scorer's definitions), and
accuracy by quote type and by whether the quote's sentence has a cue; with
--thresholds, quote F1 and end-to-end P/R/F1 at each speech threshold too.  This
is the figure to develop against; PolNeAR dev is for measuring.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter

from quotes import attribution, speech
from quotes.attribution import candidates_for, choose, generic_of, subject_verb
from quotes.evaluate import match_quotes, score
from quotes.learn import train_binary, train_ranker
from quotes.pipeline import SPEECH_THRESHOLD, analyse, extract_quotes
from quotes.training.corpora import read_polnear
from quotes.training.ranker import _overlaps, ranking_groups
from quotes.training.speech import SPEECH_EPOCHS, SPEECH_LR, speech_examples

FOLDS = 5
SEED = 11


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--thresholds", default="", help="speech thresholds to compare, comma-separated")
    thresholds = [float(t) for t in parser.parse_args().thresholds.split(",") if t]
    swept: dict[float, Counter] = {t: Counter() for t in thresholds}
    articles = read_polnear("train")
    random.Random(SEED).shuffle(articles)
    totals: Counter = Counter()
    by_kind: Counter = Counter()
    for fold in range(FOLDS):
        held = articles[fold::FOLDS]
        rest = [a for i, a in enumerate(articles) if i % FOLDS != fold]
        groups, _, _ = ranking_groups(rest)
        weights = train_ranker(groups)
        attribution.ranker_weights = lambda weights=weights: weights  # the fold's ranker for the pipeline
        speech_weights = train_speech(rest)
        speech.speech_weights = lambda speech_weights=speech_weights: speech_weights
        system = {a["id"]: [q.to_dict() for q in extract_quotes(a["text"])] for a in held}
        figures = score(held, system)
        totals["matched"] += figures["speaker"]["matched_with_gold_speaker"]
        totals["right"] += figures["speaker"]["either_correct"]
        for key in ("matched", "predicted", "gold"):
            totals["quotes_" + key] += figures["quotes"][key]
        for key in ("correct", "predicted", "gold"):
            totals["e2e_" + key] += figures["end_to_end"][key]
        _by_construction(held, by_kind)
        for threshold in thresholds:
            at = score(held, {a["id"]: [q.to_dict() for q in extract_quotes(a["text"], threshold)] for a in held})
            for key in ("matched", "predicted", "gold"):
                swept[threshold]["quotes_" + key] += at["quotes"][key]
            for key in ("correct", "predicted", "gold"):
                swept[threshold]["e2e_" + key] += at["end_to_end"][key]
    print(f"{FOLDS}-fold cross-validation on PolNeAR train ({len(articles)} articles)")
    print(f"  quotes      {_prf(totals, 'quotes_matched', 'quotes_predicted', 'quotes_gold')}")
    print(f"  speaker accuracy on matched quotes  {totals['right'] / totals['matched']:.1%}")
    print(f"  end-to-end  {_prf(totals, 'e2e_correct', 'e2e_predicted', 'e2e_gold')}")
    print("  speaker mention right (the ranker's pick, before the decision by entity), by kind of quote:")
    for (qtype, cue) in sorted({k[:2] for k in by_kind if k[0] != "nested"}):
        right, wrong, missing = (by_kind[(qtype, cue, x)] for x in ("right", "wrong", "uncovered"))
        n = right + wrong + missing
        print(f"    {qtype:8} {'cue in sentence' if cue else 'no cue in sentence':18} {n:5d} quotes  "
              f"{right / n:6.1%} right, {wrong} wrong, {missing} with no candidate")
    if thresholds:
        print(f"  by speech threshold (the pipeline's is {SPEECH_THRESHOLD}):")
    for threshold, counts in swept.items():
        print(f"    {threshold:.2f}  quotes {_prf(counts, 'quotes_matched', 'quotes_predicted', 'quotes_gold')}")
        print(f"          end-to-end {_prf(counts, 'e2e_correct', 'e2e_predicted', 'e2e_gold')}")
    print(f"  partial quotes after two reporting subjects (`X said Y called it “…”`): gold names the outer "
          f"{by_kind['nested', 'outer']} times, the inner {by_kind['nested', 'inner']}, another "
          f"{by_kind['nested', 'other']}")


def _prf(totals: Counter, right: str, predicted: str, gold: str) -> str:
    p = totals[right] / totals[predicted] if totals[predicted] else 0.0
    r = totals[right] / totals[gold] if totals[gold] else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.1%}  R {r:.1%}  F1 {f1:.1%}  ({totals[right]} / {totals[predicted]} / {totals[gold]})"


def train_speech(articles: list[dict]) -> dict[str, float]:
    return train_binary(speech_examples(articles), epochs=SPEECH_EPOCHS, lr=SPEECH_LR)


def _by_construction(held: list[dict], counts: Counter) -> None:
    for art in held:
        analysis = analyse(art["text"])
        preds = [{"start": s.start, "end": s.end} for s in analysis.spans]
        g2p, _ = match_quotes(art["text"], art["quotes"], preds)
        p2g = {p: g for g, p in g2p.items()}
        previous = None
        for ctx, mentions in zip(analysis.contexts, analysis.mentions):
            gi = p2g.get(ctx.index)
            speaker = art["quotes"][gi]["speaker"] if gi is not None else None
            candidates = candidates_for(ctx, mentions, previous)
            key = (ctx.quote_type, ctx.frame_has_cue)
            best = choose(ctx, mentions, previous).mention  # the ranker's pick (labels too), before decide()
            if best is None:
                if speaker:
                    counts[key + ("uncovered",)] += 1
                continue
            previous = best
            if not speaker:
                continue
            _count_nested(ctx, mentions, speaker, counts)
            if _overlaps(best, speaker):
                counts[key + ("right",)] += 1
            elif any(_overlaps(m, speaker) for m in candidates + ([ctx.label] if ctx.label else [])):
                counts[key + ("wrong",)] += 1
            else:
                counts[key + ("uncovered",)] += 1


def _count_nested(ctx, mentions, speaker: dict, counts: Counter) -> None:
    """Which of two reporting subjects before a partial quote does the gold take?"""
    if ctx.quote_type != "partial":
        return
    subjects = []
    for m in mentions:
        if ctx.sentence_of[m.first] == 0 and m.last < ctx.quote_token:
            verb = subject_verb(ctx, m)
            if verb is not None and generic_of(verb[0]) == "CUE" and verb[1] < ctx.quote_token:
                subjects.append(m)
    if len(subjects) < 2:
        return
    outer, inner = subjects[0], subjects[-1]
    counts["nested", "outer" if _overlaps(outer, speaker) else "inner" if _overlaps(inner, speaker) else "other"] += 1


if __name__ == "__main__":
    main()
