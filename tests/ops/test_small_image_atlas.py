"""A booth caps Qt Quick's texture atlas for small images (8-16 MiB by default, kept for good after
the first visitor), unless the machine's environment already says how large it should be."""

from __future__ import annotations

import os

import pytest

from kiosk.booth.memory import SMALL_IMAGE_ATLAS, small_image_atlas


def test_the_atlas_is_capped_unless_the_environment_says(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QSG_ATLAS_WIDTH", raising=False)
    monkeypatch.setenv("QSG_ATLAS_HEIGHT", "2048")
    small_image_atlas()
    assert os.environ["QSG_ATLAS_WIDTH"] == str(SMALL_IMAGE_ATLAS)
    assert os.environ["QSG_ATLAS_HEIGHT"] == "2048"
