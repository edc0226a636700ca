"""Find quotations in text, link each to its speaker, say how firmly it is attributed."""

from attribution.model import Attribution, Confidence, Cue, Quote, Span, Speaker, SpeakerKind
from attribution.quotes import QuoteFinder, find_quotes

__all__ = [
    "Attribution",
    "Confidence",
    "Cue",
    "Quote",
    "QuoteFinder",
    "Span",
    "Speaker",
    "SpeakerKind",
    "find_quotes",
]
__version__ = "0.1.0"
