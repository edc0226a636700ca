"""Speaker mentions: the names, roles, organisations, groups and pronouns around a cue.

Mentions are parsed only where a sieve asks, in a short window before or after
a cue: :func:`MentionParser.before` reads the subject that ends where a cue
begins ("Ukrainian Foreign Minister Andrii Sybhia" in "But Ukrainian Foreign
Minister Andrii Sybhia accused"), :func:`MentionParser.after` the speaker that
follows an inverted cue ("said Sen. Tom Carper of Delaware").

Example:
    >>> parser = MentionParser()
    >>> text = "But Ukrainian Foreign Minister Andrii Sybhia accused Putin"
    >>> m = parser.before(text, 0, text.index(" accused"))
    >>> m.text, m.name, m.kind.value
    ('Ukrainian Foreign Minister Andrii Sybhia', 'Andrii Sybhia', 'person')
    >>> text = "Ukraine’s ambassador to the US said"
    >>> m = parser.before(text, 0, text.index(" said"))
    >>> m.text, m.kind.value
    ('Ukraine’s ambassador to the US', 'role')
"""

from __future__ import annotations

import attrs
import regex

from attribution.lexicon.organizations import ORG_HEADS, ORG_NAMES, ORG_NOUNS
from attribution.lexicon.pronouns import PRONOUNS
from attribution.lexicon.speech_verbs import SPEECH_NOUNS
from attribution.lexicon.titles import GROUP_NOUNS, HONORIFICS, ROLE_NOUNS, TITLES
from attribution.lexicon.verb_forms import AUXILIARY_FORMS, PAST_FORMS
from attribution.model import SpeakerKind
from attribution.patterns import trie

__all__ = ["INTRO_PHRASE", "MULTI_NAME_RUN", "NAME_RUN", "VERB_FORM", "Mention", "MentionParser"]


@attrs.frozen(slots=True)
class Mention:
    """A mention of a possible speaker.

    Attributes:
        start: Offset of the mention.
        end: Offset just past it.
        text: The mention as written ("President Vladimir Putin", "he").
        name: The name it gives, titles removed ("Vladimir Putin"); for a role,
            group or pronoun, the text itself.
        kind: Person, organisation, group or role.
        pronoun: The pronoun's class ("male", "plural", ...) or None.
    """

    start: int
    end: int
    text: str
    name: str
    kind: SpeakerKind
    pronoun: str | None = None


_HONORIFIC = "|".join(sorted(HONORIFICS, key=len, reverse=True))
_PARTICLE = r"(?:von|van|der|den|de|del|della|di|da|du|le|la|al|el|bin|ibn|ben|dos|das|ter|zu|y)"
# A capitalised word: "Putin", "O’Brien", "Jean-Noël", "Élysée", "J.", "Sen.", "U.S."
_CAP = (
    rf"(?:(?:{_HONORIFIC})\.|\p{{Lu}}\.(?:\p{{Lu}}\.)*|"
    r"[\p{Lu}][\p{L}\p{M}’'\-]*[\p{L}\p{M}]|\p{Lu})"
)
# Words of a name are separated by spaces, never by a line break.
_GAP = r"[ \t\u00a0]+"
NAME_RUN = rf"{_CAP}(?:{_GAP}(?:{_PARTICLE}{_GAP})*{_CAP})*"
#: Two or more capitalised words: a full name ("Vladimir Putin", "Ursula von der Leyen").
MULTI_NAME_RUN = rf"{_CAP}(?:{_GAP}(?:{_PARTICLE}{_GAP})*{_CAP})+"

#: Capitalised words that start a sentence or clause but are never part of a name.
_CAP_STOP = frozenset(
    """But And Or So Yet Nor The A An In On At For With From By Of To Into Meanwhile
    However Also Then When While After Before Since Although Though Because If As
    This That These Those There Here It Its Earlier Later Last Asked Speaking Instead
    Still Now Today Yesterday Tonight Tomorrow Even Only Just Both Either Neither
    Now Next Once Under Over About Against Despite During Without Within Like Unlike
    Indeed Moreover Furthermore Nevertheless Nonetheless Thus Hence Still Yes No Back
    Asked Following According Amid Among Around Like Through Throughout Upon Via Well
    Hours Days Weeks Months Years Minutes Moments Decades Seconds Ever Likewise Any Each
    Every Some Many Most Few Several All Similarly Additionally Overall Otherwise
    Ultimately Finally Specifically Currently Recently Clearly Obviously Notably Shortly
    Importantly Interestingly Ironically Unfortunately Fortunately Apparently Eventually
    Initially Separately Privately Publicly Previously Originally Frankly Honestly
    Actually Basically Essentially Generally Usually Typically Certainly Surely Hundreds
    Dozens Thousands Millions Scores Two Three Four Five Six Seven Eight Nine Ten Eleven
    Twelve Twenty Thirty Forty Fifty
    Then Soon Already Again Maybe Perhaps Sometimes Often Here Where What Why How Who
    He She They We I You His Her Their Our My Your Him Them Us Me
    Mr Ms Mrs Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
    February March April May June July August September October November December""".split()
) - frozenset({"Mr", "Ms", "Mrs"})

