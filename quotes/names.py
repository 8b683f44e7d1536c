"""Proper names near quotations: who (person), which body (organization), where (place).

A name is a run of capitalised words.  One precompiled regex finds the runs, with
the lower-case connectors that may sit inside a name (`of`, `in`, `and`, `&`,
`bin`, `de la`) and a quoted nickname (`Ahmad “Abu Hussein” al-Hamidawi`); the
rest is decided per distinct run, and cached:

* a connector joins its neighbours when a small learned model says so: it learned
  from UNER and GUM which heads take a complement inside a name (`Department of
  Defense`, `Islamic Revolution in Iraq`) and which do not (`Trump in Iowa`);
* a sentence-initial ordinary word (`The`, `However`, `Officials`) is dropped;
* learned title words (`Mr.`, `President`, `Foreign Minister`) are split off a
  following person name and kept as its `title`;
* a possessive `’s` ends a name (the regex never crosses it).

Each chunk is then typed by a linear classifier over its words and the words
around it.  The classifier is linear so a chunk's own score is cached and only
the two context words are added per occurrence.  Everything comes from
names.json.gz and gender.json.gz (quotes/training/names.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from quotes.learn import softmax
from quotes.models import load_json
from quotes.tagger import lexicon_tag
from quotes.titles import ABBREVIATED_TITLES, DEMONYMS, HONORIFICS, PARTY_ADJECTIVES, bare, is_title_word

KINDS = ("person", "organization", "place", "other")
HONORIFIC_GENDER = {word: gender for word, gender in HONORIFICS.items() if gender}
OPEN_QUOTES = "“\"‘"
CLOSE_QUOTES = "”\"’"
QUOTES = OPEN_QUOTES + CLOSE_QUOTES
_UPPER = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper())
_BLANK = r"[^\S\n]+"
_ZEROS = (0.0,) * len(KINDS)
FUNCTION_TAGS = {"DET", "PRON", "ADP", "CCONJ", "SCONJ", "ADV", "AUX", "PART", "INTJ", "NUM"}
# Common nouns that head the names of bodies (`Central Command`, `Islamic Resistance`,
# `Bank of America`): general English, given to the classifier as one shared feature so
# what it learns from the heads the corpora have carries over to those they lack.
ORG_HEADS = frozenset("""
academy administration agency alliance army assembly association authority bank battalion board
brigade brigades bureau cabinet campaign caucus center centre chamber church coalition college command
commission committee company confederation conference congress corporation corps council court
department directorate division embassy federation fleet force forces foundation front fund government
group guard guards hospital house institute institution league legislature levies ministry militia
mission movement network office organisation organization parliament party police port press
regiment resistance school secretariat senate service services society squad squadron staff
station team tribunal trust union university
""".split())
# Movements name themselves by where they fight (`Islamic Resistance in Iraq`, `Islamic State in
# Iraq and Syria`), so for these heads `in` + place stays inside the name.
MOVEMENT_HEADS = frozenset("resistance movement front state brigades brigade jihad revolution mujahideen".split())


@dataclass(slots=True)
class Name:
    """A name in the text: text == article[start:end].  `title` holds the role words
    just before it that are not part of it (`Foreign Minister`, `Mr.`), starting at
    title_start; a quoted nickname inside a person name spans
    nickname_start:nickname_end (quotes included).  -1: none."""

    start: int
    end: int
    text: str
    kind: str
    score: float
    title: str = ""
    nickname_start: int = -1
    nickname_end: int = -1
    title_start: int = -1

    @property
    def nickname(self) -> str:
        if self.nickname_start < 0:
            return ""
        return self.text[self.nickname_start - self.start + 1:self.nickname_end - self.start - 1]

    @property
    def without_nickname(self) -> str:
        """`Ahmad “Abu Hussein” al-Hamidawi` -> `Ahmad al-Hamidawi`."""
        if self.nickname_start < 0:
            return self.text
        a, b = self.nickname_start - self.start, self.nickname_end - self.start
        return (self.text[:a].rstrip() + " " + self.text[b:].lstrip()).strip()


Chunk = tuple  # (start, end, words, title, nickname start, nickname end, title start): a name before classification


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def norm_context(token: str) -> str:
    """A context word as a feature value: lower case, straight quotes, no clinging
    punctuation (`said,` -> `said`, `“` -> `"`, `’s` -> `'s`)."""
    token = token.lower().translate(_QUOTES)
    if len(token) > 1:
        token = token.strip(".,;:!?()[]\"") or token[0]
    return token


_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def word_shape(word: str) -> str:
    if "." in word:
        return "X." if len(word) <= 2 else "X.X."
    if any(c.isdigit() for c in word):
        return "d"
    if word[0].islower():
        return "x-X" if "-" in word else "x"
    if len(word) > 1 and word.isupper():
        return "XX"
    return "Xx-Xx" if "-" in word else "Xx"


class Recogniser:
    """Chunking and classification from one names.json.gz model."""

    def __init__(self, model: dict, gender: dict[str, str]):
        self.ordinary = frozenset(model["ordinary"])
        self.abbrevs = frozenset(model["abbrevs"])
        self.titles: dict[str, float] = model["titles"]
        self.role_words = frozenset(model["role_words"])
        self.particles = frozenset(model["particles"])
        self.connectors = frozenset(model["connectors"]) | self.particles
        self.join_weights: dict[str, float] = model["join"]
        self.weights: dict[str, list[float]] = model["weights"]
        self.gender = gender
        prefixes = model["prefixes"]
        capitalised = rf"\w*(?:-\w+|[’'][{_UPPER}]\w*)*\.?"
        word = (rf"(?:[{_UPPER}]\.){{2,}}|(?:{_alternation(prefixes)})-[{_UPPER}]\w*(?:-\w+)*"
                rf"|[{_UPPER}]{capitalised}")
        # The first word again, written to start with one character class so the
        # regex engine can skip ahead to candidates (a third of the cost otherwise).
        first_chars = re.escape("".join(sorted({p[0] for p in prefixes})))
        after_prefix = "|".join(f"(?<={re.escape(p[0])}){re.escape(p[1:])}" for p in prefixes)
        first = (rf"[{_UPPER}{first_chars}](?<![\w’'.-].)"
                 rf"(?:(?:{after_prefix})-[{_UPPER}]\w*(?:-\w+)*|(?<=[{_UPPER}])(?:\.(?:[{_UPPER}]\.)+|{capitalised}))")
        sep = rf"{_BLANK}(?:(?:{_alternation(self.connectors)}){_BLANK})*"
        nick = rf"{_BLANK}[{OPEN_QUOTES}](?:{word})(?:{_BLANK}(?:{word})){{0,3}}[{CLOSE_QUOTES}]{_BLANK}"
        self.run_re = re.compile(rf"{first}(?:(?:{nick}|{sep})(?:{word}))*")
        self.segment = lru_cache(maxsize=1 << 16)(self._segment)
        self.chunk_scores = lru_cache(maxsize=1 << 16)(self._chunk_scores)
        self.before_scores = lru_cache(maxsize=1 << 14)(lambda w: self._context_scores("b=" + norm_context(w)))
        self.after_scores = lru_cache(maxsize=1 << 14)(lambda w: self._context_scores("a=" + norm_context(w)))

    # -- chunking -------------------------------------------------------------

    def chunks(self, text: str, start: int = 0, end: int | None = None,
               dropped: list[tuple[int, str]] | None = None) -> list[Chunk]:
        """Name candidates in text[start:end], with offsets into text; one-word runs left
        out as ordinary words capitalised by their place (`Cuban`, `Rich`) go to `dropped`."""
        out: list[Chunk] = []
        for m in self.run_re.finditer(text, start, len(text) if end is None else end):
            s = m.start()
            initial = sentence_initial(text, s)
            segments = self.segment(m.group(), initial)
            if not segments and initial and dropped is not None:
                dropped.append((s, m.group()))
            for a, b, words, title, na, nb, ta in segments:
                out.append((s + a, s + b, words, title, s + na if na >= 0 else -1, s + nb if nb >= 0 else -1,
                            s + ta if ta >= 0 else -1))
        return out

    def is_ordinary(self, word: str) -> bool:
        """A word usually written in lower case (`However`, `Officials`, `Command`)."""
        return word.lower() in self.ordinary

    def title_weight(self, word: str) -> float:
        """How surely a word before a person's name is a title: learned, or 1 for an
        abbreviated title the data lacked (`Sens.`, `Govs.`)."""
        low = word.lower().rstrip(".")
        return self.titles.get(low) or (1.0 if word.endswith(".") and low in ABBREVIATED_TITLES else 0.0)

    def _segment(self, run: str, initial: bool) -> tuple:
        """Chunks of one run as (start, end, words, title, nick start, nick end, title
        start) with offsets into the run."""
        if not _SPACE.search(run):  # one word: the short way
            end = len(run)
            if run.endswith(".") and not self.keeps_period(run[:-1]):
                end -= 1
            return ((0, end, (run[:end],), "", -1, -1, -1),) if self._trim([(0, end, run[:end])], initial) else ()
        segments: list[tuple[list, bool, list[int]]] = []  # (items, sentence-initial, nickname span)
        items: list = []  # words as (start, end, text), connectors as plain strings
        gap: list[str] = []
        nick = [-1, -1]
        for s, e, tok in run_tokens(run):
            if tok[0].islower() and "-" not in tok or tok == "&":
                gap.append(tok)
                continue
            opens, closes = tok[0] in OPEN_QUOTES, tok[-1] in CLOSE_QUOTES
            word, ws, we = tok.strip(QUOTES), s + opens, e - closes
            if items and gap and not self.joins(items, gap, word):
                segments.append((items, initial, nick))
                items, initial, nick = [], False, [-1, -1]
            if opens:
                nick = [s, -1]
            if closes:
                nick[1] = e
            ends_sentence = word.endswith(".") and not self.keeps_period(word[:-1])
            if ends_sentence:
                word, we = word[:-1], we - 1
            items.extend(gap)
            items.append((ws, we, word))
            gap = []
            if ends_sentence:
                segments.append((items, initial, nick))
                items, initial, nick = [], True, [-1, -1]
        if items:
            segments.append((items, initial, nick))
        out = []
        for items, first_initial, nick in segments:
            out.extend(self._split_titles(self._trim(items, first_initial), tuple(nick) if nick[1] >= 0 else (-1, -1)))
        return tuple(out)

    def keeps_period(self, core: str) -> bool:
        """Whether `core.` is one abbreviated word (`J.`, `U.S.`, `Mr.`, `Jr.`) rather
        than a word ending a sentence."""
        return len(core) == 1 or "." in core or core.lower() in self.abbrevs

    def joins(self, items: list, gap: list[str], right: str) -> bool:
        """Whether `left gap right` is one name: particles always join, as does a
        title's `of`/`for` complement (split off again with the title)."""
        left = [w[2] for w in items if isinstance(w, tuple)]
        if all(c in self.particles for c in gap) or (gap[0] in ("of", "for") and self.title_weight(left[-1]) >= 0.5):
            return True
        if gap == ["in"] and left[-1].lower() in MOVEMENT_HEADS:
            return True
        return self.join_score(" ".join(gap), left, right) > 0

    def join_score(self, conn: str, left: list[str], right: str) -> float:
        w = self.join_weights
        return sum(w.get(f, 0.0) for f in join_features(conn, left, right, self.is_ordinary, self.kind_of(left)))

    def kind_of(self, words: list[str]) -> str:
        """The classifier's type for words out of context ("" before it is trained)."""
        if not self.weights:
            return ""
        scores = self.chunk_scores(tuple(words), "")
        return KINDS[max(range(len(KINDS)), key=scores.__getitem__)]

    def _trim(self, words: list, initial: bool) -> list:
        """Drop a leading determiner or pronoun (`The`, `I`), a sentence-initial
        ordinary word (`However`, `Officials`; before another capitalised word only a
        function word, so `New Zealand` stays), and connectors left at either end."""
        while words:
            first = words[0]
            if isinstance(first, str):
                words = words[1:]
                continue
            word = first[2]
            tag = lexicon_tag(word)
            if tag in ("DET", "PRON") or initial and self._initial_ordinary(word, tag, len(words) > 1):
                words, initial = words[1:], False
                continue
            break
        while words and isinstance(words[-1], str):
            words = words[:-1]
        return words

    def _initial_ordinary(self, word: str, tag: str | None, more: bool) -> bool:
        """Whether a sentence-initial word is an ordinary one capitalised by position."""
        if len(word) > 1 and word.isupper():
            return False  # US, UN
        lower_tag = lexicon_tag(word.lower())
        if more:
            return tag != "PROPN" and lower_tag in FUNCTION_TAGS
        return self.is_ordinary(word) or tag != "PROPN" and lower_tag not in (None, "PROPN")

    def _split_titles(self, words: list, nick: tuple[int, int]) -> list:
        """Cut title words off the person name after them:
        `Pentagon Press Secretary John Kirby` -> `Pentagon` + title `Press Secretary` + `John Kirby`."""
        if not words:
            return []
        entries = [w for w in words if isinstance(w, tuple)]
        span = self._title_span(words, entries)
        if span is None:
            return [self._chunk(words, entries[0], entries[-1], "", nick)]
        r, j, titled = span
        title = " ".join(w for _, _, w in entries[r:j]) if titled else ""
        head = [self._chunk(words, entries[0], entries[r - 1], "", (-1, -1))] if r else []
        return head + [self._chunk(words, entries[j], entries[-1], title, nick, entries[r][0] if titled else -1)]

    def _title_span(self, words: list, entries: list) -> tuple[int, int, bool] | None:
        """(first, end) indices into entries of the title words before a person name,
        and whether they title it: not when a connector parts them (`President of
        the United States`: the title is dropped, the place kept)."""
        for i, (_, _, word) in enumerate(entries[:-1]):
            if self.title_weight(word) < 0.5:
                continue
            j = i + 1
            while j < len(entries) - 1 and self.title_weight(entries[j][2]) >= 0.5:
                j += 1  # Secretary General; but `Mr. King` keeps its name
            k = self._of_complement(words, entries, j)
            rest = [w for _, _, w in entries[k:]]
            if (rest and rest[0].lower().rstrip(".") not in self.abbrevs  # King | Jr.
                    and (word.endswith(".") or word.lower() in self.abbrevs or not all(map(self.is_ordinary, rest)))):
                parted = k == j and isinstance(words[words.index(entries[j - 1]) + 1], str)
                return self._role_start(entries, i), k, not parted
        # A rarer title (`Prince`) or one the data did not teach, a common noun
        # (`Spokesman`), a role noun (`Chancellor`), a party or a nationality
        # (`Republican Donald Trump`) before a person's full name of two or more unordinary words.
        k = len(entries)
        while k > 1 and (not self.is_ordinary(entries[k - 1][2]) or is_initial(entries[k - 1][2])):
            k -= 1
        for k in range(len(entries) - 2, max(k, 1) - 1, -1):
            head, rest = entries[k - 1][2], [w for _, _, w in entries[k:]]
            if ((self.title_weight(head) > 0 or lexicon_tag(head.lower()) == "NOUN"
                 or is_title_word(head) or bare(head) in PARTY_ADJECTIVES or bare(head) in DEMONYMS)
                    and self.kind_of(rest) == "person"):
                return self._role_start(entries, k - 1), k, True
        return None

    def _role_start(self, entries: list, i: int) -> int:
        """Extend a title leftwards over ordinary and role words: `Foreign Minister`,
        `Press Secretary`, `Crown Prince`, `Minority Leader`."""
        while i > 0 and not entries[i - 1][2].endswith(".") and (
                self.is_ordinary(entries[i - 1][2]) or entries[i - 1][2].lower() in self.role_words
                or is_title_word(entries[i - 1][2])):
            i -= 1
        return i

    def _of_complement(self, words: list, entries: list, j: int) -> int:
        """Extend a title over its `of`/`for` complement: ordinary words (`Secretary of
        State Antony Blinken`) or else one name before a two-word one (`Governor of
        Texas Greg Abbott`)."""
        k = words.index(entries[j - 1]) + 1
        if j >= len(entries) or k >= len(words) or not isinstance(words[k], str):
            return j
        m = j
        while m < len(entries) - 1 and self.is_ordinary(entries[m][2]):
            m += 1
        if m == j and len(entries) - j >= 3:
            m += 1
        return m

    @staticmethod
    def _chunk(words: list, first: tuple, last: tuple, title: str, nick: tuple[int, int],
               title_start: int = -1) -> tuple:
        i, j = words.index(first), words.index(last)
        inner = tuple(w[2] if isinstance(w, tuple) else w for w in words[i:j + 1])
        if not (first[0] <= nick[0] and nick[1] <= last[1]):
            nick = (-1, -1)
        return (first[0], last[1], inner, title) + nick + (title_start,)

    # -- classification ----------------------------------------------------------

    def _chunk_scores(self, words: tuple[str, ...], title: str) -> tuple[float, ...]:
        weights = self.weights
        rows = [weights[f] for f in chunk_features(words, title, self.is_ordinary, self.gender) if f in weights]
        return tuple(map(sum, zip(*rows))) if rows else _ZEROS

    def probabilities(self, words: tuple[str, ...], title: str, before: str, after: str) -> list[float]:
        """Class probabilities: the chunk's scores and its two context words' add up."""
        parts = zip(self.chunk_scores(words, title), self.before_scores(before), self.after_scores(after))
        return softmax([sum(scores) for scores in parts])

    def _context_scores(self, feature: str) -> tuple[float, ...]:
        return tuple(self.weights.get(feature, _ZEROS))

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Name]:
        dropped: list[tuple[int, str]] = []
        chunks = self.chunks(text, start, end, dropped)
        sums: dict[tuple[str, ...], list[float]] = {}  # words -> summed probabilities + count
        for a, b, words, title, *_ in chunks:
            before, after = context_words(text, a, b)
            p = self.probabilities(words, title, before, after)
            acc = sums.get(words)
            if acc is None:
                sums[words] = p + [1.0]
            else:
                sums[words] = [x + y for x, y in zip(acc, p + [1.0])]
        kinds = {words: by_head(words, kind, p) for words, (kind, p) in pool(sums).items()}
        chunks += self._surnames_opening_sentences(text, dropped, kinds)
        return [Name(a, b, text[a:b], *kinds[words], title, na, nb, ta)
                for a, b, words, title, na, nb, ta in sorted(chunks)]

    @staticmethod
    def _surnames_opening_sentences(text: str, dropped: list[tuple[int, str]], kinds: dict) -> list[Chunk]:
        """One sense per discourse: a word that opens a sentence is a name after all when it
        is the surname of a person the text names in full (`Mark Cuban` … `Cuban also
        complained`), though alone it reads as an ordinary word (`Cuban`, `Rich`, `Price`), and
        when what follows suits a subject, not a noun it modifies (`Cuban officials said`,
        `Young and old voters`)."""
        surnames = {words[-1]: kinds[words] for words in kinds
                    if len(words) > 1 and kinds[words][0] == "person" and words[-1][:1].isupper()}
        out: list[Chunk] = []
        for s, word in dropped:
            nxt = _NEXT.match(text, s + len(word))
            follows = nxt.group(1) if nxt else ""
            if follows[:1].isalpha() and (follows.lower() in ("and", "or") or lexicon_tag(follows.lower()) in
                                          ("NOUN", "ADJ", "PROPN", "NUM")):
                continue
            if word in surnames:
                kinds.setdefault((word,), surnames[word])
                out.append((s, s + len(word), (word,), "", -1, -1, -1))
        return out


