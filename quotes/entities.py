"""Speakers as entities within one article.

Every person or organisation name in the article becomes or joins an entity:
`Hamidawi` and `Ahmad “Abu Hussein” al-Hamidawi` are one person (canonical
`Ahmad al-Hamidawi`, aliases with the nickname and the surname), `Eric Trump`
and `Donald Trump` are two, and a person never joins an organisation.  The
canonical name is the fullest form, without titles, honorifics, parties or
nationalities glued in front (`Republican Donald Trump`, `Sens. Jon Tester`),
nor headline words (`To Trump`); a title-case headline run is split at its verbs
so the people it names count.  A quote's speaker mention is then resolved to an
entity: a name directly (a body or person that only titles another name,
`European Council` in `European Council President Donald Tusk`, is that person),
a pronoun to the nearest agreeing person or group before it (the subject just
before a nearer object: `Christie blamed Clinton ... he said`; an op-ed's `I` to
the author its closing lines introduce), a statement, report or ad to its
issuer (`X's letter`, `a report by X`, `X released a report`), a definite
description to the entity it describes (`the spokesman`, `the Vermont senator`,
`the union`), and an unnamed source stays anonymous.  Roles and organisations
come from roles.py and follow the entity to later mentions; a description such
as `the Vermont senator said` gives its role to an untitled person it fits.

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
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache

from quotes.cues import CUE_NOUNS, VERB_FORMS
from quotes.mentions import Mention
from quotes.names import FUNCTION_TAGS, ORG_HEADS, Name, first_name_gender, name_head, recogniser, sentence_initial
from quotes.tagger import lexicon_tag, word_tag
from quotes.roles import Role, affiliation, role_after, role_before, role_fronted, role_phrase
from quotes.titles import (
    DEMONYMS, EVALUATIVE, HONORIFICS, PARTY_ADJECTIVES, PARTY_PLURALS, ROLE_GENDER, ROLE_HEADS, STATE_ABBREVIATIONS,
    bare, expand, is_role_head, is_title_word,
)

SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
ORG_SUFFIXES = {"inc", "corp", "co", "ltd", "llc", "plc", "lp", "llp"}
PARTICLES = ("al-", "el-", "ad-", "as-", "ash-", "an-", "at-", "az-")
MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
FIRST_PERSON = {"i", "me", "my", "mine", "myself"}
PLURAL = {"they", "them", "their", "we", "our"}
NEUTER = {"it", "its"}
ANONYMOUS_HEADS = {"source", "sources", "official", "officials", "aide", "aides", "person", "people",
                   "insider", "insiders", "diplomat", "diplomats", "resident", "residents", "witness",
                   "witnesses", "observer", "observers", "analyst", "analysts", "expert", "experts"}
# Nouns a body is referred back to by (`the company said`): the latest organisation named.
ORG_CLASS_NOUNS = ORG_HEADS | {"company", "firm", "newspaper", "paper", "network", "outlet", "publication",
                               "magazine", "website", "site", "channel", "organization", "organisation", "group"}
# `the next president`, `the eventual nominee`: someone not yet in the role, maybe no one named.
HYPOTHETICAL = frozenset("next eventual future potential possible likely would-be prospective new".split())
CALENDAR = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march july "
                     "august september october november december".split())
CONNECTORS = {"of", "for", "and", "&", "de", "del", "la", "van", "von", "bin", "al"}  # inside names, no headline break
POSSESSIVE_SUBJECT = {"his": "he", "her": "she", "their": "they", "its": "it"}
# What speaks for whoever issued it: `the statement said`, `the ad says`.
DOCUMENTS = CUE_NOUNS | {"study", "survey", "poll", "analysis", "lawsuit", "complaint", "ad", "advertisement",
                         "editorial", "book", "order", "decision", "ruling"}
# The verb whose subject issued a document (`X ruled` → `the ruling`).
COGNATE_VERBS = {"ruling": "ruled", "report": "reported", "statement": "stated", "tweet": "tweeted",
                 "announcement": "announced", "decision": "decided", "order": "ordered", "complaint": "complained",
                 "lawsuit": "sued", "testimony": "testified", "post": "posted", "letter": "wrote"}
# Nouns that describe a person without naming a position: they corefer (`the gambling tycoon`)
# but give no role.
PERSON_NOUNS = frozenset("tycoon mogul magnate billionaire millionaire celebrity star".split())
# Role nouns that, after `the`, seldom stand for one person named before (`the administration`).
NOT_DESCRIPTIONS = {"administration", "general", "head", "member", "chief", "partner", "owner", "player", "agent",
                    "delegate"}
ISSUING_VERBS = {"released", "issued", "published", "sent", "wrote", "posted", "filed", "unveiled", "put",
                 "delivered", "gave", "made", "tweeted", "aired", "ran", "signed"}
# Reporting verbs a subject may follow (`said Trump`, `added Kirby`).
INVERTING = {"say", "add", "ask", "write", "continue", "explain", "note", "recall", "reply", "respond", "argue",
             "insist", "declare", "conclude", "observe", "remark", "counter", "quip"}
SUBJECT_REACH = 300  # characters a subject may lie before an object that is nearer to a pronoun
ANTECEDENT_REACH = 2500  # characters a pronoun or a description may look back for its antecedent
DOCUMENT_REACH = 4000  # characters `the report` may look back for the report's issuer
_TOKEN = re.compile(r"[\w’'.-]+")
_NEXT_WORDS = re.compile(r"\s+(?:([a-z]+)\s+)?([a-z]+)")
_PRONOUN_AFTER = re.compile(r"\b(he|his|him|she|her)\b", re.I)
_PLAIN_GAP = re.compile(r"(?:\s*,)?(?:\s+(?!(?:the|a|an|his|her|their)\b)[a-z’']+){0,3}\s+")
_GENDERED = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f"}


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


@dataclass(slots=True)
class Speaker:
    name: str | None
    kind: str
    role: str | None = None
    organization: str | None = None
    entity: Entity | None = None


@lru_cache(maxsize=1 << 15)
def fold(word: str) -> str:
    word = unicodedata.normalize("NFKD", word)
    word = "".join(c for c in word if not unicodedata.combining(c)).lower().replace("’", "'")
    for particle in PARTICLES:
        if word.startswith(particle):
            word = word[len(particle):]
    return word.replace("-", "").replace("'", "").strip(".")


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
        self._issued: dict[str, list[tuple[int, Entity]]] | None = None
        prepared = [(name, *_core(name)) for name in _pieces(names)]
        # surnames of names that are people whatever their context: `Sean Hannity` typed
        # `other` is the person `Hannity` is, wherever either comes first
        self.surnames = {fold(core.split()[-1]) for name, core, _ in prepared
                         if core and (_plainly_person(name, core) or self._speaks(name))}
        for name, core, gender in prepared:
            self._add(name, core, gender)
        self._describe()

    # -- building ----------------------------------------------------------------

    def _add(self, name: Name, core: str, gender: str | None) -> None:
        tokens = _tokens(core)
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
        elif _fuller(core, tokens, entity):
            entity.name, entity.tokens = core, tokens  # the fuller form is canonical
            self.canonical[(kind, tokens)] = entity
        for alias in (name.text, core, name.nickname or None, _surname(core) if kind == "person" else None):
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
            self._note_gender(entity, gender or first_name_gender(core.split()[0]), name)
            self._note_titles(entity, name)
        if role is not None:
            self._note_role(entity, role.role, role.organization)
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

    def _note_role(self, entity: Entity, role: str | None, organization: str | None) -> None:
        """Keep the first role the article gives, with its organisation (an organisation
        given alone, `X of Fordham University`, holds until a role comes with its own)."""
        if entity.role is None and role:
            entity.role, entity.organization = role, organization or entity.organization
        elif entity.organization is None and entity.role is None:
            entity.organization = organization
        role = role or ""
        for word in role.split():
            if is_role_head(word):
                entity.heads.add(fold(_expanded_head(word)))
            gender = ROLE_GENDER.get(word.lower())
            if gender and not entity.known_gender:
                entity.gender, entity.known_gender = gender, True
        entity.words.update(fold(w) for w in (role + " " + (organization or "")).split())

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
                entity.words.add(_party_word(bare(word)))
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
        if name.kind == "person" or _titled(name):
            return "person"  # `Sen. Ruth Kline`, whatever the classifier made of `Kline`
        if name.kind == "organization":
            surname = len(tokens) == 1 and tokens[0] in self.surnames and tokens[0] not in ORG_HEADS
            return "person" if surname else "organization"
        if _plainly_person(name, core) or _WHO.match(self.text, name.end):
            return "person"  # `Mr. Guerrero`, `Suckling, who ...`
        if tokens[-1] in self.surnames and (name.kind == "other" or len(tokens) > 1):
            return "person"  # `Sean Hannity` with `Hannity said`; a one-word place stays a place
        if name.kind == "place":
            return None
        if len(tokens) == 1 and self._match(tokens, "person", None, None) is not None:
            return "person"  # `Hillary` after `Hillary Clinton`
        if self._reports(name):
            return "organization" if _acronym(core) else "person"
        return None

    def _speaks(self, name: Name) -> bool:
        """A name not typed a body that reports (`Hannity said`) or is described (`Paris,
        who used to work ...`): a person's, whatever the classifier said."""
        return name.kind in ("other", "place") and not _acronym(name.text) and (
            _WHO.match(self.text, name.end) is not None or name.kind == "other" and self._reports(name))

    def _reports(self, name: Name) -> bool:
        """Whether a name is the subject of a reporting verb (`Tester said`, `Kirby also told`)."""
        m = _NEXT_WORDS.match(self.text, name.end, name.end + 40)
        return bool(m) and (m.group(2) in VERB_FORMS and (m.group(1) is None or m.group(1).endswith("ly")
                                                         or m.group(1) in ("also", "later", "then", "has", "had"))
                            or m.group(1) in VERB_FORMS)

    def _match(self, tokens: tuple[str, ...], kind: str, name: Name | None, gender: str | None) -> Entity | None:
        """The entity a name refers to: the same name, its surname or first name alone, or a
        fuller or shorter form of it; never one of another kind."""
        entity = self.canonical.get((kind, tokens))
        if entity is not None:
            return entity
        same = [e for e in self.entities if e.kind == kind]
        if kind == "organization":
            return self._match_organization(tokens, same)
        if len(tokens) == 1:
            word = tokens[0]
            found = [e for e in same if e.tokens[-1] == word]
            found = found or [e for e in same if len(e.tokens) > 2 and word in e.tokens[1:-1] and len(word) > 2]
            found = found or [e for e in same if len(e.tokens) > 1 and e.tokens[0] == word]
        else:
            found = [e for e in same if _forms_of_one_name(e.tokens, tokens)]
        if len(found) <= 1:
            return found[0] if found else None
        return self._choose(found, name, gender)

    @staticmethod
    def _match_organization(tokens: tuple[str, ...], same: list[Entity]) -> Entity | None:
        """`Pfizer` and `Pfizer Inc.`; `NRA` and `National Rifle Association`."""
        bare_tokens = tuple(t for t in tokens if t not in ORG_SUFFIXES)
        for entity in reversed(same):
            known = tuple(t for t in entity.tokens if t not in ORG_SUFFIXES)
            if known == bare_tokens or _acronym_of(known, bare_tokens) or _acronym_of(bare_tokens, known):
                return entity
        return None

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
            here = self._paragraph(name.start)
            near = [e for e in found if here - self._paragraph(e.last) <= 1]
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

    def _paragraph(self, pos: int) -> int:
        return bisect_right(self.paragraph_starts, pos)

    def _describe(self) -> None:
        """Give roles from definite descriptions (`the Vermont senator said`, `the Republican
        presidential nominee told`) to the untitled people they refer to (see _referent): the
        article's own words for someone it names elsewhere without a title."""
        text = self.text
        for m in _THE.finditer(text):
            raw = text[m.end():m.end() + 60].split()[:6]
            words = [w.strip(_PUNCTUATION) for w in raw]
            head = next((k for k, w in enumerate(words[:5]) if w in ROLE_HEADS or w in PERSON_NOUNS), None)
            if head is None or not all(_modifier(w) for w in words[:head]) or _noun_after(raw, head):
                continue
            head_end = text.find(words[head], m.end()) + len(words[head])
            if _NAMED_NEXT.match(text, head_end) or words[head] in NOT_DESCRIPTIONS:
                continue
            if self._after_name(m.start()):
                continue  # `Kirby, the Pentagon's press secretary`: the name's own apposition
            speaks = head > 0 and _verb_follows(text, head_end)
            modifiers = {fold(w) for w in words[:head] if w[:1].isupper()}
            entity = self._referent(m.start(), fold(words[head]), modifiers, speaks)
            if entity is not None and entity.role is None:
                found = role_phrase(text, m.start(), min(len(text), m.start() + 120), self.at)
                if found is not None:
                    self._note_role(entity, found.role, found.organization)

    def _after_name(self, pos: int) -> bool:
        """Whether pos follows a name and a comma (an apposition, read as the name's role)."""
        k = bisect_right(self.ends, pos) - 1
        return k >= 0 and _APPOSED.fullmatch(self.text, self.ends[k], pos) is not None

    def _referent(self, pos: int, head: str, modifiers: set[str], speaks: bool, quoted: bool = False) -> Entity | None:
        """The person a description at pos refers to: the latest one with its role noun;
        else, for a modified description that is a subject (`the Vermont senator said`), a
        person without a role named within reach: one whose names, roles or party carry the
        description's capitalised words (or the only candidate when none does), else, for a
        description with no capitalised word, the most often named (news repeats a
        description for its main figures); never one of another party.  A description that
        is a quote's speaker (quoted) may also be someone with another role (`the billionaire
        businessman said`)."""
        titled, untitled = None, []
        for entity in self.entities:
            last = _last_before(entity, pos)
            if entity.kind != "person" or pos - last > ANTECEDENT_REACH:
                continue
            if head in entity.heads and (titled is None or last > _last_before(titled, pos)):
                titled = entity
            elif (entity.role is None or quoted) and len(entity.tokens) > 1 and not _other_party(entity, modifiers):
                untitled.append(entity)  # a full name: `Facebook` taken for a person is no referent
        if titled is not None or not speaks or not untitled:
            return titled
        fitting = [e for e in untitled if modifiers and modifiers <= e.words]
        if modifiers and not fitting and len(untitled) > 1:
            return None  # `the Vermont senator` with nobody known from Vermont: too uncertain
        return max(fitting or untitled, key=lambda e: (bisect_left(e.positions, pos), _last_before(e, pos)))

    @property
    def issued(self) -> dict[str, list[tuple[int, Entity]]]:
        """Who issued each statement, report or letter the article names: `X's letter`,
        `a report by X`, `X released a report`, `in a statement, X`.  Head noun → [(offset,
        issuer)]; read once, when a quote first needs it."""
        if self._issued is None:
            self._issued = {}
            for m in _DOCUMENT.finditer(self.text):
                issuer = self._issuer(m)
                if issuer is not None:
                    self._issued.setdefault(_singular(m.group(1).lower()), []).append((m.start(), issuer))
        return self._issued

    def _issuer(self, m: re.Match) -> Entity | None:
        text = self.text
        before = text[max(0, m.start() - 60):m.start()]
        possessive = _OWNER.search(before)
        if possessive:
            return self._entity_ending(m.start() - len(before) + possessive.end("name"))
        after = _BY.match(text, m.end())
        if after:
            return self.of_name.get(after.end())
        verb = _ISSUED.search(before)
        if verb:
            return self._entity_ending(m.start() - len(before) + verb.end("name"))
        said = _SAID_IN.search(before)
        if said:
            return self._entity_ending(m.start() - len(before) + said.end("name"))
        intro = _IN_A.match(text, m.end())
        if intro and _OPENS_IN_A.search(before):
            return self.of_name.get(intro.end())
        return None

    def _did_it(self, mention: Mention) -> Entity | None:
        """`the ruling` after `the Court of Appeals ruled`: the latest named subject of the
        verb the document is named for."""
        verb = COGNATE_VERBS.get(_singular(mention.head))
        if verb is None:
            return None
        last = None
        for m in re.finditer(rf"(?P<name>[A-Z][\w.&-]*(?:\s+(?:[A-Z][\w.&-]*|of|for|the))*)\s+(?:\w+ly\s+)?{verb}\b",
                             self.text[:mention.start]):
            k = bisect_left(self.starts, m.start("name"))  # the first entity named in the subject
            while k < len(self.starts) and self.starts[k] < m.end("name"):
                if self.starts[k] in self.of_name:
                    last = self.of_name[self.starts[k]]
                    break
                k += 1
        return last

    def _entity_ending(self, end: int) -> Entity | None:
        k = bisect_left(self.ends, end)
        return self.of_name.get(self.starts[k]) if k < len(self.ends) and self.ends[k] == end else None

    # -- resolving a speaker mention -------------------------------------------------

    def entity_at(self, name: Name | None) -> Entity | None:
        return self.of_name.get(name.start) if name is not None else None

    def resolve(self, mention: Mention) -> Speaker:
        if mention.kind == "name":
            return self._name(mention)
        if mention.kind == "pronoun":
            return self._pronoun(mention)
        return self._nominal(mention)

    def _name(self, mention: Mention) -> Speaker:
        owner = self._titled_after(mention) or self._described_before(mention)
        if owner is not None:  # `European Council President Donald Tusk`: the council only titles him
            return self._speaker(owner)
        entity = self.entity_at(mention.name) or self._match(_tokens(mention.text), "person", None, None)
        if entity is None:
            core = (_core(mention.name)[0] if mention.name is not None else mention.text) or mention.text
            kind = _speaker_kind(core, mention.name)
            if kind == "unknown" and fold(core) not in self.surnames and not first_name_gender(core):
                kind = "organization"  # `Reuters reported`: a one-word speaker no person in the article bears
            return Speaker(core, kind)
        return self._speaker(entity)

    def _titled_after(self, mention: Mention) -> Entity | None:
        """The person whose title a name is part of: `Senate` in `Senate Minority Leader
        Harry Reid`, `Stein` in `Stein spokeswoman Melezia Figueroa`."""
        k = bisect_right(self.starts, mention.start)
        if k >= len(self.names):
            return None
        following = self.names[k]
        entity = self.of_name.get(following.start)
        gap = self.text[mention.end:following.start]
        if entity is None or entity.kind != "person" or not gap.strip() or len(gap) > 60 or "\n" in gap:
            return None
        if not all(is_title_word(w) or w[:1].islower() and w.isalpha() for w in gap.split()):
            return None
        role = role_before(self.text, following, self.at)
        return entity if role is not None and role.start <= mention.start else None

    def _apposed_to(self, mention: Mention) -> Entity | None:
        """The person a description stands in apposition to, right after their name and a comma."""
        k = bisect_right(self.ends, mention.start) - 1
        if k < 0 or not _APPOSED.fullmatch(self.text, self.ends[k], mention.start):
            return None
        entity = self.of_name.get(self.starts[k])
        return entity if entity is not None and entity.kind == "person" else None

    def _described_before(self, mention: Mention) -> Entity | None:
        """The person a name only describes: `United Federation of Teachers` in `Michael
        Mulgrew, president of the United Federation of Teachers,`, `Senate Banking
        Committee` in `Senator Richard Shelby, the Alabama Republican who heads the Senate
        Banking Committee,`, `Vt.` in `Sen. Bernie Sanders (Vt.)`: a name in the tag or the
        first comma-set phrase after a person's name."""
        k = bisect_left(self.starts, mention.start) - 1
        while k >= 0 and mention.start - self.ends[k] <= 150:
            previous = self.names[k]
            entity = self.of_name.get(previous.start)
            if entity is not None and entity.kind == "person":
                if self.entity_at(mention.name) is entity:
                    return None
                gap = self.text[previous.end:mention.start]
                if _TAG_OPEN.fullmatch(gap):
                    return entity
                # `Trump, Sexton said, ...`: a name that reports is no part of an apposition
                reports = mention.kind == "name" and mention.name is not None and self._reports(mention.name)
                said = any(w in VERB_FORMS for w in gap.lower().split())  # `Trump, who said the company`
                apposed = _APPOSED_PHRASE.fullmatch(gap) and not reports and not said
                return entity if apposed else None
            k -= 1
        return None

    def _pronoun(self, mention: Mention) -> Speaker:
        word = mention.head
        if word in FIRST_PERSON:
            author = self._author()
            if author is not None:
                return self._speaker(author)
        hi = bisect_right(self.ends, mention.start)
        lo = bisect_left(self.ends, mention.start - ANTECEDENT_REACH)
        if word == "who" and hi and mention.start - self.ends[hi - 1] <= 4:
            entity = self.of_name.get(self.starts[hi - 1])
            if entity is not None and entity.kind == "person":
                return self._speaker(entity)
        if word in MALE | FEMALE:
            subject = self._subject_before(word, mention.start, hi)
            if subject is not None:
                return self._speaker(subject)
        nearest = None
        for k in range(hi - 1, lo - 1, -1):
            entity = self.of_name.get(self.starts[k])
            if entity is None or not _agrees(word, entity):
                continue
            if nearest is None:
                nearest = k
                if word not in MALE | FEMALE or not self._object(self.names[k]):
                    break
            elif entity is not self.of_name[self.starts[nearest]] and not self._object(self.names[k]):
                if self.starts[nearest] - self.ends[k] <= SUBJECT_REACH:
                    return self._speaker(entity)  # `Christie blamed Clinton ... he said`: the subject
                break
        if nearest is not None:
            return self._speaker(self.of_name[self.starts[nearest]])
        return Speaker(None, "unknown")

    def _subject_before(self, word: str, pos: int, hi: int) -> Entity | None:
        """The person he or she most likely stands for: the latest agreeing one, in this or
        the previous paragraph, named as a subject — opening a sentence (`Mr. Obama dismissed
        the criticism as the voice of Mr. Tribe's client ... he said`) or reporting (`...,
        Stovall said`, `said Kunin`) — over nearer names in other places."""
        here = self._paragraph(pos)
        found = []
        for k in range(hi - 1, -1, -1):
            name = self.names[k]
            if here - self._paragraph(name.start) > 1:
                break
            entity = self.of_name.get(name.start)
            if entity is None or not _agrees(word, entity) or len(entity.tokens) < 2 and not entity.heads:
                continue  # a one-word name counts when titled (`Mr. Obama`, `President Obama`)
            start = name.title_start if name.title_start >= 0 else name.start
            if sentence_initial(self.text, start) or self._reports(name) or self._inverted(name):
                found.append(entity)
        # one whose gender is known to agree first: `she` is not the nearer `Jeff Merkley`
        return next((e for e in found if e.gender), found[0] if found else None)

    def _inverted(self, name: Name) -> bool:
        """`said Kunin`: a name right after a reporting verb that puts its subject last."""
        before = _LOWER_BEFORE.search(self.text, max(0, name.start - 20), name.start)
        return before is not None and VERB_FORMS.get(before.group(1)) in INVERTING

    def _object(self, name: Name) -> bool:
        """Whether a name stands as an object (`blamed Clinton`, `with Clinton`) rather than
        a subject (`Clinton said`) or a possessor (`Clinton's plan`): he or she after it more
        likely stands for the subject before it."""
        start = name.title_start if name.title_start >= 0 else name.start  # `blamed Senator Whitcombe`
        before = _LOWER_BEFORE.search(self.text, max(0, start - 30), start)
        if before is None:
            return False
        word = before.group(1).lower()
        if word_tag(word) not in ("ADP", "VERB") or VERB_FORMS.get(word) in INVERTING:
            return False  # `said Trump`: a subject after its verb
        after = _NEXT_WORDS.match(self.text, name.end, name.end + 40)
        possessive = self.text.startswith(("’s", "'s"), name.end)
        return not possessive and not (after and _verb_follows(self.text, name.end))

    def _author(self) -> Entity | None:
        """The writer an op-ed's `I` is: the person its last two paragraphs introduce by a
        role (`Jane Roe is a senior fellow at ...`) or a byline (`By Jane Roe`)."""
        paragraphs = [p for p in self.paragraph_starts if p < len(self.text.rstrip())]
        tail = paragraphs[-2] if len(paragraphs) >= 2 else 0
        for m in _BIO.finditer(self.text, tail):
            entity = self.of_name.get(m.start("name"))
            if entity is None or entity.kind != "person":
                continue
            if m.group("is"):
                found = role_phrase(self.text, m.end(), min(len(self.text), m.end() + 160), self.at)
                if found is None:
                    continue
                if entity.role is None:
                    self._note_role(entity, found.role, found.organization)
            return entity
        return None

    def _nominal(self, mention: Mention) -> Speaker:
        head = mention.head
        words = mention.text.split()
        definite = words[0].lower() in ("the", "this", "that", "its", "their", "his", "her")
        if head in DOCUMENTS:
            return self._document(mention, definite)
        described = self._apposed_to(mention) or self._described_before(mention)
        if described is not None:  # `David Wasserman, an elections analyst at ...`: Wasserman
            return self._speaker(described)
        appositive = _apposition_name(self.text, mention, self.at)
        if appositive is not None:  # "the spokesman, Omar Haddad": the description is the name's
            named = self.entity_at(appositive)
            return self._speaker(named) if named is not None else Speaker(_core(appositive)[0], "person")
        role_words = _role_words(mention)
        if definite and mention.head in ORG_CLASS_NOUNS and any(w[:1].isupper() for w in role_words.split()[:-1]):
            return Speaker(role_words, "organization")  # `the Clinton campaign`, `the Obama administration`
        if definite:
            entity = self._described(mention)
            if entity is not None:
                return self._speaker(entity)
        found = role_phrase(self.text, mention.start, mention.end, self.at)
        organization = self._canonical_org(found.organization if found else _attached_org(mention))
        if head in ANONYMOUS_HEADS or not definite:
            label = "anonymous " + role_words if role_words == head else role_words
            role = found.role if found is not None and organization else None  # a position in a named body
            return Speaker(label, "anonymous", role, organization)
        return Speaker(role_words, "unknown", None, organization)

    def _document(self, mention: Mention, definite: bool) -> Speaker:
        """A statement, report or letter speaks for its issuer: the name that owns it or
        follows it (`the FBI's report`, `a statement by the Islamic Resistance in Iraq`),
        the one a possessive pronoun stands for (`her statement`), the issuer named with
        the same noun before (`the report` after `X released a report`), else the nearest
        name before it."""
        name = mention.name if _issues(self.text, mention) else None
        issuer = self.entity_at(name)
        if issuer is None and name is not None and name.kind != "place":
            return Speaker(_core(name)[0], "person" if name.kind == "person" else "organization")
        owner = mention.text.split()[0].lower()
        if issuer is None and owner in POSSESSIVE_SUBJECT:  # `her March comment`: hers
            return self._pronoun(replace(mention, head=POSSESSIVE_SUBJECT[owner]))
        if issuer is None and definite:
            issued = [(pos, e) for pos, e in self.issued.get(_singular(mention.head), [])
                      if pos < mention.start and mention.start - pos <= DOCUMENT_REACH]
            issuer = issued[-1][1] if issued else self._did_it(mention)
        if issuer is None:
            hi = bisect_right(self.ends, mention.start)
            for k in range(hi - 1, max(-1, hi - 7), -1):
                issuer = self.of_name.get(self.starts[k])
                if issuer is not None:
                    break
        return self._speaker(issuer) if issuer is not None else Speaker(None, "unknown")

    def _described(self, mention: Mention) -> Entity | None:
        """The entity a definite description refers back to: `the spokesman` → the person
        given that role, and a modified description that speaks (`the Vermont senator
        said`) as _referent has it; `the union` → the latest body named a union, `the
        company` → the latest body named in this or the previous paragraph."""
        head = fold(mention.head)
        if head in ROLE_HEADS or mention.head in ROLE_HEADS | PERSON_NOUNS:
            words = _role_words(mention).split()[:-1]
            capitalised = {fold(w) for w in words if w[:1].isupper()}
            return self._referent(mention.start, head, capitalised, speaks=bool(words), quoted=True)
        if head not in ORG_CLASS_NOUNS:
            return None
        last = {id(e): _last_before(e, mention.start) for e in self.entities if e.kind == "organization"}
        orgs = [e for e in self.entities if id(e) in last and mention.start - last[id(e)] <= ANTECEDENT_REACH]
        headed = [e for e in orgs if fold(name_head(tuple(e.name.split()))) == head]
        here = self._paragraph(mention.start)
        candidates = headed or [e for e in orgs if here - self._paragraph(last[id(e)]) <= 1]
        return max(candidates, key=lambda e: last[id(e)]) if candidates else None

    def _speaker(self, entity: Entity) -> Speaker:
        return Speaker(entity.name, entity.kind, entity.role, self._canonical_org(entity.organization), entity)

    def _canonical_org(self, organization: str | None) -> str | None:
        """A person owning a role (`Stein spokeswoman`) by their full name."""
        if organization is None:
            return None
        entity = self.by_alias.get(organization)
        return entity.name if entity is not None and entity.kind == "person" else organization


