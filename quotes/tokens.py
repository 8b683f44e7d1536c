"""Word tokens with character offsets, for the short stretches around quotes.

A regular expression is all we need and is fast: words keep their inner
hyphens and apostrophes (`Amir-Abdollahian`, `don't`), an initial keeps its
period (`Laurence H. Tribe`: no clause ends inside a name), a possessive `’s`
becomes its own token (`Iran` `’s`), a two-word reporting verb is one token
(`shot back`), and every other mark is one token.
"""

from __future__ import annotations

import re

from quotes.cues import PHRASAL_FORMS

# A reporting verb of two words is one token (`shot back`, `weighed in`), so it reads as one cue;
# not before `of` (`two points out of a playoff spot`).
_PHRASAL = "|".join(re.escape(form) for form in sorted(PHRASAL_FORMS, key=len, reverse=True))
_TOKEN = re.compile(rf"\b(?:{_PHRASAL})\b(?![-‐'’]|\s+of\b)|(?:[A-Za-z]\.){{2,}}|\b[A-Z]\.(?=[ \t]+[A-Z])"
                    rf"|\w+(?:[-‐'’.]\w+)*|[^\w\s]")
_POSSESSIVE = ("’s", "'s", "’S", "'S")


class Token:
    """A word or mark with its offsets; `tag` and `shape` are filled on first use
    (mentions.word_tag, attribution.path_shape): windows overlap, so tokens are shared."""

    __slots__ = ("start", "end", "text", "lower", "tag", "shape")

    def __init__(self, start: int, end: int, text: str):
        self.start, self.end, self.text = start, end, text
        self.lower = text.lower()
        self.tag = ""
        self.shape = ""

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of text[start:end] with offsets into text."""
    end = len(text) if end is None else end
    out: list[Token] = []
    for m in _TOKEN.finditer(text, start, end):
        s, e = m.span()
        word = text[s:e]
        if len(word) > 2 and word.endswith(_POSSESSIVE) and word[-3].isalpha():
            out.append(Token(s, e - 2, word[:-2]))
            out.append(Token(e - 2, e, word[-2:]))
        else:
            out.append(Token(s, e, word))
    return out
