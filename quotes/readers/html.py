"""Web pages: the article body, and what the page says about the article.

trafilatura finds the main text and leaves out navigation, comments, related
links, newsletter and paywall boxes, captions and footers.  It runs in its
fast mode (no fallback extractors: they cost several times as much and gave
the same bodies on our pages).  Tables are left out: in news pages they hold
data rather than quotes, and pages laid out with tables still give their
paragraphs.  What trafilatura leaves above the body (the headline of pages
without <h1>, a byline, a date line) or below it (a footer, a link menu) is
trimmed with the plain-text reader's rules.

The stored text is the body's paragraphs separated by blank lines, so the
parser sees paragraph breaks; every quote offset indexes into it.
"""

from __future__ import annotations

from trafilatura import bare_extraction, load_html

from quotes.article import Article
from quotes.dates import find_date
from quotes.readers.encoding import decode_html
from quotes.readers.furniture import BYLINE, FOOTER_STARTS, SENTENCE_END
from quotes.readers.identity import article_id
from quotes.readers.pagemeta import page_metadata

EXTRACTION = {
    "fast": True,
    "include_comments": False,
    "include_tables": False,
    "include_images": False,
    "with_metadata": True,
}
HEADER_LINE_MAX = 150  # a headline, byline or date line is short
SITE_NAME_MAX_WORDS = 6
TITLE_SEPARATORS = " |-–—·•:"


def read_html(data: bytes, source: str, url: str | None = None, charset: str | None = None) -> Article:
    """The article in a page's bytes; `url` and `charset` are what the server said, when known.

    ValueError when the page holds no article text.
    """
    tree = load_html(decode_html(data, charset))
    if tree is None:
        raise ValueError("not an HTML page")
    page = page_metadata(tree)
    extracted = bare_extraction(tree, url=url, **EXTRACTION)
    if extracted is None:
        raise ValueError("no article text found in the page")
    paragraphs = [" ".join(line.split()) for line in (extracted.text or "").splitlines() if line.strip()]
    title = page.headline or _headline_above_body(paragraphs, page.title) or extracted.title
    header, body = _split_header(paragraphs, title, page.title)
    body = _without_footer(body)
    if not body:
        raise ValueError("no article text found in the page")
    text = "\n\n".join(body)
    url = url or extracted.url
    return Article(
        text=text,
        id=article_id(url, text),
        source=source,
        title=title,
        author=extracted.author,
        published=extracted.date or find_date(" ".join(header)),
        url=url,
        outlet=page.outlet or _site_in_title(page.title, title) or extracted.hostname,
    )


def _headline_above_body(paragraphs: list[str], page_title: str | None) -> str | None:
    """Old pages set the headline in bold type, not <h1>; it is the first line that is part of <title>."""
    first = paragraphs[0] if paragraphs else ""
    if page_title and len(first.split()) >= 3 and first in page_title and not SENTENCE_END.search(first):
        return first
    return None


def _split_header(paragraphs: list[str], title: str | None, page_title: str | None) -> tuple[list[str], list[str]]:
    """The headline, byline and date lines above the body, and the body."""
    count = 0
    while count < len(paragraphs) and _is_header(paragraphs[count], title, page_title):
        count += 1
    return paragraphs[:count], paragraphs[count:]


def _is_header(line: str, title: str | None, page_title: str | None) -> bool:
    if line == title:
        return True
    if len(line) > HEADER_LINE_MAX or SENTENCE_END.search(line):
        return False
    return bool((page_title and line in page_title) or BYLINE.match(line) or find_date(line))


def _without_footer(body: list[str]) -> list[str]:
    """The body up to the first footer line, less trailing link menus (`Email | Print`)."""
    end = next((i for i, line in enumerate(body) if i and FOOTER_STARTS.match(line)), len(body))
    while end and "|" in body[end - 1] and len(body[end - 1]) <= HEADER_LINE_MAX \
            and not SENTENCE_END.search(body[end - 1]):
        end -= 1
    return body[:end]


def _site_in_title(page_title: str | None, title: str | None) -> str | None:
    """The site name in a <title> such as "Headline | Site" or "Site - Headline"."""
    if not (page_title and title and title in page_title):
        return None
    rest = page_title.replace(title, "", 1).strip(TITLE_SEPARATORS)
    return rest if rest and len(rest.split()) <= SITE_NAME_MAX_WORDS else None
