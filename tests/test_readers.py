"""Reading articles from the files users have: pages, exports, plain text.

The fixtures in tests/fixtures/readers/ were written for the project.  Each
HTML page has a plain-text version (`.txt`, as a user would copy it), and the
exports carry the same articles, so every format can be checked against the
plain text: same body quotes, same speakers.
"""

from __future__ import annotations

import gzip
import json
import shutil
import socket
from pathlib import Path

import pytest

from quotes.article import Article
from quotes.readers import Fields, ReadError, detect_format, read_paths

FIXTURES = Path(__file__).parent / "fixtures" / "readers"

# What each page must give, the quotes its body holds, and text of the page around the body.
PAGES = {
    "wordpress-flood-wall": {
        "title": "Riverton council approves $4.2 million flood wall after heated debate",
        "author": "Maria Delgado",
        "published": "2024-03-12",
        "outlet": "The Riverton Ledger",
        "url": "https://rivertonledger.example/2024/03/12/council-approves-flood-wall/",
        "quotes": [
            "“We cannot keep bailing out basements every spring,” Mayor Ellen Park said",
            "“This is a lot of concrete for a problem we barely understand,” he said.",
            "“The river has crested above flood stage four times in six years,” Natarajan told",
            "“I’ve had water in my living room twice,” said Gloria Hayes",
            "“We’ll be watching every dollar,” he said.",
        ],
        "not_body": [
            "We will all pay for this in our water bills",  # comments
            "About time",
            "a wall just pushes the water",
            "Tonight we finally act",  # caption
            "It came up so fast",  # recent posts, post navigation
            "The best way to keep up with Riverton",  # newsletter widget
            "Leave a Reply", "Share this", "Local News", "All rights reserved", "Posted on",
        ],
    },
    "news-harbor-strike": {
        "title": "Harbor pilots end 11-day strike as port reopens",
        "author": "Jordan Reyes",
        "published": "2024-06-04",
        "outlet": "Coastline Daily",
        "url": "https://www.coastlinedaily.example/business/2024/06/04/harbor-pilots-end-strike",
        "quotes": [
            "“Every berth is open and the first ships are already alongside,” said Dana Kirby",
            "“Our members did not want to strike. They wanted to be able to do this job safely,” said Captain",
            "“Even running around the clock, we are looking at two to three weeks before schedules are back "
            "to normal,” according to Lena Marsh",
            "“We were days away from cancelling orders,” said Priya Shah",
            "“We are grateful to the shippers and the public for their patience,” said Kirby.",
        ],
        "not_body": [
            "The only newsletter I open",  # newsletter box
            "journalism worth paying for", "free articles",  # paywall box
            "We were left stranded", "We have no choice", "getting scary",  # related links
            "Nothing left",  # most read
            "like a holiday that never ended",  # caption
            "Dozens of container ships waited offshore",  # standfirst
            "Log in", "Privacy policy", "Coastline Daily Media",
        ],
    },
    "legacy-mill-closing": {
        "title": "Paper mill to close in March; 310 jobs lost",
        "author": "Tomás Ruiz",
        "published": "2004-10-07",
        "outlet": "The Valley Courier",
        "url": None,
        "quotes": [
            "“It’s like losing a member of the family,” said Earl Whitcomb",  # raw windows-1252 bytes
            "“We explored every option to keep Brookfield running,” company spokeswoman",  # &ldquo; &rdquo;
            "“Demand for coated paper has fallen by a third since 2000, and the mill can no longer compete.”",
            "“We read about it in a press release like everybody else,” said Linda Moreau",  # &#x201C;
            "“We’ll get through this, but it won’t be easy,” he said.",  # &rsquo;
        ],
        "not_body": [
            "Board OKs", "smart", "Obituaries", "Classifieds",  # left-hand navigation
            "Courier Staff Writer", "By Tomás Ruiz", "October 7, 2004",  # headline block
            "E-mail this story", "Printer-friendly", "Copyright", "Advertise",
        ],
    },
    # More page shapes: a wire story with ad slots and a pull quote, a broadcaster's component page
    # whose JSON-LD names the newsroom as author, and a 1990s page of <BR><BR> paragraphs.
    "wire-water-bill": {
        "title": "Senate panel advances water bill after late deal",
        "author": "Anna Kowalczyk; Derek Mills",
        "published": "2023-05-17",
        "outlet": "Capitol Wire",
        "url": None,
        "quotes": [
            "“This is what it looks like when people actually sit down and do the work,” said Sen. Maria Ostrander",
            "“Rural systems got crumbs again,” Sen. Tom Haverly said in a statement.",
        ],
        "not_body": ["Advertisement", "We are not done yet", "A slap in the face", "Lead pipes: What to know",
                     "Indispensable", "Typical Washington", "Updated 5:04", "KOWALCZYK", "___", "Live updates"],
    },
    "broadcaster-ferry-fine": {
        "title": "Ferry operator fined over Channel crossing delays",
        "author": None,
        "published": "2023-06-28",
        "outlet": "Northern Broadcast News",
        "url": "https://www.nbn.example/news/business-66012345",
        "quotes": [
            '"Passengers were let down badly and repeatedly," said Claire Hughes',
            '"We accept the findings in full and apologise again to every customer affected.',
            'the fine was "long overdue".',
        ],
        "not_body": ["pure chaos", "Sign up for", "Business reporter", "More on this story", "Related Topics",
                     "won the lottery", "Copyright"],
    },
    "nineties-diner-fire": {
        "title": "Fire destroys downtown diner",
        "author": "Jim Beale",
        "published": "1999-03-03",
        "outlet": "Hometown Gazette",
        "url": None,
        "quotes": [
            '"I heard a pop and then the whole kitchen was orange," said cook Leroy Tate',
            '"Forty years is not going to end like this," she said.',
        ],
        "not_body": ["Home", "Sports", "By Jim Beale", "Gazette Staff", "March 3", "Copyright", "|"],
    },
}
METADATA = ("title", "author", "published", "outlet", "url")
PLAIN_TEXT_METADATA = ("wordpress-flood-wall", "news-harbor-strike", "legacy-mill-closing")


