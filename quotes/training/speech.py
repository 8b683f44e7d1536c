"""Train the speech classifier on PolNeAR train.

A quoted stretch is speech when it matches a gold quote; stretches the
annotators left out (titles, nicknames, scare quotes) are the negatives.
Features include the trained ranker's confidence, so train the ranker first.
"""

from __future__ import annotations

from pathlib import Path

from quotes.evaluate import match_quotes
from quotes.learn import train_binary
from quotes.pipeline import analyse, attribute_all, speech_features_of
from quotes.training.corpora import read_polnear, write_json_gz


SPEECH_EPOCHS = 8
SPEECH_LR = 0.1


def speech_examples(articles: list[dict]):
    examples = []
    for art in articles:
        text = art["text"]
        analysis = analyse(text)
        choices = attribute_all(analysis)
        preds = [{"start": s.start, "end": s.end} for s in analysis.spans]
        g2p, _ = match_quotes(text, art["quotes"], preds)
        matched = set(g2p.values())
        for k, ctx in enumerate(analysis.contexts):
            examples.append((speech_features_of(analysis, ctx, choices[k]), k in matched))
    return examples


def train(out_dir: Path) -> Path:
    examples = speech_examples(read_polnear("train"))
    positives = sum(1 for _, label in examples if label)
    print(f"speech: {len(examples)} quoted stretches, {positives} speech, {len(examples) - positives} not")
    weights = train_binary(examples, epochs=SPEECH_EPOCHS, lr=SPEECH_LR)
    return write_json_gz(out_dir / "speech.json.gz", weights)
