"""First names and the gender news copy gives them, counted in PolNeAR train.

GUM's coreference chains give a reliable but small first-name table (a few dozen
names).  Many papers name people in full once, then by honorific and surname
(`Hillary Clinton` ... `Mrs. Clinton`).  We count, per first name, the honorifics
used with its surname in the same article (when the article gives that surname
one first name only: `Mr. Trump` is no clue to Ivanka beside Donald Trump), and
keep names seen at least twice and nearly always one way.  (Pronouns after a name were tried too: in campaign
news the next `he` or `she` is as often someone else, so they are left out.)
Only the table ships: first names and a letter each, no PolNeAR text.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from quotes.training.corpora import read_polnear

FULL_NAME = re.compile(r"\b([A-Z][a-z]{2,})\s+(?:[A-Z]\.\s+)?([A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?)\b")
HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+([A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?)\b")
HONORIFIC_GENDER = {"Mr": "m", "Mrs": "f", "Ms": "f", "Miss": "f"}
MIN_EVIDENCE = 2
AGREEMENT = 0.9


def news_gender(texts: list[str], ordinary: set[str]) -> dict[str, str]:
    """First name → "m"/"f" from the honorifics its surname takes in the same article."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for text in texts:
        surname_gender: dict[str, Counter] = defaultdict(Counter)
        for m in HONORIFIC.finditer(text):
            surname_gender[m.group(2)][HONORIFIC_GENDER[m.group(1)]] += 1
        firsts: dict[str, set[str]] = defaultdict(set)
        full = [m.groups() for m in FULL_NAME.finditer(text) if m.group(1).lower() not in ordinary]
        for first, last in full:
            firsts[last].add(first)
        for first, last in full:
            by_title = surname_gender.get(last)
            # `Mr. Trump` says nothing of Ivanka when the article names Donald Trump too
            if by_title and len(by_title) == 1 and len(firsts[last]) == 1:
                votes[first][next(iter(by_title))] += 1
    table = {}
    for first, counts in votes.items():
        total = sum(counts.values())
        gender, top = counts.most_common(1)[0]
        if total >= MIN_EVIDENCE and top >= AGREEMENT * total:
            table[first] = gender
    return table


def polnear_gender(ordinary: set[str]) -> dict[str, str]:
    return news_gender([a["text"] for a in read_polnear("train")], ordinary)