def read_one(path: Path | str, fmt: str | None = None, fields: Fields = Fields()) -> Article:
    [article] = read_paths([str(path)], fmt, fields)
    assert isinstance(article, Article), article
    return article


def speakers(article: Article) -> list[tuple[str, str | None, str | None]]:
    """What the parser makes of an article: its quotes, who said each and in what role."""
    from quotes.pipeline import parse_article

    return [(q.text, q.speaker, q.role) for q in parse_article(article).quotes]


def errors(items) -> list[str]:
    return [str(item) for item in items if isinstance(item, ReadError)]


# --- HTML pages ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", PAGES)
def test_page_metadata(name):
    article = read_one(FIXTURES / f"{name}.html")
    expected = PAGES[name]
    assert {key: getattr(article, key) for key in METADATA} == {key: expected[key] for key in METADATA}
    assert article.source == str(FIXTURES / f"{name}.html")


@pytest.mark.parametrize("name", PAGES)
def test_page_body_holds_the_quotes_and_nothing_around_them(name):
    text = read_one(FIXTURES / f"{name}.html").text
    for quote in PAGES[name]["quotes"]:
        assert quote in text
    for boilerplate in PAGES[name]["not_body"]:
        assert boilerplate not in text
    assert "&" not in text.replace("Hollis & Grant", "") and "\xa0" not in text  # entities decoded
    assert "\n\n" in text and "\n\n\n" not in text  # one blank line between paragraphs


@pytest.mark.parametrize("name", PAGES)
def test_page_body_is_the_plain_text_body(name):
    page = read_one(FIXTURES / f"{name}.html")
    plain = read_one(FIXTURES / f"{name}.txt")
    assert page.text == plain.text
    assert (plain.title, plain.published) == (page.title, page.published)
    if name in PLAIN_TEXT_METADATA:
        assert plain.author == page.author


@pytest.mark.parametrize("name", PAGES)
def test_page_gives_the_quotes_and_speakers_of_its_plain_text(name):
    page = speakers(read_one(FIXTURES / f"{name}.html"))
    assert page == speakers(read_one(FIXTURES / f"{name}.txt"))
    assert len(page) >= len(PAGES[name]["quotes"])


