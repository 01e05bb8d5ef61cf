"""`kiosk` as a person starts it: the real process, on good and on broken content."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from kiosk.booth import paths
from kiosk.cli import main


def run_kiosk(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


def test_app_opens_a_window_on_the_bundled_content_and_draws_a_frame() -> None:
    done = run_kiosk("--quit-after-first-frame", "--no-cache")
    assert done.returncode == 0, done.stderr
    assert "first-frame" in done.stdout
    # QML warnings are printed to stderr: a clean start prints none.
    assert "qml" not in done.stderr.lower() and "error" not in done.stderr.lower(), done.stderr


def test_app_opens_on_a_deep_route_and_warns_on_an_unknown_one() -> None:
    done = run_kiosk("--quit-after-first-frame", "--route", "section/nowhere")
    assert done.returncode == 0
    assert "No page has the route 'section/nowhere'" in done.stderr


def test_broken_content_opens_nothing_and_prints_every_problem(tmp_path: Path, capsys: Any) -> None:
    content = tmp_path / "content"
    shutil.copytree(paths.bundled_content(), content)
    (content / "sections" / "30-views-of-ituc.yaml").write_text(
        (content / "sections" / "30-views-of-ituc.yaml")
        .read_text(encoding="utf-8")
        .replace("kind: video", "kind: vidoe", 1),
        encoding="utf-8",
    )
    agenda = content / "agenda.yaml"
    agenda.write_text(agenda.read_text(encoding="utf-8") + "\ntitel: Oops\n", encoding="utf-8")

    assert main(["--content", str(content), "--quit-after-first-frame"]) == 1
    err = capsys.readouterr().err
    assert "nothing was opened" in err
    assert "agenda.yaml:" in err and "unknown key 'titel' (did you mean 'title'?)" in err
    assert "sections/30-views-of-ituc.yaml:" in err and "unknown kind 'vidoe'" in err
    assert "2 error(s)" in err
    assert "Traceback" not in err


def test_missing_content_folder_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    done = run_kiosk("--content", str(tmp_path / "nowhere"))
    assert done.returncode == 1
    assert "content folder not found" in done.stderr
    assert "Traceback" not in done.stderr
