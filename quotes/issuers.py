"""Statements, reports, letters and ads speak for whoever issued them.

News names a document's issuer next to it (`the FBI's report`, `a report by Pew`,
`X released a report`, `in a statement, X`) and then says `the report said`
paragraphs later: the issuer is read off every document named, and a later
`the report` goes to the latest issuer named with the same noun.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from quotes import coreference
from quotes.cues import CUE_NOUNS
from quotes.mentions import Mention, head_class
from quotes.names import FUNCTION_TAGS, Name
from quotes.tagger import lexicon_tag
from quotes.titles import CALENDAR

if TYPE_CHECKING:
    from quotes.entities import ArticleEntities, Entity

# What speaks for whoever issued it: `the statement said`, `the ad says`.
DOCUMENTS = CUE_NOUNS | {"study", "survey", "poll", "analysis", "lawsuit", "complaint", "ad", "advertisement",
                         "editorial", "book", "order", "decision", "ruling"}
# The verb whose subject issued a document (`X ruled` → `the ruling`).
COGNATE_VERBS = {"ruling": "ruled", "report": "reported", "statement": "stated", "tweet": "tweeted",
                 "announcement": "announced", "decision": "decided", "order": "ordered", "complaint": "complained",
                 "lawsuit": "sued", "testimony": "testified", "post": "posted", "letter": "wrote"}
ISSUING_VERBS = {"released", "issued", "published", "sent", "wrote", "posted", "filed", "unveiled", "put",
                 "delivered", "gave", "made", "tweeted", "aired", "ran", "signed"}
DOCUMENT_REACH = 4000  # characters `the report` may look back for the report's issuer
_NAME = r"(?P<name>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)"  # a run of capitalised words
_OWN = r"(?:a|an|the|its|his|her|their)"
_DOC_WORDS = "|".join(sorted(DOCUMENTS, key=len, reverse=True))
_DOCUMENT = re.compile(rf"\b({_DOC_WORDS})\b", re.I)
_OWNER = re.compile(rf"{_NAME}[’']s?\s+(?:[a-z-]+\s+){{0,3}}$")
_ISSUING = "issued|released|published|written|signed|sent|put out"
_BY = re.compile(rf"\s+(?:(?:{_ISSUING})\s+)?(?:by|from|in)\s+(?:the\s+)?")
# `The report, released Monday by the Government Accountability Office,`: only a time between
_WHEN = (r"(?:on\s+|last\s+|this\s+|early\s+|late\s+)?(?:today|yesterday|earlier|jointly|week|month|year|\d{4}|"
         + "|".join(sorted(w.capitalize() for w in CALENDAR)) + ")")
_RELEASED_BY = re.compile(rf"\s*,?\s+(?:{_ISSUING}|prepared|commissioned|conducted|compiled|filed)"
                          rf"(?:\s+{_WHEN})?\s+by\s+(?:the\s+)?")
_ISSUED = re.compile(rf"{_NAME}\s+(?:also\s+|has\s+|had\s+|have\s+)?"
                     rf"(?:{'|'.join(sorted(ISSUING_VERBS))})(?:\s+out)?\s+{_OWN}\s+"
                     r"(?:[\w-]+\s+){0,3}$")
_PRONOUN_ISSUED = re.compile(rf"\b(?P<pronoun>[Hh]e|[Ss]he|[Tt]hey|[Ii]t)\s+(?:also\s+|has\s+|had\s+|have\s+)?"
                             rf"(?:{'|'.join(sorted(ISSUING_VERBS))})(?:\s+out)?\s+$")
_IN_A = re.compile(r"\s*,\s*(?:the\s+)?")
_OPENS_IN_A = re.compile(rf"\b[Ii]n\s+{_OWN}\s+(?:[\w-]+\s+){{0,2}}$")
# `a group of black parents with kids in charter schools sent a letter`: an indefinite
# description, no sentence or clause break, then an issuing verb and the document
_DESCRIBED_ISSUER = re.compile(
    r"\b[Aa]n?\s+(?P<who>[a-z][\w-]*(?:\s+[\w-]+){0,10}?)\s+(?:also\s+|have\s+|has\s+|had\s+)?"
    rf"(?:{'|'.join(sorted(ISSUING_VERBS))})(?:\s+out)?\s+{_OWN}\s+(?:[\w-]+\s+){{0,3}}?(?P<doc>{_DOC_WORDS})\b")
_SAID_IN = re.compile(rf"{_NAME}\s+(?:said|says|wrote|writes|added|argued)\s+"
                      rf"(?:\w+\s+)?(?:in|on)\s+{_OWN}\s+(?:[\w-]+\s+){{0,3}}$")


def issued(article: ArticleEntities) -> dict[str, list[tuple[int, Entity]]]:
    """Who issued each statement, report or letter the article names: `X's letter`,
    `a report by X`, `X released a report`, `in a statement, X`.  Head noun → [(offset,
    issuer)]."""
    found: dict[str, list[tuple[int, Entity]]] = {}
    for m in _DOCUMENT.finditer(article.text):
        issuer = _issuer(article, m)
        if issuer is not None:
            found.setdefault(_singular(m.group(1).lower()), []).append((m.start(), issuer))
    return found


def _issuer(article: ArticleEntities, m: re.Match) -> Entity | None:
    text = article.text
    before = text[max(0, m.start() - 60):m.start()]
    possessive = _OWNER.search(before)
    if possessive:
        return _entity_ending(article, m.start() - len(before) + possessive.end("name"))
    after = _BY.match(text, m.end())
    if after:
        return article.of_name.get(after.end())
    verb = _ISSUED.search(before)
    if verb:
        return _entity_ending(article, m.start() - len(before) + verb.end("name"))
    said = _SAID_IN.search(before)
    if said:
        return _entity_ending(article, m.start() - len(before) + said.end("name"))
    intro = _IN_A.match(text, m.end())
    if intro and _OPENS_IN_A.search(before):
        return article.of_name.get(intro.end())
    return None


def issuing_name(text: str, mention: Mention) -> Name | None:
    """The name in a document mention when it is the issuer: it owns the document (`the
    FBI's report`) or follows it (`a report by Pew`), rather than modifying it (`the
    school's Facebook post`)."""
    name = mention.name
    if name is None:
        return None
    if name.end < mention.end and text.startswith(("’s", "'s", "’", "'"), name.end):
        return name
    head = mention.text.lower().find(mention.head)
    return name if name.start > mention.start + head else None


def released_by(text: str, mention: Mention, at: dict[int, Name]) -> Name | None:
    """The name a participle after the document gives as its author (`the report, released
    Monday by the GAO,`)."""
    m = _RELEASED_BY.match(text, mention.end)
    if m is None:
        return None
    return at.get(m.end()) or next((n for n in at.values() if n.title_start == m.end()), None)  # `by Sen. X`


def issuer_before(article: ArticleEntities, mention: Mention) -> Entity | None:
    """The named issuer of `the report` that names none: the latest issuer of a report
    within reach, else the latest subject of the verb it is named for."""
    found = [(pos, e) for pos, e in article.issued.get(_singular(mention.head), [])
             if pos < mention.start and mention.start - pos <= DOCUMENT_REACH]
    return found[-1][1] if found else _did_it(article, mention)


def described_issuer(text: str, mention: Mention) -> str | None:
    """`a group of black parents ... sent a letter` ... `the letter reads`: the unnamed
    issuer, as the article describes it (`group of black parents ...`)."""
    head = _singular(mention.head)
    found, pos = None, max(0, mention.start - DOCUMENT_REACH)
    while (m := _DESCRIBED_ISSUER.search(text, pos, mention.start)) is not None:
        pos = m.start() + 1  # matches may overlap: `a week a group of nurses ... sent a letter`
        who = m.group("who")
        if _singular(m.group("doc").lower()) == head and head_class(_phrase_head(who)) in ("agent", "speaker"):
            found = who  # `a group of ...`, not `a year before the company ...`
    return found


def _phrase_head(phrase: str) -> str:
    """The noun a description is about: the word before its first function word."""
    words = phrase.split()
    for k, word in enumerate(words[:-1]):
        if lexicon_tag(words[k + 1].lower()) in FUNCTION_TAGS:
            return word.lower()
    return words[-1].lower()


def pronoun_issuer(article: ArticleEntities, mention: Mention) -> Entity | None:
    """`she released a statement saying …`: the one the pronoun that issued it stands for."""
    m = _PRONOUN_ISSUED.search(article.text, max(0, mention.start - 40), mention.start)
    if m is None:
        return None
    start, end = m.span("pronoun")
    pronoun = Mention(start, end, m.group("pronoun"), "pronoun", m.group("pronoun").lower(), -1, -1)
    return coreference.antecedent(article, pronoun)


def name_before(article: ArticleEntities, mention: Mention) -> Entity | None:
    """The last resort for a document: the entity of the nearest name before it."""
    hi = bisect_right(article.ends, mention.start)
    for k in range(hi - 1, max(-1, hi - 7), -1):
        issuer = article.of_name.get(article.starts[k])
        if issuer is not None:
            return issuer
    return None


def _did_it(article: ArticleEntities, mention: Mention) -> Entity | None:
    """`the ruling` after `the Court of Appeals ruled`: the latest named subject of the
    verb the document is named for; or after `the appeals court ruled`, the body that
    description stands for (the latest named court)."""
    verb = COGNATE_VERBS.get(_singular(mention.head))
    if verb is None:
        return None
    starts, last, last_at = article.starts, None, -1
    before = article.text[:mention.start]
    for m in re.finditer(rf"(?P<name>[A-Z][\w.&-]*(?:\s+(?:[A-Z][\w.&-]*|of|for|the))*)\s+(?:\w+ly\s+)?{verb}\b",
                         before):
        k = bisect_left(starts, m.start("name"))  # the first entity named in the subject
        while k < len(starts) and starts[k] < m.end("name"):
            if starts[k] in article.of_name:
                last, last_at = article.of_name[starts[k]], m.start()
                break
            k += 1
    for m in re.finditer(rf"\b[Tt]he\s+(?:[a-z-]+\s+){{0,2}}(?P<head>[a-z]+)\s+(?:\w+ly\s+)?{verb}\b", before):
        if m.group("head") in coreference.ORG_CLASS_NOUNS and m.start() > last_at:
            described = Mention(m.start(), m.end("head"), before[m.start():m.end("head")], "nominal",
                                m.group("head"), -1, -1)
            body = coreference.described(article, described)
            if body is not None:
                last, last_at = body, m.start()
    return last


def _entity_ending(article: ArticleEntities, end: int) -> Entity | None:
    k = bisect_left(article.ends, end)
    return article.of_name.get(article.starts[k]) if k < len(article.ends) and article.ends[k] == end else None


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