def test_page_charset_comes_from_the_page(tmp_path):
    """A page that declares windows-1252 is read so, even where its bytes would pass as UTF-8."""
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
            "<title>Fees rise | Harbor Herald</title></head><body><article><h1>Fees rise</h1>"
            + "<p>\u201cWe had no choice,\u201d the mayor said about the caf\u00e9 fees. It was a long night.</p>" * 3
            + "</article></body></html>")
    (tmp_path / "page.html").write_bytes(page.encode("cp1252"))
    (tmp_path / "utf8.html").write_bytes(page.replace("ISO-8859-1", "utf-8").encode("utf-8"))
    (tmp_path / "wrong.html").write_bytes(page.replace("ISO-8859-1", "utf-8").encode("cp1252"))
    for name in ("page.html", "utf8.html", "wrong.html"):
        article = read_one(tmp_path / name)
        assert "\u201cWe had no choice,\u201d the mayor said about the caf\u00e9 fees." in article.text, name
        assert article.outlet == "Harbor Herald"


def test_page_without_article_text_is_an_error(tmp_path):
    (tmp_path / "empty.html").write_text("<!DOCTYPE html><html><head><title>Home</title></head><body></body></html>")
    [error] = read_paths([str(tmp_path / "empty.html")])
    assert isinstance(error, ReadError) and error.source == str(tmp_path / "empty.html")
    assert "no article text" in error.message


