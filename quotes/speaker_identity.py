"""Who is who across articles: normalising speaker names and deciding merges.

The parser names a speaker once per article, with every surface form that
article uses ("Ahmad “Abu Hussein” al-Hamidawi", "Hamidawi", "Abu Hussein").
The database wants one row per real speaker, so names from different articles
are compared here:

* the same kind only: a person never merges with an organisation;
* a form one article gave for a speaker (a nickname, a surname, an acronym it
  defined such as "IDF") names that speaker in other articles too, when no
  other known speaker has that form;
* organisations: the same name once case, accents, punctuation and a leading
  "the" are ignored ("The Pentagon" = "Pentagon", "U.S. Army" = "US Army",
  "Kata’ib Hezbollah" = "Kataib Hezbollah");
* people: the same surname and compatible given names, titles and particles
  left out ("Rear Admiral John Kirby" = "Mr. Kirby" = "John Kirby").  A
  surname alone is compatible with any given name, an initial with any given
  name starting with that letter, and hyphenated or joined spellings compare
  equal (Amir-Abdollahian = Amirabdollahian = Amir Abdollahian).  Different
  given names never merge, so "Joe Biden" and "Hunter Biden" stay two people,
  and a surname shared by two known people merges with neither;
* transliteration: one long word may differ in its vowels (Saree / Saria,
  Hossein / Hussein, Osama / Usama) when every other word agrees exactly;
  a single word never merges on vowels alone.

Everything is pure Python over strings; `SpeakerIndex` holds the names already
known (from the database) and answers "which speaker is this?".
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

PERSON = "person"
ORGANIZATION = "organization"
UNKNOWN = "unknown"
# Kinds that name a real speaker; "anonymous" ("a senior official") does not.
NAMED_KINDS = (PERSON, ORGANIZATION, UNKNOWN)

# Particles joined to a surname ("al-Hamidawi", "Ahmad al Hamidawi", "de Gaulle"):
# they are dropped, so the surname alone ("Hamidawi") compares equal.
PARTICLES = frozenset(
    "al el ad an ar as ash at az ul bin ibn ben da de del della der di du la le van von".split()
)
# Titles, ranks and offices written before a name ("Mr. Hamidawi", "Rear Admiral
# John Kirby", "Foreign Minister Hossein Amir-Abdollahian"); dropped from a
# person's name wherever they come before the surname.
TITLES = frozenset(
    """mr mrs ms miss mx dr prof professor sir dame lord lady sen senator rep representative
    congressman congresswoman gov governor gen general col colonel maj major capt captain lt
    lieutenant sgt sergeant cpl corporal pvt private adm admiral rear brig brigadier field marshal
    air commodore cmdr commander officer president pres vice deputy prime foreign defence defense
    interior finance minister secretary press chancellor premier king queen prince princess crown
    emir sheikh shaikh rev reverend father pope cardinal bishop rabbi imam ayatollah judge justice
    attorney mayor chief ambassador envoy spokesman spokeswoman spokesperson former acting""".split()
)
_DROPPED = re.compile("[.'’‘`ʼ′]")  # apostrophes and dots: O'Neill = ONeill, U.S. = US
_DASH = re.compile("[-‐‑‒–—―]+")
_SEPARATOR = re.compile(r"[^\w\-‐‑‒–—―]+")
# A nickname in quotation marks or a parenthesis inside a name: Ahmad “Abu
# Hussein” al-Hamidawi, Israel Defense Forces (IDF).  Left out of the name.
_ASIDE = re.compile(r"\s*(?:“[^”]*”|\"[^\"]*\"|‘[^’]*’|\([^)]*\))\s*")
# Everything up to a possessive before a person's name: "Iran’s Foreign Minister ...".
_POSSESSOR = re.compile(r"^.*\b\w+['’]s\s+", re.S)
_WORD_CHARACTER = re.compile(r"\w")
_DOUBLED = re.compile(r"(.)\1+")  # a letter written twice: Youssef/Yousef
_DOUBLED_CONSONANT = re.compile(r"([^aeiou])\1+")
# Transliteration variants folded to one spelling, applied after doubled
# letters are collapsed: Youssef/Yusef, Mostafa/Moustafa, Sergey/Sergei.
# `loose` folds only the consonants, as it puts the vowels in classes.
_CONSONANT_FOLDS = (("ph", "f"), ("ck", "k"), ("q", "k"))
_FOLDS = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("ey", "ei")) + _CONSONANT_FOLDS

# Looser still, for one long word when the others agree: runs of vowels that
# transliterations write differently fall into three classes.  A word's first
# vowel only varies as o/u (Osama/Usama; Ellen is not Allen) and a final "e"
# not at all (Jane is not Jana); "ie" stays itself (Marie is not Maria).
_VOWEL_RUN = re.compile("[aeiou]+")
_VOWEL_CLASS = {
    "a": "A", "aa": "A", "e": "A",
    "i": "I", "ii": "I", "ee": "I", "ia": "I",
    "o": "U", "u": "U", "oo": "U", "ou": "U", "uu": "U",
}
_FIRST_VOWEL_CLASS = {"o": "U", "u": "U", "oo": "U", "ou": "U"}
LOOSE_MIN_LENGTH = 5


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _words(text: str, drop_particles: bool = False) -> list[str]:
    """Lower-case words without accents or apostrophes and dots; a hyphen joins
    its parts ("Amir-Abdollahian" -> "amirabdollahian").  With drop_particles a
    leading particle goes first ("al-Hamidawi" -> "hamidawi")."""
    text = _DROPPED.sub("", strip_accents(text).casefold())
    out = []
    for chunk in _SEPARATOR.split(text):
        parts = [p for p in _DASH.split(chunk) if p]
        while drop_particles and len(parts) > 1 and parts[0] in PARTICLES:
            parts = parts[1:]
        if parts and not "".join(parts).isdigit():
            out.append("".join(parts))
    return out


def alias_key(text: str) -> str:
    """The key stored next to each alias for simple matching in SQL: lower case,
    no accents, no spaces or punctuation ("Amir-Abdollahian" -> "amirabdollahian")."""
    return "".join(_WORD_CHARACTER.findall(strip_accents(text).casefold()))


def fold(word: str) -> str:
    """One spelling for transliteration variants of a word."""
    word = _DOUBLED.sub(r"\1", word)
    for a, b in _FOLDS:
        word = word.replace(a, b)
    return word


def loose(word: str) -> str:
    """A word with its vowels reduced to classes, for comparing transliterations
    of one long word ("saree" and "saria" -> "sArI"); a short word stays folded,
    as vowels are most of what tells short names apart."""
    if len(word) < LOOSE_MIN_LENGTH:
        return fold(word)
    word = _DOUBLED_CONSONANT.sub(r"\1", word)
    for a, b in _CONSONANT_FOLDS:
        word = word.replace(a, b)

    def vowel_class(m: re.Match) -> str:
        run = m.group()
        if m.start() == 0:
            return _FIRST_VOWEL_CLASS.get(run, run)
        if m.end() == len(word) and run == "e":
            return run
        return _VOWEL_CLASS.get(run, run)

    return _VOWEL_RUN.sub(vowel_class, word)


@dataclass(frozen=True, slots=True)
class Name:
    """A speaker name reduced to what identity depends on."""

    kind: str
    tokens: tuple[str, ...]  # folded words, titles and particles removed
    loose: tuple[str, ...]  # the same words with their vowels in classes (see `loose`)

    @property
    def compact(self) -> str:
        return "".join(self.tokens)

    def splits(self) -> Iterable[tuple[tuple[str, ...], str, bool]]:
        """(given names, surname, joined) readings: the last word, or the last
        two written apart ("Amir Abdollahian" = "Amirabdollahian"; joined)."""
        if self.tokens:
            yield self.tokens[:-1], self.tokens[-1], False
        if len(self.tokens) >= 2 and min(len(t) for t in self.tokens[-2:]) > 1:
            yield self.tokens[:-2], "".join(self.tokens[-2:]), True


def parse_name(text: str | None, kind: str) -> Name | None:
    """The Name of a speaker as written, or None when nothing name-like is left."""
    if not text:
        return None
    bare = _ASIDE.sub(" ", text).strip()
    if _words(bare):
        text = bare
    if kind == PERSON:
        text = _POSSESSOR.sub("", text) or text
    words = _words(text, drop_particles=kind == PERSON)
    if kind == PERSON:
        words = [w for i, w in enumerate(words) if i == len(words) - 1 or w not in TITLES]
        words = [w for i, w in enumerate(words) if i == 0 or w not in PARTICLES]
    elif words and words[0] == "the":
        words = words[1:]
    if not words:
        return None
    return Name(kind, tuple(fold(w) for w in words), tuple(loose(w) for w in words))


def _given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Given names agree word by word from the first, or from the last (so a
    rank or role left in front, "Pentagon John Kirby", does not matter); an
    initial agrees with any word starting with it; no given name agrees with any."""

    def agree(xs, ys) -> bool:
        return all(x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))
                   for x, y in zip(xs, ys))

    return agree(a, b) or agree(reversed(a), reversed(b))


