"""The extraction chain over one article.

text → paragraphs and sentences → quote spans → contexts and cues → speaker
mentions → attribution → entities and roles.  Each step is a pure function
in a module named for its job; this module only wires them together.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from quotes.article import Article, Quote
from quotes.attribution import Choice, choose
from quotes.context import QuoteContext, build_contexts
from quotes.mentions import Mention, find_mentions
from quotes.names import Name, find_names
from quotes.quote_spans import QuoteSpan, find_quote_spans
from quotes.sentences import Layout
from quotes.entities import ArticleEntities
from quotes.speech import names_not_speech, speech_features, speech_probability

SPEECH_THRESHOLD = 0.5


@dataclass(slots=True)
class Analysis:
    """Everything the chain learns about an article, up to the candidate mentions."""

    text: str
    layout: Layout
    spans: list[QuoteSpan]
    contexts: list[QuoteContext]
    names: list[Name]
    mentions: list[list[Mention]]  # candidates per quote context


def analyse(text: str) -> Analysis:
    layout = Layout(text)
    spans = find_quote_spans(text, layout.paragraphs)
    contexts = build_contexts(text, layout, spans)
    names = find_names(text) if spans else []
    inside = [s.outer for s in spans]
    names = [n for n in names if not any(a <= n.start and n.end <= b for a, b in inside)]
    mentions = [find_mentions(text, ctx.tokens, _within(names, ctx.window)) for ctx in contexts]
    return Analysis(text, layout, spans, contexts, names, mentions)


def _within(names: list[Name], window: tuple[int, int]) -> list[Name]:
    return [n for n in names if window[0] <= n.start and n.end <= window[1]]


def attribute_all(analysis: Analysis) -> list[Choice]:
    """The speaker choice of every quote, in order; a quote may inherit the previous speaker."""
    choices: list[Choice] = []
    previous: Mention | None = None
    for ctx, mentions in zip(analysis.contexts, analysis.mentions):
        choice = choose(ctx, mentions, previous)
        choices.append(choice)
        if choice.mention is not None:
            previous = choice.mention
    return choices


def speech_features_of(analysis: Analysis, ctx: QuoteContext, choice: Choice) -> list[str]:
    para = analysis.layout.paragraphs[ctx.quote.paragraph]
    return speech_features(analysis.text, ctx.quote, para, ctx, choice.probability, choice.cue is not None)


def extract_quotes(text: str) -> list[Quote]:
    analysis = analyse(text)
    entities = ArticleEntities(text, analysis.names)
    quotes = []
    for ctx, choice in zip(analysis.contexts, attribute_all(analysis)):
        span, m = ctx.quote, choice.mention
        paragraph = analysis.layout.paragraphs[span.paragraph]
        if names_not_speech(text, span, paragraph):
            continue
        p_speech = speech_probability(speech_features_of(analysis, ctx, choice))
        if p_speech < SPEECH_THRESHOLD:
            continue
        speaker = entities.resolve(m) if m is not None else None
        quotes.append(Quote(
            start=span.start,
            end=span.end,
            text=text[span.start:span.end],
            type=ctx.quote_type,
            speaker=speaker.name if speaker else None,
            speaker_kind=speaker.kind if speaker else "unknown",
            speaker_start=m.start if m else None,
            speaker_end=m.end if m else None,
            cue=choice.cue,
            role=speaker.role if speaker else None,
            organization=speaker.organization if speaker else None,
            confidence=round(choice.probability * p_speech, 3),
        ))
    return quotes


def parse_article(article: Article) -> Article:
    """The article with its quotes filled in."""
    return replace(article, quotes=extract_quotes(article.text))
