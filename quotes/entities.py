"""Speakers as entities within one article.

Every person or organisation name in the article becomes or joins an entity:
`Hamidawi` and `Ahmad “Abu Hussein” al-Hamidawi` are one person (canonical
`Ahmad al-Hamidawi`, aliases with the nickname and the surname; name_forms.py
reads the forms), `Eric Trump` and `Donald Trump` are two, and a person never
joins an organisation.  A quote's speaker mention is then resolved to an entity:
a name directly, a pronoun or a description through coreference.py, a statement,
report or ad through issuers.py, and an unnamed source stays anonymous.  Roles
and organisations come from roles.py and follow the entity to later mentions.

Kinds.  The name classifier types names out of context; an entity also weighs
what the article says around them.  A name typed `other` (or a place, or a
body) is a person when it has a title or honorific, a role in apposition or a
`who` clause, a known first name, when it is the subject of a reporting verb,
or when it bears the surname of a person in the article (`Mr. King` with `Larry
King`).  Party members as a body (`Democrats`, `House Republicans`) are an
organisation, never a `she`; a people (`Iranians`) or a day is no speaker.
Gender comes from a first name, an honorific or a role noun, else from the he
or she right after the person's names.

Shared surnames.  A bare surname (`Clinton`) that more than one person in the
article bears goes, in this order, to (1) the one whose title it carries
(`President Clinton`); (2) the one whose gender an honorific or the pronoun
right after it gives (`Mrs. Clinton`, `Clinton said she`); (3) the one named in
the current or the previous paragraph, the latest if several; (4) else the most
salient one, mentioned most often so far (ties: the latest).  News style names
the less salient namesake in full when it comes back, so salience wins at a
distance and recency wins nearby.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from functools import cached_property

from quotes import coreference, issuers
from quotes.coreference import ORG_CLASS_NOUNS, reports, role_words
from quotes.mentions import head_class, Mention
from quotes.name_forms import (
    acronym, acronym_of, core_name, fold, forms_of_one_name, fuller, name_tokens, split_headlines, surname,
)
from quotes.names import ORG_HEADS, Name, first_name_gender, name_head
from quotes.roles import Role, affiliation, role_after, role_before, role_fronted, role_phrase
from quotes.titles import (
    CALENDAR, DEMONYMS, HONORIFICS, PARTY_ADJECTIVES, PARTY_PLURALS, ROLE_GENDER, ROLE_HEADS, STATE_ABBREVIATIONS, bare,
    expand, is_role_head, party_word,
)

__all__ = ["ArticleEntities", "Entity", "Speaker", "fold"]

ORG_SUFFIXES = {"inc", "corp", "co", "ltd", "llc", "plc", "lp", "llp"}
ANONYMOUS_HEADS = {"source", "sources", "official", "officials", "aide", "aides", "person", "people",
                   "insider", "insiders", "diplomat", "diplomats", "resident", "residents", "witness",
                   "witnesses", "observer", "observers", "analyst", "analysts", "expert", "experts"}
POSSESSIVE_SUBJECT = {"his": "he", "her": "she", "their": "they", "its": "it"}
PARTY_LETTERS = {"D": "democratic", "R": "republican"}
_PRONOUN_AFTER = re.compile(r"\b(he|his|him|she|her)\b", re.I)
_PLAIN_GAP = re.compile(r"(?:\s*,)?(?:\s+(?!(?:the|a|an|his|her|their)\b)[a-z’']+){0,3}\s+")
_GENDERED = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f"}
_COMMA_OR_TAG = re.compile(r"\s*[,(]")
_PARTY_TAG = re.compile(r"\s*\(([DRI])-([A-Z][\w.]*)\)")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+(?:\d{4}\s+)?$")
_WHO = re.compile(r"\s*,\s*who\b")
_WORD_CHARS = "_’'.-"


@dataclass(slots=True)
class Entity:
    name: str
    kind: str  # person | organization | anonymous | unknown
    aliases: list[str] = field(default_factory=list)
    gender: str | None = None  # from a first name, honorific or role noun, else the pronouns
    role: str | None = None
    organization: str | None = None
    tokens: tuple[str, ...] = ()  # folded name tokens, for matching
    mentions: int = 0  # name mentions so far: salience
    last: int = -1  # offset of the latest name mention
    positions: list[int] = field(default_factory=list)  # offsets of its name mentions
    heads: set[str] = field(default_factory=set)  # role nouns it is given anywhere (`senator`)
    words: set[str] = field(default_factory=set)  # folded words of its roles, organisations and names
    pronouns: list[int] = field(default_factory=lambda: [0, 0])  # he, she right after its names
    known_gender: bool = False  # gender from the name or a role, not from pronouns

    def note_role(self, role: str | None, organization: str | None) -> None:
        """Keep the first role the article gives, with its organisation (an organisation
        given alone, `X of Fordham University`, holds until a role comes with its own)."""
        if self.role is None and role:
            self.role, self.organization = role, organization or self.organization
        elif self.organization is None and self.role is None:
            self.organization = organization
        role = role or ""
        for word in role.split():
            if is_role_head(word):
                self.heads.add(fold(_expanded_head(word)))
            gender = ROLE_GENDER.get(word.lower())
            if gender and not self.known_gender:
                self.gender, self.known_gender = gender, True
        self.words.update(fold(w) for w in (role + " " + (organization or "")).split())


@dataclass(slots=True)
class Speaker:
    name: str | None
    kind: str
    role: str | None = None
    organization: str | None = None
    entity: Entity | None = None


class ArticleEntities:
    """The entities of one article, built from its names in reading order."""

    def __init__(self, text: str, names: list[Name]):
        self.text = text
        self.names = names
        self.at = {n.start: n for n in names}
        self.starts = [n.start for n in names]
        self.ends = [n.end for n in names]
        self.paragraph_starts = [m.end() for m in re.finditer(r"\n\s*\n|\n", text)]
        self.entities: list[Entity] = []
        self.of_name: dict[int, Entity] = {}  # name start → entity
        self.by_alias: dict[str, Entity] = {}
        self.canonical: dict[tuple[str, tuple[str, ...]], Entity] = {}  # (kind, canonical tokens) → entity
        prepared = [(name, *core_name(name)) for name in split_headlines(names)]
        # surnames of names that are people whatever their context: `Sean Hannity` typed
        # `other` is the person `Hannity` is, wherever either comes first
        self.surnames = {fold(core.split()[-1]) for name, core, _ in prepared
                         if core and (_plainly_person(name, core) or self._speaks(name))}
        for name, core, gender in prepared:
            self._add(name, core, gender)
        coreference.roles_from_descriptions(self)

    def entity_at(self, name: Name | None) -> Entity | None:
        return self.of_name.get(name.start) if name is not None else None

    def paragraph(self, pos: int) -> int:
        return bisect_right(self.paragraph_starts, pos)

    @cached_property
    def issued(self) -> dict[str, list[tuple[int, Entity]]]:
        """Who issued each document the article names (issuers.py): read once, when a quote
        first needs it."""
        return issuers.issued(self)

    # -- building ----------------------------------------------------------------

    def _add(self, name: Name, core: str, gender: str | None) -> None:
        tokens = name_tokens(core)
        if not tokens:
            return
        role = None
        kind = self._kind(name, core, tokens)
        if kind is None and (name.kind == "other" or name.kind == "place" and len(tokens) > 1):
            role = self._role(name)
            # `Ahmad al-Rashid, the leader of ...`; a one-word name so described may be a date or a place
            kind = "person" if role is not None and role.role and len(tokens) > 1 else None
        if kind is None:
            return
        entity = self._match(tokens, kind, name, gender)
        if kind == "person" and role is None and (entity is None or entity.role is None or name.title):
            role = self._role(name)
        if entity is None:
            entity = Entity(core, kind, tokens=tokens)
            self.entities.append(entity)
            self.canonical[(kind, tokens)] = entity
        elif fuller(core, tokens, entity.name, entity.tokens):
            entity.name, entity.tokens = core, tokens  # the fuller form is canonical
            self.canonical[(kind, tokens)] = entity
        for alias in (name.text, core, name.nickname or None, surname(core) if kind == "person" else None):
            if alias and alias not in entity.aliases:
                entity.aliases.append(alias)
            if alias:
                self.by_alias.setdefault(alias, entity)
        entity.mentions += 1
        entity.last = name.start
        entity.positions.append(name.start)
        entity.words.update(tokens)
        if kind == "person":
            self.surnames.add(tokens[-1])  # `Devine` typed a body after `Tad Devine, Sanders' adviser`
            given = first_name_gender(core) if len(tokens) > 1 else None  # `Clinton` alone is no first name
            self._note_gender(entity, gender or given, name)
            self._note_titles(entity, name)
        if role is not None:
            entity.note_role(role.role, role.organization)
        self.of_name[name.start] = entity

    def _role(self, name: Name) -> Role | None:
        """The role the article gives a name where it stands, reading only where a role can be."""
        text = self.text
        found = None
        if name.title_start >= 0 or _words_before(text, name.start):
            found = role_before(text, name, self.at)
        if found is None and _COMMA_OR_TAG.match(text, name.end):
            found = role_after(text, name, self.at)
        if found is None and text[max(0, name.start - 3):name.start].rstrip().endswith(","):
            found = role_fronted(text, name, self.at)
        if found is None or found.organization is None:
            body = affiliation(text, name, self.at, places=found is not None)
            if body is not None:
                found = Role(found.role if found else None, body, found.start if found else name.start, name.end)
        return found

    def _note_gender(self, entity: Entity, gender: str | None, name: Name) -> None:
        """A person's gender: from a first name, an honorific or a role noun when there is
        one, else from the he/she that follows their names (`Romney said he ...`), counting
        only a pronoun with no other person named in between."""
        if entity.known_gender:
            return
        if gender:
            entity.gender, entity.known_gender = gender, True
            return
        found = self._pronoun_after(name)
        if found is None:
            return
        said, pos = found
        k = bisect_right(self.starts, name.start)
        if k < len(self.starts) and self.starts[k] < pos and self.names[k].kind in ("person", "other"):
            return
        entity.pronouns[said == "f"] += 1
        he, she = entity.pronouns
        entity.gender = "m" if he > she else "f" if she > he else None

    def _note_titles(self, entity: Entity, name: Name) -> None:
        """Role nouns of a name's title (`Sen.`), and its party, from the title (`Republican
        Donald Trump`) or a party tag (`(D-Mass.)`), for descriptions to match."""
        for word in name.title.split():
            if is_role_head(word):
                entity.heads.add(fold(_expanded_head(word)))
            elif bare(word) in PARTY_ADJECTIVES:
                entity.words.add(party_word(bare(word)))
        tag = _PARTY_TAG.match(self.text, name.end)
        if tag:  # `(I-Vt.)`: party and state, for `the Vermont senator`; no organisation (eval/README.md)
            if tag.group(1) in PARTY_LETTERS:
                entity.words.add(PARTY_LETTERS[tag.group(1)])
            state = STATE_ABBREVIATIONS.get(tag.group(2).lower().rstrip("."))
            if state:
                entity.words.update(fold(w) for w in state.split())

    def _kind(self, name: Name, core: str, tokens: tuple[str, ...]) -> str | None:
        """person, organization or None (no speaker entity), from the classifier's kind and
        what the article says around the name (see the module docstring)."""
        last = core.split()[-1].lower()
        if last in PARTY_PLURALS:
            return "organization"
        if " " in core and core.isupper() and name.kind != "organization":
            return None  # `MIDWAY ATOLL —`: a dateline or a headline, not a name
        if last[:-1] in DEMONYMS and last.endswith("s") or " " not in core and (
                last in PARTY_ADJECTIVES or last in DEMONYMS or last in CALENDAR):
            return None  # `Iranians`, `Saudis`: a people; `Democratic`, `French`: an adjective
        if name.kind == "person" and not name.title and _THE_BEFORE.search(self.text, max(0, name.start - 12),
                                                                           name.start):
            return None  # `the 1994 Crime Bill`: no person is `the` someone
        if name.kind == "person" or _titled(name):
            return "person"  # `Sen. Ruth Kline`, whatever the classifier made of `Kline`
        if name.kind == "organization":
            bears_surname = len(tokens) == 1 and tokens[0] in self.surnames and tokens[0] not in ORG_HEADS
            return "person" if bears_surname else "organization"
        if _plainly_person(name, core) or _WHO.match(self.text, name.end):
            return "person"  # `Mr. Guerrero`, `Suckling, who ...`
        if tokens[-1] in self.surnames and (name.kind == "other" or len(tokens) > 1):
            return "person"  # `Sean Hannity` with `Hannity said`; a one-word place stays a place
        if name.kind == "place":
            return None
        if len(tokens) == 1 and self._match(tokens, "person", None, None) is not None:
            return "person"  # `Hillary` after `Hillary Clinton`
        if reports(self.text, name):
            return "organization" if acronym(core) else "person"
        return None

    def _speaks(self, name: Name) -> bool:
        """A name not typed a body that reports (`Hannity said`) or is described (`Paris,
        who used to work ...`): a person's, whatever the classifier said."""
        return name.kind in ("other", "place") and not acronym(name.text) and (
            _WHO.match(self.text, name.end) is not None or name.kind == "other" and reports(self.text, name))

    def _match(self, tokens: tuple[str, ...], kind: str, name: Name | None, gender: str | None) -> Entity | None:
        """The entity a name refers to: the same name, its surname or first name alone, or a
        fuller or shorter form of it; never one of another kind."""
        entity = self.canonical.get((kind, tokens))
        if entity is not None:
            return entity
        same = [e for e in self.entities if e.kind == kind]
        if kind == "organization":
            return _match_organization(tokens, same)
        if len(tokens) == 1:
            word = tokens[0]
            found = [e for e in same if e.tokens[-1] == word]
            found = found or [e for e in same if len(e.tokens) > 2 and word in e.tokens[1:-1] and len(word) > 2]
            found = found or [e for e in same if len(e.tokens) > 1 and e.tokens[0] == word]
        else:
            found = [e for e in same if forms_of_one_name(e.tokens, tokens)]
        if len(found) <= 1:
            return found[0] if found else None
        return self._choose(found, name, gender)

    def _choose(self, found: list[Entity], name: Name | None, gender: str | None) -> Entity:
        """One of several people a surname may mean (see the module docstring)."""
        if name is not None:
            titles = {fold(_expanded_head(w)) for w in name.title.split() if is_role_head(w)}
            titled = [e for e in found if titles & e.heads]
            if len(titled) == 1:
                return titled[0]  # `President Clinton` when one of them was the president
            after = self._pronoun_after(name)
            gender = gender or (after[0] if after else None)
            agreeing = [e for e in found if e.gender == gender] if gender else []
            if len(agreeing) == 1:
                return agreeing[0]
            found = agreeing or found
            here = self.paragraph(name.start)
            near = [e for e in found if here - self.paragraph(e.last) <= 1]
            if near:
                return max(near, key=lambda e: e.last)
        return max(found, key=lambda e: (e.mentions, e.last))

    def _pronoun_after(self, name: Name) -> tuple[str, int] | None:
        """(gender, offset) of a he/she close after a name, with nothing between that could be
        its antecedent instead (`Clinton said she`, `Romney added that his`; not `Warren told
        the CEO he`)."""
        m = _PRONOUN_AFTER.search(self.text, name.end, name.end + 40)
        if m is None or not _PLAIN_GAP.fullmatch(self.text, name.end, m.start()):
            return None
        return _GENDERED[m.group(1).lower()], m.start()

    # -- resolving a speaker mention -------------------------------------------------

    def resolve(self, mention: Mention) -> Speaker:
        if mention.kind == "name":
            return self._name(mention)
        if mention.kind == "pronoun":
            return self._pronoun(mention)
        return self._nominal(mention)

    def _name(self, mention: Mention) -> Speaker:
        owner = coreference.titled_after(self, mention) or coreference.described_before(self, mention)
        if owner is not None:  # `European Council President Donald Tusk`: the council only titles him
            return self._speaker(owner)
        entity = self.entity_at(mention.name) or self._match(name_tokens(mention.text), "person", None, None)
        if entity is None:
            core = (core_name(mention.name)[0] if mention.name is not None else mention.text) or mention.text
            kind = _speaker_kind(core, mention.name)
            if kind == "unknown" and fold(core) not in self.surnames and not first_name_gender(core):
                kind = "organization"  # `Reuters reported`: a one-word speaker no person in the article bears
            return Speaker(core, kind)
        return self._speaker(entity)

    def _pronoun(self, mention: Mention) -> Speaker:
        entity = coreference.antecedent(self, mention)
        return self._speaker(entity) if entity is not None else Speaker(None, "unknown")

    def _nominal(self, mention: Mention) -> Speaker:
        head = mention.head
        words = mention.text.split()
        definite = words[0].lower() in ("the", "this", "that", "its", "their", "his", "her")
        if head in issuers.DOCUMENTS:
            return self._document(mention, definite)
        # only a noun that can name someone describes a name next to it: not `a factory in Ohio`
        # in `Ostrowski, while visiting a factory in Ohio,` nor `In recent weeks, Reid`
        describes = head in ROLE_HEADS or head in coreference.PERSON_NOUNS or head_class(head) != "thing"
        described = describes and (coreference.apposed_to(self, mention)
                                   or coreference.described_before(self, mention))
        if described:  # `David Wasserman, an elections analyst at ...`: Wasserman
            return self._speaker(described)
        appositive = coreference.apposed_name(self.text, mention, self.at) if describes else None
        if appositive is not None and appositive.kind == "place" and " " not in appositive.text:
            appositive = None  # `The group's spokesman, Georgia,`; a full name the recogniser took for a
            # place stays a person (`The company's chief executive, Satya Nadella,`)
        named = self.entity_at(appositive)
        if named is not None:  # "the spokesman, Omar Haddad": the description is the name's
            return self._speaker(named)
        if appositive is not None and appositive.kind != "place":
            return Speaker(core_name(appositive)[0], "person")
        nominal = role_words(mention)
        if definite and mention.head in ORG_CLASS_NOUNS and any(w[:1].isupper() for w in nominal.split()[:-1]):
            return Speaker(nominal, "organization")  # `the Clinton campaign`, `the Obama administration`
        if definite:
            entity = coreference.described(self, mention)
            if entity is not None:
                return self._speaker(entity)
        found = role_phrase(self.text, mention.start, mention.end, self.at)
        organization = self._canonical_org(found.organization if found else _attached_org(mention))
        unnamed_people = (words[0].lower() in POSSESSIVE_SUBJECT and head.endswith("s")
                          and head_class(head) in ("agent", "other"))
        if head in ANONYMOUS_HEADS or not definite or unnamed_people:  # `his surrogates`: people left unnamed
            label = "anonymous " + nominal if nominal == head else nominal
            role = found.role if found is not None and organization else None  # a position in a named body
            return Speaker(label, "anonymous", role, organization)
        return Speaker(nominal, "unknown", None, organization)

    def _document(self, mention: Mention, definite: bool) -> Speaker:
        """A statement, report or letter speaks for its issuer: the name that owns it or
        follows it (`the FBI's report`, `a statement by the Islamic Resistance in Iraq`),
        the one a possessive pronoun stands for (`her statement`), else the issuer
        named or described before (issuers.py), else the nearest name before it."""
        name = issuers.issuing_name(self.text, mention) or issuers.released_by(self.text, mention, self.at)
        issuer = self.entity_at(name)
        if issuer is None and name is not None and name.kind != "place":
            return Speaker(core_name(name)[0], "person" if name.kind == "person" else "organization")
        owner = mention.text.split()[0].lower()
        if issuer is None and owner in POSSESSIVE_SUBJECT:  # `her March comment`: hers
            return self._pronoun(replace(mention, head=POSSESSIVE_SUBJECT[owner]))
        if issuer is None:
            issuer = issuers.pronoun_issuer(self, mention)
        if issuer is None and definite:
            issuer = issuers.issuer_before(self, mention)
            described = issuers.described_issuer(self.text, mention) if issuer is None else None
            if described is not None:  # `a group of parents sent a letter`: an unnamed issuer
                return Speaker(described, "anonymous")
        if issuer is None:
            issuer = issuers.name_before(self, mention)
        return self._speaker(issuer) if issuer is not None else Speaker(None, "unknown")

    def _speaker(self, entity: Entity) -> Speaker:
        return Speaker(entity.name, entity.kind, entity.role, self._canonical_org(entity.organization), entity)

    def _canonical_org(self, organization: str | None) -> str | None:
        """A person owning a role (`Stein spokeswoman`) by their full name."""
        if organization is None:
            return None
        entity = self.by_alias.get(organization)
        return entity.name if entity is not None and entity.kind == "person" else organization


