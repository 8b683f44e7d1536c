"""Who a pronoun, a description or an apposition stands for, within one article.

A pronoun goes to the nearest agreeing person or group before it, but he or she
to the subject just before a nearer object (`Christie blamed Clinton ... he
said`), and an op-ed's `I` to the author its closing lines introduce.  A definite
description goes to the entity it describes (`the spokesman`, `the Vermont
senator`, `the union`), and gives its role to an untitled person it fits, so the
article's own words for someone follow them to their other mentions.  A name or
description set in apposition to a person is that person (`Michael Mulgrew,
president of the United Federation of Teachers`), as is a body that only titles
a name (`European Council` in `European Council President Donald Tusk`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from quotes.cues import INVERTING, VERB_FORMS
from quotes.mentions import Mention
from quotes.name_forms import fold
from quotes.names import FUNCTION_TAGS, ORG_HEADS, Name, name_head, sentence_initial
from quotes.roles import COMMA, role_before, role_phrase
from quotes.tagger import lexicon_tag, word_tag
from quotes.titles import PARTY_ADJECTIVES, ROLE_GENDER, ROLE_HEADS, is_title_word, party_word

if TYPE_CHECKING:
    from quotes.entities import ArticleEntities, Entity, Speaker

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
FIRST_PERSON = {"i", "me", "my", "mine", "myself"}
POSSESSIVE = {"his", "her"}
PLURAL = {"they", "them", "their", "we", "our"}
NEUTER = {"it", "its"}
# Nouns a body is referred back to by (`the company said`): the latest organisation named.
ORG_CLASS_NOUNS = ORG_HEADS | {"company", "firm", "newspaper", "paper", "network", "outlet", "publication",
                               "magazine", "website", "site", "channel", "organization", "organisation", "group"}
# `the next president`, `the eventual nominee`: someone not yet in the role, maybe no one named.
HYPOTHETICAL = frozenset("next eventual future potential possible likely would-be prospective new".split())
# Nouns that describe a person without naming a position: they corefer (`the gambling tycoon`)
# but give no role.
PERSON_NOUNS = frozenset("tycoon mogul magnate billionaire millionaire celebrity star".split())
# Role nouns that, after `the`, seldom stand for one person named before (`the administration`).
NOT_DESCRIPTIONS = {"administration", "general", "head", "member", "chief", "partner", "owner", "player", "agent",
                    "delegate"}
SUBJECT_REACH = 300  # characters a subject may lie before an object that is nearer to a pronoun
ANTECEDENT_REACH = 2500  # characters a pronoun or a description may look back for its antecedent
_NEXT_WORDS = re.compile(r"\s+(?:([a-z]+)\s+)?([a-z]+)")
_LOWER_BEFORE = re.compile(r"\b([a-z][a-z’'-]*)[ \t]+$")  # a lower-case word right before, same line
# what ends a clause between a subject and a possessive that it binds
_CLAUSE_BREAK = re.compile(r"[,;:.!?“”\"\n]|\b(?:that|and|but|or|because|while|when|who|which|if)\b")
# from a name to the `who` or `which` that stands for it: a comma, a tag, an age or an apposition
_RELATIVE_GAP = re.compile(r"(?:\s*\([^()\n]{1,30}\))?(?:\s*,[^,;:!?()\n“”\"]{1,60})?\s*,?\s*")
_THE = re.compile(r"\b[Tt]he\s+")
_PUNCTUATION = ",.;:!?()[]“”\"‘’'"
_NAMED_NEXT = re.compile(r"\s*,?\s*[A-Z]")  # `the spokesman, Omar Haddad`, `the RT host Ed Schultz`
_APPOSED = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?,\s*")
# from a name to a later one inside its apposition: a tag or an age, a comma, words without a clause break
_APPOSED_PHRASE = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?(?:,\s*\d{1,3})?,\s*[a-z][^,.;:“”\"\n()]*")
_PARTY_AFTER = re.compile(r"\s*(?:\([DRI]-[A-Z][\w.]*\)|,\s*[DRI]-[A-Z][\w.]*,)")
_TAG_OPEN = re.compile(r"\s*\(\s*(?:[DRI]-)?")
_BIO = re.compile(r"(?:^|\n)\s*(?:[Bb]y\s+)?(?P<name>[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+)+)"
                  r"(?:(?P<is>\s+is\s)|\s*$|\s*\n)")


# -- pronouns ------------------------------------------------------------------------


RELATIVE = {"who": "person", "which": "organization"}  # not `that`: `the memo went to the Pentagon that said`


def antecedent(article: ArticleEntities, mention: Mention) -> Entity | None:
    """The entity a pronoun stands for: an op-ed's author for `I`; the person a `who` follows
    (the body a `which` follows), past a tag, an age or an apposition, else nobody; a he or
    she's subject (see _subject_before), else the nearest agreeing entity, or the subject
    before it when that one is an object."""
    word = mention.head
    if word in FIRST_PERSON:
        author = _author(article)
        if author is not None:
            return author
    starts, ends, of_name = article.starts, article.ends, article.of_name
    hi = bisect_right(ends, mention.start)
    lo = bisect_left(ends, mention.start - ANTECEDENT_REACH)
    if word in RELATIVE:  # `Kirby, who said`, `John Smith, 45, who`, `the Chicago Police Department, which`
        for k in range(hi - 1, max(hi - 3, -1), -1):  # the tag of `Ruth Kline (D-Mass.), who` is a name too
            entity = of_name.get(starts[k])
            if entity is not None and _RELATIVE_GAP.fullmatch(article.text, ends[k], mention.start):
                return entity if entity.kind == RELATIVE[word] else None
        return None  # `refugees, who`
    if word in MALE | FEMALE:
        subject = _subject_before(article, word, mention.start, hi)
        if subject is not None:
            return subject
    nearest = None
    for k in range(hi - 1, lo - 1, -1):
        entity = of_name.get(starts[k])
        if entity is None or not _agrees(word, entity):
            continue
        if nearest is None:
            nearest = k
            if word not in MALE | FEMALE or not _object(article.text, article.names[k]):
                break
        elif entity is not of_name[starts[nearest]] and not _object(article.text, article.names[k]):
            if starts[nearest] - ends[k] <= SUBJECT_REACH:
                return entity  # `Christie blamed Clinton ... he said`: the subject
            break
    return of_name[starts[nearest]] if nearest is not None else None


def unnamed_continues(pronoun: str, speaker: Speaker) -> bool:
    """Whether a pronoun no named entity agrees with can stand for the last quote's unnamed
    speaker (`A spokeswoman said …` `She added …`): the speaker has no entity, and the
    pronoun agrees with its head noun in number and, where the noun tells, gender."""
    if speaker.entity is not None or not speaker.name:
        return False
    head = speaker.name.split()[-1].lower()
    plural = head.endswith("s") and head not in ROLE_GENDER
    if pronoun in MALE | FEMALE:
        gender = ROLE_GENDER.get(head)
        return not plural and speaker.kind != "organization" and gender in (None, "m" if pronoun in MALE else "f")
    if pronoun in PLURAL:
        return plural or speaker.kind == "organization"
    return pronoun in NEUTER and speaker.kind == "organization"


def _agrees(word: str, entity: Entity) -> bool:
    """Whether a pronoun can stand for an entity: gender and number."""
    if word in MALE | FEMALE | FIRST_PERSON or word == "who":
        if entity.kind != "person":
            return False
        wrong = "f" if word in MALE else "m" if word in FEMALE else None
        return not (entity.gender and entity.gender == wrong)
    return (word in PLURAL or word in NEUTER) and entity.kind == "organization"


def _subject_before(article: ArticleEntities, word: str, pos: int, hi: int) -> Entity | None:
    """The person he or she most likely stands for: the latest agreeing one, in this or
    the previous paragraph, named as a subject — opening a sentence (`Mr. Obama dismissed
    the criticism as the voice of Mr. Tribe's client ... he said`) or reporting (`...,
    Stovall said`, `said Kunin`) or, for his or her, governing the pronoun's own clause
    (`Trump stood by his comment`) — over nearer names in other places."""
    text = article.text
    here = article.paragraph(pos)
    found = []
    for k in range(hi - 1, -1, -1):
        name = article.names[k]
        if here - article.paragraph(name.start) > 1:
            break
        entity = article.of_name.get(name.start)
        if entity is None or not _agrees(word, entity) or len(entity.tokens) < 2 and not entity.heads:
            continue  # a one-word name counts when titled (`Mr. Obama`, `President Obama`)
        start = name.title_start if name.title_start >= 0 else name.start
        if (sentence_initial(text, start) or reports(text, name) or _inverted(text, name)
                or word in POSSESSIVE and _binds(text, name, pos)):
            found.append(entity)
    # one whose gender is known to agree first: `she` is not the nearer `Jeff Merkley`
    return next((e for e in found if e.gender), found[0] if found else None)


def _binds(text: str, name: Name, pos: int) -> bool:
    """Whether a name is the subject of the clause a possessive at pos stands in: a verb
    follows it and no clause boundary comes between (`Trump stood by his`, not `Obama said
    that Biden ... his`, where Biden binds it)."""
    return _verb_follows(text, name.end) and _CLAUSE_BREAK.search(text, name.end, pos) is None


def reports(text: str, name: Name) -> bool:
    """Whether a name is the subject of a reporting verb (`Tester said`, `Kirby also told`)."""
    tag = _PARTY_AFTER.match(text, name.end)  # `Cruz (R-Texas) said`, `Cruz, R-Texas, said`
    end = tag.end() if tag else name.end
    m = _NEXT_WORDS.match(text, end, end + 40)
    return bool(m) and (m.group(2) in VERB_FORMS and (m.group(1) is None or m.group(1).endswith("ly")
                                                     or m.group(1) in ("also", "later", "then", "has", "had"))
                        or m.group(1) in VERB_FORMS or f"{m.group(1)} {m.group(2)}" in VERB_FORMS)


def _inverted(text: str, name: Name) -> bool:
    """`said Kunin`: a name right after a reporting verb that puts its subject last."""
    before = _LOWER_BEFORE.search(text, max(0, name.start - 20), name.start)
    return before is not None and VERB_FORMS.get(before.group(1)) in INVERTING


def _object(text: str, name: Name) -> bool:
    """Whether a name stands as an object (`blamed Clinton`, `with Clinton`) rather than
    a subject (`Clinton said`) or a possessor (`Clinton's plan`): he or she after it more
    likely stands for the subject before it."""
    start = name.title_start if name.title_start >= 0 else name.start  # `blamed Senator Whitcombe`
    before = _LOWER_BEFORE.search(text, max(0, start - 30), start)
    if before is None:
        return False
    word = before.group(1).lower()
    if word_tag(word) not in ("ADP", "VERB") or VERB_FORMS.get(word) in INVERTING:
        return False  # `said Trump`: a subject after its verb
    possessive = text.startswith(("’s", "'s"), name.end)
    return not possessive and not _verb_follows(text, name.end)


def _author(article: ArticleEntities) -> Entity | None:
    """The writer an op-ed's `I` is: the person its last two paragraphs introduce by a
    role (`Jane Roe is a senior fellow at ...`) or a byline (`By Jane Roe`)."""
    text = article.text
    paragraphs = [p for p in article.paragraph_starts if p < len(text.rstrip())]
    tail = paragraphs[-2] if len(paragraphs) >= 2 else 0
    for m in _BIO.finditer(text, tail):
        entity = article.of_name.get(m.start("name"))
        if entity is None or entity.kind != "person":
            continue
        if m.group("is"):
            found = role_phrase(text, m.end(), min(len(text), m.end() + 160), article.at)
            if found is None:
                continue
            if entity.role is None:
                entity.note_role(found.role, found.organization)
        return entity
    return None


# -- descriptions ----------------------------------------------------------------------


def roles_from_descriptions(article: ArticleEntities) -> None:
    """Give roles from definite descriptions (`the Vermont senator said`, `the Republican
    presidential nominee told`) to the untitled people they refer to (see _referent): the
    article's own words for someone it names elsewhere without a title."""
    text = article.text
    for m in _THE.finditer(text):
        raw = text[m.end():m.end() + 60].split()[:6]
        words = [w.strip(_PUNCTUATION) for w in raw]
        head = next((k for k, w in enumerate(words[:5]) if w in ROLE_HEADS or w in PERSON_NOUNS), None)
        if head is None or not all(_modifier(w) for w in words[:head]) or _noun_after(raw, head):
            continue
        head_end = text.find(words[head], m.end()) + len(words[head])
        if _NAMED_NEXT.match(text, head_end) or words[head] in NOT_DESCRIPTIONS:
            continue
        if _apposed_name_index(article, m.start()) >= 0:
            continue  # `Kirby, the Pentagon's press secretary`: the name's own apposition
        speaks = head > 0 and _verb_follows(text, head_end)
        modifiers = {fold(w) for w in words[:head] if w[:1].isupper()}
        entity = _referent(article, m.start(), fold(words[head]), modifiers, speaks)
        if entity is not None and entity.role is None:
            found = role_phrase(text, m.start(), min(len(text), m.start() + 120), article.at)
            if found is not None:
                entity.note_role(found.role, found.organization)


