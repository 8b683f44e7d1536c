"""The SQLite database: its declared shape, loading parsed articles, the summary.

`ensure_db_shape` is the one place the schema is declared.  `Loader` writes
parsed articles one at a time, each in its own transaction, from the main
process and in input order:

* ids are deterministic (article: from its URL or its text; quote: article id
  plus offsets; speaker: from the first name it was seen under; speaker role:
  speaker, article, role and organisation), so loading the same files twice
  gives the same rows;
* an article whose row, quotes and speakers would not change is left alone
  ("unchanged"); a changed one has its quotes, speakers and roles replaced in
  the same transaction ("updated");
* each speaker of the article (with every form the article uses for it) is
  resolved across articles by quotes.speaker_identity, after the user's
  overrides (quotes.overrides) have had their say, and each touched speaker's
  aliases, canonical name, latest role and quote count are recomputed from
  what is stored, so they are right whatever was replaced.

Parsing and turning an article into rows (`prepare`) runs in worker processes.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cache

from sqlite_utils import Database
from sqlite_utils.db import DescIndex

from quotes import __version__
from quotes.article import Article
from quotes.overrides import Curation
from quotes.pipeline import parse_article
from quotes.readers import ReadError
from quotes.readers.identity import article_id
from quotes.sentences import Layout
from quotes.speaker_identity import (
    NAMED_KINDS, UNKNOWN, SpeakerIndex, alias_key, canonical_name, is_alias, is_proper_name, written_forms,
)


@dataclass(frozen=True)
class TableShape:
    name: str
    columns: dict[str, type]
    pk: str | tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...] = ()  # (column, other table, other column)
    not_null: tuple[str, ...] = ()
    indexes: tuple[str | tuple[str, ...], ...] = ()  # a column, or the columns of one index (DescIndex: descending)
    retired: tuple[str, ...] = ()  # indexes an older version made that one above now covers
    unique: tuple[str, ...] = ()
    fts: tuple[str, ...] = ()


# Datasette pages a table sorted by a column (sort_desc in metadata.yml) by that
# column descending, then the primary key.  An index in exactly that order,
# (DescIndex(column), "id"), lets every page read its rows from the index in
# order, and gives the first page (ordered by the column alone) the next pages'
# order of ties, so no row shows on two pages and none on neither.
TABLES = (
    TableShape(
        "articles",
        {
            "id": str, "title": str, "author": str, "published": str, "outlet": str, "url": str,
            "source": str, "text": str, "word_count": int, "extracted_at": str, "parser_version": str,
        },
        pk="id",
        not_null=("id", "text"),
        indexes=((DescIndex("published"), "id"), "outlet"),
        retired=("idx_articles_published",),
    ),
    TableShape(
        "speakers",
        {"id": str, "name": str, "kind": str, "role": str, "organization": str, "quote_count": int},
        pk="id",
        not_null=("id", "name", "kind"),
        indexes=("kind", (DescIndex("quote_count"), "id")),
        retired=("idx_speakers_quote_count",),
        unique=("name",),
        fts=("name",),
    ),
    TableShape(
        "speaker_aliases",
        {"speaker_id": str, "alias": str, "key": str},
        pk=("speaker_id", "alias"),
        foreign_keys=(("speaker_id", "speakers", "id"),),
        not_null=("speaker_id", "alias", "key"),
        indexes=("key",),
    ),
    TableShape(
        "quotes",
        {
            "id": str, "article_id": str, "start": int, "end": int, "text": str, "quote_type": str,
            "speaker_id": str, "speaker_name": str, "speaker_kind": str, "speaker_mention": str,
            "speaker_start": int, "speaker_end": int, "cue": str, "role": str, "organization": str,
            "confidence": float, "sentence": str, "outlet": str, "published": str, "published_month": str,
        },
        pk="id",
        foreign_keys=(("article_id", "articles", "id"), ("speaker_id", "speakers", "id")),
        not_null=("id", "article_id", "start", "end", "text"),
        indexes=(
            "article_id",
            # A speaker's quotes (quotes?speaker_id=, the export, a speaker's row)
            # in page order, with every default facet of metadata.yml and the
            # article (top_speakers) read from the index alone, never the rows.
            ("speaker_id", DescIndex("published"), "id", "role", "organization", "outlet", "quote_type", "cue",
             "published_month", "article_id"),
            "speaker_kind", "outlet", "role", "organization", "quote_type", "cue", (DescIndex("published"), "id"),
            # quotes_by_month: each month's distinct speakers and articles in index order.
            ("published_month", "speaker_id"), ("published_month", "article_id"),
        ),
        retired=("idx_quotes_speaker_id", "idx_quotes_published", "idx_quotes_published_month"),
        fts=("text",),
    ),
    TableShape(
        "article_speakers",
        {"article_id": str, "name": str, "kind": str, "speaker_id": str, "aliases": str},
        pk=("article_id", "kind", "name"),
        foreign_keys=(("article_id", "articles", "id"), ("speaker_id", "speakers", "id")),
        not_null=("article_id", "name", "kind", "aliases"),
        indexes=("speaker_id",),
    ),
    TableShape(
        "speaker_roles",
        {"id": str, "speaker_id": str, "role": str, "organization": str, "article_id": str, "published": str},
        pk="id",
        foreign_keys=(("speaker_id", "speakers", "id"), ("article_id", "articles", "id")),
        not_null=("id", "speaker_id", "article_id"),
        indexes=("speaker_id", "article_id", "role", "organization", (DescIndex("published"), "id")),
        retired=("idx_speaker_roles_published",),
    ),
    TableShape(
        "overrides",
        {
            "id": int, "action": str, "kind": str, "speaker_id": str, "speaker_name": str,
            "other_id": str, "other_name": str, "aliases": str, "created": str,
        },
        pk="id",
        not_null=("id", "action", "kind", "speaker_id", "speaker_name", "aliases", "created"),
        indexes=("action", "speaker_id"),
    ),
)

VIEWS = {
    # One row per quote with what an export needs; its columns are the CSV's.
    "quotes_export": """select
  quotes.text as quote,
  speakers.name as speaker,
  quotes.role,
  quotes.organization,
  articles.title as article_title,
  quotes.published,
  articles.url,
  quotes.outlet,
  quotes.cue,
  quotes.quote_type as type,
  quotes.confidence,
  quotes.article_id,
  quotes.start,
  quotes."end"
