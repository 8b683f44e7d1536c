"""Web archives: a small crawl written with warcio from the project's own pages.

The crawl holds what a real one does besides articles: a warcinfo record, a
request, an image, a 404 page, a redirect, a metadata record, a page served
gzip-compressed in windows-1252 and a page with no date of its own.
"""

from __future__ import annotations

import gzip
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from quotes.article import Article
from quotes.readers import ReadError, read_paths

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
HARBOR_URL = "https://www.coastlinedaily.example/business/2024/06/04/harbor-pilots-end-strike"
MILL_URL = "http://www.valleycourier.example/news/mill.html"
FLOOD_URL = "https://rivertonledger.example/2024/03/12/council-approves-flood-wall/?utm_source=rss"
UNDATED_URL = "https://ferrynews.example/ferry-fares"
UNDATED_PAGE = """<!DOCTYPE html><html><head><title>Ferry fares to rise - Ferry News</title></head><body>
<nav><a href="/">Home</a> <a href="/routes">Routes</a></nav>
<article><h1>Ferry fares to rise</h1>
<p>Fares on the island ferry will rise by 50 cents next month, the county transit board decided on a split vote.</p>
<p>“We held the line for four years, and fuel has gone up every one of them,” said board member Ana Soto.</p>
<p>Commuters were unhappy. “Fifty cents twice a day adds up,” said Rob Kell, who rides the 6:40 boat to work.</p>
</article><footer>© Ferry News</footer></body></html>"""


def _response(writer, url, date, status, content_type, body, extra_headers=()):
    headers = StatusAndHeaders(status, [("Content-Type", content_type), *extra_headers], protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=BytesIO(body), length=len(body), http_headers=headers,
                                     warc_headers_dict={"WARC-Date": date})


