"""Sieves: named rules that link a quotation to a speaker mention, most precise first.

Each sieve looks at one quotation in its :class:`Context` and returns a
:class:`Found` (mention, cue, the sieve's name) or None. The pipeline runs the
sieves in :data:`DEFAULT_SIEVES` order; the first that answers wins, and its
name is recorded in ``Quote.rule``.

=================  ===========================================================
``transcript``     ``PENCE: Well, look, … “Shark Tank.”`` (a speaker label)
``adjacent``       ``“…,” Putin told``, ``“…,” said Putin``, ``Putin said: “…”``,
                   ``According to Woodward, “…”``
``signature``      ``“…” — Senator Jane Doe`` (dash signature)
``colon``          ``Reid paid him a compliment: “…”`` (no cue; the clause's subject)
``embedded``       ``Trump said the talks were “reasonably good”`` (same sentence;
                   the outermost cue: ``X said the report found “…”`` is X's)
``nominal``        ``Trump’s assertion that “thousands” cheered`` (a speech noun's
                   possessor)
``dialogue``       ``“When?”`` / ``“Tomorrow.”`` after ``“Going?” Hannity asked.`` and
                   ``“Yes,” Trump said.``: questions and answers alternate
``continuation``   ``“A,” he said. “B.”`` and a quote-only paragraph after an
                   attributed one keep the speaker
``context``        ``Carter said the US would stay. “That’s because …”``
``subject``        ``Stein has framed herself as the “Plan B”`` (no cue; a named
                   subject before the quote; titles, named terms and passive
                   subjects are skipped)
=================  ===========================================================

Example:
    >>> from attribution.pipeline import attribute
    >>> text = "“Yes,” he said. “We will.” She said it was “too late”."
    >>> [q.rule for q in attribute(text).quotes]
    ['adjacent', 'continuation', 'embedded']
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

import attrs
import regex

from attribution.cues import CueMatch
from attribution.entities import EntityResolver
from attribution.lexicon.verb_forms import PAST_FORMS
from attribution.mentions import NAME_RUN, Mention, MentionParser
from attribution.model import Quote, SpeakerKind
from attribution.patterns import trie
from attribution.segment import Segments

__all__ = ["DEFAULT_SIEVES", "Context", "Found", "Sieve"]


@attrs.frozen(slots=True)
class Found:
    """A sieve's answer: who, through which cue, by which rule."""

    mention: Mention
    cue: CueMatch | None
    rule: str


@attrs.frozen(slots=True)
class Context:
    """What the sieves of one document share."""

    text: str
    quotes: tuple[Quote, ...]
    cues: tuple[CueMatch, ...]
    segments: Segments
    parser: MentionParser
    entities: EntityResolver
    cue_starts: list[int] = attrs.field(init=False)
    quote_starts: list[int] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "cue_starts", [c.start for c in self.cues])
        object.__setattr__(self, "quote_starts", [q.outer_start for q in self.quotes])

    def cues_between(self, start: int, end: int) -> Sequence[CueMatch]:
        """The cues that start in ``[start, end)`` and end by ``end``."""
        i = bisect.bisect_left(self.cue_starts, start)
        j = bisect.bisect_left(self.cue_starts, end)
        return [c for c in self.cues[i:j] if c.end <= end]

    def inside_quote(self, offset: int) -> bool:
        """True if ``offset`` lies inside a quotation (its marks included)."""
        i = bisect.bisect_right(self.quote_starts, offset) - 1
        return i >= 0 and offset < self.quotes[i].outer_end

    def quote_between(self, start: int, end: int, skip: int) -> bool:
        """True if a quotation other than number ``skip`` opens inside ``[start, end)``."""
        i = bisect.bisect_left(self.quote_starts, start)
        j = bisect.bisect_left(self.quote_starts, end)
        return j - i - (i <= skip < j) > 0


Sieve = Callable[[Context, int, Sequence[Found | None]], Found | None]

_PAST = trie(PAST_FORMS)

