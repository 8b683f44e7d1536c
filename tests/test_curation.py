"""`quotes speakers`: merge, split, rename, not-a-speaker and list, through the
command line, and that each correction survives re-extracting the same files
(unchanged, and re-parsed by a changed parser) and loading a new article that
mentions the speaker again."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

import quotes.db
from db_samples import follow_up, iran_warning, make_article, namesake, seed_article
from quotes.article import Article
from quotes.cli import cli


class Corpus:
    """Articles written as JSON Lines files, and a stand-in parser that gives
    each its known quotes and speakers, so these tests depend on the commands,
    not on today's parser.  Raising `revision` makes the parser's output differ
    (its confidences), so the next extract re-resolves every speaker."""

    def __init__(self, directory, db_path):
        self.directory = directory
        self.db_path = str(db_path)
        self.known: dict[str, Article] = {}
        self.revision = 0
        directory.mkdir()

    def write(self, name: str, *articles: Article) -> str:
        path = self.directory / f"{name}.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            for a in articles:
                self.known[a.text] = a
                record = {"text": a.text, "title": a.title, "published": a.published, "url": a.url, "outlet": a.outlet}
                fh.write(json.dumps({k: v for k, v in record.items() if v}, ensure_ascii=False) + "\n")
        return str(path)

    def parse(self, article: Article) -> Article:
        known = self.known.get(article.text)
        if known is None:
            return replace(article, quotes=[], speakers=[])
        bump = self.revision / 100
        return replace(article, quotes=[replace(q, confidence=round(q.confidence - bump, 3)) for q in known.quotes],
                       speakers=[replace(s, aliases=list(s.aliases)) for s in known.speakers])

    def extract(self, *paths: str) -> dict[str, int]:
        """`quotes extract` on the paths (default: every file written); the
        articles it added, updated, left unchanged and failed."""
        result = CliRunner().invoke(cli, ["extract", self.db_path, *(paths or [str(self.directory)]), "-j", "1", "--silent"])
        assert result.exit_code == 0, result.output
        counts = re.match(r"articles: (\d+) added, (\d+) updated, (\d+) unchanged, (\d+) failed", result.stdout)
        return dict(zip(("added", "updated", "unchanged", "failed"), map(int, counts.groups())))

    def reextract(self) -> None:
        """Every file again, unchanged; then as a changed parser reads them."""
        first = self.extract()
        assert first["unchanged"] > 0 and first["added"] == first["updated"] == first["failed"] == 0, first
        self.revision += 1
        second = self.extract()
        assert second["updated"] == first["unchanged"], second

    @property
    def db(self) -> Database:
        return Database(self.db_path)


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    c = Corpus(tmp_path / "articles", tmp_path / "quotes.db")
    monkeypatch.setattr(quotes.db, "parse_article", c.parse)
    return c


def speakers(*args: str):
    return CliRunner().invoke(cli, ["speakers", *args])


def names(db: Database) -> dict[str, int]:
    return {r["name"]: r["quote_count"] for r in db["speakers"].rows}


def aliases_of(db: Database, name: str) -> set[str]:
    return {a for (a,) in db.execute(
        "select alias from speaker_aliases join speakers on speakers.id = speaker_id where speakers.name = ?", [name])}


def one_quote(text: str, quote: str, speaker: str, kind: str = "person", url: str = "https://news.example/x",
              aliases: tuple[str, ...] = ()) -> Article:
    """An article with one quote by `speaker`, named as `speaker` at the attribution."""
    return make_article(text, [{"text": quote, "speaker": speaker, "kind": kind, "mention": speaker}],
                        speakers=[(speaker, kind, [speaker, *aliases])], url=url, published="2023-12-01")


# -- merge ---------------------------------------------------------------------


def idf_pair() -> tuple[Article, Article]:
    """Two articles that never say IDF stands for Israel Defense Forces."""
    return (
        one_quote("“We hit command centres,” Israel Defense Forces said.", "We hit command centres,",
                  "Israel Defense Forces", "organization", "https://news.example/strikes"),
        one_quote("“Operations will expand,” IDF said.", "Operations will expand,", "IDF", "organization",
                  "https://news.example/expand"),
    )


def test_merge_moves_quotes_and_aliases_and_survives(corpus):
    corpus.write("idf", *idf_pair())
    corpus.extract()
    assert names(corpus.db) == {"Israel Defense Forces": 1, "IDF": 1}

    result = speakers("merge", corpus.db_path, "Israel Defense Forces", "IDF")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "merged IDF (1 quote) into Israel Defense Forces, now 2 quotes"
    db = corpus.db
    assert names(db) == {"Israel Defense Forces": 2}
    assert aliases_of(db, "Israel Defense Forces") == {"Israel Defense Forces", "IDF"}
    assert {r["speaker_id"] for r in db["article_speakers"].rows} == {next(db["speakers"].rows)["id"]}

    corpus.reextract()
    assert names(corpus.db) == {"Israel Defense Forces": 2}
    corpus.extract(corpus.write("later", one_quote("“Troops moved in,” IDF said.", "Troops moved in,", "IDF",
                                                   "organization", "https://news.example/troops")))
    assert names(corpus.db) == {"Israel Defense Forces": 3}


def test_merge_refuses_a_person_with_an_organisation_and_one_speaker_with_itself(corpus):
    corpus.write("seed", seed_article(with_speakers=True))
    corpus.extract()
    result = speakers("merge", corpus.db_path, "Islamic Resistance in Iraq", "Ahmad al-Hamidawi")
    assert result.exit_code == 1
    assert ("Islamic Resistance in Iraq is an organization and Ahmad al-Hamidawi a person; "
            "a person and an organization cannot be one speaker") in result.stderr
    result = speakers("merge", corpus.db_path, "Ahmad al-Hamidawi", "Abu Hussein")
    assert result.exit_code == 1
    assert "are already one speaker: Ahmad al-Hamidawi" in result.stderr
    assert corpus.db["overrides"].count == 0


# -- split ---------------------------------------------------------------------


def test_split_makes_the_aliases_their_own_speaker_and_survives(corpus):
    corpus.write("seed", seed_article(with_speakers=True), follow_up())
    corpus.extract()
    assert names(corpus.db)["Ahmad al-Hamidawi"] == 3  # the follow-up's "Hamidawi" joined him

    result = speakers("split", corpus.db_path, "Ahmad al-Hamidawi", "--alias", "Hamidawi")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "split Hamidawi from Ahmad al-Hamidawi: Hamidawi has 1 quote, Ahmad al-Hamidawi keeps 2 quotes"

    def check(hamidawi=1, ahmad=2):
        db = corpus.db
        assert (names(db)["Hamidawi"], names(db)["Ahmad al-Hamidawi"]) == (hamidawi, ahmad)
        assert "Hamidawi" not in aliases_of(db, "Ahmad al-Hamidawi")  # though the seed's parser lists it
        assert "Abu Hussein" in aliases_of(db, "Ahmad al-Hamidawi")
        roles = db.execute("select speakers.name, speaker_roles.role from speaker_roles"
                           " join speakers on speakers.id = speaker_id"
                           " where speaker_roles.role like 'secretary-general%'").fetchall()
        assert roles == [("Hamidawi", "secretary-general of Kataib Hezbollah")]

    check()
    corpus.reextract()
    check()
    corpus.extract(corpus.write("later", one_quote("“We will answer,” Hamidawi said.", "We will answer,", "Hamidawi"),
                                one_quote("“We are ready,” Ahmad al-Hamidawi said.", "We are ready,", "Ahmad al-Hamidawi",
                                          url="https://news.example/ready")))
    check(hamidawi=2, ahmad=3)
    db = corpus.db
    by_url = dict(db.execute("select articles.url, speakers.name from quotes join articles on articles.id = article_id"
                             " join speakers on speakers.id = speaker_id where articles.url like '%news.example/%'"
                             " and articles.url not like '%militia%'").fetchall())
    assert by_url == {"https://news.example/x": "Hamidawi", "https://news.example/ready": "Ahmad al-Hamidawi"}


def test_split_of_an_alias_no_quote_is_attributed_under(corpus):
    corpus.write("seed", seed_article(with_speakers=True))
    corpus.extract()
    result = speakers("split", corpus.db_path, "Ahmad al-Hamidawi", "--alias", "Abu Hussein")
    assert result.exit_code == 0, result.output
    assert "no quotes moved" in result.stdout
    assert "Abu Hussein" not in aliases_of(corpus.db, "Ahmad al-Hamidawi")
    corpus.extract(corpus.write("later", one_quote("“We will answer,” Abu Hussein said.", "We will answer,", "Abu Hussein")))
    assert names(corpus.db)["Abu Hussein"] == 1
    assert names(corpus.db)["Ahmad al-Hamidawi"] == 2


def test_split_needs_aliases_of_the_speaker(corpus):
    corpus.write("seed", seed_article(with_speakers=True))
    corpus.extract()
    result = speakers("split", corpus.db_path, "Ahmad al-Hamidawi", "--alias", "Abu Hassan")
    assert result.exit_code == 1
    assert "'Abu Hassan' is not an alias of Ahmad al-Hamidawi; its aliases are: Abu Hussein, Ahmad" in result.stderr
    assert speakers("split", corpus.db_path, "Ahmad al-Hamidawi").exit_code == 2  # --alias is required


# -- rename ----------------------------------------------------------------------


def test_rename_fixes_the_name_shown_and_survives(corpus):
    corpus.write("articles", seed_article(with_speakers=True), iran_warning())
    corpus.extract()
    assert "Hossein Amirabdollahian" in names(corpus.db)  # the most quoted of two full forms

    result = speakers("rename", corpus.db_path, "Amirabdollahian", "Hossein Amir-Abdollahian")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "renamed Hossein Amirabdollahian to Hossein Amir-Abdollahian"
    assert names(corpus.db)["Hossein Amir-Abdollahian"] == 3
    corpus.reextract()
    assert names(corpus.db)["Hossein Amir-Abdollahian"] == 3
    corpus.extract(corpus.write("later", one_quote("“Time is short,” Hossein Amirabdollahian said.", "Time is short,",
                                                   "Hossein Amirabdollahian", aliases=("Amirabdollahian",))))
    assert names(corpus.db)["Hossein Amir-Abdollahian"] == 4
    assert "Hossein Amirabdollahian" not in names(corpus.db)


def test_rename_refuses_a_name_another_speaker_has(corpus):
    corpus.write("seed", seed_article(with_speakers=True))
    corpus.extract()
    result = speakers("rename", corpus.db_path, "Abu Hussein", "Islamic Resistance in Iraq")
    assert result.exit_code == 1
    assert "another speaker is called 'Islamic Resistance in Iraq'; to make them one, use: quotes speakers merge" in result.stderr


# -- not-a-speaker -----------------------------------------------------------------


def test_not_a_speaker_keeps_the_quotes_without_a_speaker_and_survives(corpus):
    shop = one_quote("“Sold out in an hour,” Silk Screens said.", "Sold out in an hour,", "Silk Screens", "unknown",
                     "https://news.example/shop")
    corpus.write("articles", seed_article(with_speakers=True), shop)
    corpus.extract()
    assert "Silk Screens" in names(corpus.db)

    result = speakers("not-a-speaker", corpus.db_path, "Silk Screens")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "Silk Screens is not a speaker: its 1 quote keep their text without a speaker"

    def check():
        db = corpus.db
        assert "Silk Screens" not in names(db)
        rows = db.execute("select text, speaker_id, speaker_name from quotes where speaker_name = 'Silk Screens'").fetchall()
        assert rows and all(sid is None for _, sid, _ in rows)
        assert ("Sold out in an hour,", None, "Silk Screens") in rows

    check()
    corpus.reextract()
    check()
    corpus.extract(corpus.write("later", one_quote("“Back in stock,” Silk Screens said.", "Back in stock,", "Silk Screens",
                                                   "organization", "https://news.example/stock")))
    check()
    assert corpus.db.execute("select count(*) from quotes where speaker_name = 'Silk Screens'").fetchone() == (2,)


# -- finding speakers, list ------------------------------------------------------------


def test_ambiguous_and_unknown_names_change_nothing(corpus):
    corpus.write("articles", seed_article(), namesake())
    corpus.extract()
    result = speakers("rename", corpus.db_path, "Hamidawi", "Somebody")
    assert result.exit_code == 1
    assert "'Hamidawi' could be 2 speakers; give one of these names:" in result.stderr
    assert "  Ahmad al-Hamidawi (person, leader of Kataib Hezbollah, Kataib Hezbollah; 2 quotes)" in result.stderr
    assert "  Ali al-Hamidawi (person, farmer; 2 quotes)" in result.stderr
    result = speakers("not-a-speaker", corpus.db_path, "Hamid")  # part of a name is not enough here
    assert result.exit_code == 1
    assert "no speaker matches 'Hamid'" in result.stderr
    assert corpus.db["overrides"].count == 0


def test_list_speakers_and_overrides(corpus):
    corpus.write("articles", seed_article(with_speakers=True), *idf_pair())
    corpus.extract()
    listing = speakers("list", corpus.db_path)
    assert listing.exit_code == 0, listing.output
    assert ("Ahmad al-Hamidawi (person; leader of Kataib Hezbollah, Kataib Hezbollah; 2 quotes)  aliases: "
            "Abu Hussein, Ahmad “Abu Hussein” al-Hamidawi, Hamidawi, al-Hamidawi") in listing.stdout.splitlines()
    assert speakers("list", corpus.db_path, "--overrides").stdout.strip() == "no overrides"
    speakers("merge", corpus.db_path, "Israel Defense Forces", "IDF")
    speakers("rename", corpus.db_path, "Amir-Abdollahian", "Hossein Amir-Abdollahian (Iran)")
    lines = speakers("list", corpus.db_path, "--overrides").stdout.splitlines()
    assert [line.split("  ", 1)[1] for line in lines] == [
        "merge 'IDF' into 'Israel Defense Forces' (names: IDF)",
        "rename 'Hossein Amir-Abdollahian' to 'Hossein Amir-Abdollahian (Iran)'",
    ]
    assert [line.split(".", 1)[0] for line in lines] == ["1", "2"]


def test_speakers_commands_need_an_existing_database(tmp_path):
    result = speakers("list", str(tmp_path / "missing.db"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