_DETERMINERS = frozenset({"The", "A", "An", "This", "That", "These", "Those"})

_ADVERBS = (
    r"also|reportedly|allegedly|earlier|later|then|once|previously|has|have|had|was|"
    r"were|is|are|will|would|could|should|might|may|can|did|does|do|not|never|"
    r"repeatedly|again|just|recently|publicly|privately|further|subsequently|"
    r"initially|first|finally|simply|bluntly|flatly|quickly|immediately|angrily|"
    r"emphatically|famously|once|herself|himself|themselves|itself|been|being|however|"
    r"meanwhile|too|though|instead|in\s+turn|for\s+(?:his|her|their|its)\s+part|"
    r"only|even|still|already|often|frequently|\p{Ll}+ly|"
    r"(?:last|this|next|earlier\s+this)\s+(?:week|month|year|morning|afternoon|evening|"
    r"night|weekend|spring|summer|fall|autumn|winter|time|\p{Lu}\p{L}+day)|"
    r"on\s+\p{Lu}\p{L}+day|in\s+\p{L}+|at\s+the\s+time|"
    r"(?:prompted|forced|moved|compelled|quick|able|eager|careful|going|went\s+on|"
    r"wanted|tried|decided|continued|seemed|appeared|began|had|needed|rushed|hastened)\s+to"
)


def _end_anchored(pattern: str) -> regex.Pattern[str]:
    """A pattern that ends with ``$``, searched from the end (``(?r)``).

    Searched forwards, the engine tries every start in the window before it
    finds the match that reaches the end; backwards, it starts there. The
    matches are the same for these greedy patterns.
    """
    return regex.compile(f"(?r){pattern}")