def write_crawl(path: Path, compress: bool = True) -> Path:
    """A crawl of ten records, four of them articles (records 3, 7, 9 and 10)."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=compress)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "quotes tests",
                                                                      "format": "WARC File Format 1.1"}))
        request = StatusAndHeaders("GET /business/2024/06/04/harbor-pilots-end-strike HTTP/1.1",
                                   [("Host", "www.coastlinedaily.example")], is_http_request=True)
        writer.write_record(writer.create_warc_record(HARBOR_URL, "request", http_headers=request,
                                                      warc_headers_dict={"WARC-Date": "2024-06-05T02:00:00Z"}))
        writer.write_record(_response(writer, HARBOR_URL, "2024-06-05T02:00:00Z", "200 OK", "text/html; charset=utf-8",
                                      (FIXTURES / "news-harbor-strike.html").read_bytes()))
        writer.write_record(_response(writer, "https://cdn.coastlinedaily.example/images/port-cranes.jpg",
                                      "2024-06-05T02:00:01Z", "200 OK", "image/jpeg", b"\xff\xd8\xff\xe0" + bytes(500)))
        writer.write_record(_response(writer, "https://www.coastlinedaily.example/old-story", "2024-06-05T02:00:02Z",
                                      "404 Not Found", "text/html",
                                      b"<html><body><p>\xe2\x80\x9cPage not found,\xe2\x80\x9d said the server.</p>"
                                      b"</body></html>"))
        writer.write_record(_response(writer, "http://coastlinedaily.example/", "2024-06-05T02:00:03Z",
                                      "301 Moved Permanently", "text/html", b"",
                                      [("Location", "https://www.coastlinedaily.example/")]))
        writer.write_record(_response(writer, MILL_URL, "2004-10-08T03:12:00Z", "200 OK",
                                      "text/html; charset=windows-1252",
                                      gzip.compress((FIXTURES / "legacy-mill-closing.html").read_bytes()),
                                      [("Content-Encoding", "gzip")]))
        writer.write_record(writer.create_warc_record(MILL_URL, "metadata", payload=BytesIO(b"fetchTimeMs: 212\r\n"),
                                                      warc_content_type="application/warc-fields",
                                                      warc_headers_dict={"WARC-Date": "2004-10-08T03:12:00Z"}))
        writer.write_record(_response(writer, FLOOD_URL, "2024-03-14T09:30:00Z", "200 OK", "text/html; charset=UTF-8",
                                      (FIXTURES / "wordpress-flood-wall.html").read_bytes()))
        writer.write_record(_response(writer, UNDATED_URL, "2024-05-02T11:00:00Z", "200 OK",
                                      "application/xhtml+xml", UNDATED_PAGE.encode()))
    return path


@pytest.fixture(scope="module")
def crawl(tmp_path_factory) -> Path:
    return write_crawl(tmp_path_factory.mktemp("warc") / "crawl.warc.gz")


def test_each_html_response_is_an_article_with_its_url_and_date(crawl):
    articles = list(read_paths([str(crawl)]))
    assert all(isinstance(a, Article) for a in articles), articles
    assert [(a.url, a.title, a.published, a.outlet, a.author) for a in articles] == [
        (HARBOR_URL, "Harbor pilots end 11-day strike as port reopens", "2024-06-04", "Coastline Daily",
         "Jordan Reyes"),
        (MILL_URL, "Paper mill to close in March; 310 jobs lost", "2004-10-07", "The Valley Courier", "Tomás Ruiz"),
        (FLOOD_URL, "Riverton council approves $4.2 million flood wall after heated debate", "2024-03-12",
         "The Riverton Ledger", "Maria Delgado"),
        (UNDATED_URL, "Ferry fares to rise", "2024-05-02", "Ferry News", None),  # the crawl date
    ]
    assert [a.source for a in articles] == [f"{crawl}:record {n}" for n in (3, 7, 9, 10)]


def test_archived_pages_read_as_the_pages_themselves(crawl):
    archived = {a.title: a for a in read_paths([str(crawl)])}
    for name in ("news-harbor-strike", "legacy-mill-closing", "wordpress-flood-wall"):
        [page] = read_paths([str(FIXTURES / f"{name}.html")])
        assert archived[page.title].text == page.text


def test_archived_pages_give_the_quotes_and_speakers_of_their_plain_text(crawl):
    from quotes.pipeline import parse_article

    def speakers(article):
        return [(q.text, q.speaker, q.role) for q in parse_article(article).quotes]

    archived = {a.title: a for a in read_paths([str(crawl)])}
    for name in ("news-harbor-strike", "legacy-mill-closing", "wordpress-flood-wall"):
        [plain] = read_paths([str(FIXTURES / f"{name}.txt")])
        assert speakers(archived[plain.title]) == speakers(plain)
    assert "Page not found" not in " ".join(a.text for a in archived.values())


def test_uncompressed_and_wholly_gzipped_archives(tmp_path, crawl):
    plain = write_crawl(tmp_path / "crawl.warc", compress=False)
    whole = tmp_path / "whole.warc.gz"
    whole.write_bytes(gzip.compress(plain.read_bytes()))
    expected = [a.text for a in read_paths([str(crawl)])]
    for path in (plain, whole):
        assert [a.text for a in read_paths([str(path)])] == expected


@pytest.mark.parametrize("compress", [True, False])
def test_truncated_archive_names_the_record_and_keeps_what_came_before(tmp_path, compress):
    data = write_crawl(tmp_path / "crawl", compress).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: int(len(data) * 0.8)])
    (tmp_path / "good.html").write_bytes((FIXTURES / "news-harbor-strike.html").read_bytes())
    items = list(read_paths([str(cut), str(tmp_path / "good.html")]))
    assert [a.url for a in items if isinstance(a, Article)] == [HARBOR_URL, MILL_URL, HARBOR_URL]
    [error] = [i for i in items if isinstance(i, ReadError)]
    assert error.source == f"{cut}:record 9"
    assert "truncated" in error.message


@pytest.mark.parametrize("content", [b"hello, this is not an archive\n",
                                     b"WARC/1.0\r\nthis is not a header\r\n\r\n" + b"x" * 100])
def test_not_an_archive(tmp_path, content):
    (tmp_path / "bad.warc").write_bytes(content)
    [error] = read_paths([str(tmp_path / "bad.warc")])
    assert isinstance(error, ReadError)
    assert error.source == f"{tmp_path / 'bad.warc'}:record 1"
