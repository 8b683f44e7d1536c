"""Acceptance: the article the user started from, checked against its gold.

The gold's offsets index the raw file; our article text is the body slice of
that file, so quotes are compared by their text and checked against our
offsets.
"""

import json
from pathlib import Path

import pytest

from quotes.pipeline import parse_article
from quotes.readers.plaintext import read_plain_text

SEED = Path(__file__).parent / "fixtures" / "seed"
GOLD = json.loads((SEED / "iraqi-militias-2023-10-18.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def article():
    path = SEED / "iraqi-militias-2023-10-18.txt"
    return parse_article(read_plain_text(path.read_text(encoding="utf-8"), str(path)))


def test_metadata(article):
    assert article.title == GOLD["article"]["title"]
    assert article.published == GOLD["article"]["date"]
    assert article.author == GOLD["article"]["author"]
    assert GOLD["article"]["body_ends_before"] not in article.text
    for tag in GOLD["article"]["tags"]:
        assert not article.text.startswith(tag)


def test_exactly_the_gold_quotes(article):
    assert [q.text for q in article.quotes] == [g["text"] for g in GOLD["quotes"]]
    for q in article.quotes:
        assert article.text[q.start:q.end] == q.text


@pytest.mark.parametrize("gold", GOLD["quotes"], ids=lambda g: g["text"][:30])
def test_quote_attribution(article, gold):
    q = next(q for q in article.quotes if q.text == gold["text"])
    assert q.type == gold["type"]
    assert q.speaker == gold["speaker"]
    assert q.speaker_kind == gold["speaker_kind"]
    assert q.role == gold.get("role")
    assert q.organization == gold.get("organization")
    if "mention" in gold:
        assert article.text[q.speaker_start:q.speaker_end] == gold["mention"]["text"]
    assert 0.0 <= q.confidence <= 1.0


@pytest.mark.parametrize("gold", GOLD["not_quotes"], ids=lambda g: g["text"])
def test_not_quotes(article, gold):
    assert gold["text"] not in [q.text for q in article.quotes]


@pytest.mark.parametrize("gold", GOLD["speakers"], ids=lambda g: g["name"])
def test_speakers_with_their_aliases(article, gold):
    speaker = next(s for s in article.speakers if s.name == gold["name"])
    assert speaker.kind == gold["kind"]
    assert set(gold.get("aliases", [])) <= set(speaker.aliases)
    assert speaker.role == gold.get("role")
    assert speaker.organization == gold.get("organization")
