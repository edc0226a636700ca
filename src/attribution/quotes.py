"""Find quotations: pair opening and closing marks in one linear pass.

One compiled pattern finds every candidate mark (apostrophes inside words,
decades such as ``’90s``, elisions such as ``'em`` and measurements such as
``6' 2"`` are skipped by the pattern itself). A stack then pairs the marks:

* A mark that both opens and closes (``"``, ``'``, ``''``) is read from its
  neighbours: a space before and a letter after opens, the reverse closes.
  When both readings fit, it closes, unless nothing but marks and spaces
  stand between it and the mark it would close (``“‘“`` opens three times).
* A closing mark closes the innermost open quotation it can close; marks
  opened above it and never closed are dropped (their inner quotations are
  kept), so an unbalanced mark never hides the well-formed quotes after it.
* A quotation whose content holds nothing but spaces and marks is no
  quotation (``“”``, ``" "``).
* A line break ends a paragraph and every quotation still open in it, except
  when the next paragraph starts by reopening the outermost one: that is the
  newspaper convention for a quotation running over several paragraphs. An
  open mark with a quotation of its own style closed inside it (``“a “b” c``)
  is taken as unclosed instead, and does not carry over.
* An apostrophe after an ``s`` and before a word (``the Smiths’ farm``) may be
  a plural possessive rather than a closing mark. It closes tentatively: if a
  clear closing mark for the same opener follows with nothing left open for
  it, the quotation is extended to that mark (``‘We love the Smiths’ farm,’
  he said.``).
* At most :attr:`QuoteFinder.max_depth` marks are open at once; one more
  drops the outermost as unclosed.

Every step is constant work per mark (at most ``max_depth`` steps for a
closing mark), and every character is searched at most ``max_depth`` times,
so time and memory are linear in the text.

Example:
    >>> [q.text for q in find_quotes("“He said ‘no’ twice,” she said.")]
    ['He said ‘no’ twice,']
    >>> find_quotes("“He said ‘no’ twice,” she said.")[0].nested[0].text
    'no'
    >>> find_quotes("Russia’s troops can’t stay, the Joneses' lawyer said.")
    ()
"""

from __future__ import annotations

import itertools
import operator

import attrs
import regex

from attribution.lexicon.quote_marks import ELISIONS, QuoteMarks, default_quote_marks
from attribution.model import Quote, Span

__all__ = ["QuoteFinder", "find_quotes"]

#: A mark followed by one of these does not open a quotation (``« Bonjour »,``).
_CLOSING_PUNCT = frozenset(",.;:!?)]}")

#: Marks that are also apostrophes: never quote marks between two letters.
_APOSTROPHES = frozenset({"'", "’"})

_START = operator.attrgetter("start")

# Group number of the scanning pattern's stretches to skip.
_SKIP = 1
_SPACES = regex.compile(r"\s*")

# How a mark is read from its neighbours.
_OPEN, _CLOSE, _EITHER, _WEAK_CLOSE = range(4)


@attrs.define(slots=True)
class _Open:
    """A mark on the stack, with the quotations closed inside it so far."""

    mark: str
    start: int
    end: int
    children: list[Quote]
    multi_paragraph: bool = False
    #: The last child, if it was closed by a possible plural possessive
    #: (``Smiths’ farm``): its index in ``children`` and its opening mark.
    tentative: tuple[int, _Open] | None = None
    #: True once a quotation opened by the same mark closed inside this one
    #: (``“a “b” c``): this mark is then more likely unclosed than reopened.
    same_mark_inside: bool = False
    #: Offset up to which the text after the mark holds only spaces and marks.
    scanned: int = 0


@attrs.frozen(slots=True)
class _MarkInfo:
    """What the parser needs to know about one mark, looked up once per match."""

    opens: bool
    #: The opening marks this mark closes (empty if it closes nothing).
    openers: frozenset[str]
    #: The marks that close what this mark opens: paragraphs reopen with the same.
    style: frozenset[str]
    apostrophe: bool


def _compile(marks: QuoteMarks) -> regex.Pattern[str]:
    alternatives = []
    for mark in sorted(marks.marks, key=lambda m: (-len(m), m)):
        escaped = regex.escape(mark)
        if mark in _APOSTROPHES:
            # An apostrophe inside a word (can't, Russia's, o'clock) is never a mark.
            escaped = rf"(?:(?<![\p{{L}}\p{{N}}]){escaped}|{escaped}(?![\p{{L}}]))"
        alternatives.append(escaped)
    elisions = "|".join(regex.escape(e) for e in ELISIONS)
    skip = (
        r"\d{1,2}['’′]\s?\d{1,2}(?:\.\d+)?[\"”″]"  # 6' 2"
        r"|(?<=\s)['‘’]n['’](?=\s)"  # rock 'n' roll
        rf"|(?<![\p{{L}}\p{{N}}])['‘’](?i:{elisions})\b"  # 'em, 'til
        r"|['‘’](?=\d\d(?!\d))"  # ’90s
    )
    return regex.compile(rf"({skip})|(?:{'|'.join(alternatives)})")