# -- names -----------------------------------------------------------------------------

_COMMA_OR_TAG = re.compile(r"\s*[,(]")
_THE = re.compile(r"\b[Tt]he\s+")
_PUNCTUATION = ",.;:!?()[]“”\"‘’'"
_NAMED_NEXT = re.compile(r"\s*,?\s*[A-Z]")  # `the spokesman, Omar Haddad`, `the RT host Ed Schultz`
_APPOSED = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?,\s*")
_PARTY_TAG = re.compile(r"\s*\(([DRI])-([A-Z][\w.]*)\)")
PARTY_LETTERS = {"D": "democratic", "R": "republican"}
# from a name to a later one inside its apposition: a tag or an age, a comma, words without a clause break
_APPOSED_PHRASE = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?(?:,\s*\d{1,3})?,\s*[a-z][^,.;:“”\"\n()]*")
_TAG_OPEN = re.compile(r"\s*\(\s*(?:[DRI]-)?")
_WHO = re.compile(r"\s*,\s*who\b")
_WORD_BEFORE = re.compile(r"([\w’'.-]+)\s+$")
_LOWER_BEFORE = re.compile(r"\b([a-z][a-z’'-]*)[ \t]+$")  # a lower-case word right before, same line


def _words_before(text: str, pos: int) -> bool:
    """Whether the word before a name may end a title (`spokeswoman`, `Gov.`, `host`)."""
    m = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
    return bool(m) and is_role_head(m.group(1))


