"""Shared hypothesis strategies: article-like sentences, words, quote-mark pairs.

The sentences come from ``cases/article.txt`` (a news article with curly
quotes) and from generated words, so property tests run on text that looks
like news as well as on text nobody would write.

Example:
    >>> from hypothesis import find
    >>> find(quote_pairs(), lambda pair: pair.open == "«").close
    '»'
"""

from __future__ import annotations

import functools
from pathlib import Path

import regex
from hypothesis import assume
from hypothesis import strategies as st

from attribution.lexicon.quote_marks import DEFAULT_PAIRS, ELISIONS, MarkPair

__all__ = [
    "APOSTROPHE_WORDS",
    "ARTICLE_PATH",
    "QUOTE_CHARACTERS",
    "article",
    "article_paragraphs",
    "article_sentences",
    "plain_sentences",
    "quote_heavy_text",
    "quote_pairs",
    "quoteless_text",
    "sentences",
    "strip_quotes",
    "words",
]

ARTICLE_PATH = Path(__file__).parent / "cases" / "article.txt"

#: Every character that takes part in a default quotation mark.
QUOTE_CHARACTERS = "".join(sorted({c for pair in DEFAULT_PAIRS for c in pair.open + pair.close}))

#: Words with apostrophes that are not quotation marks.
APOSTROPHE_WORDS = (
    "Russia’s",
    "can’t",
    "mustn't",
    "the ’90s",
    "the '80s",
    "rock ’n’ roll",
    "rock 'n' roll",
    "o'clock",
    "Ukraine's",
    "it’s",
    "they'll",
)

_SENTENCE_END = regex.compile(r"(?<=[.!?][”\"’']?)\s+(?=[“\"‘']?\p{Lu})")
_QUOTE_MARK = regex.compile(
    r"(?<![\p{L}\p{N}])[‘’'](?![\p{L}\p{N}])|[“”\"«»‹›„‚「」『』`]"
    r"|(?<![\p{L}\p{N}])‘|’(?![\p{L}\p{N}])"
)


@functools.cache
def article() -> str:
    """The article text, exactly as stored."""
    return ARTICLE_PATH.read_text(encoding="utf-8")


@functools.cache
def article_paragraphs() -> tuple[str, ...]:
    """The non-empty paragraphs of the article."""
    return tuple(p for p in article().split("\n") if p.strip())


@functools.cache
def _article_sentence_list() -> tuple[str, ...]:
    return tuple(s for p in article_paragraphs() for s in _SENTENCE_END.split(p) if s.strip())


def strip_quotes(text: str) -> str:
    """``text`` without its quotation marks; apostrophes inside words stay.

    Example:
        >>> strip_quotes("Trump said the talks were “reasonably good”, adding it’s late.")
        'Trump said the talks were reasonably good, adding it’s late.'
    """
    return _QUOTE_MARK.sub("", text)


def article_sentences(*, quotes: bool = True) -> st.SearchStrategy[str]:
    """A sentence of the article, with its quotation marks or (``quotes=False``) without."""
    choices = _article_sentence_list()
    if not quotes:
        choices = tuple(dict.fromkeys(strip_quotes(s) for s in choices))
    return st.sampled_from(choices)


def words(*, apostrophes: bool = False) -> st.SearchStrategy[str]:
    """A word of letters (Latin, accented, Cyrillic, CJK) or a number.

    Args:
        apostrophes: Also draw words such as ``can’t`` and ``rock ’n’ roll``.
    """
    letters = st.sampled_from("abcdefghijklmnopqrstuvwxyzéüçøßдаж")
    plain = st.one_of(
        st.text(letters, min_size=1, max_size=10),
        st.text(st.sampled_from("日本語中文字"), min_size=1, max_size=4),
        st.integers(0, 10**6).map(str),
    )
    if apostrophes:
        return st.one_of(plain, st.sampled_from(APOSTROPHE_WORDS))
    return plain


@st.composite
def _generated_sentence(draw: st.DrawFn, apostrophes: bool) -> str:
    first = draw(st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZÉ"))
    rest = draw(st.lists(words(apostrophes=apostrophes), min_size=0, max_size=12))
    joints = st.sampled_from([" ", " ", " ", ", ", " – ", "; "])
    separators = draw(st.lists(joints, min_size=len(rest), max_size=len(rest)))
    body = first + draw(st.text(st.sampled_from("aeiourst"), max_size=6))
    # ``'Tis``, ``'Cause``: after an apostrophe, an elided word is read as an elision.
    assume(body.lower() not in ELISIONS)
    for separator, word in zip(separators, rest, strict=True):
        body += separator + word
    return body + draw(st.sampled_from(["", ".", ",", "!", "?", "…"]))


def plain_sentences(*, apostrophes: bool = True) -> st.SearchStrategy[str]:
    """A sentence with no quotation marks: an article sentence stripped of them, or generated.

    It starts with a capital letter (never an elided word such as ``Tis``)
    and ends with a letter, a digit or punctuation; with ``apostrophes`` it
    may hold words such as ``can’t``.
    """
    generated = _generated_sentence(apostrophes)
    if not apostrophes:
        return st.one_of(
            article_sentences(quotes=False).filter(lambda s: "’" not in s and "'" not in s),
            generated,
        )
    return st.one_of(article_sentences(quotes=False), generated)


def sentences() -> st.SearchStrategy[str]:
    """Any sentence: from the article (quotes and all), stripped of quotes, or generated."""
    return st.one_of(article_sentences(), plain_sentences())


def quote_pairs() -> st.SearchStrategy[MarkPair]:
    """One of the default quotation-mark pairs."""
    return st.sampled_from(DEFAULT_PAIRS)


def quote_heavy_text(max_size: int = 80) -> st.SearchStrategy[str]:
    """Strings dense in quotation marks, apostrophes, spaces, letters and line breaks."""
    alphabet = st.sampled_from(QUOTE_CHARACTERS + "′″ \n\n\r\u2029 ,.:;!?()aAs5–")
    return st.text(alphabet, max_size=max_size)


def quoteless_text(max_size: int = 200) -> st.SearchStrategy[str]:
    """Any text without a character of any default quotation mark."""
    return st.text(
        st.characters(exclude_characters=QUOTE_CHARACTERS, exclude_categories=["Cs"]),
        max_size=max_size,
    )
