"""`kiosk validate`, `kiosk schema`, `--version` and `--help`, run in-process as an editor would."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
import yaml

from kiosk.cli import main

from .contentkit import ContentFolder

PROBLEM_LINE = re.compile(r"^[^:]+:\d+:\d+: \S+: .+$")
KINDS = {"article", "video", "document", "link", "collection", "session"}


def count_items(items: list[dict[str, Any]]) -> int:
    return sum(1 + count_items(item.get("items") or []) for item in items)


def test_validate_bundled_content(bundled_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(bundled_content)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert "content is valid" in out.splitlines()[0]
    # Counted here straight from the files, not through the loader.
    section_files = sorted((bundled_content / "sections").glob("*.yaml"))
    items = sum(
        count_items(yaml.safe_load(f.read_text(encoding="utf-8")).get("items") or []) for f in section_files
    )
    assert re.search(rf"^\s*sections\s+{len(section_files)}$", out, re.MULTILINE)
    assert re.search(rf"^\s*items\s+{items}:", out, re.MULTILINE)
    assert "warning" not in out


def test_validate_defaults_to_the_bundled_content(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 0
    assert "content is valid" in capsys.readouterr().out


def test_validate_bad_folder(content: ContentFolder, capsys: pytest.CaptureFixture[str]) -> None:
    content.replace("agenda.yaml", "lead: >-", "laed: >-")
    content.replace("sections/10-one.yaml", "file: media/clip.mp4", "file: media/missing.mp4")
    content.write("sections/20-two.yaml", "id: two\ntitle: [unclosed\n")
    content.write("sections/notes.txt", "a stray file\n")
    assert main(["validate", str(content.root)]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines, "no problems printed"
    for line in lines:
        assert PROBLEM_LINE.match(line), line
    printed_files = [line.split(":", 1)[0] for line in lines]
    assert set(printed_files) == {
        "agenda.yaml",
        "sections/10-one.yaml",
        "sections/20-two.yaml",
        "sections/notes.txt",
    }
    assert any(
        line.startswith("sections/20-two.yaml:") and ": (file): YAML syntax error" in line for line in lines
    )
    assert any(line.startswith("sections/notes.txt:1:1: (file): warning: ") for line in lines)
    errors = [line for line in lines if ": warning: " not in line]
    assert f"{content.root}: {len(errors)} error(s) found." in err
    assert "content is valid" not in out


def test_validate_reports_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere"
    assert main(["validate", str(missing)]) == 1
    out, err = capsys.readouterr()
    assert out.strip() == f"{missing}:1:1: (file): content folder not found"
    assert "1 error(s) found" in err


def test_validate_with_only_warnings_passes(
    content: ContentFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    content.write("sections/README.md", "notes\n")
    assert main(["validate", str(content.root)]) == 0
    out, _err = capsys.readouterr()
    lines = out.splitlines()
    assert (
        lines[0] == "sections/README.md:1:1: (file): warning: ignored: only .yaml files belong in sections/"
    )
    assert "content is valid" in lines[1]
    assert re.search(r"^\s*warnings\s+1\b", out, re.MULTILINE)


def test_validate_summary_of_the_test_folder(
    content: ContentFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(content.root)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Test agenda (version 1.0): content is valid."
    assert re.search(r"^\s*sections\s+1$", out, re.MULTILINE)
    assert re.search(
        r"^\s*items\s+7: 2 article, 1 collection, 1 document, 2 link, 1 video$", out, re.MULTILINE
    )
    assert re.search(r"^\s*stand-ins\s+1 item", out, re.MULTILINE)
    assert re.search(r"^\s*media\s+5 file\(s\)", out, re.MULTILINE)


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    definitions = schema["$defs"]
    assert {"Agenda", "Section", "KioskSettings"} <= set(definitions)
    assert {ref["$ref"] for ref in schema["anyOf"]} == {
        "#/$defs/Agenda",
        "#/$defs/Section",
        "#/$defs/KioskSettings",
    }
    kinds: set[str] = set()
    for name, definition in definitions.items():
        # An office's kind (office or venue, kiosk.yaml) is no kind of item.
        kind = definition.get("properties", {}).get("kind") if name != "Office" else None
        if kind:
            kinds.update(kind.get("enum", [kind.get("const")]))
    assert kinds == KINDS
    items = definitions["Section"]["properties"]["items"]["items"]
    assert set(items["discriminator"]["mapping"]) == KINDS
    assert definitions["Agenda"]["additionalProperties"] is False
    assert {"title", "lead", "source", "version", "sections"} <= set(definitions["Agenda"]["required"])
    # Every $ref resolves inside the document.
    refs = re.findall(r'"\$ref": "#/\$defs/([^"]+)"', json.dumps(schema))
    assert refs
    assert set(refs) <= set(definitions)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code in (0, None)
    # A source run has no build date; a frozen build shows it (tests/installers/test_frozen.py).
    assert capsys.readouterr().out.strip() == f"kiosk {version('fair-migration-kiosk')} (from source)"


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code in (0, None)
    out = capsys.readouterr().out
    assert out.startswith("usage: kiosk")
    for command in ("validate", "schema", "snapshot"):
        assert command in out


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["frobnicate"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_python_dash_m_kiosk_version() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "kiosk", "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert completed.returncode == 0, completed.stderr
    assert re.fullmatch(r"kiosk \d+\.\d+\.\d+\S* \(from source\)\n", completed.stdout)


# --- a plain start read without argparse (kiosk/cli/__init__.py, _plain_start) ---------------------------------

PLAIN_STARTS = [
    [],
    ["--kiosk"],
    ["--size", "1920x1080", "--quit-after-first-frame"],
    ["--size=1280x800", "--route", "section/videos", "--no-cache"],
    ["--content", "some/folder", "--touch-keyboard", "on", "--kiosk", "--no-supervisor"],
    ["--content=some/folder", "--touch-keyboard=off", "--safe-mode"],
    ["--size", "800x600", "--size", "1024X768"],  # the last one counts, as in argparse
    ["--route=item/x=y"],
]
NOT_PLAIN = [
    ["validate"],
    ["--help"],
    ["--version"],
    ["--cont", "folder"],  # argparse takes an abbreviation: left to it
    ["--size", "huge"],  # refused by argparse, with its message
    ["--size"],
    ["--touch-keyboard", "sometimes"],
    ["--kiosk=yes"],
    ["--route", "-x"],
    ["--", "--kiosk"],
    ["snapshot", "home", "out.png"],
]


@pytest.mark.parametrize("argv", PLAIN_STARTS, ids=lambda argv: " ".join(argv) or "(none)")
def test_a_plain_start_is_read_as_argparse_reads_it(argv: list[str]) -> None:
    from kiosk.cli import _plain_start, build_parser

    plain = _plain_start(argv)
    assert plain is not None
    assert vars(plain) == vars(build_parser(argv).parse_args(argv))


@pytest.mark.parametrize("argv", NOT_PLAIN, ids=" ".join)
def test_anything_else_is_left_to_argparse(argv: list[str]) -> None:
    from kiosk.cli import _plain_start

    assert _plain_start(argv) is None


def test_the_plain_start_knows_every_option_of_the_parser() -> None:
    # An option added to build_parser and not to the plain start's tables would only be slower (left to
    # argparse); one whose default differs would be read differently: both fail here.
    from kiosk.cli import _PLAIN_SWITCHES, _PLAIN_VALUES, _plain_defaults, build_parser

    parser = build_parser([])
    options = {option for action in parser._actions for option in action.option_strings}
    assert options == {"-h", "--help", "--version", *_PLAIN_SWITCHES, *_PLAIN_VALUES}
    assert vars(parser.parse_args([])) == _plain_defaults()