# After the closing mark: spaces, a comma or dash, or a stray mark (NYT-style ,''' said).
_GAP_CHARS = " ,—–-\u00a0'’”\""
_GAP_AFTER = regex.compile(r"['’”\"]?[\s,—–\-]*")
_GAP_BEFORE = regex.compile(
    r"(?:(?:\s+(?:to|in|on|at|during|before|after|from|with|via|about|of)\s[^,:;.“”\"«»]{0,60})?"
    r"[\s]*[,:—–]?|(?:\s+[^\s,:;.“”\"«»]+){1,6}\s*[,:])\s*$"
)
_TIGHT_BEFORE = regex.compile(r"\s*[,:—–]\s*$")
_COMMA_BEFORE = regex.compile(r"(?r),\s*$")
_ENDS_CLAUSE = regex.compile(r"\s*(?:[,.;:!?]|$)")
_COORDINATION = regex.compile(
    r"[;]|,\s*(?:while|but|and|whereas|although|though|as|before|after|when|which|who)\s|"
    r"\s(?:but|while|whereas)\s|[.!?][”\"’']?\s|"
    r"\s(?:and|but)\s+(?:he|she|they|we|I|\p{Lu}\p{Ll}+\s+\p{Ll}+(?:ed|s)\b)|"
    r"\s(?:after|before|when|because|since|until|although|though|whereas|while)\s"
)
_OPENS_NEXT = regex.compile(r"\s*:\s*[“\"'‘«„`]")
_COMMA_AFTER = regex.compile(r"[^,.;:“”\"]{0,80},")
_COLON_BEFORE = regex.compile(r"(?r):\s*$")


def _subject(ctx: Context, cue: CueMatch, lo: int) -> Mention | None:
    """The subject of ``cue``.

    The mention before the cue or, for an -ing cue or a verb coordinated with
    "and", the subject of its clause.
    """
    text = ctx.text
    quoted_as = _QUOTED_AS.search(text, max(lo, cue.start - 100), cue.start)
    if cue.participle and quoted_as is not None:
        # "Le Monde quoted Minister Paul Girard as saying": the one quoted speaks.
        quoted = ctx.parser.after(text, quoted_as.start("who"), quoted_as.end("who"))
        if quoted is not None:
            return quoted
    object_before = cue.participle and _COMMA_BEFORE.search(text, lo, cue.start)
    if cue.participle and not object_before:
        with_np = _WITH_SUBJECT.search(text, max(lo, cue.start - 70), cue.start)
        if with_np is not None:
            # "…, with one of her ads asking, “…”": what comes with it speaks.
            mention = ctx.parser.before(text, with_np.start("np"), with_np.end("np"))
            if mention is not None:
                return mention
    # Before ", calling him …" stands the object, not the subject.
    mention = None if object_before else ctx.parser.before(text, lo, cue.start)
    if cue.participle and mention is None and not object_before:
        # "The ad uses footage of Hillary Clinton asking": the name right before.
        named = _NAME_JUST_BEFORE.search(text, max(lo, cue.start - 60), cue.start)
        if named is not None:
            mention = ctx.parser.name_mention(text, named.start("name"), named.end("name"))
            if mention is not None and mention.kind is not SpeakerKind.PERSON:
                mention = None
    if cue.participle and mention is not None and mention.kind is not SpeakerKind.PERSON:
        # "Andanar released a statement saying …": the clause's subject speaks.
        mention = None
    and_verb = None if mention is not None else _VERB_AND_BEFORE.search(text, lo, cue.start)
    if and_verb is not None:
        # "Ms. Sherry smiled and said": the subject of the first verb.
        mention = ctx.parser.before(text, lo, and_verb.start())
    if mention is None and (cue.participle or _AND_BEFORE.search(text, lo, cue.start)):
        # "Trump said the talks were good, adding …", "Lazar said … and added": the
        # subject of the cue before, or else of the sentence.
        s_start, _ = ctx.segments.sentence_at(cue.start)
        clause = s_start
        for m in _CLAUSE_OPENING.finditer(text, s_start, cue.start):
            if not ctx.inside_quote(m.start()):
                clause = m.end()
        if clause > s_start:
            # "…, though last week he used stronger language, saying": the nearest clause.
            mention = ctx.parser.first_subject(text, clause, cue.start)
            if mention is not None and (
                mention.pronoun is not None or mention.kind is not SpeakerKind.PERSON
            ):
                return mention  # "…, where about 50 protesters had gathered, chanting"
        if cue.participle and _AND_BEFORE.search(text, lo, cue.start):
            # "with Donald Trump tweeting … and asking": the name before the first participle.
            for c in ctx.cues_between(s_start, cue.start):
                named = _NAME_JUST_BEFORE.search(text, max(s_start, c.start - 60), c.start)
                if c.participle and named is not None:
                    return ctx.parser.name_mention(text, named.start("name"), named.end("name"))
        intro = _INTRO_AS.match(text, s_start, cue.start)
        earlier = [
            c
            for c in ctx.cues_between(intro.end() if intro else s_start, cue.start)
            if not c.participle and not c.reporting
        ]
        if earlier:
            # "X repeated accusations that Rubio recites …, calling him": X's clause.
            g = _governing(ctx, earlier, len(earlier) - 1)
            for c in [earlier[g], *reversed(earlier)]:
                mention = ctx.parser.before(text, s_start, c.start)
                if mention is not None:
                    return mention
        mention = ctx.parser.first_subject(text, s_start, cue.start)
        if (
            mention is not None
            and mention.pronoun is None
            and mention.kind is SpeakerKind.PERSON
            and not ctx.entities.known(mention)
            and not _PAST_VERB_AFTER.match(text, mention.end)
        ):
            mention = None  # "Hours later, Trump …": not a name, unless a verb follows
    return mention


