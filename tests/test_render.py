"""The HTML renderer: escaping, offsets, labels and well-formed markup."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from attribution.model import Attribution, Confidence, Cue, Quote, Span, Speaker, SpeakerKind
from attribution.quotes import find_quotes
from attribution.render import iter_html, to_html

VOID = {"meta", "br"}


class Page(HTMLParser):
    """Parses a page: checks that tags nest, collects the article text without labels."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.articles: list[str] = []
        self.labels: list[str] = []
        self.marks: list[dict[str, str | None]] = []
        self._label_depth: int | None = None
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        self.stack.append(tag)
        attributes = dict(attrs)
        if tag == "article":
            self.articles.append("")
        if tag == "mark":
            self.marks.append(attributes)
        if "label" in (attributes.get("class") or "").split():
            self._label_depth = len(self.stack)
            self.labels.append("")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        if self._label_depth == len(self.stack):
            self._label_depth = None
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self._label_depth is not None:
            self.labels[-1] += data
        elif "article" in self.stack:
            self.articles[-1] += data


def quote(
    text: str,
    content: str,
    *,
    speaker: tuple[str, str] | None = None,
    cue: str | None = None,
    confidence: Confidence | None = None,
    evidence: tuple[str, ...] = (),
) -> Quote:
    """The quote of ``text`` whose content is ``content``, with the given attribution."""
    start = text.index(content)
    end = start + len(content)
    who = None
    after = end
    if speaker is not None:
        name, mention = speaker
        at = text.index(mention)
        who = Speaker(name, Span.of(text, at, at + len(mention)), SpeakerKind.PERSON)
        after = at + len(mention)
    said = None
    if cue is not None:
        at = text.index(cue, after)
        said = Cue(at, at + len(cue), cue)
    spans = tuple(Span.of(text, text.index(w), text.index(w) + len(w)) for w in evidence)
    return Quote(
        start,
        end,
        content,
        Span.of(text, start - 1, start),
        Span.of(text, end, end + 1),
        speaker=who,
        cue=said,
        confidence=confidence,
        evidence=spans,
        rule=None if who is None else "adjacent",
    )


TEXT = (
    "A <b>headline</b> & more\n\n"
    "“Either we take back <these> territories,” Putin told India Today.\n"
    "Merz reportedly said the plan was “a joke”. Later, “nothing at all” appeared.\n"
    'The Élysée said "the president did not express himself in those terms".\n'
)


def example() -> Attribution:
    return Attribution(
        TEXT,
        (
            quote(
                TEXT,
                "Either we take back <these> territories,",
                speaker=('Vladimir "V" Putin', "Putin"),
                cue="told",
                confidence=Confidence.DIRECT,
            ),
            quote(
                TEXT,
                "a joke",
                speaker=("Friedrich Merz", "Merz"),
                cue="said",
                confidence=Confidence.REPORTED,
                evidence=("reportedly",),
            ),
            quote(TEXT, "nothing at all"),
            quote(
                TEXT,
                "the president did not express himself in those terms",
                speaker=("Élysée Palace", "The Élysée"),
                cue="said",
                confidence=Confidence.DENIED,
                evidence=("did not express",),
            ),
        ),
    )


def test_article_text_survives_escaping_exactly() -> None:
    page = Page(to_html(example()))
    assert page.errors == []
    assert page.stack == []
    assert page.articles == [TEXT]


def test_special_characters_are_escaped() -> None:
    html = to_html(example(), title="Putin & <co>")
    assert "<title>Putin &amp; &lt;co&gt;</title>" in html
    assert "<h1>Putin &amp; &lt;co&gt;</h1>" in html
    assert "<b>" not in html
    assert "&lt;these&gt;" in html
    assert "Vladimir &quot;V&quot; Putin" in html  # in the tooltip attribute


def test_each_quote_is_marked_with_its_label_and_tooltip() -> None:
    page = Page(to_html(example()))
    classes = [mark["class"] for mark in page.marks]
    assert classes == ["quote direct", "quote reported", "quote none", "quote denied"]
    assert [mark["id"] for mark in page.marks] == ["q1", "q2", "q3", "q4"]
    tooltip = page.marks[0]["title"] or ""
    assert tooltip.splitlines() == [
        "Quotation 1",
        'Speaker: Vladimir "V" Putin (person)',
        "Mention: Putin",
        "Cue: told",
        "Confidence: direct",
        "Rule: adjacent",
    ]
    assert page.labels == [
        'Vladimir "V" Putin · told · direct',
        "Friedrich Merz · said · reported",
        "no speaker",
        "Élysée Palace · said · denied",
    ]


