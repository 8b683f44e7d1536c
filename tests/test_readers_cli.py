"""`quotes parse` on every input format, through the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from quotes.cli import cli

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def parse(*args: str):
    result = CliRunner().invoke(cli, ["parse", "-j", "1", *args])
    return result, [json.loads(line) for line in result.stdout.splitlines()]


def quote_texts(article: dict) -> list[str]:
    return [q["text"] for q in article["quotes"]]


def test_parse_a_page():
    result, [article] = parse(str(FIXTURES / "news-harbor-strike.html"))
    assert result.exit_code == 0, result.output
    assert (article["title"], article["author"], article["published"], article["outlet"]) == (
        "Harbor pilots end 11-day strike as port reopens", "Jordan Reyes", "2024-06-04", "Coastline Daily")
    assert article["url"] == "https://www.coastlinedaily.example/business/2024/06/04/harbor-pilots-end-strike"
    for quote in article["quotes"]:
        assert article["text"][quote["start"]:quote["end"]] == quote["text"]
    _, [plain] = parse(str(FIXTURES / "news-harbor-strike.txt"))
    assert quote_texts(article) == quote_texts(plain) != []


def test_parse_a_jsonl_export():
    result, articles = parse(str(FIXTURES / "newsapi-export.jsonl"))
    assert result.exit_code == 0, result.output
    assert [(a["id"], a["outlet"]) for a in articles] == [
        ("cd-20240604-harbor", "Coastline Daily"), ("rl-48213", "The Riverton Ledger"),
        ("rl-48190", "The Riverton Ledger")]
    _, [plain] = parse(str(FIXTURES / "wordpress-flood-wall.txt"))
    assert quote_texts(articles[1]) == quote_texts(plain) != []


def test_parse_a_csv_export_with_field_options():
    result, [article] = parse(
        "--text-field", "Copy", "--title-field", "Story", "--date-field", "Date", "--author-field", "Writer",
        "--outlet-field", "Paper", "--url-field", "Web address", str(FIXTURES / "spreadsheet-export.csv"))
    assert result.exit_code == 0, result.output
    assert (article["title"], article["author"], article["published"], article["outlet"]) == (
        "Paper mill to close in March; 310 jobs lost", "Tomás Ruiz", "2004-10-07", "The Valley Courier")
    _, [plain] = parse(str(FIXTURES / "legacy-mill-closing.txt"))
    assert quote_texts(article) == quote_texts(plain) != []


def test_parse_names_the_id_field(tmp_path):
    (tmp_path / "rows.csv").write_text('key,body\nA-1,"“Yes,” he said."\n')
    _, [article] = parse("--id-field", "key", str(tmp_path / "rows.csv"))
    assert article["id"] == "A-1"


def test_parse_reports_bad_inputs_and_prints_the_good_ones(tmp_path):
    (tmp_path / "export.jsonl").write_bytes(b'{"text": "\xe2\x80\x9cFine,\xe2\x80\x9d she said."}\n[1]\n{"text": "\xff"}\n')
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "no-text.csv").write_text("title,summary\nA,B\n")
    result, articles = parse(str(tmp_path))
    assert result.exit_code == 1
    assert [a["text"] for a in articles] == ["“Fine,” she said."]
    assert result.stderr.splitlines() == [
        f"error: {tmp_path / 'export.jsonl'}:2: a record must be a JSON object, not an array",
        f"error: {tmp_path / 'export.jsonl'}:3: not valid UTF-8 (byte 11 of the line)",
        f"error: {tmp_path / 'no-text.csv'}:1: no text column (columns: title, summary); name it with --text-field",
        f"error: {tmp_path / 'photo.txt'}: looks like a binary file, not text",
    ]


def test_parse_with_a_forced_format(tmp_path):
    shutil.copy(FIXTURES / "cms-export.csv", tmp_path / "export.dat")
    result, articles = parse("--format", "csv", str(tmp_path / "export.dat"))
    assert result.exit_code == 0, result.output
    assert [a["outlet"] for a in articles] == ["Coastline Daily", "The Riverton Ledger"]
    result = CliRunner().invoke(cli, ["parse", "--format", "pdf", str(tmp_path)])
    assert result.exit_code == 2 and "pdf" in result.stderr


def test_parse_a_folder_of_mixed_formats(tmp_path):
    (tmp_path / "pages").mkdir()
    for name in ("wordpress-flood-wall.html", "legacy-mill-closing.html"):
        shutil.copy(FIXTURES / name, tmp_path / "pages" / name)
    shutil.copy(FIXTURES / "newsapi-export.jsonl", tmp_path / "export.jsonl")
    result, articles = parse(str(tmp_path))
    assert result.exit_code == 0, result.output
    assert [a["title"].split()[0] for a in articles] == ["Harbor", "Riverton", "School", "Paper", "Riverton"]


def test_parse_standard_input_of_any_format():
    for name in ("legacy-mill-closing.html", "newsapi-export.jsonl"):
        result = CliRunner().invoke(cli, ["parse", "-j", "1", "-"], input=(FIXTURES / name).read_bytes())
        assert result.exit_code == 0, result.output
        first = json.loads(result.stdout.splitlines()[0])
        assert first["source"] in ("-", "-:1") and first["outlet"] in ("The Valley Courier", "Coastline Daily")
