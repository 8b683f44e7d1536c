"""The sample articles behind `make serve`: db/articles/.

They are the project's seed article and the 24 Wikinews news articles of the
GUM corpus (UD English GUM, `GUM_news_*` documents; Wikinews is CC BY),
written as plain-text files the way people save articles: the title, a blank
line, the date line, a blank line, then the paragraphs.  The attribution
goes to db/articles/README.md, written here too.

    python -m quotes.training.sample_articles [OUT_DIR]
"""

from __future__ import annotations

import re
import shutil
import sys
from datetime import date
from pathlib import Path

from quotes.dates import find_date
from quotes.training.corpora import SHARED, UD_GUM, Document, read_conllu

OUT = Path(__file__).resolve().parents[2] / "db" / "articles"
SEED = SHARED / "seed" / "iraqi-militias-2023-10-18.txt"
GUM_FILES = ("en_gum-ud-train.conllu", "en_gum-ud-dev.conllu", "en_gum-ud-test.conllu")
DATELINE = re.compile(r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \w+ \d{1,2}, \d{4}")
LICENCE_URL = "https://en.wikinews.org/wiki/Wikinews:Copyright"


def news_documents() -> list[Document]:
    docs = [d for name in GUM_FILES for d in read_conllu(UD_GUM / name) if d.doc_id.startswith("GUM_news_")]
    return sorted(docs, key=lambda d: d.doc_id)


def article_text(doc: Document) -> tuple[str, str, str]:
    """(file text, title, YYYY-MM-DD date) of a GUM news document."""
    paragraphs = [[s.text for s in p] for p in doc.paragraphs]
    title = doc.meta.get("title") or " ".join(paragraphs[0])
    if paragraphs and " ".join(paragraphs[0]) == title:
        paragraphs = paragraphs[1:]
    dateline = None
    if paragraphs and (m := DATELINE.match(paragraphs[0][0])):
        dateline = m.group(0)
        rest = paragraphs[0][0][m.end():].strip()
        paragraphs[0] = ([rest] if rest else []) + paragraphs[0][1:]
        paragraphs = [p for p in paragraphs if p]
    published = find_date(dateline) if dateline else doc.meta["dateCreated"]
    if dateline is None:
        dateline = f"{date.fromisoformat(published):%A, %B} {int(published[8:])}, {published[:4]}"
    body = "\n\n".join(" ".join(p) for p in paragraphs)
    return f"{title}\n\n{dateline}\n\n{body}\n", title, published


def write(out: Path = OUT) -> list[Path]:
    wikinews = out / "wikinews"
    if wikinews.exists():
        shutil.rmtree(wikinews)
    wikinews.mkdir(parents=True)
    shutil.copy(SEED, out / SEED.name)
    written, rows = [out / SEED.name], []
    for doc in news_documents():
        text, title, published = article_text(doc)
        path = wikinews / f"{published}-{doc.doc_id.removeprefix('GUM_news_')}.txt"
        path.write_text(text, encoding="utf-8")
        written.append(path)
        url = doc.meta["sourceURL"]
        rows.append(f"| {published} | [{title.replace('|', '/')}]({url}) | `{path.name}` | {doc.doc_id} |")
    readme = README.format(count=len(rows), rows="\n".join(sorted(rows)), licence_url=LICENCE_URL)
    (out / "README.md").write_text(readme, encoding="utf-8")
    return written


README = """# Sample articles

`make serve` loads every article here into `db/quotes.db` (`quotes extract db/quotes.db db/articles`).
This folder is written by `python -m quotes.training.sample_articles` from `../shared`; re-run it
to rebuild it.

## The seed article

`iraqi-militias-2023-10-18.txt`: "Iraqi Militias Launch Strikes on Bases with US Troops" by Kyle
Anzalone (18 October 2023), the article this project started from, copied unchanged from
`../shared/seed/` (its gold attributions are in `iraqi-militias-2023-10-18.gold.json` there). It is
included as the project's reference article; the file states no licence.

## Wikinews articles (CC BY)

`wikinews/`: the {count} news articles of the GUM corpus, which are Wikinews articles, published
under a Creative Commons Attribution licence ([Wikinews:Copyright]({licence_url}); each
article's page, linked below, states its licence). Text by Wikinews contributors. The text is
GUM's (its sentence text, paragraphs joined with blank lines), with the title and date line
first; nothing else was changed.

GUM: Amir Zeldes (2017), "The GUM Corpus: Creating Multilayer Resources in the Classroom",
*Language Resources and Evaluation* 51(3), 581–612; taken from Universal Dependencies
`UD_English-GUM` (see `../shared/corpora/README.md`).

| Date | Article (Wikinews) | File | GUM document |
|---|---|---|---|
{rows}
"""


if __name__ == "__main__":
    for path in write(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT):
        print(path)