def _match_organization(tokens: tuple[str, ...], same: list[Entity]) -> Entity | None:
    """`Pfizer` and `Pfizer Inc.`; `NRA` and `National Rifle Association`."""
    bare_tokens = tuple(t for t in tokens if t not in ORG_SUFFIXES)
    for entity in reversed(same):
        known = tuple(t for t in entity.tokens if t not in ORG_SUFFIXES)
        if known == bare_tokens or acronym_of(known, bare_tokens) or acronym_of(bare_tokens, known):
            return entity
    return None


def _words_before(text: str, pos: int) -> bool:
    """Whether the word before a name may end a title (`spokeswoman`, `Gov.`, `host`).
    Read backwards by hand: a regular expression anchored at the end tries every start."""
    floor = max(0, pos - 40)
    end = pos
    while end > floor and text[end - 1].isspace():
        end -= 1
    start = end
    while start > floor and (text[start - 1].isalnum() or text[start - 1] in _WORD_CHARS):
        start -= 1
    return end < pos and start < end and is_role_head(text[start:end])


def _speaker_kind(core: str, name: Name | None) -> str:
    """The kind of a name the article gives no other clue about, now that it speaks: a
    place speaks for its government (`Iran said`), an acronym or a name headed by a body
    noun is a body, a name of two or more words a person; one word stays unknown here."""
    words = core.split()
    if name is not None and name.kind == "place" or acronym(core) or name_head(tuple(words)).lower() in ORG_HEADS:
        return "organization"
    return "person" if len(words) > 1 and all(w[:1].isupper() for w in words) else "unknown"


