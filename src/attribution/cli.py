"""The ``attribution`` command: find and attribute the quotations of documents.

Usage::

    attribution article.txt                    # a table on a terminal, JSON in a pipe
    attribution corpus/ -f csv -o quotes.csv   # every *.txt of a directory, as CSV
    attribution --jsonl corpus.jsonl -j 8 > out.jsonl
    cat article.txt | attribution -            # standard input
    attribution --example                      # the bundled example article

Run ``attribution --help`` for every option. Documents are processed as a
stream, in input order, on one process or several (``--jobs``), so a corpus of
millions of articles runs in bounded memory. A document that cannot be read
or parsed gets a one-line error on standard error naming its file and line;
the others are still processed, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import csv
import importlib.resources
import io
import json
import os
import shutil
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import attrs

from attribution import __version__
from attribution.batch import map_ordered
from attribution.model import Attribution, Quote
from attribution.pipeline import attribute
from attribution.render import iter_html, to_html

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "main"]

PROG = "attribution"

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

FORMATS = ("table", "json", "jsonl", "csv", "html")

_SUFFIX_FORMATS = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
}

CSV_COLUMNS = (
    "source",
    "id",
    "quote_start",
    "quote_end",
    "quote",
    "speaker",
    "speaker_kind",
    "speaker_start",
    "speaker_end",
    "cue",
    "cue_start",
    "cue_end",
    "confidence",
    "evidence",
    "rule",
)

_DESCRIPTION = """\
Find the quotations in documents, link each one to its speaker, and say how
firmly the text attributes it (direct, reported or denied)."""

_EPILOG = """\
inputs:
  FILE            a UTF-8 text file: one document
  DIR             every *.txt file directly in DIR (with -r: below it too), sorted
  -               standard input: one document (also the input when none is given
                  and standard input is not a terminal)
  --jsonl FILE    one JSON object a line, {"id": ..., "text": ...}; other fields are
                  passed through to the output ("-": standard input)
  Positional inputs come first, in order, then the --jsonl files.

output formats (-f):
  table   quote, speaker, cue and label, aligned and cut to the terminal width
  json    one document: {"quotes": [...]}; several: a list of
          {"source": ..., <fields of a JSONL record>, "quotes": [...]}
  jsonl   one such object a line, one line per document
  csv     one row per quotation
  html    one self-contained page with the quotations highlighted
  Default: from the --output suffix (.json .jsonl .ndjson .csv .html .htm) if
  any; else table when standard output is a terminal (and with --example);
  else json for one document and jsonl for several. "Several" means a
  directory, a --jsonl file or more than one input, however many documents
  they hold, so the shape of the output does not depend on the data.
  Offsets are indexes into the decoded text (line ends are not translated).
  A "source" field is added unless a record has its own; "quotes" replaces any
  in the record; "text" is left out unless --include-text.

bad input:
  An unreadable or binary file, a malformed JSONL line, a record without a
  string "text" field, or an empty document: an error on standard error
  naming the file and line; the other documents are still processed.
  Invalid UTF-8 is decoded with U+FFFD replacement characters and a warning.
  --strict stops at the first error or warning.

exit status:
  0 every document was processed, 1 some input failed, 2 usage error."""


@attrs.frozen(slots=True)
class _Document:
    """A document to attribute: where it came from, its text, its JSONL fields."""

    source: str
    text: str
    fields: dict[str, Any] | None = None


@attrs.frozen(slots=True)
class _Problem:
    """Bad input: an error (the document is skipped) or a warning (it is not)."""

    where: str
    message: str
    error: bool = True


_Item = _Document | _Problem


class _UsageError(Exception):
    """A command line that cannot run; reported like argparse errors (status 2)."""


# ---------------------------------------------------------------------------
# Command line


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("inputs", nargs="*", metavar="INPUT", help="FILE, DIR or - (see below)")
    parser.add_argument(
        "--jsonl",
        action="append",
        default=[],
        metavar="FILE",
        help="a JSON Lines corpus (repeatable)",
    )
    parser.add_argument(
        "--example", action="store_true", help="analyse the bundled example article"
    )
    parser.add_argument(
        "-r", "--recursive", action="store_true", help="read the *.txt files below directories"
    )
    parser.add_argument(
        "--text-field",
        default="text",
        metavar="NAME",
        help='the field of a JSONL record holding the text (default: "text")',
    )
    parser.add_argument("-f", "--format", choices=FORMATS, help="output format (see below)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write here, not to stdout")
    parser.add_argument(
        "--include-text", action="store_true", help="keep each text in json/jsonl output"
    )
    parser.add_argument(
        "--width",
        type=_positive_int,
        metavar="N",
        help="table width in columns (default: the terminal's, else 100)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="processes to use, 0 for one per CPU (default: 1); the output is the same",
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar (shown on a terminal for several documents if tqdm is installed)",
    )
    parser.add_argument("--strict", action="store_true", help="stop at the first error or warning")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _at_least(minimum: int, hint: str = "") -> Callable[[str], int]:
    """An argparse type: a whole number no smaller than ``minimum``."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
        if number < minimum:
            raise argparse.ArgumentTypeError(f"must be {minimum}{hint} or more, not {number}")
        return number

    return parse


