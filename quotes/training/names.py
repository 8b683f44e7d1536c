"""Train the name recogniser (quotes/names.py) and the first-name gender table.

Gold names come from UNER English EWT train (PER/ORG/LOC; a cleaned draft, near
gold) and GUM train (`Entity=` mentions headed by a proper noun, typed person /
organization / place, anything else "other"); of GUM, only the CC BY genres
(corpora.read_gum), so that the artifacts may be passed on.  From them we learn,
in order:

1. which words are ordinary (usually lower case mid-sentence in EWT + GUM, or,
   for words seen only sentence-initially, listed only in lower case in the NLTK
   word list, which is read here and never shipped);
2. title words: capitalised words standing right before a person name but not in
   it (UNER leaves them out; in GUM they precede the Wikipedia identity's words);
3. when a lower-case connector joins two capitalised words into one name (a
   logistic regression over connector, head word, ordinariness);
4. the name classifier itself, on the chunks our own chunker finds in the same
   sentences, so it is trained on exactly the candidates it will see: each chunk is
   labelled with the type of the gold name it matches, else "other".

The gender table maps a first name to the gender of the pronouns (he/him/his vs
she/her) and honorifics in the GUM coreference chains of the people bearing it
(train, dev and test, CC BY genres: names are sparse, so it takes all there is),
then the honorifics PolNeAR train's articles give full names (news_gender.py), then
the 1990 US Census first-name lists (census_gender.py).
"""

from __future__ import annotations

import math
import random
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from quotes.names import (
    HONORIFIC_GENDER, KINDS, Recogniser, chunk_features, context_features, context_words, join_features, run_tokens,
)
from quotes.training.corpora import (
    CORPORA, UD_EWT, UNER_EWT, Document, align, read_conllu, read_gum, read_iob2, read_mentions, write_json_gz,
)
from quotes.tagger import lexicon_tag
from quotes.training.census_gender import census_gender
from quotes.training.news_gender import polnear_gender
from quotes.training.punkt import NEWS_ABBREVIATIONS

WORDS_ZIP = CORPORA / "nltk_data" / "corpora" / "words.zip"
UNER_KINDS = {"PER": "person", "ORG": "organization", "LOC": "place"}
GUM_KINDS = {"person": "person", "organization": "organization", "place": "place"}
# Onomastic particles and the Arabic article, which join the capitalised words
# around them (bin Salman, de la Cruz, van Gogh, al-Assad); too rare in the corpora to learn.
PARTICLES = "al el bin ibn bint de del della der den di du da dos das la le van von ter".split()
HYPHEN_PREFIXES = ["al", "el"]
TITLE_ABBREVIATIONS = "mr mrs ms dr prof sen rep gov gen lt col maj capt sgt cpl adm cmdr rev fr amb atty supt insp".split()
PROPER_XPOS = ("NNP", "NNPS")
MIN_CONNECTOR = 3  # a connector must join this many gold names
MIN_TITLE = 2  # a title word must stand before this many gold person names
PRUNE = 0.1  # weights below this (in every class) are dropped
MIN_FEATURE = 2
GENDER_PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
MIN_GENDER_EVIDENCE = 2  # pronouns/honorifics an entity needs before its gender counts


@dataclass
class Annotated:
    """One gold sentence: text, names as (start, end, kind) character spans, and the
    character spans of its proper-noun tokens (GUM only; None for UNER)."""

    text: str
    names: list[tuple[int, int, str]]
    proper: list[tuple[int, int]] | None = None
    words: list[tuple[int, int, str]] = field(default_factory=list)


def uner_sentences(path: Path) -> list[Annotated]:
    out = []
    for sent in read_iob2(path):
        spans = align(sent.text, sent.forms)
        names = [(spans[a][0], spans[b - 1][1], UNER_KINDS[k]) for a, b, k in sent.spans()
                 if spans[a][0] >= 0 and spans[b - 1][0] >= 0]
        out.append(Annotated(sent.text, names, None, [(s, e, f) for (s, e), f in zip(spans, sent.forms)]))
    return out


