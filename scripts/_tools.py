"""What both media generators need: running a tool and failing with a message, not a traceback."""

from __future__ import annotations

import subprocess


class Failure(Exception):
    """A problem the person running the script must fix; printed without a traceback."""


def run(command: list[str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise Failure(
            f"{command[0]} failed ({result.returncode}):\n  {' '.join(command)}\n{result.stderr[-2000:]}"
        )
    return result
