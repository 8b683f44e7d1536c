"""The `quotes` command line."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import sqlite3
import sys
from pathlib import Path

import click

from quotes import __version__
from quotes.evaluate import calibration as calibration_rows
from quotes.evaluate import load_gold, render, render_calibration, score
from quotes.parallel import ordered_map
from quotes.pipeline import extract_quotes, parse_article
from quotes.readers import FORMATS, Fields, Item, ReadError, expand_paths, read_path, read_paths, realize
from quotes.readers.jsonl import json_objects
from quotes.readers.records import USUAL_NAMES
from quotes.db import Loader, Prepared, open_db, prepare
from quotes.export import AmbiguousSpeaker, SpeakerNotFound, find_speaker, write_all, write_csv
from quotes import curation

workers_option = click.option(
    "-j", "--workers", type=click.IntRange(min=1), default=None,
    help="Worker processes (default: one per core).",
)


def reader_options(command):
    """--format and the --*-field options, for every command that reads articles.

    The command receives them as `fmt` (a format name or None) and `fields`
    (a quotes.readers.Fields), ready for read_paths(paths, fmt, fields).
    """
    parts = [f.name for f in dataclasses.fields(Fields)]

    @functools.wraps(command)
    def with_fields(*args, **kwargs):
        chosen = Fields(**{part: kwargs.pop(f"{part}_field") for part in parts})
        return command(*args, fields=chosen, **kwargs)

    for part in reversed(parts):
        with_fields = click.option(
            f"--{part}-field", f"{part}_field", metavar="NAME",
            help=f"JSON Lines/CSV field with the article's {part} (a.b for nested fields; "
                 f"default: the first present of {', '.join(USUAL_NAMES[part])}).",
        )(with_fields)
    return click.option(
        "--format", "fmt", type=click.Choice(FORMATS),
        help="Read every input as this format (default: told by content, then extension).",
    )(with_fields)


@click.group()
@click.version_option(__version__, prog_name="quotes")
def cli():
    """Find quotations in news articles, who said them and in what role,
    and publish them with SQLite and Datasette."""


def _parse_or_pass(item: Item) -> dict | ReadError:
    """Runs in a worker: extract a web page's article, then parse it."""
    item = realize(item)
    return item if isinstance(item, ReadError) else parse_article(item).to_dict()


def _quotes_of_record(record: tuple[str, str]) -> dict:
    record_id, text = record
    return {"id": record_id, "quotes": [q.to_dict() for q in extract_quotes(text)]}


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--jsonl", "jsonl", is_flag=True,
              help="PATHS are JSON Lines records with 'id' and 'text'; print {id, quotes} per record.")
@reader_options
@workers_option
def parse(paths, jsonl, workers, fmt, fields):
    """Print the quotes of each article as one JSON object per line.

    PATHS are files or folders (searched recursively); '-' reads standard input.
    Plain text, HTML pages, JSON Lines, CSV and WARC archives are read (gzipped
    too); see "Input formats" in the README.

        quotes parse article.txt

        quotes parse --text-field body export.csv

        quotes parse --jsonl records.jsonl
    """
    if jsonl:
        results = ordered_map(_quotes_or_error, _jsonl_records(paths), workers)
    else:
        results = ordered_map(_parse_or_pass, read_paths(paths, fmt, fields, lazy=True), workers)
    failed = 0
    for result in results:
        if isinstance(result, ReadError):
            failed += 1
            click.echo(f"error: {result}", err=True)
        else:
            _print_json(result)
    if failed:
        raise click.exceptions.Exit(1)


def _quotes_or_error(item: tuple[str, str] | ReadError) -> dict | ReadError:
    return item if isinstance(item, ReadError) else _quotes_of_record(item)


def _jsonl_records(paths):
    """(id, text) of each JSON Lines record, or a ReadError naming file and line."""
    for path in paths:
        try:
            fh = sys.stdin.buffer if path == "-" else open(path, "rb")
        except OSError as exc:
            yield ReadError(path, f"cannot read: {exc.strerror or exc}")
            continue
        with fh:
            for item in json_objects(fh, path):
                if isinstance(item, ReadError):
                    yield item
                    continue
                where, record = item
                if not isinstance(record.get("text"), str) or "id" not in record:
                    yield ReadError(where, "a record needs 'id' and a string 'text'")
                    continue
                yield str(record["id"]), record["text"]


def _print_json(obj: dict) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


