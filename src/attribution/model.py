"""The immutable values the pipeline produces.

Every class here is a frozen, slotted ``attrs`` class. Offsets are Python
string offsets into the original, unmodified text: for any span ``s`` taken
from ``text``, ``text[s.start:s.end] == s.text``.

Example:
    >>> text = "“No,” she said."
    >>> span = Span.of(text, 1, 3)
    >>> span.text
    'No'
    >>> span.to_dict()
    {'text': 'No', 'start': 1, 'end': 3}
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

__all__ = [
    "Attribution",
    "Confidence",
    "Cue",
    "Quote",
    "Span",
    "Speaker",
    "SpeakerKind",
]


@attrs.frozen(slots=True)
class Span:
    """A stretch of the original text.

    Attributes:
        start: Offset of the first character.
        end: Offset just past the last character.
        text: ``text[start:end]`` of the document it was taken from.
    """

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Build the span ``text[start:end]``.

        Example:
            >>> Span.of("Putin told India Today", 6, 10)
            Span(start=6, end=10, text='told')
        """
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``{"text", "start", "end"}``."""
        return {"text": self.text, "start": self.start, "end": self.end}


class Confidence(str, enum.Enum):
    """How firmly the text attributes a quote to its speaker.

    * ``DIRECT``: the text says, in its own voice, that the speaker said it.
    * ``REPORTED``: second-hand or hedged ("reportedly", "was quoted as",
      "according to" a transcript).
    * ``DENIED``: the speaker, or someone speaking for them, denies it.

    Example:
        >>> Confidence("reported") is Confidence.REPORTED
        True
        >>> Confidence.DENIED.value
        'denied'
    """

    DIRECT = "direct"
    REPORTED = "reported"
    DENIED = "denied"

    def __str__(self) -> str:
        return self.value


class SpeakerKind(str, enum.Enum):
    """What sort of speaker a mention names.

    Example:
        >>> SpeakerKind.ROLE.value
        'role'
    """

    PERSON = "person"
    ORGANIZATION = "organization"
    GROUP = "group"
    ROLE = "role"

    def __str__(self) -> str:
        return self.value


@attrs.frozen(slots=True)
class Speaker:
    """Who said a quote.

    Attributes:
        name: Canonical name of the entity, the fullest form the text gives
            ("Vladimir Putin" for a quote licensed by "Putin" or "he").
        mention: The mention that licensed the attribution, as written.
        kind: Person, organisation, group or unnamed role.
    """

    name: str
    mention: Span
    kind: SpeakerKind = SpeakerKind.PERSON

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of DESIGN.md: name, mention offsets and kind."""
        return {
            "name": self.name,
            "start": self.mention.start,
            "end": self.mention.end,
            "kind": self.kind.value,
        }


@attrs.frozen(slots=True)
class Cue:
    """The speech verb or frame that introduces a quote ("told", "according to").

    Attributes:
        start: Offset of the first character of the cue.
        end: Offset just past the cue.
        text: The cue as written.
    """

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``{"text", "start", "end"}``."""
        return {"text": self.text, "start": self.start, "end": self.end}


@attrs.frozen(slots=True)
class Quote:
    """One quotation: its content, its marks and, once attributed, its speaker.

    ``start``/``end`` delimit the content, quotation marks excluded. A
    quotation that runs over several paragraphs is one ``Quote``; its content
    then includes the reopening marks of the inner paragraphs.

    Attributes:
        start: Offset of the first character after the opening mark.
        end: Offset of the closing mark.
        text: ``text[start:end]``.
        open_mark: The opening quotation mark.
        close_mark: The closing quotation mark.
        nested: Quotations inside this one, each with its own nested ones.
        multi_paragraph: True when the quotation runs over paragraphs.
        speaker: Who said it, or None (not attributed, or not a speech quote).
        cue: The speech verb or frame that licensed the attribution.
        confidence: The label; None exactly when ``speaker`` is None.
        evidence: Spans of the hedge or denial words that decided the label.
        rule: Name of the sieve that attributed the quote, or None.
    """

    start: int
    end: int
    text: str
    open_mark: Span
    close_mark: Span
    nested: tuple[Quote, ...] = ()
    multi_paragraph: bool = False
    speaker: Speaker | None = None
    cue: Cue | None = None
    confidence: Confidence | None = None
    evidence: tuple[Span, ...] = ()
    rule: str | None = None

    @property
    def outer_start(self) -> int:
        """Offset of the opening mark: the quotation's start, marks included."""
        return self.open_mark.start

    @property
    def outer_end(self) -> int:
        """Offset just past the closing mark."""
        return self.close_mark.end

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of DESIGN.md."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker": None if self.speaker is None else self.speaker.to_dict(),
            "cue": None if self.cue is None else self.cue.to_dict(),
            "confidence": None if self.confidence is None else self.confidence.value,
            "evidence": [span.to_dict() for span in self.evidence],
            "rule": self.rule,
        }


@attrs.frozen(slots=True)
class Attribution:
    """The result of :func:`attribution.attribute`: every quote of a text.

    Attributes:
        text: The text that was analysed, unchanged.
        quotes: The top-level quotations in text order.

    Example:
        >>> from attribution import attribute
        >>> result = attribute("“We will win,” Putin told India Today.")
        >>> [(q.text, q.speaker.name, q.cue.text) for q in result.quotes]
        [('We will win,', 'Putin', 'told')]
        >>> result.to_dict()["quotes"][0]["confidence"]
        'direct'
    """

    text: str = attrs.field(repr=False)
    quotes: tuple[Quote, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form ``{"quotes": [...]}`` of DESIGN.md."""
        return {"quotes": [quote.to_dict() for quote in self.quotes]}

    def to_html(self, *, title: str | None = None) -> str:
        """A self-contained HTML page of the text with each quote highlighted.

        Speaker, cue and label are shown beside each quote; see
        :func:`attribution.render.to_html`.

        Example:
            >>> from attribution import attribute
            >>> page = attribute("“No,” she said.").to_html(title="Example")
            >>> page.startswith("<!DOCTYPE html>"), "Example" in page
            (True, True)
        """
        from attribution.render import to_html

        return to_html(self, title=title)