def test_marks_include_the_quotation_marks() -> None:
    html = to_html(example())
    assert "<mark" in html
    opening = html.index('id="q3"')
    assert html[html.index(">", opening) + 1 :].startswith("“nothing at all”</mark>")


def test_speaker_cue_and_evidence_are_underlined() -> None:
    html = to_html(example())
    assert (
        '<span class="speaker" title="Speaker: Vladimir &quot;V&quot; Putin">Putin</span>' in html
    )
    assert '<span class="cue" title="Speech cue">told</span>' in html
    assert '">did not express</span>' in html
    assert '">reportedly</span>' in html
    assert html.count('class="evidence"') == 2


def test_a_span_crossing_a_quotation_is_dropped_not_the_quotation() -> None:
    text = "He said “yes and no” today."
    crossing = Quote(
        9, 19, text[9:19], Span.of(text, 8, 9), Span.of(text, 19, 20),
        speaker=Speaker("He", Span.of(text, 3, 12)),  # "said “yes": crosses the opening mark
        cue=Cue(15, 25, text[15:25]),  # "no” today": crosses the closing mark
        confidence=Confidence.REPORTED,
    )  # fmt: skip
    page = Page(to_html(Attribution(text, (crossing,))))
    assert page.errors == []
    assert page.articles == [text]
    assert [mark["class"] for mark in page.marks] == ["quote reported"]
    assert 'class="speaker"' not in to_html(Attribution(text, (crossing,)))


def test_nested_and_contained_spans_stay_well_formed() -> None:
    text = "“Putin said ‘never’,” an aide recalled, quoting “Putin”."
    quotes = find_quotes(text)
    aide = text.index("an aide")
    first = quotes[0]
    attributed = Quote(
        first.start, first.end, first.text, first.open_mark, first.close_mark, first.nested,
        speaker=Speaker("an aide", Span.of(text, aide, aide + 7), SpeakerKind.ROLE),
        cue=Cue(aide + 8, aide + 16, "recalled"),
        confidence=Confidence.REPORTED,
        evidence=(Span.of(text, aide, aide + 16),),  # contains the speaker and the cue
    )  # fmt: skip
    page = Page(to_html(Attribution(text, (attributed, *quotes[1:]))))
    assert page.errors == []
    assert page.articles == [text]
    assert len(page.marks) == len(quotes) == 2


def test_control_characters_are_replaced() -> None:
    text = "bell\x07 and “null\x00” end"
    html = to_html(Attribution(text, find_quotes(text)))
    assert "\x07" not in html
    assert "\x00" not in html
    assert Page(html).articles == ["bell\ufffd and “null\ufffd” end"]


def test_no_title_no_heading_and_the_same_bytes_every_time() -> None:
    html = to_html(example())
    assert "<title>Quotations</title>" in html
    assert "<h1>" not in html
    assert html == to_html(example())
    assert '<p class="summary">4 quotations: <span class="key direct">1 direct</span>' in html


def test_iter_html_makes_one_page_with_a_section_per_document() -> None:
    other = Attribution("“Short,” she said.", find_quotes("“Short,” she said."))
    pieces = list(iter_html([("first.txt", example()), ("<second>", other)], title="Run"))
    assert len(pieces) > 3  # streamed in pieces
    html = "".join(pieces)
    page = Page(html)
    assert page.errors == []
    assert page.articles == [TEXT, other.text]
    assert [mark["id"] for mark in page.marks] == ["d1-q1", "d1-q2", "d1-q3", "d1-q4", "d2-q1"]
    assert "<h2>&lt;second&gt;</h2>" in html


@pytest.mark.parametrize("label", list(Confidence))
def test_every_label_has_a_colour(label: Confidence) -> None:
    text = "“Yes,” Ann said."
    attributed = Quote(
        1, 5, "Yes,", Span.of(text, 0, 1), Span.of(text, 5, 6),
        speaker=Speaker("Ann", Span.of(text, 7, 10)), confidence=label,
    )  # fmt: skip
    html = to_html(Attribution(text, (attributed,)))
    assert f".{label.value} {{ --fg: var(--{label.value});" in html
    assert f'<mark class="quote {label.value}"' in html
