"""Parse articles on every core, streaming, in input order.

Inputs are read lazily in the main process and handed to worker processes in
small chunks; results come back in the order the inputs went in, so `parse`
output and database loads are deterministic however many workers run.  Only a
few chunks per worker are in flight at once (Pool.imap would read the whole
input ahead), so memory stays flat on inputs of any size.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

CHUNKS_IN_FLIGHT_PER_WORKER = 4


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _apply(fn: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [fn(item) for item in chunk]


def ordered_map(fn: Callable[[T], R], items: Iterable[T], workers: int | None = None, chunksize: int = 8) -> Iterator[R]:
    """fn over items, on `workers` processes (all cores by default), in input order."""
    workers = default_workers() if workers is None else workers
    if workers <= 1:
        yield from map(fn, items)
        return
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    source = iter(items)
    with context.Pool(workers) as pool:
        pending: deque = deque()
        limit = workers * CHUNKS_IN_FLIGHT_PER_WORKER
        while True:
            while len(pending) < limit:
                chunk = list(islice(source, chunksize))
                if not chunk:
                    break
                pending.append(pool.apply_async(_apply, (fn, chunk)))
            if not pending:
                return
            yield from pending.popleft().get()