from quotes
join articles on articles.id = quotes.article_id
left join speakers on speakers.id = quotes.speaker_id""",
}


def open_db(path) -> Database:
    """The database at path, in the declared shape (created if missing).
    WAL mode lets Datasette read it while `quotes extract` writes."""
    db = Database(path)
    if not db.memory:
        db.enable_wal()
    ensure_db_shape(db)
    return db


def _schema(db: Database) -> list[tuple[str, str, str]]:
    return sorted(db.execute("select type, name, sql from sqlite_master where name not like 'sqlite_%'").fetchall())


@cache
def declared_schema() -> tuple[tuple[str, str, str], ...]:
    """(type, name, sql) of every object of a freshly shaped database, in the
    order they are created."""
    db = Database(memory=True)
    _declare(db)
    return tuple(db.execute(
        "select type, name, sql from sqlite_master where name not like 'sqlite_%' order by rowid"
    ).fetchall())


def schema_sql() -> str:
    """The CREATE statements of the declared shape (for the README): tables,
    indexes, the view; not the search indexes' internal tables and triggers."""
    order = ("table", "index", "view")
    rows = sorted((r for r in declared_schema() if r[0] in order), key=lambda r: order.index(r[0]))
    return "\n".join(sql + ";" for _, name, sql in rows if "_fts_" not in name)