def gum_sentences(docs: list[Document]) -> list[Annotated]:
    """GUM mentions whose words, after leading non-proper ones (`the`, `former`), are
    proper nouns joined only by connectors, ending in a proper noun.  A person's
    name ends before a connector (GUM's `Claudia Mo of the Civic Party` is one
    mention; we want `Claudia Mo`)."""
    out = []
    for doc in docs:
        for sent in doc.sentences:
            toks = sent.tokens
            spans = align(sent.text, [t.form for t in toks])
            names = []
            for m in read_mentions(sent):
                core = named_core(toks, m.start, m.end)
                if core and m.etype == "person":
                    if is_role(toks[core[0]:core[1]]):
                        continue
                    core = core[0], next((i for i in range(*core) if toks[i].form.isalpha() and toks[i].form.islower()
                                          and toks[i].form not in PARTICLES), core[1])
                if core and spans[core[0]][0] >= 0 and spans[core[1] - 1][0] >= 0:
                    names.append((spans[core[0]][0], spans[core[1] - 1][1], GUM_KINDS.get(m.etype, "other")))
            proper = [spans[i] for i, t in enumerate(toks) if t.xpos in PROPER_XPOS and spans[i][0] >= 0]
            out.append(Annotated(sent.text, sorted(set(names)), proper, [(s, e, t.form) for (s, e), t in zip(spans, toks)]))
    return out


def named_core(toks, start: int, end: int) -> tuple[int, int] | None:
    while start < end and toks[start].xpos not in PROPER_XPOS:
        start += 1
    while end > start and toks[end - 1].xpos == "POS":
        end -= 1  # Joseph Conrad 's (novel)
    if start == end or toks[end - 1].xpos not in PROPER_XPOS:
        return None
    inner = toks[start:end]
    if all(t.xpos in PROPER_XPOS or t.form[:1].islower() or t.upos in ("PUNCT", "CCONJ") or t.xpos == "POS"
           for t in inner):
        return start, end
    return None


def is_role(toks) -> bool:
    """`Emperor of the United States`, `Chairman of the Centre`: a person described by
    a role, which GUM types as a person but which is not a name."""
    return any(t.form.islower() for t in toks) and lexicon_tag(toks[0].form.lower()) == "NOUN"


# -- 1. ordinary words ---------------------------------------------------------

def read_word_list() -> tuple[set[str], set[str]]:
    """(lower-case entries, capitalised entries lower-cased) of the Unix word list."""
    with zipfile.ZipFile(WORDS_ZIP) as z:
        words = z.read("words/en").decode("utf-8").split()
    return {w for w in words if w.islower()}, {w.lower() for w in words if w[:1].isupper()}


def ordinary_words(docs: list[Document]) -> set[str]:
    lower, capital, seen = Counter(), Counter(), set()
    for doc in docs:
        for sent in doc.sentences:
            toks = sent.tokens
            for i, tok in enumerate(toks):
                form = tok.form
                if not form[:1].isalpha():
                    continue
                low = form.lower()
                seen.add(low)
                if i == 0 or not toks[i - 1].form[:1].isalnum() and toks[i - 1].form not in (",", "-"):
                    continue  # sentence- or quotation-initial: capitalised whatever it is
                if form == low:
                    lower[low] += 1
                elif not form.isupper() or len(form) == 1:
                    capital[low] += 1
    word_lower, word_capital = read_word_list()
    return {w for w in seen if is_ordinary(lower[w], capital[w], w in word_lower, w in word_capital)}


def is_ordinary(lower: int, capital: int, listed_lower: bool, listed_capital: bool) -> bool:
    """Mostly lower case mid-sentence, with the word list as a prior: a listed proper
    noun (`Fiji`) needs clear lower-case use, an unlisted word two uses (web text
    lower-cases names now and then)."""
    if listed_capital and not listed_lower:
        return lower >= 3 and lower >= 2 * capital
    if listed_lower:
        return lower >= capital
    return lower >= 2 and lower >= capital


# -- 2. titles -----------------------------------------------------------------

