"""What a page says about itself in JSON-LD and meta tags: headline, authors, outlet.

trafilatura reads dates and canonical URLs well, but it merges the authors of
every source it finds (a byline meta tag in capitals and JSON-LD give the
same name twice), and for the outlet it prefers the longest JSON-LD name,
which on WordPress/Yoast pages is the WebPage's "Headline - Site" rather than
the publisher.  The publisher's own statements come first: the article's
JSON-LD headline, authors and publisher, og:site_name, the WebSite's name.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from lxml.html import HtmlElement


@dataclass(slots=True)
class PageMeta:
    headline: str | None  # what the publisher declares as the article's headline
    author: str | None  # the article's JSON-LD authors, joined with "; "
    outlet: str | None
    title: str | None  # the <title> element, often "Headline | Site"


def page_metadata(tree: HtmlElement) -> PageMeta:
    objects = list(_json_ld_objects(tree))
    by_id = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str)}
    articles = [obj for obj in objects if _is_article(obj)]
    headline = next((h for h in (_text(a.get("headline")) for a in articles) if h), None)
    authors = next((a for a in (_people(article.get("author"), by_id) for article in articles) if a), [])
    publisher = next((p for p in (_name(a.get("publisher"), by_id) for a in articles) if p), None)
    website = next((_text(o.get("name")) for o in objects if "WebSite" in _types(o)), None)
    return PageMeta(
        headline=headline or _meta(tree, "og:title") or _meta(tree, "twitter:title"),
        author="; ".join(authors) or None,
        outlet=_meta(tree, "og:site_name") or publisher or website,
        title=_text(tree.findtext(".//title")),
    )


def _json_ld_objects(tree: HtmlElement) -> Iterator[dict]:
    """Every JSON-LD object on the page, @graph members included; broken JSON-LD is ignored."""
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except json.JSONDecodeError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                graph = item.get("@graph")
                stack.extend(graph if isinstance(graph, list) else [])
                yield item
            elif isinstance(item, list):
                stack.extend(item)


def _types(obj: dict) -> list[str]:
    kind = obj.get("@type")
    return [t for t in (kind if isinstance(kind, list) else [kind]) if isinstance(t, str)]


def _is_article(obj: dict) -> bool:
    return any(t.endswith("Article") or t in ("BlogPosting", "LiveBlogPosting", "Report") for t in _types(obj))


def _people(value: object, by_id: dict[str, dict]) -> list[str]:
    """The names of the people among one or several entities (a newsroom is no author)."""
    entities = [by_id.get(v.get("@id"), v) if isinstance(v, dict) else v
                for v in (value if isinstance(value, list) else [value])]
    people = [e for e in entities if not (isinstance(e, dict) and any("Organization" in t for t in _types(e)))]
    return [name for name in (_name(e, by_id) for e in people) if name]


def _name(value: object, by_id: dict[str, dict]) -> str | None:
    """The name of an entity given inline, by @id reference, or as a bare string."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = by_id.get(value.get("@id"), value) if "name" not in value else value
        return _text(value.get("name"))
    return _text(value)


def _meta(tree: HtmlElement, key: str) -> str | None:
    for element in tree.iterfind(".//meta"):
        if key in (element.get("property"), element.get("name")):
            return _text(element.get("content"))
    return None


def _text(value: object) -> str | None:
    return (" ".join(value.split()) or None) if isinstance(value, str) else None
