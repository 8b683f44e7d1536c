"""Readers for the training corpora (CoNLL-U treebanks and UNER IOB2 files), and the
deterministic writer for the artifacts trained from them."""

from __future__ import annotations

import gzip
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from quotes.evaluate import load_gold

SHARED = Path(os.environ.get("QUOTES_SHARED", Path(__file__).resolve().parents[2].parent / "shared"))
CORPORA = SHARED / "corpora"
UD_EWT = CORPORA / "ud" / "UD_English-EWT"
UD_GUM = CORPORA / "ud" / "UD_English-GUM"
UNER_EWT = CORPORA / "uner" / "UNER_English-EWT"
POLNEAR = CORPORA / "polnear"


def read_polnear(split: str) -> list[dict]:
    """PolNeAR's articles of one split with their gold quotes: the only text the trainers read from it."""
    return load_gold(str(POLNEAR / f"{split}.jsonl"))


@dataclass
class Token:
    form: str
    lemma: str
    upos: str
    xpos: str
    misc: str
    feats: str = "_"
    head: int = 0  # index of the head token in the sentence, -1 for the root
    deprel: str = "_"


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
                head = int(cols[6]) - 1 if cols[6].isdigit() else -1
                sentence.tokens.append(Token(cols[1], cols[2], cols[3], cols[4], cols[9], cols[5], head, cols[7]))
    return docs


# GUM genres whose source texts are CC BY (or public domain): Wikinews news,
# interviews and bios, Wikivoyage, OpenStax textbooks, YouTube CC vlogs, political
# speeches and the Santa Barbara conversations (GUM's LICENSE.txt).
GUM_CC_BY_GENRES = ("bio", "conversation", "interview", "news", "speech", "textbook", "vlog", "voyage")


def read_gum(split: str) -> list[Document]:
    """The CC BY documents of one GUM split ("train", "dev" or "test").

    GUM as a whole is CC BY-NC-SA 4.0: wikiHow and fiction are NC-SA, and the
    genres its LICENSE.txt does not single out (academic, court, essay, letter,
    podcast) fall under that whole-corpus licence.  Our artifacts ship with the
    code and must be free to pass on, commercially too, so the trainers read only
    the genres licensed CC BY, told apart by the `GUM_<genre>_` document id."""
    return [doc for doc in read_conllu(UD_GUM / f"en_gum-ud-{split}.conllu")
            if doc.doc_id.split("_")[1] in GUM_CC_BY_GENRES]


@dataclass
class NerSentence:
    """One UNER sentence: its text, tokens and IOB2 tags."""

    sent_id: str
    text: str
    forms: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    def spans(self) -> list[tuple[int, int, str]]:
        """Entities as (first token, end token, type) with end exclusive."""
        out: list[tuple[int, int, str]] = []
        for i, tag in enumerate(self.tags):
            if tag.startswith("B-") or (tag.startswith("I-") and (not out or out[-1][1] != i or out[-1][2] != tag[2:])):
                out.append((i, i + 1, tag[2:]))
            elif tag.startswith("I-"):
                out[-1] = (out[-1][0], i + 1, out[-1][2])
        return out


def read_iob2(path: Path) -> list[NerSentence]:
    """Sentences of a UNER IOB2 file."""
    out: list[NerSentence] = []
    sent = NerSentence("", "")
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("# sent_id"):
                sent.sent_id = line.split("=", 1)[1].strip()
            elif line.startswith("# text"):
                sent.text = line.split("=", 1)[1].strip()
            elif line.startswith("#"):
                continue
            elif not line.strip():
                if sent.forms:
                    out.append(sent)
                sent = NerSentence("", "")
            else:
                cols = line.split("\t")
                sent.forms.append(cols[1])
                sent.tags.append(cols[2])
    if sent.forms:
        out.append(sent)
    return out


def align(text: str, forms: list[str]) -> list[tuple[int, int]]:
    """Character span of each token in text, found left to right; (-1, -1) where a
    token is not found (a few treebank words are not verbatim substrings)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for form in forms:
        i = text.find(form, pos)
        if i < 0 or text[pos:i].strip():
            out.append((-1, -1))
            continue
        out.append((i, i + len(form)))
        pos = i + len(form)
    return out


@dataclass
class Mention:
    """A GUM entity mention over tokens [start, end) of one sentence; `eid` is unique
    within its document, so mentions sharing it form a coreference chain."""

    eid: str
    etype: str
    start: int
    end: int
    identity: str


_ENTITY = re.compile(r"\((\d+)-([^()]*)(\))?|(\d+)\)")


def read_mentions(sentence: Sentence) -> list[Mention]:
    """Mentions from the MISC `Entity=` brackets (global.Entity =
    GRP-etype-infstat-salience-centering-minspan-link-identity)."""
    out: list[Mention] = []
    open_: list[Mention] = []
    for i, tok in enumerate(sentence.tokens):
        value = next((kv[7:] for kv in tok.misc.split("|") if kv.startswith("Entity=")), "")
        for m in _ENTITY.finditer(value):
            if m.group(1):
                fields = m.group(2).split("-", 6)
                mention = Mention(m.group(1), fields[0], i, i + 1, fields[6] if len(fields) > 6 else "")
                if m.group(3):
                    out.append(mention)
                else:
                    open_.append(mention)
            else:
                for j in range(len(open_) - 1, -1, -1):
                    if open_[j].eid == m.group(4):
                        mention = open_.pop(j)
                        mention.end = i + 1
                        out.append(mention)
                        break
    return out


def write_json_gz(path: Path, data) -> Path:
    """Same data, same bytes: sorted keys, no whitespace, gzip without a timestamp."""
    with gzip.GzipFile(path, "wb", mtime=0) as fh:
        fh.write(json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    return path
