"""What `kiosk stats` and `kiosk fleet` share: the --days argument and the text bar charts. Here, so
that neither command module imports the other (stats hands --fleet to fleet)."""

from __future__ import annotations

import argparse

BAR_WIDTH = 40


def days_argument(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of days") from None
    if not 1 <= days <= 3650:
        raise argparse.ArgumentTypeError("days must be 1 to 3650")
    return days


def text_bar(count: int, most: int, block: str) -> str:
    if count <= 0 or most <= 0:
        return ""
    return block * max(1, round(BAR_WIDTH * count / most))