def described(article: ArticleEntities, mention: Mention) -> Entity | None:
    """The entity a definite description refers back to: `the spokesman` → the person
    given that role, and a modified description that speaks (`the Vermont senator
    said`) as _referent has it; `the union` → the latest body named a union, `the
    company` → the latest body named in this or the previous paragraph."""
    head = fold(mention.head)
    if head in ROLE_HEADS or mention.head in ROLE_HEADS | PERSON_NOUNS:
        words = role_words(mention).split()[:-1]
        capitalised = {fold(w) for w in words if w[:1].isupper()}
        return _referent(article, mention.start, head, capitalised, speaks=bool(words), quoted=True)
    if head not in ORG_CLASS_NOUNS:
        return None
    last = {id(e): _last_before(e, mention.start) for e in article.entities if e.kind == "organization"}
    orgs = [e for e in article.entities if id(e) in last and mention.start - last[id(e)] <= ANTECEDENT_REACH]
    headed = [e for e in orgs if fold(name_head(tuple(e.name.split()))) == head]
    here = article.paragraph(mention.start)
    candidates = headed or [e for e in orgs if here - article.paragraph(last[id(e)]) <= 1]
    return max(candidates, key=lambda e: last[id(e)]) if candidates else None


def _referent(article: ArticleEntities, pos: int, head: str, modifiers: set[str], speaks: bool,
              quoted: bool = False) -> Entity | None:
    """The person a description at pos refers to: the latest one with its role noun;
    else, for a modified description that is a subject (`the Vermont senator said`), a
    person without a role named within reach: one whose names, roles or party carry the
    description's capitalised words (or the only candidate when none does), else, for a
    description with no capitalised word, the most often named (news repeats a
    description for its main figures); never one of another party.  A description that
    is a quote's speaker (quoted) may also be someone with another role (`the billionaire
    businessman said`)."""
    titled, untitled = None, []
    for entity in article.entities:
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
    if not modifiers or fitting or len(untitled) == 1:
        return max(fitting or untitled, key=lambda e: (bisect_left(e.positions, pos), _last_before(e, pos)))
    # `the Vermont senator` with nobody known from Vermont: the one the story quotes, if it quotes one most
    quoted = sorted((_times_reporting(article, e, pos), id(e), e) for e in untitled)
    return quoted[-1][2] if quoted[-1][0] > 2 * quoted[-2][0] else None