_positive_int = _at_least(1)
_jobs = _at_least(0, " (one per CPU)")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Args:
        argv: The arguments, without the program name; default ``sys.argv[1:]``.

    Returns:
        0 on success, 1 if some input failed, 2 on a usage error.
    """
    parser = _parser()
    args = parser.parse_args(argv)  # exits with status 2 on a usage error
    try:
        return _run(args)
    except _UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``attribution corpus/ | head``): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED


@attrs.define(slots=True)
class _Status:
    """What went wrong so far."""

    failed: bool = False


def _run(args: argparse.Namespace) -> int:
    inputs: list[str] = args.inputs
    jsonl: list[str] = args.jsonl
    if not inputs and not jsonl and not args.example:
        if sys.stdin is None or sys.stdin.isatty():
            raise _UsageError("no input: give FILE, DIR, '-', --jsonl FILE or --example")
        inputs = ["-"]
    if inputs.count("-") + jsonl.count("-") > 1:
        raise _UsageError("standard input ('-') can be read only once")

    sources = _expand(inputs, recursive=args.recursive)
    if args.output not in (None, "-"):
        target = Path(args.output).resolve()
        read = [s[1] for s in sources if not isinstance(s, _Problem) and s[1] is not None]
        if any(path.resolve() == target for path in [*read, *map(Path, jsonl)]):
            raise _UsageError(f"--output {args.output} is also an input")
    several = (
        bool(jsonl)
        or len(sources) + args.example != 1
        or any(isinstance(source, _Problem) or source[2] for source in sources)
    )
    to_stdout = args.output in (None, "-")
    fmt: str = args.format or _default_format(args, several=several, to_stdout=to_stdout)
    # A bar only where someone watches it, and not between the rows of a table on the terminal.
    watched = _isatty(sys.stderr) and not (to_stdout and _isatty(sys.stdout))
    progress = _Progress.create(
        enabled=several and watched and not args.quiet,
        total=None if jsonl else len(sources) + args.example,
    )
    status = _Status()
    items = _items(sources, jsonl, args)
    jobs = args.jobs if several else 1  # no pool for one document
    results = _process(items, jobs=jobs, strict=args.strict, progress=progress, status=status)
    try:
        with _OutputContext(args.output, fmt) as out:
            _WRITERS[fmt](out, results, several, args)
    finally:
        progress.close()
    return EXIT_FAILED if status.failed else EXIT_OK


def _default_format(args: argparse.Namespace, *, several: bool, to_stdout: bool) -> str:
    if not to_stdout:
        suffix = Path(args.output).suffix.lower()
        if suffix in _SUFFIX_FORMATS:
            return _SUFFIX_FORMATS[suffix]
    elif args.example or _isatty(sys.stdout):
        return "table"
    return "jsonl" if several else "json"


def _isatty(stream: IO[str] | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


class _OutputContext:
    """Opens ``--output`` (or sets up stdout) and closes it again."""

    def __init__(self, path: str | None, fmt: str) -> None:
        self._path = path
        self._fmt = fmt
        self._file: IO[str] | None = None

    def __enter__(self) -> IO[str]:
        newline = "" if self._fmt == "csv" else None
        if self._path not in (None, "-"):
            try:
                self._file = open(  # closed in __exit__
                    str(self._path),
                    "w",
                    encoding="utf-8",
                    errors="backslashreplace",
                    newline=newline,
                )
            except OSError as exc:
                raise _UsageError(f"cannot write {self._path}: {exc.strerror or exc}") from None
            return self._file
        stream = sys.stdout
        if isinstance(stream, io.TextIOWrapper):
            try:
                if self._fmt == "table":  # for the terminal, in its own encoding
                    stream.reconfigure(errors="backslashreplace")
                else:
                    stream.reconfigure(encoding="utf-8", errors="backslashreplace")
            except (ValueError, io.UnsupportedOperation):
                pass
        return stream

    def __exit__(self, *exc_info: object) -> None:
        if self._file is not None:
            self._file.close()
        else:
            sys.stdout.flush()


# ---------------------------------------------------------------------------
# Reading


#: A positional input expanded: (source name, path or None for stdin, from a directory?).
_Source = tuple[str, Path | None, bool]


def _expand(inputs: list[str], *, recursive: bool) -> list[_Source | _Problem]:
    """Positional inputs as documents to read; a directory gives its ``*.txt`` files."""
    sources: list[_Source | _Problem] = []
    for name in inputs:
        if name == "-":
            sources.append(("<stdin>", None, False))
            continue
        path = Path(name)
        if not path.is_dir():
            sources.append((name, path, False))
            continue
        try:
            found = sorted(path.rglob("*.txt") if recursive else path.glob("*.txt"))
            files = [(str(p), p, True) for p in found if p.is_file()]
        except OSError as exc:
            sources.append(_Problem(name, f"cannot list directory: {exc.strerror or exc}"))
            continue
        if files:
            sources.extend(files)
        else:
            sources.append(_Problem(name, "no *.txt files in this directory"))
    return sources


def _items(
    sources: list[_Source | _Problem], jsonl: list[str], args: argparse.Namespace
) -> Iterator[_Item]:
    """Every document and problem of the inputs, in order, read lazily."""
    for source in sources:
        if isinstance(source, _Problem):
            yield source
            continue
        name, path, _ = source
        if path is None:
            yield from _decode(name, sys.stdin.buffer.read())
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield _Problem(name, f"cannot read: {exc.strerror or exc}")
            continue
        yield from _decode(name, data)
    if args.example:
        data = importlib.resources.files("attribution").joinpath("data/example.txt").read_bytes()
        yield from _decode("example.txt", data)
    for name in jsonl:
        yield from _read_jsonl(name, text_field=args.text_field, include_text=args.include_text)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _decode(name: str, data: bytes) -> Iterator[_Item]:
    """The document in ``data``, or the problem that keeps it from being one."""
    nul = data.find(b"\x00")
    if nul >= 0:
        yield _Problem(f"{name}:{_line_of(data, nul)}", "binary file (NUL byte), skipped")
        return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", errors="replace")
        yield _Problem(
            f"{name}:{_line_of(data, exc.start)}",
            f"invalid UTF-8 (first at byte {exc.start}), replaced with U+FFFD",
            error=False,
        )
    if not text.strip():
        yield _Problem(name, "empty input")
        return
    yield _Document(name, text)


def _read_jsonl(name: str, *, text_field: str, include_text: bool) -> Iterator[_Item]:
    """The records of a JSON Lines file, one document each, read line by line."""
    label = "<stdin>" if name == "-" else name
    try:
        stream: IO[bytes] = sys.stdin.buffer if name == "-" else open(name, "rb")  # noqa: SIM115
    except OSError as exc:
        yield _Problem(label, f"cannot read: {exc.strerror or exc}")
        return
    records = 0
    try:
        for number, raw in enumerate(stream, 1):
            where = f"{label}:{number}"
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                line = raw.decode("utf-8", errors="replace")
                yield _Problem(
                    where,
                    f"invalid UTF-8 (at byte {exc.start} of the line), replaced with U+FFFD",
                    error=False,
                )
            if not line.strip():
                continue
            records += 1
            yield _record(where, line, text_field=text_field, include_text=include_text)
    except OSError as exc:
        yield _Problem(label, f"cannot read: {exc.strerror or exc}")
        return
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    if not records:
        yield _Problem(label, "empty input (no JSON lines)")


def _record(where: str, line: str, *, text_field: str, include_text: bool) -> _Item:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return _Problem(where, f"malformed JSON: {exc.msg} (column {exc.colno})")
    except (ValueError, RecursionError) as exc:
        return _Problem(where, f"malformed JSON: {_one_line(str(exc))}")
    if not isinstance(record, dict):
        return _Problem(where, f"expected a JSON object, got {_json_type(record)}")
    if text_field not in record:
        return _Problem(where, f'missing "{text_field}" field')
    text = record[text_field]
    if not isinstance(text, str):
        return _Problem(where, f'"{text_field}" is {_json_type(text)}, not a string')
    if not text.strip():
        return _Problem(where, f'empty input ("{text_field}" is blank)')
    fields = record if include_text else {k: v for k, v in record.items() if k != text_field}
    return _Document(where, text, fields)


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")


def _one_line(message: str) -> str:
    return " ".join(message.split())


# ---------------------------------------------------------------------------
# Processing


def _attribute_texts(texts: list[str | None]) -> list[Attribution | str | None]:
    """Worker: attribute each text; an exception becomes its one-line message."""
    results: list[Attribution | str | None] = []
    for text in texts:
        if text is None:
            results.append(None)
            continue
        try:
            results.append(attribute(text))
        except Exception as exc:  # a bug must not stop a corpus run
            results.append(f"internal error: {type(exc).__name__}: {_one_line(str(exc))}")
    return results


def _text_of(item: _Item) -> str | None:
    return item.text if isinstance(item, _Document) else None


def _process(
    items: Iterable[_Item], *, jobs: int, strict: bool, progress: _Progress, status: _Status
) -> Iterator[tuple[_Document, Attribution]]:
    """Attribute the documents in order; report problems; stop at one if ``strict``."""
    for item, result in map_ordered(items, _text_of, _attribute_texts, jobs=jobs):
        if isinstance(item, _Problem):
            kind = "error" if item.error else "warning"
            progress.message(f"{PROG}: {item.where}: {kind}: {item.message}")
            if item.error:
                progress.update()
            if item.error or strict:
                status.failed = True
                if strict:
                    return
            continue
        progress.update()
        if not isinstance(result, Attribution):
            progress.message(f"{PROG}: {item.source}: error: {result}")
            status.failed = True
            if strict:
                return
            continue
        yield item, result


class _Progress:
    """A tqdm progress bar on stderr, or nothing when disabled or tqdm is missing."""

    def __init__(self, bar: Any = None) -> None:
        self._bar = bar

    @classmethod
    def create(cls, *, enabled: bool, total: int | None) -> _Progress:
        if not enabled:
            return cls()
        try:
            from tqdm import tqdm
        except ImportError:
            return cls()
        return cls(tqdm(total=total, unit="doc", file=sys.stderr, leave=False, dynamic_ncols=True))

    def update(self) -> None:
        if self._bar is not None:
            self._bar.update(1)

    def message(self, line: str) -> None:
        """Print a line on stderr without breaking the bar."""
        if self._bar is not None:
            self._bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


# ---------------------------------------------------------------------------
# Writing


def _record_of(document: _Document, attribution: Attribution, include_text: bool) -> dict[str, Any]:
    """The JSON object of one document among several."""
    record: dict[str, Any] = {"source": document.source}
    if document.fields is not None:
        record.update(document.fields)
    elif include_text:
        record["text"] = document.text
    record["quotes"] = attribution.to_dict()["quotes"]
    return record


def _dumps(value: object, indent: int | None = None) -> str:
    return json.dumps(value, ensure_ascii=False, indent=indent)


def _write_json(
    out: IO[str],
    results: Iterator[tuple[_Document, Attribution]],
    several: bool,
    args: argparse.Namespace,
) -> None:
    if not several:
        for document, attribution in results:
            value = attribution.to_dict()
            if args.include_text:
                value = {"text": document.text, **value}
            out.write(_dumps(value, indent=2) + "\n")
        return
    out.write("[")
    separator = "\n"
    for document, attribution in results:
        out.write(separator + _dumps(_record_of(document, attribution, args.include_text)))
        separator = ",\n"
    out.write("\n]\n")


def _write_jsonl(
    out: IO[str],
    results: Iterator[tuple[_Document, Attribution]],
    several: bool,
    args: argparse.Namespace,
) -> None:
    for document, attribution in results:
        out.write(_dumps(_record_of(document, attribution, args.include_text)) + "\n")


def _write_csv(
    out: IO[str],
    results: Iterator[tuple[_Document, Attribution]],
    several: bool,
    args: argparse.Namespace,
) -> None:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for document, attribution in results:
        identifier = (document.fields or {}).get("id", "")
        for quote in attribution.quotes:
            speaker, cue = quote.speaker, quote.cue
            writer.writerow(
                (
                    document.source,
                    identifier,
                    quote.start,
                    quote.end,
                    quote.text,
                    "" if speaker is None else speaker.name,
                    "" if speaker is None else speaker.kind.value,
                    "" if speaker is None else speaker.mention.start,
                    "" if speaker is None else speaker.mention.end,
                    "" if cue is None else cue.text,
                    "" if cue is None else cue.start,
                    "" if cue is None else cue.end,
                    "" if quote.confidence is None else quote.confidence.value,
                    " | ".join(span.text for span in quote.evidence),
                    quote.rule or "",
                )
            )


def _write_html(
    out: IO[str],
    results: Iterator[tuple[_Document, Attribution]],
    several: bool,
    args: argparse.Namespace,
) -> None:
    if not several:
        for document, attribution in results:
            out.write(to_html(attribution, title=document.source))
        return
    sections = ((_heading(document), attribution) for document, attribution in results)
    for piece in iter_html(sections, title="Quotations"):
        out.write(piece)


def _heading(document: _Document) -> str:
    identifier = (document.fields or {}).get("id")
    return document.source if identifier is None else f"{identifier} ({document.source})"


def _write_table(
    out: IO[str],
    results: Iterator[tuple[_Document, Attribution]],
    several: bool,
    args: argparse.Namespace,
) -> None:
    width: int = args.width or shutil.get_terminal_size((100, 24)).columns
    first = True
    for document, attribution in results:
        if several:
            out.write(("" if first else "\n") + _fit(_heading(document), width).rstrip() + "\n")
        first = False
        out.write(_table(attribution.quotes, width))


def _table(quotes: tuple[Quote, ...], width: int) -> str:
    """Quote, speaker, cue and label columns, aligned, cut to ``width`` columns.

    Example:
        >>> from attribution import find_quotes
        >>> print(_table(find_quotes("“We will win the war,” he said."), 36), end="")
        QUOTE            SPEAKER  CUE  LABEL
        We will win th…  -        -    -
    """
    if not quotes:
        return "(no quotations)\n"
    rows = [
        (
            " ".join(quote.text.split()),
            "-" if quote.speaker is None else quote.speaker.name,
            "-" if quote.cue is None else " ".join(quote.cue.text.split()),
            "-" if quote.confidence is None else quote.confidence.value,
        )
        for quote in quotes
    ]
    header = ("QUOTE", "SPEAKER", "CUE", "LABEL")
    caps = (width, min(28, max(8, width // 4)), min(22, max(6, width // 5)), 8)
    widths = [min(max(_width(row[i]) for row in [header, *rows]), caps[i]) for i in range(1, 4)]
    gap = "  "
    quote_width = max(10, width - sum(widths) - 3 * len(gap))
    quote_width = min(quote_width, max(_width(row[0]) for row in [header, *rows]))
    lines = []
    for row in [header, *rows]:
        cells = [_fit(row[0], quote_width)] + [_fit(row[i], widths[i - 1]) for i in range(1, 4)]
        lines.append(gap.join(cells).rstrip() + "\n")
    return "".join(lines)


def _char_width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _width(text: str) -> int:
    """Display width in terminal columns (wide CJK characters count two)."""
    return sum(map(_char_width, text))


def _fit(text: str, width: int) -> str:
    """``text`` cut with "…" or padded with spaces to exactly ``width`` columns.

    Example:
        >>> _fit("Vladimir Putin", 8), _fit("Putin", 8)
        ('Vladimi…', 'Putin   ')
    """
    used = 0
    for index, char in enumerate(text):
        size = _char_width(char)
        if used + size > width:
            kept = text[:index]
            while _width(kept) > width - 1:
                kept = kept[:-1]
            kept += "…"
            return kept + " " * (width - _width(kept))
        used += size
    return text + " " * (width - used)


_Writer = Callable[
    [IO[str], Iterator[tuple[_Document, Attribution]], bool, argparse.Namespace], None
]

_WRITERS: dict[str, _Writer] = {
    "table": _write_table,
    "json": _write_json,
    "jsonl": _write_jsonl,
    "csv": _write_csv,
    "html": _write_html,
}
