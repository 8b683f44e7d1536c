"""Plain-text articles as people save them from the web.

A copied page starts with its title, often a byline and date line
(`By Jane Roe | Oct 18, 2023`), sometimes the header twice and a line of tags,
and ends with site furniture (`About the author`, `Related Articles`).  We keep
the article body as one contiguous slice of the file, so every offset into
Article.text is also an offset into the file plus `body_start`.
"""

from __future__ import annotations

from quotes.article import Article
from quotes.dates import find_date
from quotes.readers.furniture import AUTHOR_BOX, BYLINE, FOOTER_STARTS, SENTENCE_END
from quotes.readers.identity import article_id


def read_plain_text(raw: str, source: str | None = None) -> Article:
    lines = _lines_with_offsets(raw)
    title, author, published = None, None, None
    header_lines: set[str] = set()
    body_start = None
    in_byline = False  # the lines under a byline, before a blank line, are its credit and date
    for start, line in lines:
        stripped = line.strip()
        if not stripped:
            in_byline = False
            continue
        if stripped in header_lines:
            continue  # the header printed twice
        byline = BYLINE.match(stripped)
        if byline and len(stripped) < 120:
            author = author or _clean_name(byline.group("name"))
            published = published or find_date(byline.group("rest")) or find_date(stripped)
            header_lines.add(stripped)
            in_byline = True
            continue
        if in_byline and len(stripped) < 60 and not SENTENCE_END.search(stripped):
            published = published or find_date(stripped)
            header_lines.add(stripped)
            continue
        if title is None and body_start is None and _looks_like_title(stripped, raw, start + len(line)):
            title = stripped
            header_lines.add(stripped)
            continue
        dated = find_date(stripped) if published is None and len(stripped) < 60 else None
        if dated and not SENTENCE_END.search(stripped):
            published = dated
            header_lines.add(stripped)
            continue
        if _is_tag_line(stripped):
            header_lines.add(stripped)
            continue
        body_start = start + (len(line) - len(line.lstrip()))
        break
    if body_start is None:
        body_start = len(raw)
    body_end = len(raw)
    for start, line in lines:
        if start <= body_start:
            continue
        stripped = line.strip()
        if FOOTER_STARTS.match(stripped):
            body_end = start
            box = AUTHOR_BOX.match(stripped)
            if box and not author:
                author = _clean_name(box.group("name"))
            break
    text = raw[body_start:body_end].rstrip()
    return Article(
        text=text,
        id=article_id(None, text),
        source=source,
        title=title,
        author=author,
        published=published,
    )


def _lines_with_offsets(raw: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in raw.splitlines(keepends=True):
        out.append((pos, line.rstrip("\r\n")))
        pos += len(line)
    return out


def _looks_like_title(line: str, raw: str, line_end: int) -> bool:
    """The first line is the title when it is short and stands alone above the body."""
    return len(line.split()) <= 25 and raw[line_end:line_end + 2].strip(" \t") in ("\n", "\r\n", "\n\n", "\r", "")


def _is_tag_line(line: str) -> bool:
    """A short all-lower-case label such as `kataib hezbollah` or `news, politics`."""
    return len(line) < 60 and line == line.lower() and not SENTENCE_END.search(line) and any(c.isalpha() for c in line)


def _clean_name(name: str | None) -> str | None:
    """A person's name from a byline fragment; dates and empty fragments are not names."""
    name = (name or "").strip(" ,|:-")
    if not name or find_date(name) or any(ch.isdigit() for ch in name):
        return None
    return name
