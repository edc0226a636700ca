"""Render the tutorial's article excerpt as HTML for docs/assets/article.html.

The excerpt is the ``text title="article.txt"`` block of docs/tutorial.md, so
the picture always shows the text the tutorial analyses. Run after a change to
the pipeline or the renderer (tests/test_docs.py fails while the file is stale):

    python docs/scripts/render_article.py          # rewrite the asset
    python docs/scripts/render_article.py --check  # exit 1 if it is stale
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from attribution import attribute

DOCS = Path(__file__).resolve().parent.parent
TUTORIAL = DOCS / "tutorial.md"
ASSET = DOCS / "assets" / "article.html"

_ARTICLE = re.compile(r'^```text title="article\.txt"\n(.*?)^```$', re.MULTILINE | re.DOTALL)


def article_text() -> str:
    """The text of the ``article.txt`` block of the tutorial."""
    match = _ARTICLE.search(TUTORIAL.read_text(encoding="utf-8"))
    if match is None:
        raise SystemExit(f'{TUTORIAL}: no ```text title="article.txt" block')
    return match.group(1)


def render() -> str:
    """The HTML rendering of the tutorial's article, as the library makes it today."""
    return attribute(article_text()).to_html()


def main(argv: list[str]) -> int:
    """Rewrite the asset, or with ``--check`` report whether it is current."""
    html = render()
    if "--check" in argv:
        current = ASSET.exists() and ASSET.read_text(encoding="utf-8") == html
        print(f"{ASSET}: {'current' if current else 'stale'}")
        return 0 if current else 1
    ASSET.write_text(html, encoding="utf-8")
    print(f"wrote {ASSET} ({len(html)} characters)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
