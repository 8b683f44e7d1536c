"""`quotes evaluate` must print the figures of the reference scorer."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes.cli import cli
from quotes.evaluate import score

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SCORER = SHARED / "tools" / "quote_score.py"
DEV = SHARED / "corpora" / "polnear" / "dev.jsonl"

needs_shared = pytest.mark.skipif(not (SCORER.exists() and DEV.exists()), reason="../shared not present")


def _gold_subset(tmp_path, n=12):
    lines = DEV.read_text(encoding="utf-8").splitlines()[:n]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@needs_shared
def test_table_agrees_with_reference_scorer(tmp_path):
    gold = _gold_subset(tmp_path)
    system = tmp_path / "system.jsonl"
    ours = CliRunner().invoke(cli, ["evaluate", str(gold), "-o", str(system), "-j", "1"])
    assert ours.exit_code == 0, ours.output
    reference = subprocess.run([sys.executable, str(SCORER), str(gold), str(system)],
                               capture_output=True, text=True, check=True).stdout
    # the first two lines name the files; every figure after them must be identical
    assert ours.output.splitlines()[2:] == reference.splitlines()[2:]


@needs_shared
def test_json_figures_agree_with_reference_scorer(tmp_path):
    gold = _gold_subset(tmp_path)
    system = tmp_path / "system.jsonl"
    ours = CliRunner().invoke(cli, ["evaluate", str(gold), "-o", str(system), "--json", "-j", "1"])
    reference = subprocess.run([sys.executable, str(SCORER), str(gold), str(system), "--json"],
                               capture_output=True, text=True, check=True).stdout
    expected = json.loads(reference)
    expected["articles"].pop("unknown_in_system")
    assert json.loads(ours.output) == expected


def test_scoring_rules_on_a_hand_made_case():
    text = 'Intro. "We will win," Jane Doe said. He added: "Soon."'
    gold = [{"id": "a", "text": text, "quotes": [
        {"start": 8, "end": 20, "speaker": {"start": 22, "end": 30, "text": "Jane Doe"}, "cue": {"start": 31, "end": 35}},
        {"start": 48, "end": 52, "speaker": {"start": 37, "end": 39, "text": "He"}, "cue": {"start": 40, "end": 45}},
    ]}]
    right_name_wrong_mention = {"start": 8, "end": 20, "speaker": "Jane Doe", "speaker_start": 0, "speaker_end": 5}
    wrong_pronoun = {"start": 48, "end": 53, "speaker": "Jane Doe", "speaker_start": 22, "speaker_end": 30}
    figures = score(gold, {"a": [right_name_wrong_mention, wrong_pronoun]})
    assert figures["quotes"]["matched"] == 2
    assert figures["end_to_end"]["correct"] == 1  # a name counts by name; a pronoun only by its mention
    assert figures["recall_by_speaker_kind"]["pronoun"]["correct"] == 0


def test_calibration_counts_right_wrong_and_unmatched_predictions():
    from quotes.evaluate import calibration

    text = 'Intro. "We will win," Jane Doe said. He added: "Soon." And a "scare" quote.'
    gold = [{"id": "a", "text": text, "quotes": [
        {"start": 8, "end": 20, "speaker": {"start": 22, "end": 30, "text": "Jane Doe"}},
        {"start": 48, "end": 52, "speaker": {"start": 37, "end": 39, "text": "He"}},
    ]}]
    right = {"start": 8, "end": 20, "speaker": "Jane Doe", "speaker_start": 22, "speaker_end": 30, "confidence": 0.97}
    wrong = {"start": 48, "end": 52, "speaker": "Jane Doe", "speaker_start": 0, "speaker_end": 5, "confidence": 0.92}
    unmatched = {"start": 63, "end": 68, "speaker": None, "confidence": 0.3}
    rows = {(r["low"], r["high"]): r for r in calibration(gold, {"a": [right, wrong, unmatched]})}
    assert rows[(0.95, 1.01)]["correct"] == 1 and rows[(0.95, 1.01)]["predicted"] == 1
    assert rows[(0.9, 0.95)]["correct"] == 0 and rows[(0.9, 0.95)]["predicted"] == 1
    assert rows[(0.0, 0.5)]["predicted"] == 1 and rows[(0.0, 0.5)]["accuracy"] == 0.0


def test_a_malformed_gold_line_is_named(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "text": "No quotes.", "quotes": []}\n\n{broken\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(gold), "-j", "1"])
    assert result.exit_code == 1
    assert f"{gold}:3: invalid JSON" in result.output
    gold.write_text('{"id": "a", "text": "No quotes."}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(gold), "-j", "1"])
    assert result.exit_code == 1
    assert f"{gold}:1: a gold line needs 'id', 'text' and 'quotes'" in result.output
