"""Readers for the training corpora (CoNLL-U treebanks and UNER IOB2 files)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

SHARED = Path(os.environ.get("QUOTES_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))
CORPORA = SHARED / "corpora"
UD_EWT = CORPORA / "ud" / "UD_English-EWT"
UD_GUM = CORPORA / "ud" / "UD_English-GUM"
UNER_EWT = CORPORA / "uner" / "UNER_English-EWT"
POLNEAR = CORPORA / "polnear"


@dataclass
class Token:
    form: str
    lemma: str
    upos: str
    xpos: str
    misc: str


@dataclass
class Sentence:
    sent_id: str
    text: str
    tokens: list[Token] = field(default_factory=list)


@dataclass
class Document:
    doc_id: str
    meta: dict[str, str] = field(default_factory=dict)
    paragraphs: list[list[Sentence]] = field(default_factory=list)

    @property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p]

    def plain_text(self) -> str:
        """Paragraphs separated by blank lines, sentences by one space."""
        return "\n\n".join(" ".join(s.text for s in p) for p in self.paragraphs)


def read_conllu(path: Path) -> list[Document]:
    """Documents of a CoNLL-U file, with paragraphs (`# newpar`) and sentences."""
    docs: list[Document] = []
    sentence: Sentence | None = None
    pending_par = False
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("# newdoc"):
                doc_id = line.split("=", 1)[1].strip() if "=" in line else f"doc{len(docs)}"
                docs.append(Document(doc_id))
                pending_par = True
            elif line.startswith("# meta::") and docs:
                key, _, value = line[len("# meta::"):].partition(" = ")
                docs[-1].meta[key.strip()] = value.strip()
            elif line.startswith("# newpar"):
                pending_par = True
            elif line.startswith("# sent_id"):
                if not docs:
                    docs.append(Document("doc0"))
                sentence = Sentence(line.split("=", 1)[1].strip(), "")
                if pending_par or not docs[-1].paragraphs:
                    docs[-1].paragraphs.append([])
                    pending_par = False
                docs[-1].paragraphs[-1].append(sentence)
            elif line.startswith("# text =") and sentence is not None:
                sentence.text = line.split("=", 1)[1].strip()
            elif line and not line.startswith("#") and sentence is not None:
                cols = line.split("\t")
                if "-" in cols[0] or "." in cols[0]:
                    continue  # multiword token ranges and empty nodes
                sentence.tokens.append(Token(cols[1], cols[2], cols[3], cols[4], cols[9]))
    return docs


def read_iob2(path: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """Sentences of a UNER IOB2 file as (sent_id, [(token, tag), ...])."""
    out: list[tuple[str, list[tuple[str, str]]]] = []
    sent_id, rows = "", []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("# sent_id"):
                sent_id = line.split("=", 1)[1].strip()
            elif line.startswith("#"):
                continue
            elif not line.strip():
                if rows:
                    out.append((sent_id, rows))
                sent_id, rows = "", []
            else:
                cols = line.split("\t")
                rows.append((cols[1], cols[2]))
    if rows:
        out.append((sent_id, rows))
    return out
