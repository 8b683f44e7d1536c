"""Word tokens with character offsets, for the short stretches around quotes.

A regular expression is all we need and is fast: words keep their inner
hyphens and apostrophes (`Amir-Abdollahian`, `don't`), a possessive `’s`
becomes its own token (`Iran` `’s`), and every other mark is one token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:[-‐'’.]\w+)*|[^\w\s]")
_POSSESSIVE = re.compile(r"[’']s$", re.IGNORECASE)


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    lower: str = ""
    tag: str = ""  # coarse part of speech, filled on first use (mentions.word_tag)

    def __post_init__(self):
        self.lower = self.text.lower()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of text[start:end] with offsets into text."""
    end = len(text) if end is None else end
    out: list[Token] = []
    for m in _TOKEN.finditer(text, start, end):
        s, e, word = m.start(), m.end(), m.group()
        if len(word) > 2 and _POSSESSIVE.search(word) and word[-3].isalpha():
            out.append(Token(s, e - 2, word[:-2]))
            out.append(Token(e - 2, e, word[-2:]))
        else:
            out.append(Token(s, e, word))
    return out
