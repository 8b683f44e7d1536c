"""Datasette over a loaded database, in-process, with the project's real metadata.yml."""

from __future__ import annotations

import asyncio
import csv
import io
import re

import pytest
import yaml
from click.testing import CliRunner

import quotes.serve
from db_samples import sample_articles
from quotes.cli import cli
from quotes.db import Loader, article_rows, open_db
from quotes.serve import METADATA, SETTINGS, make_datasette

DEFAULT_FACETS = ["speaker_id", "role", "organization", "outlet", "quote_type", "cue", "published_month"]


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("datasette") / "quotes.db"
    db = open_db(path)
    loader = Loader(db)
    for article in sample_articles():
        loader.add(article_rows(article))
    db.close()
    return path


@pytest.fixture(scope="module")
def ds(db_path):
    return make_datasette(db_path)


def get(ds, path, status=200):
    response = asyncio.run(ds.client.get(path))
    assert response.status_code == status, response.text[:500]
    return response


def get_json(ds, path):
    return get(ds, path).json()


def test_metadata_describes_every_table_and_column(db_path):
    metadata = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    for key in ("title", "description", "license", "license_url", "source", "source_url", "about"):
        assert metadata.get(key), key
    tables = metadata["databases"]["quotes"]["tables"]
    db = open_db(db_path)
    shown = [t.name for t in db.tables if not t.name.startswith(("quotes_fts", "speakers_fts"))] + db.view_names()
    assert sorted(tables) == sorted(shown)
    for name in shown:
        assert tables[name].get("description"), name
        assert sorted(tables[name]["columns"]) == sorted(c.name for c in db[name].columns), name
        assert all(tables[name]["columns"].values()), name


def test_settings_for_large_databases(ds):
    assert ds.setting("suggest_facets") is False
    for name, value in SETTINGS.items():
        assert ds.setting(name) == value


def test_quotes_table_has_the_default_facets_and_newest_first(ds):
    data = get_json(ds, "/quotes/quotes.json")
    assert list(data["facet_results"]) == DEFAULT_FACETS
    assert data["suggested_facets"] == []
    published = [row[data["columns"].index("published")] for row in data["rows"]]
    assert published == sorted(published, reverse=True)
    assert "sorted by published descending" in data["human_description_en"]


def test_speaker_facet_shows_speaker_names(ds):
    data = get_json(ds, "/quotes/quotes.json?_facet=speaker_id")
    labels = {r["label"]: r["count"] for r in data["facet_results"]["speaker_id"]["results"]}
    assert labels == {"Ahmad al-Hamidawi": 3, "Hossein Amir-Abdollahian": 2, "Ali al-Hamidawi": 2,
                      "Islamic Resistance in Iraq": 2, "US Central Command": 1}
    html = get(ds, "/quotes/quotes?_facet=speaker_id").text
    assert "Ahmad al-Hamidawi" in html and "Hossein Amir-Abdollahian" in html


def test_later_pages_come_without_facets(ds):
    first = get_json(ds, "/quotes/quotes.json?_size=4")
    assert list(first["facet_results"]) == DEFAULT_FACETS
    later_url = first["next_url"].removeprefix("http://localhost")
    later = get_json(ds, later_url)
    assert later["facet_results"] == {}
    assert len(later["rows"]) == 4 and later["filtered_table_rows_count"] == first["filtered_table_rows_count"]
    # a sort or a filter from a later page starts again at the first, with the facets
    html = get(ds, later_url.replace(".json", "")).text
    sort_link = re.search(r'href="([^"]*_sort=cue[^"]*)"', html).group(1).replace("&amp;", "&")
    assert "_nofacet=later" in sort_link
    assert list(get_json(ds, sort_link.replace("quotes?", "quotes.json?"))["facet_results"]) == DEFAULT_FACETS
    assert get_json(ds, "/quotes/quotes.json?_nofacet=1")["facet_results"] == {}


@pytest.mark.parametrize("path", ["/quotes/quotes.json?_size=4", "/quotes/quotes.json?_size=2&speaker_id__notblank=1",
                                  "/quotes/speaker_roles.json?_size=2", "/quotes/speakers.json?_size=2"])
def test_pages_follow_on_without_repeating_a_row(ds, path):
    """Ties in the sort column (the quotes of one article share its date) are
    in the same order on the first page as on the next ones."""
    seen, count = [], None
    while path:
        data = get_json(ds, path)
        seen += [row[0] for row in data["rows"]]
        count = count or data["filtered_table_rows_count"]
        path = data["next_url"] and data["next_url"].removeprefix("http://localhost")
    assert len(seen) == len(set(seen)) == count


@pytest.mark.parametrize("table, column", [
    ("quotes", "published"), ("articles", "published"), ("speaker_roles", "published"), ("speakers", "quote_count")])
