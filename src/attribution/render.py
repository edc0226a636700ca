"""Render attributions as a self-contained HTML page.

The page shows the text as written (line breaks kept) with every top-level
quotation highlighted in the colour of its label (direct, reported, denied,
or no speaker), a small label after it naming the speaker, the cue and the
label, and a tooltip with the details. Speaker mentions, cues and evidence
spans are underlined. The CSS is inline, there is no script, and the page
depends on nothing but the attribution (no date, no random ids), so the same
input always gives the same bytes.

Example:
    >>> from attribution.model import Attribution, Quote, Span, Speaker, Cue, Confidence
    >>> text = "“Go <now>,” Ann said."
    >>> quote = Quote(1, 9, text[1:9], Span.of(text, 0, 1), Span.of(text, 9, 10),
    ...               speaker=Speaker("Ann", Span.of(text, 11, 14)),
    ...               cue=Cue(15, 19, "said"), confidence=Confidence.DIRECT)
    >>> page = to_html(Attribution(text, (quote,)), title="Ann & co")
    >>> "<title>Ann &amp; co</title>" in page, "Go &lt;now&gt;," in page
    (True, True)
    >>> '<span class="label direct">Ann · said · direct</span>' in page
    True
"""

from __future__ import annotations

import bisect
import html
from collections.abc import Iterable, Iterator

import attrs

from attribution.model import Attribution, Quote

__all__ = ["iter_html", "to_html"]

#: CSS classes of the labels, in the order the summary lists them.
_LABELS = {"direct": "direct", "reported": "reported", "denied": "denied", "none": "no speaker"}

_CSS = """\
:root {
  color-scheme: light dark;
  --direct: #1a7f37; --reported: #9a6700; --denied: #cf222e; --none: #6e7781;
  --direct-bg: #dafbe1; --reported-bg: #fff1c2; --denied-bg: #ffe0e0; --none-bg: #eaeef2;
}
@media (prefers-color-scheme: dark) {
  :root {
    --direct: #3fb950; --reported: #d29922; --denied: #f85149; --none: #8b949e;
    --direct-bg: #12361e; --reported-bg: #3b2e0a; --denied-bg: #4a1518; --none-bg: #2d333b;
  }
}
body { font: 17px/1.65 Georgia, "Times New Roman", serif; max-width: 46rem;
       margin: 2rem auto; padding: 0 1rem; }
h1, h2, .summary, .label { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
h2 { font-size: 1.1rem; margin-top: 2.5rem; overflow-wrap: anywhere; }
.summary { font-size: .85rem; color: var(--none); }
.summary .key { padding: 0 .35em; border-radius: 3px; margin-right: .25em; }
article { white-space: pre-wrap; overflow-wrap: break-word; }
mark.quote { color: inherit; border-bottom: 2px solid; padding: 0 .05em; }
.direct { --fg: var(--direct); --bg: var(--direct-bg); }
.reported { --fg: var(--reported); --bg: var(--reported-bg); }
.denied { --fg: var(--denied); --bg: var(--denied-bg); }
.none { --fg: var(--none); --bg: var(--none-bg); }
mark.quote, .summary .key { background: var(--bg); border-color: var(--fg); }
.label { font-size: .7rem; line-height: 1; white-space: nowrap; vertical-align: .15em;
         margin-left: .25em; padding: .1em .4em; border-radius: 3px;
         color: #fff; background: var(--fg); user-select: none; }
.speaker { text-decoration: underline 2px; text-underline-offset: .2em; font-weight: 600; }
.cue { text-decoration: underline dotted 2px; text-underline-offset: .2em; }
.evidence { text-decoration: underline wavy var(--denied); text-underline-offset: .2em; }
"""

#: Control characters are not allowed in HTML text; they show as U+FFFD.
_CONTROL = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F], "\ufffd")


