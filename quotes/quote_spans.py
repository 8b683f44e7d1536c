"""Pair quotation marks into quoted stretches.

Real typography is messy: curly and straight marks are mixed, `''` stands for
a double quote in some archives, marks face the wrong way, closing marks go
missing, and a quotation running over several paragraphs repeats its opening
mark on each one and closes only on the last.  We decide whether a mark opens
or closes from what surrounds it first and from its shape second, pair marks
within a paragraph, and keep an unclosed quote when the next paragraph opens
with a quotation mark: the quotation goes on there, as that paragraph's own
span (attribution carries the speaker over).  Single quotes inside double ones
stay part of the enclosing quote; a paragraph without double quotes may use
single quotes as its quotation marks (British style, curly or straight).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quotes.cues import VERB_FORMS
from quotes.tagger import lexicon_tag
from quotes.sentences import Span

OPENING = "“„«"
CLOSING = "”»"
BEFORE_OPEN = set(" \t\n([{—–-/:;,…") | set(OPENING) | set("‘'")
AFTER_CLOSE = set(" \t\n)]}.,;:!?—–-…/") | set(CLOSING) | set("’'")
INNER_TRIM = " \t\n"

DOUBLE_MARKS = re.compile(r"''|[\"“”„«»]")
SINGLE_MARKS = re.compile(r"[‘’']")
# Headlines quote with single marks (`Clinton: Time for ‘intensification’`); body paragraphs
# that do so are longer than that.
MIN_WORDS_FOR_SINGLE = 12
MARKUP = re.compile(r"<[^<>\n]{0,500}>")


HEADLINE_WORDS = 25
_WORD = re.compile(r"[A-Za-z][\w’'-]*")


def is_headline(text: str, paragraph: Span, pairs: list[tuple[_Mark, _Mark]]) -> bool:
    """A first line in headline case (`Kasich: ‘We Are Going To Go All The Way’`) heads the
    article: its quote restates, title-cased and cut, one the body gives with its
    speaker, so it is not taken as a quote of its own.  The writer's own words in a
    headline are title-cased too, so a lower-case word outside the quotation marks
    (`“Make America Great Again,” said Donald Trump.`) makes it a sentence."""
    p_start, p_end = paragraph
    words = _WORD.findall(text, p_start, p_end)
    long = [w for w in words if len(w) >= 4]
    bounds = [p_start] + [pos for o, c in pairs for pos in (o.pos, c.pos + c.length)] + [p_end]
    outside = [w for a, b in zip(bounds[::2], bounds[1::2]) for w in _WORD.findall(text, a, b)]
    return ("\n" not in text[p_start:p_end].strip() and 0 < len(words) <= HEADLINE_WORDS and len(long) >= 3
            and sum(w[0].isupper() for w in long) >= 0.8 * len(long)
            and not any(len(w) >= 4 and w[0].islower() for w in outside))


@dataclass(slots=True)
class QuoteSpan:
    """A quoted stretch: [start, end) are the quoted words, marks and edge spaces excluded."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark, None when unclosed
    paragraph: int
    close_len: int = 1

    @property
    def closed(self) -> bool:
        return self.close_mark is not None

    @property
    def outer(self) -> Span:
        """The stretch including its marks."""
        close_end = self.close_mark + self.close_len if self.close_mark is not None else self.end
        return (self.open_mark, close_end)


@dataclass(slots=True)
class _Mark:
    pos: int
    length: int
    can_open: bool
    can_close: bool
    shape: int  # +1 opening glyph, -1 closing glyph, 0 neutral


def find_quote_spans(text: str, paragraphs: list[Span]) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    runs_on = False  # the paragraph before ended in an unclosed quote that goes on in this one
    for index, (p_start, p_end) in enumerate(paragraphs):
        marks = _marks(text, p_start, p_end, DOUBLE_MARKS)
        if not marks and not runs_on and len(text[p_start:p_end].split()) >= MIN_WORDS_FOR_SINGLE:
            marks = _marks(text, p_start, p_end, SINGLE_MARKS, strict=True)
        pieces, open_mark = _pair(marks)
        if index == 0 and len(paragraphs) > 1 and pieces and is_headline(text, (p_start, p_end), pieces):
            continue
        runs_on = False
        for o, c in pieces:
            span = _make_span(text, o, c, index)
            if span:
                spans.append(span)
        if open_mark is not None:
            nxt = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
            next_opens = nxt is not None and _opens_paragraph(text, nxt)
            if next_opens or _worth_keeping_unclosed(text, open_mark, p_end):
                span = _make_span(text, open_mark, None, index, end=p_end)
                if span:
                    spans.append(span)
                    runs_on = next_opens
    return spans


