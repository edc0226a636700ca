"""Property tests: invariants of attribute(), and variants of the article's quoted sentences.

Each variant takes a quotation of the article and rebuilds its sentence with
another speaker (names with titles, particles, hyphens, diacritics), another
cue verb and tense, another word order and quote style, an inserted time
phrase or apposition, or a pronoun whose antecedent stands in the sentence
before; the speaker and the cue must follow.
"""

from __future__ import annotations

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from attribution import attribute
from attribution.model import Quote
from strategies import article, sentences

SETTINGS = settings(max_examples=150, deadline=None)

#: Quotations of the article (their words, not their frames).
QUOTES = (
    "Either we take back these territories by force, or eventually Ukrainian troops withdraw",
    "At times we said that yes, we can discuss this, but to that we can’t agree",
    "That’s why we had to go over every point, that’s why it took so long",
    "They are playing games, both with you and with us",
    "We mustn’t leave Ukraine and Volodymyr alone with these guys",
    "There is a possibility that the US will betray Ukraine on the issue of territory",
)


@attrs.frozen
class Person:
    title: str
    first: str
    last: str
    pronoun: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


PEOPLE = (
    Person("President", "Vladimir", "Putin", "he"),
    Person("European Commission President", "Ursula", "von der Leyen", "she"),
    Person("Foreign Minister", "Jean-Noël", "Barrot", "he"),
    Person("President", "Recep Tayyip", "Erdoğan", "he"),
    Person("Prime Minister", "Giorgia", "Meloni", "she"),
    Person("Chancellor", "Friedrich", "Merz", "he"),
    Person("Prime Minister", "Pedro", "Sánchez", "he"),
    Person("Ukrainian Foreign Minister", "Andrii", "Sybiha", "he"),
    Person("Senator", "Mary", "O’Connor", "she"),
    Person("Mayor", "Anne", "Hidalgo", "she"),
)

#: (written form, invertible) — the cue must come back exactly as written.
VERBS = (
    ("said", True),
    ("says", True),
    ("told reporters", False),
    ("added", True),
    ("insisted", True),
    ("warned", True),
    ("explained", True),
    ("argued", True),
    ("declared", True),
    ("has said", False),
    ("noted", True),
)

STYLES = (("“", "”"), ('"', '"'), ("«", "»"), ("„", "“"), ("‘", "’"), ("''", "''"))
TIMES = ("", " on Tuesday", " earlier this week", " in Geneva")


def _only_quote(text: str) -> Quote:
    quotes = attribute(text).quotes
    assert len(quotes) == 1, [q.text for q in quotes]
    return quotes[0]


def _cue_word(verb: str) -> str:
    return verb.removeprefix("has ")


@st.composite
def variants(draw: st.DrawFn) -> tuple[str, str, str, str]:
    """(text, expected speaker name, expected cue text, expected mention text)."""
    person = draw(st.sampled_from(PEOPLE))
    words = draw(st.sampled_from(QUOTES))
    opener, closer = draw(st.sampled_from(STYLES))
    verb, invertible = draw(st.sampled_from(VERBS))
    when = draw(st.sampled_from(TIMES))
    titled = draw(st.booleans())
    name = f"{person.title} {person.full}" if titled else person.full
    order = draw(st.sampled_from(["quote-first", "inverted", "colon", "pronoun", "apposition"]))
    cue = _cue_word(verb)
    if order == "inverted" and invertible:
        return f"{opener}{words},{closer} {verb} {name}{when}.", person.full, cue, name
    if order == "colon":
        return f"{name} {verb}{when}: {opener}{words}.{closer}", person.full, cue, name
    if order == "pronoun":
        intro = f"{person.title} {person.full} arrived{when}."
        text = f"{intro} {opener}{words},{closer} {person.pronoun} {verb}."
        return text, person.full, cue, person.pronoun
    if order == "apposition":
        text = f"{person.full}, the party’s leader, {verb}{when}: {opener}{words}.{closer}"
        return text, person.full, cue, person.full
    return f"{opener}{words},{closer} {name} {verb}{when}.", person.full, cue, name


