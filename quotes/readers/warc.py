"""Web archives (WARC), as crawlers such as Common Crawl News write them.

Each successful (200) HTML response is one article, with the record's target
URL, the charset its server declared and, when the page itself gives no date,
the crawl date.  Requests, metadata, redirects, errors and non-HTML payloads
are not articles and are passed over.  warcio reads record by record, so an
archive of any size streams; gzip is undone by the dispatcher, whether per
record or over the whole file.
"""

from __future__ import annotations

import itertools
import zlib
from collections.abc import Iterator
from email.message import Message
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from quotes.dates import find_date
from quotes.readers.errors import ReadError
from quotes.readers.html import Page

HTML_TYPES = ("text/html", "application/xhtml+xml")
# What a damaged archive raises while it is read.
DAMAGE = (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error)


def read_warc(stream: BinaryIO, source: str) -> Iterator[Page | ReadError]:
    watched = _Watched(stream)
    records = iter(ArchiveIterator(watched))
    previous = None
    for number in itertools.count(1):
        try:
            record = next(records, None)
            if watched.error or _cut_short(previous):
                yield ReadError(f"{source}:record {number - _cut_short(previous)}", _truncated(watched))
                return
            if record is None:
                return
            if record.format != "warc" or not record.rec_type:
                yield ReadError(f"{source}:record {number}", "not a valid WARC record, reading stops here")
                return
            page = _html_page(record)
            payload = record.content_stream().read() if page else None
        except DAMAGE as exc:
            yield ReadError(f"{source}:record {number}", f"damaged archive, reading stops here ({_reason(exc)})")
            return
        previous = record
        if not page:
            continue
        if watched.error or _cut_short(record):
            yield ReadError(f"{source}:record {number}", _truncated(watched))
            return
        url, charset = page
        crawled = find_date(record.rec_headers.get_header("WARC-Date"))
        yield Page(payload, f"{source}:record {number}", url, charset, crawled)


class _Watched:
    """The archive stream, read a chunk at a time, keeping a read error for us to report.

    warcio takes an EOFError while it reads a record's headers for the end of
    the archive, so a truncated gzip stream would end the archive silently.
    """

    def __init__(self, stream: BinaryIO):
        self.stream = stream
        self.error: BaseException | None = None

    def read(self, size: int = -1) -> bytes:
        if self.error:
            return b""
        try:
            return self.stream.read1(size)
        except DAMAGE as exc:
            self.error = exc
            return b""


def _cut_short(record) -> bool:
    """Whether the archive ended before the record's declared length."""
    return record is not None and getattr(record.raw_stream, "limit", 0) > 0


def _truncated(watched: _Watched) -> str:
    cause = f" ({_reason(watched.error)})" if watched.error else ""
    return f"truncated or damaged archive, reading stops here{cause}"


def _html_page(record) -> tuple[str | None, str | None] | None:
    """(target URL, declared charset) of a record that holds a web page, else None."""
    if record.rec_type != "response" or not record.http_headers or record.http_headers.get_statuscode() != "200":
        return None
    header = Message()
    header["Content-Type"] = record.http_headers.get_header("Content-Type") or ""
    if header.get_content_type() not in HTML_TYPES:
        return None
    return record.rec_headers.get_header("WARC-Target-URI"), header.get_param("charset")


def _reason(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