@cli.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Also write the system's quotes (JSON Lines) to this file.")
@click.option("--calibration", is_flag=True, help="Also print how often quotes are right by confidence.")
@workers_option
def evaluate(gold, as_json, output, calibration, workers):
    """Run the parser on the texts of a gold JSON Lines file and score it.

    The figures are those of the project's reference scorer
    (shared/tools/quote_score.py).

        quotes evaluate ../shared/corpora/polnear/dev.jsonl
    """
    try:
        gold_articles = load_gold(gold)
    except ValueError as exc:
        raise click.ClickException(str(exc))
    records = [(a["id"], a["text"]) for a in gold_articles]
    results = list(ordered_map(_quotes_of_record, records, workers))
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            for result in results:
                fh.write(json.dumps(result, ensure_ascii=False) + "\n")
    system = {r["id"]: r["quotes"] for r in results}
    figures = score(gold_articles, system)
    if calibration:
        figures["calibration"] = calibration_rows(gold_articles, system)
    if as_json:
        click.echo(json.dumps(figures))
    else:
        click.echo(render(figures, gold, output or "quotes parse"))
        if calibration:
            click.echo("\n" + render_calibration(figures["calibration"]))


@cli.command("evaluate-speakers")
@click.argument("speaker_gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--texts", required=True, type=click.Path(exists=True, dir_okay=False),
              help="JSON Lines corpus with the gold articles' 'id' and 'text' (PolNeAR dev).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures (and per-quote details) as JSON.")
@workers_option
def evaluate_speakers(speaker_gold, texts, as_json, workers):
    """Score canonical speakers, kinds, roles and organisations against a speaker gold.

    The gold holds ids, quote offsets and names only; the texts come from --texts.
    See eval/README.md for how the gold was made and how names and roles are compared.

        quotes evaluate-speakers eval/polnear-dev-speakers.jsonl --texts ../shared/corpora/polnear/dev.jsonl
    """
    from quotes.evaluate_speakers import load_speaker_gold, load_texts, render_speakers, score_speakers

    try:
        gold_articles = load_speaker_gold(speaker_gold)
        found = load_texts(texts, {a["id"] for a in gold_articles})
    except ValueError as exc:
        raise click.ClickException(str(exc))
    records = [(a["id"], found[a["id"]]) for a in gold_articles if a["id"] in found]
    results = {r["id"]: r["quotes"] for r in ordered_map(_quotes_of_record, records, workers)}
    figures = score_speakers(gold_articles, found, results)
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False))
    else:
        click.echo(render_speakers(figures, speaker_gold))


def _prepare_numbered(numbered: tuple[int, Item]) -> tuple[int, Prepared | ReadError]:
    number, item = numbered
    return number, prepare(realize(item))


def _open_database(path: str):
    try:
        return open_db(path)
    except sqlite3.DatabaseError as exc:
        raise click.ClickException(f"{path}: cannot be used as a quotes database ({exc})")


@cli.command()
@click.argument("database", type=click.Path(dir_okay=False))
@click.argument("paths", nargs=-1, required=True)
@click.option("--silent", is_flag=True, help="No progress bar.")
@reader_options
@workers_option
def extract(database, paths, silent, workers, fmt, fields):
    """Find the quotes in articles and load them into a SQLite database.

    DATABASE is created if it does not exist.  PATHS are files or folders, read
    as `quotes parse` reads them.  Loading the same files again changes nothing;
    an article that changed has its quotes replaced.  A file that cannot be read
    or parsed is named, the others still load, and the exit status is 1.

        quotes extract quotes.db articles/
    """
    files = list(expand_paths(paths, fmt))
    if not files:
        raise click.ClickException(f"no article files in {' '.join(paths)}")
    loader = Loader(_open_database(database))
    summary = loader.summary
    numbered = ((n, item) for n, path in enumerate(files) for item in read_path(path, fmt, fields, lazy=True))
    results = ordered_map(_prepare_numbered, numbered, workers)
    with click.progressbar(
        length=len(files), label="Extracting", file=sys.stderr, show_pos=True, show_eta=False,
        item_show_func=lambda _: f"files, {summary.articles} articles, {summary.quotes} quotes",
    ) if not silent else contextlib.nullcontext() as bar:
        for number, result in results:
            loader.add(result)
            if bar is not None:
                bar.update(number + 1 - bar.pos)
    for failure in summary.failures:
        click.echo(f"error: {failure}", err=True)
    click.echo(summary.render(database, loader.totals()))
    if summary.failed:
        raise click.exceptions.Exit(1)


