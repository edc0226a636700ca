"""Confidence labels: direct, reported or denied (placeholder: all direct)."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from attribution.model import Confidence, Quote
from attribution.segment import Segments

__all__ = ["assign_confidence"]


def assign_confidence(text: str, quotes: Sequence[Quote], segments: Segments) -> tuple[Quote, ...]:
    """Label every attributed quote; quotes without a speaker get no label.

    Args:
        text: The document.
        quotes: The top-level quotes in text order, speakers and cues already set.
        segments: Sentence and paragraph lookup for ``text``.
    """
    del text, segments
    return tuple(
        attrs.evolve(q, confidence=None if q.speaker is None else Confidence.DIRECT, evidence=())
        for q in quotes
    )