def _marks(text: str, start: int, end: int, pattern: re.Pattern, strict: bool = False) -> list[_Mark]:
    segment = text[start:end]
    hidden = [(m.start() + start, m.end() + start) for m in MARKUP.finditer(segment)]
    out = []
    for m in pattern.finditer(segment):
        pos, length = m.start() + start, m.end() - m.start()
        if any(a <= pos < b for a, b in hidden):
            continue  # attribute values in markup such as <tweet author="...">
        before = text[pos - 1] if pos > start else " "
        after = text[pos + length] if pos + length < end else " "
        glyph = m.group()
        shape = 1 if glyph in OPENING or glyph == "‘" else -1 if glyph in CLOSING or glyph == "’" else 0
        can_open = before in BEFORE_OPEN and not after.isspace()
        # a closing mark may touch the next word when a space went missing: `paranoia,”Clinton said`
        can_close = (after in AFTER_CLOSE or (glyph in CLOSING and before in ",.!?")) and not before.isspace()
        if strict:  # single quotes: apostrophes are far more common than quotation marks
            if glyph in "’'" and _possessive_or_elision(text, pos, end):
                continue
            if glyph == "’" and (after.isalpha() or not can_close):
                continue
            if glyph == "‘" and not can_open:
                continue
            if glyph == "'" and (before.isalnum() and after.isalnum() or not (can_open and after.isalpha()
                                                                               or can_close)):
                continue  # `don't`, `the '90s`, or a mark that neither opens a word nor closes one
        out.append(_Mark(pos, length, can_open, can_close, shape))
    return out


_ELISION = re.compile(r"['’](?:em|n['’]?|til|cause|tis|twas)\b", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+([a-z][\w-]*)")


def _possessive_or_elision(text: str, pos: int, end: int) -> bool:
    """An apostrophe, not a quotation mark: a plural possessive before a noun (`the teachers'
    demands`, `the players’ union`) or an elision (`let 'em play`, `rock 'n' roll`)."""
    if _ELISION.match(text, pos) or text[max(0, pos - 2):pos + 1].lower() in ("'n'", "’n’"):
        return True  # the second mark of `'n'` too
    if pos == 0 or text[pos - 1] != "s":
        return False
    m = _NEXT_WORD.match(text, pos + 1, end)
    return m is not None and lexicon_tag(m.group(1)) not in CLOSE_FOLLOWERS


# what follows a closing quotation mark after a plural (`called them 'extremists' and left`)
CLOSE_FOLLOWERS = {"CCONJ", "ADP", "SCONJ", "ADV", "AUX", "PRON", "DET", "PART"}


def _pair(marks: list[_Mark]) -> tuple[list[tuple[_Mark, _Mark]], _Mark | None]:
    """Pair marks left to right; returns the pairs and an opening mark left unclosed."""
    pairs: list[tuple[_Mark, _Mark]] = []
    stack: list[_Mark] = []
    for mark in marks:
        opens = mark.can_open and not mark.can_close
        closes = mark.can_close and not mark.can_open
        if not opens and not closes:  # both or neither: the glyph decides, then the state
            if mark.shape > 0:
                opens = True
            elif mark.shape < 0 and stack:
                closes = True
            else:
                opens, closes = not stack, bool(stack)
        if closes and stack:
            opening = stack.pop()
            if not stack:
                pairs.append((opening, mark))
        elif opens:
            if stack and len(stack) >= 2:
                continue
            stack.append(mark)
    if len(stack) > 1:
        # An inner quote never closed: treat its mark as noise inside the outer one.
        stack = stack[:1]
    return pairs, stack[0] if stack else None


def _opens_paragraph(text: str, pos: int) -> bool:
    return bool(DOUBLE_MARKS.match(text, pos)) and pos + 1 < len(text) and not text[pos + 1].isspace()


def _worth_keeping_unclosed(text: str, mark: _Mark, p_end: int) -> bool:
    """An opening mark never closed: keep the rest of the paragraph as a quote when it
    reads like speech (a few words at least), not like a stray inch mark."""
    rest = text[mark.pos + mark.length:p_end]
    return mark.can_open and len(rest.split()) >= 4


def _make_span(text: str, o: _Mark, c: _Mark | None, paragraph: int, end: int | None = None) -> QuoteSpan | None:
    start = o.pos + o.length
    stop = c.pos if c is not None else end
    while start < stop and text[start] in INNER_TRIM:
        start += 1
    while stop > start and text[stop - 1] in INNER_TRIM:
        stop -= 1
    if stop <= start:
        return None
    return QuoteSpan(
        start=start,
        end=stop,
        open_mark=o.pos,
        close_mark=c.pos if c is not None else None,
        paragraph=paragraph,
        close_len=c.length if c is not None else 0,
    )


_CLAUSE_OPENING = re.compile(r"(?:^|[,:;—–(]|[.!?][”\"’']?)\s*$")
_LAST_WORD = re.compile(r"([\w’'-]+)\s*$")


def quote_type(text: str, span: QuoteSpan, para: tuple[int, int]) -> str:
    """`direct` when the quote stands as the speaker's own sentence, `partial` when a few
    quoted words sit inside the writer's sentence (`caused “minor injuries” to`)."""
    first = text[span.start]
    before = text[para[0]:span.open_mark]
    opens_clause = bool(_CLAUSE_OPENING.search(before)) or _last_word(before) in VERB_FORMS
    return "direct" if opens_clause and not first.islower() else "partial"


def _last_word(s: str) -> str:
    m = _LAST_WORD.search(s)
    return m.group(1).lower() if m else ""
