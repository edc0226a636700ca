"""Golden cases for attribution: the article's 17 quotes and sentences of our own."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from attribution import Attributor, CueLexicon, attribute
from attribution.model import Quote
from strategies import article

CASES = json.loads((Path(__file__).parent / "cases" / "attribution.json").read_text("utf-8"))


def _param(case: dict[str, Any]) -> Any:
    """A table row as a test case; a row with an ``xfail`` reason is a known failure."""
    marks = []
    if "xfail" in case:
        marks.append(pytest.mark.xfail(strict=True, reason=case["xfail"]))
    return pytest.param(case, id=case["id"], marks=marks)


@pytest.fixture(scope="module")
def article_quotes() -> tuple[Quote, ...]:
    return attribute(article()).quotes


def test_article_has_seventeen_quotes(article_quotes: tuple[Quote, ...]) -> None:
    assert len(article_quotes) == len(CASES["article"]) == 17


@pytest.mark.parametrize("case", [_param(c) for c in CASES["article"]])
def test_article_quote(case: dict[str, Any], article_quotes: tuple[Quote, ...]) -> None:
    index = [c["id"] for c in CASES["article"]].index(case["id"])
    quote = article_quotes[index]
    assert quote.text.startswith(case["quote"])
    assert quote.speaker is not None
    assert quote.speaker.name == case["speaker"]
    assert quote.speaker.mention.text == case["mention"]
    assert quote.speaker.kind.value == case["kind"]
    assert quote.cue is not None
    assert quote.cue.text == case["cue"]
    assert quote.rule == case["rule"]


@pytest.mark.parametrize("case", [_param(c) for c in CASES["sentences"]])
def test_sentence(case: dict[str, Any]) -> None:
    text = case["text"]
    quotes = attribute(text).quotes
    if "quotes" in case:
        got = [(q.speaker.name.split()[-1] if q.speaker else None, q.rule) for q in quotes]
        assert got == [tuple(pair) for pair in case["quotes"]]
        return
    assert len(quotes) == 1
    quote = quotes[0]
    if case["speaker"] is None:
        assert quote.speaker is None
        assert quote.rule is None
        assert quote.confidence is None
        return
    assert quote.speaker is not None
    assert quote.speaker.name == case["speaker"]
    if "mention" in case:
        assert quote.speaker.mention.text == case["mention"]
    if "kind" in case:
        assert quote.speaker.kind.value == case["kind"]
    if "cue" in case:
        assert quote.cue is not None
        assert quote.cue.text == case["cue"]
    assert quote.rule == case["rule"]


def test_every_span_indexes_the_text(article_quotes: tuple[Quote, ...]) -> None:
    text = article()
    for quote in article_quotes:
        assert text[quote.start : quote.end] == quote.text
        assert quote.speaker is not None
        assert quote.cue is not None
        mention = quote.speaker.mention
        assert text[mention.start : mention.end] == mention.text
        assert text[quote.cue.start : quote.cue.end] == quote.cue.text


def test_to_dict_follows_the_schema(article_quotes: tuple[Quote, ...]) -> None:
    first = attribute(article()).to_dict()["quotes"][0]
    assert set(first) == {
        "start",
        "end",
        "text",
        "speaker",
        "cue",
        "confidence",
        "evidence",
        "rule",
    }
    assert set(first["speaker"]) == {"name", "start", "end", "kind"}
    assert set(first["cue"]) == {"text", "start", "end"}
    assert first["speaker"]["name"] == "Vladimir Putin"
    assert first["rule"] == "adjacent"


def test_user_speech_verb_extends_the_lexicon() -> None:
    text = "“Too slow,” the coach groused."
    assert attribute(text).quotes[0].speaker is None
    custom = Attributor(cues=CueLexicon().extend(verbs=["grouse"]))
    quote = custom.attribute(text).quotes[0]
    assert quote.speaker is not None
    assert quote.speaker.name == "the coach"
    assert quote.cue is not None
    assert quote.cue.text == "groused"


@pytest.mark.parametrize("bad", [b"bytes", None, 42, ["a list"]])
def test_non_text_input_is_a_clear_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="needs str"):
        attribute(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", " ", "\n\n", "“", "”", "\x00\x01", "“" * 50])
def test_degenerate_text_gives_no_quotes(text: str) -> None:
    assert attribute(text).quotes == ()
