"""Property tests: variants of the article's sentences change the label as they should.

Each test draws a sentence of the article that holds a quotation, then

* adds a hedge to one speaker's attribution ("reportedly" before the cue,
  "was quoted as saying" for "said", ", according to a transcript" at the
  end): that speaker's quotes become ``reported``, evidence covering the
  added words;
* follows it with a denial by the speaker, a pronoun for them or their
  office: their quotes become ``denied``, evidence covering the denial;
* follows it with a sentence that declines to comment: nothing changes.

The ``stage`` tests attribute the quotes by hand (as the golden table says)
and test the confidence stage alone; the ``pipeline`` tests run
:func:`attribution.pipeline.attribute` and follow whatever speakers and cues
it finds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import regex
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from attribution.model import Confidence, Quote, SpeakerKind
from attribution.pipeline import attribute
from strategies import article_sentences
from test_confidence import TABLE, find, label

SPECS: list[dict[str, Any]] = TABLE["article"]

ADVERBS = ("reportedly", "allegedly", "purportedly", "supposedly")
#: Intermediaries added at the end of a sentence, and their deciding words.
TAILS = (
    ("according to a transcript", "according to"),
    ("according to two people familiar with the talks", "according to"),
    ("Reuters reported", "reported"),
    ("as reported by state media", "reported by"),
)
#: Denial sentences: (template, the words that must be evidence, who names the speaker).
DENIALS = (
    ("{Name} later denied making the remark.", "denied making the remark", "name"),
    ("{He} later denied making the remarks.", "denied making the remarks", "pronoun"),
    ("{His} office said {he} never said those words.", "never said those words", "pronoun"),
    ("{Name}’s spokesman dismissed the quote as fabricated.", "dismissed the quote", "name"),
    ("{His} office disputed that account.", "disputed that account", "pronoun"),
    ("{Name} has since denied ever saying it.", "denied ever saying", "name"),
)
NO_COMMENT = (
    "{Name} declined to comment.",
    "{His} office did not respond to a request for comment.",
    "{He} did not say when the talks would resume.",
    "{Name} has not commented on the issue.",
    "{He} did not say whether {he} would travel.",
)
SENTENCE_END = regex.compile(r"\.\s*$")


def _specs_in(sentence: str) -> list[dict[str, Any]]:
    return [s for s in SPECS if s["quote"] in sentence]


def quoted_sentences() -> st.SearchStrategy[str]:
    """A sentence of the article holding one of the golden table's quotations."""
    return article_sentences().filter(lambda s: bool(_specs_in(s)))


def _fill(template: str, name: str, kind: SpeakerKind) -> str:
    he = "he" if kind is SpeakerKind.PERSON else "they"
    his = "his" if kind is SpeakerKind.PERSON else "their"
    surname = name.split()[-1]
    return template.format(Name=surname, He=he.capitalize(), he=he, His=his.capitalize(), his=his)


def _covered(quote: Quote, start: int, end: int) -> bool:
    """True when one evidence span covers ``[start, end)``."""
    return any(span.start <= start and end <= span.end for span in quote.evidence)


def _insert(text: str, at: int, words: str) -> str:
    return text[:at] + words + text[at:]


# -- the stage alone, quotes attributed by hand ------------------------------

STAGE = settings(max_examples=100, deadline=None)