_TRAILING = _end_anchored(
    rf"(?:[’'](?:s|d|ve|ll|re)(?![\p{{L}}]))?(?:[\s,]+(?:{_ADVERBS}|\([^()]{{0,40}}\)))*[\s,]*$"
)
_PRONOUN = _end_anchored(r"(?<![\p{L}\p{N}’'-])(?:he|she|they|it|we|I|He|She|They|It|We)$")
_LEADING_PARTICLES = r"(?:(?:von|van|der|den|de|del|della|di|da|du|le|la|al|el|bin|ibn|ter)\s+)*"
_NAME_AT_END = _end_anchored(rf"(?<![\p{{L}}\p{{N}}’'.-]){_LEADING_PARTICLES}{NAME_RUN}$")
_NAME_AT_START = regex.compile(NAME_RUN)
_WORD_AT_END = _end_anchored(r"[\p{L}\p{N}’'\-]+$")
_CLAUSE_BOUNDARY = regex.compile(
    r"(?:[,;:()\[\]—–“”\"«»]|\s-\s|(?<![\p{L}])(?:that|who|which|where|when|while|whereas|"
    r"because|but|although|though|after|before|since|as|if|once|until|unless|and|"
    r"whom|whose|so|yet|nor|or)(?![\p{L}]))",
)
_DETERMINER = (
    r"(?:a|an|the|one|another|some|two|three|four|five|several|many|most|other|his|her|"
    r"their|its|our|these|those|this|that)"
)
_ROLE_PHRASE = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}’'-])(?:(?:(?i:{_DETERMINER})|[\p{{Lu}}][\p{{L}}\p{{M}}\-]*[’']s?)\s+"
    r"(?:[\p{L}\p{N}’'\-.&]+\s+){0,6}?|(?:(?!(?:a|an|the)\s)[\p{L}\p{N}’'\-.&]+\s+){0,2}?)"
    r"(?P<head>[\p{L}’'\-]+)"
    r"(?:\s+(?:to|of|for|at|in|with|from|on)\s+(?:the\s+|a\s+)?"
    rf"(?:{NAME_RUN}|\p{{Ll}}[\p{{L}}\-]*))?$"
)
_FORWARD_TOKEN = (
    rf"(?:(?:{_HONORIFIC})\.|\p{{Lu}}\.(?:\p{{Lu}}\.)*|"
    r"[\p{L}\p{N}][\p{L}\p{M}\p{N}’'\-&]*)"
)
_FORWARD_STOP = (
    r"in|on|at|during|after|before|when|while|who|which|that|as|to|of|with|from|about|"
    r"last|this|earlier|later|adding|and|but|because|said|says|told|tells|wrote|writes|"
    r"told|recently|yesterday|today|tonight|since|for|via|by|than|if|during|over|under|"
    r"could|would|will|should|may|might|can|is|was|were|are|has|have|had|did|does|must"
)
_FORWARD = regex.compile(
    rf"\s*{_FORWARD_TOKEN}(?:\s+(?!(?:{_FORWARD_STOP})(?![\p{{L}}])){_FORWARD_TOKEN}){{0,9}}"
)
_TOKEN = regex.compile(r"\S+")
_PREPOSITION_BEFORE = _end_anchored(
    r"(?<![\p{L}])(?:in|at|on|from|of|for|with|by|to|near|after|before|during|since|like|"
    r"unlike|than|through|across|into|over|under|toward|towards|outside|inside|around|"
    r"against|among|between|In|At|On|From|Of|For|With|By|To|Near|After|Before|During|"
    r"Since|Like|Unlike|Through|Across|Inside|Outside|Around|Against|Among|Between)\s+$"
)
_NAME_AFTER_ROLE = regex.compile(rf",\s+(?P<name>{NAME_RUN})\s*(?:,|\.|$)")
_QUANTIFIER_SUBJECTS = frozenset(
    {"Some", "Many", "Others", "Several", "Most", "Both", "Few", "Some of them", "Many of them"}
)
_TIME_NOUNS = frozenset(
    "year week month day morning afternoon evening night time weekend spring summer fall "
    "autumn winter season decade century hour minute moment".split()
)
_AUXILIARIES = frozenset(
    "is was were are be been has have had will would could should can may might did does".split()
)
_DETERMINER_START = regex.compile(r"(?:a|an|the|one|another|One|Another|A|An|The)\s")
_VERB_NEXT = regex.compile(
    r"\s+(?:could|would|will|should|may|might|can|is|was|were|are|has|have|had|did|does|"
    r"do|must)(?![\p{L}])"
)
_DETERMINER_BEFORE = _end_anchored(r"(?<![\p{L}])(?:a|an|the|one|another|One|Another|A|An|The)\s+$")
_COORDINATED = _end_anchored(rf"(?<![\p{{L}}\p{{N}}’'.-]){NAME_RUN}\s+and\s+$")
_APPOSITION_NAME = _end_anchored(
    rf"(?<![\p{{L}}\p{{N}}’'.-])(?P<name>{NAME_RUN})\.?(?:\s*\([^()]{{1,30}}\))?"
    r"\s*(?:,\s*(?:a|an|the|who|whose|one|another|during|at|in|on|after|speaking|"
    r"\d{1,3},\s+of)\s[^,;:“”\"()]{1,120}(?:,[^,;:“”\"()]{1,80}){1,2}|"
    r",[^,;:“”\"()]{1,120}|[—–][^—–;:“”\"]{1,120}[—–]?)$"
)
_SUBJECT = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}’'.-])(?P<subject>{NAME_RUN}|he|she|they|He|She|They)"
    r"(?=(?:\s*\([^()]{1,30}\))?(?:\s+\p{Ll}|\s*,))"
)
_WINDOW = 160
#: An irregular past tense or an auxiliary: the verb after a subject.
VERB_FORM = trie(PAST_FORMS + AUXILIARY_FORMS)
_ROLE_SUBJECT_PATTERN = (
    r"\s*(?P<np>(?:The|A|An|His|Her|Their|Its|the|a|an|his|her|their|its|One|Another|Two|"
    r"Three|Four|Five|Several|Many|Some|(?:Hundreds|Dozens|Thousands|Scores)\s+of|"
    r"(?:\p{Lu}[\p{L}\p{M}\-.]*\s+){0,3}\p{Lu}[\p{L}\p{M}\-]*[’'](?:s(?![\p{L}]))?|"
    r"(?:(?:[Aa]bout|[Ss]ome|[Nn]early|[Oo]ver|[Aa]t\s+least)\s+)?\d[\d,]*)\s+"
    r"(?:[\p{L}\-’']+\s+){0,5}?(?P<head>[\p{L}\-]+))"
    rf"(?=\s+(?:\p{{Ll}}+(?:ed|s)|{VERB_FORM})\b)"
)
_ROLE_SUBJECT = regex.compile(_ROLE_SUBJECT_PATTERN)
#: "Nuclear experts have …": a capitalised adjective and a plural noun.
_ADJECTIVE_SUBJECT = regex.compile(
    r"\s*(?P<np>\p{Lu}[\p{Ll}\-]+\s+(?:\p{Ll}[\p{L}\-]*\s+)?(?P<head>\p{Ll}[\p{L}\-]*s))"
    r"(?=\s+(?:\p{Ll}{3,}ed|said|told|say|have|had|are|were|will|would|could)(?![\p{L}]))"
)
#: The same with exactly n words before the head, n = 0 … 5, to find a later head:
#: "Hundreds of pro-Sanders demonstrators marched".
_ROLE_SUBJECT_BY_LENGTH = tuple(
    regex.compile(_ROLE_SUBJECT_PATTERN.replace("{0,5}?", f"{{{n}}}")) for n in range(6)
)
_HEAD_BEFORE_PP = regex.compile(
    r"(?P<head>\p{Ll}[\p{L}\-]*)\s+(?:inside|in|at|from|of|for|with|on|close\s+to)\s"
)
_ROLE_THEN_MODIFIER = regex.compile(
    r"(?:[Aa]|[Aa]n|[Tt]he|[Oo]ne|[Aa]nother|[Tt]wo|[Ss]everal)\s+(?:[\p{L}\-]+\s+){0,3}?"
    r"(?P<head>\p{Ll}+)\s+(?:familiar|close|knowledgeable|speaking|briefed|involved|"
    r"working|granted|who)\s"
)
INTRO_PHRASE = regex.compile(
    r"\s*(?:At|In|On|For|After|Before|During|With|From|Of|As|Since|Under|Over|Despite|"
    r"Following|Amid|Among|Across|Throughout|Without|Within|Unlike|Like|Outside|Inside|"
    r"Near|Behind|Beyond|Around|Along|Upon|Toward|Towards|Later|Earlier|Asked|When|While|"
    r"Although|Though|Because|If|Once|Ever\s+since|Even\s+as|Until|Alongside|Besides|"
    r"\p{Lu}\p{Ll}+ing)"
    r"\s[^,;:“”\"]{1,110},(?:\s*\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,2},(?=\s*\p{Lu}))?\s*"
)
_NAME_BEFORE_RELATIVE = _end_anchored(
    rf"(?<![\p{{L}}\p{{N}}’'.-])(?P<name>{NAME_RUN})\.?(?:\s*\([^()]{{1,30}}\))?\s*,?\s*$"
)
_NAME_BEFORE_OF = _end_anchored(
    rf"(?:^|(?<=\s))(?P<name>{MULTI_NAME_RUN})\s+(?:of|from|at)\s+(?:the\s+)?$"
)
#: Before the last comma, an apposition opened by a determiner or relative pronoun:
#: "Giovanni Vian, the editor of the Vatican's newspaper, L'Osservatore Romano, said".
#: "Clinton, during a town hall in Columbus, Ohio, said", "Cory James, 22, of Flint,
#: Mich., said": an apposition of place or age.
_PLACE_AFTER_COMMA = regex.compile(r"\s*,\s*(?:during|at|in|on|speaking|\d{1,3},\s+of)\s")
#: "Silverman, herself a Sanders supporter, …": an apposition after a subject.
_APPOSITION_AFTER = regex.compile(
    r"\s*(?:a|an|the|who|whose|herself|himself|themselves|itself|one|another|"
    r"(?:\p{Lu}[\p{L}.]*\s+){0,2}\p{Lu}[\p{L}.]*[’']s)\s"
)
#: "The complaint, which was filed in …, alleged": the relative clause's verb comes first.
_VERB_FIRST = regex.compile(
    r"(?:was|were|is|are|has|have|had|will|would|could|can|did|does|do|\p{Ll}+ed|\p{Ll}+s)"
    r"(?![\p{L}])"
)
_PREPOSITION_START = regex.compile(
    r"(?:without|with|for|to|of|in|on|at|by|from|about|against|into|over|under|after|"
    r"before|during|than|like)\s",
    regex.IGNORECASE,
)
#: "President Obama, dedicating the museum of History and Culture, said": an apposition.
_LOWER_AFTER_COMMA = regex.compile(r"\.?(?:\s*\([^()]{1,30}\))?\s*,\s*\p{Ll}")
_RELATIVE_AFTER_COMMA = regex.compile(r"\.?\s*,\s*(?:a|an|the|who|whose)\s")
_LOWER_WORD = regex.compile(r"(?<![\p{L}])\p{Ll}")
_POLL_SHARE = _end_anchored(
    r"(?:(?i:only|about|nearly|just|some|almost|over|roughly|around|fully)\s+)?"
    r"(?:\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent)|"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+(?:in|of|out\s+of)\s+(?:\d+|ten))"
    r"(?:\s+of\s+(?:the\s+|those\s+)?(?:[\p{L}\-]+\s+){0,3}\p{L}+s)?$"
)
_NAME_THEN_PP = _end_anchored(
    rf"(?<![\p{{L}}\p{{N}}’'.-])(?P<name>{NAME_RUN})\s+(?:in|at|on|during|after|before|"
    r"with|from)\s+[^,;:“”\"]{1,50}$"
)


