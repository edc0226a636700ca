"""Attribute many texts: in input order, on several processes, in bounded memory.

:func:`attribute_many` is the library's batch entry point and what the
command line uses. With ``jobs=1`` it is a lazy ``map(attribute, texts)``.
With ``jobs > 1`` it cuts the input into chunks, runs them on a
:mod:`multiprocessing` pool, and yields the results in input order. It never
holds more than a fixed window of chunks in flight (``2 * jobs`` chunks
of ``chunksize`` texts), so memory stays bounded however long the input is,
and it pulls texts from ``texts`` only as fast as results are consumed.
(:meth:`multiprocessing.pool.Pool.imap` would read the whole input ahead.)

Example:
    >>> [len(result.quotes) for result in attribute_many(["“Yes,” she said.", "No quotes."])]
    [1, 0]
"""

from __future__ import annotations

import collections
import itertools
import multiprocessing
import os
import signal
from collections.abc import Callable, Generator, Iterable, Iterator
from functools import partial
from multiprocessing.pool import AsyncResult
from typing import TypeVar

from attribution.model import Attribution
from attribution.pipeline import Attributor, attribute

__all__ = ["DEFAULT_CHUNKSIZE", "attribute_many", "resolve_jobs"]

#: Texts sent to a worker process at a time (news articles: a few ms of work each).
DEFAULT_CHUNKSIZE = 16

#: Chunks in flight per worker: enough to keep every worker busy, few enough to bound memory.
_CHUNKS_PER_JOB = 2

_T = TypeVar("_T")
_A = TypeVar("_A")
_R = TypeVar("_R")


def resolve_jobs(jobs: int) -> int:
    """The number of processes to use: ``jobs``, or every CPU when ``jobs`` is 0.

    Example:
        >>> resolve_jobs(3)
        3
        >>> resolve_jobs(0) >= 1
        True

    Raises:
        ValueError: If ``jobs`` is negative.
    """
    if jobs < 0:
        raise ValueError(f"jobs must be >= 0 (0: one per CPU), not {jobs}")
    return jobs or os.cpu_count() or 1


def attribute_many(
    texts: Iterable[str],
    jobs: int = 1,
    *,
    chunksize: int = DEFAULT_CHUNKSIZE,
    attributor: Attributor | None = None,
) -> Generator[Attribution, None, None]:
    """Attribute each text, yielding the results in input order.

    Args:
        texts: Any iterable of texts, consumed lazily (a generator over a
            corpus on disk is fine).
        jobs: Number of processes; 1 runs in this process, 0 uses every CPU.
            The results are the same whatever the number.
        chunksize: Texts per task sent to a worker (``jobs > 1`` only).
            Memory holds at most ``2 * jobs * chunksize`` texts and results.
        attributor: The configuration to run (extended lexicons, other
            sieves); the default one when None. It is sent to each worker.

    Yields:
        One :class:`~attribution.model.Attribution` per text, in order. To
        stop early, call the generator's ``close()``: it stops the workers.

    Raises:
        ValueError: If ``jobs`` is negative or ``chunksize`` is below 1.

    Example:
        >>> texts = ["“Fine,” he said.", "“Go,” she said. “Now.”"]
        >>> [[q.text for q in r.quotes] for r in attribute_many(texts)]
        [['Fine,'], ['Go,', 'Now.']]
    """
    worker = _attribute_chunk if attributor is None else partial(_run_chunk, attributor)
    for _, result in map_ordered(texts, _identity, worker, jobs=jobs, chunksize=chunksize):
        yield result


def map_ordered(
    items: Iterable[_T],
    project: Callable[[_T], _A],
    worker: Callable[[list[_A]], list[_R]],
    *,
    jobs: int = 1,
    chunksize: int = DEFAULT_CHUNKSIZE,
) -> Iterator[tuple[_T, _R]]:
    """Run ``worker`` over chunks of projected items; yield ``(item, result)`` in order.

    Only ``project(item)`` is sent to the worker processes; the items
    themselves (metadata, say) stay in this process and are paired with their
    results again. ``worker`` must be a picklable module-level function that
    returns one result per argument, in order.

    Example:
        >>> list(map_ordered(["a", "bb"], len, _double_all))
        [('a', 2), ('bb', 4)]
    """
    jobs = resolve_jobs(jobs)
    if chunksize < 1:
        raise ValueError(f"chunksize must be >= 1, not {chunksize}")
    if jobs == 1:
        for item in items:
            yield item, worker([project(item)])[0]
        return
    window = jobs * _CHUNKS_PER_JOB
    pending: collections.deque[tuple[list[_T], AsyncResult[list[_R]]]] = collections.deque()
    iterator = iter(items)
    with multiprocessing.get_context().Pool(jobs, initializer=_ignore_interrupts) as pool:
        while True:
            while len(pending) < window:
                chunk = list(itertools.islice(iterator, chunksize))
                if not chunk:
                    break
                arguments = [project(item) for item in chunk]
                pending.append((chunk, pool.apply_async(worker, (arguments,))))
            if not pending:
                return
            chunk, future = pending.popleft()
            yield from zip(chunk, future.get(), strict=True)


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which stops them (no traceback per worker)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _identity(text: str) -> str:
    return text


def _double_all(values: list[int]) -> list[int]:
    return [2 * value for value in values]


def _attribute_chunk(texts: list[str]) -> list[Attribution]:
    return [attribute(text) for text in texts]


def _run_chunk(attributor: Attributor, texts: list[str]) -> list[Attribution]:
    return [attributor.attribute(text) for text in texts]
