"""Whatever an editor does to a manifest, validation reports problems with usable places; it never crashes."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.core.loader import load_content
from kiosk.core.model import all_field_names
from kiosk.core.pages import Pages
from kiosk.core.problems import Problem, Severity
from kiosk.core.yamlpos import PositionedData, YamlSyntaxError, load_yaml

from .contentkit import AGENDA_YAML, SECTION_ONE_YAML, build_valid_content

# Deterministic in CI: the same examples every run, and no example database written into the tree.
FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

MANIFESTS = {"agenda.yaml": AGENDA_YAML, "sections/10-one.yaml": SECTION_ONE_YAML}
PROBLEM_TEXT = re.compile(r"^[^\n:]+:\d+:\d+: \S+: \S")
KEYS = [*sorted(all_field_names()), "titel", "foo", "x-y", "1", "<<", "? x", "- a"]

# Explicit tags, the core scalar ones included: with values they cannot parse, PyYAML's constructors
# raise all sorts of exceptions, which must come out as clean problems.
# fmt: off
TAGS = [
    "!!str", "!!binary", "!!set", "!!omap", "!!pairs", "!!seq", "!!map", "!!null", "!foo", "!!python/tuple",
    "!!int", "!!float", "!!bool", "!!timestamp",
]

PLAIN_SCALARS = [
    "", "~", "null", "yes", "no", "on", "off", "true", "0", "-1", "007", "0x1F", "1_000", "1.5e3", ".inf",
    ".nan", "2024-02-29", "2024-02-30", "2024-01-01 12:00:00", "12:30", "-", "--", "---", "...", "|", ">-",
    "'single'", '"double"', '"esc \\u00e9 \\x"', "'unclosed", "text: with colon", "#comment", "a #b",
    "@at", "`tick", "%pct", "&anchor value", "*anchor", "*nowhere", "video", "article", "collection",
    "media/clip.mp4", "../x", "/abs", "https://example.org", "one", "intro", "nested", "Ünïcödé ✓ 移民",
]
# fmt: on


def scalar() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(PLAIN_SCALARS),
        st.integers(-(10**12), 10**12).map(str),
        st.text(max_size=12).map(json.dumps),  # a valid double-quoted string
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12),  # anything at all
        st.tuples(st.sampled_from(TAGS), st.sampled_from(PLAIN_SCALARS)).map(" ".join),
    )


def flow_value() -> st.SearchStrategy[str]:
    return st.recursive(
        scalar(),
        lambda inner: st.one_of(
            st.lists(inner, max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]"),
            st.lists(st.tuples(st.sampled_from(KEYS), inner), max_size=3).map(
                lambda pairs: "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"
            ),
        ),
        max_leaves=6,
    )


@st.composite
def block_value(draw: st.DrawFn, indent: int) -> str:
    """A nested mapping or list on the lines below a key."""
    pad = " " * (indent + 2)
    entries = draw(st.lists(st.tuples(st.sampled_from(KEYS), flow_value()), min_size=1, max_size=3))
    if draw(st.booleans()):
        return "".join(f"\n{pad}{key}: {value}" for key, value in entries)
    return "".join(f"\n{pad}- {value}" for _key, value in entries)


# fmt: off
OPERATIONS = [
    "delete", "duplicate", "swap", "indent", "insert-chars", "insert-key", "value", "block-value", "alias",
    "truncate",
]
# fmt: on
KEY_LINE = re.compile(r"^(?P<head>\s*(?:-\s+)?(?P<key>[\w-]+):)(?P<value>.*)$")


@st.composite
def mutated_text(draw: st.DrawFn, text: str) -> str:
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            lines = [""]
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        line = lines[i]
        match = KEY_LINE.match(line)
        op = draw(st.sampled_from(OPERATIONS))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, line)
        elif op == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "indent":
            stripped = line.lstrip(" ")
            width = len(line) - len(stripped)
            shift = draw(st.sampled_from(["tab", -4, -2, -1, 1, 2, 4]))
            if shift == "tab":
                lines[i] = "\t" + stripped
            else:
                lines[i] = " " * max(0, width + int(shift)) + stripped
        elif op == "insert-chars":
            chars = draw(
                st.text(
                    alphabet=st.one_of(
                        st.sampled_from(list(":-[]{}#&*!|>'\"%@`,?\t \n\\")),
                        st.characters(blacklist_categories=("Cs",)),
                    ),
                    min_size=1,
                    max_size=6,
                )
            )
            at = draw(st.integers(0, len(line)))
            lines[i] = line[:at] + chars + line[at:]
        elif op == "insert-key":
            indent = len(line) - len(line.lstrip(" "))
            key = draw(st.sampled_from(KEYS))
            lines.insert(i, f"{' ' * indent}{key}: {draw(flow_value())}")
        elif op == "value" and match:
            lines[i] = f"{match['head']} {draw(flow_value())}"
        elif op == "block-value" and match:
            indent = len(line) - len(line.lstrip(" -"))
            lines[i] = match["head"] + draw(block_value(indent))
        elif op == "alias":
            target = KEY_LINE.match(lines[j])
            if match and target and i != j:
                lines[i] = f"{match['head']} &a{match['value']}"
                lines[j] = f"{target['head']} *a"
        elif op == "truncate":
            joined = "\n".join(lines)
            lines = joined[: draw(st.integers(0, len(joined)))].split("\n")
    return "\n".join(lines)


@st.composite
def broken_folder(draw: st.DrawFn) -> dict[str, str]:
    """New texts for one or both manifests."""
    chosen = draw(st.sampled_from([["agenda.yaml"], ["sections/10-one.yaml"], list(MANIFESTS)]))
    return {name: draw(mutated_text(MANIFESTS[name])) for name in chosen}


@pytest.fixture(scope="module")
def fuzz_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_valid_content(tmp_path_factory.mktemp("fuzz") / "content").root


def check_problem(root: Path, texts: dict[str, str], problem: Problem) -> None:
    assert isinstance(problem, Problem)
    assert problem.file
    assert problem.file in texts or (root / problem.file).exists(), problem
    assert problem.line >= 1, problem
    assert problem.column >= 1, problem
    assert problem.message.strip(), problem
    assert isinstance(problem.severity, Severity)
    assert PROBLEM_TEXT.match(str(problem)), str(problem)
    text = texts.get(problem.file)
    if text is None:
        assert (problem.line, problem.column) == (1, 1), problem
        return
    lines = text.splitlines()
    assert problem.line <= len(lines) + 1, f"{problem} (the file has {len(lines)} lines)"
    if problem.line <= len(lines):
        assert problem.column <= len(lines[problem.line - 1]) + 1, f"{problem}: {lines[problem.line - 1]!r}"


@pytest.mark.parametrize(
    "problem",
    [
        Problem("agenda.yaml", 0, 1, "", "bad line"),
        Problem("agenda.yaml", 1, 0, "", "bad column"),
        Problem("agenda.yaml", 99, 1, "", "past the end"),
        Problem("agenda.yaml", 1, 80, "title", "past the end of the line"),
        Problem("elsewhere.yaml", 1, 1, "", "no such file"),
        Problem("agenda.yaml", 1, 1, "", " "),
    ],
)
def test_check_problem_rejects_unusable_places(problem: Problem) -> None:
    with pytest.raises(AssertionError):
        check_problem(Path("/nonexistent"), {"agenda.yaml": "title: x\nlead: y\n"}, problem)


def current_texts(root: Path) -> Iterator[tuple[str, str]]:
    for name in MANIFESTS:
        yield name, (root / name).read_text(encoding="utf-8")


@FUZZ
@given(changes=broken_folder())
def test_mutated_manifests_never_crash_and_problems_have_places(
    fuzz_root: Path, changes: dict[str, str]
) -> None:
    for name, original in MANIFESTS.items():
        (fuzz_root / name).write_text(changes.get(name, original), encoding="utf-8")
    texts = dict(current_texts(fuzz_root))

    result = load_content(fuzz_root)

    for problem in result.problems:
        check_problem(fuzz_root, texts, problem)
    has_errors = any(p.severity is Severity.ERROR for p in result.problems)
    assert (result.compiled is None) == has_errors
    if result.compiled is not None:
        # What the cache writes and the UI reads must hold up too.
        json.dumps(result.compiled)
        pages = Pages(result.compiled)
        for route in pages.routes():
            assert pages.page(route, "en")["route"] == route


def test_the_fuzzer_produces_both_valid_and_invalid_folders(tmp_path: Path) -> None:
    """Guards against a strategy that only ever breaks the YAML (and so tests nothing beyond the parser)."""
    root = build_valid_content(tmp_path / "content").root
    outcomes: dict[str, int] = {"valid": 0, "syntax": 0, "schema": 0}

    @settings(max_examples=60, deadline=None, derandomize=True, database=None)
    @given(changes=broken_folder())
    def run(changes: dict[str, str]) -> None:
        for name, original in MANIFESTS.items():
            (root / name).write_text(changes.get(name, original), encoding="utf-8")
        result = load_content(root)
        if result.compiled is not None:
            outcomes["valid"] += 1
        elif any("YAML syntax error" in p.message for p in result.problems):
            outcomes["syntax"] += 1
        else:
            outcomes["schema"] += 1

    run()
    assert all(count > 0 for count in outcomes.values()), outcomes


# -- load_yaml on its own ----------------------------------------------------------------------------

# fmt: off
YAML_TOKENS = [
    "a", "title", "items", "en", "1", "x y", ":", ": ", "- ", "-", "?", "[", "]", "{", "}", ",", "#",
    "&a ", "*a", "*b", "'", '"', "|", ">", "!", "!!str ", "!foo ", "%YAML 1.1", "---", "...", "<<: ",
    "\n", "\n", "\n  ", "\n    ", "\t", " ", "  ", "é", "\ufeff", "\r\n", "\x85", "\u2028",
]
# fmt: on


def yaml_soup() -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(YAML_TOKENS), max_size=40).map("".join)


def check_load_yaml(text: str) -> None:
    try:
        positioned = load_yaml(text)
    except YamlSyntaxError as exc:
        assert exc.message.strip()
        assert exc.line >= 1
        assert exc.column >= 1
        assert exc.line <= len(text.splitlines()) + 1, (exc.line, exc.message)
        return
    assert isinstance(positioned, PositionedData)
    assert_string_keys(positioned.data)
    for line, column in [*positioned.value_positions.values(), *positioned.key_positions.values()]:
        assert line >= 1
        assert column >= 1


def assert_string_keys(data: Any) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            assert isinstance(key, str)
            assert_string_keys(value)
    elif isinstance(data, list):
        for value in data:
            assert_string_keys(value)


@settings(FUZZ, max_examples=300)
@given(text=st.text())
def test_load_yaml_on_any_text_raises_only_yaml_syntax_error(text: str) -> None:
    check_load_yaml(text)


@settings(FUZZ, max_examples=300)
@given(text=yaml_soup())
def test_load_yaml_on_yaml_like_text_raises_only_yaml_syntax_error(text: str) -> None:
    check_load_yaml(text)


@pytest.mark.parametrize(
    "text",
    ["a: !!bool maybe", "a: !!bool", "a: !!int", "a: !!int '-'", "a: !!float ''", "a: !!timestamp soon"],
)
def test_tagged_scalars_that_do_not_parse(text: str) -> None:
    with pytest.raises(YamlSyntaxError) as caught:
        load_yaml(text)
    assert (caught.value.line, caught.value.column) == (1, 4)
