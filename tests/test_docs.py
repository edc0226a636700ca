"""Run every code example of the documentation, so the docs cannot rot.

Each page in ``docs/`` is read top to bottom; its fenced blocks share one
namespace and one temporary working directory:

* ```` ```python ```` / ```` ```pycon ```` with ``>>>`` prompts: a doctest; the
  shown output must be the real output (``...`` elides).
* ```` ```python ```` without prompts: executed; if the next block is
  ```` ```text title="Output" ````, what it prints must be that block.
* ```` ```console ````: each ``$ command`` runs in a shell (the test's virtual
  environment first on ``PATH``); the lines after it are its expected stdout.
* A block with ``title="NAME"`` (any other language, ``Output`` aside) is a
  file: it is written to the working directory before later blocks run.
* A block right after a ``<!-- skip -->`` line is shown, not run (Spark,
  spaCy); a skipped Python block must still compile. After
  ``<!-- requires: MODULE -->`` a block runs only where MODULE is installed
  (Dask, an optional extra).
* ```` ```text ```` without a title is an illustration. Any other block must
  be marked ``<!-- skip -->``; an unmarked one fails the test.

The API page must document every name in ``attribution.__all__``, and the HTML
rendering embedded in the tutorial must be what the renderer produces today.
"""

from __future__ import annotations

import contextlib
import doctest
import importlib.util
import io
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import attribution

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md"))
FLAGS = doctest.ELLIPSIS

_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>```+|~~~+)(?P<info>[^\n`]*)\n"
    r"(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
_TITLE = re.compile(r'title="(?P<title>[^"]*)"')
_SKIP = "<!-- skip -->"
_REQUIRES = re.compile(r"<!-- requires: (?P<module>[\w.]+) -->")


@attrs.frozen
class Block:
    """One fenced block of a page."""

    lang: str
    title: str | None
    body: str
    line: int
    skip: bool
    requires: str | None = None


def blocks(markdown: str) -> list[Block]:
    """The fenced blocks of ``markdown`` in order."""
    found = []
    for match in _FENCE.finditer(markdown):
        info = match["info"].strip()
        lang = info.split(maxsplit=1)[0].lstrip(".").lower() if info else ""
        title = _TITLE.search(info)
        indent = len(match["indent"])
        body = "".join(line[indent:] for line in match["body"].splitlines(keepends=True))
        before = markdown[: match.start()].rstrip().rsplit("\n", 1)[-1].strip()
        requires = _REQUIRES.fullmatch(before)
        found.append(
            Block(
                lang=lang,
                title=title["title"] if title else None,
                body=body,
                line=markdown.count("\n", 0, match.start()) + 1,
                skip=before == _SKIP,
                requires=requires["module"] if requires else None,
            )
        )
    return found


def _check_output(expected: str, got: str, where: str) -> None:
    checker = doctest.OutputChecker()
    if not checker.check_output(expected.rstrip() + "\n", got.rstrip() + "\n", FLAGS):
        example = doctest.Example("", expected.rstrip() + "\n")
        diff = checker.output_difference(example, got.rstrip() + "\n", FLAGS)
        pytest.fail(f"{where}: output differs\n{diff}")


def _run_console(block: Block, where: str) -> None:
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["COLUMNS"] = "100"
    env["PYTHONIOENCODING"] = "utf-8"
    commands: list[tuple[str, list[str]]] = []
    for line in block.body.splitlines():
        if line.startswith("$ "):
            commands.append((line[2:], []))
        elif commands and commands[-1][0].endswith("\\") and not commands[-1][1]:
            commands[-1] = (commands[-1][0][:-1] + "\n" + line, [])
        elif commands:
            commands[-1][1].append(line)
        else:
            pytest.fail(f"{where}: console output before any '$ ' command")
    for command, output in commands:
        done = subprocess.run(
            command,
            shell=True,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=120,
            check=False,
        )
        label = f"{where}: $ {command}"
        if done.returncode != 0:
            pytest.fail(f"{label}\nexit status {done.returncode}\n{done.stderr}")
        _check_output("\n".join(output), done.stdout, label)


_PYTHON = ("python", "py", "pycon")