def _times_reporting(article: ArticleEntities, entity: Entity, pos: int) -> int:
    """How often the entity's name is the subject of a reporting verb before pos (`Sanders said`)."""
    text, at = article.text, article.at
    return sum(1 for p in entity.positions if p < pos and p in at and (reports(text, at[p]) or _inverted(text, at[p])))


def role_words(mention: Mention) -> str:
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


def _last_before(entity: Entity, pos: int) -> int:
    """Offset of the entity's latest name mention before pos (far back when none)."""
    k = bisect_left(entity.positions, pos)
    return entity.positions[k - 1] if k else -10 ** 9


def _noun_after(raw: list[str], head: int) -> bool:
    """`the overall delegate count`: the role noun only modifies the noun after it."""
    if head + 1 >= len(raw) or raw[head][-1:] in _PUNCTUATION:
        return False
    nxt = raw[head + 1].strip(_PUNCTUATION)
    return nxt.isalpha() and nxt.islower() and word_tag(nxt) == "NOUN" and nxt not in VERB_FORMS


def _other_party(entity: Entity, modifiers: set[str]) -> bool:
    """Whether a description names a party (`the Republican nominee`) the entity is known
    not to belong to."""
    said = {party_word(p) for p in modifiers if p in PARTY_ADJECTIVES}
    known = {party_word(p) for p in entity.words if p in PARTY_ADJECTIVES}
    return bool(said and known) and not said & known


