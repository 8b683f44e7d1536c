"""`make bench-db`: does Datasette serve a million quotes without slow pages?

Builds a synthetic database of the project's real shape (`ensure_db_shape`)
with the distributions of news: about ten quotes per article, a speaker per
twenty quotes with a Zipf-like share of the quotes (the most quoted has tens
of thousands), a few thousand roles and organisations, twenty outlets, ten
years of months, quotes of 10 to 60 words drawn from a generated vocabulary
with Zipf word frequencies (so full-text search has common and rare words),
and the speakers' aliases, article speakers and role history written as the
loader writes them.  Then it requests every page the README promises, in
process, through Datasette's own client, configured exactly as `quotes serve`
configures it (quotes.serve.make_datasette: the real metadata.yml and
settings), and prints page, status, milliseconds (median of 3) and rows.

A page fails when its status is not 200, when a facet ran out of time (its
JSON lists it in facets_timed_out, the HTML page just leaves it out), or when a
streamed CSV stops short (Datasette writes the error into the stream).

Timing lives here, never in the tests.

    python -m quotes.bench_db [--quotes 1000000] [--db /tmp/quotes-bench-1000000.db] [--reuse]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import itertools
import json
import random
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote as urlquote

from sqlite_utils import Database

from quotes.db import _schema, declared_schema, ensure_db_shape, open_db, role_id
from quotes.readers.identity import article_id
from quotes.speaker_identity import alias_key

SEED = 20240101
FIRST_DAY, DAYS = date(2015, 1, 1), 3653  # ten years of months
CUES = {"said": 50, None: 20, "told": 9, "says": 4, "added": 4, "explained": 2, "noted": 2, "wrote": 2,
        "warned": 2, "stated": 1, "claimed": 1, "argued": 1, "insisted": 1, "announced": 1}
TITLES = (
    "minister", "deputy minister", "spokesperson", "spokesman", "chief executive", "director", "senator",
    "governor", "mayor", "leader", "secretary-general", "chair", "president", "vice president", "professor",
    "analyst", "commander", "ambassador", "adviser", "head", "coach", "economist", "researcher", "lawyer",
    "prosecutor", "judge", "general", "chief of staff", "press secretary", "founder", "editor", "official",
    "representative", "member", "secretary", "commissioner", "inspector", "manager", "captain", "envoy",
)
ANONYMOUS = ("a senior official", "officials", "a source", "a spokesperson", "witnesses", "residents")
UNNAMED = ("the report's authors", "the statement", "the ministry", "critics", "the court")
ONSETS = "b c d f g h j k l m n p r s t v z br dr kr st tr sh ch th".split()
VOWELS = "a e i o u ai ou ea".split()


def _words(rng: random.Random, n: int, syllables: tuple[int, int]) -> list[str]:
    """n distinct pronounceable made-up words (kabo, tresumi, ...)."""
    seen: dict[str, None] = {}
    while len(seen) < n:
        k = rng.randint(*syllables)
        seen.setdefault("".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(k)), None)
    return list(seen)


def vocabulary() -> list[str]:
    """The quotes' words, commonest first (its own seed: the pages to time
    need it without building anything)."""
    return _words(random.Random(SEED), 30_000, (1, 3))


def _zipf(n: int, s: float = 1.0) -> list[float]:
    """Cumulative Zipf weights over ranks 1..n, for random.choices."""
    return list(itertools.accumulate(1 / (rank ** s) for rank in range(1, n + 1)))


@dataclass
class Speaker:
    id: str
    name: str
    kind: str
    aliases: list[str]
    short: str  # how later mentions in an article call it
    career: list[tuple[str, str | None, str | None]]  # (from date, role, organisation), oldest first
    quotes: int = 0
    latest: dict = field(default_factory=dict)  # column -> (published, value)

    def at(self, published: str) -> tuple[str | None, str | None]:
        role = org = None
        for start, r, o in self.career:
            if start <= published:
                role, org = r, o
        return role, org


class Synthesis:
    """Everything drawn at random, from one seed: same --quotes, same rows."""

    def __init__(self, quotes: int):
        rng = self.rng = random.Random(SEED + 1)
        self.n_quotes = quotes
        self.n_articles = max(1, quotes // 10)
        n_speakers = max(2, quotes // 20)
        vocab = vocabulary()
        self.stream = rng.choices(vocab, cum_weights=_zipf(len(vocab)), k=2_000_000)
        capitalised = [w.capitalize() for w in _words(rng, 40_000, (2, 3))]
        self.outlets = [f"The {w} {kind}" for w, kind in zip(capitalised[:20], itertools.cycle(
            ("Times", "Post", "Herald", "News", "Tribune", "Chronicle", "Observer", "Gazette")))]
        self.outlet_weights = _zipf(len(self.outlets), 0.8)
        domains = capitalised[20:20 + max(2, quotes // 4000)]
        self.roles = [f"{title} of {d}" for d in domains for title in TITLES][:max(2, quotes // 400)]
        self.organisations = [f"{w} {kind}" for w, kind in zip(capitalised[300:300 + max(2, quotes // 500)],
                              itertools.cycle(("Party", "Ministry", "Council", "Group", "Institute", "Bank",
                                               "Union", "Agency", "Foundation", "University")))]
        firsts, surnames = capitalised[3000:6000], capitalised[6000:]
        self.authors = [f"{rng.choice(firsts)} {rng.choice(surnames)}" for _ in range(500)]
        self.speakers: list[Speaker] = []
        names: set[str] = set()
        while len(self.speakers) < n_speakers:
            if rng.random() < 0.8:
                surname = rng.choice(surnames)
                if rng.random() < 0.1:
                    surname = f"al-{surname}"
                name, kind = f"{rng.choice(firsts)} {surname}", "person"
                aliases, short = [name, surname], surname
            else:
                words = rng.sample(capitalised[300:3000], 2)
                kind_word = rng.choice(("Ministry", "Command", "Council", "Party", "Front", "Company"))
                name, kind = f"{words[0]} {words[1]} {kind_word}", "organization"
                acronym = "".join(w[0] for w in name.split())
                aliases, short = [name, acronym], name
            if name in names:
                continue
            names.add(name)
            self.speakers.append(Speaker(
                hashlib.sha1(f"{kind}:{alias_key(name)}".encode()).hexdigest()[:12], name, kind, aliases, short,
                self._career(kind)))
        self.speaker_weights = _zipf(n_speakers)
        # Every speaker is quoted at least once (the loader keeps no speaker without quotes).
        self.guaranteed = list(range(n_speakers))
        rng.shuffle(self.guaranteed)

    def _career(self, kind: str) -> list[tuple[str, str | None, str | None]]:
        rng = self.rng
        if kind != "person":
            return [("", None, None)]
        stages = sorted(self._day() for _ in range(rng.choice((1, 1, 2, 3))))
        stages[0] = ""
        return [(start, rng.choice(self.roles) if rng.random() < 0.9 else None,
                 rng.choice(self.organisations) if rng.random() < 0.6 else None) for start in stages]

    def _day(self) -> str:
        return (FIRST_DAY + timedelta(days=self.rng.randrange(DAYS))).isoformat()

    def _text(self, low: int, high: int) -> str:
        n = self.rng.randint(low, high)
        at = self.rng.randrange(len(self.stream) - n)
        return " ".join(self.stream[at:at + n]).capitalize()

    def articles(self):
        """(article row, quote rows, article_speakers rows) per article."""
        rng = self.rng
        per_article = Counter(rng.choices(range(self.n_articles), k=self.n_quotes - self.n_articles))
        guaranteed = self.guaranteed
        for a in range(self.n_articles):
            yield self._article(a, 1 + per_article[a], guaranteed[a::self.n_articles])

    def _article(self, a: int, n_quotes: int, guaranteed: list[int]):
        rng = self.rng
        outlet = rng.choices(self.outlets, cum_weights=self.outlet_weights)[0]
        published = self._day()
        url = f"https://{outlet.lower().replace(' ', '-')}.example/{published[:4]}/{a}"
        aid = article_id(url, "")
        drawn = rng.choices(range(len(self.speakers)), cum_weights=self.speaker_weights, k=rng.choice((1, 2, 2, 3, 4)))
        cast = [self.speakers[i] for i in dict.fromkeys(guaranteed + drawn)][:n_quotes]
        parts: list[str] = []
        pos = 0
        quotes, seen = [], set()
        for n in range(n_quotes):
            filler = self._text(12, 30) + ". "
            parts.append(filler)
            pos += len(filler)
            roll = rng.random()
            speaker = None
            if n < len(cast):  # each of the article's speakers is quoted
                speaker = cast[n]
            elif roll < 0.07:
                name, kind = rng.choice(ANONYMOUS), "anonymous"
            elif roll < 0.12:
                name, kind = rng.choice(UNNAMED), "unknown"
            else:
                speaker = cast[0] if rng.random() < 0.4 else rng.choice(cast)
            role = org = None
            if speaker:
                name, kind = speaker.name, speaker.kind
                mention = speaker.short if speaker.id in seen else speaker.name
                seen.add(speaker.id)
                if rng.random() < 0.7:
                    role, org = speaker.at(published)
            else:
                mention = name
            mention = mention[0].upper() + mention[1:]
            cue = rng.choices(list(CUES), weights=list(CUES.values()))[0]
            text = self._text(10, 60)
            lead = f"{mention} {cue or 'said'}, “"
            sentence = f"{lead}{text}.”"
            start = pos + len(lead)
            end = start + len(text) + 1
            quotes.append((
                f"{aid}-{start}-{end}", aid, start, end, text + ".",
                "direct" if rng.random() < 0.68 else "partial",
                speaker.id if speaker else None, name, kind, mention, pos, pos + len(mention), cue, role, org,
                round(rng.random(), 3), sentence, outlet, published, published[:7],
            ))
            if speaker:
                speaker.quotes += 1
                for column, value in (("role", role), ("organization", org)):
                    if value is not None and (published, value) > speaker.latest.get(column, ("", "")):
                        speaker.latest[column] = (published, value)
            parts.append(sentence + " ")
            pos += len(sentence) + 1
        text = "".join(parts).rstrip()
        article = (aid, self._text(6, 12), rng.choice(self.authors), published, outlet, url,
                   f"bench/{a}.txt", text, len(text.split()), "2025-01-01T00:00:00+00:00", "bench")
        speakers = [(aid, s.name, s.kind, s.id, json.dumps(s.aliases, ensure_ascii=False)) for s in cast]
        return article, quotes, speakers


def build(path: Path, n_quotes: int) -> Database:
    """A fresh database at path in the declared shape, filled in one
    transaction.  Indexes and search-index triggers are set aside while the rows
    go in and re-created from their own SQL afterwards (much faster than
    keeping them current row by row); the full-text indexes are rebuilt from
    the tables, which is what the triggers would have written."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = Database(path)
    ensure_db_shape(db)
    conn = db.conn
    conn.execute("pragma journal_mode = off")
    conn.execute("pragma synchronous = off")
    deferred = conn.execute(
        "select type, name, sql from sqlite_master where type in ('index', 'trigger') and sql is not null"
    ).fetchall()
    for kind, name, _ in deferred:
        conn.execute(f'drop {kind} "{name}"')
    synthesis = Synthesis(n_quotes)
    conn.create_function("role_id", 4, role_id, deterministic=True)
    with conn:
        articles = synthesis.articles()
        while batch := list(itertools.islice(articles, 2000)):
            conn.executemany("insert into articles values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [b[0] for b in batch])
            conn.executemany(f"insert into quotes values ({', '.join('?' * 20)})", [q for b in batch for q in b[1]])
            conn.executemany("insert into article_speakers values (?, ?, ?, ?, ?)", [s for b in batch for s in b[2]])
        quoted = [s for s in synthesis.speakers if s.quotes]  # as the loader keeps them
        conn.executemany("insert into speakers values (?, ?, ?, ?, ?, ?)", [
            (s.id, s.name, s.kind, s.latest.get("role", (0, None))[1], s.latest.get("organization", (0, None))[1],
             s.quotes) for s in quoted])
        conn.executemany("insert into speaker_aliases values (?, ?, ?)", [
            (s.id, alias, alias_key(alias)) for s in quoted for alias in sorted(s.aliases)])
        # As write_speaker_roles does, for every article at once.
        conn.execute(
            "insert into speaker_roles select role_id(speaker_id, article_id, role, organization), speaker_id,"
            " role, organization, article_id, max(published) from quotes"
            " where speaker_id is not null and (role is not null or organization is not null)"
            " group by speaker_id, article_id, role, organization")
        for _, _, sql in deferred:
            conn.execute(sql)
        for table in ("quotes_fts", "speakers_fts"):
            conn.execute(f"insert into {table}({table}) values ('rebuild')")
    conn.execute("pragma journal_mode = wal")  # as open_db leaves it
    assert _schema(db) == sorted(declared_schema())
    db.close()
    return open_db(path)


# -- timing ------------------------------------------------------------------


@dataclass
class Page:
    label: str
    path: str  # the HTML page; its JSON (or the CSV itself) is checked
    expect_rows: int | None = None


def _with_format(path: str, fmt: str) -> str:
    base, _, query = path.partition("?")
    return f"{base}.{fmt}" + (f"?{query}" if query else "")


async def pages(ds, db: Database, base: str) -> list[Page]:
    """The pages to time (base: the database's path, from its file name), with
    the worst case where there is one: the most quoted speaker, the commonest
    word, the value most quotes share."""
    facets = ds.table_metadata(base.strip("/"), "quotes").get("facets", [])
    following = (await ds.client.get(f"{base}/quotes.json?_nofacet=1")).json()["next"]
    top_id, top_name, top_count = db.execute(
        "select id, name, quote_count from speakers order by quote_count desc limit 1").fetchone()
    quote_id = db.execute("select id from quotes where speaker_id = ? limit 1", [top_id]).fetchone()[0]
    words = vocabulary()
    common, middling, rare = words[0], words[30], words[20_000]
    name, sid = urlquote(top_name), urlquote(top_id)
    listed = [
        Page("database page", ""),
        Page("quotes (default facets)", "/quotes/quotes"),
        Page("quotes page 2 (?_next=)", f"/quotes/quotes?_next={urlquote(following)}"),
        *(Page(f"quotes ?_facet={f}", f"/quotes/quotes?_facet={f}") for f in facets),
        Page("quotes ?speaker_id=(most quoted)", f"/quotes/quotes?speaker_id={sid}"),
        Page("quotes ?outlet=(largest)", "/quotes/quotes?outlet=" + urlquote(db.execute(
            "select outlet from quotes group by 1 order by count(*) desc limit 1").fetchone()[0])),
        Page("quotes ?quote_type=direct", "/quotes/quotes?quote_type=direct"),
        Page(f"quotes ?_search={common} (commonest)", f"/quotes/quotes?_search={common}"),
        Page(f"quotes ?_search={middling} (common)", f"/quotes/quotes?_search={middling}"),
        Page(f"quotes ?_search={rare} (rare)", f"/quotes/quotes?_search={rare}"),
        Page(f"search q={common} (commonest)", f"/quotes/search?q={common}"),
        Page(f"search q={middling} (common)", f"/quotes/search?q={middling}"),
        Page(f"search q={rare} (rare)", f"/quotes/search?q={rare}"),
        Page("top_speakers", "/quotes/top_speakers"),
        Page("speaker_quotes (most quoted)", f"/quotes/speaker_quotes?speaker={name}"),
        Page("quotes_by_month", "/quotes/quotes_by_month"),
        Page("speaker_roles_history (most quoted)", f"/quotes/speaker_roles_history?speaker={name}"),
        Page("export CSV, all rows (most quoted)",
             f"/quotes/quotes_export.csv?speaker={name}&_stream=on&_size=max", expect_rows=top_count),
        Page("speakers table", "/quotes/speakers"),
        Page("speaker_roles table", "/quotes/speaker_roles"),
        Page("articles table", "/quotes/articles"),
        Page("quote row", f"/quotes/quotes/{urlquote(quote_id)}"),
        Page("speaker row (most quoted)", f"/quotes/speakers/{sid}"),
    ]
    return [Page(p.label, base + p.path.removeprefix("/quotes"), p.expect_rows) for p in listed]


async def measure(ds, page: Page, runs: int = 3) -> tuple[str, float, int, str]:
    """(status, median milliseconds, rows, failures) of one page."""
    times, status = [], None
    for _ in range(runs):
        start = time.perf_counter()
        response = await ds.client.get(page.path)
        times.append((time.perf_counter() - start) * 1000)
        status = response.status_code
    problems = []
    if page.path.split("?")[0].endswith(".csv"):
        rows = max(0, len(response.text.splitlines()) - 1)  # no newlines in the synthetic cells
        if page.expect_rows is not None and rows != page.expect_rows:
            problems.append(f"{rows} of {page.expect_rows} rows")
    else:
        check = await ds.client.get(_with_format(page.path, "json"))
        data = check.json() if check.status_code == 200 else {}
        rows = len(data.get("rows", data.get("tables", ())))
        if data.get("facets_timed_out"):
            problems.append("facets timed out: " + ", ".join(data["facets_timed_out"]))
        if check.status_code != 200 or data.get("ok") is False:
            problems.append(str(data.get("error") or check.text[:80]))
    return str(status), statistics.median(times), rows, "; ".join(problems)


async def time_pages(path: Path, db: Database) -> None:
    from quotes.serve import make_datasette  # Datasette is slow to import

    ds = make_datasette(path)
    await ds.invoke_startup()
    print(f"| {'page':<42} | status | {'ms':>6} | {'rows':>6} |")
    print(f"|{'-' * 44}|-------:|-------:|-------:|")
    for page in await pages(ds, db, f"/{path.stem}"):
        status, ms, rows, problems = await measure(ds, page)
        status = f"FAIL {status}" if problems or status != "200" else status
        print(f"| {page.label:<42} | {status:>6} | {ms:6.0f} | {rows:>6} |" + (f" {problems}" if problems else ""),
              flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quotes", type=int, default=1_000_000, help="quotes to synthesise (default 1,000,000)")
    parser.add_argument("--db", type=Path, help="where to build it (default /tmp/quotes-bench-N.db)")
    parser.add_argument("--reuse", action="store_true",
                        help="time the database already at --db (upgraded to the declared shape first)")
    args = parser.parse_args(argv)
    path = args.db or Path(f"/tmp/quotes-bench-{args.quotes}.db")
    start = time.perf_counter()
    db = open_db(path) if args.reuse else build(path, args.quotes)
    seconds = time.perf_counter() - start
    counts = {t: db[t].count for t in ("articles", "quotes", "speakers", "speaker_aliases", "speaker_roles")}
    print(f"{path}: " + ", ".join(f"{n:,} {t}" for t, n in counts.items())
          + f"; {path.stat().st_size / 1e9:.2f} GB, {'opened' if args.reuse else 'built'} in {seconds:.0f} s")
    asyncio.run(time_pages(path, db))


if __name__ == "__main__":
    main()