def _by_speaker(sentence: str) -> dict[str, list[dict[str, Any]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for spec in _specs_in(sentence):
        groups.setdefault(spec["speaker"], []).append(spec)
    return groups


@STAGE
@given(sentence=quoted_sentences(), data=st.data())
def test_stage_adverb_makes_reported(sentence: str, data: st.DataObject) -> None:
    groups = _by_speaker(sentence)
    speaker = data.draw(st.sampled_from(sorted(groups)))
    spec = groups[speaker][0]
    adverb = data.draw(st.sampled_from(ADVERBS))
    cue_at = _cue_offset(sentence, spec)
    text = _insert(sentence, cue_at, adverb + " ")
    specs = _specs_in(sentence)
    result = label(text, specs)
    for other in specs:
        quote = find(result, other["quote"])
        if other["speaker"] == speaker:
            assert quote.confidence is Confidence.REPORTED
            assert _covered(quote, cue_at, cue_at + len(adverb))
        else:
            assert quote.confidence is find(label(sentence, specs), other["quote"]).confidence


def _cue_offset(sentence: str, spec: dict[str, Any]) -> int:
    """Where ``spec``'s cue starts in ``sentence`` (the occurrence nearest its quote)."""
    quote_at = sentence.index(spec["quote"])
    found = [m.start() for m in regex.finditer(rf"\b{regex.escape(spec['cue'])}\b", sentence)]
    outside = [i for i in found if not _in_quotes(sentence, i)]
    assert outside, (spec, sentence)
    return min(outside, key=lambda i: abs(i - quote_at))


def _in_quotes(sentence: str, at: int) -> bool:
    return sentence[:at].count("“") > sentence[:at].count("”")


@STAGE
@given(sentence=quoted_sentences(), data=st.data())
def test_stage_passive_frame_makes_reported(sentence: str, data: st.DataObject) -> None:
    specs = _specs_in(sentence)
    frameable = [s for s in specs if s["cue"] in {"said", "told"}]
    assume(frameable)
    spec = data.draw(st.sampled_from(frameable))
    frame = "was quoted as saying" if spec["cue"] == "said" else "was quoted as telling"
    cue_at = _cue_offset(sentence, spec)
    text = sentence[:cue_at] + frame + sentence[cue_at + len(spec["cue"]) :]
    new_specs = [
        {**s, "cue": frame} if s["speaker"] == spec["speaker"] and s["cue"] == spec["cue"] else s
        for s in specs
    ]
    quote = find(label(text, new_specs), spec["quote"])
    assert quote.confidence is Confidence.REPORTED
    assert _covered(quote, cue_at + 4, cue_at + 13)  # "quoted as"


@STAGE
@given(sentence=quoted_sentences(), tail=st.sampled_from(TAILS))
def test_stage_intermediary_makes_reported(sentence: str, tail: tuple[str, str]) -> None:
    specs = _specs_in(sentence)
    assume(len({s["speaker"] for s in specs}) == 1 and SENTENCE_END.search(sentence))
    assume(not sentence.rstrip().endswith(("”.", "”")))
    end = SENTENCE_END.search(sentence)
    assert end is not None
    words, deciding = tail
    text = sentence[: end.start()] + ", " + words + "."
    at = end.start() + 2 + words.index(deciding)
    for spec in specs:
        quote = find(label(text, specs), spec["quote"])
        assert quote.confidence is Confidence.REPORTED
        assert _covered(quote, at, at + len(deciding))


@STAGE
@given(sentence=quoted_sentences(), data=st.data())
def test_stage_denial_makes_denied(sentence: str, data: st.DataObject) -> None:
    specs = _specs_in(sentence)
    people = [s for s in specs if s["kind"] == "person"]
    assume(people)
    last = max(specs, key=lambda s: sentence.index(s["quote"]))
    template, words, via = data.draw(st.sampled_from(DENIALS))
    target = last if via == "pronoun" else data.draw(st.sampled_from(people))
    assume(target["kind"] == "person" or via == "pronoun")
    follow = _fill(template, target["speaker"], SpeakerKind(target["kind"]))
    text = sentence + " " + follow
    result = label(text, specs)
    at = len(sentence) + 1 + follow.index(words)
    base = label(sentence, specs)
    for spec in specs:
        quote = find(result, spec["quote"])
        if spec["speaker"] == target["speaker"]:
            assert quote.confidence is Confidence.DENIED, (text, quote.evidence)
            assert _covered(quote, at, at + len(words))
        else:
            assert quote.confidence is find(base, spec["quote"]).confidence


@STAGE
@given(sentence=quoted_sentences(), data=st.data())
def test_stage_quoted_denial_by_a_spokesman(sentence: str, data: st.DataObject) -> None:
    specs = _specs_in(sentence)
    last = max(specs, key=lambda s: sentence.index(s["quote"]))
    assume(last["kind"] == "person")
    words = data.draw(
        st.sampled_from(["never said that", "did not say that", "said no such thing"])
    )
    follow = f"“He {words},” his spokesman said."
    spokesman = {
        "quote": f"He {words}",
        "speaker": "his spokesman",
        "mention": "his spokesman",
        "cue": "said",
        "kind": "role",
    }
    text = sentence + " " + follow
    result = label(text, [*specs, spokesman])
    at = len(sentence) + 1 + follow.index(words)
    quote = find(result, last["quote"])
    assert quote.confidence is Confidence.DENIED
    assert _covered(quote, at, at + len(words))
    assert find(result, spokesman["quote"]).confidence is Confidence.DIRECT


@STAGE
@given(sentence=quoted_sentences(), data=st.data())
def test_stage_no_comment_changes_nothing(sentence: str, data: st.DataObject) -> None:
    specs = _specs_in(sentence)
    target = data.draw(st.sampled_from(specs))
    template = data.draw(st.sampled_from(NO_COMMENT))
    hedge = data.draw(st.booleans())
    base_text = (
        _insert(sentence, _cue_offset(sentence, target), "reportedly ") if hedge else sentence
    )
    text = base_text + " " + _fill(template, target["speaker"], SpeakerKind(target["kind"]))
    before, after = label(base_text, specs), label(text, specs)
    assert [(q.confidence, q.evidence) for q in after] == [
        (q.confidence, q.evidence) for q in before
    ]


# -- end to end, following the pipeline's speakers and cues ------------------


def _attributed(result: Sequence[Quote]) -> list[Quote]:
    return [q for q in result if q.speaker is not None and q.cue is not None]


@STAGE
@given(sentence=quoted_sentences(), data=st.data())
def test_pipeline_adverb_makes_reported(sentence: str, data: st.DataObject) -> None:
    base = _attributed(attribute(sentence).quotes)
    assume(base)
    quote = data.draw(st.sampled_from(base))
    assert quote.speaker is not None
    assert quote.cue is not None
    adverb = data.draw(st.sampled_from(ADVERBS))
    text = _insert(sentence, quote.cue.start, adverb + " ")
    variant = find(attribute(text).quotes, quote.text)
    assert variant.speaker is not None, "the pipeline lost the speaker"
    assert variant.speaker.name == quote.speaker.name
    assert variant.confidence is Confidence.REPORTED
    assert _covered(variant, quote.cue.start, quote.cue.start + len(adverb))


@STAGE
@given(sentence=quoted_sentences(), data=st.data())
def test_pipeline_denial_makes_denied(sentence: str, data: st.DataObject) -> None:
    base = attribute(sentence).quotes
    attributed = [q for q in base if q.speaker is not None]
    assume(attributed)
    template, words, via = data.draw(st.sampled_from(DENIALS))
    last = attributed[-1]
    target = last if via == "pronoun" else data.draw(st.sampled_from(attributed))
    assert target.speaker is not None
    assume(target.speaker.kind is SpeakerKind.PERSON or via == "pronoun")
    follow = _fill(template, target.speaker.name, target.speaker.kind)
    text = sentence + " " + follow
    result = attribute(text).quotes
    at = len(sentence) + 1 + follow.index(words)
    for before in base:
        after = find(result, before.text)
        assert (after.speaker is None) == (before.speaker is None)
        if after.speaker is not None and after.speaker.name == target.speaker.name:
            assert after.confidence is Confidence.DENIED
            assert _covered(after, at, at + len(words))


@STAGE
@given(sentence=quoted_sentences(), data=st.data())
def test_pipeline_no_comment_changes_nothing(sentence: str, data: st.DataObject) -> None:
    base = attribute(sentence).quotes
    attributed = [q for q in base if q.speaker is not None]
    assume(attributed)
    target = data.draw(st.sampled_from(attributed))
    assert target.speaker is not None
    template = data.draw(st.sampled_from(NO_COMMENT))
    text = sentence + " " + _fill(template, target.speaker.name, target.speaker.kind)
    after = attribute(text).quotes
    assert [(q.text, q.confidence, q.evidence) for q in after[: len(base)]] == [
        (q.text, q.confidence, q.evidence) for q in base
    ]


TRIGGER_WORDS = ("denied", "DENIED", "Did not", "never", "fabricated", "İstanbul", "called the")


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(TRIGGER_WORDS), st.text(alphabet=" aeinrst.İ\n", max_size=9)),
        max_size=60,
    ),
    st.integers(min_value=8, max_value=64),
)
def test_trigger_scan_in_pieces_equals_one_scan(words: list[str], piece: int) -> None:
    """However the text is cut into lower-cased pieces, the triggers are the same."""
    import attribution.lexicon.denials as denials

    text = " ".join(words)
    lexicon = denials.DenialLexicon()
    expected = [m.start() for m in lexicon._trigger.finditer(text)]
    saved = denials._PIECE, denials._OVERLAP
    denials._PIECE, denials._OVERLAP = piece, 16
    try:
        assert list(lexicon._triggers(text, 0, len(text))) == expected
    finally:
        denials._PIECE, denials._OVERLAP = saved
