"""The kiosk-mode commands as staff and IT type them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.booth import paths
from kiosk.cli import main
from kiosk.core.pin import PinStore, default_pin_file


@pytest.fixture
def config_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config"


def test_kiosk_mode_refuses_to_start_without_a_pin_and_says_how_to_set_one(
    config_home: Path, capsys: Any
) -> None:
    assert not PinStore(default_pin_file(paths.user_config())).is_set()
    assert main(["--kiosk"]) == 2
    err = capsys.readouterr().err
    assert "needs an admin PIN" in err and "kiosk set-pin" in err


def test_kiosk_mode_set_in_the_machines_kiosk_yaml_also_needs_a_pin(config_home: Path, capsys: Any) -> None:
    settings = config_home / "fair-migration-kiosk" / "kiosk.yaml"
    settings.parent.mkdir(parents=True)
    settings.write_text("kiosk_mode: true\n", encoding="utf-8")
    assert main([]) == 2
    assert "needs an admin PIN" in capsys.readouterr().err


def test_a_mistake_in_the_machines_kiosk_yaml_is_named_with_its_line(
    config_home: Path, capsys: Any, caplog: pytest.LogCaptureFixture
) -> None:
    from kiosk.booth import paths
    from kiosk.cli import _machine_settings
    from kiosk.core.loader import load_content

    settings = config_home / "fair-migration-kiosk" / "kiosk.yaml"
    settings.parent.mkdir(parents=True)
    settings.write_text("kiosk_mode: true\nidle_secnds: 30\n", encoding="utf-8")
    compiled = load_content(paths.bundled_content()).compiled
    assert compiled is not None
    _machine_settings(compiled)
    message = f"{settings}:2:1: idle_secnds: unknown key 'idle_secnds' (did you mean 'idle_seconds'?)"
    err = capsys.readouterr().err
    assert message in err and "has errors and was ignored" in err
    # At a booth nobody reads a terminal: the log (and with it the admin panel) has it too.
    assert message in caplog.text
    assert compiled["kiosk"]["kiosk_mode"] is False and compiled["kiosk"]["idle_seconds"] == 90


def test_install_autostart_writes_and_removes_the_login_entry(config_home: Path, capsys: Any) -> None:
    assert main(["install-autostart"]) == 0
    entry = config_home / "autostart" / "fair-migration-kiosk.desktop"
    text = entry.read_text(encoding="utf-8")
    assert "Exec=" in text and "--kiosk" in text
    assert "Set an admin PIN first" in capsys.readouterr().out
    assert main(["install-autostart", "--remove"]) == 0
    assert not entry.exists()
    assert main(["install-autostart", "--remove"]) == 0
    assert "was not set to start at login" in capsys.readouterr().out


def test_a_mistake_in_the_contents_kiosk_yaml_is_a_validation_error_with_its_line(
    tmp_path: Path, capsys: Any
) -> None:
    import shutil

    from kiosk.booth import paths

    content = tmp_path / "content"
    shutil.copytree(paths.bundled_content(), content)
    (content / "kiosk.yaml").write_text(
        "idle_seconds: 5\nattract:\n  videos: [no-such-video, agenda-handout]\n", encoding="utf-8"
    )
    assert main(["validate", str(content)]) == 1
    out = capsys.readouterr().out
    assert "kiosk.yaml:1:15: idle_seconds: " in out
    (content / "kiosk.yaml").write_text(
        "idle_seconds: 60\nattract:\n  videos: [no-such-video, agenda-handout]\n", encoding="utf-8"
    )
    assert main(["validate", str(content)]) == 1
    out = capsys.readouterr().out
    assert "kiosk.yaml:3:12: attract.videos[0]: no item has the id 'no-such-video'" in out
    assert "kiosk.yaml:3:27: attract.videos[1]: 'agenda-handout' is a document, not a video" in out
