"""Where the parser goes wrong on a gold file: counts by category, one example each.

    python -m quotes.training.error_report ../shared/corpora/polnear/dev.jsonl

Categories follow the scorer's view: a predicted quote that matches no gold quote
(split by what it looks like), a gold quote not found, and a found quote whose
speaker is wrong (split by the gold speaker's kind and by whether any candidate
mention covered the gold speaker at all).  Examples print a short window of the
article to the terminal only; nothing is written to the repository.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict

from quotes.attribution import candidates_for
from quotes.evaluate import _pieces, load_gold, match_quotes, speaker_checks, speaker_kind, system_quote
from quotes.pipeline import analyse, extract_quotes

WORD = re.compile(r"[\w’'-]+")


def _false_positive_kind(text: str, quote: dict) -> str:
    words = WORD.findall(quote["text"])
    if len(words) <= 4 and all(w[0].isupper() for w in words):
        return "quote not in gold: short title-case (title, name, slogan)"
    if len(words) <= 4:
        return "quote not in gold: short phrase (scare quote, term)"
    return "quote not in gold: longer stretch (speech the gold leaves unattributed, or a block quote)"


def report(articles: list[dict]) -> tuple[Counter, dict[str, str]]:
    counts: Counter = Counter()
    examples: dict[str, str] = {}
    by_kind: dict[str, Counter] = defaultdict(Counter)
    for art in articles:
        text = art["text"]
        predicted = [q.to_dict() for q in extract_quotes(text)]
        g2p, _ = match_quotes(text, art["quotes"], predicted)
        matched = set(g2p.values())
        for pi, q in enumerate(predicted):
            if pi not in matched:
                _count(counts, examples, _false_positive_kind(text, q), text, q["start"], q["end"])
        analysis = None
        for gi, gold in enumerate(art["quotes"]):
            if gi not in g2p:
                _count(counts, examples, "gold quote not found", text, gold["start"], gold["end"])
                continue
            speaker = gold.get("speaker")
            if not speaker:
                continue
            p = system_quote(predicted[g2p[gi]])
            kind = speaker_kind(text, _pieces(speaker))
            right = any(speaker_checks(text, speaker, p))
            by_kind[kind]["right" if right else "wrong"] += 1
            if right:
                continue
            analysis = analysis or analyse(text)
            covered = _covered(analysis, gold, speaker)
            label = f"wrong speaker: gold {kind}, " + ("a candidate had it" if covered else "no candidate had it")
            _count(counts, examples, label, text, min(gold["start"], speaker["start"]), gold["end"],
                   f"  [gold {speaker['text']!r}, predicted {p['speaker']!r}]")
    return counts, examples


def _covered(analysis, gold: dict, speaker: dict) -> bool:
    for ctx, mentions in zip(analysis.contexts, analysis.mentions):
        if ctx.quote.start <= gold["start"] < ctx.quote.end or gold["start"] <= ctx.quote.start < gold["end"]:
            pieces = _pieces(speaker)
            return any(m.start < b and a < m.end for m in candidates_for(ctx, mentions, None) for a, b in pieces)
    return False


def _count(counts: Counter, examples: dict, label: str, text: str, start: int, end: int, note: str = "") -> None:
    counts[label] += 1
    if label not in examples:
        snippet = text[max(0, start - 80):min(len(text), end + 40)].replace("\n", " ")
        examples[label] = (snippet[:260] + ("…" if len(snippet) > 260 else "")) + note


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold")
    parser.add_argument("--examples", action="store_true", help="print one example of each category")
    args = parser.parse_args(argv)
    articles = load_gold(args.gold)
    counts, examples = report(articles)
    total = sum(counts.values())
    print(f"{total} errors in {len(articles)} articles")
    for label, n in counts.most_common():
        print(f"  {n:4d}  {label}")
        if args.examples:
            print(f"          e.g. {examples[label]}")


if __name__ == "__main__":
    main()
