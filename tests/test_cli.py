"""The `quotes` command line: parse's JSON contract, errors, and offline models."""

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from quotes import __version__
from quotes.cli import cli

SEED = Path(__file__).parent / "fixtures" / "seed" / "iraqi-militias-2023-10-18.txt"
ARTICLE_KEYS = {"source", "id", "title", "author", "published", "url", "outlet", "text", "quotes", "speakers"}
QUOTE_KEYS = {"start", "end", "text", "type", "speaker", "speaker_kind", "speaker_start", "speaker_end",
              "cue", "role", "organization", "confidence"}


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_parse_prints_one_article_per_line_with_the_contract_keys():
    result = CliRunner().invoke(cli, ["parse", str(SEED), "-j", "1"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 1
    article = json.loads(lines[0])
    assert set(article) == ARTICLE_KEYS
    assert article["source"] == str(SEED)
    assert article["published"] == "2023-10-18"
    for q in article["quotes"]:
        assert set(q) == QUOTE_KEYS
        assert article["text"][q["start"]:q["end"]] == q["text"]
        assert q["type"] in ("direct", "partial")
        assert q["speaker_kind"] in ("person", "organization", "anonymous", "unknown")


def test_parse_keeps_input_order_across_workers(tmp_path):
    paths = []
    for i in range(6):
        p = tmp_path / f"a{i}.txt"
        p.write_text(f"Headline {i}\n\n“Statement number {i} is on the record,” said Jane Doe{i}, a spokeswoman.\n",
                     encoding="utf-8")
        paths.append(str(p))
    result = CliRunner().invoke(cli, ["parse", *reversed(paths), "-j", "2"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["source"] for line in result.output.splitlines()] == list(reversed(paths))


def test_parse_folder_recurses(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("B\n\n“Quoted words here now,” said Ann Lee.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A\n\n“Other words here now,” said Bo Kim.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["parse", str(tmp_path), "-j", "1"])
    assert result.exit_code == 0
    sources = [json.loads(line)["source"] for line in result.output.splitlines()]
    assert sources == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.txt")]


def test_parse_jsonl_records_use_text_as_given(tmp_path):
    records = tmp_path / "in.jsonl"
    text = "  “We are ready,” said Omar Haddad.\n"
    records.write_text(json.dumps({"id": "r1", "text": text}) + "\n" + json.dumps({"id": 7, "text": "No quotes."}) + "\n",
                       encoding="utf-8")
    result = CliRunner().invoke(cli, ["parse", "--jsonl", str(records), "-j", "1"])
    assert result.exit_code == 0, result.output
    first, second = [json.loads(line) for line in result.output.splitlines()]
    assert set(first) == {"id", "quotes"} and first["id"] == "r1"
    q = first["quotes"][0]
    assert text[q["start"]:q["end"]] == "We are ready,"
    assert q["speaker"] == "Omar Haddad"
    assert second == {"id": "7", "quotes": []}


def test_parse_jsonl_bad_line_is_named_and_the_rest_goes_on(tmp_path):
    records = tmp_path / "in.jsonl"
    records.write_bytes(b'\xef\xbb\xbf{"id": "ok", "text": "Nothing quoted."}\n{broken\n{"id": "x"}\n'
                        b'{"id": "latin", "text": "caf\xe9"}\n{"id": "last", "text": "Nothing either."}\n')
    result = CliRunner().invoke(cli, ["parse", "--jsonl", str(records), "-j", "1"])
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["ok", "last"]
    assert f"{records}:2: invalid JSON" in result.stderr
    assert f"{records}:3:" in result.stderr
    assert f"{records}:4: not valid UTF-8" in result.stderr


def test_parse_missing_file_is_named(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Title\n\nBody text without quotes.\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    result = CliRunner().invoke(cli, ["parse", str(missing), str(good), "-j", "1"])
    assert result.exit_code == 1
    assert str(missing) in result.stderr
    assert json.loads(result.stdout)["source"] == str(good)


def test_parsing_needs_no_nltk_data(tmp_path):
    """Everything NLTK needs ships in the package: an empty NLTK_DATA must not matter."""
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    env = dict(os.environ, NLTK_DATA=str(empty), HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-m", "quotes", "parse", str(SEED), "-j", "1"],
                            capture_output=True, text=True, env=env, check=True)
    article = json.loads(result.stdout)
    assert len(article["quotes"]) == 6