def learn_titles(ewt: list[Document], gum_docs: list[Document], uner_path: Path) -> tuple[dict[str, float], list[str]]:
    """(title word -> share of its uses before another capitalised word that are a
    title of a person's name; the common words that modify titles, `Prime` of
    `Prime Minister`).  A title is a `nmod:desc` dependent before the head of a gold
    person name (UD's relation for `Mr.`, `President`, `Minister`); person names are
    UNER's PER spans for EWT and GUM's person mentions."""
    persons = {sent.sent_id: [(a, b) for a, b, k in sent.spans() if k == "PER"] for sent in read_iob2(uner_path)}
    title, before_capital, role = Counter(), Counter(), Counter()

    def key(word: str) -> str:
        return word.lower().rstrip(".")

    for doc in ewt + gum_docs:
        for sent in doc.sentences:
            toks = sent.tokens
            spans = persons.get(sent.sent_id) or [(m.start, m.end) for m in read_mentions(sent) if m.etype == "person"]
            for w, w2 in zip(toks, toks[1:]):
                if w.form[:1].isupper() and w2.form[:1].isupper():
                    before_capital[key(w.form)] += 1
            for i, tok in enumerate(toks):
                if (tok.deprel == "nmod:desc" and tok.head > i and tok.form[:1].isupper()
                        and any(a <= tok.head < b for a, b in spans)):
                    title[key(tok.form)] += 1
                    role.update(key(t.form) for t in toks[:i] if t.head == i and t.form[:1].isupper())
    titles = {w: min(1.0, round(n / (before_capital[w] + 1), 3)) for w, n in title.items() if n >= MIN_TITLE}
    titles.update({w: 1.0 for w in TITLE_ABBREVIATIONS})
    modifiers = [w for w, n in role.items() if n >= MIN_TITLE and w not in titles
                 and lexicon_tag(w) in ("ADJ", "NOUN")]  # not `U.S.` of `U.S. Ambassador`
    return titles, sorted(modifiers)


def learn_abbreviations(docs: list[Document]) -> list[str]:
    """Capitalised words written with a full stop inside names (`Jr.`, `Inc.`, `St.`)
    in the treebanks, plus Punkt's news abbreviations and the titles."""
    seen = Counter(t.form[:-1].lower() for d in docs for s in d.sentences for t in s.tokens
                   if len(t.form) > 2 and t.form.endswith(".") and t.form[0].isupper() and "." not in t.form[:-1])
    found = {w for w, n in seen.items() if n >= 2 and w.isalpha()}
    return sorted(found | {a for a in NEWS_ABBREVIATIONS if "." not in a} | set(TITLE_ABBREVIATIONS))


# -- 3. connectors and joins -----------------------------------------------------

def gold_connectors(sents: list[Annotated]) -> list[str]:
    """Lower-case words (and `&`) found between capitalised words inside gold names."""
    counts = Counter()
    for sent in sents:
        for s, e, _ in sent.names:
            inner = [w for a, b, w in sent.words if s <= a and b <= e]
            for left, mid, right in zip(inner, inner[1:], inner[2:]):
                if left[:1].isupper() and right[:1].isupper() and (mid.isalpha() and mid.islower() or mid == "&"):
                    counts[mid] += 1
    return sorted(w for w, n in counts.items() if n >= MIN_CONNECTOR)


def runs(rec: Recogniser, sent: Annotated):
    """Words of each capitalised run in a gold sentence, with the connectors before
    each word: [(start, end, word, [connectors])]."""
    for m in rec.run_re.finditer(sent.text):
        words, gap = [], []
        for s, e, tok in run_tokens(m.group()):
            if tok[0].islower() and "-" not in tok or tok == "&":
                gap.append(tok)
            else:
                words.append((m.start() + s, m.start() + e, tok, gap))
                gap = []
        yield words


def join_examples(rec: Recogniser, sents: list[Annotated]) -> list[tuple[list[str], int]]:
    """(features, 1 if joined else 0) for each connector between capitalised words,
    with the left part grown as the gold names grow it."""
    out = []
    for sent in sents:
        for words in runs(rec, sent):
            left: list[tuple[int, int, str]] = []
            for s, e, word, gap in words:
                if left and gap and not all(c in rec.particles for c in gap):
                    joined = any(a <= left[-1][0] and e <= b for a, b, _ in sent.names)
                    left_words = [w for _, _, w in left]
                    feats = join_features(" ".join(gap), left_words, word, rec.is_ordinary, rec.kind_of(left_words))
                    out.append((feats, int(joined)))
                    if not joined:
                        left = []
                left.append((s, e, word))
    return out


