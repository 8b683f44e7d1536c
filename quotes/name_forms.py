"""The forms one name takes in an article, and which of them name the same one.

A name is matched by its canonical core: the fullest form, without titles,
honorifics, parties or nationalities glued in front (`Republican Donald Trump`,
`Sens. Jon Tester`), nor headline words (`To Trump`), folded so that spelling
variants meet (`al-Hamidawi`, `Hamidawi`).  A title-case headline run is split at
its verbs, so the people it names count like any others.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from quotes.cues import VERB_FORMS
from quotes.names import FUNCTION_TAGS, Name, first_name_gender, recogniser
from quotes.tagger import lexicon_tag
from quotes.titles import DEMONYMS, EVALUATIVE, HONORIFICS, PARTY_ADJECTIVES, bare, is_title_word, placed

SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
PARTICLES = ("al-", "el-", "ad-", "as-", "ash-", "an-", "at-", "az-")
CONNECTORS = {"of", "for", "and", "&", "de", "del", "la", "van", "von", "bin", "al"}  # inside names, no headline break
_TOKEN = re.compile(r"[\w’'.-]+")


@lru_cache(maxsize=1 << 15)
def fold(word: str) -> str:
    """A word as names are matched: no accents, case, particle (`al-`), hyphen or apostrophe."""
    word = unicodedata.normalize("NFKD", word)
    word = "".join(c for c in word if not unicodedata.combining(c)).lower().replace("’", "'")
    for particle in PARTICLES:
        if word.startswith(particle):
            word = word[len(particle):]
    return word.replace("-", "").replace("'", "").strip(".")


def name_tokens(name: str) -> tuple[str, ...]:
    """Folded name tokens, for matching forms of one name."""
    return tuple(t for t in (fold(w) for w in _TOKEN.findall(name)) if t and t not in SUFFIXES)


def surname(core: str) -> str | None:
    """The form later references use: `Hossein Amir-Abdollahian` → `Amir-Abdollahian`."""
    words = [w for w in core.split() if w.lower().rstrip(".") not in SUFFIXES]
    return words[-1] if len(words) > 1 else None


def core_name(name: Name) -> tuple[str, str | None]:
    """(core name, gender from an honorific) of a name: no nickname, no `Mr.`/`Dr.`, no
    title, party or nationality glued in front (`Republican Donald Trump`), no ordinary
    word a headline capitalised (`To Trump`)."""
    words = name.without_nickname.split()
    if name.kind != "organization":
        words = _after_function_word(words)
    title = name.title.split()
    gender = HONORIFICS.get(bare(title[0])) if title else None
    # a body's name ends in an ordinary word (`Democratic National Convention`): only
    # honorifics come off it
    body = name.kind == "organization" or name.kind != "person" and recogniser().is_ordinary(words[-1])
    while len(words) > 1 and (bare(words[0]) in HONORIFICS or not body and _not_name(words[0], len(words), name.kind)):
        gender = gender or HONORIFICS.get(bare(words[0]))
        words = words[1:]
    return " ".join(words), gender


def split_headlines(names: list[Name]) -> list[Name]:
    """The names, with a title-case headline run split where a verb or function word stands
    (`Hillary Clinton Goes After Donald Trump` → `Hillary Clinton`, `Donald Trump`), so
    the people a headline names become entities like any other."""
    out = []
    for name in names:
        words = name.text.split()
        breaks = _breaks_headline if name.kind == "other" else _headline_verb if name.kind == "person" else None
        if breaks is None or len(words) < 4 or not any(map(breaks, words[1:-1])):
            out.append(name)
            continue
        pos, run = name.start, []
        for word in words + [""]:
            start = name.text.find(word, pos - name.start) + name.start if word else name.end
            if not word or breaks(word):
                if len(run) >= 2:
                    out.append(Name(run[0][0], run[-1][1], name.text[run[0][0] - name.start:run[-1][1] - name.start],
                                    "other", 0.0))
                run = []
            elif run or not _headline_adjective(word):  # `New Mitt Romney`: the name starts after `New`
                run.append((start, start + len(word)))
            pos = start + len(word)
    return out


def _headline_adjective(word: str) -> bool:
    """An adjective a headline capitalised in front of a name (`New`), not a first name."""
    return lexicon_tag(word.lower()) == "ADJ" and not first_name_gender(word)


def _headline_verb(word: str) -> bool:
    """A capitalised verb inside what was taken for one person's name (`Carly Fiorina
    Endorses Ted Cruz`)."""
    low = word.lower()
    return low in VERB_FORMS or lexicon_tag(low) in ("VERB", "AUX") and not first_name_gender(word)


def _breaks_headline(word: str) -> bool:
    """A capitalised verb or function word inside a headline's run of capitals."""
    low = word.lower()
    tag = lexicon_tag(low)
    return low in VERB_FORMS or tag in FUNCTION_TAGS | {"VERB", "AUX"} and not first_name_gender(word)


def _after_function_word(words: list[str]) -> list[str]:
    """A headline's capitals glue words to a name (`Christie Is Over Marco Rubio`, `To
    Trump`): the name starts after the last function word.  A person joined to a body by
    `of` (`Holger Schmieding of Berenberg`) is the person before it."""
    if "of" in words[2:-1]:
        return words[:words.index("of", 2)]
    for k in range(len(words) - 2, -1, -1):
        word = words[k]
        if word in CONNECTORS or word.endswith(".") or first_name_gender(word):  # `Will Rogers`
            continue
        if lexicon_tag(word.lower()) in FUNCTION_TAGS:
            return words[k + 1:]
    return words


def _not_name(word: str, left: int, kind: str) -> bool:
    """A word in front of a name that is not part of it."""
    low = bare(word)
    if low in HONORIFICS or low in PARTY_ADJECTIVES or low in DEMONYMS or low in EVALUATIVE or is_title_word(word):
        return True
    if placed(word):
        return True  # `Texas-based Matt Mackowiak`
    rec = recogniser()
    ordinary = rec.is_ordinary(word) or lexicon_tag(low) == "ADJ"
    return (kind == "person" and left > 2 and ordinary and not first_name_gender(word)
            and not word.endswith("."))  # `Billionaire Donald Trump`, `Crooked Hillary Clinton`; not `New York Times`


def forms_of_one_name(known: tuple[str, ...], tokens: tuple[str, ...]) -> bool:
    """`Trump` / `Donald Trump` / `Donald J. Trump` / `D. Trump`; `Van Dyke` / `Jason Van
    Dyke`; but not `Donald Trump` / `Eric Trump`.  A form that folds to nothing (`Jr.`) names no one."""
    if not known or not tokens or known[-1] != tokens[-1]:
        return False
    short, long = (known, tokens) if len(known) <= len(tokens) else (tokens, known)
    if long[-len(short):] == short and (len(short) > 1 or len(long) == 1):
        return True
    if len(short) == 1:
        return True
    first, other = short[0], long[0]
    return first == other or (len(first) == 1 or len(other) == 1) and first[0] == other[0]


def fuller(core: str, tokens: tuple[str, ...], known_core: str, known: tuple[str, ...]) -> bool:
    """Whether a form names one more fully than its known form: more words (`Donald J.
    Trump`), or as many, written longer; but not an adjective a headline put in front
    (`New Mitt Romney`)."""
    if len(tokens) < len(known) or len(tokens) == len(known) and len(core) <= len(known_core):
        return False
    extra = core.split()[:len(tokens) - len(known)] if tokens[-len(known):] == known else []
    return not any(map(_headline_adjective, extra))


def acronym(core: str) -> bool:
    return 2 <= len(core) <= 6 and core.replace(".", "").isupper() and " " not in core


def acronym_of(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """`nra` is the initials of (national, rifle, association); connectors may be skipped."""
    if len(short) != 1 or len(long) < 2:
        return False
    letters = short[0]
    full = "".join(t[0] for t in long)
    content = "".join(t[0] for t in long if t not in ("of", "for", "and", "the", "in", "on", "at"))
    return letters in (full, content)
