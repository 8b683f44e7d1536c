"""The speaker scorer: normalisation, matching and figures on hand-made cases.

No PolNeAR text appears here; the last tests only check that the committed gold
is well formed and, when ../shared is present, that its offsets are PolNeAR's.
"""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes.cli import cli
from quotes.evaluate_speakers import (contained, load_speaker_gold, name_key, org_checks, org_key, role_checks,
                                      role_key, score_speakers, speaker_right)

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "eval" / "polnear-dev-speakers.jsonl"
DEV = ROOT.parent / "shared" / "corpora" / "polnear" / "dev.jsonl"


@pytest.mark.parametrize("a, b", [
    ("Sen. Elizabeth Warren (D-Mass.)", "Elizabeth Warren"),
    ("Mr. Obama", "obama"),
    ("former President Bill Clinton", "Bill Clinton"),
    ("François Hollande", "Francois HOLLANDE"),
    ("Donald J. Trump", "Donald Trump"),
    ("Martin Luther King Jr.", "Martin Luther King"),
    ("Amir-Abdollahian", "Amirabdollahian"),
    ("O’Rourke", "O'Rourke"),
    ("the New York Times", "The New York Times"),
    ("Mitch McConnell, R-Ky.", "Mitch McConnell"),
])
def test_names_fold_case_accents_punctuation_and_honorifics(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a, b", [
    ("Hillary Clinton", "Bill Clinton"),
    ("Clinton", "Hillary Clinton"),       # the surname alone is not the canonical name
    ("German Chancellor Angela Merkel", "Angela Merkel"),  # a demonym is not a title
])
def test_names_that_differ(a, b):
    assert name_key(a) != name_key(b)


def test_a_lone_title_word_is_kept():
    assert name_key("Speaker") == ("speaker",)


def test_roles_fold_articles_abbreviations_and_the_organisation():
    orgs = ("Pentagon", None)
    assert role_key("the Pentagon's Press Secretary", orgs) == role_key("press secretary", orgs) == ("press", "secretary")
    assert role_key("Sen.") == role_key("Senator")
    assert role_key("Retired Lt. Gen.") == role_key("retired Lieutenant General")
    assert role_key("leader of Kataib Hezbollah", ("Kataib Hezbollah",)) == ("leader",)
    assert role_key("Republican presidential nominee", ("Republican Party",)) == ("presidential", "nominee")
    assert role_key("vice-presidential nominee") == role_key("vice presidential nominee")


def test_role_checks_exact_and_containment():
    gold = {"role": "Minority Leader", "organization": "Senate"}
    assert role_checks(gold, {"role": "Senate Minority Leader", "organization": None}) == (True, True)
    assert role_checks(gold, {"role": "Leader", "organization": "Senate"}) == (False, True)
    assert role_checks(gold, {"role": None, "organization": "Senate"}) == (False, False)
    assert role_checks(gold, {"role": "spokesman", "organization": "Senate"}) == (False, False)


def test_a_role_made_only_of_organisation_words_still_needs_a_role():
    gold = {"role": "Pentagon", "organization": "Pentagon"}
    assert role_checks(gold, {"role": None, "organization": "Pentagon"}) == (False, False)
    assert role_checks(gold, {"role": "Pentagon", "organization": "Pentagon"}) == (True, True)


def test_organisations():
    assert org_key("the Pentagon’s") == ("pentagon",)
    assert org_checks({"organization": "House"}, {"organization": "House of Representatives"}) == (False, True)
    assert org_checks({"organization": "White House"}, {"organization": "the White House"}) == (True, True)
    assert org_checks({"organization": None}, {"organization": None}) == (True, True)
    assert org_checks({"organization": "Iran"}, {"organization": None}) == (False, False)
    assert contained(("a", "b", "c"), ("b", "c")) and not contained(("a", "b", "c"), ("a", "c"))
    assert not contained((), ("a",))


def test_anonymous_and_unknown_gold_speakers():
    anonymous = {"speaker": "anonymous source", "kind": "anonymous"}
    assert speaker_right(anonymous, {"speaker": "senior official", "speaker_kind": "anonymous"})
    assert not speaker_right(anonymous, {"speaker": "John Doe", "speaker_kind": "person"})
    unknown = {"speaker": "unknown", "kind": "unknown"}
    assert speaker_right(unknown, {"speaker": None, "speaker_kind": "unknown"})
    assert not speaker_right(unknown, {"speaker": "Jane Roe", "speaker_kind": "person"})


TEXT = ('Acme Corp chief executive Jane Roe spoke. "We will grow," she said. '
        '"Costs are falling," said John Doe, a spokesman for the union. "Soon," he added.')


def _span(fragment: str) -> tuple[int, int]:
    start = TEXT.index(fragment)
    return start, start + len(fragment)


