"""Properties of :func:`attribution.find_quotes` that hold for every input."""

from __future__ import annotations

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from attribution import Quote, QuoteFinder, find_quotes
from attribution.lexicon.quote_marks import DEFAULT_PAIRS, MarkPair, default_quote_marks
from strategies import (
    QUOTE_CHARACTERS,
    article,
    plain_sentences,
    quote_heavy_text,
    quote_pairs,
    quoteless_text,
    sentences,
)

MARKS = default_quote_marks()
MODEST = settings(max_examples=150, deadline=None)

#: Where a quotation sits in a sentence; ``{q}`` is the quotation, marks included.
CONTEXTS = (
    "{q} she said.",
    "{q}, she said.",
    "She said {q}.",
    "She said: {q}",
    "{q}",
    "He agreed ({q}) and left.",
    "He said, {q} and left.",
    "Intro line.\n\n{q} she said.\n\nNext paragraph.",
)

_LINE_BREAK = regex.compile(r"[\n\u2029]\s*")


#: A result as plain data: offsets, marks, flag and nested quotations.
Shape = tuple[int, int, str, str, bool, list["Shape"]]


def _structure(quotes: tuple[Quote, ...]) -> list[Shape]:
    """A comparable form of a result, without attrs' recursive ``__eq__``."""
    return [
        (
            q.start,
            q.end,
            q.open_mark.text,
            q.close_mark.text,
            q.multi_paragraph,
            _structure(q.nested),
        )
        for q in quotes
    ]


def check_quotes(text: str, quotes: tuple[Quote, ...], *, top: bool = True) -> None:
    """Assert every invariant of a result of ``find_quotes(text)``, recursively."""
    previous_end = -1
    for q in quotes:
        assert 0 <= q.open_mark.start < q.open_mark.end == q.start
        assert q.start < q.end == q.close_mark.start < q.close_mark.end <= len(text)
        assert previous_end <= q.open_mark.start, "sorted and not overlapping"
        previous_end = q.close_mark.end
        assert text[q.start : q.end] == q.text
        assert text[q.open_mark.start : q.open_mark.end] == q.open_mark.text
        assert text[q.close_mark.start : q.close_mark.end] == q.close_mark.text
        assert q.close_mark.text in MARKS.closers_of(q.open_mark.text)
        assert q.text.strip(" \t\r\n" + QUOTE_CHARACTERS), "empty quotations are not quotations"
        breaks = list(_LINE_BREAK.finditer(q.text))
        assert q.multi_paragraph == bool(breaks)
        if breaks:
            assert top, "only a top-level quotation runs over paragraphs"
            for line_break in breaks:
                reopened = text[q.start + line_break.end() :]
                assert any(
                    reopened.startswith(m)
                    and MARKS.closers_of(m) == MARKS.closers_of(q.open_mark.text)
                    for m in MARKS.marks
                ), "each new paragraph reopens the quotation"
        for child in q.nested:
            assert q.start <= child.open_mark.start
            assert child.close_mark.end <= q.end
        check_quotes(text, q.nested, top=False)


@MODEST
@given(st.text(max_size=300))
def test_any_text_never_raises_and_keeps_invariants(text: str) -> None:
    check_quotes(text, find_quotes(text))


@MODEST
@given(quote_heavy_text())
@example("“‘“‘x’”’”")
@example("'\n'a'\n\n'b' '")
@example("“a “b” c\n\n“d” e”")
def test_quote_heavy_text_keeps_invariants(text: str) -> None:
    check_quotes(text, find_quotes(text))


@MODEST
@given(st.lists(st.one_of(sentences(), quote_heavy_text(12)), max_size=8), st.data())
def test_article_like_text_keeps_invariants(parts: list[str], data: st.DataObject) -> None:
    separator = st.sampled_from([" ", "\n\n", "\n", " “", "” "])
    separators = data.draw(st.lists(separator, min_size=len(parts), max_size=len(parts)))
    text = "".join(p + s for p, s in zip(parts, separators, strict=True))
    check_quotes(text, find_quotes(text))


@MODEST
@given(quote_heavy_text(120))
def test_result_is_deterministic(text: str) -> None:
    first = _structure(find_quotes(text))
    assert _structure(find_quotes(text)) == first
    assert _structure(QuoteFinder().find(text)) == first


@MODEST
@given(quoteless_text())
def test_text_without_quote_characters_has_no_quotes(text: str) -> None:
    assert find_quotes(text) == ()


@MODEST
@given(plain_sentences(), quote_pairs(), st.sampled_from(CONTEXTS))
@example("Russia’s troops can’t stay", MarkPair("‘", "’", "curly single"), "{q} she said.")
@example("The Joneses", MarkPair("'", "'", "straight single"), "{q} she said.")
def test_wrapped_sentence_is_found_exactly(sentence: str, pair: MarkPair, context: str) -> None:
    text = context.format(q=pair.open + sentence + pair.close)
    quotes = find_quotes(text)
    check_quotes(text, quotes)
    assert [(q.text, q.open_mark.text, q.close_mark.text) for q in quotes] == [
        (sentence, pair.open, pair.close)
    ]
    assert text.index(pair.open + sentence) == quotes[0].open_mark.start


@MODEST
@given(st.lists(plain_sentences(apostrophes=False), min_size=2, max_size=4), quote_pairs())
def test_multi_paragraph_quotation_is_one_quote(paragraphs: list[str], pair: MarkPair) -> None:
    body = ("\n\n" + pair.open).join(paragraphs)
    text = f"She said:\n\n{pair.open}{body}{pair.close} Then she left."
    quotes = find_quotes(text)
    check_quotes(text, quotes)
    assert [(q.text, q.multi_paragraph) for q in quotes] == [(body, True)]


@pytest.mark.parametrize("pair", DEFAULT_PAIRS, ids=[p.name for p in DEFAULT_PAIRS])
def test_article_in_another_style_gives_the_same_quotes(pair: MarkPair) -> None:
    original = article()
    expected = [q.text for q in find_quotes(original)]
    assert len(expected) == 17
    swapped = original.replace("“", "\0").replace("”", pair.close).replace("\0", pair.open)
    quotes = find_quotes(swapped)
    check_quotes(swapped, quotes)
    assert [q.text for q in quotes] == expected
    assert {(q.open_mark.text, q.close_mark.text) for q in quotes} == {(pair.open, pair.close)}


@MODEST
@given(plain_sentences(apostrophes=False), st.sampled_from(QUOTE_CHARACTERS), st.data())
def test_one_stray_mark_does_not_hide_a_later_quote(
    sentence: str, stray: str, data: st.DataObject
) -> None:
    pair = data.draw(quote_pairs())
    text = f"A {stray}stray mark.\n\nShe said {pair.open}{sentence}{pair.close} today."
    quotes = find_quotes(text)
    check_quotes(text, quotes)
    assert [q.text for q in quotes] == [sentence]


@MODEST
@given(st.integers(1, 50), st.sampled_from(["“", "‘", '"', "«", "„", "「"]))
def test_unclosed_openers_stay_in_their_paragraph(count: int, opener: str) -> None:
    text = f"She {opener}said " * count + "\n\nLater “a real quote” came."
    assert [q.text for q in find_quotes(text)] == ["a real quote"]
