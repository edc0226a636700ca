"""Attribute a corpus on a cluster: a Dask bag recipe (``pip install 'attribution[dask]'``).

:func:`attribute_bag` maps a bag of documents (texts, or JSON records with a
``"text"`` field) to a bag of JSON-ready results, one per document, in the
same order::

    import json
    import dask.bag as db
    from attribution.dask import attribute_bag

    records = db.read_text("corpus-*.jsonl").map(json.loads)
    attribute_bag(records).map(json.dumps).to_textfiles("quotes-*.jsonl")

The work happens in :func:`attribute_record`, a plain function of one
document, and :func:`attribute_partition`, its version for a partition, which
is what other engines want, such as Spark's ``mapPartitions``::

    rdd.mapPartitions(attribute_partition)

Only :func:`attribute_bag` needs Dask, and only to be called with a bag.

Example:
    >>> attribute_record({"id": 7, "text": "“Yes,” she said.", "lang": "en"})["id"]
    7
    >>> [q["text"] for q in attribute_record("“No,” he said. “Never.”")["quotes"]]
    ['No,', 'Never.']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from attribution.pipeline import attribute

__all__ = ["attribute_bag", "attribute_partition", "attribute_record"]


def attribute_record(
    document: str | Mapping[str, Any], *, text_field: str = "text", include_text: bool = False
) -> dict[str, Any]:
    """Attribute one document and return its JSON-ready result.

    Args:
        document: A text, or a record holding the text in ``text_field``.
        text_field: Where a record keeps its text.
        include_text: Keep the text in the result (offsets index it).

    Returns:
        ``{"quotes": [...]}`` as in :meth:`Attribution.to_dict
        <attribution.model.Attribution.to_dict>` for a text; for a record, its
        other fields followed by ``"quotes"`` (which replaces any it had).

    Raises:
        KeyError: If a record has no ``text_field``.
        TypeError: If the text is not a string.

    Example:
        >>> attribute_record({"body": "“Go,” he said."}, text_field="body", include_text=True)[
        ...     "body"]
        '“Go,” he said.'
    """
    if isinstance(document, str):
        text, fields = document, {}
    else:
        if text_field not in document:
            raise KeyError(f"record has no {text_field!r} field: {sorted(document)[:10]}")
        text = document[text_field]
        fields = {k: v for k, v in document.items() if include_text or k != text_field}
    if not isinstance(text, str):
        raise TypeError(f"the text must be a string, not {type(text).__name__}")
    result = dict(fields)
    if include_text and isinstance(document, str):
        result[text_field] = text
    result["quotes"] = attribute(text).to_dict()["quotes"]
    return result


def attribute_partition(
    documents: Iterable[str | Mapping[str, Any]],
    *,
    text_field: str = "text",
    include_text: bool = False,
) -> Iterator[dict[str, Any]]:
    """:func:`attribute_record` over a partition, lazily (Spark's ``mapPartitions``).

    Example:
        >>> [len(r["quotes"]) for r in attribute_partition(["“A,” I said.", "None."])]
        [1, 0]
    """
    for document in documents:
        yield attribute_record(document, text_field=text_field, include_text=include_text)


def attribute_bag(bag: Any, *, text_field: str = "text", include_text: bool = False) -> Any:
    """A bag of results, one per document of ``bag``, in the same order.

    Lazy, like every bag operation: nothing runs until ``.compute()``, or
    ``.to_textfiles()`` and the like.

    Args:
        bag: A Dask bag of texts or records (see :func:`attribute_record`).
        text_field: Where a record keeps its text.
        include_text: Keep the text in each result.

    Returns:
        A Dask bag of JSON-ready dictionaries. (Typed ``Any``: Dask's types
        are not checked here, so the library type-checks without Dask.)
    """
    return bag.map(attribute_record, text_field=text_field, include_text=include_text)
