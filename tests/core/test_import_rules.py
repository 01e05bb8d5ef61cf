"""kiosk.core must stay free of Qt, and the warm-start path must not pay for pydantic or PyYAML."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[2] / "kiosk" / "core"
FORBIDDEN = ("PySide6", "shiboken6")


def forbidden_imports(source: str, filename: str = "<string>") -> list[tuple[int, str]]:
    """(line, module) for every import of a forbidden top-level package, wherever it is in the file."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source, filename)):
        modules: list[str] = []
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules = [node.module]
        elif isinstance(node, ast.Call):
            # importlib.import_module("PySide6.QtCore") and __import__("PySide6") hide from the checks above.
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__") and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    modules = [first.value]
        found.extend((node.lineno, m) for m in modules if m.split(".")[0] in FORBIDDEN)
    return found


def core_modules() -> list[Path]:
    return sorted(CORE.rglob("*.py"))


def test_core_has_modules_to_check() -> None:
    names = {path.name for path in core_modules()}
    assert {"loader.py", "pages.py", "cache.py", "model.py", "yamlpos.py"} <= names


@pytest.mark.parametrize("path", core_modules(), ids=lambda p: p.name)
def test_core_module_does_not_import_qt(path: Path) -> None:
    found = forbidden_imports(path.read_text(encoding="utf-8"), str(path))
    assert not found, f"{path.name} imports Qt: " + ", ".join(f"line {n}: {m}" for n, m in found)


@pytest.mark.parametrize(
    ("snippet", "module"),
    [
        ("import PySide6", "PySide6"),
        ("import os, shiboken6 as sb", "shiboken6"),
        ("from PySide6.QtCore import QObject", "PySide6.QtCore"),
        ("def f():\n    if True:\n        from PySide6 import QtGui\n", "PySide6"),
        ("class C:\n    def m(self):\n        import PySide6.QtQml\n", "PySide6.QtQml"),
        ("try:\n    pass\nexcept ImportError:\n    import shiboken6\n", "shiboken6"),
        ("import importlib\nimportlib.import_module('PySide6.QtCore')\n", "PySide6.QtCore"),
        ("__import__('shiboken6')\n", "shiboken6"),
    ],
)
def test_the_checker_finds_qt_imports_anywhere(snippet: str, module: str) -> None:
    assert [m for _line, m in forbidden_imports(snippet)] == [module]


@pytest.mark.parametrize(
    "snippet",
    ["import PySide6_helpers", "from kiosk.core import pages", "from . import PySide6", "x = 'PySide6'"],
)
def test_the_checker_ignores_look_alikes(snippet: str) -> None:
    assert forbidden_imports(snippet) == []


def _modules_after(statement: str) -> set[str]:
    code = f"import json, sys\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    completed = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=CORE.parents[1],
    )
    return {name.split(".")[0] for name in json.loads(completed.stdout)}


def test_warm_start_modules_do_not_load_pydantic_yaml_or_qt() -> None:
    loaded = _modules_after(
        "import kiosk.core.pages, kiosk.core.cache\n"
        "from kiosk.core.pages import Navigation, Pages\n"
        "from kiosk.core.cache import fingerprint, load_cached"
    )
    assert "kiosk" in loaded
    heavy = loaded & {"pydantic", "pydantic_core", "yaml", "_yaml", *FORBIDDEN}
    assert not heavy, f"importing pages and cache loaded {sorted(heavy)}"


def test_the_subprocess_check_would_see_pydantic_and_yaml() -> None:
    # The cold path does need them: proves the check above looks at the right thing.
    loaded = _modules_after("import kiosk.core.loader")
    assert {"pydantic", "yaml"} <= loaded
