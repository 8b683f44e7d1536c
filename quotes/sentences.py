"""Paragraphs and sentences with character offsets.

Paragraphs are cheap (line breaks) and computed for the whole article;
sentences come from the shipped Punkt model and are computed only for the
paragraphs that need them (those with quotes or cues), and cached.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from quotes.cues import INVERTING, VERB_FORMS
from quotes.models import punkt
from quotes.names import first_name_gender
from quotes.tagger import lexicon_tag

Span = tuple[int, int]

_LINE = re.compile(r"[^\n]+")


def split_paragraphs(text: str) -> list[Span]:
    """Non-empty lines, trimmed; a line starting in lower case continues the one before
    (a hard line wrap), as in PolNeAR and e-mailed copy."""
    out: list[Span] = []
    for m in _LINE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        if out and text[start].islower() and text[out[-1][0]:start].count("\n") == 1:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def split_sentences(text: str, paragraph: Span) -> list[Span]:
    """Punkt sentence spans inside one paragraph, as offsets into text; Punkt's breaks after
    a middle initial (`said Laurence H.` | `Tribe, professor of ...`) and between a quoted
    question and its speaker (`“Who are they?”` | `Trump said.`) are mended, as is a sentence
    that is one quote closed by a full stop, followed by a sentence that is only its
    attribution (`“… missing.”` | `Trump said.`)."""
    start, end = paragraph
    out: list[Span] = []
    for s, e in punkt().span_tokenize(text[start:end]):
        if out and (_after_middle_initial(text, out[-1]) and _name_goes_on(text, start + s)
                    or _QUOTED_QUESTION.search(text, max(out[-1][0], out[-1][1] - 4), out[-1][1])
                    and _attribution_follows(text, start + s)
                    or text[out[-1][0]] in _OPENING_QUOTES
                    and _QUOTED_STATEMENT.search(text, max(out[-1][0], out[-1][1] - 4), out[-1][1])
                    and _bare_attribution(text, start + s, start + e)):
            out[-1] = (out[-1][0], start + e)
        else:
            out.append((start + s, start + e))
    return out


_QUOTED_QUESTION = re.compile(r"[?!][”\"’']+$")
_OPENING_QUOTES = "“\"‘'"
_QUOTED_STATEMENT = re.compile(r"\.[”\"’']+$")
_BARE_ATTRIBUTION = re.compile(r"((?:[A-Z][\w.’'-]*\s+){1,5})(\w+)\.")
_NAMED_VERB = re.compile(r"((?:[A-Z][\w.’'-]*\s+){1,5})(\w+)")


def _attribution_follows(text: str, pos: int) -> bool:
    """A name and a reporting verb (`Trump said`, `Sen. Ted Cruz asked`), or any lower-case
    word (`asked Sen. Barbara Mikulski`, `she said`): the quote's own attribution, not a
    new sentence."""
    if text[pos].islower():
        return True
    m = _NAMED_VERB.match(text, pos)
    return (m is not None and m.group(2).lower() in VERB_FORMS
            and lexicon_tag(m.group(1).split()[0].lower()) not in _OPENERS)


def _bare_attribution(text: str, start: int, end: int) -> bool:
    """A sentence that is only a speaker and a verb of saying (`Trump said.`, `He added.`;
    not `Smith agreed.`)."""
    m = _BARE_ATTRIBUTION.fullmatch(text, start, end)
    return m is not None and VERB_FORMS.get(m.group(2).lower()) in INVERTING and (
        m.group(1).strip().lower() in ("he", "she", "they")
        or lexicon_tag(m.group(1).split()[0].lower()) not in _OPENERS)


_MIDDLE_INITIAL = re.compile(r"\b([A-Z][a-z]+) [A-Z]\.$")
_WORD = re.compile(r"[A-Z][a-z]+")
_OPENERS = {"DET", "PRON", "ADP", "SCONJ", "CCONJ", "ADV", "AUX", "PART"}


def _after_middle_initial(text: str, sentence: Span) -> bool:
    """A sentence ending in a first name and an initial (`said Laurence H.`), not in `Terminal C.`"""
    m = _MIDDLE_INITIAL.search(text, max(sentence[0], sentence[1] - 30), sentence[1])
    return m is not None and first_name_gender(m.group(1)) is not None


def _name_goes_on(text: str, pos: int) -> bool:
    """A capitalised word that is no sentence opener (`The`, `He`, `In`): a surname."""
    m = _WORD.match(text, pos)
    return m is not None and lexicon_tag(m.group().lower()) not in _OPENERS


class Layout:
    """Paragraphs of one article, with sentences split on demand."""

    def __init__(self, text: str):
        self.text = text
        self.paragraphs = split_paragraphs(text)
        self._starts = [p[0] for p in self.paragraphs]
        self._sentences: dict[int, list[Span]] = {}

    def paragraph_index(self, pos: int) -> int:
        """Index of the paragraph holding pos (or the last one before it)."""
        return max(0, bisect_right(self._starts, pos) - 1)

    def sentences(self, para: int) -> list[Span]:
        if para not in self._sentences:
            self._sentences[para] = split_sentences(self.text, self.paragraphs[para])
        return self._sentences[para]

    def sentence_index(self, pos: int) -> tuple[int, int]:
        """(paragraph index, sentence index) of the sentence holding pos."""
        para = self.paragraph_index(pos)
        sents = self.sentences(para)
        i = max(0, bisect_right([s[0] for s in sents], pos) - 1)
        return para, i

    def sentence_at(self, pos: int) -> Span:
        para, i = self.sentence_index(pos)
        return self.sentences(para)[i]
