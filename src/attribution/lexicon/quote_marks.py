"""Quotation-mark pairs: which mark opens, which closes.

A pair whose opening and closing marks are the same string (``"…"``,
``'…'``, ``''…''``) is *symmetric*: whether one occurrence opens or closes is
read from its neighbours (a mark with a space before it and a letter after it
opens; the reverse closes). Asymmetric marks open or close whatever their
neighbours, so French spacing (``« Bonjour »``) works.

Besides the pairs of each typographic style, the defaults accept the mixed
pairs that careless typing produces in real news (``“no evidence"``,
``"more hours”``): a curly mark closed by a straight one and the reverse.

Example:
    >>> pairs = default_quote_marks()
    >>> sorted(pairs.closers_of("„"))
    ['“', '”']
    >>> QuoteMarks.extend(pairs, [MarkPair("⹂", "”", "reversed low-9")]).closers_of("⹂")
    frozenset({'”'})
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = ["DEFAULT_PAIRS", "ELISIONS", "MarkPair", "QuoteMarks", "default_quote_marks"]


@attrs.frozen(slots=True)
class MarkPair:
    """An opening mark, a closing mark that ends it, and a name for the style."""

    open: str
    close: str
    name: str

    @property
    def symmetric(self) -> bool:
        """True when the same mark opens and closes."""
        return self.open == self.close


DEFAULT_PAIRS: tuple[MarkPair, ...] = (
    MarkPair("“", "”", "curly double"),
    MarkPair("‘", "’", "curly single"),
    MarkPair('"', '"', "straight double"),
    MarkPair("'", "'", "straight single"),
    MarkPair("''", "''", "ASCII double (two apostrophes)"),
    MarkPair("``", "''", "TeX double (backticks, apostrophes)"),
    MarkPair("«", "»", "guillemets"),
    MarkPair("»", "«", "reversed guillemets"),
    MarkPair("‹", "›", "single guillemets"),
    MarkPair("›", "‹", "reversed single guillemets"),
    MarkPair("„", "“", "low-9 double"),
    MarkPair("„", "”", "low-9 double, curly close"),
    MarkPair("‚", "‘", "low-9 single"),
    MarkPair("‚", "’", "low-9 single, curly close"),
    MarkPair("“", "“", "curly double typed open-open (read from its neighbours)"),
    MarkPair("”", "”", "curly double typed close-close, as in Swedish"),
    MarkPair("“", '"', "curly open, straight close (mixed typing)"),
    MarkPair('"', "”", "straight open, curly close (mixed typing)"),
    MarkPair("‘", "'", "curly single open, straight close (mixed typing)"),
    MarkPair("'", "’", "straight single open, curly close (mixed typing)"),
    MarkPair("「", "」", "CJK corner bracket"),
    MarkPair("『", "』", "CJK white corner bracket"),
)


#: Words written with a leading apostrophe ('em, 'til, rock 'n' roll): after a
#: space, these apostrophes would otherwise look like opening marks.
ELISIONS: tuple[str, ...] = ("em", "til", "tis", "twas", "cause", "bout", "n", "round")


@attrs.frozen(slots=True)
class QuoteMarks:
    """A set of mark pairs, indexed for the parser.

    Build one with :func:`default_quote_marks` or :meth:`QuoteMarks.of`.
    """

    pairs: tuple[MarkPair, ...]
    _closers: dict[str, frozenset[str]] = attrs.field(init=False, repr=False, eq=False)
    _openers: frozenset[str] = attrs.field(init=False, repr=False, eq=False)
    _closing: frozenset[str] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        closers: dict[str, set[str]] = {}
        for pair in self.pairs:
            if not pair.open or not pair.close:
                raise ValueError(f"empty quotation mark in {pair!r}")
            closers.setdefault(pair.open, set()).add(pair.close)
        object.__setattr__(self, "_closers", {k: frozenset(v) for k, v in closers.items()})
        object.__setattr__(self, "_openers", frozenset(closers))
        object.__setattr__(self, "_closing", frozenset(p.close for p in self.pairs))

    @classmethod
    def of(cls, pairs: Iterable[MarkPair]) -> QuoteMarks:
        """Index the given pairs."""
        return cls(tuple(pairs))

    def extend(self, pairs: Iterable[MarkPair]) -> QuoteMarks:
        """A new set with ``pairs`` added."""
        return QuoteMarks(self.pairs + tuple(pairs))

    def closers_of(self, opener: str) -> frozenset[str]:
        """The marks that may close a quotation opened by ``opener``."""
        return self._closers.get(opener, frozenset())

    def can_open(self, mark: str) -> bool:
        """True if ``mark`` opens some pair."""
        return mark in self._openers

    def can_close(self, mark: str) -> bool:
        """True if ``mark`` closes some pair."""
        return mark in self._closing

    def is_symmetric(self, mark: str) -> bool:
        """True if ``mark`` both opens and closes one and the same pair."""
        return mark in self._closers.get(mark, frozenset())

    @property
    def marks(self) -> frozenset[str]:
        """Every opening and closing mark."""
        return self._openers | self._closing


def default_quote_marks() -> QuoteMarks:
    """The pairs listed in DESIGN.md: straight, curly, guillemets, low-9, CJK, ASCII."""
    return QuoteMarks(DEFAULT_PAIRS)
