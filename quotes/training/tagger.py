"""Train the lookup-table UPOS tagger (quotes/tagger.py) on UD EWT train + the CC BY
genres of GUM train.

The tagger must cost about a microsecond a word, so it is three tables rather than
a statistical model: the most frequent tag of each word form, a suffix+shape table
for unknown words (learned from rare words, which behave like unknown ones), and
two rounds of per-word corrections keyed by the neighbours' tags, kept only where
they fix more training tokens than they break.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from quotes.tagger import Tagger, correct, shape
from quotes.training.corpora import UD_EWT, Document, read_conllu, read_gum, write_json_gz

RARE = 2  # words seen at most this often teach the unknown-word table
MIN_SUFFIX = 3  # a suffix entry needs this many rare words behind it
MIN_CONTEXT = 3  # a context rule needs this many training tokens behind it
MIN_GAIN = 2  # ... and must fix this many more tokens than it breaks
ROUNDS = 2  # the second round sees the first round's corrected neighbours


def tagged_sentences(docs: list[Document]) -> list[list[tuple[str, str]]]:
    return [[(t.form, t.upos) for t in s.tokens] for d in docs for s in d.sentences]


def training_sentences() -> list[list[tuple[str, str]]]:
    return tagged_sentences(read_conllu(UD_EWT / "en_ewt-ud-train.conllu") + read_gum("train"))


def _best(counts: Counter) -> str:
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def learn_suffixes(words: dict[str, Counter]) -> dict[str, str]:
    """shape class + last 0-4 letters (lower-cased) -> tag, from rare words; an entry
    is kept only where it differs from its one-letter-shorter parent."""
    table: dict[str, Counter] = defaultdict(Counter)
    for word, counts in words.items():
        if sum(counts.values()) > RARE:
            continue
        cls, low = shape(word), word.lower()
        for n in range(5):
            if n <= len(low):
                table[cls + "|" + (low[-n:] if n else "")].update(counts)
    out: dict[str, str] = {}
    for key in sorted(table, key=len):
        counts = table[key]
        if sum(counts.values()) < MIN_SUFFIX and not key.endswith("|"):
            continue
        tag = _best(counts)
        cls, suffix = key.split("|", 1)
        parent = cls + "|" + suffix[1:] if suffix else None
        if parent is None or _lookup(out, cls, suffix[1:]) != tag:
            out[key] = tag
    return out


def _lookup(table: dict[str, str], cls: str, suffix: str) -> str | None:
    for n in range(len(suffix), -1, -1):
        tag = table.get(cls + "|" + suffix[len(suffix) - n:])
        if tag:
            return tag
    return None


def learn_context(sents: list[list[tuple[str, str]]], current: list[list[str]]) -> dict[str, dict[str, str]]:
    """word -> {"PREV NEXT" | "PREV " | " NEXT": tag} where the neighbours' current
    tags predict a better tag than the word's own current one."""
    stats: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for sent, guess in zip(sents, current):
        for i, (word, gold) in enumerate(sent):
            low = word.lower()
            prev = guess[i - 1] if i else "<s>"
            nxt = guess[i + 1] if i + 1 < len(guess) else "</s>"
            for key in (prev + " " + nxt, prev + " ", " " + nxt):
                stats[low][key][(guess[i], gold)] += 1
    rules: dict[str, dict[str, str]] = {}
    for low in sorted(stats):
        for key in sorted(stats[low], key=lambda k: (-len(k.strip()), k)):
            pairs = stats[low][key]
            total = sum(pairs.values())
            if total < MIN_CONTEXT:
                continue
            gold_counts = Counter()
            for (_, gold), n in pairs.items():
                gold_counts[gold] += n
            tag = _best(gold_counts)
            now_right = sum(n for (g, gold), n in pairs.items() if g == gold)
            if gold_counts[tag] - now_right >= MIN_GAIN:
                rules.setdefault(low, {})[key] = tag
    return rules


def build(sents: list[list[tuple[str, str]]]) -> dict:
    words: dict[str, Counter] = defaultdict(Counter)
    for sent in sents:
        for word, tag in sent:
            words[word][tag] += 1
    suffixes = learn_suffixes(words)
    unknown = Tagger({"lexicon": {}, "suffixes": suffixes, "context": []})
    full = {word: _best(counts) for word, counts in words.items()}
    # Every lower-case word stays (the name recogniser asks whether a word is a known
    # common word); a capitalised word seen once goes if the fallbacks tag it the same.
    lexicon = {}
    for word in sorted(words):
        low = word.lower()
        fallback = full.get(low) if low != word else None
        if word == low or sum(words[word].values()) > 1 or (fallback or unknown.guess(word)) != full[word]:
            lexicon[word] = full[word]
    model = {"lexicon": lexicon, "suffixes": suffixes, "context": []}
    words_of = [[w for w, _ in sent] for sent in sents]
    current = [Tagger(model).table_tags(words) for words in words_of]
    for _ in range(ROUNDS):
        rules = learn_context(sents, current)
        model["context"].append(rules)
        current = [correct(words, tags, rules) for words, tags in zip(words_of, current)]
    return model


def train(out_dir: Path) -> Path:
    return write_json_gz(out_dir / "tagger.json.gz", build(training_sentences()))
