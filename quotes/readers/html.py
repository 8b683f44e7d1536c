"""Web pages: the article body, and what the page says about the article.

trafilatura finds the main text and leaves out navigation, comments, related
links, newsletter and paywall boxes, captions and footers.  It runs in its
fast mode: the fallback extractors took up to twice as long on a heavy page
and gave the same bodies on ours.  Tables are left out: in news pages they
hold data rather than quotes, and pages laid out with tables still give their
paragraphs.  Lines trafilatura keeps around the body are trimmed with the
plain-text reader's patterns: above it the headline (old pages set it in bold
type, not <h1>), byline, date, kicker and credit lines; inside it promotions,
copyright lines and link menus; after it an author box.

The stored text is the body's paragraphs separated by blank lines, so the
parser sees paragraph breaks; every quote offset indexes into it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from trafilatura import bare_extraction, load_html

from quotes.article import Article
from quotes.dates import find_date
from quotes.readers.encoding import decode_html
from quotes.readers.errors import ReadError
from quotes.readers.furniture import AUTHOR_BOX, BYLINE, FOOTER_STARTS, SENTENCE_END
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
QUOTE_MARKS = re.compile("[\"“”„«»‘’‚‹›]")
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
    lines = (" ".join(line.split()) for line in (extracted.text or "").splitlines())
    paragraphs = [line for line in lines if any(ch.isalnum() for ch in line)]  # not rules such as "___"
    title = page.headline or _headline_in(paragraphs, page.title) or extracted.title
    cut = 0
    while cut < len(paragraphs) and _is_header(paragraphs[cut], title, page.title):
        cut += 1
    header, body = paragraphs[:cut], _without_furniture(paragraphs[cut:])
    if not body:
        raise ValueError("no article text found in the page")
    text = "\n\n".join(body)
    url = url or extracted.url
    return Article(
        text=text,
        id=article_id(url, text),
        source=source,
        title=title,
        author=page.author or _distinct_names(extracted.author),
        published=extracted.date or find_date(" ".join(header)),
        url=url,
        outlet=page.outlet or _site_in_title(page.title, title) or extracted.hostname,
    )


def _headline_in(paragraphs: list[str], page_title: str | None) -> str | None:
    """Old pages set the headline in bold type, not <h1>: it is a line at the top that is part of <title>."""
    for line in itertools.takewhile(_short, paragraphs):
        if page_title and len(line.split()) >= 3 and line in page_title:
            return line
    return None


def _is_header(line: str, title: str | None, page_title: str | None) -> bool:
    """A line above the body: the headline, a byline, a date, a kicker or a credit, but never a quote."""
    if line == title:
        return True
    if not _short(line):
        return False
    named = (page_title and line in page_title) or BYLINE.match(line) or find_date(line)
    return bool(named or not QUOTE_MARKS.search(line))


def _short(line: str) -> bool:
    """Too short to be prose: no sentence ends it."""
    return len(line) <= HEADER_LINE_MAX and not SENTENCE_END.search(line)


def _distinct_names(names: str | None) -> str | None:
    """trafilatura joins the authors of meta tags and JSON-LD, so a name can come twice, once in capitals."""
    if not names:
        return None
    distinct: dict[str, str] = {}
    for name in names.split("; "):
        key = name.casefold()
        if key not in distinct or distinct[key].isupper():
            distinct[key] = name
    return "; ".join(distinct.values())


def _without_furniture(body: list[str]) -> list[str]:
    """The body less the site's lines that trafilatura kept in it.

    A promotion (`Sign up for ...`), a `Copyright` line or a link menu
    (`Email | Print`) can sit anywhere, so each such line goes alone; an author
    box (`About Jane Roe`) closes the article.
    """
    kept = []
    for line in body:
        if AUTHOR_BOX.match(line):
            break
        menu = "|" in line and _short(line)
        if not (menu or FOOTER_STARTS.match(line)):
            kept.append(line)
    return kept


def _site_in_title(page_title: str | None, title: str | None) -> str | None:
    """The site name in a <title> such as "Headline | Site" or "Site - Headline"."""
    if not (page_title and title and title in page_title):
        return None
    rest = page_title.replace(title, "", 1).strip(TITLE_SEPARATORS)
    return rest if rest and len(rest.split()) <= SITE_NAME_MAX_WORDS else None


@dataclass(slots=True)
class Page:
    """An HTML page read but not yet extracted.  Extraction is the costly part of
    reading, so it runs where the parsing runs, on every core (`Page.article`)."""

    data: bytes
    source: str
    url: str | None = None
    charset: str | None = None
    fallback_date: str | None = None  # the crawl date, or a date in the file name

    def article(self) -> Article | ReadError:
        try:
            article = read_html(self.data, self.source, url=self.url, charset=self.charset)
        except ValueError as exc:
            return ReadError(self.source, f"{exc} ({self.url})" if self.url else str(exc))
        return article if article.published else replace(article, published=self.fallback_date)
