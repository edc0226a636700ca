"""Confidence labels: direct, reported or denied, with the words that decided them.

The last stage of the pipeline. It reads the narrative around each
attributed quote and labels it:

* ``reported`` when the *attribution frame* holds a hedge of
  :mod:`attribution.lexicon.hedges`: "reportedly", "was quoted as saying",
  "according to" someone other than the speaker, "X said, Reuters reported".
  The frame is the quote's sentence outside every quotation, cut down to
  the clause of this attribution (another speaker's quote, cue and mention,
  a semicolon or ", and" / ", but" end it), plus the cue's sentence when the
  cue (or, without a cue, the speaker's mention) stands in an earlier one.
  Words inside quotation marks never hedge.
* ``denied`` when a denial of :mod:`attribution.lexicon.denials` disowns it:
  in its own sentence ("X denied saying “…”") or later, by the speaker, a
  pronoun for them or someone speaking for them (office, spokesperson,
  ministry, palace, "the president" when the speaker is a president; a
  country named with the institution must match the speaker's). A later
  denial disowns the speaker's latest run of quotes before it. A quoted
  denial is itself ``direct`` to its own speaker; someone else saying the
  words were not said is no denial.
* ``direct`` otherwise, with no evidence.

``Quote.evidence`` holds the spans of the deciding words. Work is
proportional to the quotes: compiled patterns scan the frames, and denials
are looked for only around a few trigger words found in one cheap scan.

Example:
    >>> from attribution.model import Cue, Quote, Span, Speaker
    >>> from attribution.segment import Segments
    >>> text = "“We will win,” Merz reportedly said. He later denied making the remark."
    >>> quote = Quote(1, 12, text[1:12], Span.of(text, 0, 1), Span.of(text, 12, 13),
    ...               speaker=Speaker("Merz", Span.of(text, 15, 19)), cue=Cue(31, 35, "said"))
    >>> [labelled] = assign_confidence(text, [quote], Segments(text, [(0, 13)]))
    >>> labelled.confidence.value, [span.text for span in labelled.evidence]
    ('denied', ['denied making the remark'])
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

import attrs
import regex

from attribution.lexicon.denials import DenialLexicon, DenialMatch
from attribution.lexicon.hedges import HedgeLexicon, HedgeMatch
from attribution.lexicon.titles import HONORIFICS, ROLE_NOUNS, TITLES
from attribution.model import Confidence, Quote, Span, Speaker, SpeakerKind
from attribution.patterns import wordlist
from attribution.segment import Segments

__all__ = ["DEFAULT_LEXICON", "ConfidenceLexicon", "assign_confidence"]


@attrs.frozen(slots=True)
class ConfidenceLexicon:
    """The hedge and denial rules of the confidence stage.

    Attributes:
        hedges: What makes an attribution ``reported``.
        denials: What makes it ``denied``.

    Example:
        >>> lex = DEFAULT_LEXICON.extend(hedge_adverbs=["rumouredly"])
        >>> "rumouredly" in lex.hedges.adverbs
        True
    """

    hedges: HedgeLexicon = attrs.field(factory=HedgeLexicon)
    denials: DenialLexicon = attrs.field(factory=DenialLexicon)

    def extend(
        self,
        *,
        hedge_adverbs: Iterable[str] = (),
        hedge_frames: Iterable[str] = (),
        hedge_sources: Iterable[str] = (),
        denial_frames: Iterable[str] = (),
        representatives: Iterable[str] = (),
        no_comment: Iterable[str] = (),
    ) -> ConfidenceLexicon:
        """A new lexicon with these entries added (see the two lexicons for more).

        Args:
            hedge_adverbs: Plain hedging adverbs ("reportedly").
            hedge_frames: ``regex`` fragments of passive frames ("was quoted as").
            hedge_sources: ``regex`` fragments of intermediaries ("according to").
            denial_frames: ``regex`` fragments of complete denials.
            representatives: Plain nouns of those who speak for someone.
            no_comment: ``regex`` fragments of not commenting.
        """
        return ConfidenceLexicon(
            self.hedges.extend(adverbs=hedge_adverbs, frames=hedge_frames, sources=hedge_sources),
            self.denials.extend(
                closed=denial_frames, representatives=representatives, no_comment=no_comment
            ),
        )


#: The lexicon used when none is given.
DEFAULT_LEXICON = ConfidenceLexicon()


def assign_confidence(
    text: str,
    quotes: Sequence[Quote],
    segments: Segments,
    *,
    lexicon: ConfidenceLexicon = DEFAULT_LEXICON,
) -> tuple[Quote, ...]:
    """Label every attributed quote; quotes without a speaker get no label.

    Args:
        text: The document.
        quotes: The top-level quotes in text order, speakers and cues already set.
        segments: Sentence and paragraph lookup for ``text``.
        lexicon: The hedge and denial rules.

    Returns:
        The quotes with ``confidence`` and ``evidence`` set.
    """
    doc = _Document(text, tuple(quotes), segments, lexicon)
    if not any(q.speaker is not None for q in doc.quotes):
        return tuple(_labelled(q, None, ()) for q in doc.quotes)
    denied = doc.denials()
    result = []
    for i, q in enumerate(doc.quotes):
        if q.speaker is None:
            result.append(_labelled(q, None, ()))
        elif i in denied:
            result.append(_labelled(q, Confidence.DENIED, _merge(denied[i])))
        else:
            hedges = doc.hedges(i)
            label = Confidence.REPORTED if hedges else Confidence.DIRECT
            result.append(_labelled(q, label, _merge(hedges)))
    return tuple(result)


def _labelled(q: Quote, label: Confidence | None, evidence: tuple[Span, ...]) -> Quote:
    # attrs.evolve, written out: evolve inspects the class on every call.
    if q.confidence is label and q.evidence == evidence:
        return q
    return Quote(
        q.start,
        q.end,
        q.text,
        q.open_mark,
        q.close_mark,
        q.nested,
        q.multi_paragraph,
        q.speaker,
        q.cue,
        label,
        evidence,
        q.rule,
    )


def _merge(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Spans in order, without duplicates or spans inside another."""
    ordered = sorted(set(spans), key=lambda s: (s.start, -s.end))
    kept: list[Span] = []
    for span in ordered:
        if kept and span.end <= kept[-1].end:
            continue
        kept.append(span)
    return tuple(kept)