#: "The ministry denied that Okafor had called the talks “a waste of time”": the words
#: stay Okafor's; the outer verb disowns them rather than says them.
_DISOWNING = frozenset({"deny", "dispute", "dismiss", "reject", "refute", "rebut"})
_CLAUSE_OPENING = regex.compile(
    r"[;]|,\s*(?:and|but|while|though|although|whereas|where)\s|"
    r"\s(?:though|although|whereas|where)\s"
)
#: "As the crowd began to chant, Silverman … joked": an introductory "as" clause.
_INTRO_AS = regex.compile(r"\s*As\s[^,;:“”\"]{1,100},")
#: "with one of her ads asking": the participle's own subject after "with".
_WITH_SUBJECT = regex.compile(r"(?r)(?<![\p{L}])with\s+(?P<np>[^,;:“”\"]{1,60}?)\s+$")
_NAME_JUST_BEFORE = regex.compile(rf"(?r)(?<![\p{{L}}\p{{N}}’'.-])(?P<name>{NAME_RUN})\s+$")
_VERB_AND_BEFORE = regex.compile(
    rf"(?r)(?<![\p{{L}}])(?:\p{{Ll}}+ed|{_PAST})"
    r"(?:\s+(?:for|in|at|on)\s+(?:a|an|the)\s+\p{Ll}+)?\s+and\s+$"
)
_AND_BEFORE = regex.compile(
    r"(?r)(?<![\p{L}])(?:and|but)\s+(?:(?:has|have|had|also|then|later|was|were|is|are|will|"
    r"would|\p{Ll}+ly)\s+){0,2}$"
)
_QUOTED_AS = regex.compile(r"(?<![\p{L}])quoted\s+(?P<who>[^,;:“”\"]{1,80}?)\s+as\s+$")
_PAST_VERB_AFTER = regex.compile(rf"\s+(?:\p{{Ll}}+ed|{_PAST})\b")


def _cue_soon(ctx: Context, start: int, end: int) -> bool:
    """True if a speech cue stands among the first words of ``[start, end)``, before any quote.

    "Clinton said to People.": a sentence that only says who said the quote before it.
    """
    limit = min(end, start + 50)
    return not ctx.quote_between(start, limit, -1) and any(
        not c.reporting for c in ctx.cues_between(start, limit)
    )


def _quote_start_bound(ctx: Context, index: int, sentence_start: int, limit: int) -> int:
    """Where a subject before ``limit`` may start: the sentence start or the last quote's end."""
    lo = sentence_start
    for k in range(index - 1, -1, -1):
        q = ctx.quotes[k]
        if q.outer_end <= sentence_start:
            break
        if q.outer_end <= limit:
            lo = max(lo, q.outer_end)
            break
    return lo


