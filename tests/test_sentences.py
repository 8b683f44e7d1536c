"""Paragraphs and sentences, with offsets."""

import pytest
from nltk.tokenize.punkt import PunktSentenceTokenizer

from quotes.models import punkt
from quotes.sentences import Layout, split_paragraphs

PARAGRAPHS = [
    "Sen. John Smith (R-Ariz.) said on Jan. 5 that the U.S. would act. “It is time,” he said. Then he left.",
    "The vote was 52-48. Mr. Jones disagreed! Why? Nobody knows... The end came at 5 p.m. on Friday.",
    "J. Edgar Hoover ran the F.B.I. for decades. He died in 1972.",
    "“We will win.” That was the message. (It was repeated.) Critics said otherwise.",
    "Prices rose 3.5 percent in Oct. and analysts at No. 10 said so. Growth slowed.",
]


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
def test_fast_punkt_agrees_with_nltk(paragraph):
    fast = punkt()
    assert list(fast.span_tokenize(paragraph)) == list(PunktSentenceTokenizer(fast._params).span_tokenize(paragraph))


def test_abbreviations_do_not_split_sentences():
    text = PARAGRAPHS[0]
    layout = Layout(text)
    sentences = [text[a:b] for a, b in layout.sentences(0)]
    assert sentences[0] == "Sen. John Smith (R-Ariz.) said on Jan. 5 that the U.S. would act."
    assert sentences[-1] == "Then he left."


def test_paragraphs_join_hard_wrapped_lines():
    text = "First paragraph starts here\nand wraps onto a second line.\n\nSecond paragraph.\nThird one."
    spans = split_paragraphs(text)
    assert [text[a:b] for a, b in spans] == [
        "First paragraph starts here\nand wraps onto a second line.", "Second paragraph.", "Third one."]


def test_sentence_lookup_by_offset():
    text = "One sentence here. Another one there.\n\nA new paragraph."
    layout = Layout(text)
    para, index = layout.sentence_index(text.index("Another"))
    assert (para, index) == (0, 1)
    assert text[slice(*layout.sentence_at(text.index("new")))] == "A new paragraph."


@pytest.mark.parametrize("text, first", [
    ("“We will see,” said Laurence H. Tribe, a professor. He left.",
     "“We will see,” said Laurence H. Tribe, a professor."),
    ("It ended in World War I. The war was long.", "It ended in World War I."),
    ("“We are lucky,” said a passenger held at Terminal C. Airport officials said so.",
     "“We are lucky,” said a passenger held at Terminal C."),
])
def test_a_middle_initial_ends_no_sentence(text, first):
    layout = Layout(text)
    assert text[slice(*layout.sentences(0)[0])] == first


@pytest.mark.parametrize("text, first", [
    ("“Who do they think they are?” Trump said of the company. He left.",
     "“Who do they think they are?” Trump said of the company."),
    ("“Is it over?” Sen. Ted Cruz asked. Nobody answered.", "“Is it over?” Sen. Ted Cruz asked."),
    ("“Asking them to leave?” asked Sen. Barbara Mikulski of Maryland. Nobody answered.",
     "“Asking them to leave?” asked Sen. Barbara Mikulski of Maryland."),
    ("“I hope you find them.” Trump said. He left.", "“I hope you find them.” Trump said."),
    ("“I hope you find them.” Trump said the emails were gone.", "“I hope you find them.”"),
    ("“The plan is a lie.” Smith agreed. He left.", "“The plan is a lie.”"),
    ("He called the vote “a disgrace.” Smith said. He left.", "He called the vote “a disgrace.”"),
    ("“Is it over?” He smiled and left.", "“Is it over?”"),
    ("“Is it over?” The crowd cheered.", "“Is it over?”"),
])
def test_a_quoted_question_keeps_its_speaker_in_its_sentence(text, first):
    layout = Layout(text)
    assert text[slice(*layout.sentences(0)[0])] == first


@pytest.mark.parametrize("title", ["Sen.", "Gov.", "Rep."])
@pytest.mark.parametrize("first_name", ["Chris", "Carol", "Sara", "Clair"])
def test_a_title_before_a_first_name_ends_no_sentence(title, first_name):
    """E-mail sign-offs in the treebanks made first names frequent sentence starters."""
    text = f"“It is the first vote,” said {title} {first_name} Murphy (D-Conn.). He left."
    layout = Layout(text)
    assert text[slice(*layout.sentences(0)[0])].endswith("(D-Conn.).")