@attrs.frozen(slots=True)
class QuoteFinder:
    """A quote parser for one set of mark pairs; compiled once, reusable.

    Attributes:
        marks: The quotation-mark pairs to recognise.
        max_depth: How many quotation marks may be open at once. When one
            more opens, the outermost open mark is dropped as unclosed (its
            inner quotations are kept). Real text nests a few levels deep;
            the bound keeps time and memory linear on pathological input,
            where every level of nesting would copy the text inside it.

    Example:
        >>> finder = QuoteFinder()
        >>> [q.text for q in finder.find("«Oui», dit-il. „Ja“, sagte er.")]
        ['Oui', 'Ja']
    """

    marks: QuoteMarks = attrs.field(factory=default_quote_marks)
    max_depth: int = attrs.field(default=16, validator=attrs.validators.ge(1))
    _pattern: regex.Pattern[str] = attrs.field(init=False, repr=False, eq=False)
    _info: dict[str, _MarkInfo] = attrs.field(init=False, repr=False, eq=False)
    _substance: regex.Pattern[str] = attrs.field(init=False, repr=False, eq=False)
    _mark_chars: frozenset[str] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        marks = self.marks
        object.__setattr__(self, "_pattern", _compile(marks))
        openers: dict[str, set[str]] = {}
        for pair in marks.pairs:
            openers.setdefault(pair.close, set()).add(pair.open)
        info = {
            mark: _MarkInfo(
                opens=marks.can_open(mark),
                openers=frozenset(openers.get(mark, ())),
                style=marks.closers_of(mark),
                apostrophe=mark in _APOSTROPHES,
            )
            for mark in marks.marks
        }
        object.__setattr__(self, "_info", info)
        # Content needs one character that is neither a space nor part of a mark.
        mark_chars = frozenset("".join(marks.marks))
        object.__setattr__(self, "_mark_chars", mark_chars)
        escaped = "".join(regex.escape(c) for c in sorted(mark_chars))
        object.__setattr__(self, "_substance", regex.compile(rf"[^\s{escaped}]"))

    def find(self, text: str) -> tuple[Quote, ...]:
        """The top-level quotations of ``text`` in order, each with its nested ones.

        Args:
            text: Any string; it is never modified.

        Returns:
            The top-level quotations sorted by offset.
        """
        quotes = self._scan(text)
        quotes.sort(key=_START)  # quotations kept from dropped marks come late
        return tuple(quotes)

    def _scan(self, text: str) -> list[Quote]:
        info = self._info
        max_depth = self.max_depth
        has_substance = self._substance.search
        mark_chars = self._mark_chars
        closing_punct = _CLOSING_PUNCT
        n = len(text)
        root = _Open("", 0, 0, [])  # holds the top-level quotations
        top = root.children
        stack: list[_Open] = []
        pending: _Open | None = None  # outermost quotation left open by the last paragraph
        paragraph_start = 0
        last = 0  # where the previous match ended
        find, rfind = text.find, text.rfind
        separators = "\u2029" in text  # the paragraph separator, besides line breaks

        # Paragraph breaks are looked for between two matches, not matched one by
        # one: a text's many line breaks cost nothing where no quotation is open.
        for match in itertools.chain(self._pattern.finditer(text), (None,)):
            start, end = (n, n) if match is None else match.span()
            newline = find("\n", last, start)
            if separators:
                other = find("\u2029", last, start)
                newline = other if newline < 0 or 0 <= other < newline else newline
            if newline >= 0:
                root.tentative = None
                pending = _end_paragraph(stack, top, pending)
                paragraph_start = _after_spaces(text, newline + 1)
                final = rfind("\n", last, start)
                if separators:
                    final = max(final, rfind("\u2029", last, start))
                if final >= paragraph_start:  # a paragraph without marks lay between
                    pending = _end_paragraph(stack, top, pending)
                    paragraph_start = _after_spaces(text, final + 1)
            last = end
            if match is None:
                break
            if match.lastindex == _SKIP:
                continue

            mark = match.group()
            mark_info = info[mark]
            if pending is not None:
                if start == paragraph_start and mark_info.style == info[pending.mark].style:
                    pending.multi_paragraph = True  # the newspaper convention
                    stack.append(pending)
                    pending = None
                    continue
                top.extend(pending.children)
                pending = None

            openers = mark_info.openers
            before = text[start - 1] if start else " "
            after = text[end] if end < n else " "
            may_open = not after.isspace() and after not in closing_punct and not before.isalnum()
            if not openers:
                action = _OPEN
            else:
                may_close = not before.isspace() and not after.isalnum()
                if not mark_info.opens:
                    action = _WEAK_CLOSE if may_open and not may_close else _CLOSE
                elif may_close:
                    action = _EITHER if may_open else _CLOSE
                else:
                    action = _OPEN if may_open else _EITHER

            if action != _OPEN:
                depth = len(stack) - 1
                while depth >= 0 and stack[depth].mark not in openers:
                    depth -= 1
                if depth >= 0:
                    opener = stack[depth]
                    content = opener.end
                    scanned = opener.scanned if opener.scanned > content else content
                    if action == _EITHER and (
                        scanned == start or has_substance(text, scanned, start) is None
                    ):
                        # Nothing but marks since the opener (``“‘“``): open again.
                        opener.scanned = start  # so no stretch is searched twice
                    else:
                        while len(stack) > depth + 1:  # unclosed marks inside go
                            opener.children.extend(stack.pop().children)
                        stack.pop()
                        parent = stack[-1] if stack else root
                        if parent.mark == opener.mark:
                            parent.same_mark_inside = True
                        first = text[content]  # at worst the closing mark itself
                        if (first in mark_chars or first.isspace()) and has_substance(
                            text, content, start
                        ) is None:
                            parent.children.extend(opener.children)  # not a quotation
                            continue
                        if (
                            mark_info.apostrophe
                            and before in "sS"
                            and after.isspace()
                            and end + 1 < n
                            and text[end + 1].isalnum()
                        ):
                            # Perhaps a plural possessive (``the Smiths’ farm``).
                            parent.tentative = (len(parent.children), opener)
                        parent.children.append(
                            Quote(
                                content,
                                start,
                                text[content:start],
                                Span(opener.start, content, opener.mark),
                                Span(start, end, mark),
                                _ordered(opener.children),
                                opener.multi_paragraph,
                            )
                        )
                        continue
                elif action == _EITHER:
                    pass  # nothing to close: it opens
                else:
                    parent = stack[-1] if stack else root
                    tentative = parent.tentative
                    if (
                        tentative is not None
                        and action == _CLOSE
                        and tentative[1].mark in openers
                        and not before.isdigit()
                        and not (
                            mark_info.apostrophe
                            and before in "sS"
                            and after.isspace()
                            and end + 1 < n
                            and text[end + 1].isalnum()
                        )
                    ):
                        # The earlier closing mark was a possessive: this one closes.
                        index, opener = tentative
                        parent.tentative = None
                        siblings = parent.children
                        nested = _ordered([*siblings[index].nested, *siblings[index + 1 :]])
                        del siblings[index:]
                        siblings.append(
                            Quote(
                                opener.end,
                                start,
                                text[opener.end : start],
                                Span(opener.start, opener.end, opener.mark),
                                Span(start, end, mark),
                                nested,
                                opener.multi_paragraph,
                            )
                        )
                    continue  # a stray closing mark is ignored

            if len(stack) == max_depth:
                # Too deep to be real nesting: the outermost mark goes as unclosed.
                top.extend(stack.pop(0).children)
            stack.append(_Open(mark, start, end, []))

        if pending is not None:
            top.extend(pending.children)
        while stack:
            top.extend(stack.pop().children)
        return top


