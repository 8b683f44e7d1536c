"""Train the speaker ranker on PolNeAR train.

For every gold quote that the chain finds, each candidate mention is labelled
correct when it overlaps the gold Source span.  Only weights ship (a
{feature: weight} dict): PolNeAR has no licence, so none of its text may.
"""

from __future__ import annotations

from pathlib import Path

from quotes.attribution import candidates_for, feature_lists
from quotes.evaluate import match_quotes
from quotes.learn import train_ranker
from quotes.pipeline import analyse
from quotes.training.corpora import read_polnear, write_json_gz


def _overlaps(m, speaker: dict) -> bool:
    pieces = speaker.get("fragments") or [(speaker["start"], speaker["end"])]
    return any(m.start < b and a < m.end for a, b in pieces)


def ranking_groups(articles: list[dict]):
    """(candidate features, correct flags) per gold quote found; plus oracle counts."""
    groups, found, covered = [], 0, 0
    for art in articles:
        text = art["text"]
        analysis = analyse(text)
        preds = [{"start": s.start, "end": s.end} for s in analysis.spans]
        g2p, _ = match_quotes(text, art["quotes"], preds)
        p2g = {p: g for g, p in g2p.items()}
        previous = None
        for ctx, mentions in zip(analysis.contexts, analysis.mentions):
            gi = p2g.get(ctx.index)
            speaker = art["quotes"][gi]["speaker"] if gi is not None else None
            if speaker is None:
                continue
            found += 1
            candidates = candidates_for(ctx, mentions, previous)
            gold = [_overlaps(m, speaker) for m in candidates]
            if any(gold):
                covered += 1
                groups.append((feature_lists(ctx, candidates, previous), gold))
                previous = candidates[gold.index(True)]
            else:
                previous = None
    return groups, found, covered


def train(out_dir: Path) -> Path:
    groups, found, covered = ranking_groups(read_polnear("train"))
    print(f"ranker: {found} gold quotes with a speaker found, candidates cover {covered} ({covered / found:.1%})")
    weights = train_ranker(groups)
    return write_json_gz(out_dir / "ranker.json.gz", weights)
