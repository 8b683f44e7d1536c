"""Is a quoted stretch speech, or a title, a nickname, a scare quote?

Quotation marks also wrap titles (`CNN’s “State of the Union”`), nicknames
(`Ahmad “Abu Hussein” al-Hamidawi`), terms held at arm's length (`the
so-called “alt-right”`) and markup.  A logistic model over the stretch's shape
and surroundings — length, capitalisation, the words before and after, first
person, whether a speaker was found for it — decides; it is trained on PolNeAR
train (gold quotes against the quoted stretches the annotators left out).
"""

from __future__ import annotations

import re
from functools import cache

from quotes.context import QuoteContext
from quotes.learn import linear, sigmoid
from quotes.models import load_json
from quotes.quote_spans import QuoteSpan

FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'll|I’ll|I'd|I’d|me|my|mine|we|we're|we’re|us|our|ours)\b", re.IGNORECASE)
SECOND_PERSON = re.compile(r"\b(?:you|your|yours)\b", re.IGNORECASE)
WORD = re.compile(r"[\w’'-]+")
SEVERAL_SENTENCES = re.compile(r"[.!?]\s+\S")
# The word or mark next to a quote, and the word before it as the naming and title tests read it.
_TOKEN_BEFORE = re.compile(r"([\w’'-]+|[^\w\s])\s*$")
_TOKEN_AFTER = re.compile(r"\s*([\w’'-]+|[^\w\s])")
_NOUN_BEFORE = re.compile(r"([\w’'-]+)\s*,?\s*$")
_SPACED_WORD_BEFORE = re.compile(r"([\w’'-]+)\s+$")
_SPACED_WORD_AFTER = re.compile(r"\s+([\w’'-]+)")
_WORD_BEFORE = re.compile(r"([\w’'-]+)\W*$")
SMALL_WORDS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by", "from", "is"}


@cache
def speech_weights() -> dict[str, float]:
    return load_json("speech.json.gz")


def _bucket(n: int) -> str:
    for limit, name in ((1, "1"), (2, "2"), (3, "3"), (6, "4-6"), (12, "7-12"), (25, "13-25")):
        if n <= limit:
            return name
    return "26+"


def _word_shape(word: str) -> str:
    """Function words as themselves; capitalised words and numbers by shape, so no name is a feature."""
    if word[0].isupper():
        return "CAP"
    if word[0].isdigit():
        return "NUM"
    return word.lower()


def _word_before(text: str, pos: int, floor: int) -> str:
    m = _TOKEN_BEFORE.search(text[max(floor, pos - 40):pos])
    return _word_shape(m.group(1)) if m else "<p>"


def _word_after(text: str, pos: int, ceiling: int) -> str:
    m = _TOKEN_AFTER.match(text[pos:min(ceiling, pos + 40)])
    return _word_shape(m.group(1)) if m else "</p>"


def speech_features(text: str, span: QuoteSpan, para: tuple[int, int], ctx: QuoteContext,
                    speaker_probability: float, speaker_is_subject: bool) -> list[str]:
    body = text[span.start:span.end]
    words = WORD.findall(body)
    n = len(words)
    open_pos, close_end = span.outer
    before = _word_before(text, open_pos, para[0])
    after = _word_after(text, close_end, para[1])
    capitalised = [w for w in words if w[0].isupper()]
    title_case = n > 0 and all(w[0].isupper() or w.lower() in SMALL_WORDS for w in words)
    last = body[-1]
    f = [
        "bias",
        "words=" + _bucket(n),
        "first_upper=" + str(body[0].isupper()),
        "last=" + ("w" if last.isalnum() else last),
        "before=" + before,
        "after=" + after,
        "title_case=" + str(title_case) + "|" + _bucket(n),
        "between_capitals=" + str(_capital_before(text, open_pos, para[0]) and _capital_after(text, close_end, para[1])),
        "closed=" + str(span.closed),
        "para_start=" + str(open_pos == para[0]),
        "para_whole=" + str(open_pos == para[0] and close_end >= para[1] - 1),
        "speaker_p=" + str(min(int(speaker_probability * 5), 4)),
        "speaker_subject=" + str(speaker_is_subject),
    ]
    if FIRST_PERSON.search(body):
        f.append("first_person")
    if SECOND_PERSON.search(body):
        f.append("second_person")
    if capitalised and len(capitalised) == n:
        f.append("all_capitalised|" + _bucket(n))
    if SEVERAL_SENTENCES.search(body):
        f.append("several_sentences")
    f.append("before+words=" + before + "|" + _bucket(n))
    named = _noun_before(text, open_pos, para[0])
    if named:
        f += ["after_naming_noun", "after_naming_noun|" + str(title_case)]
    f += ["frame_cue=" + str(ctx.frame_has_cue) + "|" + ctx.quote_type, "type=" + ctx.quote_type + "|" + _bucket(n)]
    return f


# Nouns that introduce a name, a title or a word rather than speech: `his book, “An American
# Son,”`, `the phrase “self-deportation”`, `a slogan, “Make America Great Again”`.
NAMING_NOUNS = set("""
book books film films movie show shows program programme song album column article podcast series
documentary novel memoir autobiography play headline slogan slogans hashtag phrase term word words
label motto nickname title campaign ad ads video chant sign signs banner shirt shirts t-shirt tagline
""".split())


def _noun_before(text: str, pos: int, floor: int) -> bool:
    m = _NOUN_BEFORE.search(text[max(floor, pos - 40):pos])
    return bool(m) and m.group(1).lower() in NAMING_NOUNS


def _capital_before(text: str, pos: int, floor: int) -> bool:
    m = _SPACED_WORD_BEFORE.search(text[max(floor, pos - 40):pos])
    return bool(m) and m.group(1)[0].isupper()


def _capital_after(text: str, pos: int, ceiling: int) -> bool:
    m = _SPACED_WORD_AFTER.match(text[pos:min(ceiling, pos + 40)])
    return bool(m) and m.group(1)[0].isupper()


def speech_probability(features: list[str]) -> float:
    return sigmoid(linear(speech_weights(), features))


NAMING_WORDS = {"titled", "entitled", "dubbed", "nicknamed", "so-called", "headlined", "named", "called",
                "labeled", "labelled", "branded", "known"}


def names_not_speech(text: str, span: QuoteSpan, para: tuple[int, int]) -> bool:
    """A title, a name or a nickname in quotation marks, whatever the corpus habits:
    Title Case words after a naming verb (`a book titled “The Long Road Home”`,
    `the so-called “Islamic State”`) or inside a name (`Ahmad “Abu Hussein” al-Hamidawi`)."""
    words = WORD.findall(text[span.start:span.end])
    if not words or len(words) > 12:
        return False
    title_case = all(w[0].isupper() or w.lower() in SMALL_WORDS for w in words)
    open_pos, close_end = span.outer
    before = _WORD_BEFORE.search(text[max(para[0], open_pos - 30):open_pos])
    before_word = before.group(1).lower() if before else ""
    if before_word == "so-called":
        return True
    if before_word in NAMING_WORDS and title_case:
        return True
    return len(words) <= 4 and title_case and _capital_before(text, open_pos, para[0]) and _capital_after(
        text, close_end, para[1])