def _gold():
    quotes = []
    for fragment, speaker, role, org in (("We will grow,", "Jane Roe", "chief executive", "Acme Corp"),
                                         ("Costs are falling,", "John Doe", "spokesman", "union"),
                                         ("Soon,", "John Doe", "spokesman", "union")):
        s, e = _span(fragment)
        quotes.append({"start": s, "end": e, "speaker": speaker, "kind": "person", "role": role, "organization": org})
    return [{"id": "a", "quotes": quotes}]


def test_scoring_counts_missed_quotes_against_the_gold_and_matches_by_overlap():
    s1, e1 = _span("We will grow,")
    s2, e2 = _span("Costs are falling,")
    predicted = [
        {"start": s1, "end": e1 - 1, "speaker": "Ms. Roe", "speaker_kind": "person",   # trimmed span matches
         "role": "Acme Corp chief executive", "organization": "Acme Corp"},
        {"start": s2, "end": e2, "speaker": "Jane Roe", "speaker_kind": "person",      # wrong speaker
         "role": None, "organization": None},
        {"start": 0, "end": 10, "speaker": "Acme", "speaker_kind": "organization"},   # matches nothing
    ]
    res = score_speakers(_gold(), {"a": TEXT}, {"a": predicted})
    assert res["gold_quotes"] == 3 and res["found"] == 2
    assert res["speaker"]["correct"] == 0  # 'Ms. Roe' folds to 'roe', not the full name
    predicted[0]["speaker"] = "Jane Roe"
    res = score_speakers(_gold(), {"a": TEXT}, {"a": predicted})
    assert res["speaker"]["correct"] == 1
    assert res["speaker"]["of_gold"] == pytest.approx(1 / 3)
    assert res["speaker"]["of_found"] == pytest.approx(1 / 2)
    assert res["kind"]["correct"] == 2
    assert res["role"]["exact"] == 1 and res["organization"]["exact"] == 1
    assert res["speaker_confusions"] == [["John Doe", "Jane Roe", 1]]
    assert res["role_confusions"] == [["spokesman", "(none)", 1]]


def test_one_predicted_quote_matches_one_gold_quote():
    s, e = _span("Soon,")
    gold = [{"id": "a", "quotes": [
        {"start": s, "end": e, "speaker": "John Doe", "kind": "person", "role": None, "organization": None},
        {"start": s, "end": e, "speaker": "John Doe", "kind": "person", "role": None, "organization": None}]}]
    pred = [{"start": s, "end": e, "speaker": "John Doe", "speaker_kind": "person"}]
    res = score_speakers(gold, {"a": TEXT}, {"a": pred})
    assert res["found"] == 1 and res["no_role"]["rate"] == 1.0


def test_cli_on_a_hand_made_gold(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(a) for a in _gold()) + "\n", encoding="utf-8")
    texts = tmp_path / "texts.jsonl"
    texts.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate-speakers", str(gold), "--texts", str(texts), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert "canonical speaker" in result.output and "(1 articles, 3 quotes)" in result.output
    result = CliRunner().invoke(cli, ["evaluate-speakers", str(gold), "--texts", str(texts), "--json", "-j", "1"])
    figures = json.loads(result.output)
    assert figures["gold_quotes"] == 3 and 0 <= figures["found"] <= 3


def test_cli_names_a_malformed_gold_line(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "quotes": [{"start": 0, "end": 1, "speaker": "X", "kind": "alien"}]}\n')
    texts = tmp_path / "texts.jsonl"
    texts.write_text(json.dumps({"id": "a", "text": TEXT}) + "\n")
    result = CliRunner().invoke(cli, ["evaluate-speakers", str(gold), "--texts", str(texts)])
    assert result.exit_code != 0 and "gold.jsonl:1" in result.output


def test_the_committed_gold_is_well_formed_and_holds_no_article_text():
    articles = load_speaker_gold(str(GOLD))
    assert len(articles) == 25
    for article in articles:
        assert set(article) == {"id", "quotes"}
        for q in article["quotes"]:
            assert set(q) == {"start", "end", "speaker", "kind", "role", "organization", "evidence"}
            assert len(q["evidence"].split()) <= 12
            assert q["kind"] != "anonymous" or q["role"] is None or q["organization"]


@pytest.mark.skipif(not DEV.exists(), reason="../shared not present")
def test_the_gold_covers_every_sourced_polnear_quote_of_its_articles():
    dev = {a["id"]: a for a in map(json.loads, DEV.read_text(encoding="utf-8").splitlines())}
    for article in load_speaker_gold(str(GOLD)):
        sourced = [(q["start"], q["end"]) for q in dev[article["id"]]["quotes"] if q["speaker"]]
        assert [(q["start"], q["end"]) for q in article["quotes"]] == sourced
