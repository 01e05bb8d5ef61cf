"""The README and the guides under docs/ cannot go stale: every `kiosk` command in their `sh` code blocks
is parsed by the real parser and run for real, every relative link between them resolves, every
repository path they name exists, and the README's apt-get line is the one CI installs.

A block whose commands cannot run here (installing packages, a USB drive, the whole screen, minutes of
work) says so on the line before it, `<!-- not run by tests: why -->`: its `kiosk` commands are then
only parsed. Any other command in an unmarked block fails, so nothing is left out silently.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SHELL_LANGUAGES = {"sh", "shell", "bash"}
FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})\s*(?P<language>[\w+-]*)")
NOT_RUN = re.compile(r"^\s*<!--\s*not run by tests:\s*(?P<why>.*?)\s*-->\s*$")
KIOSK_PROGRAMS = {"kiosk", "fair-migration-kiosk"}
# Shell words that join or redirect commands: a line may pipe into or out of the kiosk.
SEPARATORS = {"|", "||", "&&", ";", "&"}
# The test suite's own command: checked against the line CI runs, not run from inside itself.
TEST_COMMAND = "uv run pytest"


@dataclass(frozen=True)
class Block:
    document: Path
    first_line: int  # the line of the opening fence
    language: str
    lines: tuple[tuple[int, str], ...]  # (line number, text) inside the fence
    not_run_because: str | None


@dataclass(frozen=True)
class Command:
    document: Path
    line: int
    text: str
    not_run_because: str | None

    @property
    def where(self) -> str:
        return f"{self.document.relative_to(ROOT)}:{self.line}"


def code_blocks(document: Path) -> list[Block]:
    blocks: list[Block] = []
    lines = document.read_text(encoding="utf-8").splitlines()
    number = 0
    while number < len(lines):
        opening = FENCE.match(lines[number])
        if not opening:
            number += 1
            continue
        marker = NOT_RUN.match(lines[number - 1]) if number else None
        indent = len(opening["indent"])
        inside: list[tuple[int, str]] = []
        closing = number + 1
        while closing < len(lines) and not lines[closing].strip().startswith(opening["fence"]):
            inside.append((closing + 1, lines[closing][indent:]))
            closing += 1
        if marker and not marker["why"]:
            pytest.fail(f"{document.relative_to(ROOT)}:{number}: a 'not run by tests' marker must say why")
        blocks.append(
            Block(
                document,
                number + 1,
                opening["language"].lower(),
                tuple(inside),
                marker["why"] if marker else None,
            )
        )
        number = closing + 1
    return blocks


def shell_commands(document: Path) -> list[Command]:
    commands: list[Command] = []
    for block in code_blocks(document):
        if block.language not in SHELL_LANGUAGES:
            continue
        pending = ""
        for number, text in block.lines:
            stripped = text.strip()
            if not pending and (not stripped or stripped.startswith("#")):
                continue
            if stripped.endswith("\\"):
                pending += stripped[:-1] + " "
                continue
            commands.append(Command(document, number, pending + stripped, block.not_run_because))
            pending = ""
    return commands


def simple_commands(text: str) -> list[list[str]]:
    """The words of each simple command in a shell line, without comments, redirections and env settings."""
    # A file descriptor written against its redirection (2>&1, 2>/dev/null) is not an argument.
    lexer = shlex.shlex(re.sub(r"(?<=\s)\d+(?=[<>])", "", text), posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    lexer.commenters = "#"
    found: list[list[str]] = [[]]
    skip_next = False
    for word in lexer:
        if skip_next:
            skip_next = False
        elif word in SEPARATORS:
            found.append([])
        elif re.fullmatch(r"[<>&]*[<>][<>&]*", word):
            skip_next = True  # the redirection's target: a file, or the descriptor after >&
        elif not found[-1] and (word in ("sudo", "exec") or re.fullmatch(r"\w+=.*", word)):
            continue
        else:
            found[-1].append(word)
    return [words for words in found if words]


def kiosk_arguments(words: list[str]) -> list[str] | None:
    """The arguments given to the kiosk, when these words run it (`uv run kiosk`, `kiosk`, the installed name)."""
    if words[:3] == ["uv", "run", "kiosk"]:
        return words[3:]
    if words[0] in KIOSK_PROGRAMS:
        return words[1:]
    return None


def parse_problem(arguments: list[str]) -> str | None:
    """What the kiosk's own parser says about these arguments, or None if they parse."""
    from kiosk.cli import build_parser

    said = io.StringIO()
    try:
        with contextlib.redirect_stderr(said), contextlib.redirect_stdout(io.StringIO()):
            build_parser().parse_args(arguments)
    except SystemExit as exit_:
        if exit_.code:
            return said.getvalue().strip().splitlines()[-1] if said.getvalue().strip() else str(exit_)
    return None