_TOKEN = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}’'\-]*(?:\.(?=\p{L}))?|[^\s\p{L}\p{N}]")
_CONTENT_WORD = regex.compile(r"\p{L}{4,}")
_SPEECH_WORDS = frozenset(
    wordlist(
        """said says say stated states told tells added adds insisted insists maintained
    according
    maintains claimed claims argued argues wrote writes tweeted explained noted replied
    responded countered stressed confirmed announced declared"""
    )
)
_CLAUSE_STOPS = frozenset(
    wordlist(
        """that who whom whose which when while and but or though although because after
    before as if so where whereas"""
    )
)
_SUBJECT_PRONOUNS = frozenset(wordlist("i we he she they it"))
_POSSESSIVE_PRONOUNS = frozenset(wordlist("his her their its my our"))
_OBJECT_PRONOUNS = frozenset(wordlist("him her them me us it himself herself themselves"))
_NOT_NAMES = frozenset(
    wordlist(
        """the a an but and on in at for of later meanwhile earlier also then now yet
    however still separately last this that these those his her their its our my"""
    )
)
_HONORIFICS = frozenset(h.lower() for h in HONORIFICS)
_QUOTE_CHARS = frozenset("“”‘’\"'«»‹›„‚「」『』`")
_PUNCT_STOPS = frozenset(",;:()[]—–.!?")
#: Bounds that keep the work per quote and per denial constant: how many
#: earlier quotes a denial reaches back over; how many neighbouring quotes of
#: a sentence frame a quote; how many of a speaker's mentions are read for
#: their titles and countries.
_MAX_LOOKBACK = 200
_NEIGHBOURS = 8
_MAX_MENTIONS = 8
_CLAUSE_END = regex.compile(
    r"[.;!?]|[—–]|,\s+(?:and|but|while|although|though|as|which|who|\p{L}+ing)\b", regex.IGNORECASE
)
_ANAPHORIC = regex.compile(
    r"\s*(?P<words>(?:that|this|it|so|anything\s+(?:like\s+(?:that|it|this)"
    r"|of\s+the\s+(?:sort|kind)))(?:\s+at\s+all)?)\s*(?:$|[.,;!?”\"’»)]|\s+(?:and|but)\b)",
    regex.IGNORECASE,
)
_AGENT_VERB = regex.compile(
    r"(?:deni|deny|disput|reject|contest|challeng|dismiss|brand|label|describ|call|misquot)",
    regex.IGNORECASE,
)
_CLAUSE_JOIN = regex.compile(
    r";|,\s+(?:and|but|while|whereas|although|though|yet)\s", regex.IGNORECASE
)
_REPORTS_WHAT = regex.compile(
    r"\s*(?:$|[,.;:!?”\"’)]|(?:that|say|says|said|suggest\p{L}*|indicat\p{L}*)\b)",
    regex.IGNORECASE,
)
_OPENING = regex.compile(r"[\s“‘\"'«(]*")
_RELATIVES = frozenset(wordlist("which who that whose"))
_DETERMINERS = frozenset(wordlist("the a an its his her their this that these those of despite"))
_STOPWORDS = frozenset(
    wordlist(
        """that this with have from they them their there were what when will would could
    should about been said says into your than then only also just more most some such
    very over ever never those these words thing things"""
    )
)