def ensure_db_shape(db: Database) -> None:
    """Give db the declared shape.  Idempotent: a database already in shape is
    not written to; one made by an older version is upgraded in place (new
    columns, keys, indexes, search indexes and views, retired indexes dropped;
    data kept)."""
    if _schema(db) != sorted(declared_schema()):
        had_roles = db["speaker_roles"].exists()
        _declare(db)
        if not had_roles:  # an older database: its quotes give the role history at once
            with db.atomic():
                for (aid,) in db.execute("select id from articles").fetchall():
                    write_speaker_roles(db, aid)


def _declare(db: Database) -> None:
    # transform() rebuilds a table under a temporary name, which SQLite refuses
    # while a view refers to the table: drop the views, re-create them last.
    for view in VIEWS:
        db[view].drop(ignore=True)
    for shape in TABLES:
        table = db[shape.name]
        before = table.schema if table.exists() else None
        table.create(
            shape.columns,
            pk=shape.pk,
            foreign_keys=list(shape.foreign_keys),
            not_null=set(shape.not_null),
            column_order=list(shape.columns),
            transform=True,
        )
        known = {fk.column for fk in table.foreign_keys}
        missing = [fk for fk in shape.foreign_keys if fk[0] not in known]
        if missing:
            table.transform(add_foreign_keys=missing)
        for column in shape.unique:
            table.create_index([column], unique=True, if_not_exists=True)
        for name in shape.retired:
            db.execute(f'drop index if exists "{name}"')
        for index in shape.indexes:
            table.create_index([index] if isinstance(index, str) else list(index), if_not_exists=True)
        if shape.fts:
            table.enable_fts(list(shape.fts), tokenize="porter", create_triggers=True, replace=True)
            if before is not None and table.schema != before:
                table.rebuild_fts()  # the rebuilt table's rowids may have moved
    for view, sql in VIEWS.items():
        db.create_view(view, sql)


# -- rows --------------------------------------------------------------------

# Fields that record when and by what an article was loaded, not what it says.
PROVENANCE = ("extracted_at", "parser_version")


@dataclass(slots=True)
class Prepared:
    """An article as rows: its `articles` row (without provenance), its
    `quotes` rows and its `article_speakers` rows (both without speaker_id,
    which the loader resolves)."""

    article: dict
    quotes: list[dict]
    speakers: list[dict] = field(default_factory=list)

    @property
    def source(self) -> str:
        return self.article["source"] or self.article["id"]


def prepare(item: Article | ReadError) -> Prepared | ReadError:
    """Parse an article and turn it into rows (runs in a worker process)."""
    if isinstance(item, ReadError):
        return item
    try:
        return article_rows(parse_article(item))
    except Exception as exc:  # one bad article must not stop the batch
        return ReadError(item.source or item.id or "article", f"could not parse: {type(exc).__name__}: {exc}")


def article_rows(article: Article) -> Prepared:
    text = article.text
    aid = article.id or article_id(article.url, text)
    published = article.published
    month = published[:7] if published and re.match(r"\d{4}-\d\d", published) else None
    layout = Layout(text)
    quotes = []
    for q in sorted(article.quotes, key=lambda q: (q.start, q.end)):
        if not (0 <= q.start < q.end <= len(text)) or text[q.start:q.end] != q.text:
            raise ValueError(f"quote at {q.start}-{q.end} does not match the article text")
        first, last = layout.sentence_at(q.start), layout.sentence_at(q.end - 1)
        mention = _mention(article, q)
        quotes.append({
            "id": f"{aid}-{q.start}-{q.end}",
            "article_id": aid,
            "start": q.start,
            "end": q.end,
            "text": q.text,
            "quote_type": q.type,
            "speaker_name": q.speaker,
            "speaker_kind": q.speaker_kind,
            "speaker_mention": mention,
            "speaker_start": q.speaker_start if mention is not None else None,
            "speaker_end": q.speaker_end if mention is not None else None,
            "cue": q.cue,
            "role": q.role,
            "organization": q.organization,
            "confidence": q.confidence,
            "sentence": text[min(first[0], q.start):max(last[1], q.end)],
            "outlet": article.outlet,
            "published": published,
            "published_month": month,
        })
    row = {
        "id": aid, "title": article.title, "author": article.author, "published": published,
        "outlet": article.outlet, "url": article.url, "source": article.source, "text": text,
        "word_count": len(text.split()),
    }
    return Prepared(row, quotes, speaker_rows(article, aid))