# -- 4. the classifier -----------------------------------------------------------

def label(sent: Annotated, start: int, end: int) -> str:
    """The type of the gold name a chunk matches (the smallest one containing it, or
    one it covers at least half of); GUM chunks must hold a proper noun."""
    if sent.proper is not None and not any(start <= a and b <= end for a, b in sent.proper):
        return "other"
    best, best_size = "other", None
    for a, b, kind in sent.names:
        contains = a <= start and end <= b
        overlap = min(b, end) - max(a, start)
        if contains or overlap * 2 >= max(b, end) - min(a, start):
            if best_size is None or b - a < best_size:
                best, best_size = kind, b - a
    return best


def chunk_examples(rec: Recogniser, sents: list[Annotated]) -> list[tuple[list[str], int]]:
    out = []
    for sent in sents:
        for start, end, words, title, *_ in rec.chunks(sent.text):
            before, after = context_words(sent.text, start, end)
            feats = chunk_features(words, title, rec.is_ordinary, rec.gender) + context_features(before, after)
            out.append((feats, KINDS.index(label(sent, start, end))))
    return out


def train_logreg(examples: list[tuple[list[str], int]], classes: int, epochs: int = 12,
                 rate: float = 0.2, l2: float = 1e-5) -> dict[str, list[float]]:
    """Multinomial logistic regression by plain SGD, in a fixed order (deterministic)."""
    weights: dict[str, list[float]] = defaultdict(lambda: [0.0] * classes)
    order = list(range(len(examples)))
    rng = random.Random(0)
    for epoch in range(epochs):
        rng.shuffle(order)
        eta = rate / (1 + epoch)
        for i in order:
            feats, y = examples[i]
            rows = [weights[f] for f in feats]
            scores = [sum(r[k] for r in rows) for k in range(classes)]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            grads = [e / total - (k == y) for k, e in enumerate(exps)]
            for r in rows:
                for k in range(classes):
                    r[k] -= eta * (grads[k] + l2 * r[k])
    return weights


def frequent(examples: list[tuple[list[str], int]]) -> list[tuple[list[str], int]]:
    """Drop features seen fewer than MIN_FEATURE times: a word seen once teaches the
    model nothing it can use on new text, and leaning on it starves the general
    features (suffix, shape, context) that unseen names depend on."""
    counts = Counter(f for feats, _ in examples for f in set(feats))
    return [([f for f in feats if counts[f] >= MIN_FEATURE], y) for feats, y in examples]


def prune(weights: dict[str, list[float]], threshold: float) -> dict[str, list[float]]:
    return {f: [round(x, 3) for x in w] for f, w in weights.items() if max(abs(x) for x in w) >= threshold}


# -- gender ----------------------------------------------------------------------