def _plainly_person(name: Name, core: str) -> bool:
    """A person by the name alone: so typed, titled (`Mr.`, `Sen.`), or a known first name
    before a surname."""
    if name.kind == "person":
        return core.split()[-1].lower() not in PARTY_PLURALS
    words = core.split()
    return bool(name.title) or _honorific(name.text) or (
        name.kind == "other" and len(words) > 1 and first_name_gender(words[0]) is not None and words[-1][:1].isupper())


def _titled(name: Name) -> bool:
    """A name under an honorific or a person's title: `Mr.`, `Sen.`, `Press Secretary`;
    one capitalised word after a bare title may be a body's name (`General Motors`)."""
    if _honorific(name.text) or name.title and bare(name.title.split()[0]) in HONORIFICS:
        return True
    title = name.title.split()
    return bool(title) and is_role_head(title[-1]) and (title[-1].endswith(".") or " " in name.text)


def _honorific(text: str) -> bool:
    return bare(text.split()[0]) in HONORIFICS


def _expanded_head(word: str) -> str:
    """`Sen.` → senator, `vice-president` → president: the head a description repeats."""
    word = expand(word)
    return word if word.lower() in ROLE_HEADS else word.rsplit("-", 1)[-1]


def _attached_org(mention: Mention) -> str | None:
    name = mention.name
    return name.text if name is not None and name.kind == "organization" else None