def adjacent(ctx: Context, index: int, found: Sequence[Found | None]) -> Found | None:
    """``“…,” Putin told``; ``“…,” said Putin``; ``Putin said: “…”``."""
    quote = ctx.quotes[index]
    o_start, _ = ctx.segments.sentence_at(quote.outer_start)
    before = ctx.cues_between(o_start, quote.outer_start)
    if before and _TIGHT_BEFORE.match(ctx.text, before[-1].end, quote.outer_start):
        # "When someone shouted, “Cruz,” Beck joked, …": the cue right before wins.
        return _cue_first(ctx, index, o_start, before) or _quote_first(ctx, index)
    return _quote_first(ctx, index) or _cue_first(ctx, index, o_start, before)


def _quote_first(ctx: Context, index: int) -> Found | None:
    """``“…,” Putin told``; ``“…,” said Putin``."""
    text, quote = ctx.text, ctx.quotes[index]
    s_start, s_end = ctx.segments.sentence_at(max(quote.outer_end - 1, 0))
    # Quote first, then the cue.
    gap = _GAP_AFTER.match(text, quote.outer_end)
    if s_end <= quote.outer_end and s_start >= quote.outer_start:
        # “… fix!” Clinton said.: the segmenter ended the sentence with the quote.
        k = ctx.segments.sentence_index(quote.outer_end)
        spans = ctx.segments.sentence_spans
        if (
            k + 1 < len(spans)
            and ctx.segments.paragraph_index(spans[k + 1][0])
            == ctx.segments.paragraph_index(quote.outer_start)
            and _cue_soon(ctx, *spans[k + 1])
        ):
            s_end = spans[k + 1][1]
    window_end = min(s_end, quote.outer_end + 120)
    for cue in [c for c in ctx.cues_between(quote.outer_end, window_end) if not c.reporting][:1]:
        if ctx.quote_between(quote.outer_end, cue.start, index) or _OPENS_NEXT.match(text, cue.end):
            # “A.” Zahed said: “B.”: that cue introduces the next quotation.
            break
        if cue.forward and any(
            not c.participle for c in ctx.cues_between(s_start, quote.outer_start)
        ):
            break  # "X told associates that … “…”, according to a person briefed": X's
        if gap is not None and gap.end() >= cue.start:
            if cue.invertible or cue.forward:
                mention = ctx.parser.after(text, cue.end, s_end)
                if mention is not None:
                    return Found(mention, cue, "adjacent")
            break
        mention = ctx.parser.before(text, quote.outer_end, cue.start)
        if mention is not None and not text[quote.outer_end : mention.start].strip(_GAP_CHARS):
            return Found(mention, cue, "adjacent")
    return None


def _cue_first(ctx: Context, index: int, o_start: int, before: Sequence[CueMatch]) -> Found | None:
    """``Putin said: “…”``, ``According to Woodward, “…”``.

    ``before`` holds the cues of the quote's sentence (from ``o_start``) before it.
    """
    text, quote = ctx.text, ctx.quotes[index]
    if before and before[-1].forward:
        # "According to Woodward, “…”"
        cue = before[-1]
        mention = ctx.parser.after(text, cue.end, quote.outer_start)
        if mention is not None and not text[mention.end : quote.outer_start].strip(" ,:\u00a0"):
            return Found(mention, cue, "adjacent")
    elif before:
        cue = before[-1]
        if not _TIGHT_BEFORE.match(text, cue.end, quote.outer_start) and (
            cue.reporting or _governing(ctx, before, len(before) - 1) != len(before) - 1
        ):
            # "X said he rarely asks donors for help, “except …”": the outer cue's.
            return None
        if _GAP_BEFORE.match(text, cue.end, quote.outer_start) and not ctx.quote_between(
            cue.end, quote.outer_start, index
        ):
            if cue.forward:
                mention = ctx.parser.after(text, cue.end, quote.outer_start)
            else:
                lo = _quote_start_bound(ctx, index, o_start, cue.start)
                mention = _subject(ctx, cue, lo)
            if mention is not None:
                return Found(mention, cue, "adjacent")
    return None


