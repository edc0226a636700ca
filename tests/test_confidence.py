"""The confidence stage: direct, reported or denied, and the evidence for it.

The golden table ``cases/confidence.json`` holds the article's 17 quotes
(``article``) and short texts of our own (``cases``). Each expected quote
gives a piece of its text, its speaker (canonical name, the mention as
written, kind), its cue, its label and the words that must be evidence.

The table is checked twice:

* against :func:`assign_confidence` alone, with the speaker and cue built by
  hand from the table (so the stage is tested whatever the attribution
  stages do), and
* end to end through :func:`attribution.pipeline.attribute`. A case the
  attribution stages get wrong carries ``xfail`` (end to end only) with the
  reason; the test must then fail.

Evidence is compared by words: each expected string must lie inside one
evidence span, and each evidence span must hold one expected string. A
``direct`` quote has no evidence.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest
import regex

from attribution.confidence import DEFAULT_LEXICON, ConfidenceLexicon, assign_confidence
from attribution.lexicon.denials import DenialLexicon
from attribution.lexicon.hedges import HedgeLexicon
from attribution.model import Confidence, Cue, Quote, Span, Speaker, SpeakerKind
from attribution.pipeline import attribute
from attribution.quotes import find_quotes
from attribution.segment import Segments

CASES_PATH = Path(__file__).parent / "cases" / "confidence.json"
ARTICLE_PATH = Path(__file__).parent / "cases" / "article.txt"
TABLE: dict[str, Any] = json.loads(CASES_PATH.read_text(encoding="utf-8"))
ARTICLE = ARTICLE_PATH.read_text(encoding="utf-8")


# -- building attributed quotes by hand --------------------------------------


def _occurrences(text: str, needle: str, quotes: Sequence[Quote]) -> list[int]:
    """Offsets of ``needle`` as whole words, outside every quotation."""
    pattern = regex.compile(rf"(?<![\p{{L}}\p{{N}}]){regex.escape(needle)}(?![\p{{L}}\p{{N}}])")
    return [
        m.start()
        for m in pattern.finditer(text)
        if not any(q.outer_start <= m.start() < q.outer_end for q in quotes)
    ]


def _nearest(text: str, needle: str, pos: int, quotes: Sequence[Quote], segments: Segments) -> int:
    """The occurrence of ``needle`` nearest ``pos``, in ``pos``'s sentence if there is one."""
    found = _occurrences(text, needle, quotes)
    assert found, f"{needle!r} not found outside quotations"
    sentence = segments.sentence_at(pos)
    same = [i for i in found if sentence[0] <= i < sentence[1]]
    return min(same or found, key=lambda i: abs(i - pos))


def build(text: str, specs: Sequence[dict[str, Any]]) -> tuple[tuple[Quote, ...], Segments]:
    """The quotes of ``text``, attributed as ``specs`` say (nearest mention and cue)."""
    quotes = find_quotes(text)
    segments = Segments(text, [(q.outer_start, q.outer_end) for q in quotes])
    built = []
    for quote in quotes:
        matching = [s for s in specs if s["quote"] in quote.text]
        if not matching:
            built.append(quote)
            continue
        spec = max(matching, key=lambda s: len(s["quote"]))
        at = _nearest(text, spec["mention"], quote.outer_start, quotes, segments)
        mention = Span.of(text, at, at + len(spec["mention"]))
        speaker = Speaker(spec["speaker"], mention, SpeakerKind(spec.get("kind", "person")))
        cue = None
        if spec.get("cue"):
            c = _nearest(text, spec["cue"], quote.outer_start, quotes, segments)
            cue = Cue(c, c + len(spec["cue"]), spec["cue"])
        built.append(attrs.evolve(quote, speaker=speaker, cue=cue))
    return tuple(built), segments


def label(text: str, specs: Sequence[dict[str, Any]]) -> tuple[Quote, ...]:
    """``assign_confidence`` on hand-attributed quotes."""
    quotes, segments = build(text, specs)
    return assign_confidence(text, quotes, segments)


# -- checking ----------------------------------------------------------------


def find(quotes: Sequence[Quote], piece: str) -> Quote:
    """The quote whose text holds ``piece``."""
    matches = [q for q in quotes if piece in q.text]
    assert matches, f"no quote holds {piece!r}: {[q.text for q in quotes]}"
    return min(matches, key=lambda q: len(q.text))


