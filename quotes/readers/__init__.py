"""Turn paths into articles, whatever form the user has them in.

`read_paths` walks files and folders in order and yields one Article per
article found, or a ReadError naming the file (and record) that could not be
read, so one bad file never stops a batch.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from quotes.article import Article
from quotes.readers.plaintext import read_plain_text

FORMATS = ("text",)
EXTENSIONS = {".txt": "text", ".text": "text"}


@dataclass(slots=True)
class ReadError:
    """A file or record that could not be read, with the reason."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files in the given order; folders recurse in sorted order; '-' is stdin."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith(".") and child.suffix.lower() in EXTENSIONS:
                    yield str(child)
        else:
            yield raw


def read_paths(paths: Iterable[str], fmt: str | None = None) -> Iterator[Article | ReadError]:
    for path in expand_paths(paths):
        yield from read_path(path, fmt)


def read_path(path: str, fmt: str | None = None) -> Iterator[Article | ReadError]:
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            data = Path(path).read_bytes()
    except OSError as exc:
        yield ReadError(path, f"cannot read: {exc.strerror or exc}")
        return
    try:
        text = decode_text(data)
    except ValueError as exc:
        yield ReadError(path, str(exc))
        return
    yield read_plain_text(text, source=path)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), else windows-1252; binary data is refused."""
    if b"\x00" in data[:8192]:
        raise ValueError("looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ValueError(f"cannot decode as UTF-8 or windows-1252 (byte {exc.start})") from None
