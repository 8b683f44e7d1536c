"""Turn paths into articles, whatever form the user has them in.

`read_paths` walks files and folders in order and yields one Article per
article found, or a ReadError naming the file (and line or record) that could
not be read, so one bad file never stops a batch.  A file's format is told
by its first bytes (WARC, HTML, JSON objects), else by its extension, else it
is plain text; `fmt` forces one.  Gzipped files are read through, and every
format streams: JSON Lines and CSV line by line, WARC record by record.
"""

from __future__ import annotations

import gzip
import io
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from quotes.article import Article
from quotes.dates import find_date
from quotes.readers.csvfile import read_csv
from quotes.readers.encoding import decode_text, looks_binary
from quotes.readers.errors import ReadError
from quotes.readers.html import Page
from quotes.readers.jsonl import read_jsonl
from quotes.readers.plaintext import read_plain_text
from quotes.readers.records import Fields
from quotes.readers.warc import read_warc

__all__ = ["FORMATS", "Fields", "Item", "Page", "ReadError", "decode_text", "detect_format", "expand_paths",
           "read_path", "read_paths", "realize"]

FORMATS = ("text", "html", "jsonl", "csv", "warc")
EXTENSIONS = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".warc": "warc",
}
COMPRESSED = ".gz"
SNIFF = 1 << 16
HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|article|main|div|p)\b", re.IGNORECASE)


def expand_paths(paths: Iterable[str], fmt: str | None = None) -> Iterator[str]:
    """Files in the given order; folders recurse in sorted order; '-' is stdin.

    In folders, hidden files are passed over, and so are files of no known
    extension unless `fmt` says what they all are.
    """
    for raw in paths:
        path = Path(raw)
        if raw == "-" or not path.is_dir():
            yield raw
            continue
        for child in sorted(path.rglob("*")):
            hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
            if child.is_file() and not hidden and (fmt or extension(child.name) in EXTENSIONS):
                yield str(child)


Item = Article | Page | ReadError


def read_paths(paths: Iterable[str], fmt: str | None = None, fields: Fields = Fields(),
               lazy: bool = False) -> Iterator[Item]:
    """Articles (or errors) of every file; with `lazy`, web pages come as Pages to be
    extracted by `realize` where the parsing runs (on every core)."""
    for path in expand_paths(paths, fmt):
        yield from read_path(path, fmt, fields, lazy)


def realize(item: Item) -> Article | ReadError:
    """The article of an item from read_paths(lazy=True)."""
    return item.article() if isinstance(item, Page) else item


def read_path(path: str, fmt: str | None = None, fields: Fields = Fields(), lazy: bool = False) -> Iterator[Item]:
    items = _read_path(path, fmt, fields)
    return items if lazy else map(realize, items)


def _read_path(path: str, fmt: str | None, fields: Fields) -> Iterator[Item]:
    try:
        raw = sys.stdin.buffer if path == "-" else open(path, "rb", buffering=SNIFF)
    except OSError as exc:
        yield ReadError(path, f"cannot read: {exc.strerror or exc}")
        return
    with nullcontext(raw) if path == "-" else raw:
        try:
            stream, head = _uncompressed(raw)
            kind = fmt or detect_format(path, head)
            if kind != "warc" and looks_binary(head):
                yield ReadError(path, "looks like a binary file, not text")
                return
            yield from _read(kind, stream, path, fields)
        except (OSError, EOFError, zlib.error) as exc:
            yield ReadError(path, f"cannot read: {getattr(exc, 'strerror', None) or exc}")


def detect_format(name: str, head: bytes) -> str:
    """The format that a file's first bytes show, else its extension's, else plain text."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"WARC/"):
        return "warc"
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"<") and HTML_START.search(start):
        return "html"
    return EXTENSIONS.get(extension(name), "text")


def extension(name: str) -> str:
    """The extension that names the format: `.jsonl` for `export.jsonl.gz`."""
    suffixes = [s.lower() for s in Path(name).suffixes]
    if suffixes and suffixes[-1] == COMPRESSED:
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


def _uncompressed(raw: BinaryIO) -> tuple[BinaryIO, bytes]:
    """The stream to read, gunzipped if it is gzip, and its first bytes."""
    if not hasattr(raw, "peek"):  # a standard input replaced by an in-memory stream
        raw = io.BufferedReader(raw)
    head = raw.peek(SNIFF)
    if head[:2] != b"\x1f\x8b":
        return raw, head
    stream = gzip.GzipFile(fileobj=raw)
    return stream, stream.peek(SNIFF)  # one read: a damaged end must not fail the sniff


def _read(kind: str, stream: BinaryIO, path: str, fields: Fields) -> Iterator[Item]:
    if kind == "jsonl":
        yield from read_jsonl(stream, path, fields)
    elif kind == "csv":
        yield from read_csv(stream, path, fields)
    elif kind == "warc":
        yield from read_warc(stream, path)
    else:
        data = stream.read()
        # A saved article with no date in it often has one in its file name.
        named = find_date(Path(path).stem)
        if kind == "html":
            yield Page(data, path, fallback_date=named)
            return
        try:
            article = read_plain_text(decode_text(data), path)
        except ValueError as exc:
            yield ReadError(path, str(exc))
            return
        yield article if article.published else replace(article, published=named)
