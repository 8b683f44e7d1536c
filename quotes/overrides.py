"""Curation as data: the overrides a user recorded, as the loader applies them.

`quotes speakers merge/split/rename/not-a-speaker` each add one row to the
`overrides` table (quotes.curation).  Re-extraction re-resolves every speaker
of a changed or new article, so a decision that lived only in the speaker rows
would be undone by the next load; instead every load reads the overrides, in
the order they were recorded, and applies them:

* a pin sends an article's speaker of that name (compared as folded words, so
  "Mr. Hamidawi" is "Hamidawi") to a given speaker, or to no speaker at all,
  before any automatic matching: merge pins the other speaker's names to the
  target, split pins the given aliases to the new speaker, rename pins the old
  name, not-a-speaker pins the speaker's names to nothing;
* a split speaker is closed: only its pinned names reach it, and its aliases
  are its own (removed from every other speaker);
* a rename fixes the name shown, whatever the articles later call the speaker.

Overrides name speakers by id and names, never by position, so they hold
whatever order articles arrive in.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from quotes.speaker_identity import UNKNOWN, parse_name

MERGE, SPLIT, RENAME, NOT_A_SPEAKER = "merge", "split", "rename", "not-a-speaker"


@dataclass(frozen=True, slots=True)
class Override:
    """One row of the overrides table."""

    id: int
    action: str
    kind: str
    speaker_id: str  # the speaker it results in (merge, split) or is about (rename, not-a-speaker)
    speaker_name: str  # its name: the merge target's, the split speaker's, the new name, the removed one's
    other_id: str | None  # merge: the speaker merged away; split: the speaker split from
    other_name: str | None  # merge: the merged-away name; split: the name split from; rename: the old name
    names: tuple[str, ...]  # the article speaker names the override pins
    created: str

    @classmethod
    def from_row(cls, row: dict) -> Override:
        return cls(
            row["id"], row["action"], row["kind"], row["speaker_id"], row["speaker_name"], row["other_id"],
            row["other_name"], tuple(json.loads(row["aliases"] or "[]")), row["created"],
        )

    def describe(self) -> str:
        names = ", ".join(self.names)
        if self.action == MERGE:
            return f"merge {self.other_name!r} into {self.speaker_name!r} (names: {names})"
        if self.action == SPLIT:
            return f"split {names} from {self.other_name!r} as {self.speaker_name!r}"
        if self.action == RENAME:
            return f"rename {self.other_name!r} to {self.speaker_name!r}"
        return f"not a speaker: {self.speaker_name!r} (names: {names})"


def kinds_agree(a: str, b: str) -> bool:
    """A pin recorded for one kind holds for the same kind, or when either is
    "unknown" (the parser's kind for a name it could not classify)."""
    return a == b or UNKNOWN in (a, b)


def name_key(name: str, kind: str) -> str | None:
    found = parse_name(name, kind)
    return found.compact if found is not None else None


class Curation:
    """The overrides of a database, compiled in the order they were recorded."""

    def __init__(self, overrides: Iterable[Override] = ()):
        self.overrides = sorted(overrides, key=lambda o: o.id)
        self._pins: dict[str, list[tuple[str, str | None]]] = {}  # name key -> [(kind, speaker id or None)]
        self.names: dict[str, str] = {}  # speaker id -> name fixed by a rename
        self.exclusive: dict[str, str] = {}  # alias key -> the split speaker it belongs to
        self.closed: set[str] = set()  # split speakers: reached only through their pins
        self.reserved: set[str] = set()  # ids never given to a new speaker
        for o in self.overrides:
            self._apply(o)

    @classmethod
    def from_db(cls, db: Database) -> Curation:
        if not db["overrides"].exists():
            return cls()
        return cls(Override.from_row(row) for row in db["overrides"].rows_where(order_by="id"))

    def _pin(self, kind: str, names: Iterable[str], target: str | None) -> None:
        for name in names:
            key = name_key(name, kind)
            if key:
                self._pins.setdefault(key, []).append((kind, target))

    def _retarget(self, old: str, new: str | None) -> None:
        for key, pins in self._pins.items():
            self._pins[key] = [(kind, new if target == old else target) for kind, target in pins]
        for key, owner in list(self.exclusive.items()):
            if owner == old:
                if new is None:
                    del self.exclusive[key]
                else:
                    self.exclusive[key] = new
        if old in self.closed:
            self.closed.discard(old)
            if new is not None:
                self.closed.add(new)
        self.names.pop(old, None)

    def _apply(self, o: Override) -> None:
        self.reserved.update(i for i in (o.speaker_id, o.other_id) if i)
        if o.action == MERGE:
            self._retarget(o.other_id, o.speaker_id)
            self._pin(o.kind, o.names, o.speaker_id)
        elif o.action == SPLIT:
            self._pin(o.kind, o.names, o.speaker_id)
            self.closed.add(o.speaker_id)
            for name in o.names:
                key = name_key(name, o.kind)
                if key:
                    self.exclusive[key] = o.speaker_id
        elif o.action == RENAME:
            self.names[o.speaker_id] = o.speaker_name
            self._pin(o.kind, o.names, o.speaker_id)
        elif o.action == NOT_A_SPEAKER:
            self._retarget(o.speaker_id, None)
            self._pin(o.kind, o.names, None)

    def pinned(self, name: str, kind: str) -> tuple[bool, str | None]:
        """(True, speaker id or None for no speaker) when an override decides
        where an article's speaker of this name goes; (False, None) otherwise."""
        key = name_key(name, kind)
        for pin_kind, target in reversed(self._pins.get(key, [])) if key else ():
            if kinds_agree(pin_kind, kind):
                return True, target
        return False, None

    def owner(self, alias: str, kind: str) -> str | None:
        """The split speaker this alias belongs to exclusively, if any."""
        key = name_key(alias, kind)
        return self.exclusive.get(key) if key else None
