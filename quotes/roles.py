"""Roles and organisations as the article states them.

Three constructions carry nearly all of them in news copy:
  - a title before the name: `Iran’s Foreign Minister Hossein Amir-Abdollahian`,
    `Pentagon Press Secretary John Kirby`, `Senior Hamas official Osama Hamdan`;
  - an apposition after it: `Ahmad al-Hamidawi, the leader of Kataib Hezbollah,`;
  - a relative clause: `Kirby, who heads the agency,`.
The role is kept as written (minus articles); the organisation is the named
group or country it belongs to (`of Kataib Hezbollah`, `Iran’s`, `Pentagon`).
"""

from __future__ import annotations

import re

from quotes.names import Name, classify_name

# Nouns that name a position a person holds; a phrase must have one to be a role.
ROLE_HEADS = set("""
minister secretary president spokesman spokeswoman spokesperson spokespeople leader director chief
commander general ambassador senator representative governor mayor chairman chair chairwoman
chairperson ceo founder co-founder official officer head deputy adviser advisor aide analyst professor
judge attorney prosecutor editor correspondent reporter king queen prince princess envoy coordinator
manager executive member lawmaker congressman congresswoman candidate nominee strategist economist
researcher expert colonel captain lieutenant sergeant admiral premier chancellor speaker whip treasurer
president-elect mp minister-designate emir sheikh cleric imam rabbi pastor bishop cardinal pope
commissioner inspector superintendent sheriff chief-of-staff counsel lawyer scientist doctor physician
activist organizer organiser campaigner founder owner partner fellow scholar historian author writer
columnist host anchor producer coach captain player striker chairman-elect administrator administration
""".split())
# Words that modify a role head inside a title (`Foreign Minister`, `Press Secretary`).
ROLE_MODIFIERS = set("""
foreign press senior deputy vice prime defense defence interior finance chief executive assistant acting
former top national security communications state general principal associate managing political
military supreme interim first second former junior lead special
""".split())
DETERMINERS = ("the ", "a ", "an ", "The ", "A ", "An ")
_APPOSITION = re.compile(r"\s*,\s*(?P<role>[^,;:()“”\"\n]{3,120}?)\s*(?=,|;|\.(?:\s|$)|\s+(?:said|says|told|added)\b|$)")
_WHO_HEADS = re.compile(r"\s*,\s*who\s+(?P<verb>heads|leads|runs|chairs|directs|founded|commands|represents|co-founded)\s+"
                        r"(?P<org>[^,;:.()“”\"\n]{2,80}?)\s*(?=,|;|\.|$)")
WHO_ROLE = {"heads": "head", "leads": "leader", "runs": "head", "chairs": "chair", "directs": "director",
            "founded": "founder", "co-founded": "co-founder", "commands": "commander",
            "represents": "representative"}
_WORDS = re.compile(r"[\w’'-]+")


def has_role_head(phrase: str) -> bool:
    return any(w.lower() in ROLE_HEADS for w in _WORDS.findall(phrase))


def organisation_in(phrase: str, names: list[Name]) -> str | None:
    """The named group or country a role phrase belongs to, if it names one."""
    for n in names:
        if n.kind in ("organization", "place"):
            return n.text
    words = _WORDS.findall(phrase)
    capitalised = [w for w in words if w[0].isupper() and w.lower() not in ROLE_HEADS | ROLE_MODIFIERS]
    if capitalised:
        kind, _ = classify_name(capitalised, "", "")
        if kind in ("organization", "place"):
            return " ".join(capitalised)
    return None


def role_after(text: str, name: Name, names: list[Name]) -> tuple[str, str | None] | None:
    """Role from an apposition or a `who heads` clause right after a name."""
    tail_end = min(len(text), name.end + 200)
    m = _WHO_HEADS.match(text, name.end, tail_end)
    if m:
        org = m.group("org").strip()
        org_clean = org[4:] if org.lower().startswith("the ") else org
        return f"{WHO_ROLE[m.group('verb')]} of {org_clean}", org_clean
    m = _APPOSITION.match(text, name.end, tail_end)
    if not m:
        return None
    phrase = m.group("role").strip()
    if phrase.lower().startswith(("who ", "which ", "said", "says", "told", "and ", "but ", "according")):
        return None
    if not has_role_head(phrase):
        return None
    role = phrase
    for det in DETERMINERS:
        if role.startswith(det):
            role = role[len(det):]
            break
    inside = [n for n in names if m.start("role") <= n.start and n.end <= m.end("role")]
    org = organisation_in(phrase, inside)
    possessive = re.match(r"(?P<org>[^’'\s][^’']*?)[’']s\s+(?P<rest>.+)$", role)
    if possessive and org and possessive.group("org").strip().endswith(org):
        role = possessive.group("rest")  # "the Pentagon's press secretary" → "press secretary", Pentagon
    return role, org


_TITLE_WORD = re.compile(r"([\w.-]+(?:[’'][\w]+)?)(\s+)$")


def role_before(text: str, name: Name, names: list[Name]) -> tuple[str, str | None] | None:
    """Role from the title words written just before a name.

    `Iran’s Foreign Minister X` → ('Foreign Minister', 'Iran'); `Pentagon Press
    Secretary X` → ('Press Secretary', 'Pentagon'); `senior Hamas official X` →
    ('senior Hamas official', 'Hamas').  The word next to the name must be a role
    head; capitalised words in front count only when they name a group or place.
    """
    words: list[tuple[int, str]] = []
    pos = name.start
    floor = max(0, name.start - 100)
    while len(words) < 8:
        m = _TITLE_WORD.search(text, floor, pos)
        if not m:
            break
        word = m.group(1)
        bare = word.rstrip(".").lower()
        if not (word[0].isupper() or bare in ROLE_HEADS or bare in ROLE_MODIFIERS):
            break
        if "\n" in m.group(2):
            break
        words.insert(0, (m.start(1), word))
        pos = m.start(1)
    if not words or words[-1][1].rstrip(".").lower() not in ROLE_HEADS:
        return None
    owner = None
    while words:  # leading words that are no part of the role: an owner, or an ordinary capitalised word
        start, word = words[0]
        bare = word.rstrip(".").lower()
        if bare in ROLE_HEADS or bare in ROLE_MODIFIERS:
            break
        named = next((n for n in names if n.start <= start < n.end), None)
        if named is not None and named.kind in ("organization", "place"):
            owner = named.text
            while words and words[0][0] < named.end:
                words.pop(0)
            continue
        words.pop(0)
    if not words:
        return None
    role_start = words[0][0]
    role = text[role_start:name.start].strip()
    possessive = re.search(r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)[’']s\s*$", text[floor:role_start])
    if owner is None and possessive:
        owner = possessive.group(1)
    inner = [n for n in names if role_start <= n.start and n.end <= name.start and n.kind in ("organization", "place")]
    if owner is None and inner:
        owner = inner[0].text
    return role, owner


_FRONTED = re.compile(r"(?:^|[\s(])(?:the|a|an|The|A|An)\s+(?P<role>[^,;:.()“”\"\n]{2,80}?)\s*,\s*$")


def role_fronted(text: str, name: Name, names: list[Name]) -> tuple[str, str | None] | None:
    """Role from a description set before the name: `the spokesman, Omar Haddad`."""
    m = _FRONTED.search(text, max(0, name.start - 90), name.start)
    if not m or not has_role_head(m.group("role")):
        return None
    inside = [n for n in names if m.start("role") <= n.start and n.end <= m.end("role")]
    return m.group("role"), organisation_in(m.group("role"), inside)
