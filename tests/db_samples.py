"""Articles with known quotes and speakers, for the database, export and Datasette tests.

They are built as Article/Quote objects (what the parser returns), so these
tests do not depend on how well the parser attributes today.  The seed article
carries its gold attributions; two more articles bring the same people under
other names (Hamidawi, Amirabdollahian) and a different person who shares a
surname (Ali al-Hamidawi).  `seed_article(with_speakers=True)` adds the
speakers the parser lists, with every surface form; the other articles here
with speakers bring acronyms, honorifics, transliterations and namesakes
across articles.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from quotes.article import Article, Quote, Speaker
from quotes.readers.plaintext import read_plain_text

SEED = Path(__file__).parent / "fixtures" / "seed"
SEED_TEXT = SEED / "iraqi-militias-2023-10-18.txt"
SEED_GOLD = SEED / "iraqi-militias-2023-10-18.gold.json"
DB_FIXTURES = Path(__file__).parent / "fixtures" / "db"
# A later article that spells him Amirabdollahian (written for these tests).
IRAN_WARNING_TEXT = DB_FIXTURES / "iran-warning-2023-10-26.txt"
# The seed's speakers as the parser lists them: every form the article uses.
SEED_SPEAKERS = (
    Speaker("US Central Command", "organization", ["US Central Command"]),
    Speaker("Ahmad al-Hamidawi", "person",
            ["Ahmad “Abu Hussein” al-Hamidawi", "Ahmad al-Hamidawi", "Abu Hussein", "al-Hamidawi", "Hamidawi"],
            "leader of Kataib Hezbollah", "Kataib Hezbollah"),
    Speaker("Hossein Amir-Abdollahian", "person", ["Hossein Amir-Abdollahian", "Amir-Abdollahian"],
            "Foreign Minister", "Iran"),
    Speaker("Islamic Resistance in Iraq", "organization", ["Islamic Resistance in Iraq"]),
)
CUES = {"Ahmad al-Hamidawi": "explained", "Hossein Amir-Abdollahian": "said", "Islamic Resistance in Iraq": "said"}
FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")"


def seed_article(with_speakers: bool = False) -> Article:
    """The seed article as the reader gives it, with its gold quotes (and,
    with_speakers, the parser's speakers).  Gold offsets index the raw file;
    they are moved to the article body."""
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
    return replace(article, quotes=quotes, speakers=[replace(sp) for sp in SEED_SPEAKERS] if with_speakers else [])


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
    speakers = [Speaker(name, kind, list(aliases)) for name, kind, aliases in meta.pop("speakers", ())]
    return Article(text=text, id=meta.pop("id", None), quotes=built, speakers=speakers, **meta)


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


def iran_warning() -> Article:
    """tests/fixtures/db/iran-warning-2023-10-26.txt as the parser returns it:
    Hossein Amirabdollahian, in that spelling, with a role of its own."""
    article = read_plain_text(IRAN_WARNING_TEXT.read_text(encoding="utf-8"), str(IRAN_WARNING_TEXT))
    parsed = make_article(article.text, [
        {"text": "We do not welcome the expansion of the war in the region,", "speaker": "Hossein Amirabdollahian",
         "mention": "Hossein Amirabdollahian", "role": "foreign minister", "organization": "Iran"},
        {"text": "But if this genocide continues, they will not be spared from this fire,",
         "speaker": "Hossein Amirabdollahian", "mention": "Amirabdollahian", "cue": "added",
         "role": "foreign minister", "organization": "Iran"},
    ], speakers=[("Hossein Amirabdollahian", "person", ["Hossein Amirabdollahian", "Amirabdollahian"])])
    return replace(article, quotes=parsed.quotes, speakers=parsed.speakers)


def idf_articles() -> list[Article]:
    """One article defines the acronym ("Israel Defense Forces (IDF)"), the
    next only uses it."""
    first = make_article(
        "The Israel Defense Forces (IDF) said it struck 40 targets. “We hit command centres,” the IDF said.",
        [{"text": "We hit command centres,", "speaker": "Israel Defense Forces", "kind": "organization",
          "mention": "the IDF"}],
        speakers=[("Israel Defense Forces", "organization", ["Israel Defense Forces", "IDF"])],
        title="Strikes overnight", published="2023-10-20", url="https://news.example/strikes", source="strikes.txt")
    second = make_article(
        "“Operations will expand,” the IDF said on Sunday.",
        [{"text": "Operations will expand,", "speaker": "IDF", "kind": "organization", "mention": "the IDF"}],
        speakers=[("IDF", "organization", ["IDF"])],
        title="Operations to expand", published="2023-10-22", url="https://news.example/expand", source="expand.txt")
    return [first, second]


def kirby_articles() -> list[Article]:
    """The same spokesman as "Rear Admiral John Kirby", then "Mr. Kirby", then "John Kirby"."""
    return [
        make_article(
            "“We are watching closely,” said Rear Admiral John Kirby, the Pentagon press secretary.",
            [{"text": "We are watching closely,", "speaker": "John Kirby", "mention": "Rear Admiral John Kirby",
              "role": "press secretary", "organization": "Pentagon"}],
            speakers=[("John Kirby", "person", ["Rear Admiral John Kirby", "John Kirby"])],
            published="2021-03-01", url="https://news.example/kirby-1"),
        make_article(
            "“No decision has been made,” Mr. Kirby said.",
            [{"text": "No decision has been made,", "speaker": "Kirby", "mention": "Mr. Kirby"}],
            speakers=[("Kirby", "person", ["Mr. Kirby"])], published="2021-03-02", url="https://news.example/kirby-2"),
        make_article(
            "“The carriers will stay,” said John Kirby, the National Security Council spokesman.",
            [{"text": "The carriers will stay,", "speaker": "John Kirby", "mention": "John Kirby",
              "role": "spokesman", "organization": "National Security Council"}],
            speakers=[("John Kirby", "person", ["John Kirby", "Kirby"])], published="2023-10-30",
            url="https://news.example/kirby-3"),
    ]


def biden_articles() -> list[Article]:
    """Two people who share a surname, each called by it in their own article."""
    return [
        make_article(
            "“We will stand by our allies,” President Joe Biden said. “No one should doubt it,” Biden added.",
            [{"text": "We will stand by our allies,", "speaker": "Joe Biden", "mention": "President Joe Biden",
              "role": "President"},
             {"text": "No one should doubt it,", "speaker": "Joe Biden", "mention": "Biden", "role": "President"}],
            speakers=[("Joe Biden", "person", ["President Joe Biden", "Joe Biden", "Biden"])],
            published="2023-10-20", url="https://news.example/allies"),
        make_article(
            "“I made mistakes,” Hunter Biden told the committee. “I regret them,” Biden said.",
            [{"text": "I made mistakes,", "speaker": "Hunter Biden", "mention": "Hunter Biden", "cue": "told"},
             {"text": "I regret them,", "speaker": "Hunter Biden", "mention": "Biden"}],
            speakers=[("Hunter Biden", "person", ["Hunter Biden", "Biden"])],
            published="2023-10-21", url="https://news.example/committee"),
    ]


def saree_articles() -> list[Article]:
    """One spokesman transliterated two ways, and a group written with and without its apostrophe."""
    return [
        make_article(
            "“We launched drones,” said Yahya Saree, the Houthi military spokesman. "
            "“The operations will continue,” Kata’ib Hezbollah said.",
            [{"text": "We launched drones,", "speaker": "Yahya Saree", "mention": "Yahya Saree",
              "role": "military spokesman", "organization": "Houthi"},
             {"text": "The operations will continue,", "speaker": "Kata’ib Hezbollah", "kind": "organization",
              "mention": "Kata’ib Hezbollah"}],
            speakers=[("Yahya Saree", "person", ["Yahya Saree", "Saree"]),
                      ("Kata’ib Hezbollah", "organization", ["Kata’ib Hezbollah"])],
            published="2023-11-01", url="https://news.example/drones"),
        make_article(
            "“Ships were targeted,” Yahya Saria said. “We are not done,” Kataib Hezbollah said.",
            [{"text": "Ships were targeted,", "speaker": "Yahya Saria", "mention": "Yahya Saria"},
             {"text": "We are not done,", "speaker": "Kataib Hezbollah", "kind": "organization",
              "mention": "Kataib Hezbollah"}],
            speakers=[("Yahya Saria", "person", ["Yahya Saria", "Saria"]),
                      ("Kataib Hezbollah", "organization", ["Kataib Hezbollah"])],
            published="2023-11-05", url="https://news.example/ships"),
    ]
