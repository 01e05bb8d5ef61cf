"""Log files that rotate, the process name in every line, the last problems kept for the admin panel,
and a log folder that cannot be written."""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.booth import logs, paths


@pytest.fixture(autouse=True)
def fresh_logging() -> Iterator[None]:
    logs._recent.clear()
    yield
    logs.shutdown_logging()
    logs._recent.clear()


def test_lines_name_time_process_level_and_logger(tmp_path: Path) -> None:
    target = logs.setup_logging("supervisor", folder=tmp_path)
    assert target == tmp_path / "supervisor.log"
    logging.getLogger("kiosk.test").info("started the UI")
    line = target.read_text(encoding="utf-8").strip()
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} supervisor\[\d+\] INFO kiosk\.test: started the UI", line
    ), line


def test_the_default_folder_is_the_per_user_log_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # platformdirs honours XDG_STATE_HOME for logs on Linux.
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    if sys.platform.startswith("linux"):
        assert paths.user_logs().is_relative_to(tmp_path)
    target = logs.setup_logging("ui")
    assert target == paths.user_logs() / "ui.log"
    assert target.exists()


def test_files_rotate_and_keep_five_old_ones(tmp_path: Path) -> None:
    target = logs.setup_logging("ui", folder=tmp_path, max_bytes=2_000)
    assert target is not None
    for number in range(400):
        logging.getLogger("kiosk.test").info("line %d of a long day at the booth", number)
    names = sorted(path.name for path in tmp_path.glob("ui.log*"))
    assert names == ["ui.log", "ui.log.1", "ui.log.2", "ui.log.3", "ui.log.4", "ui.log.5"]
    assert all(path.stat().st_size <= 2_000 for path in tmp_path.glob("ui.log*"))
    assert "line 399 " in target.read_text(encoding="utf-8")


def test_warnings_also_go_to_stderr_but_info_does_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    logs.setup_logging("ui", folder=tmp_path)
    logging.getLogger("kiosk.test").info("quiet")
    logging.getLogger("kiosk.test").warning("loud")
    err = capsys.readouterr().err
    assert "loud" in err
    assert "quiet" not in err


def test_a_second_setup_does_not_double_lines(tmp_path: Path) -> None:
    logs.setup_logging("ui", folder=tmp_path)
    target = logs.setup_logging("ui", folder=tmp_path)
    assert target is not None
    logging.getLogger("kiosk.test").warning("once")
    assert target.read_text(encoding="utf-8").count("once") == 1
    assert len(logs.recent_problems()) == 1


def test_an_unwritable_folder_falls_back_to_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A file where the folder should be: unwritable even for root, who ignores permissions.
    blocked = tmp_path / "logs"
    blocked.write_text("not a folder", encoding="utf-8")
    assert logs.setup_logging("ui", folder=blocked / "deeper") is None
    logging.getLogger("kiosk.test").error("still reported")
    err = capsys.readouterr().err
    assert err.count("Cannot write the log file") == 1
    assert "still reported" in err


def test_recent_problems_keep_the_last_50_warnings_and_errors(tmp_path: Path) -> None:
    logs.setup_logging("ui", folder=tmp_path)
    log = logging.getLogger("kiosk.test")
    log.info("not a problem")
    for number in range(60):
        log.warning("video %d did not start", number)
    log.error("disk full")
    problems = logs.recent_problems()
    assert len(problems) == 50
    assert problems[0][1:] == ("WARNING", "video 11 did not start")
    assert problems[-1][1:] == ("ERROR", "disk full")
    times = [when for when, _level, _text in problems]
    assert times == sorted(times)


def test_a_problem_with_an_exception_names_it(tmp_path: Path) -> None:
    logs.setup_logging("ui", folder=tmp_path)
    try:
        raise ValueError("bad page")
    except ValueError:
        logging.getLogger("kiosk.test").exception("Could not show the page")
    assert logs.recent_problems()[-1][1:] == ("ERROR", "Could not show the page (ValueError: bad page)")


def test_uncaught_exceptions_reach_the_log_file(tmp_path: Path) -> None:
    target = logs.setup_logging("ui", folder=tmp_path)
    assert target is not None
    try:
        raise RuntimeError("slot failed")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    text = target.read_text(encoding="utf-8")
    assert "CRITICAL kiosk: Uncaught exception" in text
    assert "RuntimeError: slot failed" in text
    logs.shutdown_logging()
    assert sys.excepthook is not logs._log_uncaught


def test_a_hard_crash_leaves_its_traceback_in_the_log_folder(tmp_path: Path) -> None:
    script = (
        "import faulthandler, sys\n"
        "from pathlib import Path\n"
        "from kiosk.booth.logs import setup_logging\n"
        "setup_logging('ui', folder=Path(sys.argv[1]))\n"
        "faulthandler._sigsegv()\n"
    )
    crashed = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, check=False)
    assert crashed.returncode != 0
    text = (tmp_path / logs.CRASH_FILE).read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in text


def test_a_basic_config_handler_is_put_aside_and_restored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = logging.getLogger()
    basic = logging.StreamHandler(sys.stderr)
    root.addHandler(basic)
    try:
        logs.setup_logging("ui", folder=tmp_path)
        assert basic not in root.handlers
        logging.getLogger("kiosk.test").warning("said once")
        assert capsys.readouterr().err.count("said once") == 1
        logs.shutdown_logging()
        assert basic in root.handlers
    finally:
        root.removeHandler(basic)
