"""The machine's folders, found without platformdirs at start-up, are the ones platformdirs names."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from kiosk.booth import paths

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the shortcut is Linux's only")

FOLDERS = [
    (paths.user_cache, platformdirs.user_cache_path),
    (paths.user_config, platformdirs.user_config_path),
    (paths.user_data, platformdirs.user_data_path),
    (paths.user_state, platformdirs.user_state_path),
    (paths.user_logs, platformdirs.user_log_path),
]
VARIABLES = ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")


@pytest.mark.parametrize(
    "environment",
    [
        {},  # every folder in the home folder
        {name: f"/srv/{name.lower()}" for name in VARIABLES},
        {name: f"/srv/{name.lower()}/" for name in VARIABLES},  # a trailing slash
        {name: "relative/folder" for name in VARIABLES},  # ignored: not an absolute path
        {name: "" for name in VARIABLES},
        {"HOME": "relative-home"},  # platformdirs asks the password database
    ],
    ids=["home", "xdg", "xdg-slash", "xdg-relative", "xdg-empty", "home-relative"],
)
def test_each_folder_is_platformdirs_own(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str]
) -> None:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", "/home/visitor")
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    for ours, theirs in FOLDERS:
        assert ours() == Path(theirs(paths.APP_NAME, appauthor=False)), ours.__name__
