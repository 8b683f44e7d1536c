"""Cues: the words that mark speech — `said`, `told`, `according to`, `in a statement`.

The verb lexicon lists reporting verbs by lemma; inflected forms are
generated, so `warns`, `warned` and `warning` are all cues.  Which cue goes
with which quote and speaker is decided by the attribution ranker, which
reads these lexicons.
"""

from __future__ import annotations


REPORTING_VERBS = """
say tell add write explain note continue ask tweet state declare conclude recall argue respond reply
insist warn announce admit claim suggest predict remark acknowledge promise pledge vow urge complain
joke quip concede confirm deny emphasize emphasise stress observe report describe call accuse boast
proclaim exclaim shout yell chant whisper testify allege assert contend maintain muse post blast slam
criticize criticise praise thank retweet reiterate recount lament caution opine interject demand agree
counter answer elaborate comment charge mock scoff fume gush quote cite read repeat recommend propose
question wonder vent echo decry denounce dismiss lash rail tout hail brag blame signal indicate reveal
disclose inform assure advise threaten cry sob laugh sigh snap bark growl mutter murmur grumble plead
beg clarify summarize summarise put email text message share retort gripe marvel
portray characterize characterise liken compare imply bemoan deride
""".split()
# Irregular forms, and the doubled consonants of stressed short final syllables (`admitted`).
IRREGULAR = {
    "said": "say", "says": "say", "saying": "say", "told": "tell", "telling": "tell", "tells": "tell",
    "wrote": "write", "written": "write", "writes": "write", "writing": "write", "read": "read",
    "reads": "read", "reading": "read", "put": "put", "puts": "put", "putting": "put",
    "cried": "cry", "cries": "cry", "crying": "cry", "replied": "reply", "replies": "reply",
    "denied": "deny", "denies": "deny", "testified": "testify", "testifies": "testify",
    "quipped": "quip", "quipping": "quip", "snapped": "snap", "snapping": "snap", "sobbed": "sob",
    "sobbing": "sob", "shared": "share", "sharing": "share", "admitted": "admit", "admitting": "admit",
    "bragged": "brag", "bragging": "brag", "marvelled": "marvel", "marvelling": "marvel",
    "slammed": "slam", "slamming": "slam", "begged": "beg", "begging": "beg",
    # verbs whose bare forms are more often nouns (`the record label`, `a brand`): only the verb forms
    "labeled": "label", "labelled": "label", "labeling": "label", "labelling": "label", "branded": "brand",
    "branding": "brand", "dubbed": "dub", "dubbing": "dub", "refers": "refer", "referred": "refer",
    "referring": "refer", "mentioned": "mention", "mentioning": "mention",  # not `the mere mention of`
}
CUE_NOUNS = {
    "statement", "statements", "interview", "interviews", "tweet", "tweets", "post", "posts", "letter",
    "email", "e-mail", "memo", "speech", "remarks", "release", "op-ed", "column", "message", "video",
    "testimony", "affidavit", "filing", "ruling", "report", "briefing", "announcement", "communique",
    "communiqué", "transcript", "essay", "blog", "podcast", "note", "comment", "comments", "broadcast",
}


# Reporting verbs that may put their subject last (`said Trump`, `added Kirby`) or stand alone
# after a quote (`“…” Trump said.`): verbs of saying, not of reacting (`agreed`).
INVERTING = {"say", "add", "ask", "write", "continue", "explain", "note", "recall", "reply", "respond", "argue",
             "insist", "declare", "conclude", "observe", "remark", "counter", "quip"}


def _inflections(lemma: str) -> list[str]:
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    s = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s")
    return [lemma, s, stem + "ed", stem + "ing"]


VERB_FORMS: dict[str, str] = {}
for _lemma in REPORTING_VERBS:
    for _form in _inflections(_lemma):
        VERB_FORMS.setdefault(_form, _lemma)
VERB_FORMS.update(IRREGULAR)
# Two-word reporting verbs, each one token (quotes/tokens.py): `shot back`, `weighed in`.
PHRASAL_FORMS: dict[str, str] = {}
for _verb, _particle, _forms in (("shoot", "back", "shot shoots shooting"), ("fire", "back", "fired fires firing"),
                                 ("hit", "back", "hit hits hitting"), ("strike", "back", "struck"),
                                 ("push", "back", "pushed pushes pushing"), ("chime", "in", "chimed chimes chiming"),
                                 ("weigh", "in", "weighed weighs weighing"),
                                 ("point", "out", "pointed points pointing")):
    for _form in _forms.split():
        PHRASAL_FORMS[f"{_form} {_particle}"] = f"{_verb} {_particle}"
VERB_FORMS.update(PHRASAL_FORMS)
