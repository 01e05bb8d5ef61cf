"""kiosk.core must stay free of Qt, and the warm-start path must not pay for pydantic or PyYAML. The parts of
kiosk/ import only what they may (the core neither Qt nor the booth nor the command; the booth neither Qt
nor the UI), and no kiosk modules import each other round a circle."""

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


# --- the parts of kiosk/ and what each may import (issue 16) -----------------------------------------------

KIOSK = CORE.parent
# The operation around the UI must keep running when Qt cannot start (the supervisor shows the "back in a
# moment" screen by starting another process, not by importing the UI).
RULES = {
    "kiosk.core": ("PySide6", "shiboken6", "kiosk.booth", "kiosk.cli", "kiosk.ui"),
    "kiosk.booth": ("PySide6", "shiboken6", "kiosk.ui", "kiosk.cli"),
}


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def import_statements(
    source: str, filename: str = "<string>", package: str = ""
) -> list[tuple[int, list[str]]]:
    """(line, candidates) for every import that runs, at module level or in a function: `import a.b` gives
    [a.b]; `from a import b` gives [a.b, a] (b may be a module, else it is a name in a); importlib's
    import_module("a") and __import__("a") give [a]. `if TYPE_CHECKING:` blocks are left out: they never
    run. `package` resolves relative imports."""
    tree = ast.parse(source, filename)
    skipped = {id(inner) for node in ast.walk(tree) if _is_type_checking(node) for inner in ast.walk(node)}
    found: list[tuple[int, list[str]]] = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.extend((node.lineno, [alias.name]) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            found.extend((node.lineno, [f"{base}.{alias.name}", base]) for alias in node.names)
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__") and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.append((node.lineno, [first.value]))
    return found


def imported_modules(source: str, filename: str = "<string>", package: str = "") -> list[tuple[int, str]]:
    """(line, module) for every candidate of every import that runs (see import_statements)."""
    return [
        (line, module)
        for line, candidates in import_statements(source, filename, package)
        for module in candidates
    ]


def _within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(KIOSK.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def kiosk_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(KIOSK.rglob("*.py"))}


def part_modules(part: str) -> list[Path]:
    return [path for name, path in kiosk_modules().items() if _within(name, part)]


def test_the_parts_are_where_the_rules_look() -> None:
    names = set(kiosk_modules())
    assert {"kiosk.booth.supervisor", "kiosk.booth.paths", "kiosk.cli", "kiosk.cli.packs"} <= names
    assert {"kiosk.core.packs", "kiosk.core.packs.installing", "kiosk.ui.app"} <= names


@pytest.mark.parametrize(
    ("part", "path"),
    [(part, path) for part in RULES for path in part_modules(part)],
    ids=lambda value: str(value.relative_to(KIOSK)) if isinstance(value, Path) else value,
)
def test_each_part_imports_only_what_it_may(part: str, path: Path) -> None:
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    imported = imported_modules(path.read_text(encoding="utf-8"), str(path), package)
    found = sorted(
        {(line, module) for line, module in imported if any(_within(module, f) for f in RULES[part])}
    )
    assert not found, f"{path.relative_to(KIOSK)} ({part}) imports " + ", ".join(
        f"line {n}: {m}" for n, m in found
    )


def import_graph(sources: dict[str, str]) -> dict[str, set[str]]:
    """Module -> the kiosk modules it imports: for `from a import b`, a.b when that is a module, else a.
    Python also runs the __init__ of every package on the way, but that is how packages work, not a
    dependency the importing module chose (else every package whose __init__ re-exports its modules
    would be a circle)."""
    graph: dict[str, set[str]] = {}
    for name, source in sources.items():
        is_package = any(other.startswith(name + ".") for other in sources)
        package = name if is_package else name.rpartition(".")[0]
        targets = set()
        for _line, candidates in import_statements(source, name, package):
            module = next((c for c in candidates if c in sources), candidates[-1])
            while module and module not in sources:
                module = module.rpartition(".")[0]
            if module and module != name:
                targets.add(module)
        graph[name] = targets
    return graph


def import_circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan): each holds at least one circle."""
    index: dict[str, int] = {}
    lowest: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = lowest[module] = len(index)
        stack.append(module)
        for target in sorted(graph.get(module, ())):
            if target not in index:
                visit(target)
                lowest[module] = min(lowest[module], lowest[target])
            elif target in stack:
                lowest[module] = min(lowest[module], index[target])
        if lowest[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                circles.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return circles


def test_no_kiosk_module_imports_itself_back_round_a_circle() -> None:
    # Function-level imports count as much as module-level ones. They are there to keep start-up fast,
    # not to hide a circle: once the function runs the two modules need each other all the same, and a
    # reader (or a move to another package) has to take both at once.
    graph = import_graph({name: path.read_text(encoding="utf-8") for name, path in kiosk_modules().items()})
    assert graph["kiosk.ui.app"] and graph["kiosk.cli"]
    circles = import_circles(graph)
    assert not circles, "modules that import each other, directly or round a circle: " + "; ".join(
        ", ".join(group) for group in circles
    )


def test_the_circle_check_sees_function_level_and_not_type_checking_imports() -> None:
    sources = {
        "kiosk.a": "from kiosk import b\n",
        "kiosk.b": "def later():\n    from kiosk.c import thing\n",
        "kiosk.c": "import kiosk.a.inner\n",
        "kiosk.a.inner": "",
        "kiosk.d": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from kiosk.e import E\n",
        "kiosk.e": "from kiosk.d import D\n",
        "kiosk.p": "from .q import run\n",
        "kiosk.p.q": "from kiosk.p.r import helper\n",
        "kiosk.p.r": "",
        "kiosk.user": "from kiosk.p import r\n",
    }
    graph = import_graph(sources)
    assert graph["kiosk.p"] == {"kiosk.p.q"}
    assert graph["kiosk.user"] == {"kiosk.p.r"}
    assert graph["kiosk.b"] == {"kiosk.c"}
    assert import_circles(graph) == []  # kiosk.c imports kiosk.a.inner, not kiosk.a
    sources["kiosk.c"] = "import kiosk.a\n"
    assert import_circles(import_graph(sources)) == [["kiosk.a", "kiosk.b", "kiosk.c"]]


@pytest.mark.parametrize(
    ("snippet", "module"),
    [
        ("from kiosk import booth\n", "kiosk.booth"),
        ("def f():\n    from kiosk.ui.app import application\n", "kiosk.ui"),
        ("import importlib\nimportlib.import_module('kiosk.cli.packs')\n", "kiosk.cli"),
    ],
)
def test_the_part_check_finds_imports_anywhere(snippet: str, module: str) -> None:
    assert any(_within(found, module) for _line, found in imported_modules(snippet))


def test_the_part_check_leaves_out_type_checking_imports() -> None:
    snippet = (
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from kiosk.ui.app import KioskWindow\n"
    )
    assert not any(_within(found, "kiosk.ui") for _line, found in imported_modules(snippet))
