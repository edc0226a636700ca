"""Building blocks for the compiled patterns: word lists as tries.

A flat alternation of hundreds of words (``said|says|saying|...``) makes the
regular-expression engine try every word at every position. The same words
factored by common prefixes (``sa(?:id|y(?:s|ing)?)``) are matched several
times faster, with the same matches: at each point the longer word is tried
first, like a length-sorted alternation.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import regex

__all__ = ["trie", "wordlist"]


def trie(words: Iterable[str], *, space: str = " ") -> str:
    r"""A regular expression matching exactly ``words``, factored by common prefixes.

    Args:
        words: Literal strings.
        space: What a space inside a word stands for (for example ``r"\s+"``).

    Example:
        >>> trie(["say", "says", "said"])
        'sa(?:id|y(?:s)?)'
        >>> regex.fullmatch(trie(["united states"], space=r"\s+"), "united  states") is not None
        True
    """
    tree: dict[str, dict[str, Any]] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [
            (space if c == " " else regex.escape(c)) + emit(child)
            for c, child in sorted(node.items())
            if c
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


def wordlist(words: str) -> tuple[str, ...]:
    """The words of a whitespace-separated list, in order.

    Example:
        >>> wordlist("reportedly  allegedly   purportedly")
        ('reportedly', 'allegedly', 'purportedly')
    """
    return tuple(words.split())