#: Names already read, by their text; cleared when it reaches this size.
_NAME_CACHE_SIZE = 8192


def _lower_words(text: str) -> list[str]:
    return [w.strip(".’'").lower() for w in text.split()]


@attrs.frozen(slots=True)
class MentionParser:
    """Reads speaker mentions next to cues, using the title and organisation lexicons.

    Args:
        titles: Lower-case words that may precede a name as part of a title.
        role_nouns: Lower-case nouns that head an unnamed speaker.
        group_nouns: Lower-case plural nouns that make a mention a group.
        org_heads: Capitalised words that make a name an organisation.
        org_names: Organisations known by one word.
        org_nouns: Lower-case nouns that head an organisation or document.
        speech_nouns: Nouns for something said ("claim", "remarks").
    """

    titles: frozenset[str] = TITLES
    role_nouns: frozenset[str] = ROLE_NOUNS
    group_nouns: frozenset[str] = GROUP_NOUNS
    org_heads: frozenset[str] = ORG_HEADS
    org_names: frozenset[str] = ORG_NAMES
    org_nouns: frozenset[str] = ORG_NOUNS
    speech_nouns: tuple[str, ...] = SPEECH_NOUNS
    _speech_noun: regex.Pattern[str] = attrs.field(init=False, repr=False, eq=False)
    _names: dict[str, tuple[int, str, SpeakerKind] | None] = attrs.field(
        init=False, factory=dict, repr=False, eq=False
    )

    def __attrs_post_init__(self) -> None:
        nouns = "|".join(regex.escape(n) for n in sorted(set(self.speech_nouns), key=len)[::-1])
        pattern = (
            rf"(?P<owner>{NAME_RUN}|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)(?:[’']s?)?\s+"
            rf"(?:[\p{{L}}\-]+\s+){{0,3}}?(?:{nouns})s?"
            r"(?:\s+(?:on\s+\p{Lu}\p{L}+day|last\s+\p{L}+|earlier\s+this\s+\p{L}+|in\s+\d{4}))?"
            r"(?:\s+(?:that|of|about|on|for|to))?[\s,:]*$"
        )
        object.__setattr__(self, "_speech_noun", regex.compile(pattern))

    def before(self, text: str, lo: int, hi: int) -> Mention | None:
        """The subject mention that ends at ``hi`` (a cue's start), not before ``lo``."""
        lo = max(lo, hi - _WINDOW)
        trail = _TRAILING.search(text, lo, hi)
        end = trail.start() if trail else hi
        if end <= lo:
            return None
        pronoun = _PRONOUN.search(text, max(lo, end - 4), end)
        if pronoun is not None:
            word = pronoun.group()
            return Mention(
                pronoun.start(), end, word, word, SpeakerKind.PERSON, PRONOUNS[word.lower()]
            )
        start, last, last_at, previous = lo, "", lo, lo
        for boundary in _CLAUSE_BOUNDARY.finditer(text, lo, end):
            previous = start
            start, last, last_at = boundary.end(), boundary.group(), boundary.start()
        start = _skip_space(text, start, end)
        relative = last in ("who", "that", "which")
        if relative and (start >= end or last == "who" or _VERB_FIRST.match(text, start, end)):
            antecedent = self._antecedent(text, lo, last_at)
            if antecedent is None:
                return None
            if "," in text[start:hi]:
                # "Dana Moss, who allegedly leaked the memo, said": the antecedent speaks.
                return antecedent
            # "Sanders, who says …", "a headline that said …": the relative pronoun
            # is the mention; its antecedent gives the name.
            who_end = last_at + len(last)
            return Mention(last_at, who_end, last, antecedent.name, antecedent.kind)
        mention = self._classify(text, start, end) if start < end else None
        if mention is None and text[start:end] in _QUANTIFIER_SUBJECTS:
            # "Some chanted “USA! USA!”": some of the people just mentioned.
            return Mention(start, end, text[start:end], text[start:end], SpeakerKind.GROUP)
        if mention is None and start < end:
            share = _POLL_SHARE.search(text, start, end)
            if share is not None:
                # "21 percent said": a share of those polled speaks.
                phrase = share.group()
                return Mention(share.start(), end, phrase, phrase, SpeakerKind.GROUP)
            before_pp = _NAME_THEN_PP.search(text, start, end)
            if before_pp is not None:
                # "Trump in his announcement speech called": the name before the phrase.
                mention = self.name_mention(text, before_pp.start("name"), before_pp.end("name"))
        if mention is None and last in ("who", "that", "which"):
            # "a White House official who spoke anonymously said": the antecedent.
            antecedent = self.before(text, lo, last_at)
            if antecedent is not None and antecedent.pronoun is None:
                return antecedent
        # An apposition closed by a comma ("Robert McDuff, attorney for the group,
        # said") or a relative clause ("Charlie Sykes, who lamented"): the name before.
        appositive = "," in text[end:hi] or last in ("who", "—", "–")
        if mention is None:
            if not appositive:
                return None
            named = self._apposition(text, lo, end)
            if named is None and last == ",":
                # "That letter, on Trump Organization letterhead, demanded": the phrase
                # before the apposition.
                first = _skip_space(text, previous, last_at)
                named = self._classify(text, first, last_at) if first < last_at else None
                if named is not None and named.kind is SpeakerKind.PERSON:
                    named = None
            return named
        if mention.kind is SpeakerKind.GROUP:
            # "US and Ukrainian negotiators": the coordination belongs to the group.
            both = _COORDINATED.search(text, max(lo, mention.start - 40), mention.start)
            if both is not None:
                phrase = text[both.start() : mention.end]
                return Mention(both.start(), mention.end, phrase, phrase, SpeakerKind.GROUP)
        if appositive:
            named = self._apposition(text, lo, end)
            if named is not None and _apposition_holds(text, named, mention, start):
                return named
        return mention

    def after(self, text: str, lo: int, hi: int) -> Mention | None:
        """The speaker mention that starts at ``lo`` (just after a cue), before ``hi``."""
        m = _FORWARD.match(text, lo, min(hi, lo + _WINDOW))
        if m is None or _VERB_NEXT.match(text, m.end(), min(hi, m.end() + 20)):
            return None
        start = _skip_space(text, lo, m.end())
        end = m.end()
        while end > start and text[end - 1] in ".,":
            if text[end - 1] == "." and _is_abbreviation(text, start, end):
                break
            end -= 1
        if start >= end:
            return None
        word = text[start:end]
        if word.lower() in PRONOUNS and word != "It":
            return Mention(start, end, word, word, SpeakerKind.PERSON, PRONOUNS[word.lower()])
        if word.split(None, 1)[0].lower() in PRONOUNS:
            return None  # "said he expects Obama …": a clause, not an inverted speaker
        mention = self._classify(text, start, end)
        named = _NAME_AFTER_ROLE.match(text, end)
        if named is not None and (mention is None or mention.kind is SpeakerKind.ROLE):
            # "said Rubio’s deputy campaign manager, Rich Beeson, who …": the name.
            return self.name_mention(text, named.start("name"), named.end("name"))
        if mention is None and _DETERMINER_START.match(text, start, end):
            # After an inverted cue, "another leading advocate" is a speaker.
            mention = Mention(start, end, word, word, SpeakerKind.ROLE)
        return mention

    def _antecedent(self, text: str, lo: int, end: int) -> Mention | None:
        """What a relative pronoun at ``end`` stands for: the name or phrase before it."""
        named = _NAME_BEFORE_RELATIVE.search(text, max(lo, end - 80), end)
        if named is not None:
            # "from Mike Lee, who declared": a name, even after a preposition.
            return self.name_mention(text, named.start("name"), named.end("name"))
        antecedent = self.before(text, lo, end)
        return None if antecedent is None or antecedent.pronoun is not None else antecedent

    def _apposition(self, text: str, lo: int, end: int) -> Mention | None:
        # "Yuri Ushakov, Putin’s senior adviser, said": the name before the comma.
        m = _APPOSITION_NAME.search(text, max(lo, end - 140), end)
        if m is None:
            return None
        return self.name_mention(text, m.start(), m.end("name"))

    def speech_noun_owner(self, text: str, lo: int, hi: int) -> Mention | None:
        """The owner of the last speech noun in ``[lo, hi)``: "Trump" in "Trump’s claim that".

        Example:
            >>> text = "Critics mocked Trump’s recent claim that"
            >>> MentionParser().speech_noun_owner(text, 0, len(text)).text
            'Trump'
        """
        found = None
        for m in self._speech_noun.finditer(text, lo, hi):
            found = m
        if found is None:
            return None
        owner = found.group("owner")
        if owner.lower() in ("his", "her", "their", "its"):
            pronoun = {"his": "male", "her": "female", "their": "plural", "its": "neuter"}
            return Mention(
                found.start("owner"),
                found.end("owner"),
                owner,
                owner,
                SpeakerKind.PERSON,
                pronoun[owner.lower()],
            )
        end = found.end("owner")
        if owner.endswith(("’s", "'s")):
            end -= 2
        return self.name_mention(text, found.start("owner"), end)

    def first_subject(self, text: str, lo: int, hi: int) -> Mention | None:
        """The first name or pronoun in ``[lo, hi)`` that is followed by a verb-like word.

        Used for the subject of a sentence ("Cruz belittled the issue, calling it ...").
        """
        intro = INTRO_PHRASE.match(text, lo, min(hi, lo + 120))
        if intro is not None:
            lo = intro.end()  # "At the annual meeting of …, Mr. Pence used"
        role = self._role_subject(text, lo, hi)
        if role is not None:
            return role  # "The president left no doubt …": a role that opens the clause
        for m in _SUBJECT.finditer(text, lo, min(hi, lo + _WINDOW)):
            if _PREPOSITION_BEFORE.search(text, max(lo, m.start() - 12), m.start()):
                continue  # "In Washington, President Obama …": not the subject
            word = m.group("subject")
            if (
                " " not in word
                and text.startswith(",", m.end("subject"))
                and not _APPOSITION_AFTER.match(text, m.end("subject") + 1)
            ):
                continue  # "Shortly, …", "Like Corker, …": an introductory word
            if word.lower() in ("it", "we", "i"):
                continue  # "It was Mr. Obama's …": no speaker
            if word.lower() in PRONOUNS:
                return Mention(
                    m.start(),
                    m.end("subject"),
                    word,
                    word,
                    SpeakerKind.PERSON,
                    PRONOUNS[word.lower()],
                )
            if word.endswith(("’s", "'s")):
                # "Ryan’s campaign shrugged off …": the possessor is not the subject.
                return self._role_subject(text, m.start(), hi)
            mention = self.name_mention(text, m.start(), m.end("subject"))
            if mention is not None and mention.kind is not SpeakerKind.ROLE:
                return mention
        return self._role_subject(text, lo, hi)

    def _is_plural_noun(self, word: str) -> bool:
        """True for the plural of a role or organisation noun ("outlets", "agents")."""
        return word.endswith("s") and (word[:-1] in self.role_nouns or word[:-1] in self.org_nouns)

    def _is_speaker_noun(self, word: str) -> bool:
        word = word.lower()
        return word in self.role_nouns or word in self.group_nouns or word in self.org_nouns

    def _role_subject(self, text: str, lo: int, hi: int) -> Mention | None:
        """A role, group or organisation noun phrase that opens a clause at ``lo``."""
        role = _ROLE_SUBJECT.match(text, lo, min(hi, lo + _WINDOW))
        if role is None:
            role = _ADJECTIVE_SUBJECT.match(text, lo, min(hi, lo + _WINDOW))
            if role is None or not (
                role.group("head") in self.group_nouns or self._is_plural_noun(role.group("head"))
            ):
                return None
        if not self._is_speaker_noun(role.group("head")):
            for pattern in _ROLE_SUBJECT_BY_LENGTH:
                longer = pattern.match(text, lo, min(hi, lo + _WINDOW))
                if longer is not None and self._is_speaker_noun(longer.group("head")):
                    role = longer
                    break
        phrase = role.group("np")
        head = role.group("head").lower()
        if head not in self.role_nouns and head not in self.group_nouns:
            # "One operative inside Trump Tower tried …": the noun before the phrase.
            before_pp = _HEAD_BEFORE_PP.search(phrase)
            if before_pp is not None:
                head = before_pp.group("head").lower()
        if head in self.group_nouns:
            # "About 200 protesters gathered, … chanting": a group.
            return Mention(role.start("np"), role.end("np"), phrase, phrase, SpeakerKind.GROUP)
        if head in self.role_nouns or head in self.titles:
            # "His chief aide doubled down …, saying": a role at the start of the clause.
            kind = SpeakerKind.ORGANIZATION if head in self.org_nouns else SpeakerKind.ROLE
            return Mention(role.start("np"), role.end("np"), phrase, phrase, kind)
        if head in self.org_nouns:
            return Mention(
                role.start("np"), role.end("np"), phrase, phrase, SpeakerKind.ORGANIZATION
            )
        return None

    def _classify(self, text: str, start: int, end: int) -> Mention | None:
        """Read ``text[start:end]``, a subject phrase, as a mention (or None)."""
        words = _lower_words(text[start:end])
        if not words:
            return None
        head = words[-1]
        capitalised = text[start:end].split()[-1][:1].isupper()
        if not capitalised and (self._is_speaker_noun(head) or self._is_plural_noun(head)):
            return self._role(text, start, end, head)
        name = _NAME_AT_END.search(text, start, end)
        if name is not None:
            mention = self.name_mention(text, name.start(), end)
            before = [w for w in _lower_words(text[start : name.start()]) if w != "the"]
            if (
                before
                and before[-1] in ("to", "of", "for", "at", "in", "with", "from", "on")
                and (mention is None or mention.name == mention.text)
            ):
                # "ambassador to the US": a role; "Secretary of State John Kerry": a name.
                role = _ROLE_PHRASE.search(text, start, end)
                if role is not None and role.group("head").lower() in self.role_nouns:
                    return self._role(text, role.start(), end, role.group("head").lower())
                owner = _NAME_BEFORE_OF.search(text, start, name.start())
                if owner is not None:
                    # "James Pethokoukis of the American Enterprise Institute": the person.
                    return self.name_mention(text, owner.start("name"), owner.end("name"))
                return self._generic(text, start, end, words)  # "the pitch on Kickstarter"
            return mention
        role = _ROLE_PHRASE.search(text, start, end)
        if role is not None and role.group("head").lower() in self.role_nouns:
            # "a Democratic staffer in the room": a role with a phrase after its head.
            return self._role(text, role.start(), end, role.group("head").lower())
        modified = _ROLE_THEN_MODIFIER.match(text, start, end)
        if modified is not None and modified.group("head").lower() in self.role_nouns:
            # "Another source familiar with Cruz’s thinking": the role and its modifier.
            return self._role(text, start, end, modified.group("head").lower())
        return self._generic(text, start, end, words)

    @staticmethod
    def _generic(text: str, start: int, end: int, words: list[str]) -> Mention | None:
        """A short noun phrase with a determiner ("the letter"), as a role."""
        if (
            len(words) <= 5
            and words[0] in ("the", "a", "an", "this", "his", "her", "their", "one", "another")
            and not _AUXILIARIES.intersection(words)
            and words[-1] not in _TIME_NOUNS
        ):
            return Mention(start, end, text[start:end], text[start:end], SpeakerKind.ROLE)
        return None

    def _role(self, text: str, start: int, end: int, head: str) -> Mention | None:
        m = _ROLE_PHRASE.search(text, start, end)
        if m is None or _PREPOSITION_START.match(text, m.start(), end):
            return None  # "without reporters": not a subject
        s = m.start()
        if m.group("head").lower() in self.role_nouns:
            head = m.group("head").lower()  # "a spokeswoman for the ministry": a role
        # Drop clause-initial capitalised stop words ("But the spokesman").
        first = _NAME_AT_START.match(text, s, end)
        while first is not None and first.group().split()[0] in _CAP_STOP - _DETERMINERS:
            s = _skip_space(text, s + len(first.group().split()[0]), end)
            first = _NAME_AT_START.match(text, s, end)
        phrase = text[s:end]
        if (
            head in self.group_nouns
            or (head.endswith("s") and " and " in phrase)
            or self._is_plural_noun(head)
        ):
            kind = SpeakerKind.GROUP
        elif head in self.org_nouns:
            kind = SpeakerKind.ORGANIZATION
        else:
            kind = SpeakerKind.ROLE
        return Mention(s, end, phrase, phrase, kind)

    def name_mention(self, text: str, start: int, end: int) -> Mention | None:
        """Read ``text[start:end]``, a run of capitalised words, as a name mention.

        Leading stop words go; titles and possessives before the name are kept
        in the mention but not in the name ("Ukrainian Foreign Minister Andrii
        Sybhia" names "Andrii Sybhia"); organisation words make it an
        organisation, plural group nouns a group.
        """
        run = text[start:end]
        try:
            parsed = self._names[run]
        except KeyError:
            if len(self._names) >= _NAME_CACHE_SIZE:
                self._names.clear()
            parsed = self._names[run] = self._parse_name(run)
        if parsed is None:
            return None
        offset, name, kind = parsed
        s = start + offset
        if kind is SpeakerKind.ROLE:
            if s > 0 and (det := _DETERMINER_BEFORE.search(text, max(0, s - 10), s)):
                s = det.start()
            name = text[s:end]
        return Mention(s, end, text[s:end], name, kind)

    def _parse_name(self, run: str) -> tuple[int, str, SpeakerKind] | None:
        """Where the name starts in ``run``, the name, and its kind (see :meth:`name_mention`)."""
        tokens = list(_TOKEN.finditer(run))
        # Leading stop words are not part of the name ("But Ukrainian Foreign Minister ...").
        while tokens and tokens[0].group().rstrip(".") in _CAP_STOP:
            tokens.pop(0)
        if not tokens:
            return None
        words = [t.group() for t in tokens]
        # The name proper follows the last title word or possessive.
        cut = 0
        for i, w in enumerate(words[:-1]):
            bare = w.rstrip(".").lower()
            if (
                bare in self.titles
                or w.rstrip(".") in HONORIFICS
                or w.endswith(("’s", "'s"))
                or (i + 1 < len(words) and words[i + 1].rstrip(".").lower() in self.titles)
            ):
                cut = i + 1
        name_words = words[cut:]
        if any(w.rstrip(".") in self.org_heads for w in name_words + words[-1:]) or any(
            w.rstrip(".").rstrip("’'s") in self.org_names or w in self.org_names for w in name_words
        ):
            # "The State Department": title words are part of an organisation's name.
            possessive = [i for i, w in enumerate(words[:-1]) if w.endswith(("’s", "'s"))]
            name_words = words[possessive[-1] + 1 :] if possessive else words
            kind = SpeakerKind.ORGANIZATION
        elif name_words and name_words[-1].lower() in self.group_nouns:
            kind = SpeakerKind.GROUP
        else:
            kind = SpeakerKind.PERSON
        name = " ".join(name_words)
        if kind is SpeakerKind.PERSON and name.lower() in self.titles:
            kind = SpeakerKind.ROLE
        return tokens[0].start(), name, kind


