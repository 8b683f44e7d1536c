"""Bytes to text the way a browser would, so curly quotes survive legacy pages.

Old pages and Excel exports are windows-1252; pages and servers often say
`iso-8859-1` when they mean windows-1252 (browsers treat the two labels as
one), and sometimes declare a charset their bytes do not follow.
"""

from __future__ import annotations

import codecs
import re

BINARY_SNIFF = 8192
# Where a page names its charset: <meta charset=...>, <meta http-equiv ... content="...; charset=...">
# or an XML declaration; browsers look only near the top.
DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+?encoding\s*=\s*["']([\w.:-]+)""",
    re.IGNORECASE,
)
CHARSET_SNIFF = 4096
# Labels that browsers decode as windows-1252, because that is what such pages really are.
WINDOWS_1252_CODECS = {"cp1252", "iso8859-1", "ascii"}


def looks_binary(head: bytes) -> bool:
    """NUL bytes do not occur in text in any encoding we read."""
    return b"\x00" in head[:BINARY_SNIFF]


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), else windows-1252; binary data is refused.

    A byte that windows-1252 leaves undefined becomes U+FFFD rather than
    losing the whole article.
    """
    if looks_binary(data):
        raise ValueError("looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def decode_html(data: bytes, declared: str | None = None) -> str:
    """A page's text in the charset its BOM, its server (`declared`) or its own markup names.

    When the named charset does not fit the bytes, fall back to UTF-8 then
    windows-1252, as for any text.
    """
    if not data.startswith(codecs.BOM_UTF8):
        for label in (declared, page_charset(data)):
            encoding = python_codec(label)
            if encoding:
                try:
                    return data.decode(encoding)
                except UnicodeDecodeError:
                    break
    return decode_text(data)


def page_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes, if any."""
    match = DECLARED_CHARSET.search(data[:CHARSET_SNIFF])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii")


def python_codec(label: str | None) -> str | None:
    """Python's codec for a charset label, with browsers' windows-1252 reading of latin-1 and ASCII."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    if name in WINDOWS_1252_CODECS:
        return "cp1252"
    if name.startswith(("utf-16", "utf-32")):
        return "utf-8"  # a UTF-16 page could not declare it in ASCII bytes; browsers read UTF-8 too
    return name
