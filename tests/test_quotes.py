"""Golden cases for :func:`attribution.find_quotes`, read from ``cases/quotes.json``.

Each case gives a text and the contents of its top-level quotations in text
order. Optional keys:

* ``nested``: one list per top-level quotation with its nested quotations,
  each a content string, or ``{"text": ..., "nested": [...]}`` when it has
  nested quotations of its own. Without the key, no quotation may have any.
* ``multi_paragraph``: one flag per top-level quotation (default all false).
* ``marks``: one ``[open, close]`` pair per top-level quotation.
* ``xfail``: why the parser gets the case wrong; the test must then fail.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from attribution import Quote, QuoteFinder, find_quotes
from attribution.lexicon.quote_marks import MarkPair, QuoteMarks, default_quote_marks

CASES_PATH = Path(__file__).parent / "cases" / "quotes.json"
CASES: list[dict[str, Any]] = json.loads(CASES_PATH.read_text(encoding="utf-8"))


def _params() -> list[Any]:
    params = []
    for case in CASES:
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
        params.append(pytest.param(case, id=case["id"], marks=marks))
    return params


def _tree(quote: Quote) -> str | dict[str, Any]:
    """A quotation's nested quotations in the table's notation."""
    if not quote.nested:
        return quote.text
    return {"text": quote.text, "nested": [_tree(q) for q in quote.nested]}


def _check_offsets(text: str, quotes: tuple[Quote, ...]) -> None:
    for q in quotes:
        assert text[q.start : q.end] == q.text
        assert text[q.open_mark.start : q.open_mark.end] == q.open_mark.text
        assert text[q.close_mark.start : q.close_mark.end] == q.close_mark.text
        assert q.open_mark.end == q.start
        assert q.close_mark.start == q.end
        _check_offsets(text, q.nested)


@pytest.mark.parametrize("case", _params())
def test_golden(case: dict[str, Any]) -> None:
    text = case["text"]
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == case["expected"]
    _check_offsets(text, quotes)
    nested = [[_tree(n) for n in q.nested] for q in quotes]
    assert nested == case.get("nested", [[] for _ in quotes])
    flags = [q.multi_paragraph for q in quotes]
    assert flags == case.get("multi_paragraph", [False for _ in quotes])
    if "marks" in case:
        assert [[q.open_mark.text, q.close_mark.text] for q in quotes] == case["marks"]


def test_table_ids_are_unique_and_readable() -> None:
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids))
    assert all(" " not in i and "/" in i for i in ids)


def test_table_covers_every_quote_of_the_article() -> None:
    article = (Path(__file__).parent / "cases" / "article.txt").read_text(encoding="utf-8")
    (whole,) = [case for case in CASES if case["text"] == article]
    assert len(whole["expected"]) == 17
    per_paragraph = [
        content
        for case in CASES
        if case["id"].startswith("article/") and case is not whole
        for content in case["expected"]
    ]
    assert per_paragraph == whole["expected"]


def test_finder_object_matches_function() -> None:
    finder = QuoteFinder()
    for case in CASES:
        expected = [(q.start, q.end) for q in find_quotes(case["text"])]
        assert [(q.start, q.end) for q in finder.find(case["text"])] == expected


def _nesting(depth: int) -> str:
    opening = "“‘" * (depth // 2) + "“" * (depth % 2)
    closing = "”" * (depth % 2) + "’”" * (depth // 2)
    return opening + "x" + closing


def _levels(quotes: tuple[Quote, ...]) -> tuple[int, str]:
    """Depth of a chain of single nested quotations, and the innermost text."""
    (quote,) = quotes
    levels = 1
    while quote.nested:
        (quote,) = quote.nested
        levels += 1
    return levels, quote.text


@pytest.mark.parametrize("depth", [1, 2, 3, 7, 16])
def test_nesting_within_the_bound_is_kept(depth: int) -> None:
    assert _levels(find_quotes(_nesting(depth))) == (depth, "x")


def test_nesting_bound_is_configurable() -> None:
    assert _levels(QuoteFinder(max_depth=100).find(_nesting(99))) == (99, "x")


def test_deep_nesting_keeps_the_innermost_levels() -> None:
    text = _nesting(20_000)
    quotes = find_quotes(text)
    assert _levels(quotes) == (QuoteFinder().max_depth, "x")
    assert quotes[0].open_mark.start == 20_000 - QuoteFinder().max_depth


def test_unclosed_marks_are_dropped_without_hiding_later_quotes() -> None:
    text = "“" * 5_000 + " “real” " + "‘" * 5_000 + "\n\nafter “two”"
    assert [q.text for q in find_quotes(text)] == ["real", "two"]


def test_custom_marks_extend_and_replace_the_defaults() -> None:
    text = "⹂Ja”, sagte er. “Yes,” he said. «Oui», dit-il."
    extended = QuoteFinder(default_quote_marks().extend([MarkPair("⹂", "”", "reversed low-9")]))
    assert [q.text for q in extended.find(text)] == ["Ja", "Yes,", "Oui"]
    only_guillemets = QuoteFinder(QuoteMarks.of([MarkPair("«", "»", "guillemets")]))
    assert [q.text for q in only_guillemets.find(text)] == ["Oui"]


def test_finder_rejects_a_depth_below_one() -> None:
    with pytest.raises(ValueError, match="max_depth"):
        QuoteFinder(max_depth=0)
