"""The ``attribution`` command, run for real in a subprocess."""

from __future__ import annotations

import csv
import io
import json
import os
import struct
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from attribution.cli import CSV_COLUMNS
from attribution.pipeline import attribute

SRC = Path(__file__).resolve().parent.parent / "src"

TEXT_A = "“We will take back these territories,” Putin told India Today.\n"
TEXT_B = "Trump said the talks were “reasonably good”.\n\n“It does take two to tango,” he added.\n"
TEXT_C = "The envoy said there was “no compromise” on ending the war.\n"


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    env.pop("COLUMNS", None)
    env.update(extra)
    return env


def run(
    *args: str | Path, stdin: bytes = b"", cwd: Path | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m attribution ARGS``; decode its output as UTF-8."""
    proc = subprocess.run(
        [sys.executable, "-m", "attribution", *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=_env(**env),
        timeout=120,
        check=False,
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )


def assert_clean_errors(stderr: str, expected_lines: int) -> list[str]:
    """Each problem is one line on stderr, and no traceback escapes."""
    lines = stderr.splitlines()
    assert "Traceback" not in stderr
    assert len(lines) == expected_lines, stderr
    assert all(line.startswith("attribution: ") for line in lines), stderr
    return lines


def jsonl(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines()]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A directory with two texts, a non-text file and a subdirectory."""
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text(TEXT_B, encoding="utf-8")
    (folder / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (folder / "notes.md").write_text(TEXT_C, encoding="utf-8")
    (folder / "sub" / "c.txt").write_text(TEXT_C, encoding="utf-8")
    return folder


# --- inputs --------------------------------------------------------------------------


def test_one_file_gives_the_library_json_by_default_in_a_pipe(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT_A, encoding="utf-8")
    result = run(path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert json.loads(result.stdout) == attribute(TEXT_A).to_dict()


def test_stdin_dash_is_one_document() -> None:
    result = run("-", stdin=TEXT_B.encode())
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert output == attribute(TEXT_B).to_dict()
    assert [q["text"] for q in output["quotes"]] == [
        "reasonably good",
        "It does take two to tango,",
    ]


def test_directory_reads_its_txt_files_sorted_as_jsonl(corpus: Path) -> None:
    result = run(corpus)
    assert result.returncode == 0, result.stderr
    records = jsonl(result.stdout)
    assert [r["source"] for r in records] == [str(corpus / "a.txt"), str(corpus / "b.txt")]
    assert records[1]["quotes"] == attribute(TEXT_B).to_dict()["quotes"]

    recursive = run("-r", corpus, "-f", "jsonl")
    sources = [r["source"] for r in jsonl(recursive.stdout)]
    assert sources == [str(corpus / n) for n in ("a.txt", "b.txt", "sub/c.txt")]


def test_jsonl_records_pass_their_fields_through(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    records = [
        {"id": "x1", "text": TEXT_A, "outlet": "Daily", "tags": [1, 2]},
        {"text": TEXT_C, "outlet": "Weekly"},
        {"id": 3, "source": "wire", "text": TEXT_B, "quotes": "old"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = run("--jsonl", path)
    assert result.returncode == 0, result.stderr
    out = jsonl(result.stdout)
    assert out[0] == {
        "source": f"{path}:1",
        "id": "x1",
        "outlet": "Daily",
        "tags": [1, 2],
        "quotes": attribute(TEXT_A).to_dict()["quotes"],
    }
    assert out[1]["source"] == f"{path}:2"
    assert out[1]["outlet"] == "Weekly"
    assert out[2]["source"] == "wire"  # the record's own field wins
    assert out[2]["quotes"] == attribute(TEXT_B).to_dict()["quotes"]
    assert all("text" not in r for r in out)

    with_text = jsonl(run("--jsonl", path, "--include-text").stdout)
    assert [r["text"] for r in with_text] == [TEXT_A, TEXT_C, TEXT_B]


def test_example_prints_a_table() -> None:
    result = run("--example")
    assert result.returncode == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["QUOTE", "SPEAKER", "CUE", "LABEL"]
    assert any(row.startswith("We are not walking away") for row in rows)
    assert len(rows) == len(attribute(_example_text()).quotes)


def _example_text() -> str:
    import importlib.resources

    data = importlib.resources.files("attribution").joinpath("data/example.txt")
    return data.read_bytes().decode("utf-8")


# --- formats -------------------------------------------------------------------------


def test_json_for_several_documents_is_a_list_with_sources(corpus: Path) -> None:
    result = run(corpus / "b.txt", corpus / "a.txt", "-f", "json")
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert output == [
        {"source": str(corpus / "b.txt"), **attribute(TEXT_B).to_dict()},
        {"source": str(corpus / "a.txt"), **attribute(TEXT_A).to_dict()},
    ]


def test_csv_has_one_row_per_quote(corpus: Path) -> None:
    result = run(corpus, "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    expected = [
        (str(corpus / name), q)
        for name, text in (("a.txt", TEXT_A), ("b.txt", TEXT_B))
        for q in attribute(text).quotes
    ]
    assert len(rows) - 1 == len(expected) == 3
    for row, (source, quote) in zip(rows[1:], expected, strict=True):
        record = dict(zip(CSV_COLUMNS, row, strict=True))
        assert record["source"] == source
        assert (record["quote_start"], record["quote_end"]) == (str(quote.start), str(quote.end))
        assert record["quote"] == quote.text
        assert record["speaker"] == ("" if quote.speaker is None else quote.speaker.name)


def test_html_escapes_the_text_and_marks_each_quote(tmp_path: Path) -> None:
    text = "Officials said <b> & “the deal is <done>” on Monday.\n"
    path = tmp_path / "tags.txt"
    path.write_text(text, encoding="utf-8")
    result = run(path, "-f", "html")
    assert result.returncode == 0, result.stderr
    page = result.stdout
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>" + str(path).replace("&", "&amp;") + "</title>" in page
    assert "<b>" not in page
    assert "&lt;b&gt; &amp; " in page
    assert page.count('<mark class="quote') == len(attribute(text).quotes) == 1
    assert "the deal is &lt;done&gt;" in page


def test_table_is_aligned_and_cut_to_the_width(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT_A + TEXT_B, encoding="utf-8")
    result = run(path, "-f", "table", COLUMNS="44")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1 + len(attribute(TEXT_A + TEXT_B).quotes)
    assert all(len(line) <= 44 for line in lines)
    assert "…" in result.stdout  # the long quotations were cut
    label_column = lines[0].index("LABEL")
    assert all(len(line) > label_column and line[label_column - 1] == " " for line in lines)


def test_output_file_takes_its_format_from_the_suffix(corpus: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    result = run(corpus, "--output", target)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith(",".join(CSV_COLUMNS))


def test_jobs_give_the_same_output_in_input_order(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    texts = [TEXT_A, TEXT_B, TEXT_C]
    lines = [json.dumps({"id": i, "text": texts[i % 3] * (1 + i % 4)}) for i in range(90)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    one = run("--jsonl", path, "--jobs", "1")
    three = run("--jsonl", path, "--jobs", "3")
    assert one.returncode == three.returncode == 0, three.stderr
    assert three.stdout == one.stdout
    assert [r["id"] for r in jsonl(three.stdout)] == list(range(90))


# --- bad input -----------------------------------------------------------------------


def test_unreadable_file_is_reported_and_the_others_written(corpus: Path) -> None:
    result = run(corpus / "a.txt", corpus / "missing.txt", corpus / "b.txt", "-f", "jsonl")
    assert result.returncode == 1
    [error] = assert_clean_errors(result.stderr, 1)
    assert f"{corpus / 'missing.txt'}: error: cannot read" in error
    sources = [r["source"] for r in jsonl(result.stdout)]
    assert sources == [str(corpus / "a.txt"), str(corpus / "b.txt")]


def test_binary_file_is_reported_with_its_line(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TEXT_A, encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"GIF89a\nline two\n\x00\x01\x02")
    result = run(binary, good)
    assert result.returncode == 1
    [error] = assert_clean_errors(result.stderr, 1)
    assert f"{binary}:3: error: binary file" in error
    assert [r["source"] for r in jsonl(result.stdout)] == [str(good)]


def test_invalid_utf8_is_replaced_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"First line.\n\xe2\x80\x9cCaf\xe9 now,\xe2\x80\x9d Ann said.\n")
    result = run(path)
    assert result.returncode == 0
    [warning] = assert_clean_errors(result.stderr, 1)
    assert f"{path}:2: warning: invalid UTF-8" in warning
    decoded = path.read_bytes().decode("utf-8", errors="replace")
    [quote] = json.loads(result.stdout)["quotes"]
    assert quote["text"] == "Caf\ufffd now,"
    assert decoded[quote["start"] : quote["end"]] == quote["text"]


def test_bad_jsonl_lines_are_reported_by_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    lines = [
        json.dumps({"id": "ok1", "text": TEXT_A}),
        '{"id": "broken", "text": ',
        "",  # blank lines are skipped silently
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "number", "text": 42}),
        json.dumps({"id": "blank", "text": "  \n"}),
        json.dumps({"id": "ok2", "text": TEXT_C}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("--jsonl", path)
    assert result.returncode == 1
    errors = assert_clean_errors(result.stderr, 5)
    assert [e.split(": ")[1] for e in errors] == [f"{path}:{n}" for n in (2, 4, 5, 6, 7)]
    assert "malformed JSON" in errors[0]
    assert "expected a JSON object" in errors[1]
    assert 'missing "text" field' in errors[2]
    assert "not a string" in errors[3]
    assert "empty input" in errors[4]
    assert [r["id"] for r in jsonl(result.stdout)] == ["ok1", "ok2"]


def test_empty_inputs_are_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run(empty, "-", stdin=b"  \n\n")
    assert result.returncode == 1
    errors = assert_clean_errors(result.stderr, 2)
    assert errors == [
        f"attribution: {empty}: error: empty input",
        "attribution: <stdin>: error: empty input",
    ]
    assert result.stdout == ""


def test_strict_stops_at_the_first_error(corpus: Path) -> None:
    result = run(corpus / "a.txt", corpus / "missing.txt", corpus / "b.txt", "--strict")
    assert result.returncode == 1
    assert_clean_errors(result.stderr, 1)
    assert [r["source"] for r in jsonl(result.stdout)] == [str(corpus / "a.txt")]


def test_an_internal_error_is_one_line_and_the_run_goes_on(corpus: Path) -> None:
    script = (
        "import sys, attribution.cli as cli\n"
        "real = cli.attribute\n"
        "def flaky(text):\n"
        "    if 'tango' in text: raise RuntimeError('boom\\nsecond line')\n"
        "    return real(text)\n"
        "cli.attribute = flaky\n"
        "sys.exit(cli.main(sys.argv[1:]))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script, str(corpus), "-f", "jsonl"],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
        check=False,
    )
    assert proc.returncode == 1
    [error] = assert_clean_errors(proc.stderr, 1)
    assert error.endswith("b.txt: error: internal error: RuntimeError: boom second line")
    assert [r["source"] for r in jsonl(proc.stdout)] == [str(corpus / "a.txt")]


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "xml", "a.txt"],
        ["--jobs", "-2", "a.txt"],
        ["--jobs", "many", "a.txt"],
        ["-", "--jsonl", "-"],
        ["--no-such-option"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "usage: attribution" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_help_documents_formats_and_defaults() -> None:
    result = run("--help")
    assert result.returncode == 0
    for phrase in ("--jsonl FILE", "table when standard output is a terminal", "exit status"):
        assert phrase in result.stdout


def test_a_closed_pipe_stops_quietly(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    record = json.dumps({"text": TEXT_A * 20})
    path.write_text((record + "\n") * 2000, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "attribution", "--jsonl", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    assert json.loads(proc.stdout.readline())["source"] == f"{path}:1"
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 1
    assert stderr == ""


# --- progress ------------------------------------------------------------------------


def run_with_terminal_stderr(args: list[str], *, block_tqdm: bool = False) -> tuple[int, str, str]:
    """Run the command with stderr on a pseudo-terminal (stdout stays a pipe)."""
    fcntl = pytest.importorskip("fcntl")  # POSIX only
    termios = pytest.importorskip("termios")
    master, slave = os.openpty()
    # A terminal of 24 x 80 (a new pseudo-terminal has no size, and tqdm then draws nothing).
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    prelude = "import sys\n" + ("sys.modules['tqdm'] = None\n" if block_tqdm else "")
    script = prelude + "from attribution.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    proc = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        stderr=slave,
        env=_env(),
    )
    os.close(slave)
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:  # EIO once the child has gone
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain)
    reader.start()
    stdout, _ = proc.communicate(timeout=120)
    reader.join(timeout=10)
    os.close(master)
    return proc.returncode, stdout.decode(), b"".join(chunks).decode(errors="replace")


def test_progress_bar_on_a_terminal_and_quiet(corpus: Path) -> None:
    pytest.importorskip("tqdm")
    status, stdout, stderr = run_with_terminal_stderr([str(corpus), "-r"])
    assert status == 0
    assert len(stdout.splitlines()) == 3
    assert "/3" in stderr  # e.g. "2/3 [00:00, 512doc/s]"
    assert "doc" in stderr

    status, stdout, stderr = run_with_terminal_stderr([str(corpus), "-r", "--quiet"])
    assert status == 0
    assert len(stdout.splitlines()) == 3
    assert stderr == ""


def test_runs_without_tqdm(corpus: Path) -> None:
    status, stdout, stderr = run_with_terminal_stderr([str(corpus)], block_tqdm=True)
    assert status == 0
    assert [r["source"] for r in jsonl(stdout)] == [str(corpus / "a.txt"), str(corpus / "b.txt")]
    assert stderr == ""
