"""CSV exports: a header row naming the fields, then one article per row.

Spreadsheets save CSV with commas, semicolons or tabs and, on Windows, in
windows-1252, so the delimiter is taken from the header line and each line is
read as UTF-8, else windows-1252.  Rows stream; a row's quoted text may span
lines, and errors name the line the row starts on.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterable, Iterator

from quotes.article import Article
from quotes.readers.errors import ReadError
from quotes.readers.records import USUAL_NAMES, Fields, article_from_record

DELIMITERS = (",", ";", "\t", "|")
# Article texts are longer than the csv module's default 128 KiB field limit.
FIELD_LIMIT = 1 << 30


def read_csv(lines: Iterable[bytes], source: str, chosen: Fields) -> Iterator[Article | ReadError]:
    text_lines = _decoded(lines)
    first = next(text_lines, None)
    if first is None:
        yield ReadError(source, "empty CSV file")
        return
    csv.field_size_limit(max(csv.field_size_limit(), FIELD_LIMIT))
    delimiter = max(DELIMITERS, key=first.count)
    rows = csv.reader(itertools.chain([first], text_lines), delimiter=delimiter)
    try:
        header = [name.strip() for name in next(rows)]
    except csv.Error as exc:
        yield ReadError(f"{source}:1", f"malformed CSV header ({exc})")
        return
    problem = _header_problem(header, chosen)
    if problem:
        yield ReadError(f"{source}:1", problem)
        return
    start = rows.line_num + 1
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            yield ReadError(f"{source}:{start}", f"malformed CSV ({exc})")
            start = rows.line_num + 1
            continue
        where, start = f"{source}:{start}", rows.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield ReadError(where, f"{len(row)} fields where the header has {len(header)}")
            continue
        try:
            yield article_from_record(dict(zip(header, row)), chosen, where)
        except ValueError as exc:
            yield ReadError(where, str(exc))


def _header_problem(header: list[str], chosen: Fields) -> str | None:
    """Why no row of this file can be read: a named column is missing, or there is no text column."""
    present = {name.lower() for name in header}
    columns = ", ".join(header)
    for part, name in chosen.named().items():
        if name.lower() not in present:
            return f"no column {name!r} for --{part}-field (columns: {columns})"
    if not chosen.text and present.isdisjoint(n.lower() for n in USUAL_NAMES["text"]):
        return f"no text column (columns: {columns}); name it with --text-field"
    return None


def _decoded(lines: Iterable[bytes]) -> Iterator[str]:
    """Each line as UTF-8 (BOM dropped), else as windows-1252, which every byte decodes in."""
    for number, raw in enumerate(lines):
        try:
            yield raw.decode("utf-8-sig" if number == 0 else "utf-8")
        except UnicodeDecodeError:
            yield raw.decode("cp1252", errors="replace")