def pool(sums: dict[tuple[str, ...], list[float]]) -> dict[tuple[str, ...], tuple[str, float]]:
    """One sense per discourse: each name gets the mean probabilities of all its
    mentions in the text, and a one-word name that ends a longer one (`Amir-Abdollahian`
    after `Hossein Amir-Abdollahian`) is that name again and gets its probabilities.
    Returns (kind, probability) per name."""
    means = {words: [x / acc[-1] for x in acc[:-1]] for words, acc in sums.items()}
    ending: dict[str, list[list[float]]] = {}
    for words, p in means.items():
        if len(words) > 1 and all(w[:1].isupper() for w in words):
            ending.setdefault(words[-1], []).append(p)
    out = {}
    for words, p in means.items():
        longer = ending.get(words[0]) if len(words) == 1 else None
        if longer:
            p = [sum(q[k] for q in longer) / len(longer) for k in range(len(KINDS))]
        best = max(range(len(KINDS)), key=p.__getitem__)
        out[words] = (KINDS[best], p[best])
    return out


HEAD_CONNECTORS = frozenset({"of", "for", "in", "on", "at"})


def is_initial(word: str) -> bool:
    """`C.` of `Jason C. Ervin`: part of a name, though `c.` is an ordinary abbreviation."""
    return len(word) == 2 and word[1] == "." and word[0].isupper()


