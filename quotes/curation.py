"""`quotes speakers`: a journalist's corrections to the speakers, kept.

Each command finds its speakers by name or alias (quotes.export.find_speaker,
never by a fragment: a guess would change the database), records one row in
`overrides`, and applies it at once in one transaction: quotes and article
speakers move, the affected articles' role history is rebuilt and the
speakers are recomputed by the loader, with the new override in force.
Because every later load applies the overrides too (quotes.overrides), the
correction survives re-extracting the same files and loading new ones.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone

from sqlite_utils import Database

from quotes.db import Loader, write_speaker_roles
from quotes.export import Speaker, find_speaker
from quotes.overrides import MERGE, NOT_A_SPEAKER, RENAME, SPLIT, Override, name_key
from quotes.speaker_identity import ORGANIZATION, PERSON, alias_key, canonical_name


class CurationError(Exception):
    """A correction that cannot be made as asked; the message says why."""


def merge(db: Database, target: str, other: str) -> str:
    """B's quotes and aliases go to A, and B's names go on naming A."""
    a, b = find_speaker(db, target, partial=False), find_speaker(db, other, partial=False)
    if a.id == b.id:
        raise CurationError(f"{target!r} and {other!r} are already one speaker: {a.name}")
    if {a.kind, b.kind} == {PERSON, ORGANIZATION}:
        raise CurationError(f"{a.name} is {_a(a.kind)} and {b.name} {_a(b.kind)}; a person and an organization "
                            "cannot be one speaker")
    names = _names_of(db, b)
    with db.atomic():
        _record(db, MERGE, b.kind, a.id, a.name, b.id, b.name, names)
        _move(db, b.id, a.id)
    merged = _speaker_row(db, a.id)
    return f"merged {b.name} ({_quotes(b.quote_count)}) into {merged['name']}, now {_quotes(merged['quote_count'])}"


def split(db: Database, name: str, aliases: list[str]) -> str:
    """The given aliases of a speaker become a speaker of their own: the
    quotes its articles attribute under those names move to it, and the
    aliases name only it from now on."""
    if not aliases:
        raise CurationError("give at least one --alias to split off")
    s = find_speaker(db, name, partial=False)
    known = {name_key(a, s.kind): a for a in _aliases_of(db, s)}
    unknown = [a for a in aliases if name_key(a, s.kind) not in known]
    if unknown:
        raise CurationError(f"{', '.join(map(repr, unknown))} {'is not an alias' if len(unknown) == 1 else 'are not aliases'}"
                            f" of {s.name}; its aliases are: {', '.join(sorted(known.values()))}")
    keys = sorted({name_key(a, s.kind) for a in aliases})
    new_id = hashlib.sha1(f"split:{s.kind}:{'|'.join(keys)}".encode()).hexdigest()[:12]
    new_name = canonical_name({known[k]: 1 for k in keys})
    if new_id == s.id:
        raise CurationError(f"{s.name} is already the speaker of {', '.join(aliases)}")
    moving = [n for n in _names_of(db, s) if name_key(n, s.kind) in keys]
    with db.atomic():
        _record(db, SPLIT, s.kind, new_id, new_name, s.id, s.name, [known[k] for k in keys])
        _move(db, s.id, new_id, names=moving)
    moved = _speaker_row(db, new_id)
    left = _speaker_row(db, s.id)
    report = f"split {', '.join(aliases)} from {s.name}: "
    report += f"{moved['name']} has {_quotes(moved['quote_count'])}" if moved else "no quotes moved (the aliases will name only the new speaker)"
    return report + (f", {left['name']} keeps {_quotes(left['quote_count'])}" if left else f", {s.name} has none left")


def rename(db: Database, name: str, new: str) -> str:
    """The speaker is shown as NEW, whatever later articles call it."""
    new = " ".join(new.split())
    if not new:
        raise CurationError("the new name is empty")
    s = find_speaker(db, name, partial=False)
    if new == s.name:
        raise CurationError(f"{s.name} is already called that")
    clash = db.execute("select name from speakers where name = ? collate nocase and id != ?", [new, s.id]).fetchone()
    if clash:
        raise CurationError(f"another speaker is called {clash[0]!r}; to make them one, use: quotes speakers merge")
    with db.atomic():
        _record(db, RENAME, s.kind, s.id, new, None, s.name, [s.name])
        Loader(db).refresh_speakers([s.id])
    return f"renamed {s.name} to {new}"


def not_a_speaker(db: Database, name: str) -> str:
    """The speaker is removed; its quotes stay, with their text and the
    attribution as written, but no speaker, now and on every later load."""
    s = find_speaker(db, name, partial=False)
    with db.atomic():
        _record(db, NOT_A_SPEAKER, s.kind, s.id, s.name, None, None, _names_of(db, s))
        _move(db, s.id, None)
    return f"{s.name} is not a speaker: its {_quotes(s.quote_count)} keep their text without a speaker"


def speaker_lines(db: Database) -> list[str]:
    """One line per speaker: name, kind, quotes, latest role and every alias."""
    lines = []
    for sid, name, kind, role, org, count in db.execute(
        "select id, name, kind, role, organization, quote_count from speakers order by quote_count desc, name"
    ):
        aliases = [a for (a,) in db.execute(
            "select alias from speaker_aliases where speaker_id = ? order by alias", [sid]) if a != name]
        what = "; ".join(p for p in (kind, ", ".join(p for p in (role, org) if p), _quotes(count)) if p)
        lines.append(f"{name} ({what})" + (f"  aliases: {', '.join(aliases)}" if aliases else ""))
    return lines


def override_lines(db: Database) -> list[str]:
    """One line per override, in the order they are applied."""
    return [f"{o.id}. {o.created}  {o.describe()}"
            for o in (Override.from_row(r) for r in db["overrides"].rows_where(order_by="id"))]


# -- helpers -----------------------------------------------------------------


def _names_of(db: Database, s: Speaker) -> list[str]:
    """The names the articles give the speaker's quotes (what later articles
    will call it too), and the name it is shown under."""
    names = [n for (n,) in db.execute(
        "select distinct speaker_name from quotes where speaker_id = ? and speaker_name is not null"
        " order by speaker_name", [s.id])]
    if alias_key(s.name) not in {alias_key(n) for n in names}:
        names.append(s.name)
    return names


def _aliases_of(db: Database, s: Speaker) -> list[str]:
    aliases = {a for (a,) in db.execute("select alias from speaker_aliases where speaker_id = ?", [s.id])}
    return sorted(aliases | set(_names_of(db, s)))


def _record(db: Database, action: str, kind: str, speaker_id: str, speaker_name: str,
            other_id: str | None, other_name: str | None, names: list[str]) -> None:
    db["overrides"].insert({
        "action": action, "kind": kind, "speaker_id": speaker_id, "speaker_name": speaker_name,
        "other_id": other_id, "other_name": other_name, "aliases": json.dumps(names, ensure_ascii=False),
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    })


def _move(db: Database, sid: str, to: str | None, names: list[str] | None = None) -> None:
    """Give speaker `to` (None: no speaker) the quotes of `sid`, or only those
    its articles attribute under `names`, with their article speakers; then
    rebuild what depends on them: the role history of the articles concerned
    and both speakers, with the overrides now recorded."""
    where, args = "speaker_id = ?", [sid]
    if names is not None:
        where += f" and {{column}} in ({', '.join('?' * len(names))})"
        args += names
    articles = [aid for (aid,) in db.execute(
        f"select distinct article_id from quotes where {where.format(column='speaker_name')}", args)]
    db.execute(f"update quotes set speaker_id = ? where {where.format(column='speaker_name')}", [to, *args])
    db.execute(f"update article_speakers set speaker_id = ? where {where.format(column='name')}", [to, *args])
    for aid in articles:
        write_speaker_roles(db, aid)
    Loader(db).refresh_speakers([sid] + ([to] if to else []))


def _quotes(count: int) -> str:
    return f"{count} quote{'s' * (count != 1)}"


def _a(kind: str) -> str:
    return f"{'an' if kind[:1] in 'aeiou' else 'a'} {kind}"


def _speaker_row(db: Database, sid: str) -> dict | None:
    return next(db["speakers"].rows_where("id = ?", [sid]), None)
