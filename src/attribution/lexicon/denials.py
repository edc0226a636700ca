"""Denials: the words by which a speaker, or someone speaking for them, disowns a quote.

A quote is *denied* when the text carries a denial of the attribution, in
the quote's own sentence ("X denied saying “…”") or later ("His office said
he never said those words"). This module holds the rules as data and
compiles them once; :class:`DenialLexicon` finds candidate denials, and the
confidence stage decides whom each one is about.

Each denial has a *kind*:

* ``open``: a denial verb with a speech verb, whose complement says what was
  not said ("denied saying ...", "denied that he had said ..."). A quote in
  the complement is the one denied; otherwise the speaker's latest quote is.
* ``closed``: a complete denial that points back at earlier words ("denied
  making the remark", "did not express himself in those terms", "disputed
  that account", "dismissed the quote as fabricated").
* ``negated``: a negated speech verb ("never said", "did not say that"). It
  denies a quote in its complement, an earlier quote it echoes, or (when
  anaphoric: "never said that.") the speaker's latest quote. "Did not say
  when / whether" is not a denial.

Declining to comment or not responding is not a denial: :attr:`DenialLexicon.no_comment`
lists those phrases, and a denial inside one is ignored; so is a negated
denial verb ("did not deny", "neither confirmed nor denied").

Patterns are ``regex`` fragments matched case-insensitively between word
boundaries; write groups as non-capturing ``(?:...)``, except the optional
named group ``target`` (who is said not to have said it).

Example:
    >>> lex = DenialLexicon()
    >>> text = "He later denied making the remark. She never said those words."
    >>> [(m.kind, m.span.text) for m in lex.find(text)]
    [('closed', 'denied making the remark'), ('closed', 'never said those words')]
    >>> [m.kind for m in lex.find("They did not say when talks would resume.")]
    []
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

import attrs
import regex

from attribution.lexicon.titles import ROLE_NOUNS, TITLES
from attribution.model import Span
from attribution.patterns import trie, wordlist

__all__ = [
    "CLOSED_DENIALS",
    "DENY_VERBS",
    "NATIONALITIES",
    "NO_COMMENT",
    "REMARK_NOUNS",
    "REPRESENTATIVES",
    "SPEECH_VERBS",
    "TRIGGERS",
    "DenialLexicon",
    "DenialMatch",
]


#: Verbs that deny, in every form.
DENY_VERBS: tuple[str, ...] = ("denied", "denies", "deny", "denying")

#: Speech verbs a denial may take as its object ("denied saying").
SPEECH_VERBS: tuple[str, ...] = wordlist(
    """said saying say says uttered uttering utter called calling call told telling
    tell wrote writing write tweeted tweeting posted posting described describing"""
)

#: What a speaker is said to have made: "the remark", "those words".
REMARK_NOUNS: tuple[str, ...] = wordlist(
    """remark remarks comment comments statement statements word words quote quotes
    quotation quotations phrase expression language thing things term terms
    utterance utterances"""
)

_DET = (
    r"(?:the|those|these|that|this|such|any\s+such|any\s+of\s+(?:the|those|these)"
    r"|his|her|their|its|my|our)"
)
_NEG = (
    r"(?:did\s+not|didn['’]t|does\s+not|doesn['’]t|do\s+not|don['’]t|had\s+not|hadn['’]t"
    r"|has\s+not|hasn['’]t|never|has\s+never|had\s+never|have\s+never)"
)
_SELF = r"(?:himself|herself|themselves|itself|myself|ourselves|yourself)"
_ACCOUNT = (
    r"(?:account|accounts|characteri[sz]ation|version|quotes?|quotation|transcript|description"
    r"|attribution|reports?|reporting)"
)
_FALSE = (
    r"[“\"‘'«]?(?:an?\s+)?(?:complete\s+|total\s+|pure\s+)?(?:fabricat\p{L}*|invented|invention|made[\s-]up"
    r"|fake|fiction\p{L}*|false|untrue|inaccurate|misquot\p{L}*)"
)
_INVENTED = (
    r"[“\"‘'«]?(?:an?\s+)?(?:complete\s+|total\s+|pure\s+)?(?:fabricat\p{L}*|invented|invention"
    r"|made[\s-]up|fake|fiction\p{L}*)"
)

_DEGREE = r"[“\"‘'«]?(?:completely\s+|entirely\s+|totally\s+|simply\s+|utterly\s+)?"
#: Finite verbs after "the remarks": "denied the remarks were aimed at him" admits them.
_FINITE = r"(?:is|was|were|are|had|has|have|would|could|meant|referred|targeted|aimed)\b"

#: Complete denials that point back at earlier words ({remark} is :data:`REMARK_NOUNS`).
CLOSED_DENIALS: tuple[str, ...] = (
    # did not express himself in those terms
    rf"{_NEG}\s+(?:ever\s+)?express(?:ed)?\s+{_SELF}\s+(?:in\s+(?:those|these|such|that|this)\s+"
    r"(?:terms|words|way|manner)|(?:in\s+)?that\s+way|like\s+that)",
    # never said those words; did not make the remarks
    rf"{_NEG}\s+(?:ever\s+)?(?:say|said|use|used|utter|uttered|make|made)\s+{_DET}\s+"
    r"(?:\p{L}+\s+)?{remark}",
    # disputed that account; rejected the characterisation
    rf"(?:disputed|disputes|dispute|disputing|rejected|rejects|rejecting|contested|contests"
    rf"|challenged|challenges)\s+{_DET}\s+(?:\p{{L}}+\s+)?{_ACCOUNT}",
    # dismissed the quote as fabricated
    rf"(?:dismissed|dismisses|dismissing|described|branded|called|labell?ed)\s+{_DET}\s+"
    rf"(?:\p{{L}}+\s+)?{_ACCOUNT}\s+(?:as\s+)?{_FALSE}",
    rf"(?:dismissed|dismisses|dismissing|branded|labell?ed)\s+{_DET}\s+(?:\p{{L}}+\s+)?"
    rf"(?:remarks?|comments?|words)\s+as\s+{_INVENTED}",
    # the quote was fabricated
    rf"{_DET}\s+(?:\p{{L}}+\s+)?{_ACCOUNT}\s+(?:is|was|were|are)\s+{_DEGREE}{_FALSE}",
    rf"{_DET}\s+(?:\p{{L}}+\s+)?(?:remarks?|comments?|words)\s+(?:is|was|were|are)\s+"
    rf"{_DEGREE}{_INVENTED}",
    # he said no such thing
    r"(?:said|says|say|made|uttered|used)\s+no\s+such\s+(?:thing|remarks?|comments?|statement|words)",
    # he was misquoted; the paper misquoted him
    r"(?:was|were|is|are|had\s+been|has\s+been|have\s+been|been|being)\s+(?:badly\s+)?misquoted",
    r"misquoted\s+(?P<target>him|her|them|me|us|(?:the\s+)?\p{L}+)",
    # denied making the remark; denied the quote
    r"{deny}\s+(?:ever\s+|having\s+|once\s+)*(?:(?:made|making|make|uttered|uttering|used"
    rf"|using)\s+)?{_DET}\s+(?:\p{{L}}+\s+)?{{remark}}(?!\s+{_FINITE})",
)

#: Words every built-in denial contains. Denials are looked for only around
#: these, so a scan costs one pass of this cheap pattern over the text. The
#: ``closed`` fragments a user adds are triggers of their own.
TRIGGERS: tuple[str, ...] = (
    r"deni\p{L}*|deny\p{L}*",
    r"never|(?:did|does|do|had|has|have)(?:\s+not|n['’]t)",
    r"disput|reject|contest|challeng|dismiss|describ|brand|label",
    rf"call(?:ed|s|ing)?\s+{_DET}",
    r"fabricat|invent|made[\s-]up|fake|fiction|false|untrue|inaccura|misquot|no\s+such",
)

#: Phrases of not commenting: a denial inside one of these is no denial.
NO_COMMENT: tuple[str, ...] = (
    r"(?:declined|refused|would\s+not|wouldn['’]t|did\s+not\s+want)\s+to\s+(?:comment|respond"
    r"|elaborate|confirm|provide|discuss|say|answer)",
    r"(?:did\s+not|didn['’]t|has\s+not|hasn['’]t|have\s+not|had\s+not|could\s+not|couldn['’]t)"
    r"\s+(?:immediately\s+)?(?:respond|reply|comment|return|be\s+reached|answer)",
    r"(?:no|without)\s+(?:immediate\s+)?comment",
    r"not\s+(?:immediately\s+)?(?:available|reachable)\s+for\s+comment",
    r"neither\s+confirmed\s+nor\s+denied|neither\s+denied\s+nor\s+confirmed",
)

#: Who may speak for a speaker: office, spokesperson, ministry, palace ...
REPRESENTATIVES: tuple[str, ...] = (
    *wordlist(
        """office spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen
        aide aides lawyer lawyers attorney attorneys representative representatives
        campaign team staff ministry palace embassy presidency chancellery government
        administration cabinet kremlin élysée elysee secretariat department agent
        publicist camp entourage"""
    ),
    "press secretary",
    "press office",
    "press service",
    "white house",
    "downing street",
    "chief of staff",
    "communications director",
)

#: Countries and the adjectives that name them, to tell which speaker an
#: institution speaks for ("France's presidential palace" and "French President X").
NATIONALITIES: Mapping[str, tuple[str, ...]] = {
    "Afghanistan": ("Afghan",),
    "Albania": ("Albanian",),
    "Algeria": ("Algerian",),
    "Argentina": ("Argentine", "Argentinian"),
    "Armenia": ("Armenian",),
    "Australia": ("Australian",),
    "Austria": ("Austrian",),
    "Azerbaijan": ("Azerbaijani",),
    "Belarus": ("Belarusian",),
    "Belgium": ("Belgian",),
    "Bolivia": ("Bolivian",),
    "Brazil": ("Brazilian",),
    "Britain": ("British", "UK", "U.K.", "United Kingdom"),
    "Bulgaria": ("Bulgarian",),
    "Canada": ("Canadian",),
    "Chile": ("Chilean",),
    "China": ("Chinese",),
    "Colombia": ("Colombian",),
    "Croatia": ("Croatian",),
    "Cuba": ("Cuban",),
    "Cyprus": ("Cypriot",),
    "Czechia": ("Czech", "Czech Republic"),
    "Denmark": ("Danish",),
    "Ecuador": ("Ecuadorian",),
    "Egypt": ("Egyptian",),
    "Estonia": ("Estonian",),
    "Ethiopia": ("Ethiopian",),
    "Finland": ("Finnish",),
    "France": ("French",),
    "Georgia": ("Georgian",),
    "Germany": ("German",),
    "Ghana": ("Ghanaian",),
    "Greece": ("Greek",),
    "Hungary": ("Hungarian",),
    "Iceland": ("Icelandic",),
    "India": ("Indian",),
    "Indonesia": ("Indonesian",),
    "Iran": ("Iranian",),
    "Iraq": ("Iraqi",),
    "Ireland": ("Irish",),
    "Israel": ("Israeli",),
    "Italy": ("Italian",),
    "Japan": ("Japanese",),
    "Jordan": ("Jordanian",),
    "Kazakhstan": ("Kazakh",),
    "Kenya": ("Kenyan",),
    "Latvia": ("Latvian",),
    "Lebanon": ("Lebanese",),
    "Lithuania": ("Lithuanian",),
    "Malaysia": ("Malaysian",),
    "Mexico": ("Mexican",),
    "Moldova": ("Moldovan",),
    "Morocco": ("Moroccan",),
    "Netherlands": ("Dutch", "Holland"),
    "New Zealand": ("New Zealander",),
    "Nigeria": ("Nigerian",),
    "North Korea": ("North Korean",),
    "Norway": ("Norwegian",),
    "Pakistan": ("Pakistani",),
    "Peru": ("Peruvian",),
    "Philippines": ("Filipino", "Philippine"),
    "Poland": ("Polish",),
    "Portugal": ("Portuguese",),
    "Qatar": ("Qatari",),
    "Romania": ("Romanian",),
    "Russia": ("Russian",),
    "Saudi Arabia": ("Saudi",),
    "Serbia": ("Serbian",),
    "Slovakia": ("Slovak",),
    "Slovenia": ("Slovenian",),
    "South Africa": ("South African",),
    "South Korea": ("South Korean",),
    "Spain": ("Spanish",),
    "Sweden": ("Swedish",),
    "Switzerland": ("Swiss",),
    "Syria": ("Syrian",),
    "Taiwan": ("Taiwanese",),
    "Thailand": ("Thai",),
    "Tunisia": ("Tunisian",),
    "Turkey": ("Turkish", "Türkiye"),
    "Ukraine": ("Ukrainian",),
    "United States": ("American", "US", "U.S.", "USA", "America"),
    "Venezuela": ("Venezuelan",),
    "Vietnam": ("Vietnamese",),
    "Yemen": ("Yemeni",),
}


_NEGATION = regex.compile(
    r"(?r)(?:\bnot|n['’]t|\bnever|\bneither|\bnor|\bwithout|\bno\s+longer"
    r"|\b(?:refused|declined|failed|unwilling)\s+to)\s+(?:\p{L}+\s+)?$",
    regex.IGNORECASE,
)
#: How far before a trigger word a denial may start (characters, words), and
#: how long it may be.
_BEFORE, _WORDS_BEFORE, _AFTER = 80, 6, 200
# The standard library's engine finds these word starts about twice as fast.
_WORD_START = re.compile(r"(?<![\w'’])[^\W_]")
#: The trigger scan reads the text in pieces of this many characters, each with
#: this much more after it, so that no trigger is cut.
_PIECE, _OVERLAP = 1 << 16, 256
_ESCAPES = regex.compile(r"\\(?:[pP]\{[^}]*\}|.)")
_PUNCT = regex.compile(r"[,;:.!?()“”\"«»]")


@attrs.frozen(slots=True)
class DenialMatch:
    """One candidate denial.

    Attributes:
        kind: ``open``, ``closed`` or ``negated`` (see the module docstring).
        span: The denial's words.
        target: Who the denial says did not say it, when the words name them
            ("denied that *the president* had said").
    """

    kind: str
    span: Span
    target: Span | None = None


def _tuple(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


def _dict(mapping: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    return dict(mapping)


def _words(items: Iterable[str]) -> str:
    # A trie, not a flat alternation: the same matches, several times faster.
    return trie(items, space=r"\s+")


@attrs.frozen(slots=True)
class DenialLexicon:
    """The denial rules, compiled once. Build it with word lists or :meth:`extend`.

    Attributes:
        deny_verbs: Plain forms of the verbs that deny ("denied").
        speech_verbs: Plain speech verbs a denial takes as object ("saying").
        remark_nouns: Plain nouns for what was said ("remark", "words").
        closed: Complete denials (``regex`` fragments; ``{deny}`` and
            ``{remark}`` stand for the word lists above).
        no_comment: Phrases of not commenting (``regex`` fragments).
        representatives: Plain nouns of those who speak for someone ("office").
        nationalities: Country names and their adjectives.
    """

    deny_verbs: tuple[str, ...] = attrs.field(default=DENY_VERBS, converter=_tuple)
    speech_verbs: tuple[str, ...] = attrs.field(default=SPEECH_VERBS, converter=_tuple)
    remark_nouns: tuple[str, ...] = attrs.field(default=REMARK_NOUNS, converter=_tuple)
    closed: tuple[str, ...] = attrs.field(default=CLOSED_DENIALS, converter=_tuple)
    no_comment: tuple[str, ...] = attrs.field(default=NO_COMMENT, converter=_tuple)
    representatives: tuple[str, ...] = attrs.field(default=REPRESENTATIVES, converter=_tuple)
    nationalities: Mapping[str, tuple[str, ...]] = attrs.field(
        default=NATIONALITIES, converter=_dict
    )
    triggers: tuple[str, ...] = attrs.field(default=TRIGGERS, converter=_tuple)
    _pattern: regex.Pattern[str] = attrs.field(init=False, repr=False, eq=False)
    _trigger: regex.Pattern[str] = attrs.field(init=False, repr=False, eq=False)
    _trigger_lower: regex.Pattern[str] | None = attrs.field(init=False, repr=False, eq=False)
    _no_comment: regex.Pattern[str] = attrs.field(init=False, repr=False, eq=False)
    _representative: regex.Pattern[str] = attrs.field(init=False, repr=False, eq=False)
    _place: regex.Pattern[str] = attrs.field(init=False, repr=False, eq=False)
    _country_of: dict[str, str] = attrs.field(init=False, repr=False, eq=False)
    _titled: regex.Pattern[str] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        deny = f"(?:{_words(self.deny_verbs)})"
        say = f"(?:{_words(self.speech_verbs)})"
        remark = f"(?:{_words(self.remark_nouns)})"
        roles = _words(ROLE_NOUNS)
        target = (
            rf"(?P<target>(?:he|she|they|it|I|we|(?:the\s+)?(?:\p{{L}}+\s+)?(?:{roles})"
            r"|(?-i:(?:\p{Lu}[\p{L}’'.\-]*\s+){0,2}\p{Lu}[\p{L}’'.\-]*)))"
        )
        open_ = (
            rf"{deny}\s+(?:(?:that|ever|having|once|previously)\s+)*"
            rf"(?:{target}\s+)??(?:(?:had|has|have|ever|once|previously|having)\s+)*{say}"
        )
        negated = (
            rf"{_NEG}\s+(?:ever\s+)?(?:say|said|call|called|utter|uttered)"
            r"(?!\s+(?:when|whether|if|how|why|what|where|who|whom|which|much|more|further"
            r"|anything\s+(?:about|on|further|more|else)|a\s+word)(?![\p{L}\p{N}]))"
        )
        closed = "|".join(
            f"(?:{c.replace('{deny}', deny).replace('{remark}', remark)})" for c in self.closed
        )
        pattern = (
            rf"(?<![\p{{L}}\p{{N}}])(?:(?P<closed>{closed})|(?P<open>{open_})"
            rf"|(?P<negated>{negated}))(?![\p{{L}}\p{{N}}])"
        )
        object.__setattr__(self, "_pattern", regex.compile(pattern, regex.IGNORECASE))
        own = [c for c in self.closed if c not in CLOSED_DENIALS]
        triggers = [
            *self.triggers,
            deny,
            *(c.replace("{deny}", deny).replace("{remark}", remark) for c in own),
        ]
        trigger = rf"\b(?:{'|'.join(f'(?:{t})' for t in triggers)})"
        object.__setattr__(self, "_trigger", regex.compile(trigger, regex.IGNORECASE))
        # Without uppercase letters, the triggers match lower-cased text exactly as they
        # match any text ignoring case, and a case-sensitive scan is about 40% faster.
        lower = not any(c.isupper() for c in _ESCAPES.sub("", trigger))
        object.__setattr__(self, "_trigger_lower", regex.compile(trigger) if lower else None)
        object.__setattr__(
            self,
            "_no_comment",
            regex.compile(
                rf"\b(?:{'|'.join(f'(?:{p})' for p in self.no_comment)})",
                regex.IGNORECASE,
            ),
        )
        object.__setattr__(
            self,
            "_representative",
            regex.compile(
                rf"\b(?:{_words(self.representatives)})(?![\p{{L}}\p{{N}}])",
                regex.IGNORECASE,
            ),
        )
        country_of: dict[str, str] = {}
        for country, adjectives in self.nationalities.items():
            for name in (country, *adjectives):
                country_of[name.lower()] = country
        object.__setattr__(self, "_country_of", country_of)
        before_names = _words(TITLES | ROLE_NOUNS | country_of.keys())
        object.__setattr__(
            self,
            "_titled",
            regex.compile(
                rf"\b(?P<titles>(?:(?:{before_names})(?:['’]s)?\s+){{1,5}})"
                r"(?P<name>(?-i:(?:\p{Lu}[\p{L}'’.\-]*\s+){0,3}\p{Lu}[\p{L}\-]*))",
                regex.IGNORECASE,
            ),
        )
        object.__setattr__(
            self,
            "_place",
            regex.compile(
                rf"\b(?:{_words(country_of)})(?=['’]s\b|[^\p{{L}}\p{{N}}]|$)",
                regex.IGNORECASE,
            ),
        )

    def extend(
        self,
        *,
        deny_verbs: Iterable[str] = (),
        speech_verbs: Iterable[str] = (),
        remark_nouns: Iterable[str] = (),
        closed: Iterable[str] = (),
        no_comment: Iterable[str] = (),
        representatives: Iterable[str] = (),
        nationalities: Mapping[str, tuple[str, ...]] | None = None,
    ) -> DenialLexicon:
        r"""A new lexicon with these entries added to this one's.

        Example:
            >>> lex = DenialLexicon().extend(closed=[r"called\s+the\s+quote\s+a\s+lie"])
            >>> [m.span.text for m in lex.find("Her aide called the quote a lie.")]
            ['called the quote a lie']
        """
        return DenialLexicon(
            self.deny_verbs + tuple(deny_verbs),
            self.speech_verbs + tuple(speech_verbs),
            self.remark_nouns + tuple(remark_nouns),
            self.closed + tuple(closed),
            self.no_comment + tuple(no_comment),
            self.representatives + tuple(representatives),
            {**self.nationalities, **(nationalities or {})},
        )

    def find(self, text: str, start: int = 0, end: int | None = None) -> Iterator[DenialMatch]:
        """The candidate denials of ``text[start:end]``, in order, negated ones left out.

        Example:
            >>> [m.span.text for m in DenialLexicon().find("She did not deny saying it.")]
            []
        """
        stop = len(text) if end is None else end
        found: dict[tuple[int, int], DenialMatch] = {}
        for hit in self._triggers(text, start, stop):
            # A denial starts at its trigger or a few words before it ("did not").
            words = _WORD_START.finditer(text, max(start, hit - _BEFORE), hit)
            for pos in [*[w.start() for w in words][-_WORDS_BEFORE:], hit]:
                m = self._pattern.match(text, pos, min(stop, pos + _AFTER))
                if m is not None and m.end() > hit and m.span() not in found:
                    found[m.span()] = self._match(text, m)
        for span in sorted(found):
            match = found[span]
            if not self._negated(text, span[0]):
                yield match

    def _triggers(self, text: str, start: int, stop: int) -> Iterator[int]:
        """Where the triggers of ``text[start:stop]`` start, as ``_trigger`` finds them.

        Read from lower-cased pieces of the text, a piece at a time so that a long
        text is never copied whole.
        """
        lower = self._trigger_lower
        last_end = start
        for a in range(start, stop, _PIECE):
            b = min(stop, a + _PIECE)
            lo, hi = max(0, a - 1), min(stop, b + _OVERLAP)  # one character of context
            piece = text[lo:hi].lower()
            if lower is not None and len(piece) == hi - lo:
                matches = ((m.start() + lo, m.end() + lo) for m in lower.finditer(piece, a - lo))
            else:
                matches = (m.span() for m in self._trigger.finditer(text, a, hi))
            for m_start, m_end in matches:
                if m_start >= b:
                    break
                if m_start >= last_end:  # as one scan would: no overlapping matches
                    last_end = m_end
                    yield m_start

    @staticmethod
    def _match(text: str, m: regex.Match[str]) -> DenialMatch:
        target = None
        if m.captures("target") and m.start("target") >= 0:
            target = Span.of(text, m.start("target"), m.end("target"))
        return DenialMatch(m.lastgroup or "closed", Span.of(text, m.start(), m.end()), target)

    def _negated(self, text: str, at: int) -> bool:
        """True when the denial at ``at`` is negated or inside a no-comment phrase."""
        word = text[at : at + 6].lower()
        if not word.startswith(("did", "does", "do ", "had", "has", "have", "never")) and (
            _NEGATION.search(text, max(0, at - 40), at) is not None
        ):
            return True
        return any(
            _PUNCT.search(text, m.end(), at) is None
            for m in self._no_comment.finditer(text, max(0, at - 80), at)
        )

    def no_comment_in(self, text: str, start: int, end: int) -> bool:
        """True when ``text[start:end]`` holds a phrase of not commenting.

        Example:
            >>> DenialLexicon().no_comment_in("Stubb declined to comment.", 0, 26)
            True
        """
        return self._no_comment.search(text, start, end) is not None

    def representative(self, text: str, start: int, end: int) -> Span | None:
        """The first noun of a representative ("office", "spokesman") in ``text[start:end]``.

        Example:
            >>> DenialLexicon().representative("Her press secretary said", 0, 24)
            Span(start=4, end=19, text='press secretary')
        """
        m = self._representative.search(text, start, end)
        return None if m is None else Span.of(text, m.start(), m.end())

    def titled_names(self, text: str) -> Iterator[tuple[Span, Span]]:
        """Names written after titles or countries ("French President Emmanuel Macron").

        Example:
            >>> [(t.text, n.text) for t, n in DenialLexicon().titled_names(
            ...     "Later, Finnish President Alexander Stubb spoke.")]
            [('Finnish President ', 'Alexander Stubb')]
        """
        for m in self._titled.finditer(text):
            yield Span.of(text, *m.span("titles")), Span.of(text, *m.span("name"))

    def countries(self, text: str, start: int, end: int) -> frozenset[str]:
        """The countries named in ``text[start:end]``, by name or adjective.

        Example:
            >>> sorted(DenialLexicon().countries("France’s palace and the Finnish leader", 0, 38))
            ['Finland', 'France']
        """
        return frozenset(
            self._country_of[m.group().lower()] for m in self._place.finditer(text, start, end)
        )