def name_head(words: tuple[str, ...]) -> str:
    """The head word of a name: the one before its first `of`/`for`/`in` complement
    (`Bank of America` → Bank), else its last word."""
    for i, word in enumerate(words):
        if i and word in HEAD_CONNECTORS:
            return words[i - 1]
    return words[-1]


def by_head(words: tuple[str, ...], kind: str, p: float) -> tuple[str, float]:
    """A name of several words headed by an organisation noun (`US Central Command`,
    `Bank of America`) names a body even where the classifier, which has seen few such
    heads, took it for a place or nothing in particular; a person name keeps its kind."""
    if kind in ("place", "other") and len(words) > 1 and name_head(words).lower() in ORG_HEADS:
        return "organization", p
    return kind, p


_TOKEN = re.compile(r"\S+")
_NEXT = re.compile(r"\s*([\w’']+|[^\w\s])")
_SPACE = re.compile(r"\s")


def run_tokens(run: str) -> list[tuple[int, int, str]]:
    """Whitespace tokens of a run: words (a nickname's quotes attached to its first and
    last word; the run regex lets quotes in nowhere else) and lower-case connectors."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(run)]


def sentence_initial(text: str, pos: int) -> bool:
    """Whether a word at pos starts a sentence, a paragraph or a quotation, where
    ordinary words are capitalised too."""
    j = pos - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    if j < 0 or text[j] == "\n":
        return True
    c = text[j]
    if c in ".!?:“‘([":
        return True
    if c in "”’)\"'":
        prev = text[j - 1] if j else " "
        return prev in ".!?" or (c in "\"'" and prev in " \t\n(")
    return False


def context_words(text: str, start: int, end: int) -> tuple[str, str]:
    """The tokens just before and after text[start:end]: the neighbouring word, or
    the punctuation mark touching the name (`“`, `,`, `’s`)."""
    if start == 0:
        before = ""
    elif text[start - 1].isspace():
        words = text[max(0, start - 30):start].split()
        before = words[-1] if words else ""
    else:
        before = text[start - 1]
    nxt = text[end:end + 2]
    if not nxt:
        after = ""
    elif nxt[0].isspace():
        words = text[end:end + 30].split()
        after = words[0] if words else ""
    else:
        after = nxt if nxt.lower() in ("’s", "'s") else nxt[0]
    return before, after


def join_features(conn: str, left: list[str], right: str, is_ordinary, left_kind: str) -> list[str]:
    """Features for joining left + conn + right into one name: the connector with the
    head word (`Department of`), its ordinariness, suffix and the left part's type
    (an organisation takes `in Iraq`, a person does not)."""
    head = left[-1].lower() if left else ""
    ho = "o" if left and is_ordinary(left[-1]) else "n"
    ro = "o" if is_ordinary(right) else "n"
    n = str(min(len(left), 3))
    c = conn + "|"
    feats = ["bias", "c=" + conn, "c|h=" + c + head, "h=" + head, "c|ho=" + c + ho, "c|ho|n=" + c + ho + n,
             "c|ho|ro=" + c + ho + ro, "c|r=" + c + right.lower(), "c|hs=" + c + head[-3:], "hs=" + head[-3:],
             "c|lo=" + c + "".join("o" if is_ordinary(w) else "n" for w in left[-3:])]
    if head in ORG_HEADS:
        feats += ["c|org_head=" + conn, "c|org_head|ro=" + c + ro]
    if left_kind:
        feats += ["lk=" + left_kind, "c|lk=" + c + left_kind, "c|lk|n=" + c + left_kind + n]
    return feats


def chunk_features(words: tuple[str, ...], title: str, is_ordinary, gender: dict[str, str]) -> list[str]:
    names = [w for w in words if not (w[:1].islower() and "-" not in w) and w != "&"]
    if not names:
        return ["bias"]
    first, last = names[0], names[-1]
    fl, ll = first.lower(), last.lower()
    shapes = " ".join(word_shape(w) for w in names[:4])
    feats = ["bias", "f=" + fl, "l=" + ll, "fs=" + fl[-3:], "ls=" + ll[-3:], "ls2=" + ll[-2:], "n=" + str(min(len(names), 4)),
             "sh=" + shapes, "ord=" + "".join("o" if is_ordinary(w) else "n" for w in names[:4])]
    feats += ["w=" + w.lower() for w in names]
    if ll in ORG_HEADS:
        feats.append("org_head_last")
    elif any(w.lower() in ORG_HEADS for w in names):
        feats.append("org_head_inside")
    feats += ["c=" + w for w in words if w not in names]
    if len(names) > 1 and first in gender:
        feats.append("given")
    if title:
        feats.append("t=" + title.split()[-1].lower().rstrip("."))
        feats.append("titled")
    return feats


def context_features(before: str, after: str) -> list[str]:
    """The two context features; the recogniser looks their weights up one by one."""
    return ["b=" + norm_context(before), "a=" + norm_context(after)]


@cache
def recogniser() -> Recogniser:
    return Recogniser(load_json("names.json.gz"), load_json("gender.json.gz"))


def find_names(text: str, start: int = 0, end: int | None = None) -> list[Name]:
    """Names in text[start:end], with offsets into text."""
    return recogniser().find(text, start, end)


def first_name_gender(name: str) -> str | None:
    """`m`, `f` or None from an honorific (`Mrs. Smith`) or the first name
    (`Maria Lopez`), as far as the gender table knows it (GUM coreference, news
    honorifics, the US Census first-name lists)."""
    words = name.replace(".", " ").split()
    if not words:
        return None
    honorific = HONORIFIC_GENDER.get(words[0].lower())
    if honorific:
        return honorific
    rec = recogniser()
    while len(words) > 1 and (rec.title_weight(words[0]) >= 0.5 or len(words[0]) == 1):
        words = words[1:]  # President, J. (Edgar Hoover)
    return rec.gender.get(words[0])