def embedded(ctx: Context, index: int, found: Sequence[Found | None]) -> Found | None:
    """A cue and its subject elsewhere in the quote's sentence."""
    text, quote = ctx.text, ctx.quotes[index]
    o_start, _ = ctx.segments.sentence_at(quote.outer_start)
    candidates = ctx.cues_between(o_start, quote.outer_start)
    for k in range(len(candidates) - 1, -1, -1):
        if k and _in_subordinate_clause(text, candidates[k], quote.outer_start):
            continue  # "X said that when Warren railed against …, “…”": not Warren's
        outer = _governing(ctx, candidates, k)
        for cue in (candidates[outer], candidates[k]) if outer != k else (candidates[k],):
            mention = _embedded_subject(ctx, index, cue, o_start)
            if mention is not None:
                return Found(mention, cue, "embedded")
    _, c_end = ctx.segments.sentence_at(max(quote.outer_end - 1, 0))
    for cue in ctx.cues_between(quote.outer_end, c_end):
        if cue.forward:
            mention = ctx.parser.after(text, cue.end, c_end)
        else:
            mention = None
            if cue.invertible and _COMMA_BEFORE.search(text, quote.outer_end, cue.start):
                # “…” that Sanders can catch Clinton, said Steve Elmendorf, a strategist.
                mention = ctx.parser.after(text, cue.end, c_end)
                if mention is not None and not _ENDS_CLAUSE.match(text, mention.end):
                    mention = None
            if mention is None:
                mention = ctx.parser.before(text, quote.outer_end, cue.start)
        if mention is not None:
            return Found(mention, cue, "embedded")
    return None


def _governing(ctx: Context, cues: Sequence[CueMatch], k: int) -> int:
    """The outermost cue whose clause contains cue ``k``.

    In "Trump said the report found “…”", "said" governs "found": nested
    reports do not move the quote.
    """
    g = k
    while (
        g > 0
        and not cues[g].participle
        and not cues[g - 1].forward
        and cues[g - 1].verb not in _DISOWNING
        and not _COORDINATION.search(ctx.text, cues[g - 1].end, cues[g].start)
        and not _in_subordinate_clause(ctx.text, cues[g - 1], cues[g].start)
        and not _PARENTHETICAL_SUBJECT.search(ctx.text, max(0, cues[g].start - 60), cues[g].start)
        and not ctx.quote_between(cues[g - 1].end, cues[g].start, -1)
    ):
        g -= 1
    return g


_SUBORDINATOR_BEFORE = regex.compile(
    r"(?r)(?:(?<![\p{L}])(?:[Ww]hen|[Aa]fter|[Bb]efore|[Ww]hile|[Ss]ince|[Ii]f|[Aa]lthough|"
    r"[Tt]hough|[Bb]ecause|[Oo]nce|[Uu]ntil|[Ww]henever|As)|,\s*(?:which|who))\s[^,;:“”\"]*$"
)


#: "Cost estimates, he added, were …": a parenthetical cue with its own subject.
_PARENTHETICAL_SUBJECT = regex.compile(
    rf"(?r),\s*(?:he|she|they|we|I|{NAME_RUN})(?:\s+\p{{Ll}}+ly)?\s+$"
)


def _in_subordinate_clause(text: str, inner: CueMatch, end: int) -> bool:
    """True if ``inner`` sits in a clause like "When Trump announced …," that ends by ``end``."""
    return "," in text[inner.end : end] and bool(
        _SUBORDINATOR_BEFORE.search(text, max(0, inner.start - 80), inner.start)
    )


