"""attribute_many: order, identical results on several processes, bounded reading ahead."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from attribution.batch import attribute_many, map_ordered, resolve_jobs
from attribution.pipeline import attribute

SENTENCES = [
    "“Either we take back these territories by force, or the troops withdraw,” Putin said.",
    "Trump said the talks were “reasonably good”.",
    "No quotation here at all.",
    "“At times we said that yes, we can discuss this,” he said. “But not that.”",
]


def texts(count: int) -> list[str]:
    return [f"Paragraph {i}. " + SENTENCES[i % len(SENTENCES)] for i in range(count)]


def test_one_job_is_attribute_in_order() -> None:
    inputs = texts(9)
    assert list(attribute_many(inputs)) == [attribute(text) for text in inputs]


@pytest.mark.parametrize(("jobs", "chunksize"), [(2, 1), (2, 3), (3, 16)])
def test_several_jobs_give_the_same_results_in_order(jobs: int, chunksize: int) -> None:
    inputs = texts(41)
    results = list(attribute_many(inputs, jobs=jobs, chunksize=chunksize))
    assert [r.text for r in results] == inputs
    assert results == [attribute(text) for text in inputs]


def test_empty_input_gives_nothing() -> None:
    assert list(attribute_many([], jobs=2)) == []
    assert list(attribute_many(iter([]))) == []


class CountingTexts:
    """An endless stream of texts that counts how many were taken."""

    def __init__(self) -> None:
        self.taken = 0

    def __iter__(self) -> Iterator[str]:
        for i in itertools.count():
            self.taken += 1
            yield f"“Quote number {i},” she said."


@pytest.mark.parametrize("jobs", [1, 2])
def test_input_is_read_lazily_with_a_bounded_window(jobs: int) -> None:
    source = CountingTexts()
    results = attribute_many(source, jobs=jobs, chunksize=4)
    first = list(itertools.islice(results, 10))
    assert [r.quotes[0].text for r in first] == [f"Quote number {i}," for i in range(10)]
    # One job reads as it goes; several hold at most 2 * jobs chunks of 4 in flight.
    assert source.taken <= 10 + (0 if jobs == 1 else 2 * jobs * 4)
    results.close()  # stops the pool


def test_map_ordered_keeps_items_with_their_results() -> None:
    items = [("a", "“x,” I said."), ("b", "plain"), ("c", "“y” and “z”")]
    pairs = list(map_ordered(items, lambda item: item[1], _count_quotes, jobs=2, chunksize=2))
    assert pairs == [(items[0], 1), (items[1], 0), (items[2], 2)]


def _count_quotes(batch: list[str]) -> list[int]:
    return [len(attribute(text).quotes) for text in batch]


def test_bad_arguments_are_rejected() -> None:
    with pytest.raises(ValueError, match="jobs"):
        list(attribute_many(["x"], jobs=-1))
    with pytest.raises(ValueError, match="chunksize"):
        list(attribute_many(["x"], jobs=2, chunksize=0))
    assert resolve_jobs(0) >= 1


def test_attribute_many_runs_a_custom_attributor_in_workers() -> None:
    from attribution import Attributor, CueLexicon

    texts = ["“Too slow,” the coach groused."] * 3
    custom = Attributor(cues=CueLexicon().extend(verbs=["grouse"]))
    default = [r.quotes[0].speaker for r in attribute_many(texts, jobs=1)]
    assert default == [None, None, None]
    results = list(attribute_many(texts, jobs=2, chunksize=1, attributor=custom))
    assert [r.quotes[0].speaker.name for r in results if r.quotes[0].speaker] == ["the coach"] * 3
