"""Throughput, peak memory and scaling of ``attribute``, each against a bare regex scan.

Run from the repository root (it imports the working tree's ``src``)::

    python benchmarks/bench_attribute.py            # everything (minutes: 10 MB documents)
    python benchmarks/bench_attribute.py --quick    # smaller and fewer runs
    python benchmarks/bench_attribute.py --help

What it measures, on one core:

* **Throughput**: MB/s of ``attribute(text)`` over the PolNeAR dev texts
  (default ``../shared/data/polnear/dev.jsonl``) and over the seed article
  repeated into one document, best of ``--repeat`` runs. MB means 10**6 bytes of
  the texts encoded as UTF-8. Next to each, in the same run and on the same
  texts, one bare scan for quotation-mark characters with one compiled
  ``regex`` character class (``len(pattern.findall(text))``), and the ratio of
  the two times: the cost of attribution over the floor of touching the text.
* **Peak RSS**: the peak resident set size of a fresh child process per
  measurement, read by the child itself (``VmHWM`` in ``/proc/self/status`` on
  Linux, ``getrusage(RUSAGE_SELF).ru_maxrss`` elsewhere; see ``peak_rss_bytes``):
  Python with the library imported and nothing done (the baseline); the whole
  dev set streamed line by line through ``attribute`` and ``to_dict``, as the
  command line does; and the largest scaling document attributed at once. RSS,
  not ``tracemalloc``: it counts everything the process holds, interpreter
  included.
* **Scaling**: time per MB of documents from 1 KB to 10 MB (the seed article's
  paragraphs repeated), which stays flat when time grows linearly.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))  # measure the working tree, installed or not

import regex  # noqa: E402

from attribution.lexicon.quote_marks import default_quote_marks  # noqa: E402
from attribution.pipeline import attribute  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "polnear" / "dev.jsonl"
DEFAULT_ARTICLE = ROOT.parent / "shared" / "seed" / "article.txt"
SIZES = ("1K", "10K", "100K", "1M", "10M")
QUICK_SIZES = ("1K", "10K", "100K", "1M")

#: Every character of every quotation mark the library knows, in one class.
BARE_SCAN = regex.compile(
    "[" + "".join(sorted({regex.escape(c) for m in default_quote_marks().marks for c in m})) + "]"
)


def bare_scan(text: str) -> int:
    """The floor: find every quotation-mark character, nothing else."""
    return len(BARE_SCAN.findall(text))


def run_attribute(text: str) -> int:
    return len(attribute(text).quotes)


def megabytes(texts: Sequence[str]) -> float:
    return sum(len(text.encode("utf-8")) for text in texts) / 1e6


def parse_size(size: str) -> int:
    units = {"K": 10**3, "M": 10**6}
    size = size.strip().upper()
    if size[-1:] in units:
        return int(float(size[:-1]) * units[size[-1]])
    return int(size)


def best_time(function: Callable[[str], int], texts: Sequence[str], repeat: int) -> float:
    """Best of ``repeat`` runs over all ``texts``; short runs are looped to 50 ms or more."""
    gc.collect()
    start = time.perf_counter()
    for text in texts:
        function(text)
    once = time.perf_counter() - start
    loops = max(1, int(0.05 / once)) if once > 0 else 1000
    best = once
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(loops):
            for text in texts:
                function(text)
        best = min(best, (time.perf_counter() - start) / loops)
    return best


def load_texts(path: Path, limit: int | None) -> list[str]:
    texts = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                texts.append(json.loads(line)["text"])
            if limit is not None and len(texts) >= limit:
                break
    return texts


def article_document(article: str, size: int) -> str:
    """The article's paragraphs, cycled until the document has ``size`` UTF-8 bytes."""
    paragraphs = [p for p in article.split("\n") if p.strip()]
    parts: list[str] = []
    used = 0
    index = 0
    while used < size:
        paragraph = paragraphs[index % len(paragraphs)]
        cost = len(paragraph.encode("utf-8")) + 2
        if parts and used + cost > size * 1.05:  # small sizes: stop near the target
            break
        parts.append(paragraph)
        used += cost
        index += 1
    return "\n\n".join(parts)