def test_later_pages_are_read_in_index_order(db_path, table, column):
    """Datasette's query for a later page of a table sorted as metadata.yml
    says needs no sort of the whole table."""
    tables = yaml.safe_load(METADATA.read_text(encoding="utf-8"))["databases"]["quotes"]["tables"]
    assert tables[table]["sort_desc"] == column
    plan = open_db(db_path).execute(
        f"explain query plan select * from {table} where ({column} < :p1 or {column} is null"
        f" or ({column} = :p1 and ((id > :p0)))) order by {column} desc, id limit 101", {"p0": "", "p1": 1}).fetchall()
    assert "TEMP B-TREE" not in str(plan)


def test_a_speakers_quotes_are_read_from_one_index(db_path):
    """quotes?speaker_id=... (newest first, every default facet) and
    top_speakers' articles read the speaker index of quotes, never its rows."""
    facets = yaml.safe_load(METADATA.read_text(encoding="utf-8"))["databases"]["quotes"]["tables"]["quotes"]["facets"]
    db = open_db(db_path)
    index = "idx_quotes_speaker_id_published_id_"

    def plan(sql):
        return " / ".join(row[-1] for row in db.execute("explain query plan " + sql, ["s1"]))

    page = plan("select * from quotes where speaker_id = ? order by published desc limit 101")
    assert index in page and "TEMP B-TREE" not in page
    for column in [*facets, "article_id"]:
        assert f"COVERING INDEX {index}" in plan(
            f"select {column}, count(*) from quotes where speaker_id = ? and {column} is not null group by 1")


def test_other_facets_count_values(ds):
    data = get_json(ds, "/quotes/quotes.json")
    months = {r["value"]: r["count"] for r in data["facet_results"]["published_month"]["results"]}
    assert months == {"2023-10": 6, "2023-11": 5}
    outlets = {r["value"]: r["count"] for r in data["facet_results"]["outlet"]["results"]}
    assert outlets == {"Example News": 5}


def test_speaker_id_is_labelled_with_the_name(ds):
    rows = get_json(ds, "/quotes/quotes.json?_shape=array&_labels=on&speaker_id__notblank=1")
    assert {r["speaker_id"]["label"] for r in rows} >= {"Ahmad al-Hamidawi", "US Central Command"}
    articles = get_json(ds, "/quotes/quotes.json?_shape=array&_labels=on&_size=1")
    assert articles[0]["article_id"]["label"]  # labelled with the article's title


def test_table_search_uses_the_porter_index(ds):
    rows = get_json(ds, "/quotes/quotes.json?_search=drone&_shape=array")
    assert [r["text"][:12] for r in rows] == ["Our missiles", "We announce "]
    speakers = get_json(ds, "/quotes/speakers.json?_search=hamidawi&_shape=array")
    assert sorted(r["name"] for r in speakers) == ["Ahmad al-Hamidawi", "Ali al-Hamidawi"]


def test_search_query_ranks_and_highlights(ds):
    rows = get_json(ds, "/quotes/search.json?_shape=array&q=drone+american")
    assert {r["speaker"] for r in rows} == {"Ahmad al-Hamidawi", "Islamic Resistance in Iraq"}
    for row in rows:  # stemmed: drone finds drones
        assert re.search(r"\*\*drones?\*\*", row["snippet"]) and "**American**" in row["snippet"]
    assert rows[0]["article"] == "Iraqi Militias Launch Strikes on Bases with US Troops"
    # best match first (bm25): the short quote before the long one
    ranked = get_json(ds, "/quotes/search.json?_shape=array&q=occupation")
    assert [r["snippet"][:30] for r in ranked] == ["We target only the **occupatio", "We announce the targeting by a"]
    # punctuation and quotation marks in q are words, not search syntax
    assert get_json(ds, '/quotes/search.json?_shape=array&q=al-Asad+"drones') == []
    assert [r["speaker"] for r in get_json(ds, "/quotes/search.json?_shape=array&q=powder+keg")] == [
        "Hossein Amir-Abdollahian"]


def test_top_speakers(ds):
    rows = get_json(ds, "/quotes/top_speakers.json?_shape=array")
    assert [(r["name"], r["quote_count"], r["articles"]) for r in rows] == [
        ("Ahmad al-Hamidawi", 3, 2), ("Ali al-Hamidawi", 2, 1), ("Hossein Amir-Abdollahian", 2, 2),
        ("Islamic Resistance in Iraq", 2, 2), ("US Central Command", 1, 1)]


