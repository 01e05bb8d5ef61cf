from __future__ import annotations

from pathlib import Path

import pytest

from .contentkit import ContentFolder, build_valid_content


@pytest.fixture
def content(tmp_path: Path) -> ContentFolder:
    """A fresh, valid content folder in tmp_path; each test may change it as it likes."""
    return build_valid_content(tmp_path / "content")


@pytest.fixture(scope="session")
def bundled_content() -> Path:
    root = Path(__file__).resolve().parents[2] / "content"
    assert (root / "agenda.yaml").is_file(), root
    return root
