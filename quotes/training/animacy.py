"""Which common nouns name people or groups: a lexicon from GUM's entity annotations
(train, CC BY genres only; see corpora.read_gum).

GUM types every noun phrase (person, organization, object, abstract, ...).  The
head noun of each typed mention votes for its type, so `organizer` comes out a
person noun and `drone` an object noun.  The attribution ranker uses this to
tell a possible speaker (`the organizers said`) from a thing (`two drones
were intercepted`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from quotes.training.corpora import read_gum, read_mentions, write_json_gz

AGENT_TYPES = {"person", "organization"}
MIN_COUNT = 2


def head_index(tokens, start: int, end: int) -> int:
    """The token of [start, end) whose syntactic head lies outside the span."""
    for i in range(start, end):
        if not start <= tokens[i].head < end:
            return i
    return end - 1


def train(out_dir: Path) -> Path:
    votes: dict[str, Counter] = defaultdict(Counter)
    for doc in read_gum("train"):
        for sentence in doc.sentences:
            for mention in read_mentions(sentence):
                tok = sentence.tokens[head_index(sentence.tokens, mention.start, mention.end)]
                if tok.upos == "NOUN":
                    votes[tok.form.lower()][mention.etype] += 1
    lexicon = {}
    for noun, counts in votes.items():
        total = sum(counts.values())
        if total < MIN_COUNT:
            continue
        agent = sum(counts[t] for t in AGENT_TYPES)
        lexicon[noun] = "agent" if agent * 2 > total else "thing"
    return write_json_gz(out_dir / "animacy.json.gz", lexicon)