@SETTINGS
@given(variants())
def test_article_sentence_variants_keep_speaker_and_cue(
    variant: tuple[str, str, str, str],
) -> None:
    text, name, cue, mention = variant
    quote = _only_quote(text)
    assert quote.speaker is not None, text
    assert quote.speaker.name == name, text
    assert quote.speaker.mention.text == mention, text
    assert quote.cue is not None, text
    assert quote.cue.text == cue, text


@SETTINGS
@given(st.sampled_from(PEOPLE), st.sampled_from(QUOTES), st.sampled_from(STYLES))
def test_embedded_partial_quote_goes_to_the_subject(
    person: Person, words: str, style: tuple[str, str]
) -> None:
    opener, closer = style
    fragment = " ".join(words.split()[:4])
    text = f"{person.title} {person.full} said the talks were {opener}{fragment}{closer}."
    quote = _only_quote(text)
    assert quote.speaker is not None
    assert quote.speaker.name == person.full
    assert quote.rule == "embedded"


@SETTINGS
@given(st.sampled_from(PEOPLE), st.sampled_from(QUOTES))
def test_a_later_short_name_gets_the_full_name(person: Person, words: str) -> None:
    text = f"{person.title} {person.full} spoke first.\n\n“{words},” {person.last} said."
    quote = _only_quote(text)
    assert quote.speaker is not None
    assert quote.speaker.name == person.full
    assert quote.speaker.mention.text == person.last


@SETTINGS
@given(
    st.lists(st.sampled_from(PEOPLE), min_size=2, max_size=2, unique=True),
    st.sampled_from(QUOTES),
    st.sampled_from(STYLES),
    st.integers(min_value=1, max_value=4),
)
def test_dialogue_alternates_between_two_speakers(
    pair: list[Person], words: str, style: tuple[str, str], exchanges: int
) -> None:
    opener, closer = style
    asker, answerer = pair
    lines = [
        f"{opener}Is it true?{closer} {asker.full} asked.",
        f"{opener}{words},{closer} {answerer.full} said.",
    ]
    for _ in range(exchanges):
        lines += [f"{opener}Why?{closer}", f"{opener}{words}.{closer}"]
    quotes = attribute("\n\n".join(lines)).quotes
    assert [q.speaker.name if q.speaker else None for q in quotes] == [
        asker.full,
        answerer.full,
    ] * (exchanges + 1)
    assert [q.rule for q in quotes[2:]] == ["dialogue"] * (2 * exchanges)


@SETTINGS
@given(st.text())
def test_never_raises_and_offsets_index_the_text(text: str) -> None:
    result = attribute(text)
    previous_end = -1
    for quote in result.quotes:
        assert text[quote.start : quote.end] == quote.text
        assert quote.start >= previous_end
        previous_end = quote.end
        assert (quote.confidence is None) == (quote.speaker is None)
        if quote.speaker is not None:
            m = quote.speaker.mention
            assert text[m.start : m.end] == m.text
        if quote.cue is not None:
            assert text[quote.cue.start : quote.cue.end] == quote.cue.text
        for span in quote.evidence:
            assert text[span.start : span.end] == span.text


@SETTINGS
@given(st.lists(sentences(), min_size=1, max_size=8))
def test_article_like_text_is_deterministic_and_consistent(parts: list[str]) -> None:
    text = " ".join(parts)
    first, second = attribute(text), attribute(text)
    assert first == second
    assert first.to_dict() == second.to_dict()
    for quote in first.quotes:
        assert text[quote.start : quote.end] == quote.text


def test_article_quotes_all_have_speakers() -> None:
    quotes = attribute(article()).quotes
    assert len(quotes) == 17
    assert all(q.speaker is not None and q.rule is not None for q in quotes)
