"""The few sentences around each quote, tokenised with the quotes masked out.

Attribution looks at a quote's frame (the sentences it touches), the two
sentences before and the one after.  Inside that window every quoted stretch
is replaced by one placeholder token, so a name inside a quotation is never
taken for its speaker and features can see `<Q> , he said`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quotes.cues import VERB_FORMS
from quotes.mentions import Mention
from quotes.names import Name
from quotes.quote_spans import QuoteSpan, quote_type
from quotes.sentences import Layout, Span
from quotes.tokens import Token, tokenize

QUOTE_TOKEN = "<Q>"
SENTENCES_BEFORE = 2
SENTENCES_AFTER = 1


@dataclass(slots=True)
class QuoteContext:
    index: int  # position of the quote in the article's quote list
    quote: QuoteSpan
    window: Span
    tokens: list[Token]  # window tokens, each quote one QUOTE_TOKEN
    sentence_of: list[int]  # sentence offset of each token relative to the frame (-2..+1, 0 = frame)
    quote_token: int  # index of this quote's placeholder in tokens
    frame_first: int  # token index range of the frame
    frame_last: int
    last_char: str  # the quote's final punctuation (",", ".", "?"...), or "w" for a word
    frame_has_cue: bool  # a reporting verb or `according to` in the frame, outside quotes
    quote_type: str  # direct | partial
    label: Mention | None  # a speaker the layout names: a transcript turn (`WALLACE: ...`), a signature
    verbs: dict = field(default_factory=dict)  # attribution.subject_verb's answers, by a mention's last token


def _neighbour_sentences(layout: Layout, para: int, sent: int, step: int, count: int) -> list[Span]:
    out = []
    while len(out) < count:
        sent += step
        if sent < 0:
            para -= 1
            if para < 0:
                break
            sent = len(layout.sentences(para)) - 1
        elif sent >= len(layout.sentences(para)):
            para += 1
            if para >= len(layout.paragraphs):
                break
            sent = 0
        out.append(layout.sentences(para)[sent])
    return out


def build_contexts(text: str, layout: Layout, spans: list[QuoteSpan], names: list[Name]) -> list[QuoteContext]:
    outers = [s.outer for s in spans]
    name_at = {n.start: n for n in names}
    contexts = []
    masked: dict[Span, list[tuple[Token, bool]]] = {}  # windows overlap: tokenise each sentence once
    for index, span in enumerate(spans):
        open_pos, close_end = span.outer
        p0, s0 = layout.sentence_index(open_pos)
        p1, s1 = layout.sentence_index(max(open_pos, close_end - 1))
        frame = (layout.sentences(p0)[s0][0], layout.sentences(p1)[s1][1])
        # a sentence split inside a quote may leave the frame short of the quote's marks
        frame = (min(frame[0], open_pos), max(frame[1], close_end))
        before = _neighbour_sentences(layout, p0, s0, -1, SENTENCES_BEFORE)
        after = _neighbour_sentences(layout, p1, s1, +1, SENTENCES_AFTER)
        bounds = [b for b in reversed(before)] + [frame] + after
        window = (bounds[0][0], bounds[-1][1])
        tokens, sentence_of, quote_token = [], [], -1
        frame_idx = len(before)
        seen_quotes = set()
        for k, (a, b) in enumerate(bounds):
            if (a, b) not in masked:
                masked[(a, b)] = list(_masked_tokens(text, a, b, outers))
            for tok, is_quote in masked[(a, b)]:
                if is_quote:
                    if tok.start in seen_quotes:
                        continue  # a quote cut by a sentence split stays one placeholder
                    seen_quotes.add(tok.start)
                    if tok.start == open_pos:
                        quote_token = len(tokens)
                tokens.append(tok)
                sentence_of.append(k - frame_idx)
        frame_first = sentence_of.index(0)
        frame_last = len(sentence_of) - 1 - sentence_of[::-1].index(0)
        last = text[span.end - 1]
        has_cue = any(t.lower in VERB_FORMS or t.lower == "according" for t in tokens[frame_first:frame_last + 1])
        contexts.append(QuoteContext(index, span, window, tokens, sentence_of, quote_token,
                                     frame_first, frame_last, "w" if last.isalnum() else last, has_cue,
                                     quote_type(text, span, layout.paragraphs[span.paragraph]),
                                     transcript_label(text, span) or signature(text, span, layout, name_at)))
    return contexts


_LABEL = re.compile(r"([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}):\s")


def transcript_label(text: str, span: QuoteSpan) -> Mention | None:
    """`"WALLACE: Let's start ...`: a transcript turn inside a quote names its speaker."""
    m = _LABEL.match(text, span.start, span.end)
    if not m or len(m.group(1)) < 3:
        return None
    start, end = m.span(1)
    words = m.group(1).split()
    name = Name(start, end, m.group(1), "person", 1.0)
    return Mention(start, end, m.group(1), "name", words[-1].lower(), -1, -1, "person", name)


_SIGNATURE = re.compile(r"[-–—―]+[ \t]*(?=[A-Z])")


def signature(text: str, span: QuoteSpan, layout: Layout, name_at: dict[int, Name]) -> Mention | None:
    """A quotation standing alone in its paragraph, signed in the next one (`“…”` ¶ `— Bernie
    Sanders.`), as epigraphs, fact checks and lists of quotes print it: the signature names
    its speaker, when a person's or a body's name follows the dash and ends the line or its
    first part (`— Bernie Sanders, at the debate`), or, with no dash, is the whole line."""
    open_pos, close_end = span.outer
    p_start, p_end = layout.paragraphs[span.paragraph]
    if open_pos != p_start or text[close_end:p_end].strip(" \t.,;:") or span.paragraph + 1 >= len(layout.paragraphs):
        return None
    n_start, n_end = layout.paragraphs[span.paragraph + 1]
    m = _SIGNATURE.match(text, n_start, n_end)
    name = name_at.get(m.end() if m else n_start)
    rest = text[name.end:n_end].strip(" \t.") if name is not None else ""
    if name is None or name.kind not in ("person", "organization") or rest[:1] not in ("", ",") or not m and rest:
        return None  # with no dash, the name must be the whole line: `“…”` ¶ `Donald Trump.`
    return Mention(name.start, name.end, name.text, "name", name.text.split()[-1].lower(), -1, -1, name.kind, name)


def _masked_tokens(text: str, start: int, end: int, outers: list[Span]):
    """Tokens of text[start:end], with each quote (marks included) as one placeholder."""
    pos = start
    for a, b in outers:
        if b <= start or a >= end:
            continue
        if a > pos:
            for tok in tokenize(text, pos, a):
                yield tok, False
        yield Token(a, b, QUOTE_TOKEN), True
        pos = max(pos, b)
    if pos < end:
        for tok in tokenize(text, pos, end):
            yield tok, False
