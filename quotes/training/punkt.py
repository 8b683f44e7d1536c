"""Train Punkt sentence-splitter parameters on UD English EWT and GUM (its CC BY genres).

NLTK's own punkt models must be downloaded, which fails behind firewalls, so we
train the unsupervised Punkt model on the treebanks' running text ourselves and
ship its parameters.  Abbreviations common in news but rare in the treebanks
(titles, US state abbreviations, months) are added by hand.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from nltk.tokenize.punkt import PunktTrainer

from quotes.training.corpora import UD_EWT, Document, read_conllu, read_gum, write_json_gz

NEWS_ABBREVIATIONS = """
mr mrs ms dr prof sen sens rep reps gov govs gen lt col maj capt sgt cpl adm cmdr
rev fr st jr sr esq hon pres sec atty supt insp det amb
inc corp co ltd llc bros dept univ assn
jan feb mar apr jun jul aug sep sept oct nov dec
ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn
miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo
no nos vol pp ft mt ave blvd rd
u.s u.k u.n e.u d.c a.m p.m n.y n.j n.c s.c n.h n.m n.d s.d w.va r.i
e.g i.e etc vs v approx est
""".split()


def training_documents() -> list[Document]:
    return read_conllu(UD_EWT / "en_ewt-ud-train.conllu") + read_gum("train")


def proper_nouns(docs: list[Document]) -> set[str]:
    """Lower-cased words the treebanks tag PROPN more often than anything else."""
    tags: dict[str, Counter] = {}
    for doc in docs:
        for sentence in doc.sentences:
            for tok in sentence.tokens:
                tags.setdefault(tok.form.lower(), Counter())[tok.upos] += 1
    return {w for w, c in tags.items() if c.most_common(1)[0][0] == "PROPN"}


def train(out_dir: Path) -> Path:
    docs = training_documents()
    trainer = PunktTrainer()
    trainer.INCLUDE_ALL_COLLOCS = True
    trainer.train("\n\n".join(doc.plain_text() for doc in docs), finalize=True)
    params = trainer.get_params()
    params.abbrev_types.update(NEWS_ABBREVIATIONS)
    # E-mail sign-offs make first names frequent sentence starters (`Chris`, `Carol`), which
    # would break `said Sen.` | `Chris Murphy`; after an abbreviation a name goes on.
    params.sent_starters -= proper_nouns(docs)
    data = {
        "abbrev_types": sorted(params.abbrev_types),
        "collocations": sorted([a, b] for a, b in params.collocations),
        "sent_starters": sorted(params.sent_starters),
        "ortho_context": dict(sorted(params.ortho_context.items())),
    }
    return write_json_gz(out_dir / "punkt.json.gz", data)
