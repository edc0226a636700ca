"""Speech cues: where the text says that someone said something.

One compiled pattern, built from :mod:`attribution.lexicon.speech_verbs`,
finds every speech verb and frame in one pass. A verb form used as a noun
("his comments", "the report") is dropped by looking at the word before it.

Example:
    >>> lexicon = CueLexicon()
    >>> [(c.text, c.verb) for c in lexicon.find("Putin told India Today, according to TASS.")]
    [('told', 'tell'), ('according to', 'according to')]
    >>> lexicon.find("Putin’s comments come after the report.")
    ()
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs
import regex

from attribution.lexicon.speech_verbs import FRAMES, REPORTING_VERBS, SPEECH_VERBS, inflections
from attribution.patterns import trie

__all__ = ["CueLexicon", "CueMatch"]

#: Adverbs that may sit inside a frame ("was also quoted as saying").

#: Words before a verb form that make it a noun ("his comments", "the report").
_NOUN_MARKERS = frozenset(
    """the a an his her their its our my your this these those whose any no every
    each such another""".split()
)

#: Verbs whose subject may follow them ("“No,” said Putin.").
INVERTIBLE: frozenset[str] = frozenset(
    """say add ask continue explain note recall write tweet reply insist argue warn
    declare acknowledge admit agree answer respond counter conclude quip joke predict
    suggest state remark observe caution complain concede confirm offer shout yell
    cry whisper mutter muse wonder exclaim retort scoff boast stress emphasize emphasise
    reiterate repeat read react remember exhort opine interject plead demand charge
    assert contend maintain lament gush rail fume proclaim recount thunder bellow holler
    bark boom snap snarl sigh groan grumble murmur jeer cheer chant elaborate begin
    interrupt chime marvel reason beg implore urge vow promise pledge""".split()
)


@attrs.frozen(slots=True)
class CueMatch:
    """A speech cue found in the text.

    Attributes:
        start: Offset of the cue.
        end: Offset just past it.
        text: The cue as written.
        verb: Its base form ("tell" for "told"), or the frame itself.
        frame: True for a multi-word frame.
    """

    start: int
    end: int
    text: str
    verb: str
    frame: bool = False
    reporting: bool = False

    @property
    def participle(self) -> bool:
        """True for an -ing form ("adding"), which takes its subject from the clause before."""
        return not self.frame and self.text.endswith("ing")

    @property
    def invertible(self) -> bool:
        """True if the speaker may follow the cue ("said Putin"; not "saying")."""
        return self.verb in INVERTIBLE and not self.participle

    @property
    def forward(self) -> bool:
        """True if the speaker always follows the cue ("according to TASS")."""
        return self.verb in ("according to", "in the words of")


_ADVERB_LIST = ("also", "reportedly", "allegedly", "later", "earlier", "once", "even", "widely")


def _frame_variants(frames: Iterable[str]) -> list[str]:
    """Each frame as written, capitalised, and with an adverb after its first word.

    Example:
        >>> _frame_variants(["was quoted as"])[:4]
        ['was quoted as', 'Was quoted as', 'was also quoted as', 'Was also quoted as']
    """
    variants = []
    for frame in frames:
        first, _, rest = frame.partition(" ")
        forms = [frame] + ([f"{first} {adverb} {rest}" for adverb in _ADVERB_LIST] if rest else [])
        for form in forms:
            variants += [form, form[0].upper() + form[1:]]
    return variants


@attrs.frozen(slots=True)
class CueLexicon:
    """Speech verbs and frames, compiled once.

    Args:
        verbs: Base forms of speech verbs; every inflection is matched.
        frames: Multi-word cues, lower case.

    Example:
        >>> custom = CueLexicon().extend(verbs=["grouse"])
        >>> [c.verb for c in custom.find("“Too slow,” she groused.")]
        ['grouse']
    """

    verbs: tuple[str, ...] = SPEECH_VERBS
    frames: tuple[str, ...] = FRAMES
    reporting_verbs: tuple[str, ...] = REPORTING_VERBS
    _pattern: re.Pattern[str] = attrs.field(init=False, repr=False, eq=False)
    _base: dict[str, str] = attrs.field(init=False, repr=False, eq=False)
    _frames: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)
    _reporting: frozenset[str] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        base: dict[str, str] = {}
        for verb in self.verbs + self.reporting_verbs:
            for form in inflections(verb):
                base.setdefault(form, verb)
        reporting = frozenset(self.reporting_verbs) - frozenset(self.verbs)
        frames = sorted(self.frames, key=len, reverse=True)
        forms = sorted(base, key=len, reverse=True)
        # One trie of every verb form and frame (a frame also with an adverb inside,
        # and capitalised): one pass. The trie is plain literals, so the standard
        # library's engine compiles it, and scans it about five times faster than
        # ``regex`` does ([^\W_] is a Unicode letter or digit there).
        pattern = rf"\b(?:{trie(forms + _frame_variants(frames))})(?![^\W_]|[’'-])"
        object.__setattr__(self, "_pattern", re.compile(pattern))
        object.__setattr__(self, "_base", base)
        object.__setattr__(self, "_reporting", reporting)
        object.__setattr__(self, "_frames", tuple(frames))

    def extend(
        self,
        verbs: Iterable[str] = (),
        frames: Iterable[str] = (),
        reporting_verbs: Iterable[str] = (),
    ) -> CueLexicon:
        """A new lexicon with more speech verbs (base forms), frames and reporting verbs."""
        return CueLexicon(
            self.verbs + tuple(verbs),
            self.frames + tuple(frames),
            self.reporting_verbs + tuple(reporting_verbs),
        )

    def find(
        self, text: str, windows: Iterable[tuple[int, int]] | None = None
    ) -> tuple[CueMatch, ...]:
        """The speech cues of ``text`` in order, all or only those inside ``windows``.

        Args:
            text: The document.
            windows: Sorted, non-overlapping ``(start, end)`` stretches to scan;
                None scans the whole text.
        """
        found: list[CueMatch] = []
        spans = [(0, len(text))] if windows is None else windows
        for start, end in spans:
            self._scan(text, start, end, found)
        return tuple(found)

    def _scan(self, text: str, start: int, end: int, found: list[CueMatch]) -> None:
        for m in self._pattern.finditer(text, start, end):
            if m.start() > 0 and text[m.start() - 1] in "’'-":
                continue
            word = m.group()
            if " " not in word:
                base = verb_base_of(self._base, word)
                if _noun_before(text, m.start(), word == base) or (
                    word != base
                    and not word.endswith("ing")  # "is predicting": progressive, not passive
                    and _passive_before(text, m.start())
                ):
                    continue
                verb = self._base[word]
                found.append(
                    CueMatch(m.start(), m.end(), word, verb, reporting=verb in self._reporting)
                )
            else:
                frame = " ".join(m.group().lower().split())
                found.append(CueMatch(m.start(), m.end(), m.group(), self._frame_of(frame), True))

    def _frame_of(self, written: str) -> str:
        # The lexicon's frame for a match that may carry an adverb ("was also quoted as").
        if written in self._frames:
            return written
        words = written.split()
        for frame in self._frames:
            if frame.split() == [w for w in words if w in frame.split()]:
                return frame
        return written


_BE = frozenset({"was", "were", "been", "being", "is", "are", "be", "get", "got"})
_PASSIVE_ADVERBS = frozenset(
    "not never also reportedly repeatedly often widely once later then first recently "
    "publicly".split()
)


_WORD_BEFORE = regex.compile(r"(?r)(?P<word>[\p{L}’']{0,24})[ \t\u00a0]{0,4}$")


def _word_before(text: str, end: int) -> tuple[int, str]:
    """The word ending before ``end`` (spaces skipped), lower-cased, and where it starts.

    A few characters are looked at, never more than a word's length.
    """
    m = _WORD_BEFORE.search(text, max(0, end - 28), end)
    return (m.start(), m["word"].lower()) if m is not None else (end, "")


def verb_base_of(base: dict[str, str], form: str) -> str:
    """The base form of an inflected cue verb (the form itself if unknown)."""
    return base.get(form, form)


def _passive_before(text: str, start: int) -> bool:
    # "the FBI was warned", "Tyson was not asked": the subject was spoken to.
    i, word = _word_before(text, start)
    if word in _PASSIVE_ADVERBS:
        i, word = _word_before(text, i)
    return word in _BE


_CONTRACTED = frozenset({"he", "she", "it", "who", "that", "there", "what"})


_ARTICLE_MODIFIER = regex.compile(r"(?r)(?<![\p{L}])(?:a|an|A|An)\s+[\p{L}\-’']+\s+$")


def _noun_before(text: str, start: int, base_form: bool) -> bool:
    word = _word_before(text, start)[1]
    if word.endswith(("’s", "'s")):
        return word[:-2] not in _CONTRACTED  # "Trump’s claim", but "he’s predicting"
    if word in _NOUN_MARKERS:
        return True
    # "a Trump-style retort", "a quick reply": an article, a modifier, a base form.
    return base_form and _ARTICLE_MODIFIER.search(text, max(0, start - 40), start) is not None
