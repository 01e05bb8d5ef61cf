"""A short run of the tap benchmark in the default test run: one round of a visitor's taps must
complete and report figures that make sense. Its target is judged by the full run (`uv run python
tests/bench/taps.py`), not here: a shared test machine's timings say little."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

BENCH = Path(__file__).with_name("taps.py")
# Taps of each kind in one round of the benchmark's visit.
ROUND = {
    "home card -> section": 2,
    "section card -> article": 1,
    "Back -> section": 3,
    "section card -> document item": 1,
    "language button -> same page": 2,
    "Back -> home": 3,
    "section card -> video item": 1,
    "Search -> search page": 1,
    # Then items as a visit first meets them (the smoke run taps two).
    "section card -> an item not seen before": 2,
}


@pytest.fixture(scope="module")
def smoke_run(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[subprocess.CompletedProcess[str], dict[str, Any]]:
    out = tmp_path_factory.mktemp("bench") / "taps.json"
    done = subprocess.run(
        [sys.executable, str(BENCH), "--cycles", "1", "--first-visits", "2", "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=100,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode in (0, 1), done.stderr  # 1: a target missed, which is not judged here
    return done, json.loads(out.read_text(encoding="utf-8"))


def test_every_kind_of_page_is_tapped_and_reported(
    smoke_run: tuple[subprocess.CompletedProcess[str], dict[str, Any]],
) -> None:
    done, figures = smoke_run
    assert {kind: each["taps"] for kind, each in figures["kinds"].items()} == ROUND
    assert figures["baseline"]["taps"] == sum(ROUND.values())  # one bare swap before each tap
    lines = done.stdout.splitlines()
    for kind in ROUND:
        (line,) = [line for line in lines if line.strip().startswith(kind)]
        assert line.rstrip().endswith(("PASS", "MISS"))
    assert any("bare Loader swap (baseline)" in line for line in lines)
    # The video's and the document's pages: when their media show, after the page's first frame.
    for kind in ("section card -> video item", "section card -> document item"):
        media = figures["kinds"][kind]["media"]
        assert figures["kinds"][kind]["p50"] < media["p50"] < 3000, kind
    assert done.returncode == (0 if all(figures["checks"].values()) else 1)


def test_the_figures_are_times_of_real_frames(
    smoke_run: tuple[subprocess.CompletedProcess[str], dict[str, Any]],
) -> None:
    _done, figures = smoke_run
    base = figures["baseline"]
    assert 0 < base["p50"] <= base["p95"] <= base["max"] < 3000
    assert base["frames_p50"] >= 1
    for kind, each in figures["kinds"].items():
        assert 0 < each["p50"] <= each["p95"] <= each["max"] < 3000, kind
        assert each["frames_p50"] >= 1, kind
        assert each["ratio"] == pytest.approx(each["p50"] / base["p50"]), kind
        assert figures["checks"][f"{kind} within 1.5x"] == (each["ratio"] <= 1.5)


def test_no_page_warns_while_it_is_tapped(
    smoke_run: tuple[subprocess.CompletedProcess[str], dict[str, Any]],
) -> None:
    done, _figures = smoke_run
    # A QML warning names its file; a page that warns is a page a visitor may see broken.
    assert ".qml:" not in done.stderr, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
