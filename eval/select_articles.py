"""Which PolNeAR dev articles the speaker gold covers, reproducibly.

The gold is annotated by hand, so it covers a sample, not all 84 dev articles.
The sample must not be picked by looking at the articles (that would favour
easy or hard ones) and must spread over the seven publishers, whose styles
differ (NYT honorifics, Breitbart wire pieces, opinion columns).  So: among the
articles with at least one gold quote that has a Source, rank each publisher's
articles by SHA-256 of SEED + id, then take them round-robin over the
publishers in alphabetical order until there are N.  With N = 25 the first four
publishers give four articles and the other three give three.

    python eval/select_articles.py ../shared/corpora/polnear/dev.jsonl
"""

from __future__ import annotations

import hashlib
import json
import sys

SEED = "polnear-dev-speakers"
N = 25


def select(articles: list[dict], n: int = N, seed: str = SEED) -> list[str]:
    """Ids of the sample, in the file order of `articles`."""
    by_publisher: dict[str, list[str]] = {}
    for a in articles:
        if any(q.get("speaker") for q in a["quotes"]):
            by_publisher.setdefault(a["publisher"], []).append(a["id"])
    for ids in by_publisher.values():
        ids.sort(key=lambda i: hashlib.sha256(f"{seed}:{i}".encode()).hexdigest())
    chosen: list[str] = []
    rank = 0
    while len(chosen) < n and any(rank < len(v) for v in by_publisher.values()):
        for publisher in sorted(by_publisher):
            ids = by_publisher[publisher]
            if rank < len(ids) and len(chosen) < n:
                chosen.append(ids[rank])
        rank += 1
    order = {a["id"]: k for k, a in enumerate(articles)}
    return sorted(chosen, key=order.__getitem__)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as fh:
        print("\n".join(select([json.loads(line) for line in fh if line.strip()])))