def test_reading_pages_needs_no_network(monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)  # kept, in case a library swallows the error below
        raise OSError("a reader tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for name in PAGES:
        assert read_one(FIXTURES / f"{name}.html").title == PAGES[name]["title"]
    assert attempts == []


# --- JSON Lines and CSV exports ----------------------------------------------------------------

def test_jsonl_export_with_the_usual_field_names():
    articles = list(read_paths([str(FIXTURES / "newsapi-export.jsonl")]))
    assert [(a.id, a.title, a.author, a.published, a.outlet) for a in articles] == [
        ("cd-20240604-harbor", "Harbor pilots end 11-day strike as port reopens", "Jordan Reyes", "2024-06-04",
         "Coastline Daily"),
        ("rl-48213", "Riverton council approves $4.2 million flood wall after heated debate", "Maria Delgado",
         "2024-03-12", "The Riverton Ledger"),
        ("rl-48190", "School board trims $1.1 million from next year’s budget", "Sam Ostrowski; Maria Delgado",
         "2024-03-11", "The Riverton Ledger"),
    ]
    assert articles[0].url == PAGES["news-harbor-strike"]["url"]
    assert [a.source for a in articles] == [f"{FIXTURES / 'newsapi-export.jsonl'}:{n}" for n in (1, 2, 3)]


def test_csv_export_with_the_usual_column_names():
    articles = list(read_paths([str(FIXTURES / "cms-export.csv")]))
    assert [(a.title, a.author, a.published, a.url, a.outlet) for a in articles] == [
        ("Harbor pilots end 11-day strike as port reopens", "Jordan Reyes", "2024-06-04",
         PAGES["news-harbor-strike"]["url"], "Coastline Daily"),
        ("School board trims $1.1 million from next year’s budget", "Sam Ostrowski; Maria Delgado", "2024-03-11",
         "https://rivertonledger.example/2024/03/11/school-board-budget/", "The Riverton Ledger"),
    ]
    # a row whose quoted text spans lines is named by the line it starts on
    assert [a.source.rsplit(":", 1)[1] for a in articles] == ["2", "17"]


SPREADSHEET_FIELDS = Fields(text="Copy", title="Story", date="Date", author="Writer", outlet="Paper", url="Web address")


def test_csv_from_a_spreadsheet_with_named_fields():
    """Semicolons, windows-1252 and CRLF, as Excel saves it; fields named by the user."""
    article = read_one(FIXTURES / "spreadsheet-export.csv", fields=SPREADSHEET_FIELDS)
    expected = PAGES["legacy-mill-closing"]
    assert (article.title, article.author, article.published, article.outlet, article.url) == (
        expected["title"], expected["author"], expected["published"], expected["outlet"], None)
    assert "\r" not in article.text
    assert article.text == read_one(FIXTURES / "legacy-mill-closing.txt").text


def test_jsonl_fields_named_by_the_user_and_nested(tmp_path):
    record = {"key": 7, "hed": "Ferry fares rise", "story": {"body": "“Fares go up Monday,” said Ana Ruiz."},
              "meta": {"when": "Jan 5, 2024", "site": {"name": "Bay Post"}}, "writer": [{"name": "Lee Chan"}]}
    (tmp_path / "scraped.jsonl").write_text(json.dumps(record) + "\n")
    fields = Fields(text="story.body", title="hed", date="meta.when", author="writer", id="key", outlet="meta.site")
    article = read_one(tmp_path / "scraped.jsonl", fields=fields)
    assert (article.id, article.title, article.published, article.author, article.outlet, article.text) == (
        "7", "Ferry fares rise", "2024-01-05", "Lee Chan", "Bay Post", "“Fares go up Monday,” said Ana Ruiz.")


def test_record_without_its_own_id_gets_the_id_of_its_url():
    from_csv = list(read_paths([str(FIXTURES / "cms-export.csv")]))[0]
    from_page = read_one(FIXTURES / "news-harbor-strike.html")
    assert from_csv.id == from_page.id


@pytest.mark.parametrize("export, fields, index, page", [
    ("newsapi-export.jsonl", Fields(), 0, "news-harbor-strike"),
    ("newsapi-export.jsonl", Fields(), 1, "wordpress-flood-wall"),
    ("cms-export.csv", Fields(), 0, "news-harbor-strike"),
    ("spreadsheet-export.csv", SPREADSHEET_FIELDS, 0, "legacy-mill-closing"),
])
def test_export_gives_the_quotes_and_speakers_of_the_plain_text(export, fields, index, page):
    record = list(read_paths([str(FIXTURES / export)], None, fields))[index]
    assert speakers(record) == speakers(read_one(FIXTURES / f"{page}.txt"))


def test_gzipped_exports_are_read_through(tmp_path):
    for name in ("newsapi-export.jsonl", "cms-export.csv"):
        (tmp_path / f"{name}.gz").write_bytes(gzip.compress((FIXTURES / name).read_bytes()))
    got = [(a.title, a.source.rsplit("/", 1)[1]) for a in read_paths([str(tmp_path)])]
    assert [source for _, source in got] == ["cms-export.csv.gz:2", "cms-export.csv.gz:17",
                                             "newsapi-export.jsonl.gz:1", "newsapi-export.jsonl.gz:2",
                                             "newsapi-export.jsonl.gz:3"]


# --- Bad input --------------------------------------------------------------------------------

def test_bad_jsonl_lines_are_named_and_the_rest_read(tmp_path):
    good = json.dumps({"text": "“It works,” she said.", "title": "Good"}).encode()
    lines = [good, b'{"text": "caf\xe9 \xff"}', b"[1, 2]", b'{"text": ', b'{"title": "no text"}', b"", good]
    (tmp_path / "mixed.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    items = list(read_paths([str(tmp_path / "mixed.jsonl")]))
    where = str(tmp_path / "mixed.jsonl")
    assert [a.title for a in items if isinstance(a, Article)] == ["Good", "Good"]
    assert [a.source for a in items if isinstance(a, Article)] == [f"{where}:1", f"{where}:7"]
    problems = errors(items)
    assert [p.split(": ", 1)[0] for p in problems] == [f"{where}:{n}" for n in (2, 3, 4, 5)]
    assert "not valid UTF-8" in problems[0]
    assert "must be a JSON object, not an array" in problems[1]
    assert "invalid JSON" in problems[2]
    assert "no article text" in problems[3] and "--text-field" in problems[3]


def test_csv_without_a_text_column_is_named(tmp_path):
    for fields in (Fields(), Fields(text="Body")):
        items = list(read_paths([str(FIXTURES / "spreadsheet-export.csv")], None, fields))
        [problem] = errors(items)
        assert problem.startswith(f"{FIXTURES / 'spreadsheet-export.csv'}:1: no ")
        assert "Story, Writer, Date" in problem


def test_bad_csv_rows_are_named_and_the_rest_read(tmp_path):
    (tmp_path / "rows.csv").write_text('title,text\nOne,"“Yes,” he said."\nTwo\nThree,\nFour,"“No,” she said."\n')
    items = list(read_paths([str(tmp_path / "rows.csv")]))
    assert [a.title for a in items if isinstance(a, Article)] == ["One", "Four"]
    assert [p.split(": ", 1)[0].rsplit(":", 1)[1] for p in errors(items)] == ["3", "4"]


def test_binary_and_unreadable_files_are_named_and_the_others_read(tmp_path):
    (tmp_path / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "export.jsonl").write_bytes(b"\x00\x01\x02 binary")
    export = (FIXTURES / "newsapi-export.jsonl").read_bytes()
    (tmp_path / "truncated.jsonl.gz").write_bytes(gzip.compress(export)[: len(export) // 4])
    shutil.copy(FIXTURES / "news-harbor-strike.html", tmp_path / "story.html")
    items = list(read_paths([str(tmp_path / "missing.txt"), str(tmp_path)]))
    assert [(a.title, a.source.rsplit("/", 1)[1]) for a in items if isinstance(a, Article)] == [
        (PAGES["news-harbor-strike"]["title"], "story.html"),
        (PAGES["news-harbor-strike"]["title"], "truncated.jsonl.gz:1"),  # what came before the damage
    ]
    problems = errors(items)
    assert [p.split(": ", 1)[0].rsplit("/", 1)[1] for p in problems] == [
        "missing.txt", "export.jsonl", "photo.html", "truncated.jsonl.gz"]
    assert "cannot read" in problems[0] and "cannot read" in problems[3]
    assert "binary" in problems[1] and "binary" in problems[2]


# --- Choosing the format ----------------------------------------------------------------------

@pytest.mark.parametrize("head, name, fmt", [
    (b"WARC/1.1\r\nWARC-Type: warcinfo", "crawl.bin", "warc"),
    (b'\xef\xbb\xbf{"text": "x"}', "export.txt", "jsonl"),
    (b"  <!DOCTYPE html><html>", "page.txt", "html"),
    (b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'>", "page", "html"),
    (b"<p>Just a fragment</p>", "", "html"),
    (b"title,text\nA,B\n", "export.csv", "csv"),
    (b"title\ttext\nA\tB\n", "export.tsv.gz", "csv"),
    (b"Iraqi Militias Launch Strikes\n\nby | Oct 18, 2023", "article.txt", "text"),
    (b"<3 this story", "notes", "text"),
])
def test_format_is_told_by_content_then_extension(head, name, fmt):
    assert detect_format(name, head) == fmt


def test_format_can_be_forced(tmp_path):
    shutil.copy(FIXTURES / "news-harbor-strike.html", tmp_path / "story.txt")
    as_page = read_one(tmp_path / "story.txt")
    assert as_page.title == PAGES["news-harbor-strike"]["title"]
    as_text = read_one(tmp_path / "story.txt", fmt="text")
    assert "</p>" in as_text.text and as_text.outlet is None


def test_folders_recurse_in_order_over_known_formats(tmp_path):
    (tmp_path / "b" / "deeper").mkdir(parents=True)
    (tmp_path / ".cache").mkdir()
    shutil.copy(FIXTURES / "news-harbor-strike.html", tmp_path / "b" / "deeper" / "story.html")
    shutil.copy(FIXTURES / "cms-export.csv", tmp_path / "a.csv")
    shutil.copy(FIXTURES / "legacy-mill-closing.txt", tmp_path / "b" / "mill.txt")
    shutil.copy(FIXTURES / "legacy-mill-closing.txt", tmp_path / ".cache" / "mill.txt")
    shutil.copy(FIXTURES / "legacy-mill-closing.txt", tmp_path / "b" / "mill-no-extension")
    (tmp_path / "notes.md").write_text("# notes\n")
    sources = [a.source.replace(str(tmp_path), "") for a in read_paths([str(tmp_path)])]
    assert sources == ["/a.csv:2", "/a.csv:17", "/b/deeper/story.html", "/b/mill.txt"]
    forced = [a.source.replace(str(tmp_path), "") for a in read_paths([str(tmp_path / "b")], "text")]
    assert forced == ["/b/deeper/story.html", "/b/mill-no-extension", "/b/mill.txt"]


# --- Plain text -------------------------------------------------------------------------------

def test_seed_article_as_plain_text():
    from quotes.training.corpora import SHARED

    article = read_one(SHARED / "seed" / "iraqi-militias-2023-10-18.txt")
    assert (article.title, article.author, article.published) == (
        "Iraqi Militias Launch Strikes on Bases with US Troops", "Kyle Anzalone", "2023-10-18")
    assert article.text.startswith("Update:")
    assert "About Kyle Anzalone" not in article.text
    assert article.text.endswith("a statement by the Islamic Resistance in Iraq said.")


def test_plain_text_date_from_the_file_name(tmp_path):
    (tmp_path / "council-2024-03-12.txt").write_text("Council votes\n\n“Yes,” said the mayor. It passed.\n")
    assert read_one(tmp_path / "council-2024-03-12.txt").published == "2024-03-12"