def _mention(article: Article, quote) -> str | None:
    if quote.speaker_start is None or quote.speaker_end is None:
        return None
    return article.text[quote.speaker_start:quote.speaker_end]


def speaker_rows(article: Article, aid: str) -> list[dict]:
    """One `article_speakers` row per named speaker of the article's quotes,
    with every form the article uses for it: its name, the parser's aliases
    (and an acronym written inside one, "Israel Defense Forces (IDF)"), and any
    mention at an attribution that is a form of the name.  Stored per article
    so a speaker's aliases can be recomputed when an article is replaced."""
    parsed = {}
    for speaker in article.speakers:
        parsed.setdefault((speaker.kind, speaker.name), speaker)
        parsed.setdefault((None, speaker.name), speaker)
    forms: dict[tuple[str, str], list[str]] = {}
    for q in sorted(article.quotes, key=lambda q: (q.start, q.end)):
        name, kind = q.speaker, q.speaker_kind
        if kind not in NAMED_KINDS or not is_proper_name(name):
            continue  # anonymous, or a description ("the city") rather than a name
        if (kind, name) not in forms:
            forms[(kind, name)] = [name]
            found = parsed.get((kind, name)) or parsed.get((None, name))
            for alias in found.aliases if found else ():
                _add_form(forms[(kind, name)], *written_forms(alias))
        mention = _mention(article, q)
        if is_alias(mention, name, kind):
            _add_form(forms[(kind, name)], mention)
    return [
        {"article_id": aid, "name": name, "kind": kind, "aliases": json.dumps(aliases, ensure_ascii=False)}
        for (kind, name), aliases in sorted(forms.items())
    ]


def _add_form(aliases: list[str], *forms: str) -> None:
    for form in forms:
        form = " ".join(form.split())
        if is_proper_name(form) and form not in aliases:
            aliases.append(form)


def write_speaker_roles(db: Database, aid: str) -> None:
    """Replace the article's `speaker_roles` rows from its quotes: one per
    speaker and distinct role and organisation the article gives it."""
    db["speaker_roles"].delete_where("article_id = ?", [aid])
    rows = [
        {"id": role_id(sid, aid, role, org), "speaker_id": sid, "role": role, "organization": org,
         "article_id": aid, "published": published}
        for sid, role, org, published in db.execute(
            "select speaker_id, role, organization, max(published) from quotes"
            " where article_id = ? and speaker_id is not null and (role is not null or organization is not null)"
            " group by 1, 2, 3", [aid])
    ]
    if rows:
        db["speaker_roles"].insert_all(rows, pk="id")


def role_id(speaker_id: str, aid: str, role: str | None, organization: str | None) -> str:
    """Deterministic key of a speaker_roles row (null and empty kept apart)."""
    key = json.dumps([speaker_id, aid, role, organization], ensure_ascii=False)
    return hashlib.sha1(key.encode()).hexdigest()[:16]


# -- loading -----------------------------------------------------------------


def speaker_index(db: Database) -> SpeakerIndex:
    """The speakers in db by every alias, to resolve names against."""
    return SpeakerIndex.from_rows(db.execute(
        "select speaker_aliases.speaker_id, speakers.kind, speaker_aliases.alias"
        " from speaker_aliases join speakers on speakers.id = speaker_aliases.speaker_id"
    ))


@dataclass
class Summary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    quotes: int = 0  # found in the articles read (loaded or unchanged)
    failures: list[ReadError] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return self.added + self.updated + self.unchanged + self.failed

    def render(self, database: str, totals: dict[str, int]) -> str:
        return (
            f"articles: {self.added} added, {self.updated} updated, {self.unchanged} unchanged, {self.failed} failed\n"
            f"quotes:   {self.quotes} found in these articles\n"
            f"{database}: {totals['articles']} articles, {totals['quotes']} quotes, {totals['speakers']} speakers"
        )