def _embedded_subject(ctx: Context, index: int, cue: CueMatch, o_start: int) -> Mention | None:
    text, quote = ctx.text, ctx.quotes[index]
    if cue.forward:
        return ctx.parser.after(text, cue.end, quote.outer_start)
    lo = _quote_start_bound(ctx, index, o_start, cue.start)
    inverted = cue.invertible and _COMMA_BEFORE.search(text, lo, cue.start)
    if inverted:
        # "The paradox of Nancy, says Carl Anthony, is that she was “…”": inverted.
        mention = ctx.parser.after(text, cue.end, quote.outer_start)
        if mention is not None and _ENDS_CLAUSE.match(text, mention.end):
            return mention
    mention = _subject(ctx, cue, lo)
    if mention is None and inverted:
        mention = ctx.parser.after(text, cue.end, quote.outer_start)
        if mention is not None and not _COMMA_AFTER.match(text, mention.end):
            mention = None
    return mention


_LABEL = regex.compile(rf"(?P<name>{NAME_RUN}|\p{{Lu}}[\p{{Lu}}\-’' ]+)\s*:\s")


def transcript(ctx: Context, index: int, found: Sequence[Found | None]) -> Found | None:
    """A paragraph that starts with a speaker label: ``PENCE: …`` or ``Luciana Lopez: …``."""
    text, quote = ctx.text, ctx.quotes[index]
    p_start, _ = ctx.segments.paragraph_at(quote.outer_start)
    m = _LABEL.match(text, p_start, min(quote.outer_start + 1, p_start + 40))
    if m is None or len(m.group("name").split()) > 4:
        return None
    mention = ctx.parser.after(text, m.start("name"), m.end("name"))
    if mention is None or not (mention.text.isupper() or ctx.entities.known(mention)):
        return None  # "Update: …" is no speaker label; "PENCE:" and "Mike Pence:" are
    return Found(mention, None, "transcript")


_SIGNATURE = regex.compile(r"\s*(?:[—―–]|(?<=\n)-(?=\s?\p{Lu}))\s*")


def signature(ctx: Context, index: int, found: Sequence[Found | None]) -> Found | None:
    """``“…” — Senator Jane Doe``: a dash and a name right after the quote."""
    text, quote = ctx.text, ctx.quotes[index]
    m = _SIGNATURE.match(text, quote.outer_end)
    if m is None:
        return None
    mention = ctx.parser.after(text, m.end(), min(len(text), m.end() + 80))
    if mention is None or mention.pronoun is not None:
        return None
    return Found(mention, None, "signature")


def nominal(ctx: Context, index: int, found: Sequence[Found | None]) -> Found | None:
    """``Trump’s assertion that “thousands” cheered``: the possessor of a speech noun."""
    text, quote = ctx.text, ctx.quotes[index]
    s_start, _ = ctx.segments.sentence_at(quote.outer_start)
    lo = _quote_start_bound(ctx, index, s_start, quote.outer_start)
    m = ctx.parser.speech_noun_owner(text, max(lo, quote.outer_start - 120), quote.outer_start)
    return None if m is None else Found(m, None, "nominal")


def continuation(ctx: Context, index: int, found: Sequence[Found | None]) -> Found | None:
    """``“A,” he said. “B.”``; a quote-only paragraph after an attributed quote."""
    if index == 0:
        return None
    prev, previous = found[index - 1], ctx.quotes[index - 1]
    if prev is None:
        return None
    text, quote = ctx.text, ctx.quotes[index]
    segments = ctx.segments
    s_start, _ = segments.sentence_at(quote.outer_start)
    p_index = segments.paragraph_index(quote.outer_start)
    prev_p = segments.paragraph_index(max(previous.outer_end - 1, 0))
    starts_sentence = s_start >= quote.outer_start
    same_sentence = segments.sentence_index(quote.outer_start) == segments.sentence_index(
        max(previous.outer_end - 1, 0)
    )
    if p_index == prev_p and (starts_sentence or same_sentence):
        return Found(prev.mention, prev.cue, "continuation")
    if p_index == prev_p + 1:
        p_start, _ = segments.paragraph_spans[p_index]
        if not text[p_start : quote.outer_start].strip() and _ends_paragraph(
            ctx, index - 1, prev_p
        ):
            # “A,” Trump added. He then had a question. / “B?”: the last sentence's subject.
            k = segments.sentence_index(max(p_start - 1, 0))
            last_start, last_end = segments.sentence_spans[k] if k >= 0 else (0, 0)
            if last_start >= previous.outer_end:
                later = ctx.parser.first_subject(text, last_start, last_end)
                if (
                    later is not None
                    and later.start < last_start + 60
                    and (later.pronoun is not None or ctx.entities.known(later))
                ):
                    return Found(later, None, "context")
            return Found(prev.mention, prev.cue, "continuation")
    return None


