"""Who said it: rank the candidate mentions around each quote.

Each candidate gets sparse features describing how it relates to the quote
and to the cues between them — the tokens on the path (`<Q> , he said`,
`said : <Q>`), whether it is the subject of a reporting verb, which sentence
it is in, what kind of mention it is — and a linear ranker trained on PolNeAR
train (quotes/training/ranker.py) picks the best one.  A quote with no cue of
its own (a continuation) sees the previous quote's speaker as a candidate.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache
from itertools import accumulate

from quotes.context import QUOTE_TOKEN, QuoteContext
from quotes.cues import CUE_NOUNS, VERB_FORMS
from quotes.learn import linear, softmax
from quotes.mentions import Mention, head_class, word_tag
from quotes.models import load_json
from quotes.tokens import Token

CLAUSE_END = {QUOTE_TOKEN, ".", ";", ":", "?", "!", "(", ")", "—", "–"}
PATH_WORDS = {  # words kept as themselves in path signatures; other words become their tag
    "also", "later", "then", "again", "has", "had", "have", "would", "will", "was", "is", "that", "in", "a",
    "an", "the", "by", "to", "of", "according", "reporters", "when", "asked", "as", "on", "and", "but", "who",
}
PATH_LIMIT = 6
COARSE_LIMIT = 12
COARSE_KEEP = {",", ":", "Q", "—", "(", ")", "that", "according", "to"}
PARENTHESIS_LIMIT = 6  # tokens: `(R-Texas)`, `(D-N.Y.)`, `(pictured)`
APPOSITION_LIMIT = 25  # tokens: "Nelson Diaz, a former aide to Mr. Rubio and now the chairman of ..., said"
DASHES = {"-", "–", "—", "―", "‒"}
SAID_THINGS = CUE_NOUNS | {
    "claim", "claims", "remark", "words", "call", "calls", "promise", "pledge", "warning", "criticism",
    "assertion", "description", "argument", "slogan", "accusation", "charge", "plea", "response", "reply",
    "answer", "vow", "boast", "insistence", "suggestion", "question", "demand", "prediction", "denial",
}
SUBORDINATORS = {"while", "whilst", "because", "although", "though", "whereas", "if", "unless", "since", "after",
                 "before", "when", "whether", "until"}
CONJUNCTIONS = {"and", "or", "but", "nor"}
BE_FORMS = {"is", "are", "was", "were", "be", "been", "being", "'s", "’s"}


@dataclass(slots=True)
class Choice:
    mention: Mention | None
    cue: str | None  # the reporting word linking mention and quote, as written
    probability: float
    ranked: list[tuple[Mention, float]] = field(default_factory=list)  # every candidate with its probability


LABEL_PROBABILITY = 0.97


@cache
def ranker_weights() -> dict[str, float]:
    return load_json("ranker.json.gz")


def _shape(tok: Token) -> str:
    """The token as path signatures spell it: cues by lemma, marks and a few words as
    themselves, other words by their tag."""
    if not tok.shape:
        low = tok.lower
        if tok.text == QUOTE_TOKEN:
            tok.shape = "Q"
        elif low in VERB_FORMS:
            tok.shape = "CUE:" + VERB_FORMS[low]
        elif not tok.text[0].isalnum():
            tok.shape = "—" if tok.text in DASHES else tok.text
        elif low in PATH_WORDS or low in CUE_NOUNS:
            tok.shape = low
        else:
            tok.shape = word_tag(tok)
    return tok.shape


def _path(tokens: list[Token], a: int, b: int) -> str:
    """A compact signature of tokens[a:b], or FAR when too long."""
    if b - a > PATH_LIMIT:
        return "FAR"
    return " ".join(_shape(t) for t in tokens[a:b]) or "-"


def _coarse_path(tokens: list[Token], a: int, b: int) -> str:
    """The path with other words reduced to `w` and repeats collapsed (`, w w CUE:say` → `, w CUE:say`):
    the exact path is too sparse for rarer constructions."""
    if b - a > COARSE_LIMIT:
        return "FAR"
    out: list[str] = []
    for t in tokens[a:b]:
        shape = _shape(t)
        if not (shape.startswith("CUE") or shape in COARSE_KEEP):
            shape = "w"
        if not out or out[-1] != shape:
            out.append(shape)
    return " ".join(out)


def verb_after(tokens: list[Token], j: int) -> tuple[str, int] | None:
    """The verb a subject ending just before token j governs: (reporting lemma or "VERB", index).

    Skips a short parenthesis (`X (R-Texas) said`), an apposition (`X, the leader of Y, said`;
    after an age, `X, 35, the daughter of Y, said`), auxiliaries, adverbs and prepositional
    phrases (`who has in the past described`); stops at another noun phrase, a possessive,
    a conjunction, a subordinator or the end of the clause.
    """
    n = len(tokens)
    if j < n and tokens[j].text in ("'", "’") and j > 0 and tokens[j - 1].lower.endswith("s") \
            and tokens[j - 1].end == tokens[j].start:
        return None  # `Francis' remarks`: a possessor
    j = _after_parenthesis(tokens, j)
    if j < n and tokens[j].text == ",":
        comma = j
        j = _after_apposition(tokens, j)
        if j == comma + 3 and tokens[comma + 1].text.isdigit():
            j = _after_apposition(tokens, j - 1)  # an age, then an apposition: `Clinton, 35, the daughter of ..., said`
        if j < n and tokens[j].text != "," and _participle_clause(tokens[j]):
            # `X, the senior senator, speaking to reporters, said`: a second aside; but in `the police
            # videos, as well, saying` the participle has the clause's subject, not this one
            k = j
            while k < n and k - j < APPOSITION_LIMIT and tokens[k].text not in CLAUSE_END and tokens[k].text != ",":
                k += 1
            if not (k + 1 < n and tokens[k].text == "," and word_tag(tokens[k + 1]) == "VERB"):
                return None
            j = k + 1
    steps, in_phrase, be = 0, False, False
    while j < n and steps < 6:
        tok = tokens[j]
        if tok.lower in VERB_FORMS:  # "was quoted as saying", "was told": the subject is no speaker of it
            return ("PASSIVE_CUE" if be and _participle(tok.lower) else VERB_FORMS[tok.lower]), j
        if (tok.text in CLAUSE_END or tok.text == "," or tok.lower in ("’s", "'s") or tok.lower in CONJUNCTIONS
                or tok.lower in SUBORDINATORS):
            return None  # `criticized Curiel and said`, `defended the record whilst promising`: not their subject
        if tok.lower in BE_FORMS:
            be = True
        tag = word_tag(tok)
        if tag == "VERB":
            return ("PASSIVE" if be and _participle(tok.lower) else "VERB"), j
        if tag == "ADP":
            in_phrase = True
        elif tag in ("NOUN", "PROPN", "PRON", "NUM") and not in_phrase:
            return None
        j += 1
        steps += 1
    return None


def subject_verb(ctx: QuoteContext, m: Mention) -> tuple[str, int] | None:
    """verb_after for a mention of this context, asked once: the candidate filter, the
    features and the cue all want it.  A mention right after a preposition is its object
    and governs no verb (`director of exhibits at the University, Fayetteville, said`),
    save after `as` and `with`, which open clauses (`As X reported`, `with X saying`)."""
    if m.first > 0:
        before = ctx.tokens[m.first - 1]
        if word_tag(before) == "ADP" and before.lower not in SUBORDINATORS and before.lower not in ("as", "with"):
            return None  # but `As X reported`, `with X saying`
    verbs = ctx.verbs
    if m.last not in verbs:
        verbs[m.last] = verb_after(ctx.tokens, m.last + 1)
    return verbs[m.last]


def _after_apposition(tokens: list[Token], comma: int) -> int:
    """Past the apposition or aside a comma opens (`X, the leader of Y, said`, `X, speaking to
    reporters, said`, `X, who ..., said`, `X, while visiting Ohio, said`), or the comma itself
    when what it opens is no apposition: a conjunction (`, but only after ...,`), a verb (`, did
    not mention Trump, but told`) or another subject with its verb (`Like X, Y also opposed the
    bill, arguing`)."""
    n = len(tokens)
    if comma + 1 >= n:
        return comma
    first = tokens[comma + 1]
    if first.lower in CONJUNCTIONS or word_tag(first) == "AUX":
        return comma
    named = word_tag(first) == "PROPN"
    k = comma + 1
    while k < n and k - comma < APPOSITION_LIMIT and tokens[k].text != "," and (
            tokens[k].text not in CLAUSE_END or _abbreviation_period(tokens, k)):
        if tokens[k].lower in ("who", "which", "that", "whose", "’s", "'s", "’", "'"):
            named = False  # `X, Clinton's aide who served under Y, said`, `X, Ohio's retired governor, said`
        elif named and word_tag(tokens[k]) in ("VERB", "AUX"):
            return comma
        k += 1
    return k + 1 if k < n and tokens[k].text == "," else comma


def _abbreviation_period(tokens: list[Token], k: int) -> bool:
    """A period right after a word and before a comma abbreviates (`Sen. Ted Cruz, R-Texas,
    said`, `Hooton of Derry, N.H., said`): it ends no clause."""
    return (tokens[k].text == "." and 0 < k < len(tokens) - 1 and tokens[k + 1].text == ","
            and tokens[k - 1].end == tokens[k].start and tokens[k - 1].text[:1].isupper())


def _after_parenthesis(tokens: list[Token], j: int) -> int:
    """Past a short parenthesis right after a subject (`Mary Fallin (R-OK) said`, `the
    Environmental Protection Agency (EPA) said`), or j itself."""
    if j >= len(tokens) or tokens[j].text != "(":
        return j
    for k in range(j + 1, min(j + PARENTHESIS_LIMIT + 2, len(tokens))):
        if tokens[k].text == ")":
            return k + 1
        if tokens[k].text in (QUOTE_TOKEN, "("):  # only these end the search: `(D-Mo.)` holds a period
            break
    return j


def _participle_clause(tok: Token) -> bool:
    """An -ing verb opening a clause (`speaking`, `saying`), not `during` or `morning`."""
    return tok.lower.endswith("ing") and (tok.lower in VERB_FORMS or word_tag(tok) == "VERB")


def _participle(word: str) -> bool:
    return word.endswith(("ed", "en")) or word in ("told", "said", "read", "put", "written", "quoted")


class _Counts:
    """Prefix counts over a context's tokens, so `how many X between` is O(1) per candidate."""

    def __init__(self, tokens: list[Token]):
        self.quotes = list(accumulate((t.text == QUOTE_TOKEN for t in tokens), initial=0))
        self.verbs = list(accumulate((word_tag(t) == "VERB" for t in tokens), initial=0))
        self.subordinators = list(accumulate((t.lower in SUBORDINATORS for t in tokens), initial=0))

    @staticmethod
    def between(prefix: list[int], a: int, b: int) -> int:
        return prefix[b] - prefix[a] if b > a else 0


