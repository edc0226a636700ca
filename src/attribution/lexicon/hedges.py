"""Hedges: the words that make an attribution second-hand.

A quote is *reported* rather than *direct* when the narrative around its
speech cue hedges it ("reportedly"), puts it in a passive frame ("was quoted
as saying", "is said to have") or passes it through an intermediary
("according to a transcript", "Der Spiegel quoted X as saying", "X said,
Reuters reported"). This module holds those rules as data and compiles them
once; :class:`HedgeLexicon` finds them in a stretch of text.

Each hedge has a *kind* that tells the confidence stage how to weigh it:

* ``adverb``: a hedging adverb; it counts when it stands next to the speech
  cue or the speaker (or opens the sentence).
* ``frame``: a passive or hearsay frame; it always counts.
* ``source``: an intermediary followed by its source ("according to ...",
  "reported by ..."); it counts unless the source is the speaker themselves.
  :attr:`HedgeMatch.source` holds the source's words.
* ``reporting``: a reporting verb ("reported"); it counts unless it is the
  speaker's own verb.
* ``description``: words that describe a second-hand source ("people
  familiar with ..."); they count unless they describe the speaker.

Patterns are ``regex`` fragments, matched case-insensitively between word
boundaries; write groups as non-capturing ``(?:...)``.

Example:
    >>> text = "“We will win,” Merz reportedly said, according to a transcript."
    >>> [(m.kind, m.span.text) for m in HedgeLexicon().find(text, 14, len(text))]
    [('adverb', 'reportedly'), ('source', 'according to a transcript')]
    >>> custom = HedgeLexicon().extend(adverbs=["rumouredly"])
    >>> [m.span.text for m in custom.find("He rumouredly said it.", 0, 22)]
    ['rumouredly']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import attrs
import regex

from attribution.model import Span
from attribution.patterns import trie, wordlist

__all__ = [
    "HEDGE_ADVERBS",
    "HEDGE_FRAMES",
    "REPORTING_VERBS",
    "SELF_SOURCES",
    "SOURCE_DESCRIPTIONS",
    "SOURCE_FRAMES",
    "HedgeLexicon",
    "HedgeMatch",
]


#: Adverbs that hedge the speech verb they stand next to.
HEDGE_ADVERBS: tuple[str, ...] = (
    "reportedly",
    "allegedly",
    "purportedly",
    "supposedly",
    "reputedly",
    "ostensibly",
    "rumoredly",
)

_BE = r"(?:is|are|was|were|be|been|being|has\s+been|have\s+been|had\s+been|can\s+be|could\s+be)"
_ADV = r"(?:\s+(?:also|later|once|even|widely|previously|earlier|repeatedly|\p{L}+ly))?"
_SAYING = (
    r"(?:saying|say|telling|tell|warning|calling|describing|claiming|insisting|arguing"
    r"|shouting|joking|complaining|boasting|threatening|remarking|asking|adding|referring)"
)
_DOCUMENTS = (
    r"(?:recordings?|tapes?|audio|videos?|footage|transcripts?|memos?|e-?mails?|messages?"
    r"|texts?|chats?|conversations?|calls?|remarks|comments|letters?|documents?|notes"
    r"|minutes|excerpts?|leaks?|cables?)"
)
_WORD = r"[\p{L}\p{N}’'.\-]+"

#: Passive and hearsay frames: "was quoted as saying", "is said to have".
HEDGE_FRAMES: tuple[str, ...] = (
    # was (also) quoted as saying / warning; Der Spiegel quoted Merz as saying
    rf"(?:{_BE}{_ADV}\s+)?(?:quoted|cited|paraphrased)\s+(?:{_WORD}\s+){{0,6}}?as\s+"
    r"(?:having\s+\p{L}+|\p{L}+ing)",
    # is said / reported / alleged / understood to have
    rf"{_BE}{_ADV}\s+(?:said|reported|alleged|rumou?red|believed|understood|thought|claimed"
    r"|purported|supposed|known)\s+to\s+have",
    # was heard / overheard / recorded / caught on tape saying
    rf"{_BE}{_ADV}\s+(?:heard|overheard|recorded|filmed|taped|caught\s+on\s+(?:tape|camera"
    rf"|video|film|(?:a\s+)?(?:hot\s+)?mic(?:rophone)?))\s+(?:{_SAYING}|to\s+say)",
    # witnesses heard him say
    rf"(?:heard|overheard)\s+(?:{_WORD}\s+){{1,4}}?(?:say|saying|tell|telling|shout|shouting)",
    # it is said / it was reported that
    r"it\s+(?:is|was|has\s+been|had\s+been)\s+(?:widely\s+)?(?:said|reported|alleged|claimed"
    r"|rumou?red|understood)",
    # a leaked / purported recording
    rf"(?:leaked|alleged|purported|reported|unverified|secret|secretly\s+recorded|hacked"
    rf"|intercepted)\s+(?!(?:the|a|an|this|that|these|those|his|her|their|its|our|my)\s)"
    rf"(?:{_WORD}\s+){{0,2}}?{_DOCUMENTS}",
    # a recording obtained by / seen by the BBC
    rf"{_DOCUMENTS}\s+(?:(?:that|which)\s+(?:was|were|has\s+been|have\s+been)\s+)?"
    r"(?:obtained|seen|reviewed|leaked|intercepted)\s+by",
)

#: Intermediaries followed by their source: "according to", "reported by".
SOURCE_FRAMES: tuple[str, ...] = (
    r"according\s+to",
    r"(?:as\s+)?(?:reported|quoted|cited|carried|relayed|recounted|described)\s+by",
)

#: Reporting verbs of an intermediary: "X said, Reuters reported".
REPORTING_VERBS: tuple[str, ...] = ("reported", "reports", "reporting")

#: Descriptions of a second-hand source: "two people familiar with the call".
SOURCE_DESCRIPTIONS: tuple[str, ...] = (
    r"familiar\s+with",
    r"briefed\s+on",
    r"with\s+(?:direct\s+)?knowledge\s+of",
    r"who\s+(?:was|were|had\s+been)\s+(?:present|in\s+the\s+room|on\s+the\s+call)",
    r"who\s+(?:heard|attended|witnessed|listened\s+to|overheard)",
)

#: Words one of which every built-in frame, source and description contains: a
#: stretch of text without any of them holds no hedge and is not scanned further.
ANCHOR_WORDS: tuple[str, ...] = wordlist(
    """quoted cited paraphrased have heard overheard recorded filmed taped caught it
    leaked alleged purported reported unverified secret secretly hacked intercepted
    obtained seen reviewed according carried relayed recounted described reports
    reporting familiar briefed knowledge present room call attended witnessed listened"""
)

#: Heads of a source phrase that is the speaker's own channel: "according to a
#: statement" passes on the speaker's own words, so it does not hedge them.
SELF_SOURCES: frozenset[str] = frozenset(
    wordlist(
        """statement statements release post posts tweet tweets speech address letter
        video blog memoir op-ed interview testimony remarks comments"""
    )
)


@attrs.frozen(slots=True)
class HedgeMatch:
    """One hedge found in the text.

    Attributes:
        kind: ``adverb``, ``frame``, ``source``, ``reporting`` or ``description``.
        span: The hedge's words; for a ``source``, the intermediary and its source.
        source: For a ``source`` hedge, the source's words ("a transcript").
    """

    kind: str
    span: Span
    source: Span | None = None


_KINDS = ("frame", "source", "description", "adverb", "reporting")
_SOURCE_NP = regex.compile(
    r"\s+(?P<np>(?:the\s+)?[^\s,;:!?()\[\]“”„\"«»‹›「」—–]"
    r"(?:[^,;:!?()\[\]“”„\"«»‹›「」\n—–.]|\.(?!\s|$)){0,99})"
)


def _tuple(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _frozen(items: Iterable[str]) -> frozenset[str]:
    return frozenset(items)


@attrs.frozen(slots=True)
class HedgeLexicon:
    """The hedge rules, compiled once. Build it with word lists or :meth:`extend`.

    Attributes:
        adverbs: Plain hedging adverbs.
        frames: Passive and hearsay frames (``regex`` fragments).
        sources: Intermediaries followed by a source (``regex`` fragments).
        reporting_verbs: Plain reporting verbs of an intermediary.
        descriptions: Descriptions of a second-hand source (``regex`` fragments).
        self_sources: Lower-cased heads of a source that is the speaker's own channel.
    """

    adverbs: tuple[str, ...] = attrs.field(default=HEDGE_ADVERBS, converter=_tuple)
    frames: tuple[str, ...] = attrs.field(default=HEDGE_FRAMES, converter=_tuple)
    sources: tuple[str, ...] = attrs.field(default=SOURCE_FRAMES, converter=_tuple)
    reporting_verbs: tuple[str, ...] = attrs.field(default=REPORTING_VERBS, converter=_tuple)
    descriptions: tuple[str, ...] = attrs.field(default=SOURCE_DESCRIPTIONS, converter=_tuple)
    self_sources: frozenset[str] = attrs.field(default=SELF_SOURCES, converter=_frozen)
    _pattern: regex.Pattern[str] = attrs.field(init=False, repr=False, eq=False)
    _anchors: re.Pattern[str] | None = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        builtin = (self.frames, self.sources, self.descriptions) == (
            HEDGE_FRAMES,
            SOURCE_FRAMES,
            SOURCE_DESCRIPTIONS,
        )
        # The anchor pre-check holds for the built-in fragments only; with a
        # user's own fragments every stretch is scanned in full.
        words = (*ANCHOR_WORDS, *self.adverbs, *self.reporting_verbs)
        # Case by case rather than IGNORECASE, which makes the scan several times slower.
        cased = {v for w in words for v in (w.lower(), w.capitalize(), w.upper())}
        anchors = re.compile(rf"\b(?:{trie(cased)})\b")
        object.__setattr__(self, "_anchors", anchors if builtin else None)
        parts = {
            "frame": self.frames,
            "source": self.sources,
            "description": self.descriptions,
            "adverb": tuple(regex.escape(a) for a in self.adverbs),
            "reporting": tuple(regex.escape(v) for v in self.reporting_verbs),
        }
        alternatives = [
            rf"(?P<{kind}>{'|'.join(f'(?:{p})' for p in parts[kind])})"
            for kind in _KINDS
            if parts[kind]
        ]
        # \b rather than a look-behind: every alternative starts with a letter, and
        # the engine scans for \b about a third faster.
        pattern = rf"\b(?:{'|'.join(alternatives)})(?![\p{{L}}\p{{N}}])"
        object.__setattr__(self, "_pattern", regex.compile(pattern, regex.IGNORECASE))

    def extend(
        self,
        *,
        adverbs: Iterable[str] = (),
        frames: Iterable[str] = (),
        sources: Iterable[str] = (),
        reporting_verbs: Iterable[str] = (),
        descriptions: Iterable[str] = (),
        self_sources: Iterable[str] = (),
    ) -> HedgeLexicon:
        r"""A new lexicon with these entries added to this one's.

        Example:
            >>> lex = HedgeLexicon().extend(sources=[r"as\s+told\s+to"])
            >>> [m.kind for m in lex.find("It went, as told to a biographer.", 0, 33)]
            ['source']
        """
        return HedgeLexicon(
            self.adverbs + tuple(adverbs),
            self.frames + tuple(frames),
            self.sources + tuple(sources),
            self.reporting_verbs + tuple(reporting_verbs),
            self.descriptions + tuple(descriptions),
            self.self_sources | {s.lower() for s in self_sources},
        )

    def may_hold(self, text: str, start: int, end: int) -> bool:
        """False only if ``text[start:end]`` certainly holds no hedge (a cheap test).

        Example:
            >>> lex = HedgeLexicon()
            >>> lex.may_hold("Putin told India Today.", 0, 23)
            False
            >>> lex.may_hold("Merz reportedly said.", 0, 21)
            True
        """
        return self._anchors is None or self._anchors.search(text, start, end) is not None

    def find(self, text: str, start: int, end: int) -> Iterator[HedgeMatch]:
        """The hedges inside ``text[start:end]``, in order.

        Args:
            text: The document.
            start: Where to start looking.
            end: Where to stop; no hedge runs past it.
        """
        if not self.may_hold(text, start, end):
            return
        for m in self._pattern.finditer(text, start, end):
            kind = m.lastgroup or "frame"
            if kind != "source":
                yield HedgeMatch(kind, Span.of(text, m.start(), m.end()))
                continue
            np = _SOURCE_NP.match(text, m.end(), end)
            if np is None:
                yield HedgeMatch(kind, Span.of(text, m.start(), m.end()))
                continue
            np_start, np_end = np.span("np")
            while np_end > np_start and text[np_end - 1].isspace():
                np_end -= 1
            yield HedgeMatch(
                kind, Span.of(text, m.start(), np_end), Span.of(text, np_start, np_end)
            )
