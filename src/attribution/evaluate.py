"""Score attribution against gold annotations (``python -m attribution.evaluate``).

Implements the definitions of the project's EVALUATION.md. Gold is JSON
Lines, one document a line: ``{"id", "text", "quotes": [{"start", "end",
"type", "speaker", "speaker_span", ...}]}`` (the PolNeAR conversion's format);
only gold quotes of type ``direct`` or ``mixed`` are scored.

Usage::

    python -m attribution.evaluate GOLD.jsonl [--split dev] [--errors N]

Example:
    >>> gold = {"text": "“We will win,” Putin said.", "quotes": [
    ...     {"start": 0, "end": 14, "type": "direct", "speaker": "Putin",
    ...      "speaker_span": [15, 20, "Putin"]}]}
    >>> scores = score_documents([gold])
    >>> scores.detection_recall, scores.attribution_f1
    (1.0, 1.0)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import attrs
import regex

from attribution.model import Attribution

__all__ = ["Scores", "main", "score_documents"]

_TRIM_BOTH = " \t\r\n\u00a0\"'“”‘’«»‹›„‚`「」『』"
_TRIM_RIGHT = _TRIM_BOTH + ",.;:!?"
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_PRONOUNS = frozenset(
    "he she they it we i you him her them his their its one who this that".split()
)
_SCORED_TYPES = frozenset({"direct", "mixed"})


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM_BOTH:
        start += 1
    while end > start and text[end - 1] in _TRIM_RIGHT:
        end -= 1
    return start, end


def _words(name: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(name)]


def _contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    k = len(shorter)
    return k > 0 and any(
        list(longer[i : i + k]) == list(shorter) for i in range(len(longer) - k + 1)
    )


def names_agree(predicted: str, gold: str) -> bool:
    """True when one name's words contain the other's, or their last words agree.

    Example:
        >>> names_agree("Vladimir Putin", "President Vladimir Putin")
        True
        >>> names_agree("Donald Trump", "Mr. Trump")
        True
        >>> names_agree("Donald Trump", "Hillary Clinton")
        False
    """
    p, g = _words(predicted), _words(gold)
    if not p or not g:
        return False
    return _contains(p, g) or _contains(g, p) or p[-1] == g[-1]


@attrs.frozen(slots=True)
class Miss:
    """One error, for ``--errors``: what gold said and what was predicted."""

    doc_id: str
    kind: str
    gold: str
    gold_speaker: str
    predicted_speaker: str
    rule: str


@attrs.frozen(slots=True)
class Scores:
    """The figures of EVALUATION.md, with their counts."""

    gold_quotes: int
    gold_with_speaker: int
    detected: int
    predicted_with_speaker: int
    correct_predictions: int
    correct_gold: int
    matched_with_speaker: int
    confidence_total: int
    confidence_right: int
    characters: int
    misses: tuple[Miss, ...] = ()

    @property
    def detection_recall(self) -> float:
        """Share of gold quotes matched by any predicted quote."""
        return _ratio(self.detected, self.gold_quotes)

    @property
    def attribution_precision(self) -> float:
        """Share of predicted quotes with a speaker that match gold with the speaker right."""
        return _ratio(self.correct_predictions, self.predicted_with_speaker)

    @property
    def attribution_recall(self) -> float:
        """Share of gold quotes with a speaker that a matching prediction gets right."""
        return _ratio(self.correct_gold, self.gold_with_speaker)

    @property
    def attribution_f1(self) -> float:
        """Harmonic mean of attribution precision and recall."""
        p, r = self.attribution_precision, self.attribution_recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    @property
    def speaker_accuracy(self) -> float:
        """Among matched gold quotes with a speaker, the share with the speaker right."""
        return _ratio(self.correct_gold, self.matched_with_speaker)

    @property
    def confidence_accuracy(self) -> float | None:
        """Share of matched gold quotes carrying a label whose label is right."""
        if not self.confidence_total:
            return None
        return _ratio(self.confidence_right, self.confidence_total)

    def report(self) -> str:
        """The figures as aligned text lines."""
        lines = [
            f"gold quotes (direct+mixed): {self.gold_quotes}",
            f"detection recall:       {self.detection_recall:.3f}",
            f"attribution precision:  {self.attribution_precision:.3f}",
            f"attribution recall:     {self.attribution_recall:.3f}",
            f"speaker accuracy:       {self.speaker_accuracy:.3f}",
        ]
        if self.confidence_accuracy is not None:
            lines.append(f"confidence accuracy:    {self.confidence_accuracy:.3f}")
        lines.append(f"attribution F1:         {self.attribution_f1:.3f}")
        return "\n".join(lines)


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _speaker_right(text: str, pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    speaker = pred.get("speaker")
    gold_span = gold.get("speaker_span")
    if speaker is None or gold.get("speaker") is None:
        return False
    if gold_span is not None and speaker["start"] < gold_span[1] and gold_span[0] < speaker["end"]:
        return True
    gold_name = str(gold["speaker"])
    if set(_words(gold_name)) <= _PRONOUNS:
        return False
    return names_agree(str(speaker["name"]), gold_name) or names_agree(
        text[speaker["start"] : speaker["end"]], gold_name
    )


def score_documents(
    documents: Iterable[dict[str, Any]],
    analyse: Callable[[str], Attribution] | None = None,
    errors: int = 0,
) -> Scores:
    """Run ``analyse`` (default :func:`attribution.attribute`) on gold documents and score it.

    Args:
        documents: Gold documents as dictionaries (see the module docstring).
        analyse: The function under test, text to :class:`Attribution`.
        errors: How many misses to keep for error analysis.
    """
    if analyse is None:
        from attribution.pipeline import attribute

        analyse = attribute
    counts = dict.fromkeys(
        (
            "gold",
            "gold_sp",
            "detected",
            "pred_sp",
            "correct_pred",
            "correct_gold",
            "matched_sp",
            "conf_total",
            "conf_right",
            "chars",
        ),
        0,
    )
    misses: list[Miss] = []
    for doc in documents:
        text = doc["text"]
        counts["chars"] += len(text)
        predicted = analyse(text).to_dict()["quotes"]
        gold_quotes = [q for q in doc.get("quotes", []) if q.get("type") in _SCORED_TYPES]
        pred_spans = [_trim(text, p["start"], p["end"]) for p in predicted]
        gold_spans = [_trim(text, g["start"], g["end"]) for g in gold_quotes]
        matches: list[list[int]] = [[] for _ in gold_quotes]  # gold index -> predicted indices
        for pi, (ps, pe) in enumerate(pred_spans):
            if pe <= ps:
                continue
            for gi, (gs, ge) in enumerate(gold_spans):
                if 2 * (min(pe, ge) - max(ps, gs)) >= pe - ps:
                    matches[gi].append(pi)
        right_pred: set[int] = set()
        for gi, gold in enumerate(gold_quotes):
            counts["gold"] += 1
            has_speaker = gold.get("speaker") is not None
            counts["gold_sp"] += has_speaker
            matched = matches[gi]
            right = [pi for pi in matched if _speaker_right(text, predicted[pi], gold)]
            right_pred.update(right)
            if matched:
                counts["detected"] += 1
                counts["matched_sp"] += has_speaker
                if gold.get("confidence") is not None:
                    counts["conf_total"] += 1
                    label = predicted[matched[0]]["confidence"]
                    counts["conf_right"] += label == gold["confidence"]
            if has_speaker and right:
                counts["correct_gold"] += 1
            elif len(misses) < errors and (has_speaker or not matched):
                first = predicted[matched[0]] if matched else None
                misses.append(
                    Miss(
                        doc_id=str(doc.get("id", "?")),
                        kind="undetected" if not matched else "wrong speaker",
                        gold=text[gold["start"] : gold["end"]],
                        gold_speaker=str(gold.get("speaker")),
                        predicted_speaker=str(
                            first["speaker"]["name"] if first and first["speaker"] else None
                        ),
                        rule=str(first["rule"] if first else None),
                    )
                )
        for pi, pred in enumerate(predicted):
            if pred["speaker"] is None:
                continue
            counts["pred_sp"] += 1
            if pi in right_pred:
                counts["correct_pred"] += 1
            elif len(misses) < errors and not any(pi in m for m in matches):
                misses.append(
                    Miss(
                        doc_id=str(doc.get("id", "?")),
                        kind="spurious",
                        gold="",
                        gold_speaker="",
                        predicted_speaker=str(pred["speaker"]["name"]),
                        rule=str(pred["rule"]) + " :: " + pred["text"][:80],
                    )
                )
    return Scores(
        gold_quotes=counts["gold"],
        gold_with_speaker=counts["gold_sp"],
        detected=counts["detected"],
        predicted_with_speaker=counts["pred_sp"],
        correct_predictions=counts["correct_pred"],
        correct_gold=counts["correct_gold"],
        matched_with_speaker=counts["matched_sp"],
        confidence_total=counts["conf_total"],
        confidence_right=counts["conf_right"],
        characters=counts["chars"],
        misses=tuple(misses),
    )


def read_gold(path: str, split: str | None = None) -> Iterator[dict[str, Any]]:
    """Yield the gold documents of a JSON Lines file, optionally of one split."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as error:
                raise SystemExit(f"{path}:{number}: not JSON: {error.msg}") from None
            if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
                raise SystemExit(f"{path}:{number}: expected an object with a 'text' string")
            if split is None or doc.get("split") == split:
                yield doc


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m attribution.evaluate",
        description="Score attribute() against gold quote annotations (JSON Lines).",
    )
    parser.add_argument("gold", help="gold JSON Lines file")
    parser.add_argument("--split", help="only documents whose 'split' field has this value")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N misses")
    args = parser.parse_args(argv)
    try:
        scores = score_documents(read_gold(args.gold, args.split), errors=args.errors)
    except OSError as error:
        print(f"error: {args.gold}: {error.strerror}", file=sys.stderr)
        return 1
    for miss in scores.misses:
        print(
            f"[{miss.kind}] {miss.doc_id}: gold speaker {miss.gold_speaker!r}, "
            f"predicted {miss.predicted_speaker!r} ({miss.rule})\n    {miss.gold[:160]!r}"
        )
    print(scores.report())
    return 0


if __name__ == "__main__":
    sys.exit(main())
