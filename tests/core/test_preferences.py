"""Reading preferences on disk: a round trip, and defaults for anything a hand or a crash mangled."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.core.preferences import TEXT_SCALES, Preferences, load_preferences, save_preferences


def test_defaults_are_standard_text_normal_contrast_and_motion() -> None:
    assert Preferences() == Preferences(text_size=0, high_contrast=False, reduced_motion=False)
    assert Preferences().text_scale == TEXT_SCALES[0] == 1.0
    assert list(TEXT_SCALES) == sorted(TEXT_SCALES), "each step is larger than the one before"


def test_saved_preferences_come_back(tmp_path: Path) -> None:
    store = tmp_path / "deeper" / "preferences.json"
    chosen = Preferences(text_size=2, high_contrast=True, reduced_motion=True)
    assert save_preferences(store, chosen) is True
    assert json.loads(store.read_text(encoding="utf-8")) == {
        "text_size": 2,
        "high_contrast": True,
        "reduced_motion": True,
    }
    assert load_preferences(store) == chosen
    assert load_preferences(store).text_scale == TEXT_SCALES[2]
    # Written atomically: no temporary file is left beside it.
    assert [p.name for p in store.parent.iterdir()] == ["preferences.json"]


def test_a_missing_file_gives_the_defaults(tmp_path: Path) -> None:
    assert load_preferences(tmp_path / "nothing-here.json") == Preferences()


@pytest.mark.parametrize(
    "written",
    [
        b"",
        b"garbage {{{",
        b"\xff\xfe\x00 not utf-8 \x80",
        b"null",
        b"[1, true, false]",
        b'"text_size"',
        b"42",
        b'{"text_size": "2", "high_contrast": "yes", "reduced_motion": 1}',
        b'{"text_size": true}',
        b'{"text_size": 7}',
        b'{"text_size": -1}',
        b'{"text_size": 1.0}',
        b'{"text_size": null, "high_contrast": null, "reduced_motion": []}',
        b'{"text_size": 99999999999999999999999}',
        b'{"high_contrast": {"on": true}}',
    ],
)
def test_a_mangled_file_gives_the_defaults(tmp_path: Path, written: bytes) -> None:
    store = tmp_path / "preferences.json"
    store.write_bytes(written)
    assert load_preferences(store) == Preferences()


def test_good_values_survive_beside_bad_ones(tmp_path: Path) -> None:
    store = tmp_path / "preferences.json"
    store.write_text(
        '{"text_size": 1, "high_contrast": "true", "reduced_motion": true, "extra": 3}', encoding="utf-8"
    )
    assert load_preferences(store) == Preferences(text_size=1, high_contrast=False, reduced_motion=True)


def test_a_folder_where_the_file_should_be_gives_the_defaults(tmp_path: Path) -> None:
    store = tmp_path / "preferences.json"
    store.mkdir()
    assert load_preferences(store) == Preferences()
    # And saving there fails quietly: the preferences then last one run.
    assert save_preferences(store, Preferences(text_size=1)) is False


def test_saving_under_a_file_fails_quietly(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    assert save_preferences(blocker / "preferences.json", Preferences(high_contrast=True)) is False


def test_changed_keeps_the_text_size_within_the_steps() -> None:
    assert Preferences().changed(text_size=2).text_size == 2
    assert Preferences().changed(text_size=len(TEXT_SCALES)).text_size == 0
    assert Preferences().changed(text_size=-1).text_size == 0
    assert Preferences(text_size=1).changed(high_contrast=True) == Preferences(1, True, False)
