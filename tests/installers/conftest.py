from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    # Run by default (CI must), and easy to leave out on a quick run: pytest -m "not build".
    config.addinivalue_line("markers", "build: builds the installers with PyInstaller and tests them")