def opens_the_window(arguments: list[str]) -> bool:
    from kiosk.cli import build_parser

    try:
        with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
            parsed = build_parser().parse_args(arguments)
    except SystemExit:
        return False  # --help, --version, or a command that no longer parses (its own test says which)
    return parsed.command is None and not parsed.kiosk


def ci_lines() -> list[str]:
    return [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]


def named(document: Path) -> str:
    return str(document.relative_to(ROOT))


def test_the_guides_are_there_and_show_commands() -> None:
    names = {named(document) for document in DOCUMENTS}
    assert {"README.md", "docs/content-editors.md", "docs/booth-and-it.md", "docs/architecture.md"} <= names
    assert sum(len(shell_commands(document)) for document in DOCUMENTS) >= 20


@pytest.mark.parametrize("document", DOCUMENTS, ids=named)
def test_every_command_shown_parses_or_is_known(document: Path) -> None:
    problems: list[str] = []
    for command in shell_commands(document):
        for words in simple_commands(command.text):
            arguments = kiosk_arguments(words)
            if arguments is not None:
                if problem := parse_problem(arguments):
                    problems.append(f"{command.where}: `{command.text}`: {problem}")
            elif " ".join(words) == TEST_COMMAND:
                if TEST_COMMAND not in ci_lines():
                    problems.append(f"{command.where}: `{TEST_COMMAND}` is not the test command .ci/run runs")
            elif command.not_run_because is None:
                problems.append(
                    f"{command.where}: `{command.text}` is not a kiosk command, so this test cannot run it: "
                    "put `<!-- not run by tests: why -->` on the line before its block"
                )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("document", DOCUMENTS, ids=named)
def test_no_command_hides_outside_a_shell_block(document: Path) -> None:
    hidden = [
        f"{named(document)}:{number}: `{text.strip()}`: show a command in an sh block, where it is checked"
        for block in code_blocks(document)
        if block.language not in SHELL_LANGUAGES
        for number, text in block.lines
        if (words := text.split()) and (kiosk_arguments(words) is not None or text.strip().startswith("$ "))
    ]
    assert not hidden, "\n".join(hidden)


