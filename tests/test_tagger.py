import pytest

from quotes.tagger import lexicon_tag, tag, word_tag


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The minister said he would not resign .",
         "DET NOUN VERB PRON AUX PART VERB PUNCT"),
        ("Officials said the attack killed three soldiers .",
         "NOUN VERB DET NOUN VERB NUM NOUN PUNCT"),
        ("Kirby told reporters on Monday the strikes were necessary .",
         "PROPN VERB NOUN ADP PROPN DET NOUN AUX ADJ PUNCT"),
        ("She has been a senior adviser since 2019 .",
         "PRON AUX AUX DET ADJ NOUN ADP NUM PUNCT"),
    ],
)
def test_tags_common_news_sentences(sentence, expected):
    assert tag(sentence.split()) == expected.split()


@pytest.mark.parametrize(
    "word, expected",
    [
        ("Zorblatt", "PROPN"),  # unknown capitalised word
        ("zorblation", "NOUN"),  # unknown word, known noun suffix
        ("zorblatically", "ADV"),
        ("1,234", "NUM"),
        ("—", "PUNCT"),
    ],
)
def test_unknown_words_fall_back_to_shape_and_suffix(word, expected):
    assert tag(["the", word])[1] == expected or tag([word])[0] == expected


@pytest.mark.parametrize(
    "sentence, index, expected",
    [
        ("I want to go home", 2, "PART"),  # "to" before a verb
        ("He went to the market", 2, "ADP"),  # "to" before a noun phrase
        ("The report says that the prices rose", 3, "SCONJ"),
        ("He said that it was over", 2, "SCONJ"),
    ],
)
def test_context_corrections(sentence, index, expected):
    assert tag(sentence.split())[index] == expected


def test_lexicon_tag():
    assert lexicon_tag("However") == "ADV"
    assert lexicon_tag("Officials") is None  # the word as written only
    assert lexicon_tag("the") == "DET"
    assert lexicon_tag("qwzxv") is None


def test_word_tag_falls_back_to_the_lower_case_form_then_a_guess():
    assert word_tag("Officials") == "NOUN"
    assert word_tag("zorblation") == "NOUN"


def test_empty_sentence():
    assert tag([]) == []
