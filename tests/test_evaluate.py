"""The evaluator: definitions of EVALUATION.md on small hand-made gold documents."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from attribution.evaluate import names_agree, score_documents

TEXT = "“We will win,” Putin said. The so-called “peace plan” failed. “No,” he said."


def _gold(**extra: Any) -> dict[str, Any]:
    first = {
        "start": 0,
        "end": 14,
        "type": "direct",
        "speaker": "Putin",
        "speaker_span": [15, 20, "Putin"],
    }
    return {"id": "d1", "text": TEXT, "quotes": [first], **extra}


def test_perfect_document_scores_one() -> None:
    scores = score_documents([_gold()])
    assert scores.detection_recall == 1.0
    assert scores.attribution_recall == 1.0
    assert scores.speaker_accuracy == 1.0


def test_predictions_without_gold_lower_precision_only() -> None:
    scores = score_documents([_gold()])
    # "No," he said is attributed but not in gold; the scare quote has no speaker.
    assert scores.predicted_with_speaker == 2
    assert scores.attribution_precision == 0.5
    assert scores.attribution_f1 == pytest.approx(2 / 3)


def test_indirect_gold_is_not_scored() -> None:
    doc = _gold()
    doc["quotes"].append({"start": 27, "end": 40, "type": "indirect", "speaker": "Putin"})
    assert score_documents([doc]).gold_quotes == 1


def test_wrong_speaker_counts_against_accuracy() -> None:
    doc = _gold()
    doc["quotes"][0].update(speaker="Zelensky", speaker_span=[68, 70, "he"])
    scores = score_documents([doc])
    assert scores.detection_recall == 1.0
    assert scores.speaker_accuracy == 0.0


def test_bare_pronoun_gold_counts_only_through_the_span() -> None:
    doc = _gold()
    doc["quotes"][0].update(speaker="he", speaker_span=[68, 70, "he"])
    assert score_documents([doc]).correct_gold == 0


@pytest.mark.parametrize(
    ("predicted", "gold", "agree"),
    [
        ("Vladimir Putin", "Putin", True),
        ("Putin", "President Vladimir Putin", True),
        ("Donald Trump", "Mr. Trump", True),
        ("Hillary Clinton", "Bill Clinton", True),  # last words agree, by definition
        ("Donald Trump", "Hillary Clinton", False),
        ("", "Putin", False),
    ],
)
def test_names_agree(predicted: str, gold: str, agree: bool) -> None:
    assert names_agree(predicted, gold) is agree


def test_command_line_reports_figures(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(_gold(split="dev")) + "\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "attribution.evaluate", str(gold), "--split", "dev"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "detection recall:       1.000" in run.stdout
    assert run.stdout.strip().endswith("attribution F1:         0.667")


def test_command_line_rejects_malformed_gold(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("{not json\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "attribution.evaluate", str(gold)],
        capture_output=True,
        text=True,
    )
    assert run.returncode != 0
    assert "gold.jsonl:1: not JSON" in run.stderr
    assert "Traceback" not in run.stderr
