"""The extraction chain over one article.

text → paragraphs and sentences → quote spans → contexts and cues → speaker
mentions → attribution (a ranker over mentions, then a decision over the
entities they stand for) → entities and roles.  Each step is a pure function
in a module named for its job; this module only wires them together.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace

from quotes.article import Article, Quote
from quotes.article import Speaker as SpeakerRecord
from quotes.attribution import Choice, choose
from quotes.decision import decide
from quotes.context import QuoteContext, build_contexts
from quotes.coreference import unnamed_continues
from quotes.mentions import Mention, find_mentions
from quotes.names import Name, find_names
from quotes.quote_spans import QuoteSpan, find_quote_spans
from quotes.sentences import Layout
from quotes.entities import ArticleEntities, Speaker
from quotes.speech import names_not_speech, speech_features, speech_probability

# Where end-to-end F1 peaks on PolNeAR train's held-out folds, at a little quote recall
# (`python -m quotes.training.crossval --thresholds ...`; the figures are in docs/accuracy.md).
SPEECH_THRESHOLD = 0.7


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
    names = _outside_quotes(find_names(text), spans) if spans else []
    contexts = build_contexts(text, layout, spans, names)
    by_window: dict[tuple[int, int], list[Mention]] = {}  # quotes of one sentence share a window
    for ctx in contexts:
        if ctx.window not in by_window:
            by_window[ctx.window] = find_mentions(text, ctx.tokens, _within(names, ctx.window))
    mentions = [by_window[ctx.window] for ctx in contexts]
    return Analysis(text, layout, spans, contexts, names, mentions)


def _outside_quotes(names: list[Name], spans: list[QuoteSpan]) -> list[Name]:
    """Names said by the writer: a name inside a quotation never attributes it."""
    starts = [s.outer[0] for s in spans]
    out = []
    for n in names:
        k = bisect_right(starts, n.start) - 1
        if k < 0 or n.end > spans[k].outer[1]:
            out.append(n)
    return out


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


def extract_quotes(text: str, speech_threshold: float = SPEECH_THRESHOLD) -> list[Quote]:
    return extract(text, speech_threshold)[0]


def extract(text: str, speech_threshold: float = SPEECH_THRESHOLD) -> tuple[list[Quote], list[SpeakerRecord]]:
    """The quotes of a text and the speakers they are by."""
    analysis = analyse(text)
    entities = ArticleEntities(text, analysis.names)
    quotes = []
    speakers: dict[str, SpeakerRecord] = {}
    last: tuple[Speaker, int] | None = None  # the latest quote's speaker and its paragraph
    for ctx, choice in zip(analysis.contexts, attribute_all(analysis)):
        span = ctx.quote
        paragraph = analysis.layout.paragraphs[span.paragraph]
        if names_not_speech(text, span, paragraph):
            continue
        p_speech = speech_probability(speech_features_of(analysis, ctx, choice))
        if p_speech < speech_threshold:
            continue
        choice = decide(ctx, choice, entities)  # the ranker's own pick stays the next quote's `previous`
        m = choice.mention
        speaker = entities.resolve(m) if m is not None else None
        if speaker is not None and not speaker.name and m.kind == "pronoun" and last is not None \
                and span.paragraph - last[1] <= 1 and unnamed_continues(m.head, last[0]):
            speaker = last[0]  # `A spokeswoman said: “…” She added: “…”`: the unnamed speaker goes on
        if speaker is not None and speaker.name:
            _note_speaker(speakers, speaker, m)
            last = speaker, span.paragraph
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
    return quotes, list(speakers.values())


def _note_speaker(speakers: dict[str, SpeakerRecord], speaker: Speaker, mention: Mention) -> None:
    record = speakers.get(speaker.name)
    if record is None:
        aliases = list(speaker.entity.aliases) if speaker.entity is not None else []
        record = speakers[speaker.name] = SpeakerRecord(speaker.name, speaker.kind, aliases, speaker.role,
                                                        speaker.organization)
    if mention.kind == "name" and mention.text not in record.aliases:
        record.aliases.append(mention.text)


def parse_article(article: Article) -> Article:
    """The article with its quotes and speakers filled in."""
    quotes, speakers = extract(article.text)
    return replace(article, quotes=quotes, speakers=speakers)
