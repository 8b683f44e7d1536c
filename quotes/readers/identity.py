"""One id per article, the same whichever file or format it arrives in."""

from __future__ import annotations

import hashlib


def article_id(url: str | None, text: str) -> str:
    """Deterministic id: from the URL when there is one, else from the normalised text."""
    key = url.strip() if url else " ".join(text.split())
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
