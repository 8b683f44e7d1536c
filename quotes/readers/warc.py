"""Web archives (WARC), as crawlers such as Common Crawl News write them.

Each successful (200) HTML response is one article, with the record's target
URL, the charset its server declared and, when the page itself gives no date,
the crawl date.  Requests, metadata, redirects, errors and non-HTML payloads
are not articles and are passed over.  warcio reads record by record, so an
archive of any size streams; gzip is undone by the dispatcher, whether per
record or over the whole file.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import replace
from email.message import Message
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from quotes.article import Article
from quotes.dates import find_date
from quotes.readers.errors import ReadError
from quotes.readers.html import read_html

HTML_TYPES = ("text/html", "application/xhtml+xml")
# What a damaged or truncated archive raises while a record is read.
DAMAGE = (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error)


def read_warc(stream: BinaryIO, source: str) -> Iterator[Article | ReadError]:
    records = iter(ArchiveIterator(stream))
    number = 0
    while True:
        number += 1
        where = f"{source}:record {number}"
        try:
            record = next(records, None)
            if record is None:
                return
            page = _html_page(record)
            payload = record.content_stream().read() if page else None
        except DAMAGE as exc:
            yield ReadError(where, f"damaged or truncated archive, reading stops here ({_reason(exc)})")
            return
        if not page:
            continue
        url, charset = page
        try:
            article = read_html(payload, where, url=url, charset=charset)
        except ValueError as exc:
            yield ReadError(where, f"{exc} ({url})")
            continue
        crawled = find_date(record.rec_headers.get_header("WARC-Date"))
        yield replace(article, published=article.published or crawled)


def _html_page(record) -> tuple[str | None, str | None] | None:
    """(target URL, declared charset) of a record that holds a web page, else None."""
    if record.rec_type == "response" and record.http_headers:
        if record.http_headers.get_statuscode() != "200":
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    header = Message()
    header["Content-Type"] = content_type
    if header.get_content_type() not in HTML_TYPES:
        return None
    return record.rec_headers.get_header("WARC-Target-URI"), header.get_param("charset")


def _reason(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
