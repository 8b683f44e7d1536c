"""Parse articles on every core, streaming, in input order.

Inputs are read lazily in the main process and handed to worker processes in
small chunks; results come back in the order the inputs went in, so `parse`
output and database loads are deterministic however many workers run.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def ordered_map(fn: Callable[[T], R], items: Iterable[T], workers: int | None = None, chunksize: int = 8) -> Iterator[R]:
    """fn over items, on `workers` processes (all cores by default), in input order."""
    workers = default_workers() if workers is None else workers
    if workers <= 1:
        yield from map(fn, items)
        return
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with context.Pool(workers) as pool:
        yield from pool.imap(fn, items, chunksize=chunksize)
