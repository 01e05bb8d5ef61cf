"""Start-up benchmark: the kiosk against a bare QML window, measured in the same run.

    uv run python tests/bench/startup.py [--runs 9] [--no-frozen]

Reports, as ratios against the baseline (the machines are shared and noisy, absolute times are not
comparable between runs):
- whole-process time from launch to the first frame of the home page, warm content cache, and cold;
- the same for the frozen app (the one-folder bundle of build/build.py, built first if the sources
  changed since the last build), warm cache;
- peak memory (max RSS) of the same processes;
- loading and validating a generated content set of 10,000 items, against parsing the same YAML alone.
Targets: time within 1.5x and memory within 1.3x of the bare window; 10,000 items in under 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SIZE = "1920x1080"


def first_frame(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from launch to the first frame, and peak memory in MiB, of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip() == "first-frame":
            elapsed = time.perf_counter() - start
            break
    else:
        raise RuntimeError(f"{command} exited without drawing a frame")
    process.stdout.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{command} failed with {process.returncode}")
    return elapsed, usage.ru_maxrss / 1024  # Linux reports KiB


def frozen_bundle() -> Path:
    """The frozen app, built (or found up to date) as the tests build it."""
    print("Building the frozen app if the sources changed (build/build.py --if-changed)...", flush=True)
    subprocess.run(
        [sys.executable, str(ROOT / "build" / "build.py"), "--if-changed"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return ROOT / ".build" / "dist" / "fair-migration-kiosk" / "fair-migration-kiosk"


def measure_startup(
    runs: int, frozen: Path | None = None, bytecode: bool = True
) -> dict[str, tuple[float, float]]:
    cache = tempfile.mkdtemp(prefix="kiosk-bench-cache-")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": cache}
    bytecode_cache = tempfile.mkdtemp(prefix="kiosk-bench-pycache-")
    if bytecode:
        # As an installed kiosk runs: Python's compiled modules kept from one start to the next (a
        # frozen app ships them). A shell with PYTHONDONTWRITEBYTECODE would otherwise compile every
        # module of the kiosk (and of PySide6) afresh at each start; the warm-up run fills the folder.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = bytecode_cache
    # A cache of its own: the kiosk keeps one compiled content per cache folder, and the frozen
    # app's (another content folder, another code stamp) would push the source app's out each run.
    frozen_cache = tempfile.mkdtemp(prefix="kiosk-bench-frozen-cache-")
    envs = {"kiosk, frozen app, warm cache": {**env, "XDG_CACHE_HOME": frozen_cache}}
    commands = {
        "bare QML window": [sys.executable, str(ROOT / "tests/bench/bare_window.py"), SIZE],
        "kiosk, warm cache": [sys.executable, "-m", "kiosk", "--size", SIZE, "--quit-after-first-frame"],
        "kiosk, cold (no cache)": [
            sys.executable,
            "-m",
            "kiosk",
            "--size",
            SIZE,
            "--quit-after-first-frame",
            "--no-cache",
        ],
    }
    if frozen is not None:
        commands["kiosk, frozen app, warm cache"] = [str(frozen), "--size", SIZE, "--quit-after-first-frame"]
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for name, command in commands.items():  # warm the disk cache and the content cache
        first_frame(command, envs.get(name, env))
    for _ in range(runs):
        for name, command in commands.items():  # interleaved, so load spikes hit all alike
            samples[name].append(first_frame(command, envs.get(name, env)))
    shutil.rmtree(cache, ignore_errors=True)
    shutil.rmtree(bytecode_cache, ignore_errors=True)
    shutil.rmtree(frozen_cache, ignore_errors=True)
    return {
        name: (statistics.median(t for t, _ in values), statistics.median(m for _, m in values))
        for name, values in samples.items()
    }


def generate_content(root: Path, sections: int = 100, items_per_section: int = 100) -> None:
    (root / "sections").mkdir(parents=True)
    section_ids = [f"section-{s:03d}" for s in range(sections)]
    (root / "agenda.yaml").write_text(
        yaml.safe_dump(
            {
                "title": {"en": "Generated agenda", "fr": "Agenda généré", "es": "Agenda generada"},
                "lead": "A generated content set for benchmarks.",
                "languages": ["en", "fr", "es"],
                "source": {"name": "Benchmark", "url": "https://example.org/"},
                "version": "bench",
                "sections": section_ids,
            }
        ),
        encoding="utf-8",
    )
    kinds = ["article", "document", "link", "video"]
    for s, section_id in enumerate(section_ids):
        items = []
        for i in range(items_per_section):
            kind = kinds[i % len(kinds)]
            item = {
                "id": f"item-{s:03d}-{i:03d}",
                "kind": kind,
                "title": {"en": f"Item {s}.{i}", "fr": f"Élément {s}.{i}", "es": f"Elemento {s}.{i}"},
                "summary": {"en": "A short summary of the item for its card."},
                "body": {"en": "Some **Markdown** text.\n\nA second paragraph with more words in it."},
                "related": [f"item-{s:03d}-{(i + 1) % items_per_section:03d}"],
            }
            if kind == "link":
                item["url"] = f"https://example.org/{s}/{i}"
            items.append(item)
        (root / "sections" / f"{s:03d}-{section_id}.yaml").write_text(
            yaml.safe_dump({"id": section_id, "title": f"Section {s}", "items": items}, allow_unicode=True),
            encoding="utf-8",
        )


def measure_validation(repeats: int = 3) -> tuple[float, float, int]:
    sys.path.insert(0, str(ROOT))
    from kiosk.core.loader import load_content

    with tempfile.TemporaryDirectory(prefix="kiosk-bench-content-") as folder:
        root = Path(folder)
        generate_content(root)
        manifests = [root / "agenda.yaml", *sorted((root / "sections").glob("*.yaml"))]
        parse_times, load_times = [], []
        count = 0
        for _ in range(repeats):
            start = time.perf_counter()
            for manifest in manifests:
                yaml.load(manifest.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
            parse_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            result = load_content(root)
            load_times.append(time.perf_counter() - start)
            assert result.compiled is not None, result.problems[:5]
            count = len(result.compiled["items"])
        return min(parse_times), min(load_times), count


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--no-frozen", action="store_true", help="leave out the frozen app (no build)")
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="compile every Python module at each start (as with PYTHONDONTWRITEBYTECODE=1)",
    )
    args = parser.parse_args()

    frozen = None if args.no_frozen else frozen_bundle()
    results = measure_startup(args.runs, frozen, bytecode=not args.no_bytecode_cache)
    base_time, base_memory = results["bare QML window"]
    cached = "no bytecode cache" if args.no_bytecode_cache else "Python bytecode cached"
    print(f"Start-up to first frame, {SIZE} offscreen, {cached}, median of {args.runs} interleaved runs")
    print(f"  {'':30} {'time':>8} {'ratio':>6} {'peak RSS':>10} {'ratio':>6}")
    for name, (seconds, memory) in results.items():
        print(
            f"  {name:30} {seconds * 1000:6.0f}ms {seconds / base_time:5.2f}x"
            f" {memory:7.0f}MiB {memory / base_memory:5.2f}x"
        )
    parse, load, count = measure_validation()
    print(f"Loading and validating {count:,} generated items (3 languages, best of 3)")
    print(f"  parse YAML only (baseline) {parse * 1000:6.0f}ms")
    print(f"  load + validate + compile  {load * 1000:6.0f}ms  ({load / parse:.2f}x the parse alone)")

    warm_time, warm_memory = results["kiosk, warm cache"]
    checks = {
        "start-up time within 1.5x of the bare window": warm_time / base_time <= 1.5,
        "peak memory within 1.3x of the bare window": warm_memory / base_memory <= 1.3,
        "10,000 items validated in under 1.5 s": load < 1.5,
    }
    for label, ok in checks.items():
        print(f"  {'PASS' if ok else 'MISS'}  {label}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
