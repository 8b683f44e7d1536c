"""Which mention to report for a quote: the one most likely to name the right speaker.

The ranker scores mentions, but a speaker is an entity: `Mr. Bush` (0.4) and the
`he` after the quote (0.3) are one man, and together outweigh `Trump` (0.45).  A
mention is right when it is the speaker's mention, or when it stands for the same
entity as a name that is: whoever points at `Mr. Bush` accepts `he` for him, but
whoever points at `he` wants `he`, not another pronoun or description of him.  So a
mention scores its own probability plus that of the names of its entity, and the
best-scoring one is reported, with that score as its probability.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from quotes.attribution import Choice, cue_of
from quotes.context import QuoteContext
from quotes.mentions import Mention

if TYPE_CHECKING:
    from quotes.entities import ArticleEntities

MIN_PROBABILITY = 0.02  # candidates below this cannot change the decision enough to resolve them


def decide(ctx: QuoteContext, choice: Choice, entities: ArticleEntities) -> Choice:
    ranked = [(m, p) for m, p in choice.ranked if p >= MIN_PROBABILITY]
    if len(ranked) < 2:
        return choice
    keys = [_entity_key(m, entities) for m, _ in ranked]
    names_mass: dict[object, float] = {}
    for (m, p), key in zip(ranked, keys):
        if m.kind == "name" and key is not None:
            names_mass[key] = names_mass.get(key, 0.0) + p
    best, best_score, best_own = None, -1.0, -1.0
    for (m, p), key in zip(ranked, keys):
        if key is None:
            score = p  # stands for no entity: right only as itself
        elif m.kind == "name":
            score = names_mass[key]  # any name of the entity would do as well
        else:
            score = p + names_mass.get(key, 0.0)
        # between names of one entity (same score), the one the ranker itself prefers
        if score > best_score + 1e-9 or score > best_score - 1e-9 and p > best_own:
            best, best_score, best_own = m, score, p
    if best is choice.mention:
        return choice
    return replace(choice, mention=best, cue=cue_of(ctx, best), probability=min(best_score, 1.0))


def _entity_key(m: Mention, entities: ArticleEntities) -> object:
    speaker = entities.resolve(m)
    return id(speaker.entity) if speaker.entity is not None else None
