"""Datasette over a quotes database, configured by the project's metadata.yml."""

from __future__ import annotations

import asyncio
from pathlib import Path

import uvicorn
import yaml
from datasette.app import Datasette

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


def make_datasette(db_path: str | Path, metadata_path: Path = METADATA) -> Datasette:
    db_path = Path(db_path)
    return Datasette([str(db_path)], metadata=load_metadata(metadata_path, db_path.stem), settings=SETTINGS)


def serve(db_path: str | Path, host: str, port: int, metadata_path: Path = METADATA) -> None:
    """Run Datasette's server as `datasette serve` does (uvicorn, one worker)."""
    ds = make_datasette(db_path, metadata_path)
    asyncio.run(ds.invoke_startup())
    uvicorn.run(ds.app(), host=host, port=port, log_level="info", lifespan="on")
