"""`make bench`: parsing throughput on real news, one core and all cores.

Reads article texts from a JSON Lines file (PolNeAR dev by default), repeats
them to a few hundred articles, and prints articles per second.  Timing lives
here, never in the tests.
"""

from __future__ import annotations

import argparse
import json
import time

from quotes.parallel import default_workers, ordered_map
from quotes.pipeline import extract_quotes
from quotes.training.corpora import POLNEAR


def _count(text: str) -> int:
    return len(extract_quotes(text))


def run(texts: list[str], workers: int) -> tuple[float, int]:
    start = time.perf_counter()
    quotes = sum(ordered_map(_count, texts, workers, chunksize=16))
    return time.perf_counter() - start, quotes


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("jsonl", nargs="?", default=str(POLNEAR / "dev.jsonl"))
    parser.add_argument("--articles", type=int, default=840)
    args = parser.parse_args(argv)
    with open(args.jsonl, encoding="utf-8") as fh:
        base = [json.loads(line)["text"] for line in fh if line.strip()]
    texts = (base * (args.articles // len(base) + 1))[:args.articles]
    chars = sum(map(len, texts))
    extract_quotes(texts[0])  # load the models outside the timing
    print(f"{len(texts)} articles, {chars / len(texts):,.0f} characters on average, from {args.jsonl}")
    for workers in sorted({1, default_workers()}):
        seconds, quotes = run(texts, workers)
        print(f"  {workers} worker{'s' if workers > 1 else ' '}: {len(texts) / seconds:8.1f} articles/s"
              f"  {chars / seconds / 1e6:6.2f} M chars/s  {quotes} quotes  ({seconds:.2f} s)")


if __name__ == "__main__":
    main()