def _after_spaces(text: str, at: int) -> int:
    m = _SPACES.match(text, at)
    return at if m is None else m.end()


def _end_paragraph(stack: list[_Open], top: list[Quote], pending: _Open | None) -> _Open | None:
    """Close a paragraph; return the quotation it leaves open (the newspaper convention).

    The quotation left open by the paragraph before ends now; the outermost mark
    still open may go on in the next paragraph, marks inside it do not.
    """
    if pending is not None:
        top.extend(pending.children)
        pending = None
    if stack:
        bottom = stack[0]
        while len(stack) > 1:
            bottom.children.extend(stack.pop().children)
        stack.clear()
        bottom.tentative = None
        if bottom.same_mark_inside:
            top.extend(bottom.children)
        else:
            pending = bottom
    return pending


def _ordered(quotes: list[Quote]) -> tuple[Quote, ...]:
    """``quotes`` in text order (quotes hoisted out of dropped marks can arrive late)."""
    if all(a.start < b.start for a, b in itertools.pairwise(quotes)):
        return tuple(quotes)
    return tuple(sorted(quotes, key=lambda q: q.start))


_DEFAULT_FINDER = QuoteFinder()


def find_quotes(text: str) -> tuple[Quote, ...]:
    """Find the quotations in ``text``, without attributing them.

    Args:
        text: Any string.

    Returns:
        The top-level quotations in text order. ``start``/``end`` delimit the
        content, marks excluded; nested quotations are in ``Quote.nested``.

    Example:
        >>> quotes = find_quotes('"Either we take back these territories," Putin said.')
        >>> quotes[0].text, quotes[0].open_mark.text
        ('Either we take back these territories,', '"')
    """
    return _DEFAULT_FINDER.find(text)