def _run_block(
    block: Block, output: Block | None, namespace: dict[str, object], page: Path, where: str
) -> None:
    if block.lang in _PYTHON and ">>>" in block.body:
        test = doctest.DocTestParser().get_doctest(block.body, {}, where, str(page), block.line)
        test.globs = namespace  # one namespace per page, as in one session
        report = io.StringIO()
        runner = doctest.DocTestRunner(optionflags=FLAGS)
        runner.run(test, out=report.write, clear_globs=False)
        if runner.failures:
            pytest.fail(report.getvalue())
    elif block.lang in _PYTHON:
        captured = io.StringIO()
        with contextlib.redirect_stdout(captured):
            exec(compile(block.body, where, "exec"), namespace)
        if output is not None:
            _check_output(output.body, captured.getvalue(), where)
        return
    elif block.lang == "console":
        _run_console(block, where)
    elif block.title is not None and block.title != "Output":
        path = Path(block.title)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(block.body, encoding="utf-8")
    elif not (block.lang == "text" and block.title is None):
        pytest.fail(f"{where}: a ```{block.lang} block that is neither run nor marked {_SKIP}")
    if output is not None:
        pytest.fail(f"{where}: an Output block must follow a Python block without prompts")


def run_page(page: Path) -> None:
    """Run every block of ``page`` in order; fail on the first mismatch."""
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    items = blocks(page.read_text(encoding="utf-8"))
    index = 0
    while index < len(items):
        block = items[index]
        following = items[index + 1] if index + 1 < len(items) else None
        output = following if following is not None and following.title == "Output" else None
        index += 1 if output is None else 2
        where = f"docs/{page.name}:{block.line}"
        missing = block.requires is not None and importlib.util.find_spec(block.requires) is None
        if block.skip or missing:
            if block.lang in _PYTHON and ">>>" not in block.body:
                compile(block.body, where, "exec")  # shown, not run: it must still parse
            continue
        _run_block(block, output, namespace, page, where)


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_page_examples(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run_page(page)


def test_pages_exist() -> None:
    names = {p.name for p in PAGES}
    assert {"index.md", "tutorial.md", "concepts.md", "cookbook.md", "api.md"} <= names


def test_api_page_documents_every_public_name() -> None:
    api = (DOCS / "api.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^::: attribution\.(\w+)\s*$", api, re.MULTILINE))
    missing = sorted(set(attribution.__all__) - documented)
    assert not missing, f"docs/api.md lacks '::: attribution.NAME' for {missing}"
    unknown = sorted(documented - set(attribution.__all__))
    assert not unknown, f"docs/api.md documents names not in attribution.__all__: {unknown}"


def _renderer() -> ModuleType:
    path = DOCS / "scripts" / "render_article.py"
    spec = importlib.util.spec_from_file_location("render_article", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_embedded_rendering_is_current() -> None:
    renderer = _renderer()
    asset = DOCS / "assets" / "article.html"
    assert asset.read_text(encoding="utf-8") == renderer.render(), (
        "docs/assets/article.html is stale: run python docs/scripts/render_article.py"
    )
    tutorial = (DOCS / "tutorial.md").read_text(encoding="utf-8")
    assert 'src="../assets/article.html"' in tutorial


def test_harness_reads_blocks() -> None:
    page = '<!-- skip -->\n```python\nimport spark\n```\n\n```text title="a.txt"\nhi\n```\n'
    first, second = blocks(page)
    assert (first.lang, first.skip, first.line) == ("python", True, 2)
    assert (second.lang, second.title, second.body, second.skip) == ("text", "a.txt", "hi\n", False)


@pytest.mark.parametrize(
    "page",
    [
        "```python\n>>> 1 + 1\n3\n\n```\n",
        '```python\nprint("hi")\n```\n\n```text title="Output"\nho\n```\n',
        "```console\n$ echo hi\nho\n```\n",
        "```bash\necho not run, not marked\n```\n",
    ],
    ids=["doctest", "output", "console", "unmarked"],
)
def test_harness_fails_on_a_wrong_example(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "page.md").write_text(page, encoding="utf-8")
    with pytest.raises(pytest.fail.Exception):
        run_page(tmp_path / "page.md")
