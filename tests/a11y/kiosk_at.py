"""The kiosk as `python -m kiosk` starts it, with its wall clock stopped at a given time: for the
screen-reader tests of the programme's now and next, which a real clock would make a matter of the
day the tests run on. For the tests only; a kiosk in use follows the machine's clock.

    python tests/a11y/kiosk_at.py 2027-03-10T10:15:00+01:00 --content DIR [kiosk options]

The clock goes in where every other test gives it: build_window's `wall_clock`."""

from __future__ import annotations

import datetime
import functools
import sys


def main() -> int:
    at = datetime.datetime.fromisoformat(sys.argv[1])
    if at.tzinfo is None:
        raise SystemExit("kiosk_at.py: give the time with its offset, e.g. 2027-03-10T10:15:00+01:00")
    from kiosk.cli import main as kiosk
    from kiosk.ui import app, run

    # run.py made its window with the build_window it imported: that name is the one to replace.
    setattr(run, "build_window", functools.partial(app.build_window, wall_clock=lambda: at))  # noqa: B010
    return kiosk(sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
