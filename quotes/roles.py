"""Roles and organisations as the article states them.

Four constructions carry nearly all of them in news copy:
  - a title before the name: `Iran’s Foreign Minister Hossein Amir-Abdollahian`,
    `Pentagon Press Secretary John Kirby`, `former Wisconsin Gov. Jim Doyle`,
    `talk radio host Larry King`;
  - an apposition after it: `Ahmad al-Hamidawi, the leader of Kataib Hezbollah,`;
  - a relative clause: `Kirby, who heads the agency,`;
  - a description set before it: `the spokesman, Omar Haddad`.

One reading serves them all.  A role phrase is modifiers and a head noun that
names a position (titles.ROLE_HEADS), then complements.  The organisation the
role belongs to is lifted out of it when written in front — a possessive
(`Iran’s`), a name (`Pentagon`, `Stein`), a party adjective (`Republican` →
Republican Party) or a demonym (`Italian` → Italy) — or after it as `at`/`for`/
`with`/`from` + a name (`a fellow at the Hoover Institution`); an `of`/`to`
complement stays in the role and names the organisation (`leader of Kataib
Hezbollah`).  Abbreviated titles are written out (`Sen.` → Senator), judging
adjectives dropped (`longtime`), and the phrase ends where the role does: at a
relative clause, a verb, `and` + a new noun phrase, or a phrase that is not a
complement (`nominee with young voters`).  See eval/README.md for the conventions.

Decisions where the article could be read two ways:
  - an organisation written before a title is lifted out (`White House Press
    Secretary` → `Press Secretary` of White House, `House Speaker` → `Speaker` of
    House), as is a person who owns the role (`Stein spokeswoman` → `spokeswoman`,
    organisation the person's full name, filled in by entities.py);
  - a demonym names the country (`Italian Prime Minister` → Italy); a party
    adjective the party (`Democratic pollster` → Democratic Party); an acronym is
    kept as written (`GOP presidential nominee` → GOP), since no rule may name a
    particular organisation;
  - lower-case words before a lower-case head belong to the role (`talk radio
    host`, `campaign manager`); before a capitalised title only title words do
    (`former President`, not `the reason President`);
  - `former`, `retired`, `then` and the like stay, in lower case; faith and origin
    adjectives (`Muslim`, `Austin-based`) and judging ones go;
  - `X of <body>` with no role gives the organisation alone (`William Seltzer of
    Fordham University`); `of <place>` does so only after a title (`Senator Ben
    Cardin of Maryland`), else it says where someone lives; a party tag
    (`(D-Mass.)`) is never an organisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quotes.cues import VERB_FORMS
from quotes.names import ORG_HEADS, Name, recogniser, sentence_initial
from quotes.tagger import lexicon_tag, word_tag
from quotes.titles import (
    ABBREVIATED_TITLES, DEMONYMS, DESCRIPTIVE, EVALUATIVE, HONORIFICS, PARTY_ADJECTIVES, PORTFOLIOS, ROLE_HEADS,
    ROLE_MODIFIERS,
    bare, expand, is_role_head, is_title_word, placed,
)

__all__ = ["COMMA", "ROLE_HEADS", "ROLE_MODIFIERS", "Role", "affiliation", "role_after", "role_before",
           "role_fronted", "role_phrase", "has_role_head"]

DETERMINERS = {"the", "a", "an"}
POSSESSIVE_DETERMINERS = {"his", "her", "their", "its", "our", "my"}
KEPT_COMPLEMENTS = {"of", "to"}  # stay in the role: `leader of Kataib Hezbollah`
LIFTED_COMPLEMENTS = {"at", "for", "with", "from", "in", "on"}  # + a name: the organisation
LOWER_COMPLEMENTS = {"for", "in", "on"}  # + common nouns: still the role (`director for civil liberties`)
FUNCTION_TAGS = {"DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "ADV", "INTJ"}
CONTENT_TAGS = {"NOUN", "ADJ", "PROPN", "NUM"}
STATUS = {"former", "retired", "acting", "interim", "outgoing", "incoming", "then"}
RANKS = STATUS | {"senior", "junior", "top", "deputy", "chief", "lead", "assistant", "associate"}
POSSESSIVE = {"’s", "'s", "’", "'"}
MAX_REACH = 160  # characters a role phrase may span
TITLE_REACH = 100  # characters a title before a name may span


@dataclass(slots=True)
class Role:
    """A role as written, the organisation it belongs to, and the text span it was read from."""

    role: str | None
    organization: str | None
    start: int
    end: int


@dataclass(slots=True)
class Word:
    """A token of a role phrase; a whole name is one Word."""

    start: int
    end: int
    text: str
    name: Name | None = None

    @property
    def upper(self) -> bool:
        return self.text[:1].isupper()


_TOKEN = re.compile(r"[\w’'&.-]+|[^\w\s]")


def words_in(text: str, start: int, end: int, at: dict[int, Name]) -> list[Word]:
    """The words of text[start:end]; a name found there is one word, and a closing period
    is split off unless it abbreviates (`Gov.`, `W.`, `U.S.`)."""
    out: list[Word] = []
    skip = start
    for m in _TOKEN.finditer(text, start, end):
        a, b = m.span()
        if a < skip:
            if b > skip:  # `Carolina’s`, `Politics.` ending a name taken whole: what follows it
                out.append(Word(skip, b, text[skip:b]))
            continue  # inside a name already taken whole
        name = at.get(a)
        if name is not None and name.end <= end and not _titled_chunk(name):
            out.append(Word(name.start, name.end, name.text, name))
            skip = name.end
            if name.end < b:  # `Yemen’s`: the name, then its `’s`
                out.append(Word(name.end, b, text[name.end:b]))
            continue
        word = m.group()
        cut = len(word) - (2 if word.endswith(("’s", "'s")) else 1 if word[-1] in "’'" else 0)
        if 0 < cut < len(word) and word[0].isalnum():
            out.append(Word(a, a + cut, word[:cut]))
            out.append(Word(a + cut, b, word[cut:]))
        elif word.endswith(".") and len(word) > 1 and not _abbreviation(word):
            out.append(Word(a, b - 1, word[:-1]))
            out.append(Word(b - 1, b, "."))
        else:
            out.append(Word(a, b, word))
    return out


def _titled_chunk(name: Name) -> bool:
    """A name that is no body's or person's but starts with a word that describes (`Senior
    Hamas` of `Senior Hamas official`, `Nobel-winning Peruvian`): read word by word, so
    each word goes where it belongs."""
    if name.kind in ("person", "organization"):
        return False
    first = name.text.split()[0]
    low = bare(first)
    return low in RANKS or low in DESCRIPTIVE or low in DEMONYMS or low in PARTY_ADJECTIVES or placed(first)


def _abbreviation(word: str) -> bool:
    core = word[:-1]
    low = core.lower()
    return len(core) == 1 or "." in core or low in ABBREVIATED_TITLES or low in HONORIFICS or low in ("jr", "sr", "st")


def has_role_head(phrase: str) -> bool:
    return any(is_role_head(w) for w in phrase.split())


def _content(word: str) -> bool:
    """A lower-case word that can sit inside a role phrase: a noun, adjective or number,
    or a bare verb form used as a noun (`talk radio host`), never a reporting verb."""
    low = word.lower()
    if low in VERB_FORMS or low in POSSESSIVE or not low[:1].isalnum():
        return False  # `--` is punctuation
    if is_title_word(word) or low in EVALUATIVE:
        return True
    tag = word_tag(low)
    return tag in CONTENT_TAGS or "-" in low or _bare_verb(low)


def _bare_verb(low: str) -> bool:
    """A word the tagger calls a verb that may still modify a noun (`talk`, `lead`),
    as long as it carries no tense (`attacked`, `meets`)."""
    return word_tag(low) == "VERB" and not low.endswith(("ed", "ing", "s")) and "-" not in low


def _function(word: Word) -> bool:
    """A capitalised function word (`The`, `But`, `When`) that starts a sentence, not a name."""
    if word.name is not None or (len(word.text) > 1 and word.text.isupper()) or is_title_word(word.text):
        return False  # `Vice President`
    return lexicon_tag(word.text.lower()) in FUNCTION_TAGS


def _phrase_word(word: Word) -> bool:
    """Whether a word can be part of the words in front of a role head."""
    if word.name is not None:
        return True
    text = word.text
    if not text[0].isalnum():
        return False
    if word.upper:
        return not _function(word)
    return _content(text)


# -- the words in front of a head ----------------------------------------------


def _front(words: list[Word], text: str) -> tuple[list[str], str | None, str | None, int]:
    """Read the words in front of a role head and the head itself into (role words, the
    organisation a possessive or capitalised name gives, the one a party adjective or
    else a demonym gives, index of the first role word)."""
    role: list[str] = []
    owner: list[Word] = []
    party = country = None
    first = None
    i, n = 0, len(words)
    while i < n:
        w = words[i]
        nxt = words[i + 1] if i + 1 < n else None
        if nxt is not None and nxt.text in POSSESSIVE:  # `Iran’s`, `Hillary Clinton’s`, `the Cruz campaign’s`
            run = words[:i + 1]
            owner = run if any(x.upper for x in run) else []
            role, first = [], None
            i += 2
            continue
        low = bare(w.text)
        if w.name is None and (placed(w.text) or low in DESCRIPTIVE and not _capitalised_noun(nxt)):
            pass  # `Austin-based`, `Muslim`: where from or what faith, not whom for
        elif w.name is None and (is_title_word(w.text) and (low not in PORTFOLIOS or _title_next(nxt)) or not w.upper
                                 or not _capitalised_noun(nxt) and _capitalised_by_position(w, text)):
            if low not in EVALUATIVE and not (low in ("and", "&") and not role):
                role.append(_written(w.text))
                first = i if first is None else first
        elif w.name is None and low in PARTY_ADJECTIVES and not _capitalised_noun(nxt):
            party = party or PARTY_ADJECTIVES[low]
        elif w.name is None and low in DEMONYMS and not _capitalised_noun(nxt):
            country = country or DEMONYMS[low]
        elif w.name is not None and bare(w.text) in PARTY_ADJECTIVES:
            party = party or PARTY_ADJECTIVES[bare(w.text)]
        elif not owner or owner[-1] is words[i - 1]:
            owner.append(w)
        i += 1
    return role, _owner_text(owner, text), party or country, first if first is not None else 0


def _title_next(word: Word | None) -> bool:
    return word is not None and word.name is None and is_title_word(word.text)


def _capitalised_by_position(word: Word, text: str) -> bool:
    """`Conservative talk radio host`: a word that is also ordinary lower-case English,
    capitalised only because it starts the sentence."""
    return (recogniser().is_ordinary(word.text) and bare(word.text) not in ORG_HEADS
            and not (len(word.text) > 1 and word.text.isupper())  # `US President`: an acronym, not `us`
            and sentence_initial(text, word.start))


def _capitalised_noun(word: Word | None) -> bool:
    """`Party` of `Democratic Party`: a capitalised word that is no title, after an adjective."""
    return word is not None and word.upper and not is_title_word(word.text)


def _owner_text(owner: list[Word], text: str) -> str | None:
    if not owner:
        return None
    words = owner
    while words and bare(words[0].text) in DETERMINERS:
        words = words[1:]
    if not words:
        return None
    if len(words) == 1 and words[0].name is not None and bare(words[0].text) in DEMONYMS:
        return DEMONYMS[bare(words[0].text)]
    while len(words) > 1 and words[0].name is None and is_title_word(words[0].text) \
            and bare(words[0].text) not in PORTFOLIOS:
        words = words[1:]  # `President Obama’s first budget director`: the owner is Obama
    return text[words[0].start:words[-1].end]


def _written(word: str) -> str:
    """A role word as the role shows it: abbreviations written out, `Former` in lower case."""
    word = expand(word)
    return word.lower() if word.lower() in STATUS else word


# -- before the name ------------------------------------------------------------


def role_before(text: str, name: Name, at: dict[int, Name]) -> Role | None:
    """Role from the title words written just before a name.

    `Iran’s Foreign Minister X` → ('Foreign Minister', 'Iran'); `Pentagon Press
    Secretary X` → ('Press Secretary', 'Pentagon'); `former Wisconsin Gov. X` →
    ('former Governor', 'Wisconsin'); `Secretary of State X` → ('Secretary of
    State', None).  The words run back from the name to a punctuation mark, a line
    break, a function word or a verb; the last role noun among them heads the role.
    """
    start = name.title_start if name.title_start >= 0 else name.start
    floor = max(0, start - TITLE_REACH)
    floor = max(floor, *(text.rfind(mark, floor, start) + 1 for mark in _BARRIERS))  # no title crosses these
    tokens = words_in(text, floor, name.start, at)
    taken: list[Word] = []
    for k in range(len(tokens) - 1, -1, -1):
        w = tokens[k]
        after = taken[0] if taken else None
        if "\n" in text[w.end:after.start if after else name.start]:
            break
        if w.text in POSSESSIVE and after is not None:
            taken.insert(0, w)
            continue
        if w.text == "of" and after is not None and after.upper and k and is_role_head(tokens[k - 1].text):
            taken.insert(0, w)  # Secretary of State
            continue
        if not _phrase_word(w) or _bare_verb(w.text) and (not _opens(tokens, k) or after is None or after.upper):
            break
        taken.insert(0, w)
    head = _last_head(taken)
    if head is None:
        return None
    taken = _nearest_title(taken, head)
    head = _last_head(taken)
    rest = taken[head + 1:]
    if rest and (rest[0].text != "of" or not all(w.upper for w in rest[1:])):
        return None  # the role noun does not reach the name
    if taken[head].upper:  # `the reason President Obama`: only title words go with a capitalised title
        keep = head
        while keep > 0 and (taken[keep - 1].upper or taken[keep - 1].name is not None
                            or is_title_word(taken[keep - 1].text) or taken[keep - 1].text in POSSESSIVE):
            keep -= 1
        taken = taken[keep:]
        head -= keep
        if not taken:
            return None
    role, owner, affiliation, _ = _front(taken[:head + 1], text)
    organization = owner or affiliation
    if not role:
        return None
    complement = " ".join(w.text for w in rest)
    if rest and organization is None:
        place = rest[-1]
        if not is_title_word(place.text):
            organization = text[rest[1].start:place.end]
    phrase = " ".join(role + ([complement] if complement else []))
    return Role(phrase, organization, taken[0].start, name.start)


_BARRIERS = (",", ";", ":", "\n", "“", "”", '"', "(", ")")


def _last_head(words: list[Word]) -> int | None:
    return max((k for k, w in enumerate(words) if w.name is None and is_role_head(w.text)), default=None)


def _nearest_title(words: list[Word], head: int) -> list[Word]:
    """`Republican presidential candidate Sen. Ted Cruz`: a lower-case role noun before a
    capitalised title is another description; the title next to the name is the role."""
    for k in range(head - 1, -1, -1):
        w = words[k]
        if (w.name is None and not w.upper and is_role_head(w.text) and bare(w.text) not in ROLE_MODIFIERS
                and words[k + 1].upper):
            return words[k + 1:]
    return words


def _opens(tokens: list[Word], k: int) -> bool:
    """Whether a verb-like word opens its noun phrase (`the talk radio host`,
    `conservative talk radio host`) rather than being the verb before it (`met`)."""
    if k == 0:
        return True
    before = tokens[k - 1].text
    low = before.lower()
    if before[:1].isupper():  # only an adjective capitalised at a sentence start: `Conservative talk radio`
        return low in EVALUATIVE or lexicon_tag(low) == "ADJ"
    return low in DETERMINERS or low in EVALUATIVE or word_tag(low) == "ADJ" or not low[0].isalnum()


# -- after the name ------------------------------------------------------------

_PARTY_TAG = re.compile(r"\s*\([^()\n]{1,30}\)")
COMMA = re.compile(r"\s*,\s*")
_AGE = re.compile(r"\d{1,3}\s*,\s*")
_WHO_HEADS = re.compile(r"\s*,\s*who\s+"
                        r"(?P<verb>heads|leads|runs|chairs|directs|founded|commands|represents|co-founded)\s+"
                        r"(?P<org>[^,;:.()“”\"\n]{2,80}?)\s*(?=,|;|\.|$)")
_WHO_IS = re.compile(r"\s*,\s*who\s+(?:is|was|has been|had been|serves as|served as|became)\s+(?:now\s+)?")
WHO_ROLE = {"heads": "head", "leads": "leader", "runs": "head", "chairs": "chair", "directs": "director",
            "founded": "founder", "co-founded": "co-founder", "commands": "commander",
            "represents": "representative"}


def role_after(text: str, name: Name, at: dict[int, Name]) -> Role | None:
    """Role from an apposition (`X, the leader of Y,`; a party tag or an age may come
    first) or a `who heads` clause right after a name."""
    pos = name.end
    tag = _PARTY_TAG.match(text, pos)
    if tag:
        pos = tag.end()
    m = _WHO_HEADS.match(text, pos, pos + 200)
    if m:
        org = m.group("org").strip()
        org_clean = org[4:] if org.lower().startswith("the ") else org
        return Role(f"{WHO_ROLE[m.group('verb')]} of {org_clean}", org_clean, m.start("verb"), m.end("org"))
    m = _WHO_IS.match(text, pos, pos + 200)
    if m:  # `Suckling, who is executive director of the Center for Biological Diversity`
        return role_phrase(text, m.end(), min(len(text), m.end() + MAX_REACH), at)
    m = COMMA.match(text, pos)
    if not m:
        return None
    start = m.end()
    age = _AGE.match(text, start)
    if age:
        start = age.end()
    found = role_phrase(text, start, min(len(text), start + MAX_REACH), at)
    if found is None or _verb_next(text, found.end):
        return None  # `Thursday, the president said`: a subject, not an apposition
    return found


def role_phrase(text: str, start: int, end: int, at: dict[int, Name], whole: bool = False) -> Role | None:
    """The role a noun phrase starting at `start` states (`the Pentagon's press secretary`,
    `a senior fellow at the Hoover Institution and a former ambassador` → `senior
    fellow`, Hoover Institution), or None when it names no position.  With whole, the
    phrase must take up all of text[start:end]."""
    line = text.find("\n", start, end)
    end = end if line < 0 else line  # a role never runs on into the next paragraph
    if not _head_ahead(text, start, end):
        return None
    words = words_in(text, start, end, at)
    i, n = 0, len(words)
    if n > 2 and words[0].text.lower() == "one" and words[1].text == "of":
        words = _one_of(words[2:])  # `one of the president's closest aides`: an aide
        n = len(words)
    while i < n and bare(words[i].text) in DETERMINERS | POSSESSIVE_DETERMINERS:
        i += 1
    front_start = i
    while i < n and (_phrase_word(words[i]) or words[i].text in POSSESSIVE or _joins(words, i)):
        i += 1
    front = words[front_start:i]
    head = max((k for k, w in enumerate(front) if w.name is None and is_role_head(w.text)), default=None)
    if head is None:
        return None
    if head + 1 < len(front):  # words after the last role noun: no complement can follow
        if any(not w.upper and w.text not in POSSESSIVE for w in front[head + 1:]):
            return None  # `the general election`, `the senator’s office`: the role noun is no head
        i = front_start + head + 1
    role, owner, affiliation, first = _front(front[:head + 1], text)
    if not role:
        return None
    role_text = _join_role(role, front[:head + 1], first, text)
    i, kept, lifted = _complements(words, i, text)
    if whole and i < n:
        return None
    if kept:
        role_text += " " + kept[0]
    # a name in front (`RNC committeeman from Arkansas`) > a lifted `at X` > an `of X` > party, country
    organization = owner or lifted or (kept[1] if kept else None) or affiliation
    last = words[i - 1].end if i else start
    return Role(role_text, organization, words[front_start].start, last)





_NEXT = re.compile(r"\s+([a-z’']+)")


def _verb_next(text: str, pos: int) -> bool:
    """Whether a verb follows pos directly (`the president said`, `the senator is`)."""
    m = _NEXT.match(text, pos)
    return bool(m) and (m.group(1) in VERB_FORMS or word_tag(m.group(1)) in ("VERB", "AUX")
                        and not m.group(1).endswith("ing"))  # `a lawyer representing the family`


_STOP = re.compile(r"[,;:()“”\"\n]|\.(?=\s+[A-Z]|\s*$)")


def _head_ahead(text: str, start: int, end: int) -> bool:
    """Whether a role noun comes before the first stop: a cheap test before reading a phrase."""
    stop = _STOP.search(text, start, end)
    until = end if stop is None else stop.end() if stop.group() == "." else stop.start()  # `Gov.` keeps its period
    return any(is_role_head(w) or is_role_head(w[:-1]) for w in text[start:until].split())  # `one of ... aides`


def _one_of(words: list[Word]) -> list[Word]:
    """The words after `one of`, the plural role noun among the first few made singular."""
    for k, w in enumerate(words[:7]):
        single = w.text[:-3] + "man" if w.text.endswith("men") else w.text[:-1] if w.text.endswith("s") else ""
        if single and w.name is None and is_role_head(single):
            return words[:k] + [Word(w.start, w.end, single)] + words[k + 1:]
    return words


def _joins(words: list[Word], i: int) -> bool:
    """`and` inside a role (`president and chairwoman`, `research and policy director`),
    not before a new noun phrase (`a lobbyist and a former congressman`)."""
    if words[i].text not in ("and", "&") or i + 1 >= len(words) or i == 0:
        return False
    nxt, prev = words[i + 1], words[i - 1]
    return not nxt.upper and _content(nxt.text) and (not prev.upper or _affiliation(prev.text))


def _affiliation(word: str) -> bool:
    """A party or nationality word, which may stand as a noun before `and` (`a Republican
    and former Virginia governor`)."""
    return bare(word) in PARTY_ADJECTIVES or bare(word) in DEMONYMS


def _join_role(role: list[str], front: list[Word], first: int, text: str) -> str:
    """The role words as one phrase; the text itself when nothing was lifted out of it."""
    span = front[first:]
    if all(w.name is None and (is_title_word(w.text) or not w.upper) and text[w.start:w.end] == w.text
           for w in span) and \
            not any(bare(w.text) in EVALUATIVE or w.text.endswith(".") for w in span):
        written = text[span[0].start:span[-1].end]
        return " ".join(_written(w) if k == 0 else w for k, w in enumerate(written.split()))
    return " ".join(role)


def _complements(words: list[Word], i: int, text: str) -> tuple[int, tuple[str, str | None] | None, str | None]:
    """Read `of`/`to` complements kept in the role, and an `at`/`for`/`with` + name one
    lifted out as the organisation: (next index, (kept text, its organisation), lifted)."""
    kept_start = kept_end = None
    kept_org = None
    n = len(words)
    while i < n:
        prep = words[i].text.lower()
        if prep not in KEPT_COMPLEMENTS and prep not in LIFTED_COMPLEMENTS:
            break
        j, org = _noun_phrase(words, i + 1, text)
        if j == i + 1:
            break
        if prep in KEPT_COMPLEMENTS or (org is None and prep in LOWER_COMPLEMENTS):
            kept_start = kept_start if kept_start is not None else words[i].start
            kept_end = words[j - 1].end
            kept_org = kept_org or org
            i = j
            continue
        if org is None:
            break
        kept = (text[kept_start:kept_end], kept_org) if kept_start is not None else None
        return j, kept, org
    kept = (text[kept_start:kept_end], kept_org) if kept_start is not None else None
    return i, kept, None


def _noun_phrase(words: list[Word], i: int, text: str) -> tuple[int, str | None]:
    """(end index, the first name in it) of the noun phrase starting at words[i]."""
    n, begin = len(words), i
    while i < n and bare(words[i].text) in DETERMINERS:
        i += 1
    run: list[Word] = []  # the first capitalised run: the organisation
    start = i
    while i < n:
        w = words[i]
        named = w.name is not None or w.upper and not _function(w) and not is_title_word(w.text)
        if (named or w.text in POSSESSIVE and run) and (not run or run[-1] is words[i - 1]):
            run.append(w)  # `University of Virginia’s Center for Politics`
        elif named or w.text in POSSESSIVE or w.upper and is_title_word(w.text):
            pass
        elif w.text in ("and", "&") and i > start and i + 1 < n and bare(words[i + 1].text) not in DETERMINERS \
                and _phrase_word(words[i + 1]):
            pass
        elif not w.upper and (_content(w.text) or w.text.endswith("ing") and w.text.isalpha()):
            pass  # `education organizing`
        else:
            break
        i += 1
    while i > start and words[i - 1].text in ("and", "&"):
        i -= 1  # `... Westwood Capital and` what follows is no part of it
    if i == start:
        return begin, None
    while run and run[-1].text in POSSESSIVE:
        run.pop()
    owned = [k for k, w in enumerate(run) if w.text in POSSESSIVE]
    if owned:
        run = run[owned[-1] + 1:]  # `Yemen’s Ansar Allah`: the body is the one owned
    if not run:
        return i, None
    return i, text[run[0].start:run[-1].end]


# -- an affiliation without a role ---------------------------------------------------

_OF = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?(?:\s+of\s+|\s*,\s*(?:from|at)\s+)(?:the\s+)?")
_OWNED = re.compile(r"(?P<owner>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)[’']s?\s+$")


def affiliation(text: str, name: Name, at: dict[int, Name], places: bool = False) -> str | None:
    """The body a name is given without a role: `William Seltzer of Fordham University`,
    `Sarah Jones, from the University of Leeds,`, `Twitter’s Adam Sharp`.  A place only with places (a titled name: `Senator Ben Cardin of
    Maryland`); otherwise `of <place>` is where someone lives."""
    m = _OF.match(text, name.end, name.end + 50)
    if m:
        body = at.get(m.end())
        if body is not None and (body.kind == "organization" or places and body.kind == "place"):
            return body.text
    m = _OWNED.search(text, max(0, name.start - 60), name.start) if _after_possessive(text, name.start) else None
    if m:
        body = at.get(m.start("owner"))
        if body is not None and body.kind == "organization" and body.end == m.end("owner"):
            return body.text
    return None


def _after_possessive(text: str, pos: int) -> bool:
    """A cheap test that `X’s ` ends right before pos, before searching for X."""
    end = pos
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end < pos and text.endswith(("’s", "'s", "’", "'"), 0, end)


# -- a description set before the name ---------------------------------------------

_OPENER = re.compile(r"(?:^|(?<=[\s(]))(?:the|a|an|The|A|An|[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*[’']s)\s+")
_FRONTED = re.compile(r"(?P<role>[^,;:.()“”\"\n]{2,80}?)\s*,\s*$")


def role_fronted(text: str, name: Name, at: dict[int, Name]) -> Role | None:
    """Role from a description set before the name: `the spokesman, Omar Haddad`,
    `Apple's chief executive, Tim Cook`; the description nearest the name."""
    floor = max(0, name.start - 90)
    for opener in reversed(list(_OPENER.finditer(text, floor, name.start))):
        m = _FRONTED.match(text, opener.end(), name.start)
        if m and has_role_head(m.group("role")):
            return role_phrase(text, opener.start(), m.end("role"), at, whole=True)
    return None
