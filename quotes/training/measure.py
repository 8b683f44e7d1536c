"""`make measure`: every figure quoted in quotes/models/README.md, from the shipped files.

Run as `python -m quotes.training.measure`.  It scores the artifacts in
quotes/models/ on the dev splits of the corpora they were trained from (never on
what they were trained on) and prints the result; apart from the timings at the
end, the output is the same on every run.  Gold names come from the trainer's own
readers (quotes/training/names.py), so what is scored is what is learned.
Timings live here, not in the tests.
"""

from __future__ import annotations

import time
from collections import Counter

from quotes.models import MODELS, load_json, punkt
from quotes.names import find_names, recogniser
from quotes.sentences import split_paragraphs, split_sentences
from quotes.tagger import tag
from quotes.tokens import tokenize
from quotes.training.corpora import UD_EWT, UD_GUM, UNER_EWT, Document, read_conllu, read_gum, read_iob2, read_polnear
from quotes.training.names import Annotated, gum_sentences, uner_sentences


def prf(right: int, predicted: int, gold: int) -> str:
    p = right / predicted if predicted else 0.0
    r = right / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:.3f} {r:.3f} {f:.3f}"


def tagger_accuracy(docs: list[Document]) -> tuple[int, int]:
    """(words tagged right, words) over the documents' gold UPOS."""
    right = total = 0
    for doc in docs:
        for sent in doc.sentences:
            guess = tag([t.form for t in sent.tokens])
            right += sum(g == t.upos for g, t in zip(guess, sent.tokens))
            total += len(sent.tokens)
    return right, total


def sentence_boundaries(docs: list[Document]) -> tuple[int, int, int]:
    """(right, predicted, gold) sentence ends inside paragraphs (the paragraph's own
    end is free), Punkt on each paragraph's text with the treebank's sentences as gold."""
    right = predicted = gold = 0
    for doc in docs:
        for par in doc.paragraphs:
            text, ends, pos = " ".join(s.text for s in par), set(), 0
            for sent in par[:-1]:
                pos += len(sent.text)
                ends.add(pos)
                pos += 1
            found = {e for _, e in punkt().span_tokenize(text)} - {len(text)}
            right, predicted, gold = right + len(found & ends), predicted + len(found), gold + len(ends)
    return right, predicted, gold


def name_counts(sents: list[Annotated]) -> tuple[int, int, int, int]:
    """(gold names, predicted names, exact span and type right, span right), counting
    person / organization / place only: a chunk typed `other` is no name."""
    gold_n = pred_n = exact = span = 0
    for sent in sents:
        gold = {(s, e, k) for s, e, k in sent.names if k != "other"}
        pred = {(n.start, n.end, n.kind) for n in find_names(sent.text) if n.kind != "other"}
        gold_n, pred_n = gold_n + len(gold), pred_n + len(pred)
        exact += len(gold & pred)
        span += len({(s, e) for s, e, _ in gold} & {(s, e) for s, e, _ in pred})
    return gold_n, pred_n, exact, span


def main() -> None:
    ewt_dev = read_conllu(UD_EWT / "en_ewt-ud-dev.conllu")
    gum_dev = read_conllu(UD_GUM / "en_gum-ud-dev.conllu")
    gum_dev_by = read_gum("dev")
    test_sets = [("UD EWT dev", ewt_dev), ("GUM dev, all genres", gum_dev), ("GUM dev, CC BY genres", gum_dev_by)]

    print("Training data")
    for name, docs in [("UD EWT train", read_conllu(UD_EWT / "en_ewt-ud-train.conllu")),
                       ("GUM train, CC BY genres", read_gum("train")),
                       ("GUM train, all (not read)", read_conllu(UD_GUM / "en_gum-ud-train.conllu")),
                       ("GUM dev+test, CC BY", read_gum("dev") + read_gum("test"))]:
        words = sum(len(s.tokens) for doc in docs for s in doc.sentences)
        print(f"  {name:26} {len(docs):4} documents {words:8,} words")
    uner = read_iob2(UNER_EWT / "en_ewt-ud-train.draft-cleaned.iob2")
    print(f"  {'UNER EWT train (draft)':26} {len(uner):,} sentences, {sum(len(s.spans()) for s in uner):,} names")

    print("\nSentence splitter (punkt.json.gz): sentence ends inside paragraphs")
    print(f"  {'test set':24} {'gold':>6}  P     R     F1")
    for name, docs in test_sets:
        right, predicted, gold = sentence_boundaries(docs)
        print(f"  {name:24} {gold:6,}  {prf(right, predicted, gold)}")

    print("\nTagger (tagger.json.gz): UPOS accuracy")
    for name, docs in test_sets:
        right, total = tagger_accuracy(docs)
        print(f"  {name:24} {100 * right / total:5.1f}%  ({right:,} / {total:,} words)")

    print("\nNames (names.json.gz): person / organization / place; P R F1 exact span and type, then span only")
    print(f"  {'test set':24} {'gold':>6}  P     R     F1     span: P     R     F1")
    for name, sents in [("UNER EWT dev", uner_sentences(UNER_EWT / "en_ewt-ud-dev.iob2")),
                        ("GUM dev, all genres", gum_sentences(gum_dev)),
                        ("GUM dev, CC BY genres", gum_sentences(gum_dev_by))]:
        gold, predicted, exact, span = name_counts(sents)
        print(f"  {name:24} {gold:6,}  {prf(exact, predicted, gold)}        {prf(span, predicted, gold)}")

    gender = Counter(load_json("gender.json.gz").values())
    print(f"\nGender table (gender.json.gz): {sum(gender.values())} first names ({gender['m']} m, {gender['f']} f)")
    animacy = Counter(load_json("animacy.json.gz").values())
    print(f"Animacy lexicon (animacy.json.gz): {sum(animacy.values())} nouns "
          f"({animacy['agent']} agent, {animacy['thing']} thing)")

    print("\nArtifacts")
    for path in sorted(MODELS.glob("*.json.gz")):
        print(f"  {path.name:17} {path.stat().st_size:9,} bytes")

    texts = [a["text"] for a in read_polnear("dev")]
    chars = sum(map(len, texts))
    print(f"\nSpeed on PolNeAR dev ({len(texts)} articles, {chars:,} characters); timings vary by machine and run")
    recogniser.cache_clear()
    recogniser()  # load the model outside the timing
    for label in ("first pass, caches filling", "second pass, caches warm"):
        start = time.perf_counter()
        found = sum(len(find_names(text)) for text in texts)
        ms = (time.perf_counter() - start) * 1000
        print(f"  find_names, {label}: {ms * 5000 / chars:.2f} ms per 5,000 characters ({found:,} names)")
    sentences = [[t.text for t in tokenize(text, s, e)]
                 for text in texts for par in split_paragraphs(text) for s, e in split_sentences(text, par)]
    words = sum(map(len, sentences))
    tag(["warm", "up"])
    start = time.perf_counter()
    for sent in sentences:
        tag(sent)
    seconds = time.perf_counter() - start
    print(f"  tag: {seconds * 1e6 / words:.2f} µs per word ({words:,} words in {len(sentences):,} sentences)")


if __name__ == "__main__":
    main()