@attrs.frozen(slots=True)
class _Description:
    """Who a denial is about, as its words put it."""

    kind: str  # self, pronoun, name, role, institution, denier (the quote's speaker), none
    tokens: frozenset[str] = frozenset()
    head: str = ""
    countries: frozenset[str] = frozenset()


@attrs.frozen(slots=True)
class _Profile:
    """What the text says about a speaker before some point: titles and countries."""

    titles: frozenset[str]
    countries: frozenset[str]


def _name_tokens(speaker: Speaker) -> frozenset[str]:
    words = (w for w in _TOKEN.findall(speaker.name) if w[:1].isupper())
    return frozenset(
        w.lower()
        for w in words
        if len(w) > 1 and w.lower() not in TITLES and w.lower().rstrip(".") not in _HONORIFICS
    )


def _same_attribution(a: Quote, b: Quote) -> bool:
    """Whether two quotes are licensed by the same cue, or the same mention of one speaker."""
    if a.speaker is None or b.speaker is None or a.speaker.name != b.speaker.name:
        return False
    if a.cue is not None and b.cue is not None:
        return a.cue.start == b.cue.start
    return a.speaker.mention.start == b.speaker.mention.start


class _Document:
    """One text with its quotes: frames, hedges and denials, computed on demand."""

    __slots__ = ("_ends", "_starts", "_titles", "lexicon", "quotes", "segments", "text")

    def __init__(
        self, text: str, quotes: tuple[Quote, ...], segments: Segments, lexicon: ConfidenceLexicon
    ) -> None:
        self.text = text
        self.quotes = quotes
        self.segments = segments
        self.lexicon = lexicon
        self._starts = [q.outer_start for q in quotes]
        self._ends = [q.outer_end for q in quotes]
        self._titles: dict[str, _Profile] | None = None

    # -- quotes and sentences ------------------------------------------------

    def inside(self, pos: int) -> int | None:
        """Index of the quote whose marks enclose ``pos``."""
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and self._starts[i] <= pos < self._ends[i]:
            return i
        return None

    def quotes_in(self, start: int, end: int) -> range:
        """Indices of the quotes that open inside ``[start, end)``."""
        return range(bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end))

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence containing ``pos``."""
        start, end = self.segments.sentence_at(pos)
        if not start <= pos < max(end, start + 1):
            return pos, pos + 1
        return start, end

    def _core(self, i: int, sent: tuple[int, int]) -> tuple[int, int]:
        """The stretch from quote ``i`` to its cue and speaker mention within ``sent``."""
        q = self.quotes[i]
        points = [q.outer_start, q.outer_end]
        if q.cue is not None and sent[0] <= q.cue.start < sent[1]:
            points += [q.cue.start, q.cue.end]
        if q.speaker is not None and sent[0] <= q.speaker.mention.start < sent[1]:
            points += [q.speaker.mention.start, q.speaker.mention.end]
        return min(points), max(points)

    def _nearby(self, sent: tuple[int, int], pos: int) -> range:
        """The quotes of ``sent`` nearest ``pos``: a sentence of many quotes costs no more."""
        every = self.quotes_in(*sent)
        at = bisect.bisect_left(self._starts, pos)
        return range(max(every.start, at - _NEIGHBOURS), min(every.stop, at + _NEIGHBOURS + 1))

    def _attribution(self, i: int, sent: tuple[int, int]) -> tuple[int, int]:
        """The cores of quote ``i`` and of the quotes its cue or mention also licenses."""
        q = self.quotes[i]
        start, end = self._core(i, sent)
        for j in self._nearby(sent, start):
            other = self.quotes[j]
            if j != i and _same_attribution(q, other):
                o_start, o_end = self._core(j, sent)
                start, end = min(start, o_start), max(end, o_end)
        return start, end

    def _region(self, i: int, sent: tuple[int, int], anchors: tuple[int, int]) -> list[range]:
        """The sentence narrowed to quote ``i``'s speaker, minus every quotation."""
        q = self.quotes[i]
        assert q.speaker is not None
        left, right = sent
        nearby = self._nearby(sent, anchors[0])
        every = self.quotes_in(*sent)
        if nearby.start > every.start:
            left = max(left, self._ends[nearby.start - 1])
        if nearby.stop < every.stop:
            right = min(right, self._starts[nearby.stop])
        for j in nearby:
            other = self.quotes[j].speaker
            if j == i or other is None or other.name == q.speaker.name:
                continue
            start, end = self._core(j, sent)
            if end <= anchors[0]:
                left = max(left, end)
            elif start >= anchors[1]:
                right = min(right, start)
        # Clauses joined by a semicolon or ", and" are framed apart.
        for m in _CLAUSE_JOIN.finditer(self.text, left, anchors[0]):
            if self.inside(m.start()) is None:
                left = m.end()
        for m in _CLAUSE_JOIN.finditer(self.text, anchors[1], right):
            if self.inside(m.start()) is None:
                right = m.start()
                break
        pieces = []
        pos = left
        enclosing = self.inside(left)
        if enclosing is not None:
            pos = max(pos, self._ends[enclosing])
        for j in self.quotes_in(pos, right):
            if self._starts[j] > pos:
                pieces.append(range(pos, self._starts[j]))
            pos = max(pos, self._ends[j])
        if pos < right:
            pieces.append(range(pos, right))
        return [p for p in pieces if len(p) > 0]

    # -- hedges --------------------------------------------------------------

    def hedges(self, i: int) -> list[Span]:
        """The hedge spans in quote ``i``'s attribution frame."""
        q = self.quotes[i]
        assert q.speaker is not None
        sent = self.sentence(q.outer_start)
        mention = q.speaker.mention
        anchor = q.cue.start if q.cue is not None else mention.start
        elsewhere = not sent[0] <= anchor < sent[1]
        may_hold = self.lexicon.hedges.may_hold
        if not may_hold(self.text, *sent) and not (
            elsewhere and may_hold(self.text, *self.sentence(anchor))
        ):
            return []  # the frames lie inside these sentences: nothing to find
        regions = [(sent, self._region(i, sent, self._attribution(i, sent)))]
        # An attribution in an earlier sentence ("X reportedly said:" before a
        # quote paragraph): the cue's sentence, or the speaker's when no cue.
        if elsewhere:
            other = self.sentence(anchor)
            points = [anchor, q.cue.end if q.cue is not None else mention.end]
            if other[0] <= mention.start < other[1]:
                points += [mention.start, mention.end]
            regions.append((other, self._region(i, other, (min(points), max(points)))))
        return [
            match.span
            for frame_sent, pieces in regions
            for piece in pieces
            for match in self.lexicon.hedges.find(self.text, piece.start, piece.stop)
            if self._counts(q, match, frame_sent)
        ]

    def _counts(self, q: Quote, match: HedgeMatch, sent: tuple[int, int]) -> bool:
        """Whether a hedge in the frame bears on ``q``'s attribution."""
        assert q.speaker is not None
        span, mention, cue = match.span, q.speaker.mention, q.cue
        if mention.start <= span.start and span.end <= mention.end:
            return False
        if match.kind == "adverb":
            opening = _OPENING.match(self.text, sent[0], span.start)
            if cue is None or (opening is not None and opening.end() == span.start):
                return True
            return self._adjacent(span, cue.start, cue.end) or self._adjacent(
                span, mention.start, mention.end
            )
        if match.kind == "source":
            return match.source is None or not self._is_speaker(q, match.source)
        if match.kind == "reporting":
            if cue is not None and cue.start < span.end and span.start < cue.end:
                return False
            words = [w.lower() for w in self._words_before(span.start, sent[0], 2)]
            if words and words[-1] in _DETERMINERS:
                return False
            if _RELATIVES.intersection(words):  # "the Gazette, which first reported it"
                return False
            # "reports that X said" hedges; "reports of the explosion" does not.
            if span.text.lower() != "reported" and not _REPORTS_WHAT.match(self.text, span.end):
                return False
            return not (mention.end <= span.start and self._close(mention.end, span.start, 2))
        if match.kind == "description":
            if span.start < mention.end and mention.start < span.end:
                return False
            return not (mention.end <= span.start and self._close(mention.end, span.start, 3))
        return True

    def _words_before(self, pos: int, floor: int, n: int) -> list[str]:
        tokens = _TOKEN.findall(self.text, max(floor, pos - 60), pos)
        return tokens[-n:]

    def _close(self, start: int, end: int, max_words: int) -> bool:
        """True when ``text[start:end]`` is at most ``max_words`` words and no punctuation."""
        tokens = _TOKEN.findall(self.text, start, end)
        return len(tokens) <= max_words and all(t[0].isalnum() for t in tokens)

    def _adjacent(self, span: Span, start: int, end: int) -> bool:
        """True when ``span`` stands next to ``[start, end)``: few words, or only a comma."""
        if span.start < end and start < span.end:
            return True
        gap = (span.end, start) if span.end <= start else (end, span.start)
        tokens = _TOKEN.findall(self.text, *gap)
        words = [t for t in tokens if t[0].isalnum()]
        if not words:
            return all(t in ",—–" for t in tokens)
        return len(tokens) == len(words) and len(words) <= 3

    def _is_speaker(self, q: Quote, source: Span) -> bool:
        """Whether an intermediary's source ("a transcript", "him") is the speaker."""
        assert q.speaker is not None
        mention = q.speaker.mention
        if source.start < mention.end and mention.start < source.end:
            return True
        tokens = _TOKEN.findall(source.text)
        lowered = [t.lower() for t in tokens]
        if lowered and lowered[0] in _OBJECT_PRONOUNS and len(lowered) <= 2:
            return True
        names = _name_tokens(q.speaker)
        head_part: list[str] = []
        for word in lowered:
            if word in {"of", "from", "by", "issued", "released", "published", "with", "to"}:
                break
            head_part.append(word)
        for k, word in enumerate(lowered):
            stem = regex.sub(r"['’]s$", "", word)
            if stem in names:
                if stem != word:  # "Smith's aides": an intermediary unless his own channel
                    return any(w in self.lexicon.hedges.self_sources for w in lowered[k + 1 :])
                return True
        if not any(w in self.lexicon.hedges.self_sources for w in head_part):
            return False
        rest = lowered[len(head_part) :]
        if not rest:
            return True
        agent = rest[1:]
        return bool(
            (agent and agent[0] in _POSSESSIVE_PRONOUNS)
            or names.intersection(agent)
            or self.lexicon.denials.representative(source.text, 0, len(source.text)) is not None
        )

    # -- denials -------------------------------------------------------------

    def denials(self) -> dict[int, list[Span]]:
        """Evidence spans of every denied quote, by quote index."""
        denied: dict[int, list[Span]] = {}
        first = next(q for q in self.quotes if q.speaker is not None)
        # A denial disowns earlier quotes, or a quote later in its own sentence.
        start = self.sentence(first.outer_start)[0]
        for match in self.lexicon.denials.find(self.text, start):
            for i in self._denied_by(match):
                denied.setdefault(i, []).append(self._evidence(match))
        return denied

    def _evidence(self, match: DenialMatch) -> Span:
        """The denial's words, with the anaphor of "never said *that*"."""
        span = match.span
        if match.kind == "negated":
            anaphor = _ANAPHORIC.match(self.text, span.end)
            if anaphor is not None:
                return Span.of(self.text, span.start, anaphor.end("words"))
        return span

    def _denied_by(self, match: DenialMatch) -> list[int]:
        """The quotes one denial disowns."""
        span = match.span
        enclosing = self.inside(span.start)
        if enclosing is not None and self.quotes[enclosing].speaker is None:
            return []
        sent = self.sentence(span.start)
        subject, stop = self._subject(sent[0], span.start)
        if match.target is not None:
            desc = self._describe([match.target])
        else:
            desc = self._describe(subject)
        denier: Speaker | _Description | None = None
        if enclosing is not None:
            denier = self.quotes[enclosing].speaker
        elif match.target is not None:  # "X denied that Y had said it": X denies for Y
            denier = self._describe(subject)
        elif stop is not None:  # "X said (he) never said those words": X denies
            outer = self._describe(self._subject(sent[0], stop)[0])
            if desc.kind == "none" or (desc.kind == "pronoun" and outer.kind == "name"):
                desc = outer
            denier = outer
        if desc.kind == "none" and enclosing is None:
            rep = self.lexicon.denials.representative(self.text, span.end, sent[1])
            if rep is not None:
                desc = self._describe(self._subject(sent[0], rep.end)[0])
        if desc.kind == "none" and enclosing is not None:
            desc = _Description("denier")
        if match.kind in {"open", "negated"} and enclosing is None:
            # "X denied saying “…”": the quote in the complement is the one denied.
            complement = self._complement(span.end, sent[1], None)
            inner = [
                j
                for j in self.quotes_in(span.end, complement)
                if self.quotes[j].speaker is not None
            ]
            if inner:
                return inner
        needs_voice = _AGENT_VERB.match(span.text) is None
        if needs_voice and enclosing is None and not self._has_voice(sent, span):
            return []
        target = self._resolve(desc, denier, span.start)
        if target is None:
            return []
        if match.kind == "negated" and not _ANAPHORIC.match(self.text, span.end, sent[1]):
            # "I never called her a liar": denies the earlier quote it echoes.
            words = self._content(span.end, self._complement(span.end, sent[1], enclosing))
            return [
                j
                for j in self._run(target, span.start)
                if words & self._content(self.quotes[j].start, self.quotes[j].end)
            ]
        return self._run(target, span.start)

    def _has_voice(self, sent: tuple[int, int], span: Span) -> bool:
        """Whether someone says the denial: a speech verb in its sentence."""
        for start, end in ((sent[0], span.start), (span.end, sent[1])):
            for token in _TOKEN.findall(self.text, start, end):
                if token.lower() in _SPEECH_WORDS:
                    return True
        return False

    def _complement(self, start: int, end: int, enclosing: int | None) -> int:
        """Where the clause after a denial verb ends."""
        limit = self._ends[enclosing] - 1 if enclosing is not None else end
        for m in _CLAUSE_END.finditer(self.text, start, limit):
            if enclosing is not None or self.inside(m.start()) is None:
                return m.start()
        return limit

    def _content(self, start: int, end: int) -> set[str]:
        return {
            w.lower()
            for w in _CONTENT_WORD.findall(self.text, start, end)
            if w.lower() not in _STOPWORDS
        }

    def _subject(self, floor: int, pos: int) -> tuple[list[Span], int | None]:
        """The words before ``pos`` in its clause, and where a speech verb stopped them.

        Quotation marks are skipped until a word is found, so the subject of
        “the president did not ...” is "the president" and that of
        ``said he “never said ...”`` is "he".
        """
        words: list[Span] = []
        for m in reversed(list(_TOKEN.finditer(self.text, max(floor, pos - 120), pos))):
            token = m.group()
            if token in _QUOTE_CHARS:
                if words:
                    break
                continue
            if token in _PUNCT_STOPS or not token[0].isalnum():
                break
            lower = token.lower()
            if lower in _SPEECH_WORDS:
                return words, m.start()
            if lower in _CLAUSE_STOPS or len(words) >= 8:
                break
            words.insert(0, Span.of(self.text, m.start(), m.end()))
        return words, None

    def _describe(self, words: Sequence[Span]) -> _Description:
        """Read who a denial is about from its subject's words."""
        if not words:
            return _Description("none")
        start, end = words[0].start, words[-1].end
        denials = self.lexicon.denials
        countries = denials.countries(self.text, start, end)
        rep = denials.representative(self.text, start, end)
        if rep is not None:
            for word in reversed([w for w in words if w.end <= rep.start]):
                lower = word.text.lower()
                if lower in _POSSESSIVE_PRONOUNS:
                    return _Description("pronoun", head=lower)
                stem = regex.sub(r"['’]s$", "", word.text)
                if stem != word.text and not denials.countries(stem, 0, len(stem)):
                    return self._describe([Span(word.start, word.start + len(stem), stem)])
            return _Description("institution", countries=countries)
        lowered = [w.text.lower() for w in words]
        for lower in lowered:
            if lower in {"i", "we", "me", "us"}:
                return _Description("self")
            if lower in _SUBJECT_PRONOUNS or lower in _OBJECT_PRONOUNS:
                return _Description("pronoun", head=lower)
        names = frozenset(
            w.text.lower()
            for w in words
            if w.text[:1].isupper()
            and w.text.lower() not in TITLES
            and w.text.lower() not in _NOT_NAMES
            and w.text.lower().rstrip(".") not in _HONORIFICS
            and not denials.countries(w.text, 0, len(w.text))
        )
        if names:
            return _Description("name", tokens=names, countries=countries)
        roles = [w for w in lowered if w in ROLE_NOUNS]
        if roles:
            return _Description("role", head=roles[-1], countries=countries)
        return _Description("none")

    def _resolve(
        self, desc: _Description, denier: Speaker | _Description | None, pos: int
    ) -> str | None:
        """The name of the speaker a denial is about, or None."""
        denier_name = denier.name if isinstance(denier, Speaker) else None
        denier_rep = self._speaks_for_others(denier)
        if desc.kind in {"self", "denier"}:
            return denier_name
        candidates = self._candidates(pos, exclude=denier_name if denier_rep else None)
        if isinstance(denier, Speaker) and not denier_rep:
            # A named speaker other than the one denied does not deny for them.
            candidates = [c for c in candidates if c.name == denier.name]
        elif isinstance(denier, _Description) and denier.kind == "name":
            candidates = [c for c in candidates if denier.tokens & _name_tokens(c)]
        if not candidates:
            return None
        if desc.kind == "pronoun":
            if desc.head in {"he", "she", "his", "her"}:
                people = [c for c in candidates if c.kind in {SpeakerKind.PERSON, SpeakerKind.ROLE}]
                candidates = people or candidates
            return candidates[0].name
        if desc.kind == "name":
            for c in candidates:
                if desc.tokens & _name_tokens(c) or desc.tokens & {
                    w.lower() for w in _TOKEN.findall(c.mention.text)
                }:
                    return c.name
            return None
        countries = desc.countries | self._denier_countries(denier)
        best: tuple[int, int] | None = None
        chosen = None
        for rank, c in enumerate(candidates):
            profile = self._profile(c, pos)
            score = 0
            if countries and profile.countries:
                if not countries & profile.countries:
                    continue
                score += 2
            else:
                score += 1
            if desc.kind == "role":
                heads = profile.titles & ROLE_NOUNS
                if desc.head in profile.titles:
                    score += 2
                elif heads:
                    continue
                else:
                    score += 1
            elif c.kind in {SpeakerKind.PERSON, SpeakerKind.ROLE}:
                score += 1
            key = (score, -rank)
            if best is None or key > best:
                best, chosen = key, c.name
        return chosen

    def _speaks_for_others(self, denier: Speaker | _Description | None) -> bool:
        if isinstance(denier, Speaker):
            mention = denier.mention
            return (
                self.lexicon.denials.representative(denier.name, 0, len(denier.name)) is not None
                or self.lexicon.denials.representative(self.text, mention.start, mention.end)
                is not None
            )
        return denier is not None and denier.kind == "institution"

    def _denier_countries(self, denier: Speaker | _Description | None) -> frozenset[str]:
        if isinstance(denier, _Description):
            return denier.countries
        if denier is None:
            return frozenset()
        mention = denier.mention
        words = self._words_before_span(mention.start, 4)
        start = words[0].start if words else mention.start
        return self.lexicon.denials.countries(self.text, start, mention.end)

    def _words_before_span(self, pos: int, n: int) -> list[Span]:
        """Up to ``n`` words right before ``pos`` in the same clause."""
        sent = self.sentence(max(0, pos - 1))
        words: list[Span] = []
        for m in reversed(list(_TOKEN.finditer(self.text, max(sent[0], pos - 80), pos))):
            token = m.group()
            if not token[0].isalnum() or token.lower() in _CLAUSE_STOPS or len(words) >= n:
                break
            words.insert(0, Span.of(self.text, m.start(), m.end()))
        return words

    def _before(self, pos: int) -> range:
        """Indices of the quotes a denial at ``pos`` may reach, latest first."""
        last = bisect.bisect_right(self._starts, pos)
        return range(last - 1, max(-1, last - 1 - _MAX_LOOKBACK), -1)

    def _candidates(self, pos: int, exclude: str | None) -> list[Speaker]:
        """Distinct speakers of the quotes ending before ``pos``, most recent first."""
        seen: dict[str, Speaker] = {}
        for j in self._before(pos):
            speaker = self.quotes[j].speaker
            if speaker is None or self._ends[j] > pos or speaker.name == exclude:
                continue
            seen.setdefault(speaker.name, speaker)
        return list(seen.values())

    def _profile(self, speaker: Speaker, pos: int) -> _Profile:
        """Titles and countries the text gives ``speaker`` (its mentions before ``pos``)."""
        titles: set[str] = set()
        countries: set[str] = set()
        names = _name_tokens(speaker)
        lexicon = self.lexicon.denials
        mentions = [
            self.quotes[j].speaker for j in self._before(pos) if self.quotes[j].speaker is not None
        ]
        spans = [m.mention for m in mentions if m is not None and m.name == speaker.name]
        for span in spans[:_MAX_MENTIONS]:
            before = self._words_before_span(span.start, 5)
            window = (before[0].start if before else span.start, span.end)
            titles.update(
                lower
                for lower in (t.lower() for t in _TOKEN.findall(self.text, *window))
                if lower not in names and (lower in TITLES or lower in ROLE_NOUNS)
            )
            countries |= lexicon.countries(self.text, *window)
        surname = [w.lower() for w in _TOKEN.findall(speaker.name) if w.lower() in names]
        if speaker.kind is SpeakerKind.PERSON and surname:
            known = self._titled().get(surname[-1])
            if known is not None:
                titles |= known.titles
                countries |= known.countries
        if speaker.kind is not SpeakerKind.PERSON:
            titles |= {w.lower() for w in _TOKEN.findall(speaker.name)} & ROLE_NOUNS
            countries |= lexicon.countries(speaker.name, 0, len(speaker.name))
        return _Profile(frozenset(titles), frozenset(countries))

    def _titled(self) -> dict[str, _Profile]:
        """Titles and countries written before each surname in the text (one scan, cached)."""
        if self._titles is None:
            found: dict[str, tuple[set[str], set[str]]] = {}
            lexicon = self.lexicon.denials
            for titles, name in lexicon.titled_names(self.text):
                surname = regex.sub(r"['’]s$", "", name.text.split()[-1]).lower()
                entry = found.setdefault(surname, (set(), set()))
                entry[0].update(
                    w for w in (t.lower() for t in _TOKEN.findall(titles.text)) if w in TITLES
                )
                entry[1].update(lexicon.countries(self.text, titles.start, titles.end))
            self._titles = {k: _Profile(frozenset(t), frozenset(c)) for k, (t, c) in found.items()}
        return self._titles

    def _run(self, name: str, pos: int) -> list[int]:
        """The latest run of ``name``'s quotes before ``pos`` (no one else quoted between)."""
        run: list[int] = []
        for j in self._before(pos):
            speaker = self.quotes[j].speaker
            if speaker is None or self._ends[j] > pos:
                continue
            if speaker.name == name:
                run.append(j)
            elif run:
                break
        return run[::-1]