def _core(name: Name) -> tuple[str, str | None]:
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


def _pieces(names: list[Name]) -> list[Name]:
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
    return lexicon_tag(word.lower(), exact=True) == "ADJ" and not first_name_gender(word)


def _headline_verb(word: str) -> bool:
    """A capitalised verb inside what was taken for one person's name (`Carly Fiorina
    Endorses Ted Cruz`)."""
    low = word.lower()
    return low in VERB_FORMS or lexicon_tag(low, exact=True) in ("VERB", "AUX") and not first_name_gender(word)


def _breaks_headline(word: str) -> bool:
    """A capitalised verb or function word inside a headline's run of capitals."""
    low = word.lower()
    tag = lexicon_tag(low, exact=True)
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
        if lexicon_tag(word.lower(), exact=True) in FUNCTION_TAGS:
            return words[k + 1:]
    return words


def _not_name(word: str, left: int, kind: str) -> bool:
    """A word in front of a name that is not part of it."""
    low = bare(word)
    if low in HONORIFICS or low in PARTY_ADJECTIVES or low in DEMONYMS or low in EVALUATIVE or is_title_word(word):
        return True
    head, _, tail = word.partition("-")
    if tail[:1].islower() and head[:1].isupper():
        return True  # `Texas-based Matt Mackowiak`
    rec = recogniser()
    ordinary = rec.is_ordinary(word) or lexicon_tag(low, exact=True) == "ADJ"
    return (kind == "person" and left > 2 and ordinary and not first_name_gender(word)
            and not word.endswith("."))  # `Billionaire Donald Trump`, `Crooked Hillary Clinton`; not `New York Times`