class Loader:
    """Writes prepared articles into db (from open_db), keeping speakers
    consistent and applying the database's overrides."""

    def __init__(self, db: Database):
        self.db = db
        self.summary = Summary()
        self.curation = Curation.from_db(db)
        self.index = speaker_index(db)

    def add(self, item: Prepared | ReadError) -> str:
        """Load one article; returns "added", "updated", "unchanged" or "failed"."""
        if isinstance(item, ReadError):
            return self._fail(item)
        try:
            outcome = self._write(item)
        except (sqlite3.Error, ValueError) as exc:
            self.index = speaker_index(self.db)  # the transaction was rolled back
            return self._fail(ReadError(item.source, f"could not be stored: {exc}"))
        self.summary.quotes += len(item.quotes)
        setattr(self.summary, outcome, getattr(self.summary, outcome) + 1)
        return outcome

    def _fail(self, error: ReadError) -> str:
        self.summary.failed += 1
        self.summary.failures.append(error)
        return "failed"

    def _unchanged(self, old: dict, prep: Prepared) -> bool:
        db, aid = self.db, prep.article["id"]
        if {k: v for k, v in old.items() if k not in PROVENANCE} != prep.article:
            return False
        old_quotes = [
            {k: v for k, v in row.items() if k != "speaker_id"}
            for row in db["quotes"].rows_where("article_id = ?", [aid], order_by="start, \"end\"")
        ]
        old_speakers = [
            {k: v for k, v in row.items() if k != "speaker_id"}
            for row in db["article_speakers"].rows_where("article_id = ?", [aid], order_by="kind, name")
        ]
        return old_quotes == prep.quotes and old_speakers == prep.speakers

    def _write(self, prep: Prepared) -> str:
        db, aid = self.db, prep.article["id"]
        old = next(db["articles"].rows_where("id = ?", [aid]), None)
        if old is not None and self._unchanged(old, prep):
            return "unchanged"
        with db.atomic():
            touched = {
                sid for (sid,) in db.execute(
                    "select speaker_id from quotes where article_id = ? and speaker_id is not null union"
                    " select speaker_id from article_speakers where article_id = ? and speaker_id is not null",
                    [aid, aid],
                )
            }
            for table in ("speaker_roles", "article_speakers", "quotes"):
                db[table].delete_where("article_id = ?", [aid])
            db["articles"].upsert({
                **prep.article,
                "extracted_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "parser_version": __version__,
            }, pk="id")
            ids: dict[tuple[str, str], str | None] = {}
            for speaker in prep.speakers:
                ids[(speaker["kind"], speaker["name"])] = self._resolve(
                    speaker["name"], speaker["kind"], json.loads(speaker["aliases"]))
            db["article_speakers"].insert_all(
                [{**s, "speaker_id": ids[(s["kind"], s["name"])]} for s in prep.speakers],
                pk=("article_id", "kind", "name"),
            )
            db["quotes"].insert_all(
                [{**q, "speaker_id": ids.get((q["speaker_kind"], q["speaker_name"]))} for q in prep.quotes],
                pk="id",
            )
            write_speaker_roles(db, aid)
            self.refresh_speakers(touched | {sid for sid in ids.values() if sid})
        return "added" if old is None else "updated"

    def _resolve(self, name: str, kind: str, aliases: list[str]) -> str | None:
        """The speaker id of an article's speaker: as an override pins it, else
        the known speaker it is, else a new id."""
        # Aliases a split gave to another speaker are not evidence for this one.
        aliases = [a for a in aliases if self.curation.owner(a, kind) is None]
        decided, sid = self.curation.pinned(name, kind)
        if not decided:
            sid = self.index.resolve_speaker(name, kind, aliases)
            if sid is None or sid in self.curation.closed:
                sid = self._new_id(name, kind)
        if sid is not None:
            for alias in [name, *aliases]:
                self.index.add(sid, kind, alias)
        return sid

    def _new_id(self, name: str, kind: str) -> str:
        key = f"{kind}:{alias_key(name)}"
        for n in itertools.count():
            sid = hashlib.sha1(f"{key}:{n}".encode() if n else key.encode()).hexdigest()[:12]
            if sid not in self.index and sid not in self.curation.reserved:
                return sid

    def refresh_speakers(self, sids: Iterable[str]) -> None:
        """Recompute these speakers from their quotes; those left without
        quotes go first, so their names are free for the others."""
        has_quotes = {sid: bool(self.db.execute("select 1 from quotes where speaker_id = ? limit 1", [sid]).fetchone())
                      for sid in sids}
        for sid in sorted(has_quotes, key=lambda s: (has_quotes[s], s)):
            self._refresh_speaker(sid)

    def _refresh_speaker(self, sid: str) -> None:
        """Recompute a speaker's row and aliases from its quotes and article
        speakers (or delete it), as the overrides say."""
        db = self.db
        forms = db.execute(
            "select speaker_name, speaker_kind, speaker_mention, count(*) from quotes"
            " where speaker_id = ? group by 1, 2, 3", [sid]
        ).fetchall()
        db["speaker_aliases"].delete_where("speaker_id = ?", [sid])
        self.index.remove(sid)
        if not forms:
            db["speakers"].delete_where("id = ?", [sid])
            return
        names: Counter[str] = Counter()
        kinds: Counter[str] = Counter()
        aliases: list[str] = []
        for name, kind, mention, count in forms:
            names[name] += count
            kinds[kind] += count
            _add_form(aliases, name)
            if is_alias(mention, name, kind):
                _add_form(aliases, mention)
        _add_form(aliases, *(form for (form,) in db.execute(
            "select distinct json_each.value from article_speakers, json_each(article_speakers.aliases)"
            " where article_speakers.speaker_id = ? order by 1", [sid])))
        kind = _main_kind(kinds)
        renamed = self.curation.names.get(sid)
        if renamed:
            _add_form(aliases, renamed)
        aliases = [a for a in aliases if self.curation.owner(a, kind) in (None, sid)]
        db["speakers"].upsert({
            "id": sid,
            "name": self._unique_name(renamed or canonical_name(dict(names)), kind, sid),
            "kind": kind,
            "role": self._latest(sid, "role"),
            "organization": self._latest(sid, "organization"),
            "quote_count": sum(names.values()),
        }, pk="id")
        db["speaker_aliases"].insert_all(
            [{"speaker_id": sid, "alias": a, "key": alias_key(a)} for a in sorted(aliases)],
            pk=("speaker_id", "alias"),
        )
        for alias in aliases:
            self.index.add(sid, kind, alias)

    def _latest(self, sid: str, column: str) -> str | None:
        row = self.db.execute(
            f"select {column} from quotes where speaker_id = ? and {column} is not null"
            " order by published is null, published desc, article_id, start limit 1", [sid]
        ).fetchone()
        return row[0] if row else None

    def _unique_name(self, name: str, kind: str, sid: str) -> str:
        """name, or "name (kind)" when a speaker of another kind has it already."""
        more = (f"{name} ({kind} {n})" for n in itertools.count(2))
        for candidate in itertools.chain((name, f"{name} ({kind})"), more):
            if not self.db.execute("select 1 from speakers where name = ? and id != ?", [candidate, sid]).fetchone():
                return candidate

    def totals(self) -> dict[str, int]:
        return {table: self.db[table].count for table in ("articles", "quotes", "speakers")}


def _main_kind(kinds: Counter[str]) -> str:
    """The kind most of a speaker's quotes give, "unknown" only when all do."""
    named = [(count, kind) for kind, count in kinds.items() if kind != UNKNOWN]
    return max(named)[1] if named else UNKNOWN
