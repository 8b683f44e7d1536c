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


def split_title(name_text: str) -> tuple[str, str]:
    """`Foreign Minister Hossein Amir-Abdollahian` → ('Foreign Minister', 'Hossein Amir-Abdollahian').

    The title is everything up to the last role head among the leading words;
    at least one word is always left for the name.
    """
    words = name_text.split()
    cut = 0
    for k, word in enumerate(words[:-1]):
        low = word.lower().rstrip(".,")
        if low in ROLE_HEADS:
            cut = k + 1
        elif low not in ROLE_MODIFIERS and cut == 0 and k > 2:
            break
    if cut == 0:
        return "", name_text
    return " ".join(words[:cut]), " ".join(words[cut:])


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


def split_org_title(title: str) -> tuple[str, str | None]:
    """`Pentagon Press Secretary` → ('Press Secretary', 'Pentagon'); `Senior Hamas official` stays whole
    with organisation 'Hamas'."""
    words = title.split()
    lead = 0
    while lead < len(words) - 1 and words[lead][0].isupper() and words[lead].lower() not in ROLE_HEADS | ROLE_MODIFIERS:
        lead += 1
    if lead:
        org = " ".join(words[:lead])
        return " ".join(words[lead:]), org
    inner = [w for w in words if w[0].isupper() and w.lower() not in ROLE_HEADS | ROLE_MODIFIERS]
    return title, " ".join(inner) if inner else None


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


def role_before(text: str, name: Name, title: str, names: list[Name]) -> tuple[str, str | None] | None:
    """Role from a title the name chunk began with, and a possessive owner before it (`Iran’s`)."""
    if not title:
        return None
    role, org = split_org_title(title)
    m = re.search(r"(?P<owner>[\w’'-]+(?:\s+[A-Z][\w’'-]*)*)[’']s\s*$", text[max(0, name.start - 60):name.start])
    if m:
        owner_names = [n for n in names if n.end <= name.start and name.start - n.end <= 4]
        owner = owner_names[-1].text if owner_names else m.group("owner")
        if owner[:1].isupper():
            org = owner
    return role, org
