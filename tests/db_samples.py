"""Articles with known quotes and speakers, for the database, export and Datasette tests.

They are built as Article/Quote objects (what the parser returns), so these
tests do not depend on how well the parser attributes today.  The seed article
carries its gold attributions; two more articles bring the same people under
other names (Hamidawi, Amirabdollahian) and a different person who shares a
surname (Ali al-Hamidawi).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from quotes.article import Article, Quote
from quotes.readers.plaintext import read_plain_text

SEED = Path(__file__).parent / "fixtures" / "seed"
SEED_TEXT = SEED / "iraqi-militias-2023-10-18.txt"
SEED_GOLD = SEED / "iraqi-militias-2023-10-18.gold.json"
CUES = {"Ahmad al-Hamidawi": "explained", "Hossein Amir-Abdollahian": "said", "Islamic Resistance in Iraq": "said"}
FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")"


def seed_article() -> Article:
    """The seed article as the reader gives it, with its gold quotes.
    Gold offsets index the raw file; they are moved to the article body."""
    raw = SEED_TEXT.read_text(encoding="utf-8")
    article = read_plain_text(raw, str(SEED_TEXT))
    body = raw.index(article.text)
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    quotes = []
    for q in gold["quotes"]:
        mention = q.get("mention")
        quotes.append(Quote(
            start=q["start"] - body, end=q["end"] - body, text=q["text"], type=q["type"],
            speaker=q["speaker"], speaker_kind=q["speaker_kind"],
            speaker_start=mention["start"] - body if mention else None,
            speaker_end=mention["end"] - body if mention else None,
            cue=CUES.get(q["speaker"]), role=q.get("role"), organization=q.get("organization"),
            confidence=0.9,
        ))
    return replace(article, quotes=quotes)


def make_article(text: str, quotes: list[dict], **meta) -> Article:
    """An article whose quotes are given by their words and speaker mention."""
    built = []
    for q in quotes:
        start = text.index(q["text"])
        mention = q.get("mention")
        m_start = text.index(mention, start + len(q["text"])) if mention else None
        built.append(Quote(
            start=start, end=start + len(q["text"]), text=q["text"], type=q.get("type", "direct"),
            speaker=q.get("speaker"), speaker_kind=q.get("kind", "person"),
            speaker_start=m_start, speaker_end=m_start + len(mention) if mention else None,
            cue=q.get("cue", "said"), role=q.get("role"), organization=q.get("organization"),
            confidence=q.get("confidence", 0.8),
        ))
    return Article(text=text, id=meta.pop("id", None), quotes=built, **meta)


def follow_up() -> Article:
    """A later article naming Hamidawi by surname and Amir-Abdollahian in another spelling."""
    text = (
        "Kataib Hezbollah repeated its threat on Thursday.\n\n"
        "“The attacks will go on until the occupiers leave,” Hamidawi said in a televised speech.\n\n"
        "Iran's foreign minister, Hossein Amirabdollahian, told reporters: “The region is a powder keg.”\n\n"
        "“We target only the occupation,” the Islamic Resistance in Iraq said in a statement."
    )
    return make_article(text, [
        {"text": "The attacks will go on until the occupiers leave,", "speaker": "Hamidawi", "mention": "Hamidawi",
         "role": "secretary-general of Kataib Hezbollah", "organization": "Kataib Hezbollah"},
        {"text": "The region is a powder keg.", "speaker": "Hossein Amirabdollahian", "cue": "told",
         "role": "foreign minister", "organization": "Iran"},
        {"text": "We target only the occupation,", "speaker": "Islamic Resistance in Iraq", "kind": "organization",
         "mention": "the Islamic Resistance in Iraq"},
    ], title="Militia leader repeats threat", published="2023-11-02", url="https://news.example/militia-threat",
        outlet="Example News", source="follow-up.txt")


def namesake() -> Article:
    """A different person who shares Hamidawi's surname, and a quote a spreadsheet would run."""
    text = (
        "Ali al-Hamidawi, a farmer in Basra, spoke about the harvest.\n\n"
        f"“{FORMULA} is what the trolls posted,” Ali al-Hamidawi said.\n\n"
        "“The river is lower than ever,” he added."
    )
    return make_article(text, [
        {"text": f"{FORMULA} is what the trolls posted,", "speaker": "Ali al-Hamidawi", "mention": "Ali al-Hamidawi",
         "role": "farmer"},
        {"text": "The river is lower than ever,", "speaker": "Ali al-Hamidawi", "mention": "he", "cue": "added",
         "role": "farmer"},
    ], title="Basra farmers count the cost of drought", published="2023-11-20",
        url="https://news.example/basra-drought", outlet="Example News", source="namesake.txt")


def sample_articles() -> list[Article]:
    return [seed_article(), follow_up(), namesake()]