def evidence_problems(text: str, quote: Quote, expected: Sequence[str]) -> list[str]:
    """What is wrong with ``quote.evidence`` given the expected words (empty: nothing)."""
    texts = [span.text for span in quote.evidence]
    return [
        *(
            f"span {span} is not text[{span.start}:{span.end}]"
            for span in quote.evidence
            if text[span.start : span.end] != span.text
        ),
        *(
            f"no evidence span holds {words!r}: {texts}"
            for words in expected
            if not any(words in t for t in texts)
        ),
        *(
            f"evidence {t!r} is none of {list(expected)}"
            for t in texts
            if not any(words in t for words in expected)
        ),
    ]


def _same_speaker(name: str | None, expected: str) -> bool:
    """Whether a speaker's name is the expected one (or one holds the other)."""
    if name is None:
        return False
    a, b = name.lower(), expected.lower()
    return a in b or b in a


def check(text: str, quotes: Sequence[Quote], specs: Sequence[dict[str, Any]]) -> None:
    """Every expected quote has the expected speaker, label and evidence."""
    problems = []
    for spec in specs:
        quote = find(quotes, spec["quote"])
        name = None if quote.speaker is None else quote.speaker.name
        if not _same_speaker(name, spec["speaker"]):
            problems.append(f"{spec['quote']!r}: speaker {name!r}, not {spec['speaker']!r}")
            continue
        got = None if quote.confidence is None else quote.confidence.value
        if got != spec["confidence"]:
            evidence = [s.text for s in quote.evidence]
            problems.append(f"{spec['quote']!r}: {got} {evidence}, not {spec['confidence']}")
            continue
        problems += [
            f"{spec['quote']!r}: {p}" for p in evidence_problems(text, quote, spec["evidence"])
        ]
    assert not problems, "\n".join(problems)


def _params(key: str) -> list[Any]:
    params = []
    for case in TABLE["cases"]:
        reason = case.get(key)
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        params.append(pytest.param(case, id=case["id"], marks=marks))
    return params


# -- (a) the stage alone -----------------------------------------------------


def test_the_table_is_big_enough() -> None:
    assert len(TABLE["cases"]) >= 40
    assert len(TABLE["article"]) == 17
    labels = [q["confidence"] for q in TABLE["article"]]
    assert (labels.count("direct"), labels.count("reported"), labels.count("denied")) == (13, 3, 1)
    ids = [case["id"] for case in TABLE["cases"]]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case", _params("xfail_stage"))
def test_stage_on_the_table(case: dict[str, Any]) -> None:
    check(case["text"], label(case["text"], case["quotes"]), case["quotes"])


def test_stage_on_the_article() -> None:
    check(ARTICLE, label(ARTICLE, TABLE["article"]), TABLE["article"])


def test_no_speaker_no_label() -> None:
    text = "The “peace plan” was “reportedly” dead, and “they denied saying it”."
    quotes = find_quotes(text)
    result = assign_confidence(text, quotes, Segments(text))
    assert [q.confidence for q in result] == [None, None, None]
    assert all(q.evidence == () for q in result)


def test_empty() -> None:
    assert assign_confidence("", (), Segments("")) == ()


def test_confidence_is_none_exactly_when_speaker_is_none() -> None:
    text = "“We will win,” Merz reportedly said. Critics called it “bluster”."
    spec = {"quote": "We will win", "speaker": "Friedrich Merz", "mention": "Merz", "cue": "said"}
    result = label(text, [spec])
    assert [(q.speaker is None, q.confidence is None) for q in result] == [
        (False, False),
        (True, True),
    ]


def test_everything_else_is_kept() -> None:
    text = "“We will win,” Merz reportedly said."
    quotes, segments = build(
        text, [{"quote": "win", "speaker": "Merz", "mention": "Merz", "cue": "said"}]
    )
    quotes = tuple(attrs.evolve(q, rule="adjacent") for q in quotes)
    [result] = assign_confidence(text, quotes, segments)
    assert attrs.evolve(result, confidence=None, evidence=()) == quotes[0]


def test_hedges_inside_quotations_do_not_count() -> None:
    text = "“Merz reportedly said he was quoted as saying it,” Stubb said."
    spec = {"quote": "Merz", "speaker": "Alexander Stubb", "mention": "Stubb", "cue": "said"}
    [quote] = label(text, [spec])
    assert quote.confidence is Confidence.DIRECT
    assert quote.evidence == ()


def test_a_hedge_counts_for_its_own_speaker_only() -> None:
    text = "Merz said “yes”, while Stubb was quoted as saying “no”."
    specs = [
        {"quote": "yes", "speaker": "Merz", "mention": "Merz", "cue": "said"},
        {"quote": "no", "speaker": "Stubb", "mention": "Stubb", "cue": "saying"},
    ]
    yes, no = label(text, specs)
    assert (yes.confidence, no.confidence) == (Confidence.DIRECT, Confidence.REPORTED)
    assert [s.text for s in no.evidence] == ["was quoted as saying"]


