"""The soak benchmark, short: 200 visitor cycles in the default test run (the full 5,000 run by hand)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any


def soak_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("soak", Path(__file__).with_name("soak.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up by name while the module is being executed.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_two_hundred_visitor_cycles_leak_nothing_that_grows(qapp: Any) -> None:
    soak = soak_module()
    figures = soak.run_soak(200, settle_cycles=50)
    assert figures.resets == 200
    assert figures.objects_at_end <= figures.objects_after_settle
    assert figures.items_at_end <= figures.items_after_settle
    assert figures.memory_growth_mb <= soak.MEMORY_LIMIT_MB