@cli.command()
@click.argument("database", type=click.Path(exists=True, dir_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 to let other machines in).")
@click.option("-p", "--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
@click.option("--metadata", type=click.Path(exists=True, dir_okay=False),
              help="Datasette metadata file (default: the project's metadata.yml).")
def serve(database, host, port, metadata):
    """Browse, facet, search and export the database in Datasette.

        quotes serve quotes.db --port 8001
    """
    from quotes.serve import METADATA, serve as run_datasette  # Datasette is slow to import

    _open_database(database).close()  # an older database is upgraded first
    run_datasette(database, host, port, Path(metadata) if metadata else METADATA)


@contextlib.contextmanager
def _named_speaker():
    """A speaker named by the user that is no one, or could be several, as an error
    message (listing the candidates) and exit status 1."""
    try:
        yield
    except SpeakerNotFound as exc:
        raise click.ClickException(f"no speaker matches {exc.args[0]!r}")
    except AmbiguousSpeaker as exc:
        listing = "\n".join(f"  {c.describe()}" for c in exc.candidates)
        raise click.ClickException(
            f"{exc.query!r} could be {len(exc.candidates)} speakers; give one of these names:\n{listing}")


@cli.command()
@click.argument("database", type=click.Path(exists=True, dir_okay=False))
@click.option("--speaker", metavar="NAME", help="Name, surname, alias or spelling variant of the speaker.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default="-",
              show_default="standard output", help="CSV file to write (with --speaker).")
@click.option("--all", "all_speakers", is_flag=True, help="One CSV per speaker (with --dir).")
@click.option("--dir", "directory", type=click.Path(file_okay=False), help="Folder for the --all CSV files.")
def export(database, speaker, output, all_speakers, directory):
    """Write every quote of a speaker as CSV, or one CSV per speaker.

        quotes export quotes.db --speaker Hamidawi -o hamidawi.csv

        quotes export quotes.db --all --dir speakers/
    """
    if bool(speaker) == all_speakers:
        raise click.UsageError("give either --speaker NAME or --all --dir DIR")
    if all_speakers and not directory:
        raise click.UsageError("--all needs --dir DIR")
    if speaker and directory:
        raise click.UsageError("--dir goes with --all; with --speaker use -o FILE")
    db = _open_database(database)
    if all_speakers:
        files = quotes_written = 0
        for _, _, count in write_all(db, Path(directory)):
            files, quotes_written = files + 1, quotes_written + count
        click.echo(f"wrote {quotes_written} quotes of {files} speakers to {directory}", err=True)
        return
    with _named_speaker():
        found = find_speaker(db, speaker)
    with (open(output, "w", encoding="utf-8", newline="") if output != "-" else contextlib.nullcontext(sys.stdout)) as out:
        count = write_csv(db, found, out)
    click.echo(f"wrote {count} quotes of {found.name} to {'standard output' if output == '-' else output}", err=True)


# -- quotes speakers: curation kept across re-extraction (quotes/curation.py) --

database_argument = click.argument("database", type=click.Path(exists=True, dir_okay=False))


@cli.group()
def speakers():
    """Correct the speakers: merge, split, rename, or mark as not a speaker.

    Each correction is stored in the database's overrides table and applied
    again on every later `quotes extract`, so re-extracting keeps it.  Speakers
    are named by name or alias; a name that could be several speakers lists
    them and changes nothing.
    """


def _curate(change, database, *args) -> None:
    """Run one curation function on the database and print what it did."""
    db = _open_database(database)
    with _named_speaker():
        try:
            done = change(db, *args)
        except curation.CurationError as exc:
            raise click.ClickException(str(exc))
    click.echo(done)


@speakers.command()
@database_argument
@click.argument("target")
@click.argument("other")
def merge(database, target, other):
    """Make OTHER part of TARGET: its quotes and aliases go to TARGET.

        quotes speakers merge quotes.db "Israel Defense Forces" IDF
    """
    _curate(curation.merge, database, target, other)


@speakers.command()
@database_argument
@click.argument("name")
@click.option("--alias", "aliases", multiple=True, required=True, metavar="ALIAS",
              help="An alias of NAME that is someone else (repeat for more).")
def split(database, name, aliases):
    """Make the given aliases of NAME a speaker of their own.

        quotes speakers split quotes.db "Ahmad al-Hamidawi" --alias Hamidawi
    """
    _curate(curation.split, database, name, list(aliases))


@speakers.command()
@database_argument
@click.argument("name")
@click.argument("new")
def rename(database, name, new):
    """Show speaker NAME as NEW from now on.

        quotes speakers rename quotes.db Hamidawi "Hamidawi (unidentified)"
    """
    _curate(curation.rename, database, name, new)


@speakers.command("not-a-speaker")
@database_argument
@click.argument("name")
def not_a_speaker(database, name):
    """NAME is not a speaker: its quotes keep their text but lose the speaker.

        quotes speakers not-a-speaker quotes.db "Silk Screens"
    """
    _curate(curation.not_a_speaker, database, name)


@speakers.command("list")
@database_argument
@click.option("--overrides", "show_overrides", is_flag=True, help="List the stored corrections instead, in order.")
def list_speakers(database, show_overrides):
    """List the speakers (most quoted first) with their aliases, or the overrides.

        quotes speakers list quotes.db --overrides
    """
    db = _open_database(database)
    lines = curation.override_lines(db) if show_overrides else curation.speaker_lines(db)
    click.echo("\n".join(lines) if lines else ("no overrides" if show_overrides else "no speakers"))