def _speaker_kind(core: str, name: Name | None) -> str:
    """The kind of a name the article gives no other clue about, now that it speaks: a
    place speaks for its government (`Iran said`), an acronym or a name headed by a body
    noun is a body, a name of two or more words a person; one word stays unknown here."""
    words = core.split()
    if name is not None and name.kind == "place" or _acronym(core) or name_head(tuple(words)).lower() in ORG_HEADS:
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


def _noun_after(raw: list[str], head: int) -> bool:
    """`the overall delegate count`: the role noun only modifies the noun after it."""
    if head + 1 >= len(raw) or raw[head][-1:] in _PUNCTUATION:
        return False
    nxt = raw[head + 1].strip(_PUNCTUATION)
    return nxt.isalpha() and nxt.islower() and word_tag(nxt) == "NOUN" and nxt not in VERB_FORMS


def _other_party(entity: Entity, modifiers: set[str]) -> bool:
    """Whether a description names a party (`the Republican nominee`) the entity is known
    not to belong to."""
    said = {_party_word(p) for p in modifiers if p in PARTY_ADJECTIVES}
    known = {_party_word(p) for p in entity.words if p in PARTY_ADJECTIVES}
    return bool(said and known) and not said & known


def _verb_follows(text: str, pos: int) -> bool:
    """Whether a verb comes right after pos (`the Vermont senator acknowledged`)."""
    m = _NEXT_WORDS.match(text, pos)
    if not m:
        return False
    word = m.group(1) or m.group(2)
    return word in VERB_FORMS or word_tag(word) in ("VERB", "AUX") or word.endswith("ly") and (
        m.group(2) in VERB_FORMS or word_tag(m.group(2)) in ("VERB", "AUX"))