def _verb_follows(text: str, pos: int) -> bool:
    """Whether a verb comes right after pos (`the Vermont senator acknowledged`)."""
    m = _NEXT_WORDS.match(text, pos)
    if not m:
        return False
    word = m.group(1) or m.group(2)
    return word in VERB_FORMS or word_tag(word) in ("VERB", "AUX") or word.endswith("ly") and (
        m.group(2) in VERB_FORMS or word_tag(m.group(2)) in ("VERB", "AUX"))


def _modifier(word: str) -> bool:
    """A word that may stand between `the` and a role noun in a description."""
    low = word.lower()
    return low not in VERB_FORMS and low not in HYPOTHETICAL and lexicon_tag(low) not in FUNCTION_TAGS


# -- appositions ---------------------------------------------------------------------


def apposed_to(article: ArticleEntities, mention: Mention) -> Entity | None:
    """The person a description stands in apposition to, right after their name and a comma."""
    k = _apposed_name_index(article, mention.start)
    if k < 0:
        return None
    entity = article.of_name.get(article.starts[k])
    return entity if entity is not None and entity.kind == "person" else None


def _apposed_name_index(article: ArticleEntities, pos: int) -> int:
    """Index of the name pos follows after a comma (an apposition, read as the name's
    role), or -1."""
    k = bisect_right(article.ends, pos) - 1
    return k if k >= 0 and _APPOSED.fullmatch(article.text, article.ends[k], pos) is not None else -1