def gender_table(docs: list[Document], rec: Recogniser, given: set[str]) -> dict[str, str]:
    """First name -> "m"/"f" where every GUM person bearing it whose gender the chain
    shows (>= MIN_GENDER_EVIDENCE pronouns or honorifics, 90% one way) agrees.  First
    names are the given words that start a person's name (`Mary`, `Mary Smith`, the
    Wikipedia identity `Mary_Smith`) after any title."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for doc in docs:
        evidence: dict[str, Counter] = defaultdict(Counter)
        first_names: dict[str, set[str]] = defaultdict(set)
        for sent in doc.sentences:
            toks = sent.tokens
            for m in read_mentions(sent):
                if m.etype != "person":
                    continue
                words = [t.form for t in toks[m.start:m.end]]
                if len(words) == 1 and words[0].lower() in GENDER_PRONOUNS:
                    evidence[m.eid][GENDER_PRONOUNS[words[0].lower()]] += 1
                core = named_core(toks, m.start, m.end)
                names = [[t.form for t in toks[core[0]:core[1]]]] if core else []
                if names and names[0][0].lower().rstrip(".") in HONORIFIC_GENDER:
                    evidence[m.eid][HONORIFIC_GENDER[names[0][0].lower().rstrip(".")]] += 1
                if m.identity and "(" not in m.identity:
                    names.append(m.identity.split("_"))
                for name in names:
                    while name and (rec.title_weight(name[0]) >= 0.5 or name[0].lower().rstrip(".") in HONORIFIC_GENDER):
                        name = name[1:]
                    if name and name[0] in given and (len(name) >= 2 or name is names[0]):
                        first_names[m.eid].add(name[0])
        for eid, names in first_names.items():
            ev = evidence[eid]
            total = sum(ev.values())
            if total >= MIN_GENDER_EVIDENCE:
                g, n = ev.most_common(1)[0]
                if n >= 0.9 * total:
                    for name in names:
                        votes[name][g] += 1
    return {name: v.most_common(1)[0][0] for name, v in sorted(votes.items()) if len(v) == 1}


def given_names(sents: list[Annotated], rec: Recogniser) -> set[str]:
    """Words that start gold person names more often than they occur in other gold
    names (`George`, not `Texas` or `Santa` of Santa Barbara), and that are not common
    nouns either, unless the word list has them capitalised (`Bill`, not `Secretary`)."""
    first, other = Counter(), Counter()
    for sent in sents:
        for s, e, kind in sent.names:
            inside = [w for a, b, w in sent.words if s <= a and b <= e]
            while inside and rec.title_weight(inside[0]) >= 0.5:
                inside = inside[1:]
            if kind == "person" and len(inside) >= 2:
                first[inside[0]] += 1
            elif kind != "person":
                other.update(inside)
    _, listed_capital = read_word_list()
    return {w for w, n in first.items()
            if n > other[w] and len(w) > 1 and w.isalpha() and w[0].isupper() and w[1:].islower()
            and not rec.is_ordinary(w)
            and (lexicon_tag(w.lower()) != "NOUN" or w.lower() in listed_capital)}


# -- all together ----------------------------------------------------------------

def build() -> tuple[dict, dict[str, str]]:
    ewt = read_conllu(UD_EWT / "en_ewt-ud-train.conllu")
    gum_docs = read_gum("train")
    uner = uner_sentences(UNER_EWT / "en_ewt-ud-train.draft-cleaned.iob2")
    gum = gum_sentences(gum_docs)
    titles, role_words = learn_titles(ewt, gum_docs, UNER_EWT / "en_ewt-ud-train.draft-cleaned.iob2")
    model = {
        "ordinary": sorted(ordinary_words(ewt + gum_docs)),
        "abbrevs": learn_abbreviations(ewt + gum_docs),
        "titles": titles,
        "role_words": role_words,
        "particles": PARTICLES,
        "prefixes": HYPHEN_PREFIXES,
        "connectors": sorted(set(gold_connectors(uner + gum)) - set(PARTICLES)),
        "join": {},
        "weights": {},
    }
    all_gum = gum_docs + read_gum("dev") + read_gum("test")
    rec = Recogniser(model, {})
    # GUM's chains decide where they know a name, then news honorifics, then the census lists
    ordinary = set(model["ordinary"])
    gender = {**census_gender(ordinary), **polnear_gender(ordinary),
              **gender_table(all_gum, rec, given_names(uner + gum, rec))}
    for _ in range(3):  # later join models see the previous classifier's types
        join = train_logreg(frequent(join_examples(Recogniser(model, gender), uner + gum)), 2)
        model["join"] = {f: round(w[1] - w[0], 3) for f, w in sorted(join.items()) if abs(w[1] - w[0]) >= PRUNE}
        chunks = frequent(chunk_examples(Recogniser(model, gender), uner + gum))
        model["weights"] = prune(train_logreg(chunks, len(KINDS)), PRUNE)
    return model, gender


def train(out_dir: Path) -> list[Path]:
    model, gender = build()
    return [write_json_gz(out_dir / "names.json.gz", model), write_json_gz(out_dir / "gender.json.gz", gender)]
