"""Articles from the records of exports (JSON Lines rows, CSV rows).

News APIs, scrapers and CMS exports all name their fields differently, so
each field is taken from the name the user gives (`--text-field body`) or,
failing that, from the first of the usual names the record has.  Nested
values are reached with dots (`source.name`); names match case-insensitively.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields

from quotes.article import Article
from quotes.dates import find_date
from quotes.readers.identity import article_id

# The names exports commonly use for each field, most specific first.
USUAL_NAMES = {
    "text": ("text", "body", "content", "maintext", "article", "full_text"),
    "title": ("title", "headline"),
    "date": ("published", "date", "date_publish", "publish_date", "published_at", "publishedAt",
             "datePublished", "pub_date", "pubdate"),
    "url": ("url", "link", "canonical_url"),
    "author": ("author", "authors", "byline", "creator"),
    "id": ("id", "article_id", "_id", "uuid"),
    "outlet": ("outlet", "source", "publisher", "publication", "site_name", "sitename", "source_domain"),
}


@dataclass(frozen=True, slots=True)
class Fields:
    """The record field holding each part of an article; None means the usual names."""

    text: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    author: str | None = None
    id: str | None = None
    outlet: str | None = None

    def named(self) -> dict[str, str]:
        """The fields the user named, by part."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}


def article_from_record(record: Mapping, chosen: Fields, source: str) -> Article:
    """The article a record holds; ValueError says why a record has none."""
    text = _field(record, "text", chosen)
    if not text:
        wanted = repr(chosen.text) if chosen.text else "named " + ", ".join(USUAL_NAMES["text"])
        raise ValueError(f"no article text in a field {wanted} (fields: {', '.join(map(str, record))}); "
                         "name the text field with --text-field")
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # exports made on Windows
    url = _field(record, "url", chosen)
    return Article(
        text=text,
        id=_field(record, "id", chosen) or article_id(url, text),
        source=source,
        title=_field(record, "title", chosen),
        author=_field(record, "author", chosen),
        published=find_date(_field(record, "date", chosen)),
        url=url,
        outlet=_field(record, "outlet", chosen),
    )


def resolve(record: Mapping, name: str) -> object:
    """The value at `name` in a record: an exact key, a case-insensitive key, or a dotted path."""
    if name in record:
        return record[name]
    lowered = name.lower()
    for key, value in record.items():
        if isinstance(key, str) and key.lower() == lowered:
            return value
    head, dot, rest = name.partition(".")
    if dot:
        inner = resolve(record, head)
        if isinstance(inner, Mapping):
            return resolve(inner, rest)
    return None


def _field(record: Mapping, part: str, chosen: Fields) -> str | None:
    named = getattr(chosen, part)
    for name in (named,) if named else USUAL_NAMES[part]:
        value = _as_text(resolve(record, name))
        if value:
            return value
    return None


def _as_text(value: object) -> str | None:
    """A field value as text: names of objects ({"name": ...}) and lists of them joined with '; '."""
    if isinstance(value, Mapping):
        value = value.get("name")
    if isinstance(value, list):
        parts = [part for part in map(_as_text, value) if part]
        return "; ".join(parts) or None
    if value is None or isinstance(value, bool):
        return None
    return str(value).strip() or None
