"""Every quote of a speaker as CSV, from the `quotes_export` view.

A speaker is found by canonical name or by any alias, surname or spelling
variant (quotes.speaker_identity), or failing those by part of an alias
("Abdollahian").  Cells a spreadsheet would run as a formula are neutralised.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from sqlite_utils import Database

from quotes.db import speaker_index
from quotes.speaker_identity import alias_key, strip_accents

ORDER = "published desc, article_id, start"
# A cell starting with one of these is a formula to Excel, LibreOffice and Sheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


@dataclass(frozen=True)
class Speaker:
    id: str
    name: str
    kind: str
    role: str | None
    organization: str | None
    quote_count: int

    def describe(self) -> str:
        what = ", ".join(p for p in (self.kind, self.role, self.organization) if p)
        return f"{self.name} ({what}; {self.quote_count} quote{'s' * (self.quote_count != 1)})"


class SpeakerNotFound(LookupError):
    pass


class AmbiguousSpeaker(LookupError):
    def __init__(self, query: str, candidates: list[Speaker]):
        super().__init__(query)
        self.query = query
        self.candidates = candidates


def columns(db: Database) -> list[str]:
    return [c.name for c in db["quotes_export"].columns]


def _speakers(db: Database, where: str, args: list) -> list[Speaker]:
    rows = db.execute(
        f"select id, name, kind, role, organization, quote_count from speakers where {where}"
        " order by quote_count desc, name", args
    ).fetchall()
    return [Speaker(*row) for row in rows]


def find_speaker(db: Database, query: str, partial: bool = True) -> Speaker:
    """The one speaker `query` names; SpeakerNotFound or AmbiguousSpeaker otherwise.
    Without `partial`, part of an alias is not enough (for curation, where a
    guess would change the database)."""
    exact = _speakers(db, "name = ? collate nocase", [query.strip()])
    if len(exact) == 1:
        return exact[0]
    ids = speaker_index(db).matches(query)
    if not ids and partial and alias_key(query):
        ids = [sid for (sid,) in db.execute(
            "select distinct speaker_id from speaker_aliases where key like '%' || ? || '%'", [alias_key(query)]
        )]
    found = _speakers(db, f"id in ({', '.join('?' * len(ids))})", ids) if ids else []
    if not found:
        raise SpeakerNotFound(query)
    if len(found) > 1:
        raise AmbiguousSpeaker(query, found)
    return found[0]


def rows(db: Database, speaker: Speaker) -> Iterator[tuple]:
    """The speaker's quotes as CSV rows, newest first (streamed)."""
    cols = ", ".join(f'"{c}"' for c in columns(db))
    yield from db.execute(f"select {cols} from quotes_export where speaker = ? order by {ORDER}", [speaker.name])


def neutralise(value: object) -> object:
    """A text cell that a spreadsheet would evaluate, made inert with a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_csv(db: Database, speaker: Speaker, out: TextIO) -> int:
    """Write the speaker's quotes to out; returns how many."""
    writer = csv.writer(out)
    writer.writerow(columns(db))
    count = 0
    for row in rows(db, speaker):
        writer.writerow([neutralise(v) for v in row])
        count += 1
    return count


def safe_filename(name: str, taken: set[str], fallback: str) -> str:
    """A file name for a speaker that is safe on every system: ASCII letters,
    digits and hyphens, not a reserved device name, unique among `taken`."""
    stem = re.sub(r"[^a-z0-9]+", "-", strip_accents(unicodedata.normalize("NFKC", name)).lower()).strip("-")[:80]
    stem = stem.strip("-") or fallback
    if stem in WINDOWS_RESERVED:
        stem = f"{stem}-{fallback}"
    candidate, n = stem, 2
    while candidate in taken:
        candidate, n = f"{stem}-{n}", n + 1
    taken.add(candidate)
    return candidate + ".csv"


def write_all(db: Database, directory: Path) -> Iterator[tuple[Speaker, Path, int]]:
    """One CSV per speaker in directory; yields (speaker, path, quotes written)."""
    directory.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    for speaker in _speakers(db, "quote_count > 0", []):
        path = directory / safe_filename(speaker.name, taken, speaker.id)
        with open(path, "w", encoding="utf-8", newline="") as fh:
            yield speaker, path, write_csv(db, speaker, fh)