@pytest.fixture(scope="module")
def sandbox_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What a clone offers the commands: a copy of the content and of docs/, the test fixtures to read."""
    template = tmp_path_factory.mktemp("docs-clone")
    shutil.copytree(ROOT / "content", template / "content")
    shutil.copytree(ROOT / "docs", template / "docs")
    (template / "tests").mkdir()
    (template / "tests" / "fixtures").symlink_to(ROOT / "tests" / "fixtures")
    return template


def runnable(document: Path) -> list[Command]:
    return [
        command
        for command in shell_commands(document)
        if command.not_run_because is None
        and any(kiosk_arguments(words) is not None for words in simple_commands(command.text))
    ]


SHELL_PRELUDE = """
kiosk() { "$KIOSK_PYTHON" -m kiosk "$@" $KIOSK_WINDOW; }
fair-migration-kiosk() { kiosk "$@"; }
uv() {
  if [ "$1" = run ] && [ "$2" = kiosk ]; then shift 2; kiosk "$@"
  else echo "the docs test runs only kiosk commands, not: uv $*" >&2; return 127; fi
}
"""


@pytest.mark.parametrize("document", [d for d in DOCUMENTS if runnable(d)], ids=named)
def test_every_command_shown_runs(document: Path, sandbox_template: Path, tmp_path: Path) -> None:
    """Each document's commands in order, as a reader would type them, in a clone of their own."""
    clone = tmp_path / "clone"
    shutil.copytree(sandbox_template, clone, symlinks=True)
    home = tmp_path / "home"
    home.mkdir()
    environment = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "QT_QPA_PLATFORM": "offscreen",
        "SPEECHD_ADDRESS": f"unix_socket:{tmp_path / 'no-speech'}",
        "KIOSK_PYTHON": sys.executable,
    }
    failures: list[str] = []
    for command in runnable(document):
        kiosk_runs = [a for w in simple_commands(command.text) if (a := kiosk_arguments(w)) is not None]
        window = [opens_the_window(arguments) for arguments in kiosk_runs]
        assert all(window) or not any(window), f"{command.where}: a window and a command on one line"
        # A window command is shown for a person to look at: here it stops at its first frame.
        environment["KIOSK_WINDOW"] = "--quit-after-first-frame" if all(window) else ""
        done = subprocess.run(
            ["bash", "-c", SHELL_PRELUDE + command.text],
            cwd=clone,
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode != 0:
            said = (done.stderr.strip() or done.stdout.strip()).splitlines()[-3:]
            failures.append(
                f"{command.where}: `{command.text}` exited {done.returncode}: " + " | ".join(said)
            )
    assert not failures, "\n".join(failures)


LINK = re.compile(r"!?\[(?:[^\]\[]|\[[^\]]*\])*\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
INLINE_CODE = re.compile(r"`[^`\n]+`")
REPOSITORY_PATH = re.compile(r"`(?P<path>(?:kiosk|tests|scripts|build|resources|docs|content)/[\w./-]*)`")


def prose(document: Path) -> list[tuple[int, str]]:
    """The document's lines outside code blocks, with inline code kept (for paths) and numbered."""
    inside = {number for block in code_blocks(document) for number, _ in block.lines}
    inside |= {block.first_line for block in code_blocks(document)}
    inside |= {
        block.lines[-1][0] + 1 if block.lines else block.first_line + 1 for block in code_blocks(document)
    }
    text = document.read_text(encoding="utf-8").splitlines()
    return [(number, line) for number, line in enumerate(text, 1) if number not in inside]


def heading_anchors(document: Path) -> set[str]:
    """The anchors GitHub gives the document's headings: lower case, punctuation dropped, spaces as hyphens."""
    anchors: set[str] = set()
    for _, line in prose(document):
        if heading := re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line):
            slug = re.sub(r"[^\w\- ]", "", heading[1].lower()).replace(" ", "-")
            candidate, count = slug, 0
            while candidate in anchors:
                count += 1
                candidate = f"{slug}-{count}"
            anchors.add(candidate)
    return anchors


@pytest.mark.parametrize("document", DOCUMENTS, ids=named)
def test_every_relative_link_resolves(document: Path) -> None:
    broken: list[str] = []
    for number, line in prose(document):
        for link in LINK.finditer(INLINE_CODE.sub("", line)):
            target = link["target"]
            if re.match(r"^[a-z][a-z0-9+.-]*:", target):
                continue  # https:, mailto:: not this test's business (the kiosk is offline)
            path, _, anchor = target.partition("#")
            linked = (document.parent / path).resolve() if path else document
            if not linked.exists():
                broken.append(f"{named(document)}:{number}: {target}: no such file")
            elif anchor and linked.suffix == ".md" and anchor not in heading_anchors(linked):
                broken.append(
                    f"{named(document)}:{number}: {target}: no heading '#{anchor}' in {linked.name}"
                )
    assert not broken, "\n".join(broken)


@pytest.mark.parametrize("document", DOCUMENTS, ids=named)
def test_every_repository_path_named_exists(document: Path) -> None:
    missing = [
        f"{named(document)}:{number}: `{found['path']}` does not exist"
        for number, line in prose(document)
        for found in REPOSITORY_PATH.finditer(line)
        if not (ROOT / found["path"]).exists()
    ]
    assert not missing, "\n".join(missing)


def apt_packages(text: str) -> list[str]:
    words = shlex.split(text, comments=True)
    after = words[words.index("install") + 1 :]
    return [word for word in after if not word.startswith("-") and not word.startswith(">")]


def test_the_readme_installs_what_ci_installs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [line] = [line for line in readme.splitlines() if line.startswith("sudo apt-get install ")]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").replace("\\\n", " ")
    [ci_line] = [line for line in ci.splitlines() if "apt-get install" in line]
    readme_packages, ci_packages = apt_packages(line), apt_packages(ci_line.replace("as_root ", ""))
    assert readme_packages == ci_packages, (
        f"README.md's apt-get line and .ci/run's differ: only in the README {sorted(set(readme_packages) - set(ci_packages))}, "
        f"only in .ci/run {sorted(set(ci_packages) - set(readme_packages))}"
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("uv run kiosk schema > content.schema.json  # save it", [["uv", "run", "kiosk", "schema"]]),
        ("echo 2468 | kiosk set-pin", [["echo", "2468"], ["kiosk", "set-pin"]]),
        ("sudo apt install ./x.deb", [["apt", "install", "./x.deb"]]),
        ("X=1 exec kiosk --kiosk 2>&1", [["kiosk", "--kiosk"]]),
        (
            "kiosk stats export - 2>/dev/null >> out.csv && echo 2 > n",
            [["kiosk", "stats", "export", "-"], ["echo", "2"]],
        ),
    ],
)
def test_the_reader_splits_shell_lines_as_the_shell_does(line: str, expected: list[list[str]]) -> None:
    assert simple_commands(line) == expected


def test_a_command_that_no_longer_parses_is_caught() -> None:
    assert parse_problem(["validate", "--deep"]) is None
    assert "invalid choice" in (parse_problem(["valdate"]) or "")
    assert "unrecognized arguments" in (parse_problem(["snapshot", "home", "x.png", "--colour", "red"]) or "")


def test_a_marker_is_read_from_the_line_before_its_block(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "Text.\n\n<!-- not run by tests: needs a USB drive -->\n```sh\nkiosk pack list-usb\n```\n\n"
        "```sh\nkiosk schema\nsudo reboot\n```\n",
        encoding="utf-8",
    )
    first, second = code_blocks(page)
    assert (first.not_run_because, [t for _, t in first.lines]) == (
        "needs a USB drive",
        ["kiosk pack list-usb"],
    )
    assert (second.not_run_because, second.first_line, [n for n, _ in second.lines]) == (None, 8, [9, 10])
