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

from collections.abc import Iterable

import attrs
import regex

from attribution.lexicon.speech_verbs import FRAMES, SPEECH_VERBS, inflections

__all__ = ["CueLexicon", "CueMatch"]

#: Adverbs that may sit inside a frame ("was also quoted as saying").
_FRAME_ADVERBS = r"(?:also|reportedly|allegedly|later|earlier|once|even|widely|then|previously)"

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
    reiterate repeat""".split()
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

    @property
    def participle(self) -> bool:
        """True for an -ing form ("adding"), which takes its subject from the clause before."""
        return not self.frame and self.text.endswith("ing")

    @property
    def invertible(self) -> bool:
        """True if the speaker may follow the cue ("said Putin")."""
        return self.verb in INVERTIBLE

    @property
    def forward(self) -> bool:
        """True if the speaker always follows the cue ("according to TASS")."""
        return self.verb in ("according to", "in the words of")


def _frame_pattern(frame: str) -> str:
    words = frame.split()
    first = words[0]
    head = f"[{first[0].upper()}{first[0]}]{regex.escape(first[1:])}"
    rest = "".join(rf"(?:\s+{_FRAME_ADVERBS})?\s+{regex.escape(w)}" for w in words[1:])
    return head + rest


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
    _pattern: regex.Pattern[str] = attrs.field(init=False, repr=False, eq=False)
    _base: dict[str, str] = attrs.field(init=False, repr=False, eq=False)
    _frames: tuple[str, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        base: dict[str, str] = {}
        for verb in self.verbs:
            for form in inflections(verb):
                base.setdefault(form, verb)
        frames = sorted(self.frames, key=len, reverse=True)
        forms = sorted(base, key=len, reverse=True)
        pattern = (
            r"(?<![\p{L}\p{N}’'-])(?:"
            + "|".join(f"(?P<f{i}>{_frame_pattern(f)})" for i, f in enumerate(frames))
            + "|(?P<verb>"
            + "|".join(regex.escape(f) for f in forms)
            + r"))(?![\p{L}\p{N}’'-])"
        )
        object.__setattr__(self, "_pattern", regex.compile(pattern))
        object.__setattr__(self, "_base", base)
        object.__setattr__(self, "_frames", tuple(frames))

    def extend(self, verbs: Iterable[str] = (), frames: Iterable[str] = ()) -> CueLexicon:
        """A new lexicon with more verbs (base forms) and frames."""
        return CueLexicon(self.verbs + tuple(verbs), self.frames + tuple(frames))

    def find(self, text: str) -> tuple[CueMatch, ...]:
        """Every speech cue of ``text``, in order."""
        found: list[CueMatch] = []
        frames = self._frames
        for m in self._pattern.finditer(text):
            if m.lastgroup == "verb":
                word = m.group()
                if _noun_before(text, m.start()) or (
                    word != verb_base_of(self._base, word) and _passive_before(text, m.start())
                ):
                    continue
                found.append(CueMatch(m.start(), m.end(), word, self._base[word]))
            else:
                index = int(str(m.lastgroup)[1:])
                found.append(CueMatch(m.start(), m.end(), m.group(), frames[index], True))
        return tuple(found)


_PREVIOUS_WORD = regex.compile(r"([\p{L}’']+)\s+$")
_PASSIVE = regex.compile(
    r"(?<![\p{L}])(?:was|were|been|being|is|are|be|get|got)(?:\s+(?:not|never|also|reportedly|"
    r"repeatedly|often|widely|once|later|then|first|recently|publicly))?\s+$"
)


def verb_base_of(base: dict[str, str], form: str) -> str:
    """The base form of an inflected cue verb (the form itself if unknown)."""
    return base.get(form, form)


def _passive_before(text: str, start: int) -> bool:
    # "the FBI was warned", "Tyson was not asked": the subject was spoken to.
    if text[start:].startswith(("saying", "telling", "adding")):
        return False
    return _PASSIVE.search(text, max(0, start - 30), start) is not None


def _noun_before(text: str, start: int) -> bool:
    m = _PREVIOUS_WORD.search(text, max(0, start - 30), start)
    if m is None:
        return False
    word = m.group(1).lower()
    return word in _NOUN_MARKERS or word.endswith(("’s", "'s"))
