"""The extraction chain over one article.

text → paragraphs and sentences → quote spans → cues → speaker mentions →
entities and roles.  Each step is a pure function in a module named for its
job; this module only wires them together.
"""

from __future__ import annotations

from dataclasses import replace

from quotes.article import Article, Quote
from quotes.quote_spans import find_quote_spans
from quotes.sentences import Layout


def extract_quotes(text: str) -> list[Quote]:
    layout = Layout(text)
    spans = find_quote_spans(text, layout.paragraphs)
    return [Quote(start=s.start, end=s.end, text=text[s.start:s.end], type="direct") for s in spans]


def parse_article(article: Article) -> Article:
    """The article with its quotes filled in."""
    return replace(article, quotes=extract_quotes(article.text))