def to_html(attribution: Attribution, *, title: str | None = None) -> str:
    """A self-contained HTML page of the text with its quotations highlighted.

    Args:
        attribution: What :func:`attribution.attribute` returned.
        title: The page title, also shown as its heading; without one the
            page has no heading and is titled "Quotations".

    Returns:
        The page, as one string.

    Example:
        >>> from attribution.model import Attribution
        >>> page = to_html(Attribution("No quotes here."))
        >>> page.startswith("<!DOCTYPE html>"), "No quotes here." in page
        (True, True)
    """
    return "".join(_page([(None, attribution)], title))


def iter_html(
    documents: Iterable[tuple[str, Attribution]], *, title: str | None = None
) -> Iterator[str]:
    """One HTML page for many documents, yielded in pieces as they are rendered.

    Args:
        documents: ``(heading, attribution)`` pairs; each document becomes a
            section under its heading (a file name, say). Consumed lazily.
        title: The page title and heading.

    Yields:
        Pieces of the page; their concatenation is a complete page.

    Example:
        >>> from attribution.model import Attribution
        >>> page = "".join(iter_html([("a.txt", Attribution("A.")), ("b.txt", Attribution("B."))]))
        >>> page.count("<section"), "<h2>b.txt</h2>" in page
        (2, True)
    """
    return _page(documents, title)


def _page(documents: Iterable[tuple[str | None, Attribution]], title: str | None) -> Iterator[str]:
    page_title = _escape(title if title is not None else "Quotations", attribute=False)
    yield (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{page_title}</title>\n<style>\n{_CSS}</style>\n</head>\n<body>\n<main>\n"
    )
    if title is not None:
        yield f"<h1>{page_title}</h1>\n"
    for number, (heading, attribution) in enumerate(documents, 1):
        if heading is None:
            yield _summary(attribution.quotes)
            yield _article(attribution, "q")
        else:
            yield f'<section id="d{number}">\n<h2>{_escape(heading, attribute=False)}</h2>\n'
            yield _summary(attribution.quotes)
            yield _article(attribution, f"d{number}-q")
            yield "</section>\n"
    yield "</main>\n</body>\n</html>\n"


def _escape(text: str, *, attribute: bool) -> str:
    escaped = html.escape(text.translate(_CONTROL), quote=attribute)
    return escaped.replace("\n", "&#10;") if attribute else escaped


def _label(quote: Quote) -> str:
    """The CSS class of a quote: its confidence, or "none" without a speaker."""
    if quote.speaker is None or quote.confidence is None:
        return "none"
    return quote.confidence.value


def _summary(quotes: Iterable[Quote]) -> str:
    counts = dict.fromkeys(_LABELS, 0)
    total = 0
    for quote in quotes:
        counts[_label(quote)] += 1
        total += 1
    parts = [
        f'<span class="key {css}">{counts[css]} {name}</span>'
        for css, name in _LABELS.items()
        if counts[css]
    ]
    noun = "quotation" if total == 1 else "quotations"
    keys = f": {' '.join(parts)}" if parts else ""
    return f'<p class="summary">{total} {noun}{keys}</p>\n'


@attrs.frozen(slots=True)
class _Markup:
    """A span to wrap in tags; ``rank`` orders spans that share their offsets."""

    start: int
    end: int
    rank: int
    kind: str
    open: str
    close: str


def _tooltip(number: int, quote: Quote) -> str:
    lines = [f"Quotation {number}"]
    if quote.speaker is None:
        lines.append("Speaker: none found")
    else:
        speaker = quote.speaker
        lines.append(f"Speaker: {speaker.name} ({speaker.kind.value})")
        if speaker.mention.text != speaker.name:
            lines.append(f"Mention: {speaker.mention.text}")
    if quote.cue is not None:
        lines.append(f"Cue: {quote.cue.text}")
    if quote.confidence is not None:
        lines.append(f"Confidence: {quote.confidence.value}")
    if quote.evidence:
        lines.append("Evidence: " + "; ".join(span.text for span in quote.evidence))
    if quote.rule is not None:
        lines.append(f"Rule: {quote.rule}")
    return _escape("\n".join(lines), attribute=True)


