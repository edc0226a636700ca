"""The pipeline: quotes → cues and mentions → sieves → entities → confidence.

:class:`Attributor` holds the configuration (quote marks, speech cues,
mention lexicons, sieves) and runs the stages; :func:`attribute` uses a
default one. Every stage works on offsets into the unmodified text.

Example:
    >>> text = "“Either we take back these territories,” Putin told India Today."
    >>> quote = attribute(text).quotes[0]
    >>> quote.speaker.name, quote.cue.text, quote.rule
    ('Putin', 'told', 'adjacent')
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import attrs

from attribution.confidence import DEFAULT_LEXICON, ConfidenceLexicon, assign_confidence
from attribution.cues import CueLexicon, CueMatch
from attribution.entities import EntityResolver
from attribution.mentions import Mention, MentionParser
from attribution.model import Attribution, Cue, Quote, Span, Speaker, SpeakerKind
from attribution.quotes import QuoteFinder
from attribution.segment import Segments
from attribution.sieves import DEFAULT_SIEVES, Context, Found, Sieve

__all__ = ["Attributor", "attribute"]


def _check_text(text: object) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray)):
        raise TypeError("attribute() needs str, not bytes: decode the text first")
    raise TypeError(f"attribute() needs str, not {type(text).__name__}")


@attrs.frozen(slots=True)
class Attributor:
    """Finds and attributes quotations with one configuration.

    Every part is a value you may replace or extend; nothing is global.

    Args:
        quote_finder: The quote-mark parser (its mark pairs).
        cues: Speech verbs and frames.
        mentions: Titles, role nouns and organisation words for reading mentions.
        sieves: ``(name, sieve)`` pairs, run in order; the first answer wins.
        confidence: Hedges and denial frames for the confidence labels.

    Example:
        >>> attributor = Attributor(cues=CueLexicon().extend(verbs=["grouse"]))
        >>> quote = attributor.attribute("“Too slow,” the coach groused.").quotes[0]
        >>> quote.speaker.name, quote.speaker.kind.value, quote.cue.text
        ('the coach', 'role', 'groused')
    """

    quote_finder: QuoteFinder = attrs.field(factory=QuoteFinder)
    cues: CueLexicon = attrs.field(factory=CueLexicon)
    mentions: MentionParser = attrs.field(factory=MentionParser)
    sieves: tuple[tuple[str, Sieve], ...] = DEFAULT_SIEVES
    confidence: ConfidenceLexicon = DEFAULT_LEXICON

    def find_quotes(self, text: str) -> tuple[Quote, ...]:
        """The quotations of ``text``, unattributed (see :func:`attribution.find_quotes`)."""
        return self.quote_finder.find(_check_text(text))

    def attribute(self, text: str) -> Attribution:
        """Find every quotation of ``text`` and attribute it.

        Args:
            text: Any string; it is never modified.

        Returns:
            The quotations in text order, each with its speaker, cue,
            confidence, evidence and the rule that attributed it.

        Raises:
            TypeError: If ``text`` is not a ``str``.
        """
        text = _check_text(text)
        quotes = self.quote_finder.find(text)
        if not quotes:
            return Attribution(text, ())
        segments = Segments(text, [(q.outer_start, q.outer_end) for q in quotes])
        cues = _outside_quotes(self.cues.find(text, _windows(text, segments, quotes)), quotes)
        entities = EntityResolver(text, quotes, segments, self.mentions)
        ctx = Context(text, quotes, cues, segments, self.mentions, entities)
        found: list[Found | None] = [None] * len(quotes)
        for index in range(len(quotes)):
            for _, sieve in self.sieves:
                answer = sieve(ctx, index, found)
                if answer is not None:
                    found[index] = answer
                    break
        attributed = _speakers(ctx, found)
        labelled = assign_confidence(text, attributed, segments, lexicon=self.confidence)
        return Attribution(text, labelled)


def _windows(text: str, segments: Segments, quotes: Sequence[Quote]) -> list[tuple[int, int]]:
    """Where cues can matter: from the sentence before each quote to the start of the one after.

    Of the next sentence the sieves read only its first words ("“…!” Clinton
    said.") and what lies within 120 characters of the quote.
    """
    spans = segments.sentence_spans
    if not spans:
        return []
    windows: list[tuple[int, int]] = []
    for quote in quotes:
        first = max(segments.sentence_index(quote.outer_start) - 1, 0)
        last = segments.sentence_index(max(quote.outer_end - 1, 0))
        end = max(spans[last][1], quote.outer_end)
        if last + 1 < len(spans):
            n_start, n_end = spans[last + 1]
            end = max(end, min(n_end, max(n_start + _NEXT_SENTENCE, quote.outer_end + 120)))
            end = _word_end(text, end)
        start = spans[first][0]
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], end))
        else:
            windows.append((start, end))
    return windows


#: How much of the sentence after a quote is scanned for cues (see ``_cue_soon``).
_NEXT_SENTENCE = 60
_WORD_REST = re.compile(r"[^\W_]*")


def _word_end(text: str, end: int) -> int:
    """``end`` moved past the rest of a word it cuts, so no cue is read half."""
    m = _WORD_REST.match(text, end)
    return end if m is None else m.end()


def _outside_quotes(cues: Sequence[CueMatch], quotes: Sequence[Quote]) -> tuple[CueMatch, ...]:
    starts = [q.outer_start for q in quotes]
    kept = []
    for cue in cues:
        i = bisect.bisect_right(starts, cue.start) - 1
        if i < 0 or cue.start >= quotes[i].outer_end:
            kept.append(cue)
    return tuple(kept)


def _speakers(ctx: Context, found: Sequence[Found | None]) -> tuple[Quote, ...]:
    resolver = ctx.entities
    earlier: list[Mention] = []
    result = []
    for quote, answer in zip(ctx.quotes, found, strict=True):
        if answer is None:
            result.append(quote)
            continue
        mention = answer.mention
        name, kind = mention.name, mention.kind
        if mention.pronoun is not None:
            antecedent = resolver.antecedent(mention, earlier)
            if antecedent is not None:
                name, kind = resolver.canonical(antecedent), antecedent.kind
            elif mention.pronoun == "plural":
                kind = SpeakerKind.GROUP
            elif mention.pronoun == "neuter":
                kind = SpeakerKind.ORGANIZATION
        else:
            name = resolver.canonical(mention)
            titled = resolver.titled_person(mention)
            if titled is not None:
                # "Minister says …" in a headline, "Foreign Minister Jane Okafor" below.
                name, kind = titled, SpeakerKind.PERSON
            earlier.append(mention)
        speaker = Speaker(
            name=name,
            mention=_span(mention),
            kind=kind if isinstance(kind, SpeakerKind) else SpeakerKind.PERSON,
        )
        cue = None if answer.cue is None else Cue(answer.cue.start, answer.cue.end, answer.cue.text)
        result.append(
            Quote(
                quote.start,
                quote.end,
                quote.text,
                quote.open_mark,
                quote.close_mark,
                quote.nested,
                quote.multi_paragraph,
                speaker,
                cue,
                quote.confidence,
                quote.evidence,
                answer.rule,
            )
        )
    return tuple(result)


def _span(mention: Mention) -> Span:
    return Span(mention.start, mention.end, mention.text)


_DEFAULT = Attributor()


def attribute(text: str) -> Attribution:
    """Find the quotations of ``text`` and attribute each to its speaker.

    Args:
        text: Any string; offsets in the result index it unchanged.

    Returns:
        An :class:`~attribution.model.Attribution` with the quotations in order.

    Raises:
        TypeError: If ``text`` is not a ``str``.

    Example:
        >>> result = attribute("Trump said the talks were “reasonably good”.")
        >>> q = result.quotes[0]
        >>> q.text, q.speaker.name, q.cue.text, q.rule
        ('reasonably good', 'Trump', 'said', 'embedded')
    """
    return _DEFAULT.attribute(text)