def dialogue(ctx: Context, index: int, found: Sequence[Found | None]) -> Found | None:
    """Back-and-forth dialogue: a bare question or answer goes to the other party.

    ``“Are you going?” Hannity asked. / “Yes,” Trump said. / “When?” / “Tomorrow.”``:
    the bare question is Hannity's, the answer after it Trump's. Applies only to
    quote-only paragraphs after two quote paragraphs of two different speakers, when
    the exchange is one of questions and answers.
    """
    if index < 2:
        return None
    first, last = found[index - 2], found[index - 1]
    if first is None or last is None or first.mention.pronoun or last.mention.pronoun:
        return None
    segments = ctx.segments
    quotes = ctx.quotes
    p = segments.paragraph_index(quotes[index].outer_start)
    if segments.paragraph_index(quotes[index - 1].outer_start) != p - 1 or (
        segments.paragraph_index(quotes[index - 2].outer_start) != p - 2
    ):
        return None
    if not _alone_in_paragraph(ctx, index):
        return None
    names = ctx.entities.canonical(first.mention), ctx.entities.canonical(last.mention)
    if names[0] == names[1]:
        return None
    asks = _is_question(quotes[index])
    if (asks and _is_question(quotes[index - 2])) or _is_question(quotes[index - 1]):
        return Found(first.mention, None, "dialogue")
    return None


def _alone_in_paragraph(ctx: Context, index: int) -> bool:
    """True if quote ``index`` is all its paragraph holds (marks and spaces aside)."""
    quote = ctx.quotes[index]
    p_start, p_end = ctx.segments.paragraph_at(quote.outer_start)
    text = ctx.text
    return not text[p_start : quote.outer_start].strip() and not text[
        quote.outer_end : p_end
    ].strip(" \t\u00a0.,\n")


def _is_question(quote: Quote) -> bool:
    return quote.text.rstrip(" ,.\"'’”").endswith("?")


def colon(ctx: Context, index: int, found: Sequence[Found | None]) -> Found | None:
    """``Reid gave Cruz a back-handed compliment: “…”``: the subject of the clause."""
    text, quote = ctx.text, ctx.quotes[index]
    s_start, _ = ctx.segments.sentence_at(quote.outer_start)
    lo = _quote_start_bound(ctx, index, s_start, quote.outer_start)
    colon_at = _COLON_BEFORE.search(text, max(lo, quote.outer_start - 10), quote.outer_start)
    if colon_at is None and s_start >= quote.outer_start:
        # "Trump issued the following statement:" and the quote opens the next paragraph.
        k = ctx.segments.sentence_index(quote.outer_start)
        if k > 0:
            lo, p_end = ctx.segments.sentence_spans[k - 1]
            colon_at = _COLON_BEFORE.search(text, max(lo, p_end - 3), p_end)
    if colon_at is None:
        return None
    label = _LABEL_BEFORE_COLON.search(text, max(lo, colon_at.start() - 60), colon_at.start())
    if label is not None:
        # "… - David Wasserman: “…”": a name standing alone before the colon.
        mention = ctx.parser.name_mention(text, label.start("name"), label.end("name"))
        if mention is not None:
            return Found(mention, None, "colon")
    clause = lo
    for m in _CLAUSE_START.finditer(text, lo, colon_at.start()):
        clause = m.end()
    mention = ctx.parser.first_subject(text, clause, colon_at.start())
    return None if mention is None else Found(mention, None, "colon")


_LABEL_BEFORE_COLON = regex.compile(
    rf"(?:^|(?<=[\n]|\s[-—–]\s))(?P<name>{NAME_RUN})\s*$", regex.MULTILINE
)
_CLAUSE_START = regex.compile(r"[;—–]|,\s+(?:but|and|while|whereas|as)\s")