def apposed_name(text: str, mention: Mention, at: dict[int, Name]) -> Name | None:
    """The name a description is set before (`the spokesman, Omar Haddad`); the caller
    tells a person the recogniser took for a place from a place."""
    m = COMMA.match(text, mention.end)
    return at.get(m.end()) if m else None


def described_before(article: ArticleEntities, mention: Mention) -> Entity | None:
    """The person a name only describes: `United Federation of Teachers` in `Michael
    Mulgrew, president of the United Federation of Teachers,`, `Senate Banking
    Committee` in `Senator Richard Shelby, the Alabama Republican who heads the Senate
    Banking Committee,`, `Vt.` in `Sen. Bernie Sanders (Vt.)`: a name in the tag or the
    first comma-set phrase after a person's name."""
    text = article.text
    k = bisect_left(article.starts, mention.start) - 1
    while k >= 0 and mention.start - article.ends[k] <= 150:
        previous = article.names[k]
        entity = article.of_name.get(previous.start)
        if entity is not None and entity.kind == "person":
            if article.entity_at(mention.name) is entity:
                return None
            gap = text[previous.end:mention.start]
            if _TAG_OPEN.fullmatch(gap):
                return entity
            # `Trump, Sexton said, ...`: a name that reports is no part of an apposition
            said_so = mention.kind == "name" and mention.name is not None and reports(text, mention.name)
            said = any(w in VERB_FORMS for w in gap.lower().split())  # `Trump, who said the company`
            apposed = _APPOSED_PHRASE.fullmatch(gap) and not said_so and not said
            return entity if apposed else None
        k -= 1
    return None


def titled_after(article: ArticleEntities, mention: Mention) -> Entity | None:
    """The person whose title a name is part of: `Senate` in `Senate Minority Leader
    Harry Reid`, `Stein` in `Stein spokeswoman Melezia Figueroa`."""
    k = bisect_right(article.starts, mention.start)
    if k >= len(article.names):
        return None
    following = article.names[k]
    entity = article.of_name.get(following.start)
    gap = article.text[mention.end:following.start]
    if entity is None or entity.kind != "person" or not gap.strip() or len(gap) > 60 or "\n" in gap:
        return None
    if not all(is_title_word(w) or w[:1].islower() and w.isalpha() for w in gap.split()):
        return None
    role = role_before(article.text, following, article.at)
    return entity if role is not None and role.start <= mention.start else None
