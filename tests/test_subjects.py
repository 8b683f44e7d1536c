"""Which reporting verb a mention is the subject of (attribution.verb_after).

The ranker leans on this: a name wrongly read as the subject of `said` takes the
quote.  Each case gives a phrase, the mention (by its words), and the cue lemma it
governs, or None when the mention is the subject of no reporting verb.
"""

import pytest

from quotes.attribution import verb_after
from quotes.tokens import tokenize


def _verb_of(phrase: str, mention: str) -> str | None:
    tokens = tokenize(phrase)
    end = phrase.index(mention) + len(mention)
    last = max(i for i, t in enumerate(tokens) if t.end <= end)
    found = verb_after(tokens, last + 1)
    return found[0] if found else None


@pytest.mark.parametrize("phrase,mention,cue", [
    ("Marsh criticized Becker and said the plan was flawed", "Becker", None),
    ("Marsh and Becker said the plan was flawed", "Becker", "say"),
    ("Ostrowski backed it in March, but only after weeks of doubt, telling donors", "March", None),
    ("Ostrowski, the senior senator from Ohio, said", "Ostrowski", "say"),
    ("Ostrowski, speaking to reporters, said", "Ostrowski", "say"),
    ("Ostrowski, Clinton's aide who served in Ohio, said", "Ostrowski", "say"),
    ("Like Ostrowski, Delgado also opposed the bill, arguing", "Ostrowski", None),
    ("Clinton, who was in Ohio, did not mention him, but told voters", "Ohio", None),
    ("before Francis' remarks about him", "Francis", None),
    ("before Francis remarks on it", "Francis", "remark"),
    ("Cooper called for releasing the videos, as well, saying", "the videos", None),
    ("Trump, while visiting Ohio, called", "Trump", "call"),
    ("Another critic, Laurence H. Tribe, likened", "Another critic", "liken"),
    ("Smith, Ohio's retired governor, said", "Smith", "say"),
    ("Ostrowski, the senior senator, speaking to reporters, said", "Ostrowski", "say"),
    ("The record label said", "The record label", "say"),
    ("Sunak defended the record whilst promising", "the record", None),
    ("Governor Mary Fallin (R-OK) said", "Mary Fallin", "say"),
    ("Rep. Glenn Thompson, R-Pa., said", "Glenn Thompson", "say"),
    ("voter Stephanie Hooton of Derry, N.H., said", "Stephanie Hooton of Derry", "say"),
    ("Thompson, who left Washington D.C. Later he said", "Thompson", None),
    ("Clinton, 35, the daughter of the former president, said", "Clinton", "say"),
    ("After meeting Obama, Clinton, 35, said", "Obama", None),
    ("Clinton, 35, the daughter of the former president, and her husband said", "Clinton", None),
    ("Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said", "McCaskill", "say"),
    ("the Environmental Protection Agency (EPA), which regulates it, said", "Agency", "say"),
    ("Fallin (whose term ends in January when the legislature meets again) said", "Fallin", None),
])
def test_subject_of_reporting_verb(phrase, mention, cue):
    assert _verb_of(phrase, mention) == cue


def test_an_unknown_capitalised_word_is_no_function_word():
    """`Cruz` looks like a subordinator to the suffix guesser; only known words keep a closed-class tag."""
    from quotes.pipeline import analyse
    analysis = analyse("“That can go a long way,” said a senior Cruz adviser.")
    assert [m.text for m in analysis.mentions[0]] == ["a senior Cruz adviser"]
