r"""Paragraphs and sentences as offsets into the original text.

Paragraphs are separated by line breaks (news text often puts one paragraph on
each line). Sentences end at ``.``, ``!`` or ``?`` (with any closing quotation
marks or brackets after them) followed by a space and a capital letter, a
digit or an opening mark, except after common abbreviations such as ``Mr.``
or ``U.S.`` followed by a name. A sentence boundary never falls inside a
quotation.

Example:
    >>> from attribution.quotes import find_quotes
    >>> text = "Mr. Putin spoke. He said “Yes. No.” Then he left.\nNext paragraph."
    >>> inside = [(q.outer_start, q.outer_end) for q in find_quotes(text)]
    >>> [text[s:e] for s, e in sentences(text, inside)]
    ['Mr. Putin spoke.', 'He said “Yes. No.”', 'Then he left.', 'Next paragraph.']
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import regex

from attribution.lexicon.titles import ABBREVIATIONS

__all__ = ["Segments", "paragraphs", "sentences"]

_PARAGRAPH = regex.compile(r"[^\n\u2029]+")
_abbrev = "|".join(regex.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True))
# A sentence end: terminal punctuation, closers, space, then something that starts a sentence.
_BOUNDARY = regex.compile(
    rf"(?<!(?<![\p{{L}}.])(?:{_abbrev})|\b\p{{Lu}})"
    r"[.!?…]+[\"'”’»)\]]*(?=[ \t\u00a0]+[\"'“‘«(\[`]{0,2}[\p{Lu}\p{N}])"
)


def paragraphs(text: str) -> list[tuple[int, int]]:
    r"""The ``(start, end)`` offsets of the non-empty lines of ``text``.

    Example:
        >>> paragraphs("One.\n\nTwo.")
        [(0, 4), (6, 10)]
    """
    return [m.span() for m in _PARAGRAPH.finditer(text) if not m.group().isspace()]


def sentences(
    text: str,
    protected: Sequence[tuple[int, int]] = (),
    paragraph_spans: Sequence[tuple[int, int]] | None = None,
) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of the sentences of ``text``, stripped of spaces.

    Args:
        text: Any string.
        protected: Sorted, non-overlapping ``(start, end)`` stretches (such as
            quotations) inside which no sentence ends.
        paragraph_spans: The text's :func:`paragraphs`, if already known.
    """
    starts = [s for s, _ in protected]
    result: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs(text) if paragraph_spans is None else paragraph_spans:
        start = p_start
        for m in _BOUNDARY.finditer(text, p_start, p_end):
            end = m.end()
            i = bisect.bisect_right(starts, end - 1) - 1
            if i >= 0 and protected[i][0] < end - 1 < protected[i][1] - 1:
                continue
            result.append(_strip(text, start, end))
            start = end
        if text[start:p_end].strip():
            result.append(_strip(text, start, p_end))
    return result


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class Segments:
    r"""Sentence and paragraph lookup by offset for one text.

    Example:
        >>> seg = Segments("A said this. B said that.\nC.")
        >>> seg.sentence_at(15), seg.paragraph_at(15)
        ((13, 25), (0, 25))
    """

    __slots__ = ("_p_starts", "_paragraphs", "_s_starts", "_sentences")

    def __init__(self, text: str, protected: Sequence[tuple[int, int]] = ()) -> None:
        self._paragraphs = paragraphs(text)
        self._sentences = sentences(text, protected, self._paragraphs)
        self._p_starts = [s for s, _ in self._paragraphs]
        self._s_starts = [s for s, _ in self._sentences]

    @property
    def sentence_spans(self) -> list[tuple[int, int]]:
        """Every sentence, in order."""
        return self._sentences

    @property
    def paragraph_spans(self) -> list[tuple[int, int]]:
        """Every paragraph, in order."""
        return self._paragraphs

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence at or before ``offset`` (-1 before the first)."""
        return bisect.bisect_right(self._s_starts, offset) - 1

    def paragraph_index(self, offset: int) -> int:
        """Index of the paragraph at or before ``offset`` (-1 before the first)."""
        return bisect.bisect_right(self._p_starts, offset) - 1

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The sentence containing ``offset`` (or the one before it)."""
        i = self.sentence_index(offset)
        return self._sentences[i] if i >= 0 else (0, 0)

    def paragraph_at(self, offset: int) -> tuple[int, int]:
        """The paragraph containing ``offset`` (or the one before it)."""
        i = self.paragraph_index(offset)
        return self._paragraphs[i] if i >= 0 else (0, 0)
