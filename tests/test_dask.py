"""The Dask recipe, on Dask's local synchronous scheduler (skipped without Dask)."""

from __future__ import annotations

import pytest

from attribution.dask import attribute_bag, attribute_partition, attribute_record
from attribution.pipeline import attribute

db = pytest.importorskip("dask.bag")

TEXTS = [
    "“We will win,” Putin told India Today.",
    "Trump said the talks were “reasonably good”, adding “it does take two to tango.”",
    "Nothing quoted.",
]


def test_bag_of_texts_gives_the_library_results_in_order() -> None:
    bag = db.from_sequence(TEXTS, npartitions=2)
    results = attribute_bag(bag).compute(scheduler="synchronous")
    assert results == [attribute(text).to_dict() for text in TEXTS]


def test_bag_of_records_passes_fields_through() -> None:
    records = [{"id": i, "body": text, "lang": "en"} for i, text in enumerate(TEXTS)]
    bag = db.from_sequence(records, npartitions=3)
    results = attribute_bag(bag, text_field="body").compute(scheduler="synchronous")
    assert [(r["id"], r["lang"]) for r in results] == [(0, "en"), (1, "en"), (2, "en")]
    assert all("body" not in r for r in results)
    assert [r["quotes"] for r in results] == [attribute(t).to_dict()["quotes"] for t in TEXTS]


def test_partition_function_for_other_engines() -> None:
    records: list[str | dict[str, str]] = [{"text": TEXTS[1]}, TEXTS[0]]
    results = list(attribute_partition(records, include_text=True))
    assert results == [
        {"text": TEXTS[1], "quotes": attribute(TEXTS[1]).to_dict()["quotes"]},
        {"text": TEXTS[0], "quotes": attribute(TEXTS[0]).to_dict()["quotes"]},
    ]


def test_bad_records_raise_clear_errors() -> None:
    with pytest.raises(KeyError, match="'text'"):
        attribute_record({"id": 1})
    with pytest.raises(TypeError, match="string"):
        attribute_record({"text": 5})
