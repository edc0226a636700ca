"""Placeholder pipeline (replaced by the attribution pipeline)."""

from __future__ import annotations

from attribution.model import Attribution
from attribution.quotes import find_quotes


def attribute(text: str) -> Attribution:
    """Find and attribute the quotations of ``text``."""
    return Attribution(text, find_quotes(text))