def context(ctx: Context, index: int, found: Sequence[Found | None]) -> Found | None:
    """A quote that is a sentence of its own: the speaker of the sentence before.

    ``Carter said that the US would stay. “That’s because …”``: the sentence
    before has a cue whose subject speaks on, or ends with a colon.
    """
    text, quote = ctx.text, ctx.quotes[index]
    segments = ctx.segments
    k = segments.sentence_index(quote.outer_start)
    if k <= 0:
        return None
    s_start, s_end = segments.sentence_spans[k]
    if s_start < quote.outer_start or ctx.cues_between(s_start, s_end):
        return None
    p_start, p_end = segments.sentence_spans[k - 1]
    if segments.paragraph_index(p_start) < segments.paragraph_index(s_start) - 1:
        return None
    for cue in reversed(ctx.cues_between(p_start, p_end)):
        mention = (
            ctx.parser.after(text, cue.end, p_end) if cue.forward else _subject(ctx, cue, p_start)
        )
        if mention is not None:
            return Found(mention, cue, "context")
    return None


def subject(ctx: Context, index: int, found: Sequence[Found | None]) -> Found | None:
    """No cue: the subject of the quote's sentence, when it names someone before the quote.

    ``Stein has framed herself as the Plan B for the “Bernie or Bust” crowd.``
    """
    text, quote = ctx.text, ctx.quotes[index]
    s_start, _ = ctx.segments.sentence_at(quote.outer_start)
    if s_start >= quote.outer_start or _looks_like_title_or_term(text, quote):
        return None
    mention = ctx.parser.first_subject(text, s_start, quote.outer_start)
    if mention is None or mention.start > s_start + 120:
        return None
    if _PASSIVE_AFTER.match(text, mention.end):
        return None  # "The agency was warned about the “obvious risks”": not the speaker
    if (
        mention.pronoun is None
        and mention.kind is SpeakerKind.PERSON
        and not ctx.entities.known(mention)
        and not _PAST_VERB_AFTER.match(text, mention.end)
    ):
        return None
    return Found(mention, None, "subject")


_PASSIVE_AFTER = regex.compile(
    r"\s+(?:\p{Ll}+ly\s+)?(?:was|were|is|are|has\s+been|have\s+been|had\s+been|been|being|"
    r"got|gets|get)\s+(?:not\s+|never\s+|\p{Ll}+ly\s+)?(?:\p{Ll}+ed|told|said|known|seen|"
    r"given|shown|written|called|taken|made|caught|heard)(?![\p{L}])"
)
_TITLE_WORD = r"(?:[\p{Lu}\p{N}]\S*|of|the|and|a|an|in|on|for|to|with)"
_TITLE_CASE = regex.compile(rf"{_TITLE_WORD}(?:\s+{_TITLE_WORD})*[\s,.!?]*")
_TERM_BEFORE = regex.compile(
    r"(?r)(?<![\p{L}])(?:so-called|called|dubbed|named|titled|nicknamed|known\s+as)\s+$",
    regex.IGNORECASE,
)


def _looks_like_title_or_term(text: str, quote: Quote) -> bool:
    """A title (“The Walking Dead”) or a term named as such (the so-called “unity” lunch)."""
    if _TITLE_CASE.fullmatch(quote.text):
        return True
    return len(quote.text.split()) <= 3 and bool(
        _TERM_BEFORE.search(text, max(0, quote.outer_start - 12), quote.outer_start)
    )


def _ends_paragraph(ctx: Context, index: int, paragraph: int) -> bool:
    """True if quote ``index`` is the last quote of its paragraph."""
    nxt = index + 1
    if nxt >= len(ctx.quotes):
        return True
    return ctx.segments.paragraph_index(ctx.quotes[nxt].outer_start) != paragraph


#: The sieves in the order they run.
DEFAULT_SIEVES: tuple[tuple[str, Sieve], ...] = (
    ("transcript", transcript),
    ("adjacent", adjacent),
    ("signature", signature),
    ("colon", colon),
    ("embedded", embedded),
    ("nominal", nominal),
    ("dialogue", dialogue),
    ("continuation", continuation),
    ("context", context),
    ("subject", subject),
)
