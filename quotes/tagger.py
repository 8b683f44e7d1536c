"""A fast UPOS tagger for the words around quotations.

It only has to find noun-phrase edges, around every candidate, so it is dictionary
lookups rather than a statistical model.  The parser asks for one word at a time,
out of context (`word_tag`, `lexicon_tag`): the word's most frequent tag in UD EWT +
GUM, else a suffix+shape guess.  `tag` adds two rounds of corrections keyed by the
neighbours' tags for a whole sentence; `make measure` scores that (the accuracy in
quotes/models/README.md), but the parser never calls it.  Trained by
quotes/training/tagger.py.
"""

from __future__ import annotations

from functools import cache

from quotes.models import load_json


def shape(word: str) -> str:
    """Coarse shape class of a word: digit, punctuation, ALLCAPS, Capitalised, lower."""
    if any(c.isdigit() for c in word):
        return "d"
    if not any(c.isalpha() for c in word):
        return "p"
    if word[0].isupper():
        return "U" if len(word) > 1 and word.isupper() else "C"
    return "l"


class Tagger:
    def __init__(self, model: dict):
        self.lexicon: dict[str, str] = model["lexicon"]
        self.suffixes: dict[str, str] = model["suffixes"]
        self.context: list[dict[str, dict[str, str]]] = model["context"]

    def guess(self, word: str) -> str:
        """Tag of an unknown word from its shape and longest known suffix."""
        cls, low = shape(word), word.lower()
        for n in range(min(4, len(low)), -1, -1):
            tag = self.suffixes.get(cls + "|" + (low[-n:] if n else ""))
            if tag:
                return tag
        return "X"

    def lexicon_tag(self, word: str) -> str | None:
        lex = self.lexicon
        return lex.get(word) or lex.get(word.lower())

    def table_tags(self, words: list[str]) -> list[str]:
        lex = self.lexicon
        return [lex.get(w) or lex.get(w.lower()) or self.guess(w) for w in words]

    def tag(self, words: list[str]) -> list[str]:
        tags = self.table_tags(words)
        for rules in self.context:
            tags = correct(words, tags, rules)
        return tags


def correct(words: list[str], tags: list[str], rules: dict[str, dict[str, str]]) -> list[str]:
    """One round of context corrections; the most specific matching key wins."""
    out = tags[:]
    last = len(words) - 1
    for i, word in enumerate(words):
        by_context = rules.get(word.lower())
        if by_context:
            prev = tags[i - 1] if i else "<s>"
            nxt = tags[i + 1] if i < last else "</s>"
            out[i] = by_context.get(prev + " " + nxt) or by_context.get(prev + " ") or by_context.get(" " + nxt) or out[i]
    return out


@cache
def _tagger() -> Tagger:
    return Tagger(load_json("tagger.json.gz"))


def tag(words: list[str]) -> list[str]:
    """UD UPOS tags for one sentence's words (tokenised as in UD: `do n't`, `'s`)."""
    return _tagger().tag(words)


def lexicon_tag(word: str) -> str | None:
    """Most frequent UPOS of the word, exactly as written, in the training treebanks,
    or None for a word they do not have."""
    return _tagger().lexicon.get(word)


@cache
def word_tag(word: str) -> str:
    """The tag of a word out of context: its most frequent one, else a guess from its
    shape and suffix.  Cached, since the same words recur around every quote."""
    return _tagger().lexicon_tag(word) or _tagger().guess(word)
