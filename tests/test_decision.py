"""The reported speaker is the entity the ranker's probability adds up to most."""

from quotes.attribution import Choice
from quotes.decision import decide
from quotes.entities import ArticleEntities
from quotes.pipeline import analyse

TEXT = ("Jeb Bush and Donald Trump met voters in Iowa on Monday. "
        "“We will win this state,” Mr. Bush told them, and he smiled.")


def _setup():
    analysis = analyse(TEXT)
    ctx, mentions = analysis.contexts[0], analysis.mentions[0]
    by_text = {m.text: m for m in mentions}
    return ctx, by_text, ArticleEntities(TEXT, analysis.names)


def _choice(ranked):
    best = max(ranked, key=lambda x: x[1])
    return Choice(best[0], None, best[1], ranked)


def test_one_entity_over_a_likelier_single_mention():
    ctx, m, entities = _setup()
    chosen = decide(ctx, _choice([(m["Donald Trump"], 0.40), (m["Bush"], 0.35), (m["Jeb Bush"], 0.25)]), entities)
    assert chosen.mention.text in ("Bush", "Jeb Bush")
    assert entities.resolve(chosen.mention).name == "Jeb Bush"
    assert abs(chosen.probability - 0.60) < 1e-9  # the entity's share of the belief


def test_a_pronoun_of_the_entity_is_reported_with_its_names_belief():
    ctx, m, entities = _setup()
    assert entities.resolve(m["he"]).name == "Jeb Bush"
    chosen = decide(ctx, _choice([(m["Bush"], 0.55), (m["he"], 0.30), (m["Donald Trump"], 0.15)]), entities)
    assert chosen.mention is m["he"]
    assert abs(chosen.probability - 0.85) < 1e-9


def test_another_entity_with_more_belief_keeps_the_choice():
    ctx, m, entities = _setup()
    original = _choice([(m["Donald Trump"], 0.70), (m["Bush"], 0.20), (m["Jeb Bush"], 0.10)])
    assert decide(ctx, original, entities) is original


def test_of_one_entitys_names_the_one_the_ranker_prefers_is_reported():
    ctx, m, entities = _setup()
    ranked = [(m["Jeb Bush"], 0.25), (m["Donald Trump"], 0.40), (m["Bush"], 0.35)]
    chosen = decide(ctx, Choice(m["Donald Trump"], None, 0.40, ranked), entities)
    assert chosen.mention is m["Bush"]  # `Mr. Bush told them`, not the earlier `Jeb Bush`
