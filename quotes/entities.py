"""Speakers as entities within one article.

Every name in the article becomes or joins an entity: `Hamidawi` and `Ahmad
“Abu Hussein” al-Hamidawi` are one person (canonical `Ahmad al-Hamidawi`,
aliases with the nickname and the surname), `Eric Trump` and `Donald Trump`
are two.  A quote's speaker mention is then resolved to an entity: a name
directly, a pronoun to the nearest compatible person or group before it, a
statement to its issuer, a definite description (`the spokesman`) to the
person given that role, and an unnamed source stays anonymous.  Roles and
organisations come from roles.py and follow the entity to later mentions.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from quotes.cues import CUE_NOUNS
from quotes.mentions import Mention
from quotes.names import Name, first_name_gender
from quotes.roles import ROLE_HEADS, role_after, role_before, role_fronted

HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "dr": None, "sen": None, "rep": None,
              "gov": None, "gen": None, "sir": "m", "lord": "m", "lady": "f", "dame": "f", "prof": None}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
PARTICLES = ("al-", "el-", "ad-", "as-", "ash-", "an-", "at-", "az-")
MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "we", "our"}
NEUTER = {"it", "its"}
ANONYMOUS_HEADS = {"source", "sources", "official", "officials", "aide", "aides", "person", "people",
                   "insider", "insiders", "diplomat", "diplomats", "resident", "residents", "witness",
                   "witnesses", "observer", "observers", "analyst", "analysts", "expert", "experts"}
ANTECEDENT_REACH = 2500  # characters a pronoun may look back for its antecedent
_TOKEN = re.compile(r"[\w’'.-]+")


@dataclass(slots=True)
class Entity:
    name: str
    kind: str  # person | organization | anonymous | unknown
    aliases: list[str] = field(default_factory=list)
    gender: str | None = None
    role: str | None = None
    organization: str | None = None
    tokens: tuple[str, ...] = ()  # folded name tokens, for matching


@dataclass(slots=True)
class Speaker:
    name: str | None
    kind: str
    role: str | None = None
    organization: str | None = None
    entity: Entity | None = None


def fold(word: str) -> str:
    word = unicodedata.normalize("NFKD", word)
    word = "".join(c for c in word if not unicodedata.combining(c)).lower().replace("’", "'")
    for particle in PARTICLES:
        if word.startswith(particle):
            word = word[len(particle):]
    return word.replace("-", "").replace("'", "").strip(".")


def _core(name: Name) -> tuple[str, str | None]:
    """(core name, gender from an honorific) of a name: no nickname, no `Mr.`/`Dr.`."""
    words = name.without_nickname.split()
    gender = HONORIFICS.get(name.title.lower().rstrip(".")) if name.title else None
    while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
        gender = gender or HONORIFICS[words[0].lower().rstrip(".")]
        words = words[1:]
    return " ".join(words), gender


class ArticleEntities:
    """The entities of one article, built from its names in reading order."""

    def __init__(self, text: str, names: list[Name]):
        self.text = text
        self.names = names
        self.entities: list[Entity] = []
        self.of_name: dict[int, Entity] = {}  # name start → entity
        for name in names:
            if name.kind in ("person", "organization"):
                self._add(name)

    def _add(self, name: Name) -> None:
        core, gender = _core(name)
        nickname = name.nickname or None
        tokens = _tokens(core)
        if not tokens:
            return
        entity = self._match(tokens, name.kind)
        if entity is None:
            entity = Entity(core, name.kind, tokens=tokens)
            self.entities.append(entity)
        elif len(tokens) > len(entity.tokens):
            entity.name, entity.tokens = core, tokens  # the fuller form is canonical
        for alias in (name.text, core, nickname, _surname(core) if entity.kind == "person" else None):
            if alias and alias not in entity.aliases:
                entity.aliases.append(alias)
        if entity.kind == "person":
            entity.gender = entity.gender or gender or first_name_gender(core.split()[0])
        if entity.role is None:
            found = (role_before(self.text, name, self.names) or role_after(self.text, name, self.names)
                     or role_fronted(self.text, name, self.names))
            if found:
                entity.role, entity.organization = found
        self.of_name[name.start] = entity

    def _match(self, tokens: tuple[str, ...], kind: str) -> Entity | None:
        """The entity a name refers to: same name, its surname alone, or a fuller form of it."""
        for entity in reversed(self.entities):
            if entity.tokens == tokens:
                return entity
        if kind != "person":
            return None
        for entity in reversed(self.entities):
            if entity.kind != "person":
                continue
            known = entity.tokens
            if len(tokens) == 1 and tokens[0] == known[-1]:
                return entity  # surname alone
            if known[-1] == tokens[-1] and (len(known) == 1 or known[0] == tokens[0]
                                            or known[0][:1] == tokens[0][:1] and len(known[0]) <= 2):
                return entity  # `Trump` then `Donald Trump`; middle names and initials differ
        return None

    def entity_at(self, name: Name | None) -> Entity | None:
        return self.of_name.get(name.start) if name is not None else None

    def resolve(self, mention: Mention) -> Speaker:
        if mention.kind == "name":
            entity = self.entity_at(mention.name) or self._match(_tokens(mention.text), "person")
            if entity is None:
                return Speaker(mention.text, "unknown")
            return _speaker(entity)
        if mention.kind == "pronoun":
            return self._pronoun(mention)
        return self._nominal(mention)

    def _named_in_apposition(self, mention: Mention) -> Entity | None:
        """The person a description stands in apposition to (`the spokesman, Omar Haddad`)."""
        return self.entity_at(_apposition_name(self.text, mention, self.names))

    def _pronoun(self, mention: Mention) -> Speaker:
        word = mention.head
        before = [n for n in self.names if n.end <= mention.start and mention.start - n.end <= ANTECEDENT_REACH]
        if word == "who":
            near = [n for n in before if mention.start - n.end <= 4]
            if near and self.entity_at(near[-1]):
                return _speaker(self.entity_at(near[-1]))
        wanted = "organization" if word in NEUTER else None
        for name in reversed(before):
            entity = self.entity_at(name)
            if entity is None:
                continue
            if word in MALE | FEMALE | {"who", "i"}:
                if entity.kind != "person":
                    continue
                if entity.gender and ((word in MALE and entity.gender == "f") or (word in FEMALE and entity.gender == "m")):
                    continue
                return _speaker(entity)
            if word in PLURAL or wanted:
                if entity.kind == "organization":
                    return _speaker(entity)
        return Speaker(None, "unknown")

    def _nominal(self, mention: Mention) -> Speaker:
        if mention.head in CUE_NOUNS:
            issuer = self.entity_at(mention.name)  # "a statement by the Islamic Resistance in Iraq"
            if issuer is not None:
                return _speaker(issuer)
            before = [n for n in self.names if n.end <= mention.start]  # "the statement said": its issuer
            for name in reversed(before[-6:]):
                entity = self.entity_at(name)
                if entity is not None:
                    return _speaker(entity)
            return Speaker(None, "unknown")
        named = self._named_in_apposition(mention)
        if named is not None:  # "the spokesman, Omar Haddad": the description is the name's
            return _speaker(named)
        words = mention.text.split()
        definite = words[0].lower() in ("the", "this", "that")
        if definite and mention.head in ROLE_HEADS:
            for entity in reversed(self.entities):  # "the spokesman" → the person given that role
                if entity.role and mention.head in entity.role.lower().split():
                    return _speaker(entity)
        organization = mention.name.text if mention.name is not None and mention.name.kind == "organization" else None
        words = _role_words(mention)
        if mention.head in ANONYMOUS_HEADS or not definite:
            label = "anonymous " + words if words == mention.head else words
            return Speaker(label, "anonymous", words if mention.head in ROLE_HEADS else None, organization)
        return Speaker(words, "unknown", None, organization)


def _tokens(name: str) -> tuple[str, ...]:
    """Folded name tokens, for matching forms of one name."""
    return tuple(t for t in (fold(w) for w in _TOKEN.findall(name)) if t and t not in SUFFIXES)


def _surname(core: str) -> str | None:
    """The form later references use: `Hossein Amir-Abdollahian` → `Amir-Abdollahian`."""
    words = [w for w in core.split() if w.lower().rstrip(".") not in SUFFIXES]
    return words[-1] if len(words) > 1 else None


def _apposition_name(text: str, mention: Mention, names: list[Name]) -> Name | None:
    m = _COMMA.match(text, mention.end)
    if not m:
        return None
    return next((n for n in names if n.start == m.end() and n.kind == "person"), None)


_COMMA = re.compile(r"\s*,\s*")


def _role_words(mention: Mention) -> str:
    """The nominal without its article and attached phrase: `a spokesman for Hamas` → `spokesman`."""
    words = mention.text.split()
    if words and words[0].lower() in ("a", "an", "the", "this", "that", "these", "those", "one", "another"):
        words = words[1:]
    out = []
    for w in words:
        out.append(w)
        if fold(w) == mention.head:
            break
    return " ".join(out) or mention.head


def _speaker(entity: Entity) -> Speaker:
    return Speaker(entity.name, entity.kind, entity.role, entity.organization, entity)
