"""Speaker mentions: the names, pronouns and noun phrases that could have said a quote.

We find candidates only in the few sentences around each quote.  Names come
from the name recogniser; pronouns are a closed class; noun phrases are a
determiner or possessive followed by modifiers and a noun (`a source`, `the
Pentagon's press secretary`), or a bare plural noun (`officials`), with an
attached `by/for/of/from` phrase (`a statement by the Islamic Resistance in
Iraq`, `a spokesman for Hamas`) or a relative clause (`a source that spoke
with the outlet`).  Choosing among them is the attribution ranker's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from quotes.cues import CUE_NOUNS, VERB_FORMS
from quotes.models import load_json
from quotes.names import Name
from quotes.roles import ROLE_HEADS
from quotes.titles import CALENDAR
from quotes.tagger import lexicon_tag
from quotes.tagger import word_tag as tagger_word_tag
from quotes.tokens import Token

SUBJECT_PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "who"}
POSSESSIVE_PRONOUNS = {"his", "her", "their", "its", "my", "our"}  # "his call for ...", "her remark that ..."
# Words that speak only when a reporting verb follows: "which notes", "most said", "another added".
SPEAKING_ONLY = {"which", "that", "most", "another", "someone", "somebody", "some", "many", "others", "few",
                 "several", "all", "both", "one", "none", "anyone", "everyone", "nobody"}
DETERMINERS = {
    "a", "an", "the", "this", "these", "those", "his", "her", "their", "its", "our", "my", "your",
    "one", "two", "three", "four", "five", "several", "many", "some", "another", "other", "both", "each",
    "every", "most", "all", "few", "no", "any", "which", "whose",
}
ATTACHING = {"by", "for", "of", "from", "at", "with", "to", "in", "on"}
NOUN_TAGS = {"NOUN", "PROPN", "NUM"}
MODIFIER_TAGS = {"ADJ", "NOUN", "PROPN", "NUM", "VERB", "ADV"}  # "retired", "leading", "vice", "very"
# Nouns that name speakers or what they issue; the tagger's most frequent tag for some is
# ADJ or VERB (`official`, `email`), but after a determiner they are heads.
SPEAKER_NOUNS = CUE_NOUNS | ROLE_HEADS | {
    "source", "sources", "official", "officials", "aide", "aides", "person", "people", "insider", "insiders",
    "diplomat", "diplomats", "resident", "residents", "witness", "witnesses", "observer", "observers",
    "crowd", "audience", "attendees", "protesters", "supporters", "critics", "voters", "email", "ad",
}
MAX_NOMINAL = 7
PARTICIPLE_ENDINGS = ("ed", "ing", "en", "wn")
CLOSED_CLASS_TAGS = {"ADP", "SCONJ", "CCONJ", "DET"}  # closed classes no name is written in
CLAUSE_STOP = {",", ".", ";", ":", "(", ")", "—", "–", "?", "!", "<Q>"}


AGE = re.compile(r"\d+-year-old$")
PARTY_TAG = re.compile(r"[DRI]-[A-Z][\w.]*$")
AGENT_SUFFIXES = ("er", "or", "ist", "ian", "man", "men", "woman", "women", "ant", "ent", "ers", "ors", "ists",
                  "ians", "ants", "ents", "eer", "eers")


@cache
def head_class(head: str) -> str:
    """Could this noun say something?  `speaker` nouns (spokesman, statement, officials),
    `agent` or `thing` as GUM's entity types have it (quotes/training/animacy.py), else
    `agent` by suffix (pollster, analyst) or `other`."""
    if head in SPEAKER_NOUNS:
        return "speaker"
    known = animacy().get(head) or (animacy().get(head[:-1]) if head.endswith("s") else None)
    if known:
        return known
    return "agent" if head.endswith(AGENT_SUFFIXES) else "other"


@cache
def animacy() -> dict[str, str]:
    return load_json("animacy.json.gz")


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str  # name | pronoun | nominal
    head: str  # lower-cased head word (the surname for names)
    first: int  # index of the first token
    last: int  # index of the last token
    entity_kind: str = "other"  # person | organization | place | other (names and named heads)
    name: Name | None = None  # for names, and for nominals headed by or attached to a name


def find_mentions(text: str, tokens: list[Token], names: list[Name]) -> list[Mention]:
    """Candidate speaker mentions among tokens (quotes already masked out)."""
    by_start = {n.start: n for n in names}
    mentions: list[Mention] = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        name = by_start.get(tok.start)
        if name is not None and (PARTY_TAG.match(name.text) or name.text.lower() in CALENDAR
                                 or _modifies_noun(tokens, i, name)):
            name = None  # "(D-Wis.)" tags a name, "Saturday" dates, "Republican claims" uses one as an adjective
        if name is not None:
            j = i
            while j + 1 < n and tokens[j + 1].end <= name.end:
                j += 1
            mentions.append(Mention(name.start, name.end, name.text, "name", tokens[j].lower, i, j, name.kind, name))
            i = j + 1
            continue
        low = tok.lower
        following = tokens[i + 1].lower if i + 1 < n else ""
        if (low in SUBJECT_PRONOUNS
                or low in POSSESSIVE_PRONOUNS and (following in VERB_FORMS or word_tag(tokens[i + 1]) in ("NOUN", "ADJ"))
                and not _people_after(tokens, i)
                or low in SPEAKING_ONLY and following in VERB_FORMS):
            mentions.append(Mention(tok.start, tok.end, tok.text, "pronoun", low, i, i))
            i += 1
            continue
        nominal = _nominal(text, tokens, i, names)
        if nominal is not None:
            mentions.append(nominal)
            i = nominal.last + 1
            continue
        i += 1
    return mentions


# Words that follow a verb rather than a noun: the start of an object, or a particle.
OBJECT_STARTS = {"a", "an", "the", "his", "her", "their", "its"}
PARTICLES = {"back", "up", "out"}


def _people_after(tokens: list[Token], i: int) -> bool:
    """`his surrogates`, `her top aides`: people of the possessor's, who speak for themselves
    (the phrase is a nominal mention), unlike `his call for` or `her remark`."""
    for k in range(i + 1, min(i + 3, len(tokens))):
        if tokens[k].lower in CUE_NOUNS:
            return False
        if head_class(tokens[k].lower) == "agent" or tokens[k].lower in SPEAKER_NOUNS:
            return True
    return False


def _modifies_noun(tokens: list[Token], i: int, name: Name) -> bool:
    """A one-word name directly before a common noun: `Republican claims`, `Trump supporters`."""
    if " " in name.text or i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    after = tokens[i + 2].lower if i + 2 < len(tokens) else ""
    if after in OBJECT_STARTS or after in PARTICLES and head_class(nxt.lower) not in ("agent", "speaker"):
        return False  # `Mills forwards an email`, `Sanders shot back`: the name's verb (not `Trump supporters back`)
    return nxt.text[:1].islower() and nxt.lower not in VERB_FORMS and word_tag(nxt) == "NOUN"


def word_tag(tok: Token) -> str:
    """A coarse part of speech: names by capital letter, reporting verbs by lexicon, the rest by
    the tagger.  Kept on the token: windows overlap, and every step asks again."""
    if not tok.tag:
        if tok.text == "<Q>" or not tok.text[:1].isalnum():
            tok.tag = "PUNCT"
        elif tok.text[:1].isupper():
            # a capitalised function word opens a sentence (`Like Corker, ...`, `After ...`); not `IN`, `OR`
            # known words only: the suffix guesser calls `Cruz` a subordinator
            closed = lexicon_tag(tok.lower) if tok.text[1:].islower() else None
            tok.tag = closed if closed in CLOSED_CLASS_TAGS else "PROPN"
        elif tok.lower.endswith(("n't", "n’t")):
            tok.tag = "AUX"
        elif AGE.match(tok.lower):
            tok.tag = "NOUN"  # "the 46-year-old said"
        elif tok.lower in SPEAKER_NOUNS:
            tok.tag = "NOUN"
        elif tok.lower in VERB_FORMS:
            tok.tag = "VERB"
        else:
            tok.tag = tagger_word_tag(tok.lower)
    return tok.tag


POST_OPENERS = {"close": "to", "familiar": "with", "briefed": "on", "involved": "in", "knowledgeable": "about"}


def _post_modifier(tokens: list[Token], end_tok: int) -> int:
    """Extend a noun phrase over a prepositional or adjective phrase that ends right before
    its verb, so the inner noun phrase is not taken for the subject."""
    n = len(tokens)
    k = end_tok + 1
    if k < n and tokens[k].lower in POST_OPENERS and k + 1 < n and tokens[k + 1].lower == POST_OPENERS[tokens[k].lower]:
        k += 2
    elif k < n and word_tag(tokens[k]) == "ADP" and tokens[k].lower in ATTACHING:
        k += 1
    else:
        return end_tok
    last = None
    while k < n and k - end_tok <= 8:
        tok = tokens[k]
        tag = word_tag(tok)
        if tok.lower in DETERMINERS or tok.text in ("’s", "'s") or tag in ("ADJ", "NUM"):
            k += 1
        elif tag in ("NOUN", "PROPN"):
            last = k
            k += 1
        else:
            break
    if last is None or last + 1 >= n:
        return end_tok
    following = tokens[last + 1]
    if following.lower in VERB_FORMS or word_tag(following) in ("VERB", "AUX"):
        return last
    return end_tok


def _finite(word: str) -> bool:
    """A verb form that cannot modify a noun: not a participle (`retired`, `leading`, `sworn`)
    nor a hyphenated compound the tagger guessed a verb (`first-term`)."""
    return not word.endswith(PARTICIPLE_ENDINGS) and "-" not in word


def _nominal(text: str, tokens: list[Token], i: int, names: list[Name]) -> Mention | None:
    """A noun phrase starting at token i, or None."""
    n = len(tokens)
    low = tokens[i].lower
    j = i
    if low in DETERMINERS:
        j = i + 1
    elif not (word_tag(tokens[i]) == "NOUN" and low.endswith("s") and not tokens[i].text[:1].isupper()):
        return None  # bare noun phrases only as plurals: "officials", "sources"
    elif i + 1 < n and tokens[i + 1].lower in OBJECT_STARTS:
        return None  # a verb taken for a plural noun: `Mills forwards an email`
    # modifiers and head
    last = None
    k = j
    while k < n and k - j < MAX_NOMINAL:
        tag = word_tag(tokens[k])
        if tokens[k].text in ("’s", "'s") and last is not None:
            k += 1
            continue
        if (k == j > i and tag == "VERB" and tokens[k].lower.endswith("s") and tokens[k].lower not in VERB_FORMS
                and k + 1 < n and word_tag(tokens[k + 1]) == "VERB"):
            tag = "NOUN"  # right after a determiner and before a verb: `his surrogates called`
        elif tag in ("VERB", "ADV") and (tokens[k].lower in VERB_FORMS or k + 1 >= n
                                         or word_tag(tokens[k + 1]) not in ("NOUN", "ADJ", "PROPN")
                                         or tag == "VERB" and (_finite(tokens[k].lower)
                                                               or last is not None and "-" not in tokens[k].lower)):
            break  # a participle or adverb inside a noun phrase ("retired general", "vice president"),
            # not a finite verb (`the senator sees issues`) nor any verb after the head (`the senator backed`)
        if tag in MODIFIER_TAGS:
            if tag in NOUN_TAGS:
                last = k
            k += 1
            continue
        break
    if last is None:
        return None
    head = tokens[last]
    if head.text[:1].isupper():
        return None  # "the Pentagon" is a name, found by the recogniser
    end_tok = last
    # attached phrase: "a statement by X", "a spokesman for Y", "a source that spoke with the outlet"
    if last + 2 < n and tokens[last + 1].lower in ATTACHING:
        k = last + 2
        while k < n and tokens[k].lower in DETERMINERS:
            k += 1
        name = next((nm for nm in names if nm.start == tokens[k].start), None) if k < n else None
        if name is not None:
            while end_tok + 1 < n and tokens[end_tok + 1].end <= name.end:
                end_tok += 1
    # post-modifier before the verb: "a source close to the talks said", "officials at the ministry said"
    end_tok = _post_modifier(tokens, end_tok)
    # relative clause: "a source that spoke with the outlet"
    if end_tok + 2 < n and tokens[end_tok + 1].lower in ("that", "who") and word_tag(tokens[end_tok + 2]) == "VERB":
        k = end_tok + 2
        while (k + 1 < n and k - end_tok < 10 and tokens[k + 1].text not in CLAUSE_STOP
               and tokens[k + 1].lower not in VERB_FORMS):
            k += 1
        end_tok = k
    start, end = tokens[i].start, tokens[end_tok].end
    attached = next((nm for nm in names if start <= nm.start and nm.end <= end), None)
    return Mention(start, end, text[start:end], "nominal", head.lower, i, end_tok,
                   attached.kind if attached else "other", attached)