# --- reporting ---------------------------------------------------------------------------


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        first = cells[0].ljust(widths[0])
        return "  ".join([first, *(c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))])

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(row) for row in rows)])


def throughput_row(name: str, texts: Sequence[str], repeat: int) -> list[str]:
    size = megabytes(texts)
    quotes = sum(run_attribute(text) for text in texts)
    seconds = best_time(run_attribute, texts, repeat)
    scan = best_time(bare_scan, texts, repeat)
    return [
        name,
        str(len(texts)),
        f"{size:.2f}",
        str(quotes),
        f"{seconds:.3f}",
        f"{size / seconds:.2f}",
        f"{scan * 1000:.2f}",
        f"{size / scan:.0f}",
        f"{seconds / scan:.0f}x",
    ]


def throughput(args: argparse.Namespace, dev: list[str] | None, article: str) -> None:
    rows = []
    if dev is not None:
        rows.append(throughput_row("PolNeAR dev", dev, args.repeat))
    repeated = article_document(article, int(args.article_mb * 1e6))
    rows.append(
        throughput_row(f"article repeated, {args.article_mb:g} MB", [repeated], args.repeat)
    )
    print(f"\nThroughput, one core, best of {args.repeat} (MB = 10^6 UTF-8 bytes)\n")
    header = ["corpus", "docs", "MB", "quotes", "attribute s", "MB/s", "scan ms", "scan MB/s"]
    print(table([*header, "attribute/scan"], rows))


def scaling(args: argparse.Namespace) -> None:
    print(
        f"\nScaling: one document of the article's paragraphs, best of {args.repeat}"
        f" (1 above 2 MB),\neach size in a fresh child process (--timeout {args.timeout:g} s)\n",
        flush=True,
    )
    header = ["document", "chars", "quotes", "attribute ms", "ms per MB", "MB/s", "attribute/scan"]
    rows = []
    per_mb = []
    for size in args.sizes:
        repeat = args.repeat if size < 2 * 10**6 else 1
        extra = ["--child-size", str(size), "--repeat", str(repeat)]
        result = run_child(args, "scale", str(args.article), *extra)
        label = f"{size / 1e3:g} KB" if size < 10**6 else f"{size / 1e6:g} MB"
        if isinstance(result, str):
            limit = f"> {args.timeout * 1000:,.0f}" if result == "timed out" else ""
            rows.append([label, "", "", limit, result, "", "", ""])
            continue
        size_mb, seconds = result["mb"], result["seconds"]
        per_mb.append((size_mb, seconds / size_mb))
        rows.append(
            [
                label,
                f"{result['chars']:,.0f}",
                f"{result['quotes']:,.0f}",
                f"{seconds * 1000:,.2f}",
                f"{seconds / size_mb * 1000:,.0f}",
                f"{size_mb / seconds:.2f}",
                f"{seconds / result['scan']:.0f}x",
                f"{result['peak_rss_mb']:.1f}",
            ]
        )
    print(table([*header, "peak RSS MB"], rows))
    steady = [value for size_mb, value in per_mb if size_mb >= 0.099] or [v for _, v in per_mb]
    if not steady:
        return
    spread = max(steady) / min(steady)
    timed_out = len(per_mb) < len(args.sizes)  # or failed
    verdict = "NOT linear" if spread >= 1.5 or timed_out else "linear"
    print(
        f"\nms per MB from 100 KB up: {min(steady) * 1000:,.0f} to {max(steady) * 1000:,.0f}"
        f" (spread {spread:.2f}x{', and sizes without a time' if timed_out else ''}): {verdict}."
        " Below 100 KB, fixed per-call costs show."
    )


# --- child processes: peak memory and scaling ------------------------------------------------


def run_child(args: argparse.Namespace, mode: str, *extra: str) -> dict[str, float] | str:
    """Run this script as a child in ``mode``: its JSON report, or why there is none."""
    command = [sys.executable, str(Path(__file__).resolve()), "--child", mode, *extra]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        return "timed out"
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        print(f"child {mode} failed: {last}", file=sys.stderr)
        return "failed"
    report: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return report


