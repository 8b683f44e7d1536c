"""Tiny linear models over sparse string features, in pure Python.

Two shapes are needed: a ranker that picks one candidate out of a few
(softmax over the candidates' scores; the speaker of a quote) and a binary
classifier (is a quoted stretch speech?).  Both train with AdaGrad and L2 in
seconds on PolNeAR train and ship as a {feature: weight} dict, so scoring is
a handful of dict lookups.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Sequence
from itertools import repeat

Features = Sequence[str]


def linear(weights: dict[str, float], features: Features) -> float:
    return sum(map(weights.get, features, repeat(0.0, len(features))))


def sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def softmax(scores: Sequence[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def _adagrad_step(w, g2, grads, lr, l2):
    for f, g in grads.items():
        g += l2 * w.get(f, 0.0)
        g2[f] += g * g
        w[f] = w.get(f, 0.0) - lr * g / (math.sqrt(g2[f]) + 1e-8)


def train_ranker(groups: list[tuple[list[Features], list[bool]]], epochs: int = 20, lr: float = 0.1,
                 l2: float = 0.003, seed: int = 13) -> dict[str, float]:
    """Softmax ranker: maximise the probability mass on the correct candidates of each group."""
    w: dict[str, float] = {}
    g2: dict[str, float] = defaultdict(float)
    order = list(range(len(groups)))
    rng = random.Random(seed)
    total: dict[str, float] = defaultdict(float)
    for _ in range(epochs):
        rng.shuffle(order)
        for gi in order:
            candidates, gold = groups[gi]
            if not any(gold) or len(candidates) < 2:
                continue
            probs = softmax([linear(w, f) for f in candidates])
            mass = sum(p for p, ok in zip(probs, gold) if ok)
            grads: dict[str, float] = defaultdict(float)
            for feats, p, ok in zip(candidates, probs, gold):
                # d(-log mass)/d(score_c) = p_c - [c correct] * p_c / mass
                coef = p - (p / mass if ok else 0.0)
                if coef:
                    for f in feats:
                        grads[f] += coef
            _adagrad_step(w, g2, grads, lr, l2)
        for f, v in w.items():
            total[f] += v
    return _pruned({f: v / epochs for f, v in total.items()})


def train_binary(examples: list[tuple[Features, bool]], epochs: int = 12, lr: float = 0.2,
                 l2: float = 1e-4, seed: int = 13) -> dict[str, float]:
    """Logistic regression."""
    w: dict[str, float] = {}
    g2: dict[str, float] = defaultdict(float)
    order = list(range(len(examples)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            feats, label = examples[i]
            coef = sigmoid(linear(w, feats)) - (1.0 if label else 0.0)
            _adagrad_step(w, g2, {f: coef for f in feats}, lr, l2)
    return _pruned(w)


def _pruned(w: dict[str, float]) -> dict[str, float]:
    return {f: round(v, 4) for f, v in sorted(w.items()) if abs(v) >= 1e-3}
