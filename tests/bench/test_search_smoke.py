"""A short run of the search benchmark in the default test run: it must complete and report figures
that make sense. Its targets are judged by the full run (`uv run python tests/bench/search.py`), not
here: a shared test machine's timings say little."""

from __future__ import annotations

import importlib.util
import json
import math
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.core.contentkit import build_valid_content

BENCH = Path(__file__).with_name("search.py")
ITEMS = 300
RUNS = 2  # query passes; drawing takes max(1, RUNS // 2)


def bench_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_search", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def smoke_run(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[subprocess.CompletedProcess[str], dict[str, Any]]:
    out = tmp_path_factory.mktemp("bench") / "search.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(BENCH), "--items", str(ITEMS), "--runs", str(RUNS), "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=100,
        env=env,
    )
    assert done.returncode in (0, 1), done.stderr  # 1: a target missed, which is not judged here
    return done, json.loads(out.read_text(encoding="utf-8"))


def test_the_report_names_every_figure_and_target(
    smoke_run: tuple[subprocess.CompletedProcess[str], dict[str, Any]],
) -> None:
    done, figures = smoke_run
    assert done.stderr == ""
    for line in ("first start, built", "second start, cache hit", "p95", "bare ListView (baseline)"):
        assert line in done.stdout
    for line in ("misspelt words typed key by key", "right spelling offered", "script-mixed set"):
        assert line in done.stdout
    assert done.stdout.count("PASS") + done.stdout.count("MISS") == len(figures["checks"]) == 5
    assert done.returncode == (0 if all(figures["checks"].values()) else 1)


def test_the_index_is_built_once_then_found(
    smoke_run: tuple[subprocess.CompletedProcess[str], dict[str, Any]],
) -> None:
    _done, figures = smoke_run
    index = figures["index"]
    assert figures["items"] == ITEMS and figures["sections"] == math.ceil(ITEMS / 100)
    videos = ITEMS // 10
    # The home page, every item and section once per language, and the captions of every video in
    # three languages.
    assert index["entries"] == 3 * (1 + ITEMS + figures["sections"]) + 3 * videos
    assert index["captions_entries"] == 3 * videos
    assert (index["first_built"], index["second_built"], index["same_file"]) == (True, False, True)
    assert index["cache_hit_s"] > 0 and index["collect_s"] > 0 and 0 < index["build_s"] < 60
    assert figures["checks"]["second start finds the index (no rebuild)"]


def test_every_keystroke_is_timed_and_every_query_finds_something(
    smoke_run: tuple[subprocess.CompletedProcess[str], dict[str, Any]],
) -> None:
    _done, figures = smoke_run
    bench = bench_module()
    queries = figures["queries"]
    typed = bench.keystrokes()
    # Every key searches but the first letter of each query.
    searching = len(typed) - sum(len(queries) for queries in bench.QUERIES.values())
    assert queries["keystrokes"] == len(typed)
    assert queries["searched"] == searching
    assert queries["count"] == RUNS * searching
    assert queries["without_results"] == []
    assert 0 < queries["p50"] <= queries["p95"] <= queries["max"] < 5000

    scripts = figures["scripts"]["queries"]
    typed_in_scripts = bench.keystrokes(bench.SCRIPT_QUERIES)
    assert scripts["keystrokes"] == len(typed_in_scripts)
    assert scripts["count"] == RUNS * scripts["searched"] > 0
    assert scripts["without_results"] == [], "every script-mixed query finds something as it is typed"
    assert 0 < scripts["p50"] <= scripts["p95"] <= scripts["max"] < 5000
    assert figures["scripts"]["items"] == ITEMS // 4

    drawing = figures["drawing"]
    for side in ("kiosk", "bare"):
        values = drawing[side]
        assert values["count"] == max(1, RUNS // 2) * len(typed)
        assert 0 < values["p50"] <= values["p95"] <= values["max"] < 5000
    assert drawing["difference_ms"] == pytest.approx(drawing["kiosk"]["p50"] - drawing["bare"]["p50"])
    assert 0 < drawing["rows_mean"] <= drawing["rows_max"] <= 40


def test_every_misspelt_word_is_offered_the_word_meant(
    smoke_run: tuple[subprocess.CompletedProcess[str], dict[str, Any]],
) -> None:
    _done, figures = smoke_run
    typos = figures["typos"]
    meant = {typo: right for pairs in bench_module().TYPOS.values() for typo, right in pairs}
    assert typos["offered"] == meant
    assert typos["right"] == typos["typos"] == len(meant)
    assert typos["count"] == RUNS * typos["searched"] > 0


def test_generated_content_has_the_shape_the_loader_compiles(tmp_path: Path) -> None:
    """The benchmark writes compiled content directly: it must not drift from what the loader makes."""
    loaded = build_valid_content(tmp_path / "content").load().compiled
    assert loaded is not None
    generated = bench_module().generate_compiled(40, tmp_path / "generated")
    assert generated.keys() == loaded.keys()
    assert generated["format"] == loaded["format"]
    assert generated["agenda"].keys() == loaded["agenda"].keys()
    assert generated["sections"][0].keys() == loaded["sections"][0].keys()
    loaded_kinds = {item["kind"]: item for item in loaded["items"].values()}
    generated_kinds = {item["kind"]: item for item in generated["items"].values()}
    assert set(generated_kinds) == {"article", "document", "link", "video"}
    for kind, item in generated_kinds.items():
        assert item.keys() == loaded_kinds[kind].keys(), kind
    for item in generated["items"].values():
        assert set(item["title"]) == set(item["body"]) == {"en", "fr", "es"}
        for relative in (item.get("captions") or {}).values():
            assert (tmp_path / "generated" / relative).is_file()
