"""Find quotations in text, link each to its speaker, say how firmly it is attributed.

Example:
    >>> from attribution import attribute
    >>> quote = attribute("“We are ready,” Chancellor Anna Berg told reporters.").quotes[0]
    >>> quote.speaker.name, quote.cue.text, quote.confidence.value
    ('Anna Berg', 'told reporters', 'direct')
"""

from attribution.batch import attribute_many
from attribution.confidence import ConfidenceLexicon
from attribution.cues import CueLexicon
from attribution.lexicon.quote_marks import MarkPair, QuoteMarks
from attribution.mentions import MentionParser
from attribution.model import Attribution, Confidence, Cue, Quote, Span, Speaker, SpeakerKind
from attribution.pipeline import Attributor, attribute
from attribution.quotes import QuoteFinder, find_quotes

__all__ = [
    "Attribution",
    "Attributor",
    "Confidence",
    "ConfidenceLexicon",
    "Cue",
    "CueLexicon",
    "MarkPair",
    "MentionParser",
    "Quote",
    "QuoteFinder",
    "QuoteMarks",
    "Span",
    "Speaker",
    "SpeakerKind",
    "attribute",
    "attribute_many",
    "find_quotes",
]
__version__ = "0.1.0"
