"""The two records the whole tool passes around: an article and a quote.

Every offset in a Quote is a character offset into Article.text, so any
quote can be checked against its source with text[start:end].
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(slots=True)
class Article:
    text: str
    id: str | None = None
    source: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD
    url: str | None = None
    outlet: str | None = None
    quotes: list[Quote] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)  # who the quotes are by, with every form used

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "id": self.id,
            "title": self.title,
            "author": self.author,
            "published": self.published,
            "url": self.url,
            "outlet": self.outlet,
            "text": self.text,
            "quotes": [q.to_dict() for q in self.quotes],
            "speakers": [s.to_dict() for s in self.speakers],
        }


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    text: str
    type: str  # "direct" | "partial"
    speaker: str | None = None
    speaker_kind: str = "unknown"  # person | organization | anonymous | unknown
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    role: str | None = None
    organization: str | None = None
    confidence: float = 0.0

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Speaker:
    """One speaker of an article: canonical name, kind, every surface form, role."""

    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    organization: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)
