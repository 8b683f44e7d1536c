"""JSON Lines exports: one JSON object per line, one article per object.

Read line by line so exports of any size stream; a bad line is reported with
its number and the lines after it are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from quotes.article import Article
from quotes.readers.errors import ReadError
from quotes.readers.records import Fields, article_from_record


def read_jsonl(lines: Iterable[bytes], source: str, chosen: Fields) -> Iterator[Article | ReadError]:
    for item in json_objects(lines, source):
        if isinstance(item, ReadError):
            yield item
            continue
        where, record = item
        try:
            yield article_from_record(record, chosen, where)
        except ValueError as exc:
            yield ReadError(where, str(exc))


def json_objects(lines: Iterable[bytes], source: str) -> Iterator[tuple[str, dict] | ReadError]:
    """(`source:LINE`, object) of each non-blank line, or a ReadError naming a line that
    is not UTF-8, not JSON or not an object."""
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        where = f"{source}:{number}"
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield ReadError(where, f"not valid UTF-8 (byte {exc.start + 1} of the line)")
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield ReadError(where, f"a record must be a JSON object, not {_json_type(record)}")
            continue
        yield where, record


def _json_type(value: object) -> str:
    return {list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean"}.get(
        type(value), "null")
