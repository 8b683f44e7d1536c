"""Who is who across articles: normalising speaker names and deciding merges.

The parser names a speaker once per article ("Ahmad al-Hamidawi", "Hamidawi",
"Hossein Amirabdollahian").  The database wants one row per real speaker, so
names from different articles are compared here:

* the same kind only: a person never merges with an organisation;
* organisations: the same name once case, accents, punctuation and a leading
  "the" are ignored ("The Pentagon" = "Pentagon", "U.S. Army" = "US Army");
* people: the same surname and compatible given names.  A surname alone
  ("Hamidawi") is compatible with any given name, an initial with any given
  name starting with that letter, and spelling variants compare equal
  (Amir-Abdollahian = Amirabdollahian = Amir Abdollahian, al-Hamidawi =
  Hamidawi, Hussein = Husein).  Different given names never merge, so
  "Ali al-Hamidawi" and "Ahmad al-Hamidawi" stay two people, and a surname
  shared by two known people is ambiguous and merges with neither.

Everything is pure Python over strings; `SpeakerIndex` holds the names already
known (from the database) and answers "which speaker is this name?".
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

PERSON = "person"
ORGANIZATION = "organization"
# Kinds that name a real speaker; "anonymous" ("a senior official") does not.
NAMED_KINDS = (PERSON, ORGANIZATION, "unknown")

# Particles joined to a surname ("al-Hamidawi", "Ahmad al Hamidawi", "de Gaulle"):
# they are dropped, so the surname alone ("Hamidawi") compares equal.
PARTICLES = frozenset(
    "al el ad an ar as ash at az ul bin ibn ben da de del della der di du la le van von".split()
)
# Titles and honorifics written before a name ("Mr. Hamidawi", "Foreign Minister
# Hossein Amir-Abdollahian"); dropped from the front of a person's name.
TITLES = frozenset(
    """mr mrs ms miss mx dr prof professor sir dame lord lady sen senator rep representative
    gov governor gen general col colonel maj major capt captain lt lieutenant sgt sergeant
    adm admiral cmdr commander president pres vice deputy prime foreign defence defense interior
    finance minister secretary chancellor premier king queen prince princess sheikh shaikh
    rev reverend father imam ayatollah judge justice mayor chief ambassador spokesman
    spokeswoman spokesperson former acting""".split()
)
_DROPPED = re.compile("[.'’‘`ʼ′]")  # apostrophes and dots: O'Neill = ONeill, U.S. = US
_DASH = re.compile("[-‐‑‒–—―]+")
_SEPARATOR = re.compile(r"[^\w\-‐‑‒–—―]+")
# Transliteration variants folded to one spelling, applied after doubled
# letters are collapsed: Youssef/Yusef, Mostafa/Moustafa, Sergey/Sergei.
_FOLDS = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("ey", "ei"), ("ph", "f"), ("ck", "k"), ("q", "k"))


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
    return "".join(re.findall(r"\w", strip_accents(text).casefold()))


def fold(word: str) -> str:
    """One spelling for transliteration variants of a word."""
    word = re.sub(r"(.)\1+", r"\1", word)
    for a, b in _FOLDS:
        word = word.replace(a, b)
    return word


@dataclass(frozen=True, slots=True)
class Name:
    """A speaker name reduced to what identity depends on."""

    kind: str
    tokens: tuple[str, ...]  # folded words, titles and particles removed

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
    words = _words(text, drop_particles=kind == PERSON)
    if kind == PERSON:
        while len(words) > 1 and words[0] in TITLES:
            words = words[1:]
        words = [w for i, w in enumerate(words) if i == 0 or w not in PARTICLES]
    elif words and words[0] == "the":
        words = words[1:]
    tokens = tuple(fold(w) for w in words)
    return Name(kind, tokens) if tokens else None


def _given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Given names agree word by word as far as both go; an initial agrees
    with any word starting with it; no given name agrees with any."""
    for x, y in zip(a, b):
        if x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
            continue
        return False
    return True


def same_speaker(a: Name, b: Name) -> bool:
    """Could these two names, seen in different articles, be the same speaker?"""
    if a.kind != b.kind:
        return False
    if a.compact == b.compact:
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


def canonical_name(forms: dict[str, int]) -> str:
    """The name to show for a speaker among the forms the parser gave
    (form -> number of quotes): the fullest, then the most used, then the first
    in alphabetical order."""
    return min(forms, key=lambda f: (-len(_words(f)), -forms[f], f))


class SpeakerIndex:
    """Known speakers by their aliases, to resolve a new name to a speaker id.

    A name belongs to a speaker when it is one of the speaker's names (same
    compact form) or agrees with every name known for the speaker, so a
    surname that has been merged into "Ali al-Hamidawi" never pulls in
    "Ahmad al-Hamidawi" later.
    """

    def __init__(self) -> None:
        self._names: dict[str, set[Name]] = defaultdict(set)  # speaker id -> names
        self._ids: dict[tuple[str, str], set[str]] = defaultdict(set)  # (kind, surname or compact) -> ids

    def __contains__(self, speaker_id: str) -> bool:
        return speaker_id in self._names

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, str]]) -> SpeakerIndex:
        """From (speaker id, kind, alias) rows."""
        index = cls()
        for speaker_id, kind, alias in rows:
            index.add(speaker_id, kind, alias)
        return index

    @staticmethod
    def _keys(name: Name) -> set[tuple[str, str]]:
        return {(name.kind, name.compact), *((name.kind, surname) for _, surname, _ in name.splits())}

    def add(self, speaker_id: str, kind: str, alias: str) -> None:
        name = parse_name(alias, kind)
        if name is None:
            return
        self._names[speaker_id].add(name)
        for key in self._keys(name):
            self._ids[key].add(speaker_id)

    def remove(self, speaker_id: str) -> None:
        for name in self._names.pop(speaker_id, ()):
            for key in self._keys(name):
                self._ids[key].discard(speaker_id)

    def _belongs(self, name: Name, speaker_id: str) -> bool:
        known = self._names[speaker_id]
        return any(n.compact == name.compact for n in known) or all(same_speaker(name, n) for n in known)

    def _candidates(self, name: Name) -> list[str]:
        ids = set().union(*(self._ids.get(key, ()) for key in self._keys(name)))
        return sorted(i for i in ids if self._belongs(name, i))

    def resolve(self, text: str, kind: str) -> str | None:
        """The id of the one known speaker this name belongs to, or None when
        there is none or it could be more than one (a shared surname)."""
        name = parse_name(text, kind)
        if name is None:
            return None
        found = self._candidates(name)
        if len(found) > 1:
            # A speaker known by exactly this name wins, e.g. the surname-only
            # "Hamidawi" kept apart because two Hamidawis were known.
            found = [i for i in found if any(n.compact == name.compact for n in self._names[i])]
        return found[0] if len(found) == 1 else None

    def matches(self, text: str, kinds: Iterable[str] = NAMED_KINDS) -> list[str]:
        """Ids of every speaker, of any of the kinds, that this name could mean
        (for a user's look-up by surname or another spelling)."""
        found: set[str] = set()
        for kind in kinds:
            name = parse_name(text, kind)
            if name is not None:
                found.update(self._candidates(name))
        return sorted(found)
