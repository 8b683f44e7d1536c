"""Datasette over a quotes database, configured by the project's metadata.yml."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import uvicorn
import yaml
from datasette import hookimpl
from datasette.app import Datasette
from datasette.plugins import pm

METADATA = Path(__file__).resolve().parent.parent / "metadata.yml"

# Fit for databases of millions of quotes: no facet suggestions (each one is a
# query over the whole table), the facets in metadata.yml on indexed columns
# with time to finish, and a bound on arbitrary SQL.
SETTINGS = {
    "suggest_facets": False,
    "facet_time_limit_ms": 1000,
    "sql_time_limit_ms": 5000,
    "default_facet_size": 20,
    "max_returned_rows": 1000,
}


def load_metadata(path: Path = METADATA, database: str = "quotes") -> dict:
    """metadata.yml, with its `quotes` database section under `database` (the
    name Datasette gives the file: its stem), so any file name works."""
    metadata = yaml.safe_load(path.read_text(encoding="utf-8"))
    databases = metadata.get("databases", {})
    if database != "quotes" and "quotes" in databases:
        databases[database] = databases.pop("quotes")
    return metadata


# Added to a later page's query string, and dropped from any other's.
LATER_PAGE = b"_nofacet=later"


@hookimpl
def asgi_wrapper(datasette):
    """A table's later pages (?_next=) come without facets, as with ?_nofacet.
    Datasette 0.65 counts a later page's facets over the rows after the cursor
    only, so they are wrong, and with a condition on the sort column and the
    key, so each facet reads every row: 0.5 s a facet on a million quotes.  The
    flag added stays in the later page's links; a link that leaves the later
    pages (a sort, a filter) loses it, so the first page keeps its facets."""

    def wrap(app):
        async def later_pages_without_facets(scope, receive, send):
            query = scope.get("query_string", b"")
            if scope["type"] == "http" and query:
                pairs = [pair for pair in query.split(b"&") if pair != LATER_PAGE]
                if any(pair.startswith(b"_next=") for pair in pairs) and not any(
                        pair.startswith(b"_nofacet=") for pair in pairs):
                    pairs.append(LATER_PAGE)
                scope = {**scope, "query_string": b"&".join(pairs)}
            await app(scope, receive, send)

        return later_pages_without_facets

    return wrap


def make_datasette(db_path: str | Path, metadata_path: Path = METADATA) -> Datasette:
    db_path = Path(db_path)
    if not pm.has_plugin(__name__):  # this module's asgi_wrapper, before Datasette builds its app
        pm.register(sys.modules[__name__], name=__name__)
    return Datasette([str(db_path)], metadata=load_metadata(metadata_path, db_path.stem), settings=SETTINGS)


def serve(db_path: str | Path, host: str, port: int, metadata_path: Path = METADATA) -> None:
    """Run Datasette's server as `datasette serve` does (uvicorn, one worker)."""
    ds = make_datasette(db_path, metadata_path)
    asyncio.run(ds.invoke_startup())
    uvicorn.run(ds.app(), host=host, port=port, log_level="info", lifespan="on")