def _apposition_holds(text: str, named: Mention, mention: Mention, start: int) -> bool:
    """True if ``mention`` (in the clause from ``start``) lies inside ``named``'s apposition.

    "Massimo Franco, a columnist for Corriere della Sera, wrote", "President
    Obama, dedicating the museum of History and Culture, said", "Clinton, during
    a town hall in Columbus, Ohio, said": the name before the commas speaks.
    """
    if mention.kind is SpeakerKind.ROLE or _LOWER_WORD.search(text, start, mention.start):
        return True
    if named.end >= mention.start:
        return False
    if _RELATIVE_AFTER_COMMA.match(text, named.end):
        return True  # ", the editor of …, L'Osservatore Romano, said"
    commas = text.count(",", named.end, mention.start)
    if commas == 1 and _LOWER_AFTER_COMMA.match(text, named.end):
        return True
    # A place after the last comma: one word ("Ohio", "Mich.") after a phrase of place.
    return (
        commas == 2 and " " not in mention.text and bool(_PLACE_AFTER_COMMA.match(text, named.end))
    )


def _skip_space(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _is_abbreviation(text: str, start: int, end: int) -> bool:
    word = _WORD_AT_END.search(text, start, end - 1)
    if word is None:
        return False
    w = word.group()
    return w in HONORIFICS or (len(w) == 1 and w.isupper())
