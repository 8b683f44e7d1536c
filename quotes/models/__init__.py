"""Load the trained artifacts that ship in this folder (see README.md here).

Everything is read from the package itself, never from NLTK's data path, so
parsing works where `nltk.download()` cannot.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from pathlib import Path

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

MODELS = Path(__file__).resolve().parent


def load_json(name: str):
    """A shipped JSON artifact, gzipped or not."""
    path = MODELS / name
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


@cache
def punkt() -> PunktSentenceTokenizer:
    data = load_json("punkt.json.gz")
    params = PunktParameters()
    params.abbrev_types = set(data["abbrev_types"])
    params.collocations = {tuple(pair) for pair in data["collocations"]}
    params.sent_starters = set(data["sent_starters"])
    params.ortho_context.update(data["ortho_context"])
    return PunktSentenceTokenizer(params)