def _loosely_equal(a: Name, b: Name) -> bool:
    """Every word but one the same, and that one long and the same but for
    transliterated vowels (Yahya Saree / Yahya Saria)."""
    if len(a.tokens) != len(b.tokens) or len(a.tokens) < 2:
        return False
    differ = [i for i, (x, y) in enumerate(zip(a.tokens, b.tokens)) if x != y]
    if len(differ) != 1:
        return False
    return a.loose[differ[0]] == b.loose[differ[0]]


def same_speaker(a: Name, b: Name) -> bool:
    """Could these two names, seen in different articles, be the same speaker?"""
    if a.kind != b.kind:
        return False
    if a.compact == b.compact or _loosely_equal(a, b):
        return True
    if a.kind != PERSON:
        return False
    return any(
        sa == sb and not (ja and jb) and _given_compatible(ga, gb)
        for ga, sa, ja in a.splits()
        for gb, sb, jb in b.splits()
    )


def is_proper_name(text: str | None) -> bool:
    """Does text name someone, with a capital letter (or letters of a script
    without case), rather than describe them ("the city", "officials", "he")?"""
    return bool(text) and any(c.isupper() or (c.isalpha() and c.lower() == c.upper()) for c in text)


def is_alias(mention: str | None, name: str | None, kind: str) -> bool:
    """Is the mention as written ("Hamidawi", "the Islamic Resistance in Iraq")
    a form of the speaker's name (and not "he" or "a statement by ...")?"""
    if not name or not is_proper_name(mention):
        return False
    m, n = parse_name(mention, kind), parse_name(name, kind)
    return m is not None and n is not None and same_speaker(m, n)


