r"""Entities: canonical names for mentions, and pronouns resolved to a person.

A person's canonical name is the fullest form the text gives of it ("Putin"
→ "Vladimir Putin"), titles removed. A pronoun is resolved to the most
salient earlier compatible mention: the subject of the nearest sentence before
it that names a person (outside quotations), or failing that the speaker of
the quotation before.

Example:
    >>> from attribution.pipeline import attribute
    >>> text = ("President Vladimir Putin spoke on Tuesday.\n"
    ...         "“We will win,” Putin said. Zelensky disagreed.\n“No,” he said.")
    >>> [(q.speaker.name, q.speaker.mention.text) for q in attribute(text).quotes]
    [('Vladimir Putin', 'Putin'), ('Zelensky', 'he')]
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence

import regex

from attribution.mentions import INTRO_PHRASE, NAME_RUN, VERB_FORM, Mention, MentionParser
from attribution.model import Quote, SpeakerKind
from attribution.segment import Segments

__all__ = ["EntityResolver"]

_NAME_WORD = r"\p{Lu}(?:\.|[\p{L}\p{M}’'\-]*)"
_SPACE = r"[ \t\u00a0]+"
_PARTICLES = r"(?:von|van|der|den|de|del|della|di|da|du|le|la|al|el|bin|ibn|ben)"
# The capitalised words that stand right before a word (cheaper than NAME_RUN: no
# honorific alternation), searched only in a short window before each occurrence.
_WORDS_BEFORE = regex.compile(
    rf"(?r)(?<![\p{{L}}\p{{N}}’'.-])(?:{_NAME_WORD}{_SPACE}(?:{_PARTICLES}{_SPACE})*)+$"
)
_CONTINUES = regex.compile(rf"{_SPACE}(?:{_PARTICLES}{_SPACE})*\p{{Lu}}|[\p{{L}}\p{{M}}’'\-]")
_ANY_NAME = regex.compile(rf"(?<![\p{{L}}\p{{N}}’'.-]){NAME_RUN}")
_MALE = frozenset({"Mr", "Mr.", "Sir", "Lord", "King", "Prince", "Herr"})
_FEMALE = frozenset({"Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dame", "Lady", "Queen", "Princess"})
_LOOKBACK_SENTENCES = 4
_COLLECTIVE = frozenset({SpeakerKind.GROUP, SpeakerKind.ORGANIZATION})
_VERB_AFTER = regex.compile(
    rf"(?:\s*\([^()]{{1,30}}\))?\s+(?:\p{{Ll}}+ly\s+)?(?:\p{{Ll}}+ed|\p{{Ll}}+s|{VERB_FORM})"
    r"(?![\p{L}])"
)
_MODIFIER_AFTER = regex.compile(
    r"\s+(?:campaign\s+|press\s+|communications\s+|deputy\s+|senior\s+|chief\s+)*"
    r"(?:spokesman|spokeswoman|spokesperson|aide|adviser|advisor|manager|chairman|"
    r"strategist|secretary|director|pollster|lawyer|attorney|official)\s+\p{Lu}"
)


class EntityResolver:
    """Canonical names and pronoun antecedents for one document."""

    __slots__ = (
        "_by_last",
        "_canonical",
        "_parser",
        "_people",
        "_quote_ends",
        "_quote_starts",
        "_segments",
        "_stripped",
        "_text",
        "_titled",
    )

    def __init__(
        self, text: str, quotes: Sequence[Quote], segments: Segments, parser: MentionParser
    ) -> None:
        self._text = text
        self._segments = segments
        self._parser = parser
        self._quote_starts = [q.outer_start for q in quotes]
        self._quote_ends = [q.outer_end for q in quotes]
        self._by_last: dict[str, Counter[str]] = {}
        self._canonical: dict[str, str] = {}
        self._stripped: dict[str, str] = {}
        self._people: dict[int, list[Mention]] = {}
        self._titled: dict[str, str | None] = {}

    def _outside_quotes(self, start: int, end: int) -> list[tuple[int, int]]:
        """The stretches of ``[start, end)`` outside quotations."""
        pieces = []
        i = max(bisect.bisect_right(self._quote_starts, start) - 1, 0)
        at = start
        while i < len(self._quote_starts) and self._quote_starts[i] < end:
            q_start, q_end = self._quote_starts[i], self._quote_ends[i]
            if q_end > at:
                if q_start > at:
                    pieces.append((at, q_start))
                at = max(at, q_end)
            i += 1
        if at < end:
            pieces.append((at, end))
        return pieces

    def _runs(self, last: str) -> Counter[str]:
        """The names of two or more words that end with ``last``, with their counts.

        Found from the occurrences of ``last`` (a plain string search), so the
        cost follows how often the word occurs, not the length of the text.
        """
        cached = self._by_last.get(last)
        if cached is not None:
            return cached
        runs: Counter[str] = Counter()
        text = self._text
        at = text.find(last)
        while at >= 0 and last:
            end = at + len(last)
            if not _CONTINUES.match(text, end) and (at == 0 or not text[at - 1].isalnum()):
                before = _WORDS_BEFORE.search(text, max(0, at - 100), at)
                if before is not None:
                    runs[text[before.start() : end]] += 1
            at = text.find(last, end)
        self._by_last[last] = runs
        return runs

    def known(self, mention: Mention) -> bool:
        """True if the text names this entity in full somewhere (or the mention is in full).

        A lone capitalised word ("Therefore", "Officials") is not taken for a
        name unless a longer name in the text ends with it ("Putin").
        """
        words = mention.name.split()
        if len(words) > 1:
            return True
        return bool(words) and bool(self._runs(words[-1]))

    def canonical(self, mention: Mention) -> str:
        """The fullest name the text gives for a person mention; other kinds as they are."""
        if mention.kind is not SpeakerKind.PERSON or mention.pronoun is not None:
            return mention.name
        cached = self._canonical.get(mention.name)
        if cached is None:
            cached = self._canonical[mention.name] = self._fullest(mention)
        return cached

    def titled_person(self, mention: Mention) -> str | None:
        r"""The one person the text names with the bare title of a role mention.

        "Minister" or "the minister" is "Jane Okafor" when the text names
        "Foreign Minister Jane Okafor" and no other minister; else None.

        Example:
            >>> from attribution.pipeline import attribute
            >>> text = ("Minister says talks will resume “soon”\n\n"
            ...         "Foreign Minister Jane Okafor said so on Monday.")
            >>> attribute(text).quotes[0].speaker.name
            'Jane Okafor'
        """
        if mention.kind is not SpeakerKind.ROLE or mention.pronoun is not None:
            return None
        words = mention.text.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        if len(words) != 1 or words[0].lower() not in self._parser.titles:
            return None
        title = words[0].lower()
        if title not in self._titled:
            pattern = regex.compile(
                rf"(?<![\p{{L}}])(?i:{regex.escape(title)})\s+(?P<name>{NAME_RUN})"
            )
            names = set()
            for m in pattern.finditer(self._text):
                named = self._parser.name_mention(self._text, m.start("name"), m.end("name"))
                if named is not None and named.kind is SpeakerKind.PERSON:
                    names.add(self.canonical(named))
            self._titled[title] = names.pop() if len(names) == 1 else None
        return self._titled[title]

    def _fullest(self, mention: Mention) -> str:
        words = mention.name.split()
        if not words:
            return mention.name
        candidates = self._runs(words[-1])
        if not candidates:
            return mention.name
        best = mention.name
        best_key = (0, len(words))
        for run, count in candidates.items():
            parsed = self._stripped.get(run)
            if parsed is None:
                parsed = self._stripped[run] = _strip_titles(self._parser, run)
            full = parsed.split()
            if len(full) <= len(words) or full[-len(words) :] != words:
                continue
            key = (count, len(full))
            if key > best_key:
                best, best_key = parsed, key
        return best

    def antecedent(self, pronoun: Mention, earlier: Sequence[Mention]) -> Mention | None:
        """The mention a pronoun most likely stands for, or None.

        Args:
            pronoun: The pronoun mention.
            earlier: Speaker mentions already found before it, in text order.
        """
        wanted = pronoun.pronoun
        if wanted in ("male", "female"):
            found = self._person_before(pronoun.start, wanted)
            if found is not None:
                return found
            for mention in reversed(earlier):
                if mention.kind is SpeakerKind.PERSON and mention.pronoun is None:
                    return mention
        elif wanted in ("plural", "neuter"):
            # "Clinton’s campaign is seeking to contrast … with what they call": the
            # group or organisation that is the subject of the pronoun's sentence.
            s_start = self._segments.sentence_at(pronoun.start)[0]
            subject = self._parser.first_subject(self._text, s_start, pronoun.start)
            if subject is not None and subject.kind in _COLLECTIVE and subject.pronoun is None:
                return subject
            for mention in reversed(earlier):
                if mention.pronoun is None and mention.kind is not SpeakerKind.PERSON:
                    return mention
        return None

    def _person_before(self, offset: int, gender: str | None) -> Mention | None:
        segments = self._segments
        index = segments.sentence_index(offset)
        for k in range(index, max(-1, index - _LOOKBACK_SENTENCES), -1):
            if k < 0:
                break
            fallback = None
            for mention in self._people_in(k):
                if mention.start >= offset:
                    continue
                first = mention.text.split()[0]
                if (gender == "male" and first in _FEMALE) or (
                    gender == "female" and first in _MALE
                ):
                    continue
                if mention.name.lower() in self._parser.titles:
                    continue
                if _VERB_AFTER.match(self._text, mention.end):
                    return mention  # "Asked about Sullivan, Feinstein said": the subject
                fallback = fallback or mention
            if fallback is not None:
                return fallback
        return None

    def _people_in(self, k: int) -> list[Mention]:
        """The person names of sentence ``k`` outside quotations, in order (cached)."""
        people = self._people.get(k)
        if people is None:
            start, end = self._segments.sentence_spans[k]
            intro = INTRO_PHRASE.match(self._text, start, end)
            people = []
            # "In an interview with Matei Rosca, Lazar said he …": the clause's names
            # first, then the introductory phrase's.
            main = (start, end) if intro is None else (intro.end(), end)
            spans = [main] if intro is None else [main, (start, intro.end())]
            pieces = [piece for span in spans for piece in self._outside_quotes(*span)]
            for m in (n for piece in pieces for n in _ANY_NAME.finditer(self._text, *piece)):
                if m.group().endswith(("’s", "'s")):
                    continue
                if _MODIFIER_AFTER.match(self._text, m.end()):
                    continue  # "Cruz spokesman Rick Tyler": Tyler, not Cruz
                mention = self._parser.name_mention(self._text, m.start(), m.end())
                if (
                    mention is not None
                    and mention.kind is SpeakerKind.PERSON
                    and (" " in mention.text or _VERB_AFTER.match(self._text, mention.end))
                ):
                    people.append(mention)
            self._people[k] = people
        return people


def _strip_titles(parser: MentionParser, run: str) -> str:
    mention = parser.name_mention(run, 0, len(run))
    return run if mention is None else mention.name