def candidate_features(ctx: QuoteContext, m: Mention, previous: Mention | None,
                       verb: tuple[str, int] | None, counts: _Counts) -> list[str]:
    tokens, qi = ctx.tokens, ctx.quote_token
    before = m.last < qi
    side = "B" if before else "A"
    sentence = ctx.sentence_of[m.first]
    region = f"{side}{sentence:+d}"
    a, b = (m.last + 1, qi) if before else (qi + 1, m.first)
    path = _path(tokens, a, b)
    gap = b - a
    quotes_between = counts.between(counts.quotes, a, b)
    kind = m.kind + ":" + (m.head if m.kind == "pronoun" else m.entity_kind)
    animacy = _animacy(m)
    cue_here = "Y" if ctx.frame_has_cue else "N"
    qtype = ctx.quote_type[0]  # d | p
    f = [
        "bias",
        "region=" + region,
        "kind=" + kind,
        "kind+region=" + kind + "|" + region,
        "path=" + side + "|" + path,
        "path+kind=" + side + "|" + path + "|" + m.kind,
        "coarse=" + side + "|" + _coarse_path(tokens, a, b) + "|" + m.kind,
        "gap=" + side + str(min(gap, 12) // 3),
        "quotes_between=" + str(min(quotes_between, 2)),
        "quote_end+region=" + ctx.last_char + "|" + region,
        "frame_cue=" + cue_here + "|" + region,
        "type+region=" + qtype + "|" + region,
        "type+kind+region=" + qtype + "|" + m.kind + "|" + region,
    ]
    if m.kind == "nominal":
        head = head_class(m.head)
        f += ["head=" + m.head, "head_class=" + head, "head_class+region=" + head + "|" + region]
    if verb:
        lemma, vi = verb
        generic = generic_of(lemma)
        if generic == "CUE":
            f += ["subj_of+region=" + lemma + "|" + region, "subj_of+kind=" + lemma + "|" + m.kind]
        f += ["subj_of+region=" + generic + "|" + region,
              "subj_of+kind=" + generic + "|" + m.kind + "|" + side,
              "subj_of+animacy=" + generic + "|" + animacy + "|" + region + "|" + cue_here,
              "frame_cue=" + cue_here + "|subj_of=" + generic + "|" + region,
              "type+subj_of=" + qtype + "|" + generic + "|" + region]
        if vi + 1 < len(tokens):
            f.append("subj_of_next=" + _shape(tokens[vi + 1]))
    prev_tok = tokens[m.first - 1].lower if m.first > 0 else "<s>"
    if prev_tok in VERB_FORMS:
        f += ["obj_of=" + VERB_FORMS[prev_tok], "obj_of+region=" + VERB_FORMS[prev_tok] + "|" + region]
    elif m.first > 0 and word_tag(tokens[m.first - 1]) == "VERB":  # `pounding Trump as a “…”`: the target
        f += ["obj_of=VERB", "obj_of+region=VERB|" + region]
    if m.first >= 2 and tokens[m.first - 2].lower == "according" and prev_tok == "to":
        f.append("according_to|" + region)
    if m.first == 0 or ctx.sentence_of[m.first - 1] != sentence or prev_tok in ('"', "“", "(", "<s>"):
        f += ["sentence_initial|" + side, "sentence_initial|" + side + "|" + animacy]
    verbs = counts.between(counts.verbs, a, b)
    subordinate = counts.between(counts.subordinators, a, b) > 0
    f += [f"verbs_between={min(verbs, 3)}|{side}|{cue_here}|{qtype}",
          f"subordinate_between={subordinate}|{side}|{qtype}"]
    if m.first > 0 and word_tag(tokens[m.first - 1]) == "ADP" and prev_tok not in ("by", "from") and not (
            prev_tok == "to" and m.first > 1 and tokens[m.first - 2].lower == "according"):
        f.append("after_preposition|" + side)  # "32% of Republican claims", "took to Twitter": no subject
    if (m.last + 2 < len(tokens) and tokens[m.last + 1].lower in ("’s", "'s")
            and tokens[m.last + 2].lower in SAID_THINGS):
        f.append("owner_of_words|" + side + "|" + qtype)  # "Trump’s claim that ...", "Clinton's remarks"
    if m.first > 0 and (prev_tok in SUBORDINATORS or prev_tok == "as"):
        f.append("after_subordinator|" + side + "|" + qtype)  # "As Trump attacked Clinton, the crowd chanted"
    if previous is not None and _same_speaker(m, previous):
        f += ["previous_speaker", "previous_speaker|" + region]
    return f


def generic_of(lemma: str) -> str:
    return lemma if lemma in ("VERB", "PASSIVE", "PASSIVE_CUE") else "CUE"


def _animacy(m: Mention) -> str:
    """Whether a mention can speak: people, groups and statements can, drones cannot."""
    if m.kind == "pronoun":
        return "pronoun"
    if m.kind == "name":
        return m.entity_kind
    return head_class(m.head)


def _same_speaker(m: Mention, previous: Mention) -> bool:
    if m.kind == "name" and previous.kind == "name":
        return m.head == previous.head
    return m.text.lower() == previous.text.lower()


def candidates_for(ctx: QuoteContext, mentions: list[Mention], previous: Mention | None) -> list[Mention]:
    """The window's possible speakers, plus the previous quote's speaker when it lies outside
    the window.  A thing that something was done to (`two drones were intercepted`) is none.

    Half of the window's mentions lie two sentences before the quote or in the sentence
    after it, where speakers are rare (under 3% of PolNeAR train sources): there, only
    a mention tied to a reporting verb is kept (a fifth of them, holding most of those
    sources)."""
    out = [m for m in mentions if _plausible(ctx, m)]
    if previous is not None and not any(m.start == previous.start and m.end == previous.end for m in mentions):
        # carried over from another quote (its token positions are not this window's)
        out.append(replace(previous, first=-1, last=-1))
    return out


def _carried(m: Mention) -> bool:
    """A previous quote's speaker from outside this window, or a transcript label."""
    return m.first < 0


def _plausible(ctx: QuoteContext, m: Mention) -> bool:
    if _passive_thing(ctx, m):
        return False
    if ctx.sentence_of[m.first] in (0, -1):
        return True
    if 0 < m.first - ctx.quote_token <= 2:
        return True  # signed right after the quote: `“…” ― Sonya Herridge`
    return _reports(ctx, m)


def _reports(ctx: QuoteContext, m: Mention) -> bool:
    """Is the mention the subject or the inverted subject of a reporting verb?"""
    verb = subject_verb(ctx, m)
    if verb is not None and generic_of(verb[0]) == "CUE":
        return True
    return m.first > 0 and ctx.tokens[m.first - 1].lower in VERB_FORMS


def _passive_thing(ctx: QuoteContext, m: Mention) -> bool:
    if m.kind != "nominal" or head_class(m.head) not in ("thing", "other"):
        return False
    verb = subject_verb(ctx, m)
    return verb is not None and verb[0] == "PASSIVE"


def feature_lists(ctx: QuoteContext, candidates: list[Mention], previous: Mention | None) -> list[list[str]]:
    """Features of every candidate, plus its rank by distance among those of its kind:
    the nearest subject of a reporting verb, the nearest name, on each side of the quote."""
    tokens, qi = ctx.tokens, ctx.quote_token
    counts = _Counts(tokens)
    governing = _governing_cue(ctx)
    qtype = ctx.quote_type[0]
    feats: list[list[str]] = []
    groups: dict[str, list[tuple[int, int]]] = {}
    for k, m in enumerate(candidates):
        if _carried(m):
            feats.append(["inherited", "inherited|" + ctx.last_char])
            continue
        verb = subject_verb(ctx, m)
        f = candidate_features(ctx, m, previous, verb, counts)
        if governing is not None:
            f += _governing_features(ctx, m, verb, governing)
        feats.append(f)
        side = "B" if m.last < qi else "A"
        distance = qi - m.last if side == "B" else m.first - qi
        if verb is not None and generic_of(verb[0]) == "CUE":
            groups.setdefault("cue_subject|" + side, []).append((distance, k))
        groups.setdefault(m.kind + "|" + side, []).append((distance, k))
    shared = _shared_subject_cue(tokens, governing[1]) if governing is not None else None
    if shared:  # `, saying` / `and said`: the speaker is a subject of the sentence outside its asides
        subjects = [k for k, m in enumerate(candidates) if not _carried(m) and m.last < governing[1]
                    and ctx.sentence_of[m.first] == ctx.sentence_of[governing[1]]
                    and subject_verb(ctx, m) is not None and not _subordinate(ctx, m)]
        if subjects:
            if shared == "conjunct":  # `Marsh criticized it and said`: the subject of the verb coordinated
                subjects = [max(subjects, key=lambda k: subject_verb(ctx, candidates[k])[1])]
            feats[subjects[0]].append(shared + "_main_subject")
    for group, members in groups.items():
        members.sort()
        for rank, (_, k) in enumerate(members):
            feats[k].append(f"rank={group}|{min(rank, 2)}")
            feats[k].append(f"rank={group}|{qtype}|{min(rank, 2)}")
            feats[k].append(f"rank_from_far={group}|{qtype}|{min(len(members) - 1 - rank, 2)}")
    return feats


def _subordinate(ctx: QuoteContext, m: Mention) -> bool:
    """Is the mention inside a clause a subordinator opens (`After Becker signed the deal, …`,
    `… after Becker signed it`), reading back to a comma or the sentence start?"""
    sentence = ctx.sentence_of[m.first]
    for k in range(m.first - 1, -1, -1):
        tok = ctx.tokens[k]
        if ctx.sentence_of[k] != sentence or tok.text in CLAUSE_END or tok.text == ",":
            return False
        if tok.lower in SUBORDINATORS:
            return True
    return False


def _shared_subject_cue(tokens: list[Token], i: int) -> str | None:
    """A cue with no subject of its own: a participle after a comma or a subordinator
    (`, saying`, `while promising`) or the second verb of a coordination (`… clinched the
    nomination and said`)."""
    if i == 0:
        return None
    if _participle_clause(tokens[i]) and (tokens[i - 1].text == "," or tokens[i - 1].lower in SUBORDINATORS):
        return "participle"  # `, saying`, `whilst promising`
    before = tokens[i - 1].lower if word_tag(tokens[i - 1]) != "ADV" or i < 2 else tokens[i - 2].lower
    return "conjunct" if before in CONJUNCTIONS else None


def _governing_features(ctx: QuoteContext, m: Mention, verb: tuple[str, int] | None,
                        governing: tuple[str, int]) -> list[str]:
    """Is the candidate the subject or the object of the cue that introduces the quote?"""
    where, gi = governing
    tokens = ctx.tokens
    if verb is not None and verb[1] == gi:
        f = ["governing_subject|" + where, "governing_subject|" + where + "|" + m.kind,
             "governing_subject|" + where + "|" + ("B" if m.last < ctx.quote_token else "A")]
        if gi + 1 < len(tokens) and tokens[gi + 1].lower in ("that", ":"):
            # "X confirmed that ... . <sentence with the quote>": X's report goes on
            f.append("governing_subject|" + where + "|clause|" + ctx.quote_type[0])
        return f
    if m.first == gi + 1 or (m.first == gi + 2 and tokens[gi + 1].lower in ("by", "to")):
        # `told Kelly` and `asked by Baker` differ: the agent of a passive cue is its speaker
        link = tokens[gi + 1].lower if m.first == gi + 2 else "-"
        lemma = VERB_FORMS.get(tokens[gi].lower, tokens[gi].lower)
        return ["governing_object|" + where + "|" + lemma, "governing_object|" + where + "|" + link]
    return []


def _governing_cue(ctx: QuoteContext) -> tuple[str, int] | None:
    """The reporting verb that most likely introduces the quote: the nearest one in its
    frame, else the nearest one in the sentence before.  (where, token index)."""
    tokens, qi = ctx.tokens, ctx.quote_token
    best = None
    for k in range(ctx.frame_first, ctx.frame_last + 1):
        if tokens[k].lower in VERB_FORMS and (best is None or abs(k - qi) < abs(best - qi)):
            best = k
    if best is not None:
        return "frame", best
    for k in range(ctx.frame_first - 1, -1, -1):
        if ctx.sentence_of[k] < -1:
            break
        if tokens[k].lower in VERB_FORMS:
            return "previous", k
    return None


def choose(ctx: QuoteContext, mentions: list[Mention], previous: Mention | None) -> Choice:
    """The most probable speaker mention for one quote; a transcript turn names its own."""
    if ctx.label is not None:
        return Choice(ctx.label, None, LABEL_PROBABILITY)
    candidates = candidates_for(ctx, mentions, previous)
    if not candidates:
        return Choice(None, None, 0.0)
    weights = ranker_weights()
    feats = feature_lists(ctx, candidates, previous)
    probs = softmax([linear(weights, f) for f in feats])
    best = max(range(len(candidates)), key=probs.__getitem__)
    m = candidates[best]
    return Choice(m, cue_of(ctx, m), probs[best], list(zip(candidates, probs)))


def cue_of(ctx: QuoteContext, m: Mention) -> str | None:
    """The reporting word that links the chosen mention to the quote, as written."""
    if _carried(m):
        return None
    tokens = ctx.tokens
    verb = subject_verb(ctx, m)
    if verb is not None and generic_of(verb[0]) == "CUE":
        return tokens[verb[1]].text
    if m.first > 0 and tokens[m.first - 1].lower in VERB_FORMS:
        return tokens[m.first - 1].text
    if m.first >= 2 and tokens[m.first - 2].lower == "according":
        return "according to"
    return None