def child(mode: str, path: str | None, size: int, repeat: int) -> None:
    """The body of a child process; prints its report (and its own peak RSS) as JSON."""
    report: dict[str, float] = {}
    if mode == "stream" and path is not None:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    json.dumps(attribute(json.loads(line)["text"]).to_dict())
    elif mode == "scale" and path is not None:
        text = article_document(Path(path).read_text(encoding="utf-8"), size)
        report["mb"] = megabytes([text])
        report["chars"] = len(text)
        report["quotes"] = run_attribute(text)
        report["seconds"] = best_time(run_attribute, [text], repeat)
        report["scan"] = best_time(bare_scan, [text], repeat)
    report["peak_rss_mb"] = peak_rss_bytes() / 1e6
    print(json.dumps(report))


def peak_rss_bytes() -> int:
    """This process's peak RSS since it started: ``VmHWM`` on Linux, else ``ru_maxrss``.

    On Linux, ``getrusage`` (``RUSAGE_SELF`` or, in the parent, ``RUSAGE_CHILDREN``)
    carries over the peak of the process that forked and exec'd the child, so a
    child of a large parent could not report less than the parent's peak.
    ``VmHWM`` belongs to the child's own address space, created at exec.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # bytes on macOS, KiB elsewhere


def memory(args: argparse.Namespace) -> None:
    print(
        "\nPeak RSS of a fresh child process per row (VmHWM of /proc/self/status on Linux,\n"
        "else getrusage ru_maxrss), MB = 10^6 bytes; the scaling table has it per size\n",
        flush=True,
    )
    rows = []
    for name, mode, extra in [
        ("baseline: Python + attribution imported", "baseline", []),
        ("PolNeAR dev, all documents streamed", "stream", [str(args.data)]),
    ]:
        if mode == "stream" and not args.data.exists():
            continue
        result = run_child(args, mode, *extra)
        rows.append([name, result if isinstance(result, str) else f"{result['peak_rss_mb']:.1f}"])
    print(table(["measurement", "peak RSS MB"], rows))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSONL corpus (dev set)")
    parser.add_argument("--article", type=Path, default=DEFAULT_ARTICLE, help="article text")
    parser.add_argument("--repeat", type=int, default=5, help="best of N runs (default 5)")
    parser.add_argument("--limit", type=int, help="use only the first N documents of --data")
    parser.add_argument("--article-mb", type=float, default=1.0, help="size of the article doc")
    parser.add_argument(
        "--sizes",
        type=lambda s: [parse_size(x) for x in s.split(",")],
        help=f"scaling sizes, e.g. 1K,100K,2M (default {','.join(SIZES)})",
    )
    parser.add_argument("--quick", action="store_true", help="sizes up to 1 MB, best of 2")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak RSS children")
    parser.add_argument("--no-scaling", action="store_true", help="skip the scaling table")
    parser.add_argument(
        "--timeout",
        type=float,
        default=600,
        help="seconds allowed per child process (default 600): a size that takes longer"
        " is reported as timed out",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--child-size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("child_argument", nargs="?", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.child_argument, args.child_size or 10**6, args.repeat)
        return 0
    if args.quick:
        args.repeat = min(args.repeat, 2)
    if args.sizes is None:
        args.sizes = [parse_size(s) for s in (QUICK_SIZES if args.quick else SIZES)]

    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(line_buffering=True)  # show each table as soon as it is done
    print(f"Python {platform.python_version()} on {platform.machine()}, {platform.system()}")
    article = args.article.read_text(encoding="utf-8")
    dev = None
    if args.data.exists():
        dev = load_texts(args.data, args.limit)
    else:
        print(f"{args.data}: not found, dev-set rows skipped")
    if not args.no_memory:
        memory(args)  # first, while this process is small (see peak_rss_bytes)
    throughput(args, dev, article)
    if not args.no_scaling:
        scaling(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