def _party_word(word: str) -> str:
    """`democrat` and `democratic` as one party word."""
    return "democratic" if word == "democrat" else word


def _modifier(word: str) -> bool:
    """A word that may stand between `the` and a role noun in a description."""
    low = word.lower()
    return low not in VERB_FORMS and low not in HYPOTHETICAL and lexicon_tag(low, exact=True) not in FUNCTION_TAGS


def _honorific(text: str) -> bool:
    return bare(text.split()[0]) in HONORIFICS


def _acronym(core: str) -> bool:
    return 2 <= len(core) <= 6 and core.replace(".", "").isupper() and " " not in core


def _acronym_of(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """`nra` is the initials of (national, rifle, association); connectors may be skipped."""
    if len(short) != 1 or len(long) < 2:
        return False
    letters = short[0]
    full = "".join(t[0] for t in long)
    content = "".join(t[0] for t in long if t not in ("of", "for", "and", "the", "in", "on", "at"))
    return letters in (full, content)


def _forms_of_one_name(known: tuple[str, ...], tokens: tuple[str, ...]) -> bool:
    """`Trump` / `Donald Trump` / `Donald J. Trump` / `D. Trump`; `Van Dyke` / `Jason Van
    Dyke`; but not `Donald Trump` / `Eric Trump`."""
    if known[-1] != tokens[-1]:
        return False
    short, long = (known, tokens) if len(known) <= len(tokens) else (tokens, known)
    if long[-len(short):] == short and (len(short) > 1 or len(long) == 1):
        return True
    if len(short) == 1:
        return True
    first, other = short[0], long[0]
    return first == other or (len(first) == 1 or len(other) == 1) and first[0] == other[0]


def _fuller(core: str, tokens: tuple[str, ...], entity: Entity) -> bool:
    """Whether a form names the entity more fully than its canonical name: more words
    (`Donald J. Trump`), or as many, written longer; but not an adjective a headline put in
    front (`New Mitt Romney`)."""
    known = entity.tokens
    if len(tokens) < len(known) or len(tokens) == len(known) and len(core) <= len(entity.name):
        return False
    extra = core.split()[:len(tokens) - len(known)] if tokens[-len(known):] == known else []
    return not any(lexicon_tag(w.lower(), exact=True) == "ADJ" and not first_name_gender(w) for w in extra)


def _tokens(name: str) -> tuple[str, ...]:
    """Folded name tokens, for matching forms of one name."""
    return tuple(t for t in (fold(w) for w in _TOKEN.findall(name)) if t and t not in SUFFIXES)


def _surname(core: str) -> str | None:
    """The form later references use: `Hossein Amir-Abdollahian` → `Amir-Abdollahian`."""
    words = [w for w in core.split() if w.lower().rstrip(".") not in SUFFIXES]
    return words[-1] if len(words) > 1 else None


def _expanded_head(word: str) -> str:
    """`Sen.` → senator, `vice-president` → president: the head a description repeats."""
    word = expand(word)
    return word if word.lower() in ROLE_HEADS else word.rsplit("-", 1)[-1]


def _agrees(word: str, entity: Entity) -> bool:
    """Whether a pronoun can stand for an entity: gender and number."""
    if word in MALE | FEMALE | FIRST_PERSON or word == "who":
        if entity.kind != "person":
            return False
        wrong = "f" if word in MALE else "m" if word in FEMALE else None
        return not (entity.gender and entity.gender == wrong)
    return (word in PLURAL or word in NEUTER) and entity.kind == "organization"


# -- descriptions and documents -----------------------------------------------------------


def _apposition_name(text: str, mention: Mention, at: dict[int, Name]) -> Name | None:
    m = _COMMA.match(text, mention.end)
    if not m:
        return None
    name = at.get(m.end())
    return name if name is not None and name.kind != "place" else None


_COMMA = re.compile(r"\s*,\s*")
_DOC_WORDS = "|".join(sorted(DOCUMENTS, key=len, reverse=True))
_DOCUMENT = re.compile(rf"\b({_DOC_WORDS})\b", re.I)
_OWNER = re.compile(r"(?P<name>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)[’']s?\s+(?:[a-z-]+\s+){0,3}$")
_BY = re.compile(r"\s+(?:(?:issued|released|published|written|signed|sent|put out)\s+)?(?:by|from|in)\s+(?:the\s+)?")
_ISSUED = re.compile(r"(?P<name>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)\s+(?:also\s+|has\s+|had\s+|have\s+)?"
                     rf"(?:{'|'.join(sorted(ISSUING_VERBS))})(?:\s+out)?\s+(?:a|an|the|its|his|her|their)\s+"
                     r"(?:[\w-]+\s+){0,3}$")
_IN_A = re.compile(r"\s*,\s*(?:the\s+)?")
_OPENS_IN_A = re.compile(r"\b[Ii]n\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}$")
_SAID_IN = re.compile(r"(?P<name>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)\s+(?:said|says|wrote|writes|added|argued)\s+"
                      r"(?:\w+\s+)?(?:in|on)\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,3}$")
_BIO = re.compile(r"(?:^|\n)\s*(?:[Bb]y\s+)?(?P<name>[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+)+)"
                  r"(?:(?P<is>\s+is\s)|\s*$|\s*\n)")


def _last_before(entity: Entity, pos: int) -> int:
    """Offset of the entity's latest name mention before pos (far back when none)."""
    k = bisect_left(entity.positions, pos)
    return entity.positions[k - 1] if k else -10 ** 9


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _issues(text: str, mention: Mention) -> bool:
    """Whether the name in a document mention is its issuer: it owns it (`the FBI's
    report`) or follows it (`a report by Pew`), rather than modifying it (`the school's
    Facebook post`)."""
    name = mention.name
    if name is None:
        return False
    if name.end < mention.end and text.startswith(("’s", "'s", "’", "'"), name.end):
        return True
    head = mention.text.lower().find(mention.head)
    return name.start > mention.start + head


def _attached_org(mention: Mention) -> str | None:
    name = mention.name
    return name.text if name is not None and name.kind == "organization" else None


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
