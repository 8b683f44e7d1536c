"""`quotes export`: a speaker's quotes as CSV, found by name, alias, surname or spelling."""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from db_samples import FORMULA, sample_articles, seed_article
from quotes.cli import cli
from quotes.db import Loader, article_rows, open_db
from quotes.export import neutralise, safe_filename

HEADER = ["quote", "speaker", "role", "organization", "article_title", "published", "url", "outlet", "cue",
          "type", "confidence", "article_id", "start", "end"]


def build(path, articles):
    db = open_db(path)
    loader = Loader(db)
    for article in articles:
        loader.add(article_rows(article))
    db.close()
    return str(path)


@pytest.fixture
def seed_db(tmp_path):
    return build(tmp_path / "seed.db", [seed_article()])


@pytest.fixture
def db_path(tmp_path):
    return build(tmp_path / "quotes.db", sample_articles())


def export(*args):
    return CliRunner().invoke(cli, ["export", *map(str, args)])


def parse_csv(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_surname_finds_both_quotes_of_hamidawi(seed_db):
    result = export(seed_db, "--speaker", "Hamidawi")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].split(",") == HEADER
    rows = parse_csv(result.stdout)
    assert [r["quote"][:20] for r in rows] == ["Our missiles, drones", "These evil people mu"]
    assert {r["speaker"] for r in rows} == {"Ahmad al-Hamidawi"}
    assert rows[0]["role"] == "leader of Kataib Hezbollah"
    assert rows[0]["article_title"] == "Iraqi Militias Launch Strikes on Bases with US Troops"
    assert rows[0]["type"] == "direct" and rows[0]["cue"] == "explained"
    assert "wrote 2 quotes of Ahmad al-Hamidawi" in result.stderr


@pytest.mark.parametrize("query", ["Ahmad al-Hamidawi", "ahmad al-hamidawi", "Ahmad Hamidawi", "Ahmad al Hamidawi"])
def test_full_name_and_variants(db_path, query):
    rows = parse_csv(export(db_path, "--speaker", query).stdout)
    assert len(rows) == 3
    # newest first: the follow-up article of November, then the seed of October
    assert [r["published"] for r in rows] == ["2023-11-02", "2023-10-18", "2023-10-18"]
    assert rows[0]["url"] == "https://news.example/militia-threat"
    assert rows[0]["outlet"] == "Example News"


@pytest.mark.parametrize("query", ["Amirabdollahian", "Amir-Abdollahian", "Hossein Amir Abdollahian", "Abdollahian"])
def test_spelling_variants_and_part_of_a_name(db_path, query):
    rows = parse_csv(export(db_path, "--speaker", query).stdout)
    assert [r["speaker"] for r in rows] == ["Hossein Amir-Abdollahian"] * 2


def test_ambiguous_name_lists_the_candidates(db_path):
    result = export(db_path, "--speaker", "Hamidawi")
    assert result.exit_code != 0
    assert result.stdout == ""
    assert "'Hamidawi' could be 2 speakers" in result.stderr
    assert "Ahmad al-Hamidawi (person, secretary-general of Kataib Hezbollah, Kataib Hezbollah; 3 quotes)" in result.stderr
    assert "Ali al-Hamidawi (person, farmer; 2 quotes)" in result.stderr


def test_unknown_speaker(db_path):
    result = export(db_path, "--speaker", "Nobody Atall")
    assert result.exit_code == 1
    assert "no speaker matches 'Nobody Atall'" in result.stderr


def test_formula_cells_are_neutralised(db_path, tmp_path):
    out = tmp_path / "ali.csv"
    result = export(db_path, "--speaker", "Ali al-Hamidawi", "-o", out)
    assert result.exit_code == 0, result.output
    rows = parse_csv(out.read_text(encoding="utf-8"))
    assert rows[0]["quote"] == "'" + FORMULA + " is what the trolls posted,"
    assert rows[1]["quote"] == "The river is lower than ever,"


@pytest.mark.parametrize("value, expected", [
    ("=1+2", "'=1+2"), ("+44 20", "'+44 20"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tTAB", "'\tTAB"), ("\rCR", "'\rCR"), ("plain", "plain"), ("a=b", "a=b"), (-2, -2), (0.5, 0.5), (None, None),
])
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_all_writes_one_csv_per_speaker(db_path, tmp_path):
    out = tmp_path / "speakers"
    result = export(db_path, "--all", "--dir", out)
    assert result.exit_code == 0, result.output
    counts = {p.name: len(parse_csv(p.read_text(encoding="utf-8"))) for p in out.iterdir()}
    assert counts == {
        "ahmad-al-hamidawi.csv": 3, "ali-al-hamidawi.csv": 2, "hossein-amir-abdollahian.csv": 2,
        "islamic-resistance-in-iraq.csv": 2, "us-central-command.csv": 1,
    }
    assert "wrote 10 quotes of 5 speakers" in result.stderr


def test_safe_filenames():
    taken: set[str] = set()
    assert safe_filename("Ahmad al-Hamidawi", taken, "id1") == "ahmad-al-hamidawi.csv"
    assert safe_filename("Ahmad Al Hamidawi", taken, "id2") == "ahmad-al-hamidawi-2.csv"
    assert safe_filename("../../etc/passwd", taken, "id3") == "etc-passwd.csv"
    assert safe_filename("José Martí", taken, "id4") == "jose-marti.csv"
    assert safe_filename("CON", taken, "id5") == "con-id5.csv"
    assert safe_filename("محمد", taken, "id6") == "id6.csv"
    assert safe_filename("x" * 300, taken, "id7") == "x" * 80 + ".csv"


@pytest.mark.parametrize("args, message", [
    ([], "give either --speaker NAME or --all --dir DIR"),
    (["--speaker", "Hamidawi", "--all", "--dir", "d"], "give either --speaker NAME or --all --dir DIR"),
    (["--all"], "--all needs --dir DIR"),
    (["--speaker", "Hamidawi", "--dir", "d"], "--dir goes with --all"),
])
def test_usage_errors(db_path, args, message):
    result = export(db_path, *args)
    assert result.exit_code == 2
    assert message in result.stderr