_DEFINED_ACRONYM = re.compile(r"^(?P<name>.*\w.*?)\s*\((?P<acronym>[A-Z][A-Z0-9&.\-]{1,9})\)\s*$")


def written_forms(alias: str) -> list[str]:
    """An alias and the forms written inside it: "Israel Defense Forces (IDF)"
    is also "Israel Defense Forces" and "IDF", the acronym the text defines."""
    m = _DEFINED_ACRONYM.match(alias.strip())
    return [alias, m["name"], m["acronym"]] if m else [alias]


def canonical_name(forms: dict[str, int]) -> str:
    """The name to show for a speaker among the forms the parser gave
    (form -> number of quotes): the fullest, then the most used, then the first
    in alphabetical order."""
    return min(forms, key=lambda f: (-len(_words(f)), -forms[f], f))


def _fullness(name: Name) -> tuple:
    return -len(name.tokens), -len(name.compact), name.compact


class SpeakerIndex:
    """Known speakers by their aliases, to resolve a new name to a speaker id.

    A name belongs to a known speaker when it is exactly one of its aliases
    (compared as folded words, so "Mr. Hamidawi" is the alias "Hamidawi") or
    agrees with the speaker's fullest alias, its reference name: so a surname
    merged into "Ali al-Hamidawi" never pulls in "Ahmad al-Hamidawi" later, and
    a nickname ("Abu Hussein") only ever matches itself.
    """

    def __init__(self) -> None:
        self._aliases: dict[str, dict[str, Name]] = defaultdict(dict)  # id -> alias compact -> Name
        self._ids: dict[tuple[str, str], set[str]] = defaultdict(set)  # (kind, look-up key) -> ids

    def __contains__(self, speaker_id: str) -> bool:
        return speaker_id in self._aliases

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, str]]) -> SpeakerIndex:
        """From (speaker id, kind, alias) rows."""
        index = cls()
        for speaker_id, kind, alias in rows:
            index.add(speaker_id, kind, alias)
        return index

    @staticmethod
    def _keys(name: Name) -> set[tuple[str, str]]:
        keys = {(name.kind, name.compact), (name.kind, "~" + "".join(name.loose))}
        keys.update((name.kind, surname) for _, surname, _ in name.splits())
        if name.kind == PERSON:
            keys.add((name.kind, "~" + name.loose[-1]))
        return keys

    def add(self, speaker_id: str, kind: str, alias: str) -> None:
        name = parse_name(alias, kind)
        if name is None:
            return
        self._aliases[speaker_id][name.compact] = name
        for key in self._keys(name):
            self._ids[key].add(speaker_id)

    def remove(self, speaker_id: str) -> None:
        for name in self._aliases.pop(speaker_id, {}).values():
            for key in self._keys(name):
                self._ids[key].discard(speaker_id)

    def reference(self, speaker_id: str) -> Name:
        """The speaker's fullest alias, which a new name must agree with."""
        return min(self._aliases[speaker_id].values(), key=_fullness)

    def _exact(self, name: Name, speaker_id: str) -> bool:
        return name.compact in self._aliases[speaker_id]

    def _belongs(self, name: Name, speaker_id: str) -> bool:
        return self._exact(name, speaker_id) or same_speaker(name, self.reference(speaker_id))

    def _candidates(self, name: Name) -> list[str]:
        ids = set().union(*(self._ids.get(key, ()) for key in self._keys(name)))
        return sorted(i for i in ids if self._belongs(name, i))

    def _one_of(self, name: Name, found: list[str]) -> str | None:
        if len(found) > 1:
            # A speaker known by exactly this name wins, e.g. the surname-only
            # "Hamidawi" kept apart because two Hamidawis were known.
            found = [i for i in found if self.reference(i).compact == name.compact]
        return found[0] if len(found) == 1 else None

    def resolve(self, text: str, kind: str) -> str | None:
        """The id of the one known speaker this name belongs to, or None when
        there is none or it could be more than one (a shared surname)."""
        name = parse_name(text, kind)
        return None if name is None else self._one_of(name, self._candidates(name))

    def resolve_speaker(self, name: str, kind: str, aliases: Iterable[str] = ()) -> str | None:
        """The known speaker an article's speaker is: by its name as `resolve`
        does, else by another form the article used for it (a nickname, an
        acronym it defined) that exactly one known speaker has, unless the two
        full names are different people (Hunter Biden's "Biden" is not Joe's).

        A name of kind "unknown" (the parser could not tell) may be the one
        person or organisation of that name, and a person or an organisation
        may be the one speaker of unknown kind; a person never an organisation."""
        aliases = list(aliases)
        found, ambiguous = self._resolve_as(name, kind, aliases)
        if found is not None or ambiguous:
            return found
        others = (PERSON, ORGANIZATION) if kind == UNKNOWN else (UNKNOWN,) if kind in NAMED_KINDS else ()
        ids = set()
        for other in others:
            found, ambiguous = self._resolve_as(name, other, aliases)
            if ambiguous:
                return None
            if found is not None and not self._kinds(found) - {kind, other, UNKNOWN}:
                ids.add(found)
        return ids.pop() if len(ids) == 1 else None

    def _kinds(self, speaker_id: str) -> set[str]:
        """The kinds a speaker has been named under (a person's unknown-kind
        mentions must not make it reachable by an organisation)."""
        return {name.kind for name in self._aliases[speaker_id].values()}

    def _resolve_as(self, name: str, kind: str, aliases: list[str]) -> tuple[str | None, bool]:
        """(speaker id or None, whether more than one speaker of this kind fits)."""
        own = parse_name(name, kind)
        if own is None:
            return None, False
        by_name = self._candidates(own)
        by_alias: set[str] = set()
        for alias in aliases:
            form = parse_name(alias, kind)
            if form is not None and form.compact != own.compact:
                by_alias.update(i for i in self._ids.get((kind, form.compact), ()) if self._exact(form, i))
        by_alias = {i for i in by_alias if not self._conflicts(own, self.reference(i))}
        if by_name:
            found = self._one_of(own, by_name)
            if found is None and len(by_name) > 1:
                narrowed = [i for i in by_name if i in by_alias]
                found = narrowed[0] if len(narrowed) == 1 else None
            return found, found is None
        if len(by_alias) > 1:
            return None, True
        return (next(iter(by_alias)) if by_alias else None), False

    @staticmethod
    def _conflicts(a: Name, b: Name) -> bool:
        """Two full names (two words or more) that are not the same speaker."""
        return len(a.tokens) > 1 and len(b.tokens) > 1 and not same_speaker(a, b)

    def matches(self, text: str, kinds: Iterable[str] = NAMED_KINDS) -> list[str]:
        """Ids of every speaker, of any of the kinds, that this name could mean
        (for a user's look-up by surname or another spelling)."""
        found: set[str] = set()
        for kind in kinds:
            name = parse_name(text, kind)
            if name is not None:
                found.update(self._candidates(name))
        return sorted(found)