def test_the_cue_sentence_frames_a_continued_quote() -> None:
    text = "Merz reportedly said the following. “They are playing games.”"
    spec = {"quote": "playing", "speaker": "Merz", "mention": "Merz", "cue": "said"}
    [quote] = label(text, [spec])
    assert quote.confidence is Confidence.REPORTED
    assert [s.text for s in quote.evidence] == ["reportedly"]


def test_according_to_the_speaker_is_direct_and_to_anyone_else_reported() -> None:
    for source, expected in [
        ("Merz", Confidence.DIRECT),
        ("him", Confidence.DIRECT),
        ("his statement", Confidence.DIRECT),
        ("Merz’s aides", Confidence.REPORTED),
        ("a leaked memo", Confidence.REPORTED),
        ("Der Spiegel", Confidence.REPORTED),
    ]:
        text = f"“We will win,” Friedrich Merz said, according to {source}."
        spec = {
            "quote": "win",
            "speaker": "Friedrich Merz",
            "mention": "Friedrich Merz",
            "cue": "said",
        }
        [quote] = label(text, [spec])
        assert quote.confidence is expected, source


def test_a_denial_reaches_back_to_the_latest_run_only() -> None:
    text = (
        "“One,” Merz said. “Two,” Stubb said. “Three,” Merz said. “Four,” Merz added. "
        "Merz later denied making the remarks."
    )
    specs = [
        {
            "quote": word,
            "speaker": name,
            "mention": "Merz" if name == "Merz" else "Stubb",
            "cue": cue,
        }
        for word, name, cue in [
            ("One", "Merz", "said"),
            ("Two", "Stubb", "said"),
            ("Three", "Merz", "said"),
            ("Four", "Merz", "added"),
        ]
    ]
    labels = [q.confidence for q in label(text, specs)]
    assert labels == [Confidence.DIRECT, Confidence.DIRECT, Confidence.DENIED, Confidence.DENIED]


def test_a_denial_never_reaches_forward() -> None:
    text = "Merz denied making the remark. “We will win,” Merz said."
    spec = {"quote": "win", "speaker": "Merz", "mention": "Merz", "cue": "said"}
    [quote] = label(text, [spec])
    assert quote.confidence is Confidence.DIRECT


def test_evidence_spans_are_slices_of_the_text() -> None:
    result = label(ARTICLE, TABLE["article"])
    for quote in result:
        for span in quote.evidence:
            assert ARTICLE[span.start : span.end] == span.text


def test_a_user_lexicon_is_used() -> None:
    text = "“We will win,” Merz said, per a leaked memo. Aides called the quote a lie."
    spec = {"quote": "win", "speaker": "Merz", "mention": "Merz", "cue": "said"}
    quotes, segments = build(text, [spec])
    [plain] = assign_confidence(text, quotes, segments)
    assert plain.confidence is Confidence.REPORTED  # "leaked memo"
    hedged = ConfidenceLexicon(HedgeLexicon(adverbs=(), frames=(), sources=[r"per"]))
    [quote] = assign_confidence(text, quotes, segments, lexicon=hedged)
    assert [s.text for s in quote.evidence] == ["per a leaked memo"]
    denying = DEFAULT_LEXICON.extend(
        denial_frames=[r"called\s+the\s+quote\s+a\s+lie"], representatives=["aides"]
    )
    [quote] = assign_confidence(text, quotes, segments, lexicon=denying)
    assert quote.confidence is Confidence.DENIED
    assert [s.text for s in quote.evidence] == ["called the quote a lie"]


def test_lexicons_compile_user_entries_once() -> None:
    lexicon = DenialLexicon().extend(deny_verbs=["disowned"], remark_nouns=["tweet"])
    text = "She disowned the tweet."
    assert [m.span.text for m in lexicon.find(text)] == ["disowned the tweet"]
    assert lexicon.find is not None
    assert HedgeLexicon().extend(adverbs=["rumouredly"]) != HedgeLexicon()


# -- (b) the table end to end ------------------------------------------------


@pytest.mark.parametrize("case", _params("xfail"))
def test_pipeline_on_the_table(case: dict[str, Any]) -> None:
    check(case["text"], attribute(case["text"]).quotes, case["quotes"])


# -- (c) the article end to end ----------------------------------------------


def test_pipeline_on_the_article() -> None:
    check(ARTICLE, attribute(ARTICLE).quotes, TABLE["article"])
