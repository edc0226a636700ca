"""Throughput of ``find_quotes`` on news text and on adversarial input.

Every figure is the best of ``--repeat`` runs. Each input is also scanned once
by a bare compiled ``regex`` that only finds the quotation-mark characters
(``len(pattern.findall(text))``); the ratio of the two times says how much
work the parser does beyond that one scan, and must stay small (aim: <= 20)
on every input, however hostile. Sizes are megabytes of UTF-8.

Usage::

    python benchmarks/bench_quotes.py [GOLD.jsonl] [--repeat N] [--size BYTES]

Without a path, the texts of ``../shared/data/polnear/dev.jsonl`` (relative to
the repository root) are used; a missing file skips that row.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import regex

from attribution import find_quotes
from attribution.lexicon.quote_marks import DEFAULT_PAIRS

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO.parent / "shared" / "data" / "polnear" / "dev.jsonl"
MB = 1_000_000

QUOTE_CHARACTERS = "".join(sorted({c for pair in DEFAULT_PAIRS for c in pair.open + pair.close}))
BARE_SCAN = regex.compile("[" + "".join(regex.escape(c) for c in QUOTE_CHARACTERS) + "]")


def _fill(unit: str, size: int) -> str:
    """``unit`` repeated to ``size`` bytes of UTF-8."""
    return unit * max(1, size // len(unit.encode("utf-8")))


def _random_text(rng: random.Random, alphabet: str, size: int) -> str:
    """Random characters of ``alphabet``, about ``size`` bytes of UTF-8."""
    mean = len(alphabet.encode("utf-8")) / len(alphabet)
    return "".join(rng.choices(alphabet, k=int(size / mean)))


def adversarial_inputs(size: int) -> dict[str, str]:
    """The hostile inputs, each about ``size`` bytes of UTF-8."""
    rng = random.Random(2024)
    garbage_alphabet = QUOTE_CHARACTERS + "′″  \n\n.,;:!?()aAsS51"
    levels = size // 20  # "“a ‘a " opens two levels in 10 bytes; closing takes as many
    deep = "“a ‘a " * levels + "core" + " a’ a”" * levels
    return {
        "200,000 unclosed “ (1 MB)": _fill("“x ", size),
        f"{2 * levels:,}-deep nesting": deep,
        "run of ' apostrophes": "'" * size,
        "run of ’ apostrophes": "’" * (size // 3),
        'run of " straight quotes': '"' * size,
        "possessives s' s' s'": _fill("s' ", size),
        "dense small quotes “a” ": _fill("“a” ", size),
        "mixed garbage": _random_text(rng, garbage_alphabet, size),
    }


def best_time(function: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` calls, in seconds (garbage collection paused)."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            function()
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    return best


def measure(texts: Sequence[str], repeat: int) -> tuple[float, int, float, float]:
    """Megabytes, quotes found, parser seconds and bare-scan seconds for ``texts``."""
    size = sum(len(t.encode("utf-8")) for t in texts) / MB
    found = sum(len(find_quotes(t)) for t in texts)
    parse = best_time(lambda: [find_quotes(t) for t in texts], repeat)
    scan = best_time(lambda: [len(BARE_SCAN.findall(t)) for t in texts], repeat)
    return size, found, parse, scan


def read_texts(path: Path) -> list[str]:
    """The ``text`` of every document of a JSON Lines file."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the table; returns 1 if a ratio is over the aim."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD, help="JSON Lines")
    parser.add_argument("--repeat", type=int, default=5, help="runs per input; best counts")
    parser.add_argument("--size", type=int, default=MB, help="bytes per adversarial input")
    parser.add_argument("--aim", type=float, default=20.0, help="largest acceptable ratio")
    args = parser.parse_args(argv)

    rows: list[tuple[str, Sequence[str]]] = []
    if args.gold.exists():
        rows.append((f"news: {args.gold.name}", read_texts(args.gold)))
    else:
        print(f"note: {args.gold} not found; news row skipped", file=sys.stderr)
    rows.extend((name, [text]) for name, text in adversarial_inputs(args.size).items())

    header = f"{'input':<28} {'MB':>6} {'quotes':>8} {'find_quotes MB/s':>17} "
    header += f"{'bare scan MB/s':>15} {'ratio':>6}"
    print(header)
    print("-" * len(header))
    worst = 0.0
    for name, texts in rows:
        size, found, parse, scan = measure(texts, args.repeat)
        ratio = parse / scan
        worst = max(worst, ratio)
        print(
            f"{name:<28} {size:>6.2f} {found:>8,} {size / parse:>17.2f} "
            f"{size / scan:>15.2f} {ratio:>6.1f}"
        )
    print(f"\nworst ratio {worst:.1f} (aim <= {args.aim:g}); best of {args.repeat} runs")
    return 0 if worst <= args.aim else 1


if __name__ == "__main__":
    sys.exit(main())