def _quote_markup(number: int, quote: Quote, prefix: str) -> _Markup:
    css = _label(quote)
    parts = [
        quote.speaker.name if quote.speaker is not None else None,
        quote.cue.text if quote.cue is not None else None,
        quote.confidence.value if quote.confidence is not None else "no speaker",
    ]
    label = " · ".join(_escape(part, attribute=False) for part in parts if part)
    return _Markup(
        quote.outer_start,
        quote.outer_end,
        0,
        "quote",
        f'<mark class="quote {css}" id="{prefix}{number}" title="{_tooltip(number, quote)}">',
        f'</mark><span class="label {css}">{label}</span>',
    )


def _secondary_markups(number: int, quote: Quote) -> Iterator[_Markup]:
    """The speaker mention, cue and evidence of a quote."""
    if quote.speaker is not None:
        mention = quote.speaker.mention
        title = _escape(f"Speaker: {quote.speaker.name}", attribute=True)
        tag = f'<span class="speaker" title="{title}">'
        yield _Markup(mention.start, mention.end, 1, "speaker", tag, "</span>")
    if quote.cue is not None:
        tag = f'<span class="cue" title="{_escape("Speech cue", attribute=True)}">'
        yield _Markup(quote.cue.start, quote.cue.end, 2, "cue", tag, "</span>")
    for span in quote.evidence:
        title = _escape(f"Evidence for quotation {number} ({_label(quote)})", attribute=True)
        tag = f'<span class="evidence" title="{title}">'
        yield _Markup(span.start, span.end, 3, "evidence", tag, "</span>")


def _crosses(markup: _Markup, quotes: list[_Markup], starts: list[int]) -> bool:
    """True if ``markup`` overlaps a quotation without nesting in or around it."""
    before = bisect.bisect_right(starts, markup.start) - 1
    if before >= 0 and quotes[before].start < markup.start < quotes[before].end < markup.end:
        return True  # starts inside a quotation, ends after it
    last = bisect.bisect_left(starts, markup.end) - 1
    return last > before and quotes[last].end > markup.end  # starts before one, ends inside


def _article(attribution: Attribution, prefix: str) -> str:
    """The text with its markup; a span that would cross another one is left out.

    Quotations come first: a speaker, cue or evidence span that overlaps one
    without nesting is dropped, never the quotation.
    """
    text = attribution.text

    def valid(markup: _Markup) -> bool:
        return 0 <= markup.start <= markup.end <= len(text)

    quotes = [_quote_markup(n, q, prefix) for n, q in enumerate(attribution.quotes, 1)]
    quotes = sorted(filter(valid, quotes), key=lambda m: (m.start, -m.end))
    starts = [markup.start for markup in quotes]
    seen: set[tuple[int, int, str]] = set()
    markups = list(quotes)
    for number, quote in enumerate(attribution.quotes, 1):
        for markup in _secondary_markups(number, quote):
            key = (markup.start, markup.end, markup.kind)
            if key not in seen and valid(markup) and not _crosses(markup, quotes, starts):
                seen.add(key)
                markups.append(markup)
    markups.sort(key=lambda m: (m.start, -m.end, m.rank))
    out = ["<article>"]
    position = 0
    stack: list[_Markup] = []
    for markup in markups:
        while stack and stack[-1].end <= markup.start:
            closed = stack.pop()
            out.append(_escape(text[position : closed.end], attribute=False))
            out.append(closed.close)
            position = closed.end
        if stack and markup.end > stack[-1].end:
            continue  # would cross a span already open: leave it out, keep the HTML well formed
        out.append(_escape(text[position : markup.start], attribute=False))
        out.append(markup.open)
        position = markup.start
        stack.append(markup)
    while stack:
        closed = stack.pop()
        out.append(_escape(text[position : closed.end], attribute=False))
        out.append(closed.close)
        position = closed.end
    out.append(_escape(text[position:], attribute=False))
    out.append("</article>\n")
    return "".join(out)