@pytest.mark.parametrize("speaker, expected", [
    ("Amirabdollahian", {"Hossein Amir-Abdollahian": 2}),
    ("amir-abdollahian", {"Hossein Amir-Abdollahian": 2}),
    ("Ahmad al-Hamidawi", {"Ahmad al-Hamidawi": 3}),
    ("Hamidawi", {"Ahmad al-Hamidawi": 3, "Ali al-Hamidawi": 2}),
    ("Central Command", {"US Central Command": 1}),
])
def test_speaker_quotes_matches_aliases(ds, speaker, expected):
    rows = get_json(ds, f"/quotes/speaker_quotes.json?_shape=array&speaker={speaker}")
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["speaker"]] = counts.get(row["speaker"], 0) + 1
    assert counts == expected
    assert [r["published"] for r in rows] == sorted((r["published"] for r in rows), reverse=True)


def test_quotes_by_month(ds):
    rows = get_json(ds, "/quotes/quotes_by_month.json?_shape=array")
    assert rows == [
        {"published_month": "2023-11", "quotes": 5, "speakers": 4, "articles": 2},
        {"published_month": "2023-10", "quotes": 6, "speakers": 4, "articles": 1},
    ]


def test_speaker_roles_facet_on_role_and_organisation(ds):
    data = get_json(ds, "/quotes/speaker_roles.json")
    assert list(data["facet_results"]) == ["role", "organization"]
    organisations = {r["value"]: r["count"] for r in data["facet_results"]["organization"]["results"]}
    assert organisations == {"Kataib Hezbollah": 2, "Iran": 2}
    roles = {r["value"]: r["count"] for r in data["facet_results"]["role"]["results"]}
    assert roles == {"leader of Kataib Hezbollah": 1, "secretary-general of Kataib Hezbollah": 1,
                     "Foreign Minister": 1, "foreign minister": 1, "farmer": 1}
    labelled = get_json(ds, "/quotes/speaker_roles.json?_shape=array&_labels=on&role=farmer")
    assert [r["speaker_id"]["label"] for r in labelled] == ["Ali al-Hamidawi"]


@pytest.mark.parametrize("speaker", ["Amirabdollahian", "Amir-Abdollahian", "hossein amir abdollahian"])
def test_speaker_roles_history_matches_aliases_oldest_first(ds, speaker):
    rows = get_json(ds, f"/quotes/speaker_roles_history.json?_shape=array&speaker={speaker}")
    assert [(r["speaker"], r["role"], r["organization"], r["published"]) for r in rows] == [
        ("Hossein Amir-Abdollahian", "Foreign Minister", "Iran", "2023-10-18"),
        ("Hossein Amir-Abdollahian", "foreign minister", "Iran", "2023-11-02"),
    ]
    assert rows[1]["article"] == "Militia leader repeats threat"


@pytest.mark.parametrize("path, title", [
    ("/quotes/search?q=drones", "Search quotes"),
    ("/quotes/top_speakers", "Most quoted speakers"),
    ("/quotes/speaker_quotes?speaker=Hamidawi", "Quotes of a speaker"),
    ("/quotes/quotes_by_month", "Quotes by month"),
    ("/quotes/speaker_roles_history?speaker=Hamidawi", "Roles of a speaker over time"),
])
def test_canned_query_pages_render(ds, path, title):
    html = get(ds, path).text
    assert re.search(f"<h1[^>]*>{title}</h1>", html)
    assert "Ahmad al-Hamidawi" in html or "2023-11" in html


def test_full_csv_of_a_speaker_streams_from_the_view(ds):
    text = get(ds, "/quotes/quotes_export.csv?speaker=Ahmad+al-Hamidawi&_stream=on&_size=max").text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 3
    assert {r["speaker"] for r in rows} == {"Ahmad al-Hamidawi"}
    assert list(rows[0])[:3] == ["quote", "speaker", "role"]


def test_metadata_applies_whatever_the_file_is_called(db_path, tmp_path):
    other = tmp_path / "my-research.db"
    other.write_bytes(db_path.read_bytes())
    ds = make_datasette(other)
    rows = get_json(ds, "/my-research/top_speakers.json?_shape=array")
    assert rows[0]["name"] == "Ahmad al-Hamidawi"
    assert list(get_json(ds, "/my-research/quotes.json")["facet_results"]) == DEFAULT_FACETS


def test_serve_command_defaults_to_localhost(db_path, monkeypatch):
    calls = []
    monkeypatch.setattr(quotes.serve, "serve", lambda *args: calls.append(args))
    result = CliRunner().invoke(cli, ["serve", str(db_path)])
    assert result.exit_code == 0, result.output
    assert calls == [(str(db_path), "127.0.0.1", 8001, METADATA)]
    result = CliRunner().invoke(cli, ["serve", str(db_path), "--port", "9000", "--host", "0.0.0.0"])
    assert calls[-1][1:3] == ("0.0.0.0", 9000)


def test_serve_needs_an_existing_database(tmp_path):
    result = CliRunner().invoke(cli, ["serve", str(tmp_path / "missing.db")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
